package dcl

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// The snapshot files, one REST response each, named after the endpoint.
const (
	FileAllCertificates      = "all-certificates.json"      // GET /dcl/pki/all-certificates
	FileProposedCertificates = "proposed-certificates.json" // GET /dcl/pki/proposed-certificates
	FileRevokedCertificates  = "revoked-certificates.json"  // GET /dcl/pki/revoked-certificates
	FileRevocationPoints     = "revocation-points.json"     // GET /dcl/pki/revocation-points
	FileAccounts             = "accounts.json"              // GET /dcl/auth/accounts
	// The revoked NOC certificates: their (issuer, serial) stays in the
	// DCL's UniqueCertificate index, so a new certificate reusing it is
	// rejected (403). Missing files mean none.
	FileRevokedNOCRoots = "revoked-noc-root-certificates.json" // GET /dcl/pki/revoked-noc-root-certificates
	FileRevokedNOCICAs  = "revoked-noc-ica-certificates.json"  // GET /dcl/pki/revoked-noc-ica-certificates
)

// DefaultMaxSnapshotFile is the size limit of one snapshot file when
// LoadSnapshot is given 0.
const DefaultMaxSnapshotFile = 256 << 20

// ErrFileTooLarge is wrapped when a snapshot file is over the size limit.
var ErrFileTooLarge = errors.New("file over the size limit")

// FileError is an error reading one snapshot file.
type FileError struct {
	File string
	Err  error
}

