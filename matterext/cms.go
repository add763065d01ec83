package matterext

import (
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// CMS object identifiers.
var (
	OIDSignedData = OID{0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02}
	OIDData       = OID{0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01}
	OIDSHA256     = OID{0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01}
	OIDSHA1       = OID{0x2B, 0x0E, 0x03, 0x02, 0x1A}
)

// SignedData is the decoded CMS ContentInfo/SignedData envelope of a
// Certification Declaration (RFC 5652 §5). It records what is there;
// package lint judges it against the restricted profile Matter uses.
type SignedData struct {
	Raw              []byte
	ContentType      OID
	Version          Integer
	DigestAlgorithms []AlgorithmIdentifier
	EContentType     OID
	// EContent is the encapsulated content (the CD TLV); EContentPresent is
	// false when the optional [0] is absent.
	EContent        []byte
	EContentPresent bool
	HasCertificates bool
	HasCRLs         bool
	SignerInfos     []SignerInfo
	// Errors lists the parts that did not decode.
	Errors []*FieldError
}

// SignerInfo is one CMS SignerInfo.
type SignerInfo struct {
	Version Integer
	// SubjectKeyID is the sid when it is the [0] subjectKeyIdentifier form;
	// SIDIsKeyID is false for the issuerAndSerialNumber form.
	SubjectKeyID       []byte
	SIDIsKeyID         bool
	DigestAlgorithm    AlgorithmIdentifier
	HasSignedAttrs     bool
	SignatureAlgorithm AlgorithmIdentifier
	Signature          []byte
	HasUnsignedAttrs   bool
}

// MaxCMSSize caps the CMS input.
const MaxCMSSize = 64 << 10

// ParseSignedData decodes a CMS ContentInfo holding SignedData. It returns a
// *ParseError when the ContentInfo/SignedData SEQUENCEs cannot be walked;
// defects inside are recorded in Errors and in the fields.
func ParseSignedData(der []byte) (*SignedData, error) {
	if len(der) > MaxCMSSize {
		return nil, &ParseError{Object: ErrNotCMS, Path: "ContentInfo", Msg: "input larger than 64 KiB", TooLarge: true}
	}
	sd := &SignedData{}
	in := cryptobyte.String(der)
	var ci, full cryptobyte.String
	if !in.ReadASN1Element(&full, cbasn1.SEQUENCE) {
		return nil, &ParseError{Object: ErrNotCMS, Path: "ContentInfo", Msg: "expected a SEQUENCE: " + describeBadElement(der)}
	}
	sd.Raw = full
	if len(in) > 0 {
		sd.fieldErr("ContentInfo", itoa(len(in))+" bytes follow the ContentInfo")
	}
	full.ReadASN1(&ci, cbasn1.SEQUENCE)
	var ct cryptobyte.String
	if !ci.ReadASN1(&ct, cbasn1.OBJECT_IDENTIFIER) {
		return nil, &ParseError{Object: ErrNotCMS, Path: "ContentInfo.contentType", Msg: "expected an OBJECT IDENTIFIER"}
	}
	sd.ContentType = OID(ct)
	var explicit, s cryptobyte.String
	if !ci.ReadASN1(&explicit, cbasn1.Tag(0).ContextSpecific().Constructed()) || !explicit.ReadASN1(&s, cbasn1.SEQUENCE) {
		return nil, &ParseError{Object: ErrNotCMS, Path: "ContentInfo.content", Msg: "expected [0] EXPLICIT SignedData SEQUENCE"}
	}
	var ver cryptobyte.String
	if !s.ReadASN1(&ver, cbasn1.INTEGER) {
		return nil, &ParseError{Object: ErrNotCMS, Path: "SignedData.version", Msg: "expected an INTEGER"}
	}
	sd.Version = Integer{Present: true, Bytes: ver}
	var algs cryptobyte.String
	if !s.ReadASN1(&algs, cbasn1.SET) {
		return nil, &ParseError{Object: ErrNotCMS, Path: "SignedData.digestAlgorithms", Msg: "expected a SET"}
	}
	for len(algs) > 0 {
		var a cryptobyte.String
		if !algs.ReadASN1Element(&a, cbasn1.SEQUENCE) {
			sd.fieldErr("SignedData.digestAlgorithms", "malformed AlgorithmIdentifier")
			break
		}
		sd.DigestAlgorithms = append(sd.DigestAlgorithms, parseAlgIDTo(&sd.Errors, a, "SignedData.digestAlgorithms"))
	}
	var eci cryptobyte.String
	if !s.ReadASN1(&eci, cbasn1.SEQUENCE) {
		return nil, &ParseError{Object: ErrNotCMS, Path: "SignedData.encapContentInfo", Msg: "expected a SEQUENCE"}
	}
	var ect cryptobyte.String
	if !eci.ReadASN1(&ect, cbasn1.OBJECT_IDENTIFIER) {
		sd.fieldErr("SignedData.encapContentInfo.eContentType", "expected an OBJECT IDENTIFIER")
	}
	sd.EContentType = OID(ect)
	if eci.PeekASN1Tag(cbasn1.Tag(0).ContextSpecific().Constructed()) {
		var ex, oct cryptobyte.String
		eci.ReadASN1(&ex, cbasn1.Tag(0).ContextSpecific().Constructed())
		if !ex.ReadASN1(&oct, cbasn1.OCTET_STRING) || len(ex) > 0 {
			sd.fieldErr("SignedData.encapContentInfo.eContent", "expected [0] EXPLICIT OCTET STRING")
		} else {
			sd.EContent, sd.EContentPresent = oct, true
		}
	}
	if len(eci) > 0 {
		sd.fieldErr("SignedData.encapContentInfo", "unexpected data after eContent")
	}
	if s.PeekASN1Tag(cbasn1.Tag(0).ContextSpecific().Constructed()) {
		s.SkipASN1(cbasn1.Tag(0).ContextSpecific().Constructed())
		sd.HasCertificates = true
	}
	if s.PeekASN1Tag(cbasn1.Tag(1).ContextSpecific().Constructed()) {
		s.SkipASN1(cbasn1.Tag(1).ContextSpecific().Constructed())
		sd.HasCRLs = true
	}
	var sis cryptobyte.String
	if !s.ReadASN1(&sis, cbasn1.SET) {
		return nil, &ParseError{Object: ErrNotCMS, Path: "SignedData.signerInfos", Msg: "expected a SET"}
	}
	for i := 0; len(sis) > 0; i++ {
		var si cryptobyte.String
		if !sis.ReadASN1(&si, cbasn1.SEQUENCE) || i >= 16 {
			sd.fieldErr("SignedData.signerInfos", "malformed SignerInfo (or more than 16)")
			break
		}
		sd.SignerInfos = append(sd.SignerInfos, sd.parseSignerInfo(si, "SignedData.signerInfos["+itoa(i)+"]"))
	}
	if len(s) > 0 {
		sd.fieldErr("SignedData", "unexpected data after signerInfos")
	}
	return sd, nil
}

func (sd *SignedData) fieldErr(path, msg string) {
	sd.Errors = append(sd.Errors, &FieldError{Path: path, Msg: msg})
}

func (sd *SignedData) parseSignerInfo(si cryptobyte.String, path string) SignerInfo {
	var r SignerInfo
	var ver cryptobyte.String
	if !si.ReadASN1(&ver, cbasn1.INTEGER) {
		sd.fieldErr(path+".version", "expected an INTEGER")
		return r
	}
	r.Version = Integer{Present: true, Bytes: ver}
	switch {
	case si.PeekASN1Tag(cbasn1.Tag(0).ContextSpecific()):
		var kid cryptobyte.String
		si.ReadASN1(&kid, cbasn1.Tag(0).ContextSpecific())
		r.SubjectKeyID, r.SIDIsKeyID = kid, true
	case si.PeekASN1Tag(cbasn1.SEQUENCE):
		si.SkipASN1(cbasn1.SEQUENCE) // issuerAndSerialNumber
	default:
		sd.fieldErr(path+".sid", "expected [0] subjectKeyIdentifier or issuerAndSerialNumber")
		return r
	}
	var alg cryptobyte.String
	if !si.ReadASN1Element(&alg, cbasn1.SEQUENCE) {
		sd.fieldErr(path+".digestAlgorithm", "expected an AlgorithmIdentifier")
		return r
	}
	r.DigestAlgorithm = parseAlgIDTo(&sd.Errors, alg, path+".digestAlgorithm")
	if si.PeekASN1Tag(cbasn1.Tag(0).ContextSpecific().Constructed()) {
		si.SkipASN1(cbasn1.Tag(0).ContextSpecific().Constructed())
		r.HasSignedAttrs = true
	}
	if !si.ReadASN1Element(&alg, cbasn1.SEQUENCE) {
		sd.fieldErr(path+".signatureAlgorithm", "expected an AlgorithmIdentifier")
		return r
	}
	r.SignatureAlgorithm = parseAlgIDTo(&sd.Errors, alg, path+".signatureAlgorithm")
	var sig cryptobyte.String
	if !si.ReadASN1(&sig, cbasn1.OCTET_STRING) {
		sd.fieldErr(path+".signature", "expected an OCTET STRING")
		return r
	}
	r.Signature = sig
	if si.PeekASN1Tag(cbasn1.Tag(1).ContextSpecific().Constructed()) {
		si.SkipASN1(cbasn1.Tag(1).ContextSpecific().Constructed())
		r.HasUnsignedAttrs = true
	}
	if len(si) > 0 {
		sd.fieldErr(path, "unexpected data after the signature")
	}
	return r
}

// parseAlgIDTo decodes an AlgorithmIdentifier, recording errors in errs.
func parseAlgIDTo(errs *[]*FieldError, full []byte, path string) AlgorithmIdentifier {
	var c Certificate
	a := parseAlgID(&c, full, path)
	*errs = append(*errs, c.Errors...)
	return a
}
