package verify

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sync"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/matterext"
)

// Anchor is a PAA in a trust store, with where it came from.
type Anchor struct {
	Cert   *matterext.Certificate
	Source string // file path, or "embedded:<file>" for the production snapshot
}

// Skipped records a certificate a trust store did not take, and why.
type Skipped struct {
	Source string
	Cert   *matterext.Certificate // nil when the input did not decode
	Err    error
}

// Trust-store errors.
var (
	ErrNotPAA = errors.New("not a PAA (a self-issued CA certificate)")
	ErrNoSKID = errors.New("no 20-byte subjectKeyIdentifier to look the PAA up by")
)

// TrustStore holds PAAs, looked up as the SDK does: by PAA SKID == PAI AKID,
// byte for byte, first match.
type TrustStore struct {
	// Name describes the store in messages, e.g. "embedded production PAAs".
	Name    string
	anchors []*Anchor
	// Skipped lists certificates offered to the store that it did not take.
	Skipped []Skipped
	// Collisions lists PAAs added with the SKID of a different PAA already
	// in the store: lookups by SKID find the earlier one, so the later one is
	// shadowed.
	Collisions []Collision
}

// Collision is a PAA whose SKID is already taken by another PAA of the store.
type Collision struct {
	Shadowed *Anchor // the PAA added later, never found by Lookup
	Winner   *Anchor // the PAA Lookup returns
}

func (c Collision) String() string {
	same := "a different subject"
	if bytes.Equal(c.Shadowed.Cert.Subject.Raw, c.Winner.Cert.Subject.Raw) {
		same = "the same subject"
	}
	return fmt.Sprintf("PAA %q from %s has the SKID %s and %s of %q from %s, which is looked up first; %s is shadowed",
		c.Shadowed.Cert.Subject.String(), c.Shadowed.Source, matterext.KeyIDHex(c.Shadowed.Cert.SubjectKeyID.ID), same,
		c.Winner.Cert.Subject.String(), c.Winner.Source, c.Shadowed.Source)
}

// NewTrustStore returns an empty store.
func NewTrustStore(name string) *TrustStore { return &TrustStore{Name: name} }

// Add adds c. Certificates that are not self-issued CAs, or that have no
// 20-byte SKID, are refused (the SDK's file store skips them too) and
// recorded in Skipped.
func (s *TrustStore) Add(c *matterext.Certificate, source string) error {
	var err error
	bc := c.BasicConstraints
	switch {
	case !c.SelfIssued() || bc == nil || bc.Err != nil || !bc.CA:
		err = ErrNotPAA
	case c.SubjectKeyID == nil || len(c.SubjectKeyID.ID) != 20:
		err = ErrNoSKID
	}
	if err != nil {
		s.Skipped = append(s.Skipped, Skipped{Source: source, Cert: c, Err: err})
		return fmt.Errorf("%s: %w", source, err)
	}
	a := &Anchor{Cert: c, Source: source}
	if w := s.Lookup(c.SubjectKeyID.ID); w != nil && !bytes.Equal(w.Cert.Raw, c.Raw) {
		s.Collisions = append(s.Collisions, Collision{Shadowed: a, Winner: w})
	}
	s.anchors = append(s.anchors, a)
	return nil
}

// AddPath adds every certificate in a file or directory (PEM, DER, hex or
// base64; directories recursively). Unreadable inputs give an error;
// certificates that are not PAAs are only recorded in Skipped.
func (s *TrustStore) AddPath(p string) error {
	var errs []error
	(&input.Reader{}).Read([]string{p}, func(it input.Item) bool {
		src := fmt.Sprintf("%s [%d]", it.Source, it.Index)
		if it.Err != nil {
			if it.Err.Kind == input.KindIO {
				errs = append(errs, it.Err)
			} else {
				s.Skipped = append(s.Skipped, Skipped{Source: src, Err: it.Err})
			}
			return true
		}
		c, err := matterext.ParseCertificate(it.DER)
		if err != nil {
			s.Skipped = append(s.Skipped, Skipped{Source: src, Err: err})
			return true
		}
		if it.Index == 0 {
			src = it.Source
		}
		_ = s.Add(c, src)
		return true
	})
	return errors.Join(errs...)
}

// Anchors returns the PAAs in the store, in the order they were added.
func (s *TrustStore) Anchors() []*Anchor { return s.anchors }

