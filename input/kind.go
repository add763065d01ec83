package input

import (
	"strings"

	"golang.org/x/crypto/cryptobyte"
	"golang.org/x/crypto/cryptobyte/asn1"
)

// ObjectKind is what a DER object is, judged from its structure alone.
type ObjectKind uint8

// Object kinds Detect tells apart.
const (
	KindUnknown ObjectKind = iota
	KindCertificate
	KindCRL
	KindCSR
	KindPrivateKey
	KindCMS
	KindPKCS12
)

var kindNames = [...]string{"unknown", "certificate", "CRL", "certificate signing request (CSR)", "private key", "CMS SignedData", "PKCS#12 file"}

func (k ObjectKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Hint says what the object is and which command reads it, e.g. "this is a
// CRL: use `matterlint crl`".
func (k ObjectKind) Hint() string {
	switch k {
	case KindCertificate:
		return "this is a certificate: use `matterlint lint` or `matterlint verify`"
	case KindCRL:
		return "this is a CRL: use `matterlint crl`"
	case KindCMS:
		return "this is a CMS SignedData (a Certification Declaration?): use `matterlint cd`"
	case KindCSR, KindPrivateKey, KindPKCS12:
		return "this is a " + k.String() + ", which matterlint does not read"
	}
	return ""
}

// kindOfLabel maps a PEM label to an object kind.
func kindOfLabel(label string) ObjectKind {
	switch {
	case label == "CERTIFICATE" || label == "TRUSTED CERTIFICATE" || label == "X509 CERTIFICATE":
		return KindCertificate
	case label == "X509 CRL" || label == "CRL":
		return KindCRL
	case strings.Contains(label, "CERTIFICATE REQUEST"):
		return KindCSR
	case strings.HasSuffix(label, "PRIVATE KEY"):
		return KindPrivateKey
	case label == "CMS" || label == "PKCS7":
		return KindCMS
	case label == "PKCS12":
		return KindPKCS12
	}
	return KindUnknown
}

// Detect tells certificates, CRLs, CSRs, private keys (PKCS#8, SEC 1,
// PKCS#1), CMS and PKCS#12 apart by the shape of their outer DER
// structure. A malformed object whose shape is not recognised is
// KindUnknown; a broken certificate whose outer shape is intact stays a
// KindCertificate.
func Detect(der []byte) ObjectKind {
	in := cryptobyte.String(der)
	var outer cryptobyte.String
	if !in.ReadASN1(&outer, asn1.SEQUENCE) {
		return KindUnknown
	}
	var tag asn1.Tag
	var first cryptobyte.String
	if !outer.ReadAnyASN1(&first, &tag) {
		return KindUnknown
	}
	switch tag {
	case asn1.OBJECT_IDENTIFIER: // ContentInfo
		return KindCMS
	case asn1.INTEGER: // version of a key or a PFX
		return detectVersioned(first, outer)
	case asn1.SEQUENCE:
	default:
		return KindUnknown
	}
	if outer.PeekASN1Tag(asn1.OCTET_STRING) { // EncryptedPrivateKeyInfo
		return KindPrivateKey
	}
	// first is a TBSCertificate, TBSCertList or CertificationRequestInfo.
	tbs := first
	if tbs.PeekASN1Tag(asn1.Tag(0).Constructed().ContextSpecific()) { // certificate version
		return KindCertificate
	}
	var els []asn1.Tag
	for len(tbs) > 0 && len(els) < 5 {
		var t asn1.Tag
		var skip cryptobyte.String
		if !tbs.ReadAnyASN1(&skip, &t) {
			break
		}
		els = append(els, t)
	}
	if len(els) > 0 && els[0] == asn1.INTEGER {
		els = els[1:] // serial (v1 certificate), CRL version, CSR version
	}
	if len(els) >= 3 && els[0] == asn1.SEQUENCE && els[1] == asn1.SEQUENCE && (els[2] == asn1.UTCTime || els[2] == asn1.GeneralizedTime) {
		return KindCRL
	}
	if len(els) == 3 && els[0] == asn1.SEQUENCE && els[1] == asn1.SEQUENCE && els[2] == asn1.Tag(0).Constructed().ContextSpecific() {
		return KindCSR
	}
	if len(els) >= 4 && els[0] == asn1.SEQUENCE && els[1] == asn1.SEQUENCE && els[2] == asn1.SEQUENCE {
		return KindCertificate
	}
	return KindUnknown
}

// detectVersioned classifies SEQUENCE { INTEGER version, rest... }.
func detectVersioned(version, rest cryptobyte.String) ObjectKind {
	if len(version) != 1 {
		return KindUnknown
	}
	v := version[0]
	switch {
	case v == 3 && rest.PeekASN1Tag(asn1.SEQUENCE): // PFX
		return KindPKCS12
	case v == 1 && rest.PeekASN1Tag(asn1.OCTET_STRING): // SEC 1 ECPrivateKey
		return KindPrivateKey
	case (v == 0 || v == 1) && rest.PeekASN1Tag(asn1.SEQUENCE): // PKCS#8 PrivateKeyInfo
		return KindPrivateKey
	case v == 0 && rest.PeekASN1Tag(asn1.INTEGER): // PKCS#1 RSAPrivateKey
		return KindPrivateKey
	}
	return KindUnknown
}
