package dcl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/matterlint/matterlint/matterext"
)

// Kind is a DCL transaction that submits a certificate or a revocation
// point.
type Kind string

// The six kinds, named as dcld's subcommands are.
const (
	// ProposeRoot is MsgProposeAddX509RootCert (dcld tx pki propose-add-x509-root-cert).
	ProposeRoot Kind = "propose-root"
	// AddCert is MsgAddX509Cert: a PAI or a DAC (add-x509-cert).
	AddCert Kind = "add-cert"
	// AddNOCRoot is MsgAddNocX509RootCert: an RCAC, or a VVSC trust anchor
	// with VVSC set (add-noc-x509-root-cert).
	AddNOCRoot Kind = "add-noc-root"
	// AddNOCICA is MsgAddNocX509IcaCert: an ICAC, or a non-root VVSC with
	// VVSC set (add-noc-x509-ica-cert).
	AddNOCICA Kind = "add-noc-ica"
	// AddRevocationPoint is MsgAddPkiRevocationDistributionPoint.
	AddRevocationPoint Kind = "add-revocation-point"
	// UpdateRevocationPoint is MsgUpdatePkiRevocationDistributionPoint.
	UpdateRevocationPoint Kind = "update-revocation-point"
)

// Kinds returns the six kinds in the order the README lists them.
func Kinds() []Kind {
	return []Kind{ProposeRoot, AddCert, AddNOCRoot, AddNOCICA, AddRevocationPoint, UpdateRevocationPoint}
}

// ParseKind reads a kind name.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds() {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("dcl: unknown transaction kind %q (want one of %s)", s, kindList())
}

