package verify

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/sha256"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sync"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// CDSigner is a key trusted to sign Certification Declarations.
type CDSigner struct {
	KeyID  []byte
	Key    *ecdsa.PublicKey
	Cert   *matterext.Certificate
	Source string
	// Test marks the SDK's test CD signing key, accepted only when asked.
	Test bool
}

// CDTrust holds the CD signing keys, looked up by key ID (the SignerInfo's
// subjectKeyIdentifier), as the SDK's CsaCdKeysTrustStore does.
type CDTrust struct {
	Name    string
	root    *matterext.Certificate
	signers []*CDSigner
	Skipped []Skipped
}

// testCDKeyID is the key ID of the SDK's test CD signing key.
const testCDKeyID = "\x62\xFA\x82\x33\x59\xAC\xFA\xA9\x96\x3E\x1C\xFA\x14\x0A\xDD\xF5\x04\xF3\x71\x60"

// TestCDKeyID returns the key ID of the SDK's test CD signing key.
func TestCDKeyID() []byte { return []byte(testCDKeyID) }

// ErrCDSignerUntrusted: a CD signer certificate does not chain to the CSA
// Matter Certification and Testing CA.
var ErrCDSignerUntrusted = errors.New("does not chain to the CSA Matter Certification and Testing CA")

//go:embed trust/cd/*.pem
var cdFS embed.FS

const csaRootFile = "CSA-Matter-Certification-and-Testing-CA.pem"

var defaultCDTrust = sync.OnceValues(func() (*CDTrust, error) {
	t := &CDTrust{Name: "embedded CSA CD signing keys 001-005 and the SDK test key"}
	files, _ := fs.Glob(cdFS, "trust/cd/*.pem")
	certs := map[string]*matterext.Certificate{}
	for _, f := range files {
		b, _ := cdFS.ReadFile(f)
		var c *matterext.Certificate
		var perr error
		input.ReadStream(f, bytes.NewReader(b), func(it input.Item) bool {
			if it.Err != nil {
				perr = it.Err
			} else {
				c, perr = matterext.ParseCertificate(it.DER)
			}
			return false
		})
		if perr != nil {
			return nil, fmt.Errorf("embedded CD signer %s: %w", f, perr)
		}
		certs[path.Base(f)] = c
	}
	t.root = certs[csaRootFile]
	if t.root == nil {
		return nil, errors.New("embedded CSA root missing")
	}
	for name, c := range certs {
		if name == csaRootFile {
			continue
		}
		var err error
		if c.SubjectKeyID != nil && string(c.SubjectKeyID.ID) == testCDKeyID {
			err = t.add(c, "embedded:"+name, true)
		} else {
			err = t.AddSigner(c, "embedded:"+name)
		}
		if err != nil {
			return nil, err
		}
	}
	return t, nil
})

// DefaultCDTrust returns the embedded CD trust: the CSA signing keys 001-005
// (each verified against the CSA root) and the SDK test key (marked Test).
// The store is shared; use Clone before adding signers.
func DefaultCDTrust() (*CDTrust, error) { return defaultCDTrust() }

// NewCDTrust returns an empty CD trust whose signers must chain to root
// (for test PKIs; production uses DefaultCDTrust).
func NewCDTrust(name string, root *matterext.Certificate) *CDTrust {
	return &CDTrust{Name: name, root: root}
}

// Clone returns a copy that can be extended.
func (t *CDTrust) Clone() *CDTrust {
	c := *t
	c.signers = append([]*CDSigner(nil), t.signers...)
	c.Skipped = append([]Skipped(nil), t.Skipped...)
	return &c
}

// AddSigner adds a CD signing certificate, which must be issued by the CSA
// Matter Certification and Testing CA and verify under its key.
func (t *CDTrust) AddSigner(c *matterext.Certificate, source string) error {
	if _, err := t.root.ECDSAPublicKey(); err != nil {
		return err
	}
	if !matterext.Relate(c, t.root).Names || c.CheckSignatureFrom(t.root) != nil {
		t.Skipped = append(t.Skipped, Skipped{Source: source, Cert: c, Err: ErrCDSignerUntrusted})
		return fmt.Errorf("%s: %w", source, ErrCDSignerUntrusted)
	}
	return t.add(c, source, false)
}

