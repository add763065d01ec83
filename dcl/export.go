package dcl

import (
	"bytes"
	"encoding/pem"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"sort"

	"github.com/matterlint/matterlint/matterext"
)

// What a ledger gives a commissioner: its device-attestation trust anchors
// (the approved PAAs) and its revocation points, in the models verify and
// the revocation-set builder take.

// RootState says where on the ledger a device-attestation root is.
type RootState int

// The states of a root: approved (in the AllCertificates index and not
// revoked), only proposed, or revoked.
const (
	RootApproved RootState = iota
	RootProposed
	RootRevoked
)

// String names the state as messages say it.
func (s RootState) String() string {
	switch s {
	case RootApproved:
		return "approved"
	case RootProposed:
		return "proposed, not approved"
	case RootRevoked:
		return "revoked"
	}
	return fmt.Sprintf("RootState(%d)", int(s))
}

// Root is a device-attestation root certificate (a PAA) of the ledger.
type Root struct {
	Cert   *matterext.Certificate
	Record *Record
	State  RootState
	// File is the snapshot file that lists it (FileAllCertificates,
	// FileProposedCertificates or FileRevokedCertificates).
	File string
}

// Source names the root for messages: its snapshot file (in dir, when dir
// is not empty), subject, SKID and serial number, e.g.
// `snap/all-certificates.json: CN=Matter PAA,vid=FFF1 (subjectKeyId
// 6A:FD:…, serial 1)`.
func (r Root) Source(dir string) string {
	file := r.File
	if dir != "" {
		file = filepath.Join(dir, file)
	}
	return recordSource(file, r.Record)
}

func recordSource(file string, rec *Record) string {
	subject := rec.SubjectAsText
	if subject == "" {
		subject = "subject " + shortID(rec.Subject)
	}
	return fmt.Sprintf("%s: %s (subjectKeyId %s, serial %s)", file, subject, rec.SubjectKeyID, rec.SerialNumber)
}

// ErrRecordCertificate is wrapped when a ledger record's pemCert is not one
// decodable PEM certificate.
var ErrRecordCertificate = errors.New("the record's pemCert is not a decodable certificate")

// RecordError is a ledger record that could not be used, with the snapshot
// file that lists it. It wraps ErrRecordCertificate and the decoder's error.
type RecordError struct {
	File   string
	Record *Record
	Err    error
}

// Error names the record, its file and what is wrong with it.
func (e *RecordError) Error() string {
	return recordSource(e.File, e.Record) + ": " + ErrRecordCertificate.Error() + ": " + e.Err.Error()
}

// Unwrap returns ErrRecordCertificate and the cause.
func (e *RecordError) Unwrap() []error { return []error{ErrRecordCertificate, e.Err} }

// decodeRecord decodes a record's pemCert: exactly one PEM CERTIFICATE block,
// as the DCL takes it.
func decodeRecord(rec *Record) (*matterext.Certificate, error) {
	blk, rest := pem.Decode([]byte(rec.PEM))
	switch {
	case blk == nil || blk.Type != "CERTIFICATE":
		return nil, matterext.ErrNoPEMCertificate
	case len(bytes.TrimSpace(rest)) > 0:
		return nil, fmt.Errorf("%w: more than one PEM block", matterext.ErrNoPEMCertificate)
	}
	return matterext.ParseCertificate(blk.Bytes)
}

// isDA reports whether the record is a device-attestation certificate (not
// a NOC or VID-signer certificate).
func isDA(r *Record) bool { return r.Type == DeviceAttestationPKI || r.Type == "" }

// revokedRecord reports whether a revoked record covers r: same subject and
// SKID, and the same serial number (or a revocation without one, which
// revokes every certificate with that subject and SKID).
func (l *Ledger) revokedRecord(r *Record) bool {
	if l == nil || l.revoked == nil {
		return false
	}
	for _, rv := range l.revoked[subjectKey{r.Subject, r.SubjectKeyID}] {
		if rv.SerialNumber == "" || rv.SerialNumber == r.SerialNumber {
			return true
		}
	}
	return false
}

// sortedRecords returns the records of an index in a fixed order (SKID,
// subject, then as stored), so that trust stores built from a ledger look
// PAAs up the same way every run.
func sortedRecords(m map[subjectKey][]*Record) []*Record {
	keys := make([]subjectKey, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].skid != keys[j].skid {
			return keys[i].skid < keys[j].skid
		}
		return keys[i].subject < keys[j].subject
	})
	var out []*Record
	for _, k := range keys {
		out = append(out, m[k]...)
	}
	return out
}