func (e *FileError) Error() string { return e.File + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

type restCert struct {
	PemCert         string `json:"pemCert"`
	SerialNumber    string `json:"serialNumber"`
	Issuer          string `json:"issuer"`
	AuthorityKeyID  string `json:"authorityKeyId"`
	IsRoot          bool   `json:"isRoot"`
	Owner           string `json:"owner"`
	Subject         string `json:"subject"`
	SubjectKeyID    string `json:"subjectKeyId"`
	SubjectAsText   string `json:"subjectAsText"`
	VID             int32  `json:"vid"`
	CertificateType string `json:"certificateType"`
}

func (r restCert) record() *Record {
	t := CertType(r.CertificateType)
	if t == "" {
		t = DeviceAttestationPKI
	}
	return &Record{
		PEM: r.PemCert, Subject: r.Subject, SubjectKeyID: r.SubjectKeyID, Issuer: r.Issuer,
		AuthorityKeyID: r.AuthorityKeyID, SerialNumber: r.SerialNumber, SubjectAsText: r.SubjectAsText,
		IsRoot: r.IsRoot, Owner: r.Owner, VID: r.VID, Type: t,
	}
}

type restCertList struct {
	Subject      string     `json:"subject"`
	SubjectKeyID string     `json:"subjectKeyId"`
	Certs        []restCert `json:"certs"`
}

// fill completes a record from its list entry and its PEM when the REST
// object leaves a field out.
func fill(r *Record, list restCertList) {
	if r.Subject == "" {
		r.Subject = list.Subject
	}
	if r.SubjectKeyID == "" {
		r.SubjectKeyID = list.SubjectKeyID
	}
	if (r.Subject == "" || r.SerialNumber == "" || r.SubjectAsText == "") && r.PEM != "" {
		if n, err := NewRecord(r.PEM); err == nil {
			if r.Subject == "" {
				r.Subject, r.SubjectKeyID = n.Subject, n.SubjectKeyID
			}
			if r.SerialNumber == "" {
				r.SerialNumber = n.SerialNumber
			}
			if r.SubjectAsText == "" {
				r.SubjectAsText = n.SubjectAsText
			}
		}
	}
}

type restAccount struct {
	BaseAccount struct {
		Address string `json:"address"`
	} `json:"base_account"`
	Address  string   `json:"address"`
	Roles    []string `json:"roles"`
	VendorID int32    `json:"vendorID"`
}

type restProposed struct {
	Subject       string `json:"subject"`
	SubjectKeyID  string `json:"subjectKeyId"`
	PemCert       string `json:"pemCert"`
	SerialNumber  string `json:"serialNumber"`
	Owner         string `json:"owner"`
	SubjectAsText string `json:"subjectAsText"`
	VID           int32  `json:"vid"`
}

// LoadSnapshot reads a ledger snapshot directory: the REST responses named
// by the File* constants, each in the shape of the DCL's openapi.yml (as
// `matterlint dcl snapshot` saves them). A missing file is an empty list.
// maxFileSize limits each file (0: DefaultMaxSnapshotFile). Errors name the
// file (*FileError).
//
// The UniqueCertificate index has no REST listing; it is approximated by
// the (issuer, serial) pairs of the approved, proposed and revoked
// certificates.
func LoadSnapshot(dir string, maxFileSize int64) (*Ledger, error) {
	if maxFileSize <= 0 {
		maxFileSize = DefaultMaxSnapshotFile
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, &FileError{File: dir, Err: err}
	}
	if !st.IsDir() {
		return nil, &FileError{File: dir, Err: errors.New("not a directory")}
	}
	l := &Ledger{}
	l.init()
	var all struct {
		Certificates []restCertList `json:"certificates"`
	}
	if err := readJSON(dir, FileAllCertificates, maxFileSize, &all); err != nil {
		return nil, err
	}
	for _, list := range all.Certificates {
		for _, c := range list.Certs {
			r := c.record()
			fill(r, list)
			l.AddCertificate(r)
		}
	}
	var revoked struct {
		Certificates []restCertList `json:"revokedCertificates"`
	}
	if err := readJSON(dir, FileRevokedCertificates, maxFileSize, &revoked); err != nil {
		return nil, err
	}
	for _, list := range revoked.Certificates {
		for _, c := range list.Certs {
			r := c.record()
			fill(r, list)
			l.AddRevoked(r)
		}
	}
	for _, f := range []struct{ file, key string }{
		{FileRevokedNOCRoots, "revokedNocRootCertificates"},
		{FileRevokedNOCICAs, "revokedNocIcaCertificates"},
	} {
		var obj map[string]json.RawMessage
		if err := readJSON(dir, f.file, maxFileSize, &obj); err != nil {
			return nil, err
		}
		var lists []restCertList
		if raw, ok := obj[f.key]; ok && string(raw) != "null" {
			if err := json.Unmarshal(raw, &lists); err != nil {
				return nil, &FileError{File: filepath.Join(dir, f.file), Err: fmt.Errorf("not a DCL REST response: %w", err)}
			}
		}
		for _, list := range lists {
			for _, c := range list.Certs {
				r := c.record()
				fill(r, list)
				l.AddRevoked(r)
			}
		}
	}
	var proposed struct {
		Proposed []restProposed `json:"proposedCertificate"`
	}
	if err := readJSON(dir, FileProposedCertificates, maxFileSize, &proposed); err != nil {
		return nil, err
	}
	for _, p := range proposed.Proposed {
		r := &Record{PEM: p.PemCert, Subject: p.Subject, SubjectKeyID: p.SubjectKeyID, SerialNumber: p.SerialNumber,
			Owner: p.Owner, SubjectAsText: p.SubjectAsText, VID: p.VID, IsRoot: true, Type: DeviceAttestationPKI}
		fill(r, restCertList{})
		l.AddProposed(r)
	}
	b, err := readFile(dir, FileRevocationPoints, maxFileSize)
	if err != nil {
		return nil, err
	}
	if b != nil {
		var wrap struct {
			Points json.RawMessage `json:"PkiRevocationDistributionPoint"`
		}
		if err := json.Unmarshal(b, &wrap); err != nil {
			return nil, &FileError{File: filepath.Join(dir, FileRevocationPoints), Err: err}
		}
		if len(wrap.Points) > 0 && string(wrap.Points) != "null" {
			points, err := parsePoints(b)
			if err != nil {
				return nil, &FileError{File: filepath.Join(dir, FileRevocationPoints), Err: err}
			}
			for _, p := range points {
				l.AddPoint(p)
			}
		}
	}
	var accounts struct {
		Accounts []restAccount `json:"account"`
	}
	if err := readJSON(dir, FileAccounts, maxFileSize, &accounts); err != nil {
		return nil, err
	}
	for _, a := range accounts.Accounts {
		addr := a.BaseAccount.Address
		if addr == "" {
			addr = a.Address
		}
		roles := a.Roles
		if roles == nil {
			roles = []string{}
		}
		l.AddAccount(Account{Address: addr, VendorID: a.VendorID, Roles: roles})
	}
	return l, nil
}

// readFile returns the file's bytes, nil when it does not exist.
func readFile(dir, name string, max int64) ([]byte, error) {
	path := filepath.Join(dir, name)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &FileError{File: path, Err: err}
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, &FileError{File: path, Err: err}
	}
	if int64(len(b)) > max {
		return nil, &FileError{File: path, Err: fmt.Errorf("%w: more than %d bytes", ErrFileTooLarge, max)}
	}
	return b, nil
}

func readJSON(dir, name string, max int64, v any) error {
	b, err := readFile(dir, name, max)
	if err != nil || b == nil {
		return err
	}
	if len(strings.TrimSpace(string(b))) == 0 {
		return &FileError{File: filepath.Join(dir, name), Err: errors.New("empty file (expected a JSON response)")}
	}
	if err := json.Unmarshal(b, v); err != nil {
		return &FileError{File: filepath.Join(dir, name), Err: fmt.Errorf("not a DCL REST response: %w", err)}
	}
	return nil
}