func (t *CDTrust) add(c *matterext.Certificate, source string, test bool) error {
	key, err := c.ECDSAPublicKey()
	if err != nil || c.SubjectKeyID == nil || len(c.SubjectKeyID.ID) != 20 {
		t.Skipped = append(t.Skipped, Skipped{Source: source, Cert: c, Err: ErrNoSKID})
		return fmt.Errorf("%s: no usable P-256 key and 20-byte SKID", source)
	}
	t.signers = append(t.signers, &CDSigner{KeyID: c.SubjectKeyID.ID, Key: key, Cert: c, Source: source, Test: test})
	return nil
}

// AddPath adds the CD signer certificates in a file or directory; those
// that do not chain to the CSA root are recorded in Skipped.
func (t *CDTrust) AddPath(p string) error {
	var errs []error
	(&input.Reader{}).Read([]string{p}, func(it input.Item) bool {
		if it.Err != nil {
			if it.Err.Kind == input.KindIO {
				errs = append(errs, it.Err)
			}
			return true
		}
		if c, err := matterext.ParseCertificate(it.DER); err == nil {
			_ = t.AddSigner(c, fmt.Sprintf("%s [%d]", it.Source, it.Index))
		}
		return true
	})
	return errors.Join(errs...)
}

// Signers returns the trusted signers.
func (t *CDTrust) Signers() []*CDSigner { return t.signers }

// Lookup returns the signer with the given key ID, or nil.
func (t *CDTrust) Lookup(kid []byte) *CDSigner {
	for _, s := range t.signers {
		if bytes.Equal(s.KeyID, kid) {
			return s
		}
	}
	return nil
}

// CD steps (§4.1 steps 24-25, ×10).
const (
	stepCDKeyID     = 241
	stepCDSigner    = 242
	stepCDSignature = 244
	stepCDDecode    = 245
	stepCDElements  = 251
	stepCDTestKey   = 246
	stepCDVendor    = 253
	stepCDProduct   = 254
	stepCDOrigin    = 255
	stepCDPAA       = 257
)

const citeCDSig = "Matter SDK DefaultDACVerifier::ValidateCertificationDeclarationSignature; matter-pki-rules.md §5.3"
const citeCDPayload = "Matter SDK DefaultDACVerifier::ValidateCertificateDeclarationPayload; matter-pki-rules.md §5.4"

// CDOptions control the checks of a CD on its own.
type CDOptions struct {
	// Trust holds the CD signing keys; nil means DefaultCDTrust.
	Trust *CDTrust
	// AllowTestKey accepts the SDK test key, for certification types 0 and 1
	// only, as the SDK does with test keys enabled.
	AllowTestKey bool
	// Device, when set, is compared with vendor_id and product_id_array.
	Device Device
	// Lint is the rule registry; nil means lint.Default().
	Lint *lint.Registry
	// Release names the SDK release that decides the findings ("" means
	// NewestRelease).
	Release string
}

// CheckCD lints a CD and checks its signature and the device's VID/PID
// against it: everything about the CD that needs no certificate chain.
// Findings are in the SDK's order, as opts.Release decides them.
func CheckCD(cd *matterext.CertificationDeclaration, opts CDOptions) ([]Finding, error) {
	r := NewestRelease()
	if opts.Release != "" {
		var err error
		if r, err = LookupRelease(opts.Release); err != nil {
			return nil, err
		}
	}
	fs, err := checkCD(cd, opts)
	if err != nil {
		return nil, err
	}
	fs, _ = evaluate(fs, r)
	return fs, nil
}

