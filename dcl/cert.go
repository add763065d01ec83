package dcl

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
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

// decodeDCL is x509.go:DecodeX509Certificate, with the serial-number
// option of ParseAndValidateCertificate when checkSerial is set.
func decodeDCL(pemText string, checkSerial bool) (*dclCert, *decodeFailure) {
	block, _ := pem.Decode([]byte(pemText))
	if block == nil {
		return nil, &decodeFailure{"Could not decode pem certificate", "PEM"}
	}
	c, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return nil, &decodeFailure{"Could not parse certificate: " + err.Error(), "certificate"}
	}
	if checkSerial {
		if c.SerialNumber.Sign() <= 0 {
			return nil, &decodeFailure{"serial number must be a positive", "tbsCertificate.serialNumber"}
		}
		if len(c.SerialNumber.Bytes()) > 20 {
			return nil, &decodeFailure{"serial number exceeds 20-octet limit", "tbsCertificate.serialNumber"}
		}
	}
	text, err := subjectAsText(c.Subject.String())
	if err != nil {
		return nil, &decodeFailure{err.Error(), "tbsCertificate.subject"}
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

// selfSigned is x509.go:Certificate.IsSelfSigned: the issuer DN bytes equal
// the subject's and, when an AKID is present, AKID equals SKID. No signature
// is checked.
func (d *dclCert) selfSigned() bool {
	if d.authorityKeyID != "" {
		return d.issuer == d.subject && d.authorityKeyID == d.subjectKeyID
	}
	return d.issuer == d.subject
}

// vid and pid parse the subject as the DCL does (GetVidFromSubject).
func (d *dclCert) vid() (int32, error) { return VIDFromSubjectText(d.subjectAsText) }
func (d *dclCert) pid() (int32, error) { return PIDFromSubjectText(d.subjectAsText) }

// Matter's VID and PID attribute types.
const (
	oidMatterVID = "1.3.6.1.4.1.37244.2.1"
	oidMatterPID = "1.3.6.1.4.1.37244.2.2"
)

// subjectAsText is x509.go:ToSubjectAsText: Go's rendering of the subject
// with the Matter VID/PID attributes rewritten as vid=0x…/pid=0x….
func subjectAsText(goName string) (string, error) {
	s, err := rewriteOID(goName, oidMatterVID, "vid")
	if err != nil {
		return "", err
	}
	return rewriteOID(s, oidMatterPID, "pid")
}

// rewriteOID is x509.go:FormatOID: every comma-separated piece that starts
// with "<oid>=#" has its DER string value decoded (short-form length only)
// and is replaced by "<key>=0x<value>", the value inserted verbatim.
func rewriteOID(text, oid, key string) (string, error) {
	pieces := strings.Split(text, ",")
	prefix := oid + "=#"
	for i, p := range pieces {
		h, ok := strings.CutPrefix(p, prefix)
		if !ok {
			continue
		}
		der, err := hex.DecodeString(h)
		if err != nil {
			return "", fmt.Errorf("FormatOID: %s value is not valid hex: %w", oid, err)
		}
		if len(der) < 2 {
			return "", fmt.Errorf("FormatOID: %s value DER is too short (%d bytes)", oid, len(der))
		}
		if der[0] != 0x13 && der[0] != 0x0c {
			return "", fmt.Errorf("FormatOID: %s value SHALL be PrintableString or UTF8String, got DER tag 0x%02x", oid, der[0])
		}
		n := int(der[1])
		if 2+n > len(der) {
			return "", fmt.Errorf("FormatOID: %s value DER length (%d) exceeds remaining bytes (%d)", oid, n, len(der)-2)
		}
		pieces[i] = key + "=0x" + string(der[2:2+n])
	}
	return strings.Join(pieces, ","), nil
}

// The DCL's tokenizer of subject texts (x509.go: subjectFieldRegex and
// separatorRegex): key=value or key:value tokens.
var (
	subjectTokenRE = regexp.MustCompile(`(([^\s,]+\s?=\s?[^[\s,]+)|(([^\s,]+:\s?[^\s,]+)))`)
	separatorRE    = regexp.MustCompile(`(\s?=\s?)|(\s?:\s?)`)
)

// subjectValue returns the value the DCL reads for key ("Mvid" or "Mpid")
// from a subject text: the last token whose key is the name (or "vid" /
// "pid"), and whether one was found.
func subjectValue(text, key string) (string, bool) {
	var val string
	found := false
	for _, tok := range subjectTokenRE.FindAllString(text, -1) {
		parts := separatorRE.Split(tok, -1)
		k := parts[0]
		switch k {
		case "vid":
			k = "Mvid"
		case "pid":
			k = "Mpid"
		}
		if k == key {
			val, found = parts[1], true
		}
	}
	return val, found
}

func intFromSubject(text, key string) (int32, error) {
	v, ok := subjectValue(text, key)
	if !ok {
		return 0, nil
	}
	n, err := strconv.ParseInt(strings.TrimPrefix(v, "0x"), 16, 32)
	if err != nil {
		return 0, err
	}
	return int32(n), nil
}

// VIDFromSubjectText reads the VID from a subject text as the DCL does
// (x509.go:GetVidFromSubject): the token vid=… (the rewritten Matter
// attribute) or Mvid:… anywhere in the text, the last one winning, parsed
// as hexadecimal after one "0x" is removed. No VID gives 0 and no error.
func VIDFromSubjectText(text string) (int32, error) { return intFromSubject(text, "Mvid") }

// PIDFromSubjectText is VIDFromSubjectText for the PID (GetPidFromSubject).
func PIDFromSubjectText(text string) (int32, error) { return intFromSubject(text, "Mpid") }

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

// goVerify is x509.go:Certificate.Verify: child verified by crypto/x509
// with parent as the only root, at the block time, no intermediates and no
// key usages (Go then requires serverAuth-compatible EKUs).
func goVerify(child, parent *x509.Certificate, at time.Time) error {
	roots := x509.NewCertPool()
	roots.AddCert(parent)
	_, err := child.Verify(x509.VerifyOptions{Roots: roots, CurrentTime: at})
	return err
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

func isP256(c *x509.Certificate) (ecdsaKey, p256 bool) {
	k, ok := c.PublicKey.(*ecdsa.PublicKey)
	if !ok {
		return false, false
	}
	return true, k.Curve == elliptic.P256()
}
