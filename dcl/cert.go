package dcl

import (
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/matterlint/matterlint/lint"
)

// The DCL's limits (x/pki/x509/x509.go).
const (
	maxCertSize      = 20480 // ParseAndValidateCertificate, bytes
	maxSANCount      = 100
	maxSubjectFields = 50
)

// dclCert is a certificate as the DCL's x509.DecodeX509Certificate sees it:
// the Go parse plus the identifiers the ledger indexes by.
type dclCert struct {
	cert           *x509.Certificate
	issuer         string // base64 of the raw issuer DN
	subject        string // base64 of the raw subject DN
	serial         string // decimal
	subjectKeyID   string // uppercase hex joined by ':'; "" when absent
	authorityKeyID string
	subjectAsText  string // ToSubjectAsText(Subject.String())
}

// decodeFailure is why a certificate did not decode; its message follows
// the DCL's text.
type decodeFailure struct {
	msg      string
	location string
}

// decodeDCL is x509.go:DecodeX509Certificate (lint.DCLDecode after PEM
// decoding), with the serial-number option of ParseAndValidateCertificate
// when checkSerial is set.
func decodeDCL(pemText string, checkSerial bool) (*dclCert, *decodeFailure) {
	block, _ := pem.Decode([]byte(pemText))
	if block == nil {
		return nil, &decodeFailure{"Could not decode pem certificate", "PEM"}
	}
	c, text, err := lint.DCLDecode(block.Bytes, checkSerial)
	if err != nil {
		return nil, &decodeFailure{err.Msg, err.Location}
	}
	return &dclCert{
		cert:           c,
		issuer:         base64.StdEncoding.EncodeToString(c.RawIssuer),
		subject:        base64.StdEncoding.EncodeToString(c.RawSubject),
		serial:         c.SerialNumber.String(),
		subjectKeyID:   keyIDHex(c.SubjectKeyId),
		authorityKeyID: keyIDHex(c.AuthorityKeyId),
		subjectAsText:  text,
	}, nil
}

// keyIDHex writes a key identifier as the DCL stores it: "6A:FD:...".
func keyIDHex(b []byte) string {
	if b == nil {
		return ""
	}
	parts := make([]string, len(b))
	for i, x := range b {
		parts[i] = fmt.Sprintf("%02X", x)
	}
	return strings.Join(parts, ":")
}

// selfSigned is x509.go:Certificate.IsSelfSigned (lint.DCLSelfSigned).
func (d *dclCert) selfSigned() bool { return lint.DCLSelfSigned(d.cert) }

// vid and pid parse the subject as the DCL does (GetVidFromSubject).
func (d *dclCert) vid() (int32, error) { return VIDFromSubjectText(d.subjectAsText) }
func (d *dclCert) pid() (int32, error) { return PIDFromSubjectText(d.subjectAsText) }

// subjectAsText is x509.go:ToSubjectAsText (lint.DCLSubjectAsText).
func subjectAsText(goName string) (string, error) { return lint.DCLSubjectAsText(goName) }

// VIDFromSubjectText reads the VID from a subject text as the DCL does
// (x509.go:GetVidFromSubject, lint.DCLVIDFromSubjectText): the token vid=…
// (the rewritten Matter attribute) or Mvid:… anywhere in the text, the last
// one winning, parsed as hexadecimal after one "0x" is removed. No VID gives
// 0 and no error.
func VIDFromSubjectText(text string) (int32, error) { return lint.DCLVIDFromSubjectText(text) }

// PIDFromSubjectText is VIDFromSubjectText for the PID (GetPidFromSubject).
func PIDFromSubjectText(text string) (int32, error) { return lint.DCLPIDFromSubjectText(text) }

// SubjectText returns the subject of a PEM certificate as the DCL stores it
// (subjectAsText): Go's pkix.Name.String() with the Matter VID/PID
// attributes rewritten as vid=0x…, pid=0x….
func SubjectText(pemText string) (string, error) {
	d, f := decodeDCL(pemText, false)
	if f != nil {
		return "", errors.New(f.msg)
	}
	return d.subjectAsText, nil
}

// vvscSignature is x509.go:Certificate.VerifyVVSCSignature: the child's
// validity at the block time and its signature under the parent's key,
// without CA checks.
func vvscSignature(child, parent *x509.Certificate, at time.Time) error {
	if at.IsZero() {
		at = time.Now()
	}
	if at.Before(child.NotBefore) {
		return fmt.Errorf("certificate is not yet valid (NotBefore=%v)", child.NotBefore)
	}
	if at.After(child.NotAfter) {
		return fmt.Errorf("certificate has expired (NotAfter=%v)", child.NotAfter)
	}
	if err := parent.CheckSignature(child.SignatureAlgorithm, child.RawTBSCertificate, child.Signature); err != nil {
		return fmt.Errorf("VVSC signature verification failed: %w", err)
	}
	return nil
}