// checkCD is CheckCD before a release decides the findings.
func checkCD(cd *matterext.CertificationDeclaration, opts CDOptions) ([]Finding, error) {
	reg := opts.Lint
	if reg == nil {
		reg = defaultRegistry()
	}
	trust := opts.Trust
	if trust == nil {
		t, err := DefaultCDTrust()
		if err != nil {
			return nil, err
		}
		trust = t
	}
	var fs []Finding
	res := reg.LintCD(cd)
	for i := range res.Findings {
		lf := &res.Findings[i]
		f := Finding{Check: lf.Rule.Name, Cert: "cd", Code: lf.SDKCode, Severity: lf.Severity(),
			Location: lf.Location, Message: lf.Message, Citation: lf.Rule.Citation, Note: lf.Rule.Note}
		f.Step = cdStep(lf.SDKCode)
		if f.Step == stepInformational {
			f.Code = matterext.Success
		}
		if lf.Rule.SDK == lint.SDKCDElements {
			f.release = relCDElements
		}
		fs = append(fs, f)
	}
	add := func(check string, step int, code matterext.ResultCode, loc, msg, cite string) {
		fs = append(fs, Finding{Check: check, Cert: "cd", Step: step, Code: code, Severity: lint.Error, Location: loc, Message: msg, Citation: cite})
	}
	kid := cd.KeyID()
	var signer *CDSigner
	if len(kid) == 20 {
		signer = trust.Lookup(kid)
		switch {
		case signer == nil:
			add(CheckCDSignerKnown, stepCDSigner, matterext.CertificationDeclarationNoCertFound, "SignedData.signerInfos[0].sid",
				fmt.Sprintf("no trusted CD signing key has key ID %s (%s, %d keys)", matterext.HexColon(kid), trust.Name, len(trust.signers)), citeCDSig+" step 2")
		case signer.Test && !opts.AllowTestKey:
			add(CheckCDSignerKnown, stepCDSigner, matterext.CertificationDeclarationNoCertFound, "SignedData.signerInfos[0].sid",
				"the CD is signed with the SDK test key ("+matterext.HexColon(kid)+"), which production commissioners do not trust (allow it with --allow-test-cd-key)", citeCDSig+" step 3")
		}
	}
	if signer != nil && len(cd.CMS.SignerInfos) > 0 {
		sum := sha256.Sum256(cd.CMS.EContent)
		if !ecdsa.VerifyASN1(signer.Key, sum[:], cd.CMS.SignerInfos[0].Signature) {
			add(CheckCDSignature, stepCDSignature, matterext.CertificationDeclarationInvalidSignature, "SignedData.signerInfos[0].signature",
				"the CD signature does not verify under "+signer.Cert.Subject.String()+" ("+signer.Source+")", citeCDSig+" step 4 (CMS_Verify)")
		}
	}
	c := cd.Content
	if c == nil {
		return sortFindings(fs), nil
	}
	field := func(tag uint8) *matterext.CDField {
		if f := c.Field(tag); f.Present {
			return f
		}
		return nil
	}
	if ct := field(matterext.CDTagCertificationType); signer != nil && signer.Test && opts.AllowTestKey && ct != nil && ct.Uint > 1 {
		add(CheckCDTestKeyType, stepCDTestKey, matterext.CertificationDeclarationNoCertFound, "certification_type",
			fmt.Sprintf("the SDK test key may sign only development (0) and provisional (1) CDs; certification_type is %d", ct.Uint), citeCDSig+" (SDK 1.6 and later: after CMS_Verify)")
		fs[len(fs)-1].release = relTestKey
	}
	d := opts.Device
	if v := field(matterext.CDTagVendorID); v != nil && d.HasVID && v.Uint != uint64(d.VID) {
		add(CheckCDVendorDevice, stepCDVendor, matterext.CertificationDeclarationInvalidVendorID, "vendor_id",
			fmt.Sprintf("CD vendor_id %s differs from the device's VID %s", matterext.FormatID(uint16(v.Uint)), matterext.FormatID(d.VID)), citeCDPayload+" step 3")
	}
	if p := field(matterext.CDTagProductIDs); p != nil && d.HasPID && !containsUint(p.Uints, uint64(d.PID)) {
		add(CheckCDProductDevice, stepCDProduct, matterext.CertificationDeclarationInvalidProductID, "product_id_array",
			fmt.Sprintf("the device's PID %s is not in the CD product_id_array %s", matterext.FormatID(d.PID), idList(p.Uints)), citeCDPayload+" step 4")
	}
	return sortFindings(fs), nil
}

