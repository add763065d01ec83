package matterext

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// RevocationSetEntry is one entry of the SDK's revocation-set JSON
// (matter-pki-rules.md §6.4).
type RevocationSetEntry struct {
	Type                 string   `json:"type"`
	IssuerSubjectKeyID   string   `json:"issuer_subject_key_id"`
	IssuerName           string   `json:"issuer_name"`
	RevokedSerialNumbers []string `json:"revoked_serial_numbers"`
	CRLSignerCert        string   `json:"crl_signer_cert"`
	CRLSignerDelegator   string   `json:"crl_signer_delegator,omitempty"`
}

// RevocationSetType is the required value of "type".
const RevocationSetType = "revocation_set"

// ErrRevocationSet marks a malformed revocation set.
var ErrRevocationSet = errors.New("malformed revocation set")

// RevocationSetError is a problem with one entry of a revocation set.
type RevocationSetError struct {
	Index int
	Field string
	Msg   string
}

func (e *RevocationSetError) Error() string {
	return fmt.Sprintf("revocation set entry %d: %s: %s", e.Index, e.Field, e.Msg)
}

// Unwrap returns ErrRevocationSet.
func (e *RevocationSetError) Unwrap() error { return ErrRevocationSet }

// ParseRevocationSet reads a revocation-set JSON array. The entries are
// returned even when some are malformed; the error joins one
// *RevocationSetError per problem.
func ParseRevocationSet(b []byte) ([]RevocationSetEntry, error) {
	var set []RevocationSetEntry
	if err := json.Unmarshal(b, &set); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrRevocationSet, err)
	}
	var errs []error
	bad := func(i int, field, format string, a ...any) {
		errs = append(errs, &RevocationSetError{Index: i, Field: field, Msg: fmt.Sprintf(format, a...)})
	}
	for i, e := range set {
		if e.Type != RevocationSetType {
			bad(i, "type", "is %q; expected %q", e.Type, RevocationSetType)
		}
		if !isUpperHexEven(e.IssuerSubjectKeyID) || len(e.IssuerSubjectKeyID) != 40 {
			bad(i, "issuer_subject_key_id", "%q is not 40 uppercase hex digits without colons", e.IssuerSubjectKeyID)
		}
		if _, err := base64.StdEncoding.DecodeString(e.IssuerName); err != nil || e.IssuerName == "" {
			bad(i, "issuer_name", "is not base64 of a DER Name")
		}
		for j, s := range e.RevokedSerialNumbers {
			if !isUpperHexEven(s) || s == "" {
				bad(i, "revoked_serial_numbers["+strconv.Itoa(j)+"]", "%q is not uppercase, even-length hex", s)
			}
		}
		for _, c := range []struct{ name, v string }{{"crl_signer_cert", e.CRLSignerCert}, {"crl_signer_delegator", e.CRLSignerDelegator}} {
			if c.v == "" && c.name == "crl_signer_delegator" {
				continue
			}
			if der, err := base64.StdEncoding.DecodeString(c.v); err != nil || len(der) == 0 || der[0] != 0x30 {
				bad(i, c.name, "is not base64 of a DER certificate")
			}
		}
	}
	return set, errors.Join(errs...)
}