// Lookup returns the first PAA whose SKID equals skid, or nil.
func (s *TrustStore) Lookup(skid []byte) *Anchor {
	for _, a := range s.anchors {
		if bytes.Equal(a.Cert.SubjectKeyID.ID, skid) {
			return a
		}
	}
	return nil
}

// Closest returns the PAAs that come closest to issuing pai when none
// matches its AKID: those whose subject equals the PAI's issuer, then those
// with the PAI's VID.
func (s *TrustStore) Closest(pai *matterext.Certificate) (sameSubject, sameVID []*Anchor) {
	vp, err := matterext.ExtractVIDPID(&pai.Subject)
	for _, a := range s.anchors {
		if bytes.Equal(a.Cert.Subject.Raw, pai.Issuer.Raw) {
			sameSubject = append(sameSubject, a)
			continue
		}
		if err == nil && vp.HasVID() {
			if avp, aerr := matterext.ExtractVIDPID(&a.Cert.Subject); aerr == nil && avp.HasVID() && avp.VID == vp.VID {
				sameVID = append(sameVID, a)
			}
		}
	}
	return sameSubject, sameVID
}

//go:embed trust/production/*.pem trust/production/SOURCE.tsv trust/NOTICE
var productionFS embed.FS

// Snapshot describes the embedded production PAA store.
type Snapshot struct {
	Date   string // when the snapshot was taken (YYYY-MM-DD)
	Source string // where the certificates come from
}

// ProductionSnapshot describes the embedded production PAA store.
func ProductionSnapshot() Snapshot {
	return Snapshot{
		Date:   "2026-11-26",
		Source: "Matter SDK credentials/production/paa-root-certs (DCL mirror), via shared/corpus/chip/production-paa; upstream commits in verify/trust/production/SOURCE.tsv",
	}
}

var production = sync.OnceValues(func() (*TrustStore, error) {
	s := NewTrustStore("embedded production PAAs (snapshot " + ProductionSnapshot().Date + ")")
	files, err := fs.Glob(productionFS, "trust/production/*.pem")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		b, _ := productionFS.ReadFile(f)
		var perr error
		input.ReadStream(f, bytes.NewReader(b), func(it input.Item) bool {
			if it.Err != nil {
				perr = it.Err
				return false
			}
			c, err := matterext.ParseCertificate(it.DER)
			if err != nil {
				perr = err
				return false
			}
			perr = s.Add(c, "embedded:"+path.Base(f))
			return perr == nil
		})
		if perr != nil {
			return nil, fmt.Errorf("embedded production PAA %s: %w", f, perr)
		}
	}
	return s, nil
})

// Production returns the embedded snapshot of the production PAAs: a new
// copy at each call, so that adding to it (Add, AddPath) changes no other
// caller's store. The certificates themselves are shared and must not be
// modified.
func Production() (*TrustStore, error) {
	s, err := production()
	if err != nil {
		return nil, err
	}
	return s.Clone(), nil
}

// Clone returns a copy of the store that can be extended without changing s.
func (s *TrustStore) Clone() *TrustStore {
	return &TrustStore{Name: s.Name, anchors: append([]*Anchor(nil), s.anchors...),
		Skipped: append([]Skipped(nil), s.Skipped...), Collisions: append([]Collision(nil), s.Collisions...)}
}

// testPAASKIDs are the SKIDs of the SDK's test PAAs ("Matter Test PAA" FFF1
// and the NoVID PAA). TC_DA_1_7 rejects PAIs whose AKID is one of them.
var testPAASKIDs = [...][]byte{
	{0x6A, 0xFD, 0x22, 0x77, 0x1F, 0x51, 0x1F, 0xEC, 0xBF, 0x16, 0x41, 0x97, 0x67, 0x10, 0xDC, 0xDC, 0x31, 0xA1, 0x71, 0x7E},
	{0x78, 0x5C, 0xE7, 0x05, 0xB8, 0x6B, 0x8F, 0x4E, 0x6F, 0xC7, 0x93, 0xAA, 0x60, 0xCB, 0x43, 0xEA, 0x69, 0x68, 0x82, 0xD5},
}

// TestPAASKIDs returns the SKIDs of the SDK's test PAAs that production
// commissioners refuse (TC_DA_1_7's denylist).
func TestPAASKIDs() [][]byte {
	out := make([][]byte, len(testPAASKIDs))
	for i, k := range testPAASKIDs {
		out[i] = append([]byte(nil), k...)
	}
	return out
}