// roots decodes the device-attestation roots of recs that keep passes.
func roots(recs []*Record, file string, state RootState, keep func(*Record) bool) ([]Root, []*RecordError) {
	var out []Root
	var errs []*RecordError
	for _, r := range recs {
		if !isDA(r) || !keep(r) {
			continue
		}
		c, err := decodeRecord(r)
		if err != nil {
			errs = append(errs, &RecordError{File: file, Record: r, Err: err})
			continue
		}
		out = append(out, Root{Cert: c, Record: r, State: state, File: file})
	}
	return out, errs
}

// ApprovedRoots returns the ledger's device-attestation trust anchors, what
// a commissioner trusts as PAAs: the approved root certificates of the
// DeviceAttestationPKI type (not NOC or VID-signer roots), less those a
// revoked record covers. Records whose certificate does not decode are
// returned as errors, not roots. The order is fixed (by SKID, then
// subject).
func (l *Ledger) ApprovedRoots() ([]Root, []*RecordError) {
	if l == nil {
		return nil, nil
	}
	return roots(sortedRecords(l.all), FileAllCertificates, RootApproved, func(r *Record) bool {
		return r.IsRoot && !l.revokedRecord(r)
	})
}

// UnapprovedRoots returns the device-attestation roots the ledger knows but
// does not trust: those only proposed, and those revoked (a revoked record
// that is not a root is left out). A certificate also approved is not
// listed.
func (l *Ledger) UnapprovedRoots() ([]Root, []*RecordError) {
	if l == nil {
		return nil, nil
	}
	approved := func(r *Record) bool {
		for _, a := range l.allCerts(r.Subject, r.SubjectKeyID) {
			if a.IsRoot && isDA(a) && a.SerialNumber == r.SerialNumber && !l.revokedRecord(a) {
				return true
			}
		}
		return false
	}
	proposed, errs := roots(sortedRecords(l.proposed), FileProposedCertificates, RootProposed, func(r *Record) bool { return !approved(r) })
	revoked, errs2 := roots(sortedRecords(l.revoked), FileRevokedCertificates, RootRevoked, func(r *Record) bool {
		return r.IsRoot && !approved(r)
	})
	return append(proposed, revoked...), append(errs, errs2...)
}

// ErrPointField is wrapped when a ledger revocation point has a value the
// revocation-point model cannot hold (a VID or PID outside 0..4294967295).
var ErrPointField = errors.New("revocation point field out of range")

// PointError is a ledger revocation point that could not be converted.
type PointError struct {
	Index int // the point's position on the ledger (RevocationPoints order)
	Label string
	Err   error
}

// Error names the point by position and label.
func (e *PointError) Error() string {
	return fmt.Sprintf("%s: point %d (label %q): %v", FileRevocationPoints, e.Index, e.Label, e.Err)
}

// Unwrap returns the cause (ErrPointField).
func (e *PointError) Unwrap() error { return e.Err }

// RevocationPoints returns the ledger's revocation points as the
// revocation-set builder takes them (verify.BuildRevocationSet), in the
// ledger's order: Index is the point's position, and the signer and
// delegator certificates are decoded (DecodeCertificates). A point whose
// fields do not fit the model is returned as an error instead.
func (l *Ledger) RevocationPoints() ([]matterext.RevocationPoint, []*PointError) {
	var out []matterext.RevocationPoint
	var errs []*PointError
	for i, p := range l.pointList() {
		if p.VID < 0 || p.VID > math.MaxUint32 || p.PID < 0 || p.PID > math.MaxUint32 {
			errs = append(errs, &PointError{Index: i, Label: p.Label,
				Err: fmt.Errorf("%w: vid %d, pid %d", ErrPointField, p.VID, p.PID)})
			continue
		}
		rp := matterext.RevocationPoint{
			Index: i, VID: uint32(p.VID), PID: uint32(p.PID), IsPAA: p.IsPAA, Label: p.Label,
			CRLSignerCertificate: p.CRLSignerCertificate, CRLSignerDelegator: p.CRLSignerDelegator,
			IssuerSubjectKeyID: p.IssuerSubjectKeyID, DataURL: p.DataURL, DataFileSize: matterext.Uint64(p.DataFileSize),
			DataDigest: p.DataDigest, DataDigestType: p.DataDigestType, RevocationType: p.RevocationType,
			SchemaVersion: p.SchemaVersion,
		}
		rp.DecodeCertificates()
		out = append(out, rp)
	}
	return out, errs
}
