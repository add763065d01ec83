package dcl

import (
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
)

// CertType is a ledger certificate's certificateType.
type CertType string

// The three certificate types of the DCL's AllCertificates index.
const (
	DeviceAttestationPKI CertType = "DeviceAttestationPKI"
	OperationalPKI       CertType = "OperationalPKI"
	VIDSignerPKI         CertType = "VIDSignerPKI"
)

// Record is a certificate as the ledger stores it (the REST Certificate
// object). Records built with NewRecord have every identifier computed as
// the DCL computes it; tests may set fields by hand to model states the
// handlers would never write.
type Record struct {
	PEM            string
	Subject        string // base64 of the raw subject DN
	SubjectKeyID   string // "AB:CD:..."
	Issuer         string // base64 of the raw issuer DN; "" for an approved root
	AuthorityKeyID string
	SerialNumber   string // decimal
	SubjectAsText  string
	IsRoot         bool
	Owner          string // account address
	VID            int32  // the stored vid (a root's assigned VID)
	Type           CertType
}

// NewRecord decodes pemText as the DCL does and returns its record: a root
// (self-signed in the DCL's sense) gets IsRoot, and the type defaults to
// DeviceAttestationPKI. It fails when the DCL could not decode it.
func NewRecord(pemText string) (*Record, error) {
	d, f := decodeDCL(pemText, false)
	if f != nil {
		return nil, errors.New(f.msg)
	}
	r := &Record{
		PEM: pemText, Subject: d.subject, SubjectKeyID: d.subjectKeyID, SerialNumber: d.serial,
		SubjectAsText: d.subjectAsText, Type: DeviceAttestationPKI,
	}
	if d.selfSigned() {
		r.IsRoot = true
	} else {
		r.Issuer, r.AuthorityKeyID = d.issuer, d.authorityKeyID
	}
	if v, err := d.vid(); err == nil {
		r.VID = v
	}
	return r, nil
}

// uniqueIssuer is the issuer of the UniqueCertificate key: a root's own
// subject.
func (r *Record) uniqueIssuer() string {
	if r.Issuer == "" {
		return r.Subject
	}
	return r.Issuer
}

type subjectKey struct{ subject, skid string }
type uniqueKey struct{ issuer, serial string }
type pointKey struct {
	vid         int64
	label, isid string
}

// Ledger is the part of the DCL's state the six handlers read: the
// AllCertificates index (approved device-attestation certificates and every
// NOC/VVSC certificate), the pending root proposals, the revoked
// certificates, the (issuer, serial) pairs in use, the revocation points and
// the accounts. The zero value is an empty ledger.
type Ledger struct {
	all      map[subjectKey][]*Record
	proposed map[subjectKey][]*Record
	revoked  map[subjectKey][]*Record
	unique   map[uniqueKey]bool
	points   []*Point
	pointIdx map[pointKey]*Point
	accounts map[string]*Account
}

func (l *Ledger) init() {
	if l.all == nil {
		l.all = map[subjectKey][]*Record{}
		l.proposed = map[subjectKey][]*Record{}
		l.revoked = map[subjectKey][]*Record{}
		l.unique = map[uniqueKey]bool{}
		l.pointIdx = map[pointKey]*Point{}
		l.accounts = map[string]*Account{}
	}
}

// AddCertificate stores r in the AllCertificates index (an approved DA
// certificate, or a NOC/VVSC certificate) and marks its (issuer, serial)
// as used.
func (l *Ledger) AddCertificate(r *Record) {
	l.init()
	k := subjectKey{r.Subject, r.SubjectKeyID}
	l.all[k] = append(l.all[k], r)
	l.unique[uniqueKey{r.uniqueIssuer(), r.SerialNumber}] = true
}

// AddProposed stores r as a pending root proposal and marks its (issuer,
// serial) as used.
func (l *Ledger) AddProposed(r *Record) {
	l.init()
	k := subjectKey{r.Subject, r.SubjectKeyID}
	l.proposed[k] = append(l.proposed[k], r)
	l.unique[uniqueKey{r.uniqueIssuer(), r.SerialNumber}] = true
}

// AddRevoked stores r as revoked: it is no longer a parent, but its
// (issuer, serial) stays used.
func (l *Ledger) AddRevoked(r *Record) {
	l.init()
	k := subjectKey{r.Subject, r.SubjectKeyID}
	l.revoked[k] = append(l.revoked[k], r)
	l.unique[uniqueKey{r.uniqueIssuer(), r.SerialNumber}] = true
}

