package lint

import (
	"strconv"

	"github.com/matterlint/matterlint/matterext"
	zlint "github.com/zmap/zlint/v3/lint"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// Role sets used in rule metadata.
const (
	rolesAttestation = matterext.RolePAA | matterext.RolePAI | matterext.RoleDAC
	rolesAll         = rolesAttestation | matterext.RoleCRLSigner
	rolesCA          = matterext.RolePAA | matterext.RolePAI
	// rolesNOCCA are the Matter operational CAs, rolesNOCPKI every role of
	// the certificates the DCL stores as OperationalPKI or VIDSignerPKI.
	rolesNOCCA  = matterext.RoleRCAC | matterext.RoleICAC
	rolesNOCPKI = rolesNOCCA | matterext.RoleNOC | matterext.RoleVVSC
	// rolesAny is every role: for the RFC 5280, DER and key/algorithm rules.
	rolesAny = rolesAll | rolesNOCPKI
)

// Citations shared by several rules.
const (
	citeFormat    = "Matter SDK VerifyAttestationCertificateFormat (src/crypto/CHIPCryptoPALOpenSSL.cpp, CHIPCryptoPALmbedTLSCert.cpp); matter-pki-rules.md §2.1"
	citeDAC       = "Matter SDK VerifyAttestationCertificateFormat(kDAC); Matter Core spec §6.2.2.3 as cited by DCL x509.go; matter-pki-rules.md §2.2"
	citePAI       = "Matter SDK VerifyAttestationCertificateFormat(kPAI); Matter Core spec §6.2.2.4 as cited by DCL x509.go; matter-pki-rules.md §2.3"
	citePAA       = "Matter SDK VerifyAttestationCertificateFormat(kPAA) (\"Matter 1.1 spec 6.2.2.5\"); matter-pki-rules.md §2.4"
	citeVIDPID    = "Matter SDK ExtractVIDPIDFromX509Cert / ExtractVIDPIDFromAttributeString (src/crypto/CHIPCryptoPAL.cpp); matter-pki-rules.md §3"
	citeCRLSigner = "DCL x/pki MsgAddPkiRevocationDistributionPoint (CRL signer leaf profile); SDK revocation test delegates; matter-pki-rules.md §2.5, dcl-rules.md §6.3"
	citeDER       = "ITU-T X.690 §10–11 (DER); RFC 5280 §4.1"
	citeNOCCA     = "DCL x/pki/x509/x509.go VerifyCAExtensions, VerifyNoEKU, VerifyAtMostOneVIDAndPID (RCAC/ICAC: MsgAddNocX509RootCert, MsgAddNocX509IcaCert); docs/research/dcl-handlers.md §1.3, §3.3-3.4"
	citeVVSC      = "DCL x/pki/x509/x509.go VerifyVVSCExtensions → verifyEndEntityExtensions(\"VVSC\") (MsgAddNocX509RootCert/IcaCert with isVidVerificationSigner); docs/research/dcl-handlers.md §1.3"
)

// keyUsage returns the decoded keyUsage when present and well-formed.
func keyUsage(c *matterext.Certificate) *matterext.KeyUsage {
	if c.KeyUsage == nil || c.KeyUsage.Err != nil {
		return nil
	}
	return c.KeyUsage
}

// basicConstraints returns the decoded basicConstraints when present and
// well-formed.
func basicConstraints(c *matterext.Certificate) *matterext.BasicConstraints {
	if c.BasicConstraints == nil || c.BasicConstraints.Err != nil {
		return nil
	}
	return c.BasicConstraints
}

const kuLoc = "tbsCertificate.extensions[keyUsage].extnValue"
const bcLoc = "tbsCertificate.extensions[basicConstraints].extnValue"

func lintMeta(name, description, citation string, source zlint.LintSource) zlint.LintMetadata {
	return zlint.LintMetadata{Name: name, Description: description, Citation: citation, Source: source}
}

func itoa(i int64) string { return strconv.FormatInt(i, 10) }

// curveOID returns the namedCurve OID content octets of EC parameters.
func curveOID(params []byte) []byte {
	p := cryptobyte.String(params)
	var curve cryptobyte.String
	if !p.ReadASN1(&curve, cbasn1.OBJECT_IDENTIFIER) {
		return nil
	}
	return curve
}

// printable renders raw bytes for a message, replacing control characters.
func printable(b []byte) string {
	out := make([]rune, 0, len(b))
	for _, c := range string(b) {
		if c < 0x20 || c == 0x7f || c == 0xFFFD {
			c = '?'
		}
		out = append(out, c)
	}
	return string(out)
}

// missingHint explains why a VID (vid true) or PID the CN seems to hold was
// not used.
func missingHint(vp matterext.VIDPID, vid bool) string {
	has, v := vp.HasCNPID, vp.CNPID
	if vid {
		has, v = vp.HasCNVID, vp.CNVID
	}
	if has {
		return " (the commonName holds " + matterext.FormatID(v) + ", but the CN fallback is ignored because a Matter OID attribute is present)"
	}
	return ""
}

func isUpperHex4(b []byte) bool {
	if len(b) != 4 {
		return false
	}
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

func quote(b []byte) string { return strconv.Quote(string(b)) }

// eachDNAttribute calls fn for every attribute of the issuer and the subject,
// with the location of the name.
func eachDNAttribute(c *matterext.Certificate, fn func(loc string, a matterext.Attribute)) {
	for _, a := range c.Issuer.Attributes {
		fn("tbsCertificate.issuer", a)
	}
	for _, a := range c.Subject.Attributes {
		fn("tbsCertificate.subject", a)
	}
}

const (
	citeCMS      = "Matter SDK CertificationDeclaration.cpp CMS_Verify / CMS_ExtractKeyId / DecodeSignerInfo; matter-pki-rules.md §5.1"
	citeCDDecode = "Matter SDK CertificationDeclaration.cpp DecodeCertificationElements; matter-pki-rules.md §5.2"
	citeCDPay    = "Matter SDK DefaultDACVerifier::ValidateCertificateDeclarationPayload; matter-pki-rules.md §5.4"
	citeTCDA12   = "CSA test harness TC_DA_1_2 (device-side CD checks that commissioners do not make); matter-pki-rules.md §5.2"
	cdLoc        = "ContentInfo.content.encapContentInfo.eContent"
)

// cdField returns a present CD content field, or nil.
func cdField(cd *matterext.CertificationDeclaration, tag uint8) *matterext.CDField {
	if cd.Content == nil {
		return nil
	}
	if f := cd.Content.Field(tag); f != nil && f.Present {
		return f
	}
	return nil
}

// cdFieldLoc is the location of a CD content field.
func cdFieldLoc(f *matterext.CDField) string {
	return cdLoc + "." + f.Spec.Name + " (TLV tag " + itoa(int64(f.Spec.Tag)) + ", offset " + itoa(int64(f.Offset)) + ")"
}

// signerInfo returns the first SignerInfo, or nil.
func signerInfo(cd *matterext.CertificationDeclaration) *matterext.SignerInfo {
	if len(cd.CMS.SignerInfos) == 0 {
		return nil
	}
	return &cd.CMS.SignerInfos[0]
}

const siLoc = "SignedData.signerInfos[0]"

// algName names a digest or signature algorithm.
func algName(o matterext.OID) string {
	switch {
	case o.Equal(matterext.OIDSHA256):
		return "sha256"
	case o.Equal(matterext.OIDSHA1):
		return "sha1"
	case o == nil:
		return "(none)"
	}
	return o.Name()
}

const (
	citeCRL      = "RFC 5280 §5"
	citeCRLBuild = "Matter SDK credentials/generate_revocation_set.py (spec 6.2.4.1); matter-pki-rules.md §6.2-6.3"
	citePoint    = "DCL x/pki MsgAddPkiRevocationDistributionPoint ValidateBasic/verifyFields; matter-pki-rules.md §6.1"
)

// crlTimeField names a time field of a CRL: thisUpdate or nextUpdate, or
// (name "") the revocationDate of the entry at position entry.
type crlTimeField struct {
	name  string
	entry int
}

func (f crlTimeField) loc() string {
	if f.name != "" {
		return f.name
	}
	return "tbsCertList.revokedCertificates[" + itoa(int64(f.entry)) + "].revocationDate"
}

// eachCRLTime calls fn for the CRL's time fields: thisUpdate, nextUpdate and
// every entry's revocationDate, decoded one at a time.
func eachCRLTime(l *matterext.CRL, fn func(f crlTimeField, t matterext.Time)) {
	fn(crlTimeField{name: "tbsCertList.thisUpdate"}, l.ThisUpdate)
	fn(crlTimeField{name: "tbsCertList.nextUpdate"}, l.NextUpdate)
	for i := range l.Entries {
		fn(crlTimeField{entry: i}, l.RevocationDate(&l.Entries[i]))
	}
}