// MarshalRevocationSet writes a revocation set the way the SDK's
// generate_revocation_set.py does (json.dumps with indent=4).
func MarshalRevocationSet(set []RevocationSetEntry) []byte {
	if set == nil {
		set = []RevocationSetEntry{}
	}
	for i := range set {
		if set[i].RevokedSerialNumbers == nil {
			set[i].RevokedSerialNumbers = []string{}
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "    ")
	_ = enc.Encode(set)
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// SerialHex formats a serial number as the SDK writes and compares it:
// uppercase hex of the integer's magnitude, even length, no 00 sign octet.
func SerialHex(b []byte) string {
	for len(b) > 1 && b[0] == 0 {
		b = b[1:]
	}
	return hexUpper(b)
}

// NormalizeSerialHex strips leading 00 octets from a hex serial, so that
// serials written with and without the DER sign octet compare equal.
func NormalizeSerialHex(s string) string {
	s = strings.ToUpper(s)
	for len(s) > 2 && strings.HasPrefix(s, "00") {
		s = s[2:]
	}
	return s
}

// KeyIDHex formats a key identifier as the revocation set does: uppercase
// hex without colons.
func KeyIDHex(b []byte) string { return hexUpper(b) }

func isUpperHexEven(s string) bool {
	if len(s)%2 != 0 {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// RevocationPoint is a DCL PkiRevocationDistributionPoint, as the DCL's
// JSON returns it (matter-pki-rules.md §6.1).
type RevocationPoint struct {
	Index                int    `json:"-"`
	VID                  uint32 `json:"vid"`
	PID                  uint32 `json:"pid"`
	IsPAA                bool   `json:"isPAA"`
	Label                string `json:"label"`
	CRLSignerCertificate string `json:"crlSignerCertificate"`
	CRLSignerDelegator   string `json:"crlSignerDelegator"`
	IssuerSubjectKeyID   string `json:"issuerSubjectKeyID"`
	DataURL              string `json:"dataURL"`
	DataFileSize         Uint64 `json:"dataFileSize"`
	DataDigest           string `json:"dataDigest"`
	DataDigestType       uint32 `json:"dataDigestType"`
	RevocationType       uint32 `json:"revocationType"`
	SchemaVersion        uint32 `json:"schemaVersion"`

	// Signer and Delegator are CRLSignerCertificate and CRLSignerDelegator
	// decoded by DecodeCertificates (ParseRevocationPoints calls it); nil
	// when the field is empty or does not decode, and then SignerErr or
	// DelegatorErr says why.
	Signer, Delegator       *Certificate `json:"-"`
	SignerErr, DelegatorErr error        `json:"-"`
}

// ErrNoPEMCertificate: a revocation point's certificate field is not
// exactly one PEM CERTIFICATE block.
var ErrNoPEMCertificate = errors.New("not a PEM CERTIFICATE")

// DecodeCertificates decodes the point's signer and delegator certificates
// (each exactly one PEM CERTIFICATE block, as the DCL takes them) into
// Signer and Delegator.
func (p *RevocationPoint) DecodeCertificates() {
	p.Signer, p.SignerErr = decodePointCert(p.CRLSignerCertificate)
	p.Delegator, p.DelegatorErr = nil, nil
	if strings.TrimSpace(p.CRLSignerDelegator) != "" {
		p.Delegator, p.DelegatorErr = decodePointCert(p.CRLSignerDelegator)
	}
}

func decodePointCert(s string) (*Certificate, error) {
	blk, rest := pem.Decode([]byte(s))
	switch {
	case blk == nil || blk.Type != "CERTIFICATE":
		return nil, ErrNoPEMCertificate
	case len(bytes.TrimSpace(rest)) > 0:
		return nil, fmt.Errorf("%w: more than one PEM block", ErrNoPEMCertificate)
	}
	return ParseCertificate(blk.Bytes)
}

// CAKeyID returns the key ID of the certificate authority whose revocations the point's CRL
// lists, as far as the point itself says: the PAA that issued a
// PAA-delegated signer (its AKID), the delegator of a PAI-delegated signer,
// or the signer (their SKID). nil when the certificates do not decode.
func (p *RevocationPoint) CAKeyID() []byte {
	switch s := p.Signer; {
	case s == nil:
		return nil
	case p.IsPAA && !s.SelfIssued():
		if s.AuthorityKeyID != nil && s.AuthorityKeyID.HasKeyID {
			return s.AuthorityKeyID.KeyID
		}
		return nil
	case strings.TrimSpace(p.CRLSignerDelegator) != "":
		if p.Delegator != nil && p.Delegator.SubjectKeyID != nil && p.Delegator.SubjectKeyID.Err == nil {
			return p.Delegator.SubjectKeyID.ID
		}
		return nil
	case s.SubjectKeyID != nil && s.SubjectKeyID.Err == nil:
		return s.SubjectKeyID.ID
	}
	return nil
}

// IdentityCert is the certificate whose VID/PID the point's vid/pid must
// match: the delegator of a PAI-delegated signer, else the signer.
func (p *RevocationPoint) IdentityCert() *Certificate {
	if !p.IsPAA && p.Delegator != nil {
		return p.Delegator
	}
	return p.Signer
}

// Uint64 decodes a JSON number or a decimal string (the DCL's REST API
// writes uint64 fields as strings).
type Uint64 uint64

// MarshalJSON writes the value as a decimal string, as the DCL does.
func (u Uint64) MarshalJSON() ([]byte, error) {
	return []byte(`"` + strconv.FormatUint(uint64(u), 10) + `"`), nil
}

// UnmarshalJSON accepts 5, "5" and "".
func (u *Uint64) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "" || s == "null" {
		*u = 0
		return nil
	}
	v, err := strconv.ParseUint(s, 10, 64)
	*u = Uint64(v)
	return err
}

// ParseRevocationPoints reads revocation points as the DCL returns them:
// {"PkiRevocationDistributionPoint": [...]} (any key holding the array), a
// single point object, or a bare array.
func ParseRevocationPoints(b []byte) ([]RevocationPoint, error) {
	b = bytes.TrimSpace(b)
	var points []RevocationPoint
	switch {
	case len(b) > 0 && b[0] == '[':
		if err := json.Unmarshal(b, &points); err != nil {
			return nil, fmt.Errorf("revocation points: %w", err)
		}
	default:
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(b, &obj); err != nil {
			return nil, fmt.Errorf("revocation points: %w", err)
		}
		found := false
		for k, v := range obj {
			if strings.EqualFold(k, "PkiRevocationDistributionPoint") || strings.EqualFold(k, "revocationPoints") || strings.EqualFold(k, "pkiRevocationDistributionPoints") {
				vv := bytes.TrimSpace(v)
				if len(vv) > 0 && vv[0] == '{' {
					vv = append(append([]byte{'['}, vv...), ']')
				}
				if err := json.Unmarshal(vv, &points); err != nil {
					return nil, fmt.Errorf("revocation points %s: %w", k, err)
				}
				found = true
			}
		}
		if !found {
			var p RevocationPoint
			if err := json.Unmarshal(b, &p); err != nil || p.CRLSignerCertificate == "" {
				return nil, errors.New("revocation points: expected a PkiRevocationDistributionPoint list or object")
			}
			points = []RevocationPoint{p}
		}
	}
	for i := range points {
		points[i].Index = i
		points[i].DecodeCertificates()
	}
	return points, nil
}
