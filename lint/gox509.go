package lint

import (
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/matterlint/matterlint/matterext"
)

// DCLCheck names the check of the Distributed Compliance Ledger a rule is:
// the DCL function (file:Function at commit 7319bed3 of
// zigbee-alliance/distributed-compliance-ledger), the rule's place among the
// rules of that function in the DCL's order, and the error the ledger
// returns (types/pki/errors.go). A rule with a DCLCheck reads only
// ctx.X509() — the certificate as the DCL's crypto/x509 parse sees it — so
// that package dcl runs the same rule on the same parse.
type DCLCheck struct {
	Func  string // e.g. "x/pki/x509/x509.go:VerifyCAExtensions"
	Order int    // 1, 2, … among the rules of Func
	Error string // e.g. "ErrInvalidCertificate"
	Code  int    // e.g. 409
}

// DCLDecodeError is why x509.go:DecodeX509Certificate refuses DER that PEM
// decoding gave it; Msg follows the DCL's text.
type DCLDecodeError struct {
	Msg, Location string
}

func (e *DCLDecodeError) Error() string { return e.Msg }

// goParse is the lazily computed crypto/x509 parse of a CertContext.
type goParse struct {
	done bool
	cert *x509.Certificate
	text string // the DCL's subjectAsText
	err  *DCLDecodeError
}

// X509 returns the certificate as Go's crypto/x509 parses it — the parse
// the DCL runs (x509.go:DecodeX509Certificate, with the serial-number
// option of ParseAndValidateCertificate) — or nil when the DCL could not
// decode it (DCLDecodeError says why).
func (c *CertContext) X509() *x509.Certificate {
	c.parseGo()
	return c.gox.cert
}

// DCLSubjectText returns the subject as the DCL stores it (subjectAsText);
// "" when X509 is nil.
func (c *CertContext) DCLSubjectText() string {
	c.parseGo()
	return c.gox.text
}

// DCLDecodeError returns why the DCL could not decode the certificate, nil
// when it could.
func (c *CertContext) DCLDecodeError() *DCLDecodeError {
	c.parseGo()
	return c.gox.err
}

func (c *CertContext) parseGo() {
	if c.gox.done {
		return
	}
	c.gox.done = true
	der := append(append([]byte(nil), c.Cert.Raw...), c.Cert.TrailingData...)
	c.gox.cert, c.gox.text, c.gox.err = DCLDecode(der, true)
}

// DCLDecode is x509.go:DecodeX509Certificate after PEM decoding: Go's
// x509.ParseCertificate, the serial-number checks of
// ParseAndValidateCertificate when checkSerial is set, and the subject's
// text (ToSubjectAsText).
func DCLDecode(der []byte, checkSerial bool) (*x509.Certificate, string, *DCLDecodeError) {
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, "", &DCLDecodeError{"Could not parse certificate: " + err.Error(), "certificate"}
	}
	if checkSerial {
		if c.SerialNumber.Sign() <= 0 {
			return nil, "", &DCLDecodeError{"serial number must be a positive", "tbsCertificate.serialNumber"}
		}
		if len(c.SerialNumber.Bytes()) > 20 {
			return nil, "", &DCLDecodeError{"serial number exceeds 20-octet limit", "tbsCertificate.serialNumber"}
		}
	}
	text, err := DCLSubjectAsText(c.Subject.String())
	if err != nil {
		return nil, "", &DCLDecodeError{err.Error(), "tbsCertificate.subject"}
	}
	return c, text, nil
}

// DCLRules returns the certificate rules whose DCLCheck.Func is fn, in the
// DCL's order.
func (reg *Registry) DCLRules(fn string) []*CertRule {
	var out []*CertRule
	for _, r := range reg.certs {
		if r.DCLCheck.Func == fn {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].DCLCheck.Order < out[j].DCLCheck.Order })
	return out
}

// LintX509 runs the rule, which must have a DCLCheck, on a certificate only
// crypto/x509 parsed (subjectText is its DCLSubjectText), as role: nothing
// when role is not among the rule's roles.
func (r *CertRule) LintX509(c *x509.Certificate, subjectText string, role matterext.Role, at time.Time) []Finding {
	if r.DCLCheck.Func == "" || r.Roles&role == 0 || (r.NeedsTime && at.IsZero()) {
		return nil
	}
	ctx := &CertContext{Role: role, At: at, gox: goParse{done: true, cert: c, text: subjectText}}
	rep := Reporter{rule: &r.Metadata, code: r.Code(role)}
	r.Check(ctx, &rep)
	return rep.findings
}

// DCLSelfSigned is x509.go:Certificate.IsSelfSigned: the issuer DN's bytes
// equal the subject DN's and, when the AKID has a keyIdentifier, it equals
// the SKID. No signature is checked.
func DCLSelfSigned(c *x509.Certificate) bool {
	if string(c.RawIssuer) != string(c.RawSubject) {
		return false
	}
	return len(c.AuthorityKeyId) == 0 || string(c.AuthorityKeyId) == string(c.SubjectKeyId)
}

// DCLVerify is x509.go:Certificate.Verify: child verified by crypto/x509
// with parent as the only root, at the block time (zero: now), no
// intermediates and no key usages (Go then requires serverAuth-compatible
// EKUs).
func DCLVerify(child, parent *x509.Certificate, at time.Time) error {
	roots := x509.NewCertPool()
	roots.AddCert(parent)
	_, err := child.Verify(x509.VerifyOptions{Roots: roots, CurrentTime: at})
	return err
}

// DCLIssuerID is the issuer as the ledger indexes it (base64 of the raw
// issuer DN); DCLSubjectID the subject.
func DCLIssuerID(c *x509.Certificate) string  { return base64.StdEncoding.EncodeToString(c.RawIssuer) }
func DCLSubjectID(c *x509.Certificate) string { return base64.StdEncoding.EncodeToString(c.RawSubject) }

// Matter's VID and PID attribute types as Go's pkix.Name.String() prints
// them.
const (
	oidTextMatterVID = "1.3.6.1.4.1.37244.2.1"
	oidTextMatterPID = "1.3.6.1.4.1.37244.2.2"
)

// DCLSubjectAsText is x509.go:ToSubjectAsText: Go's rendering of the subject
// with the Matter VID/PID attributes rewritten as vid=0x…/pid=0x….
func DCLSubjectAsText(goName string) (string, error) {
	s, err := rewriteOID(goName, oidTextMatterVID, "vid")
	if err != nil {
		return "", err
	}
	return rewriteOID(s, oidTextMatterPID, "pid")
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

// DCLVIDFromSubjectText reads the VID from a subject text as the DCL does
// (x509.go:GetVidFromSubject): the token vid=… (the rewritten Matter
// attribute) or Mvid:… anywhere in the text, the last one winning, parsed
// as hexadecimal after one "0x" is removed. No VID gives 0 and no error.
func DCLVIDFromSubjectText(text string) (int32, error) { return intFromSubject(text, "Mvid") }

// DCLPIDFromSubjectText is DCLVIDFromSubjectText for the PID
// (GetPidFromSubject).
func DCLPIDFromSubjectText(text string) (int32, error) { return intFromSubject(text, "Mpid") }