func kindList() string {
	var s []string
	for _, k := range Kinds() {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}

// message returns the DCL message name of the kind.
func (k Kind) message() string {
	switch k {
	case ProposeRoot:
		return "MsgProposeAddX509RootCert"
	case AddCert:
		return "MsgAddX509Cert"
	case AddNOCRoot:
		return "MsgAddNocX509RootCert"
	case AddNOCICA:
		return "MsgAddNocX509IcaCert"
	case AddRevocationPoint:
		return "MsgAddPkiRevocationDistributionPoint"
	case UpdateRevocationPoint:
		return "MsgUpdatePkiRevocationDistributionPoint"
	}
	return string(k)
}

// Account is a DCL account: its address, roles and VendorID.
type Account struct {
	Address  string
	VendorID int32
	// Roles are the account's roles ("Vendor", "Trustee", ...). For the
	// signer of a Tx, nil means "the role the message needs" (an assumption
	// the Result states).
	Roles []string
}

// HasRole reports whether the account holds role.
func (a *Account) HasRole(role string) bool {
	for _, r := range a.Roles {
		if r == role {
			return true
		}
	}
	return false
}

// Tx is one transaction as it would be submitted.
type Tx struct {
	Kind Kind
	// Cert is the certificate exactly as submitted (PEM text): the DCL's
	// size limits count its characters. Not used by the revocation-point
	// kinds.
	Cert string
	// Info is the message's info field (propose-root, add-cert).
	Info string
	// VID is the message's vid (propose-root); see ParseNumber.
	VID int64
	// CertSchemaVersion is the message's certSchemaVersion (0 is the only
	// accepted value).
	CertSchemaVersion int64
	// VVSC is isVidVerificationSigner (add-noc-root, add-noc-ica).
	VVSC bool
	// Point is the revocation point of the two revocation-point kinds.
	Point *Point
	// Signer is the submitting account. An empty Address skips the checks
	// that need it (its bech32 form, certificate ownership).
	Signer Account
	// At is the block time; zero means now (as crypto/x509 does).
	At time.Time
	// Target is the DCL release whose error codes are predicted.
	Target Version
}

// Point is a revocation point as MsgAddPkiRevocationDistributionPoint and
// MsgUpdatePkiRevocationDistributionPoint carry it, and as the ledger stores
// it. JSON uses the DCL's field names.
type Point struct {
	VID                  int64  `json:"vid"`
	PID                  int64  `json:"pid"`
	IsPAA                bool   `json:"isPAA"`
	Label                string `json:"label"`
	CRLSignerCertificate string `json:"crlSignerCertificate"`
	CRLSignerDelegator   string `json:"crlSignerDelegator"`
	IssuerSubjectKeyID   string `json:"issuerSubjectKeyID"`
	DataURL              string `json:"dataURL"`
	DataFileSize         uint64 `json:"dataFileSize,string"`
	DataDigest           string `json:"dataDigest"`
	DataDigestType       uint32 `json:"dataDigestType"`
	RevocationType       uint32 `json:"revocationType"`
	SchemaVersion        uint32 `json:"schemaVersion"`
}

// pointJSON accepts dataFileSize as a number or a string.
type pointJSON struct {
	VID                  json.Number      `json:"vid"`
	PID                  json.Number      `json:"pid"`
	IsPAA                bool             `json:"isPAA"`
	Label                string           `json:"label"`
	CRLSignerCertificate string           `json:"crlSignerCertificate"`
	CRLSignerDelegator   string           `json:"crlSignerDelegator"`
	IssuerSubjectKeyID   string           `json:"issuerSubjectKeyID"`
	DataURL              string           `json:"dataURL"`
	DataFileSize         matterext.Uint64 `json:"dataFileSize"`
	DataDigest           string           `json:"dataDigest"`
	DataDigestType       matterext.Uint64 `json:"dataDigestType"`
	RevocationType       matterext.Uint64 `json:"revocationType"`
	SchemaVersion        matterext.Uint64 `json:"schemaVersion"`
}

func flexInt(n json.Number) (int64, error) {
	s := strings.Trim(string(n), `"`)
	if s == "" {
		return 0, nil
	}
	return strconv.ParseInt(s, 10, 64)
}

func (p pointJSON) point() (Point, error) {
	vid, err := flexInt(p.VID)
	if err != nil {
		return Point{}, fmt.Errorf("vid: %w", err)
	}
	pid, err := flexInt(p.PID)
	if err != nil {
		return Point{}, fmt.Errorf("pid: %w", err)
	}
	return Point{
		VID: vid, PID: pid, IsPAA: p.IsPAA, Label: p.Label,
		CRLSignerCertificate: p.CRLSignerCertificate, CRLSignerDelegator: p.CRLSignerDelegator,
		IssuerSubjectKeyID: p.IssuerSubjectKeyID, DataURL: p.DataURL, DataFileSize: uint64(p.DataFileSize),
		DataDigest: p.DataDigest, DataDigestType: uint32(p.DataDigestType), RevocationType: uint32(p.RevocationType),
		SchemaVersion: uint32(p.SchemaVersion),
	}, nil
}

// ErrNotAPoint is wrapped by ParsePoint when the JSON holds no revocation
// point.
var ErrNotAPoint = errors.New("not a revocation point")

// ParsePoint reads one revocation point from JSON: a bare object, the REST
// shape {"PkiRevocationDistributionPoint": {...}} or a one-element list
// (bare or under that key).
func ParsePoint(b []byte) (*Point, error) {
	points, err := parsePoints(b)
	if err != nil {
		return nil, err
	}
	if len(points) != 1 {
		return nil, fmt.Errorf("%w: expected one point, found %d", ErrNotAPoint, len(points))
	}
	return &points[0], nil
}

func parsePoints(b []byte) ([]Point, error) {
	b = bytes.TrimSpace(b)
	var raw []pointJSON
	switch {
	case len(b) > 0 && b[0] == '[':
		if err := json.Unmarshal(b, &raw); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotAPoint, err)
		}
	case len(b) > 0 && b[0] == '{':
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(b, &obj); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotAPoint, err)
		}
		inner, ok := obj["PkiRevocationDistributionPoint"]
		if !ok {
			var p pointJSON
			if err := json.Unmarshal(b, &p); err != nil {
				return nil, fmt.Errorf("%w: %v", ErrNotAPoint, err)
			}
			if _, hasLabel := obj["label"]; !hasLabel {
				if _, hasVID := obj["vid"]; !hasVID {
					return nil, fmt.Errorf("%w: an object without vid or label", ErrNotAPoint)
				}
			}
			raw = []pointJSON{p}
			break
		}
		inner = bytes.TrimSpace(inner)
		if len(inner) > 0 && inner[0] == '{' {
			inner = append(append([]byte{'['}, inner...), ']')
		}
		if err := json.Unmarshal(inner, &raw); err != nil {
			return nil, fmt.Errorf("%w: PkiRevocationDistributionPoint: %v", ErrNotAPoint, err)
		}
	default:
		return nil, fmt.Errorf("%w: not JSON", ErrNotAPoint)
	}
	out := make([]Point, 0, len(raw))
	for i, r := range raw {
		p, err := r.point()
		if err != nil {
			return nil, fmt.Errorf("%w: point %d: %v", ErrNotAPoint, i, err)
		}
		out = append(out, p)
	}
	return out, nil
}

// ParseNumber reads a vid or pid as dcld takes it on the command line: a
// "0x" prefix or any of the letters A-F (either case) means hexadecimal,
// digits only mean decimal. A leading '-' is kept (the DCL's validator then
// rejects negative values).
func ParseNumber(s string) (int64, error) {
	t := strings.TrimSpace(s)
	neg := false
	if r, ok := strings.CutPrefix(t, "-"); ok {
		neg, t = true, r
	}
	base := 10
	if h, ok := strings.CutPrefix(strings.ToLower(t), "0x"); ok {
		t, base = h, 16
	} else if strings.ContainsAny(t, "abcdefABCDEF") {
		base = 16
	}
	v, err := strconv.ParseInt(t, base, 64)
	if err != nil || t == "" {
		return 0, fmt.Errorf("dcl: %q is not a number (decimal, or hexadecimal with 0x or A-F)", s)
	}
	if neg {
		v = -v
	}
	return v, nil
}