// AddUsedSerial marks (issuer, serial) as used without a certificate: the
// DCL's UniqueCertificate index, which has no REST listing. issuer is the
// base64 DER issuer name, serial the decimal serial number.
func (l *Ledger) AddUsedSerial(issuer, serial string) {
	l.init()
	l.unique[uniqueKey{issuer, serial}] = true
}

// AddPoint stores a revocation point; a point with the same (vid, label,
// issuerSubjectKeyID) replaces the earlier one.
func (l *Ledger) AddPoint(p Point) {
	l.init()
	k := pointKey{p.VID, p.Label, p.IssuerSubjectKeyID}
	if old, ok := l.pointIdx[k]; ok {
		*old = p
		return
	}
	pp := &p
	l.points = append(l.points, pp)
	l.pointIdx[k] = pp
}

// AddAccount stores an account.
func (l *Ledger) AddAccount(a Account) {
	l.init()
	l.accounts[a.Address] = &a
}

// Account returns the account with the address, or nil.
func (l *Ledger) Account(address string) *Account {
	if l == nil || l.accounts == nil {
		return nil
	}
	return l.accounts[address]
}

// Accounts returns the number of accounts the ledger lists.
func (l *Ledger) Accounts() int {
	if l == nil {
		return 0
	}
	return len(l.accounts)
}

// Certificates returns the number of records in the AllCertificates index.
func (l *Ledger) Certificates() int {
	n := 0
	if l != nil {
		for _, rs := range l.all {
			n += len(rs)
		}
	}
	return n
}

// Points returns the number of revocation points.
func (l *Ledger) Points() int {
	if l == nil {
		return 0
	}
	return len(l.points)
}

func (l *Ledger) allCerts(subject, skid string) []*Record {
	if l == nil || l.all == nil {
		return nil
	}
	return l.all[subjectKey{subject, skid}]
}

// approved returns the approved device-attestation certificates with the
// subject and SKID (GetApprovedCertificates).
func (l *Ledger) approved(subject, skid string) []*Record {
	var out []*Record
	for _, r := range l.allCerts(subject, skid) {
		if r.Type == DeviceAttestationPKI || r.Type == "" {
			out = append(out, r)
		}
	}
	return out
}

func (l *Ledger) proposedCerts(subject, skid string) []*Record {
	if l == nil || l.proposed == nil {
		return nil
	}
	return l.proposed[subjectKey{subject, skid}]
}

func (l *Ledger) serialUsed(issuer, serial string) bool {
	return l != nil && l.unique != nil && l.unique[uniqueKey{issuer, serial}]
}

func (l *Ledger) point(vid int64, label, isid string) *Point {
	if l == nil || l.pointIdx == nil {
		return nil
	}
	return l.pointIdx[pointKey{vid, label, isid}]
}

func (l *Ledger) pointList() []*Point {
	if l == nil {
		return nil
	}
	return l.points
}

func (l *Ledger) vendorID(address string) int32 {
	if a := l.Account(address); a != nil {
		return a.VendorID
	}
	return 0
}

// AddParent takes the certificates of a PEM bundle as approved on the
// ledger: the shorthand of --parent. A root (self-signed in the DCL's sense)
// gets the VID in its subject, or rootVID when its subject has none; the
// others get their subject's VID. source names the input in errors.
func (l *Ledger) AddParent(bundle []byte, rootVID int32, source string) error {
	n := 0
	for rest := bundle; ; {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		if b.Type != "CERTIFICATE" {
			continue
		}
		text := string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: b.Bytes}))
		r, err := NewRecord(text)
		if err != nil {
			return fmt.Errorf("%s: certificate %d: %w", source, n, err)
		}
		if r.IsRoot && r.VID == 0 {
			r.VID = rootVID
		}
		l.AddCertificate(r)
		n++
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", source, ErrNoCertificate)
	}
	return nil
}

// ErrNoCertificate is wrapped when an input holds no PEM certificate.
var ErrNoCertificate = errors.New("no PEM certificate found")

// shortID shortens long base64 subjects in messages.
func shortID(s string) string {
	if len(s) > 48 {
		return s[:44] + "…"
	}
	return strings.TrimSpace(s)
}