func cdStep(code matterext.ResultCode) int {
	switch code {
	case matterext.CertificationDeclarationNoKeyID:
		return stepCDKeyID
	case matterext.CertificationDeclarationInvalidSignature:
		return stepCDSignature
	case matterext.CertificationDeclarationInvalidFormat:
		return stepCDDecode
	case matterext.AttestationElementsMalformed:
		return stepCDElements
	case matterext.CertificationDeclarationInvalidProductID:
		return stepCDProduct
	case matterext.CertificationDeclarationInvalidPAA:
		return stepCDPAA
	}
	return stepInformational
}

// cdChainFindings are the CD checks against the DAC, PAI and PAA.
func cdChainFindings(cd *matterext.CertificationDeclaration, dac, pai matterext.VIDPID, paa *Anchor) []Finding {
	c := cd.Content
	if c == nil || len(c.Errors) > 0 {
		return nil // the SDK stops at the decode failure
	}
	var fs []Finding
	add := func(check string, step int, code matterext.ResultCode, loc, msg, cite string) {
		fs = append(fs, Finding{Check: check, Cert: "cd", Step: step, Code: code, Severity: lint.Error, Location: loc, Message: msg, Citation: cite})
	}
	// With dac_origin fields, the DAC and PAI must carry exactly those IDs
	// (§5.4 step 5); otherwise vendor_id and product_id_array (step 6).
	ov, op := c.Field(matterext.CDTagDACOriginVendorID), c.Field(matterext.CDTagDACOriginProductID)
	vidField, pidField := c.Field(matterext.CDTagVendorID), c.Field(matterext.CDTagProductIDs)
	vids, pids := []uint64{vidField.Uint}, pidField.Uints
	vidName, pidName, vendorCheck, productCheck, step := "vendor_id", "product_id_array", CheckCDVendorDAC, CheckCDProductDAC, " step 6"
	if ov.Present && op.Present {
		vids, pids = []uint64{ov.Uint}, []uint64{op.Uint}
		vidName, pidName, vendorCheck, productCheck, step = "dac_origin_vendor_id", "dac_origin_product_id", CheckCDOriginVendor, CheckCDOriginProduct, " step 5"
	}
	certs := []struct {
		label string
		vp    matterext.VIDPID
	}{{"DAC", dac}, {"PAI", pai}}
	for _, x := range certs {
		if x.vp.HasVID() && !containsUint(vids, uint64(x.vp.VID)) {
			add(vendorCheck, stepCDOrigin, matterext.CertificationDeclarationInvalidVendorID, vidName,
				fmt.Sprintf("%s VID %s differs from the CD %s %s", x.label, matterext.FormatID(x.vp.VID), vidName, idList(vids)), citeCDPayload+step)
		}
	}
	for _, x := range certs {
		// A PAI PID of 0000 counts as no PID here (matter-pki-rules.md §5.4).
		if x.vp.HasPID() && (x.label == "DAC" || x.vp.PID != 0) && !containsUint(pids, uint64(x.vp.PID)) {
			add(productCheck, stepCDOrigin, matterext.CertificationDeclarationInvalidProductID, pidName,
				fmt.Sprintf("%s PID %s is not the CD %s %s", x.label, matterext.FormatID(x.vp.PID), pidName, idList(pids)), citeCDPayload+step)
		}
	}
	if l := c.Field(matterext.CDTagAuthorizedPAAList); l.Present && len(l.Blobs) > 0 && paa != nil {
		found := false
		for _, b := range l.Blobs {
			found = found || bytes.Equal(b, paa.Cert.SubjectKeyID.ID)
		}
		if !found {
			add(CheckCDAuthorizedPAA, stepCDPAA, matterext.CertificationDeclarationInvalidPAA, "authorized_paa_list",
				fmt.Sprintf("the PAA's SKID %s is not in the CD authorized_paa_list (%d entries)", matterext.HexColon(paa.Cert.SubjectKeyID.ID), len(l.Blobs)), citeCDPayload+" step 7")
		}
	}
	return fs
}

func containsUint(list []uint64, v uint64) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func idList(ids []uint64) string {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, v := range ids {
		if i == 8 {
			fmt.Fprintf(&b, " … %d more", len(ids)-8)
			break
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(matterext.FormatID(uint16(v)))
	}
	b.WriteByte(']')
	return b.String()
}
