package matterext

import (
	"bytes"
	"fmt"
	"strconv"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// ASN.1 universal tags used for strings and times.
const (
	TagBoolean         = 0x01
	TagInteger         = 0x02
	TagBitString       = 0x03
	TagOctetString     = 0x04
	TagNull            = 0x05
	TagOID             = 0x06
	TagUTF8String      = 0x0C
	TagPrintableString = 0x13
	TagT61String       = 0x14
	TagIA5String       = 0x16
	TagUTCTime         = 0x17
	TagGeneralizedTime = 0x18
	TagUniversalString = 0x1C
	TagBMPString       = 0x1E
	TagSequence        = 0x30
	TagSet             = 0x31
)

// Certificate is the tolerant model of one X.509 certificate. Every slice
// aliases the input passed to ParseCertificate; do not modify it afterwards.
type Certificate struct {
	Raw          []byte // the whole Certificate element
	RawTBS       []byte // the tbsCertificate element
	TrailingData []byte // bytes after the Certificate element in the input

	Version   Integer // tbsCertificate.version; Present is false when omitted (v1)
	Serial    Integer
	TBSSigAlg AlgorithmIdentifier
	Issuer    Name
	NotBefore Time
	NotAfter  Time
	Subject   Name
	PublicKey PublicKeyInfo

	IssuerUniqueIDPresent  bool
	SubjectUniqueIDPresent bool

	// ExtensionsPresent is true when the [3] extensions field is encoded,
	// even if it is empty.
	ExtensionsPresent bool
	Extensions        []Extension // in encoded order, duplicates kept

	SignatureAlgorithm AlgorithmIdentifier
	Signature          BitString

	// Decoded well-known extensions (the first occurrence of each); nil when
	// the extension is absent. Their Err field is set when the value does not
	// decode.
	BasicConstraints *BasicConstraints
	KeyUsage         *KeyUsage
	SubjectKeyID     *SubjectKeyID
	AuthorityKeyID   *AuthorityKeyID
	ExtKeyUsage      *ExtKeyUsage

	// Errors lists every field the decoder could not decode, in order.
	Errors []*FieldError

	// inline is storage for a typical certificate's names, extensions and
	// decoded extensions, so that decoding one costs one allocation; the
	// exported fields above point into it and outgrow it by reallocating.
	inline inlineStorage
}

// inlineStorage is the backing store of a Certificate's slices and decoded
// extensions; sized for Matter attestation certificates (up to three
// attributes per name, at most six extensions; 2.25 KiB in all, a size
// class of the allocator).
type inlineStorage struct {
	attrs [2 * inlineAttrs]Attribute
	exts  [6]Extension
	bc    BasicConstraints
	ku    KeyUsage
	skid  SubjectKeyID
	akid  AuthorityKeyID
	eku   ExtKeyUsage
}

// inlineAttrs is the number of attributes per name kept inline.
const inlineAttrs = 3

// Integer is a DER INTEGER kept as its content octets.
type Integer struct {
	Present bool
	Bytes   []byte
}

// Int64 returns the value when it fits in 63 bits and is minimally encoded
// enough to be read; ok is false otherwise.
func (i Integer) Int64() (v int64, ok bool) {
	if !i.Present || len(i.Bytes) == 0 || len(i.Bytes) > 8 {
		return 0, false
	}
	v = int64(int8(i.Bytes[0]))
	for _, b := range i.Bytes[1:] {
		v = v<<8 | int64(b)
	}
	return v, true
}

// String renders the INTEGER for messages: its decimal value when it fits
// in 64 bits, else its content octets in hex with their count (a value out
// of range is never shown as a number it is not).
func (i Integer) String() string {
	if !i.Present {
		return "(absent)"
	}
	if len(i.Bytes) == 0 {
		return "(empty INTEGER)"
	}
	if v, ok := i.Int64(); ok {
		return strconv.FormatInt(v, 10)
	}
	return fmt.Sprintf("0x%X (%d octets)", i.Bytes, len(i.Bytes))
}

// Minimal reports whether the INTEGER content is a minimal two's-complement
// encoding (X.690 §8.3.2).
func (i Integer) Minimal() bool {
	b := i.Bytes
	if len(b) == 0 {
		return false
	}
	if len(b) > 1 && ((b[0] == 0x00 && b[1]&0x80 == 0) || (b[0] == 0xFF && b[1]&0x80 != 0)) {
		return false
	}
	return true
}

// Negative reports whether the INTEGER is negative.
func (i Integer) Negative() bool { return len(i.Bytes) > 0 && i.Bytes[0]&0x80 != 0 }

// Zero reports whether the INTEGER is zero.
func (i Integer) Zero() bool {
	for _, b := range i.Bytes {
		if b != 0 {
			return false
		}
	}
	return len(i.Bytes) > 0
}

// AlgorithmIdentifier is an AlgorithmIdentifier SEQUENCE.
type AlgorithmIdentifier struct {
	Present bool
	Raw     []byte // the whole element
	OID     OID
	Params  []byte // the whole parameters element, nil when absent
}

// Time is a UTCTime or GeneralizedTime value.
type Time struct {
	Present bool
	Tag     uint8  // TagUTCTime or TagGeneralizedTime (or whatever was found)
	Raw     []byte // content octets
	T       time.Time
	Err     *FieldError // why the value is not a DER time; nil when it is
}

// NoWellDefinedExpiration reports whether t is 99991231235959Z, the RFC 5280
// value for "no well-defined expiration date".
func (t Time) NoWellDefinedExpiration() bool {
	return t.Tag == TagGeneralizedTime && string(t.Raw) == "99991231235959Z"
}

// BitString is a BIT STRING: its unused-bits count and its data octets.
type BitString struct {
	Present    bool
	UnusedBits byte
	Bytes      []byte
}

// PublicKeyInfo is the subjectPublicKeyInfo.
type PublicKeyInfo struct {
	Present   bool
	Raw       []byte
	Algorithm AlgorithmIdentifier
	Key       BitString
}

// Extension is one entry of the extensions SEQUENCE.
type Extension struct {
	Base     string // ASN.1 path of the extensions list, e.g. "tbsCertificate.extensions"
	Index    int    // position in the extensions SEQUENCE
	Raw      []byte
	OID      OID
	Critical bool
	// CriticalEncoded is true when the critical BOOLEAN is present in the
	// encoding (DER requires it to be omitted when FALSE).
	CriticalEncoded bool
	// CriticalRaw holds the BOOLEAN content octets when encoded.
	CriticalRaw []byte
	Value       []byte      // extnValue OCTET STRING content
	Err         *FieldError // structural problem with this Extension; nil if none
}

// Path returns the ASN.1 path of the extension, e.g.
// "tbsCertificate.extensions[keyUsage]".
func (e *Extension) Path() string { return e.Base + "[" + e.OID.Name() + "]" }

// BasicConstraints is the decoded basicConstraints extension.
type BasicConstraints struct {
	Ext       *Extension
	CA        bool
	CAEncoded bool   // cA BOOLEAN present in the encoding
	CARaw     []byte // cA BOOLEAN content octets
	PathLen   Integer
	Err       *FieldError
}

// KeyUsage bits (RFC 5280 §4.2.1.3), bit 0 first.
const (
	KUDigitalSignature = 1 << iota
	KUNonRepudiation
	KUKeyEncipherment
	KUDataEncipherment
	KUKeyAgreement
	KUKeyCertSign
	KUCRLSign
	KUEncipherOnly
	KUDecipherOnly
)

var kuNames = []string{"digitalSignature", "nonRepudiation", "keyEncipherment",
	"dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"}

// KeyUsageString names the bits set in bits, e.g. "keyCertSign|cRLSign".
func KeyUsageString(bits uint16) string {
	var b []byte
	for i, n := range kuNames {
		if bits&(1<<i) != 0 {
			if len(b) > 0 {
				b = append(b, '|')
			}
			b = append(b, n...)
		}
	}
	if bits>>len(kuNames) != 0 {
		if len(b) > 0 {
			b = append(b, '|')
		}
		b = append(b, "undefined-bits"...)
	}
	if len(b) == 0 {
		return "(none)"
	}
	return string(b)
}

// KeyUsage is the decoded keyUsage extension.
type KeyUsage struct {
	Ext  *Extension
	Bits uint16 // bit i set when KeyUsage bit i is asserted (bits beyond 15 are folded into bit 15)
	Raw  BitString
	Err  *FieldError
}

// SubjectKeyID is the decoded subjectKeyIdentifier extension.
type SubjectKeyID struct {
	Ext *Extension
	ID  []byte
	Err *FieldError
}

// AuthorityKeyID is the decoded authorityKeyIdentifier extension.
type AuthorityKeyID struct {
	Ext       *Extension
	KeyID     []byte
	HasKeyID  bool
	HasIssuer bool // authorityCertIssuer [1] present
	HasSerial bool // authorityCertSerialNumber [2] present
	Err       *FieldError
}

// ExtKeyUsage is the decoded extKeyUsage extension.
type ExtKeyUsage struct {
	Ext    *Extension
	Usages []OID
	Err    *FieldError
}

// Extension returns the first extension with the given OID, or nil.
func (c *Certificate) Extension(oid OID) *Extension {
	for i := range c.Extensions {
		if c.Extensions[i].OID.Equal(oid) {
			return &c.Extensions[i]
		}
	}
	return nil
}

// SelfIssued reports whether issuer and subject are byte-for-byte equal.
func (c *Certificate) SelfIssued() bool {
	return c.Issuer.Present && bytes.Equal(c.Issuer.Raw, c.Subject.Raw)
}

func (c *Certificate) fieldErr(path, msg string) {
	c.Errors = append(c.Errors, &FieldError{Path: path, Msg: msg})
}

// MaxCertificateSize is the largest input ParseCertificate accepts. Matter
// attestation certificates are at most 600 bytes (ML-DSA ones a few KiB); the
// cap keeps hostile inputs from costing unbounded time.
const MaxCertificateSize = 64 << 10

// ParseCertificate decodes one DER certificate from der. Bytes after the
// Certificate element are kept in TrailingData. It returns a *ParseError
// (wrapping ErrNotCertificate) only when the Certificate and tbsCertificate
// SEQUENCEs cannot be walked; every other defect is recorded on the model.
func ParseCertificate(der []byte) (*Certificate, error) {
	return ParseCertificateInto(nil, der)
}

// ParseCertificateInto is ParseCertificate decoding into dst, which is reset
// first (nil means a new Certificate): a caller that decodes millions of
// certificates, one after the other, can recycle them instead of allocating
// each. dst must not be in use: nothing may refer to it or to what it holds.
func ParseCertificateInto(dst *Certificate, der []byte) (*Certificate, error) {
	if len(der) > MaxCertificateSize {
		return nil, &ParseError{Object: ErrNotCertificate, Offset: 0, Path: "Certificate", Msg: "input larger than 64 KiB", TooLarge: true}
	}
	c := dst
	if c == nil {
		c = &Certificate{}
	} else {
		*c = Certificate{}
	}
	in := cryptobyte.String(der)
	var full cryptobyte.String
	var tag cbasn1.Tag
	if !in.ReadAnyASN1Element(&full, &tag) {
		return nil, &ParseError{Object: ErrNotCertificate, Offset: 0, Path: "Certificate", Msg: describeBadElement(der)}
	}
	if tag != cbasn1.SEQUENCE {
		return nil, &ParseError{Object: ErrNotCertificate, Offset: 0, Path: "Certificate", Msg: "expected SEQUENCE, found " + tagName(uint8(tag))}
	}
	c.Raw = full
	c.TrailingData = in
	body := full
	var seq cryptobyte.String
	body.ReadASN1(&seq, cbasn1.SEQUENCE)
	hdr := len(full) - len(seq)

	var tbs cryptobyte.String
	if !seq.ReadAnyASN1Element(&tbs, &tag) || tag != cbasn1.SEQUENCE {
		return nil, &ParseError{Object: ErrNotCertificate, Offset: hdr, Path: "Certificate.tbsCertificate", Msg: "expected a tbsCertificate SEQUENCE"}
	}
	c.RawTBS = tbs
	if err := c.parseTBS(tbs, hdr); err != nil {
		return nil, err
	}
	var el cryptobyte.String
	if seq.ReadAnyASN1Element(&el, &tag) {
		if tag == cbasn1.SEQUENCE {
			c.SignatureAlgorithm = parseAlgID(c, el, "signatureAlgorithm")
		} else {
			c.fieldErr("signatureAlgorithm", "expected SEQUENCE, found "+tagName(uint8(tag)))
		}
	} else {
		c.fieldErr("signatureAlgorithm", "missing")
	}
	if seq.ReadAnyASN1Element(&el, &tag) {
		if tag == cbasn1.BIT_STRING {
			c.Signature = parseBitString(c, el, "signatureValue")
		} else {
			c.fieldErr("signatureValue", "expected BIT STRING, found "+tagName(uint8(tag)))
		}
	} else {
		c.fieldErr("signatureValue", "missing")
	}
	if len(seq) > 0 {
		c.fieldErr("Certificate", "unexpected data after signatureValue")
	}
	return c, nil
}

type element struct {
	tag     uint8
	full    []byte
	content []byte
}

func (c *Certificate) parseTBS(tbs cryptobyte.String, base int) error {
	var content cryptobyte.String
	tbs.ReadASN1(&content, cbasn1.SEQUENCE)
	var elems [12]element
	els := elems[:0]
	for len(content) > 0 {
		var full cryptobyte.String
		var tag cbasn1.Tag
		if !content.ReadAnyASN1Element(&full, &tag) {
			return &ParseError{Object: ErrNotCertificate, Offset: base, Path: "tbsCertificate", Msg: "cannot read element " + itoa(len(els)) + ": " + describeBadElement(content)}
		}
		if len(els) >= 16 {
			return &ParseError{Object: ErrNotCertificate, Offset: base, Path: "tbsCertificate", Msg: "more than 16 elements"}
		}
		el := element{tag: uint8(tag), full: full}
		var inner cryptobyte.String
		full.ReadAnyASN1(&inner, &tag)
		el.content = inner
		els = append(els, el)
	}
	i := 0
	if i < len(els) && els[i].tag == 0xA0 {
		v := cryptobyte.String(els[i].content)
		var val cryptobyte.String
		if v.ReadASN1(&val, cbasn1.INTEGER) && len(v) == 0 {
			c.Version = Integer{Present: true, Bytes: val}
		} else {
			c.Version = Integer{Present: true}
			c.fieldErr("tbsCertificate.version", "expected [0] EXPLICIT INTEGER")
		}
		i++
	}
	if i < len(els) && els[i].tag == TagInteger {
		c.Serial = Integer{Present: true, Bytes: els[i].content}
		i++
	} else {
		c.fieldErr("tbsCertificate.serialNumber", "missing")
	}
	// The next five fields are all SEQUENCEs; classify them by shape so that a
	// missing one does not shift the others.
	var seqBuf [8]element
	seqs := seqBuf[:0]
	for i < len(els) && els[i].tag == TagSequence {
		seqs = append(seqs, els[i])
		i++
	}
	assigned := [5]bool{}
	slot := 0
	for _, s := range seqs {
		k := classifySeq(s.content, slot)
		for k < 5 && assigned[k] {
			k++
		}
		if k >= 5 {
			c.fieldErr("tbsCertificate", "unexpected extra SEQUENCE")
			continue
		}
		assigned[k] = true
		slot = k + 1
		switch k {
		case 0:
			c.TBSSigAlg = parseAlgID(c, s.full, "tbsCertificate.signature")
		case 1:
			c.Issuer = parseName(c, s.full, "tbsCertificate.issuer", c.inline.attrs[:0:inlineAttrs])
		case 2:
			c.parseValidity(s.content)
		case 3:
			c.Subject = parseName(c, s.full, "tbsCertificate.subject", c.inline.attrs[inlineAttrs:inlineAttrs:2*inlineAttrs])
		case 4:
			c.parseSPKI(s.full)
		}
	}
	names := [5]string{"signature", "issuer", "validity", "subject", "subjectPublicKeyInfo"}
	for k, ok := range assigned {
		if !ok {
			c.fieldErr("tbsCertificate."+names[k], "missing")
		}
	}
	for ; i < len(els); i++ {
		switch els[i].tag {
		case 0x81, 0xA1:
			c.IssuerUniqueIDPresent = true
		case 0x82, 0xA2:
			c.SubjectUniqueIDPresent = true
		case 0xA3:
			c.ExtensionsPresent = true
			c.parseExtensions(els[i].content)
		default:
			c.fieldErr("tbsCertificate", "unexpected element "+tagName(els[i].tag))
		}
	}
	return nil
}

// classifySeq guesses which of the five SEQUENCE fields (0 signature,
// 1 issuer, 2 validity, 3 subject, 4 subjectPublicKeyInfo) s is, given that
// fields before slot were already seen.
func classifySeq(s []byte, slot int) int {
	if len(s) == 0 {
		if slot <= 1 {
			return 1
		}
		return 3
	}
	switch s[0] {
	case TagOID:
		return 0
	case TagUTCTime, TagGeneralizedTime:
		return 2
	case TagSet:
		if slot <= 1 {
			return 1
		}
		return 3
	case TagSequence:
		return 4
	}
	return slot
}

func (c *Certificate) parseValidity(s []byte) {
	in := cryptobyte.String(s)
	for k, path := range [2]string{"tbsCertificate.validity.notBefore", "tbsCertificate.validity.notAfter"} {
		var v cryptobyte.String
		var tag cbasn1.Tag
		if !in.ReadAnyASN1(&v, &tag) {
			c.fieldErr(path, "missing")
			continue
		}
		t := parseTime(uint8(tag), v).at(path)
		if k == 0 {
			c.NotBefore = t
		} else {
			c.NotAfter = t
		}
	}
	if len(in) > 0 {
		c.fieldErr("tbsCertificate.validity", "unexpected data after notAfter")
	}
}

func (c *Certificate) parseSPKI(full []byte) {
	c.PublicKey.Present = true
	c.PublicKey.Raw = full
	in := cryptobyte.String(full)
	var s cryptobyte.String
	in.ReadASN1(&s, cbasn1.SEQUENCE)
	var alg, bits cryptobyte.String
	if !s.ReadASN1Element(&alg, cbasn1.SEQUENCE) {
		c.fieldErr("tbsCertificate.subjectPublicKeyInfo.algorithm", "expected SEQUENCE")
		return
	}
	c.PublicKey.Algorithm = parseAlgID(c, alg, "tbsCertificate.subjectPublicKeyInfo.algorithm")
	if !s.ReadASN1Element(&bits, cbasn1.BIT_STRING) {
		c.fieldErr("tbsCertificate.subjectPublicKeyInfo.subjectPublicKey", "expected BIT STRING")
		return
	}
	c.PublicKey.Key = parseBitString(c, bits, "tbsCertificate.subjectPublicKeyInfo.subjectPublicKey")
	if len(s) > 0 {
		c.fieldErr("tbsCertificate.subjectPublicKeyInfo", "unexpected data after subjectPublicKey")
	}
}

func parseAlgID(c *Certificate, full []byte, path string) AlgorithmIdentifier {
	a := AlgorithmIdentifier{Present: true, Raw: full}
	in := cryptobyte.String(full)
	var s cryptobyte.String
	if !in.ReadASN1(&s, cbasn1.SEQUENCE) {
		c.fieldErr(path, "expected SEQUENCE")
		return a
	}
	var oid cryptobyte.String
	if !s.ReadASN1(&oid, cbasn1.OBJECT_IDENTIFIER) {
		c.fieldErr(path+".algorithm", "expected OBJECT IDENTIFIER")
		return a
	}
	a.OID = OID(oid)
	if len(s) > 0 {
		var p cryptobyte.String
		var tag cbasn1.Tag
		if !s.ReadAnyASN1Element(&p, &tag) {
			c.fieldErr(path+".parameters", "malformed")
			return a
		}
		a.Params = p
		if len(s) > 0 {
			c.fieldErr(path, "unexpected data after parameters")
		}
	}
	return a
}

func parseBitString(c *Certificate, full []byte, path string) BitString {
	in := cryptobyte.String(full)
	var s cryptobyte.String
	var tag cbasn1.Tag
	in.ReadAnyASN1(&s, &tag)
	if len(s) == 0 {
		c.fieldErr(path, "empty BIT STRING (no unused-bits octet)")
		return BitString{}
	}
	b := BitString{Present: true, UnusedBits: s[0], Bytes: s[1:]}
	if b.UnusedBits > 7 || (len(b.Bytes) == 0 && b.UnusedBits != 0) {
		c.fieldErr(path, "invalid unused-bits count "+itoa(int(b.UnusedBits)))
	}
	return b
}

func (c *Certificate) parseExtensions(content []byte) {
	in := cryptobyte.String(content)
	var seq cryptobyte.String
	if !in.ReadASN1(&seq, cbasn1.SEQUENCE) || len(in) > 0 {
		c.fieldErr("tbsCertificate.extensions", "expected [3] EXPLICIT SEQUENCE OF Extension")
		return
	}
	c.Extensions = parseExtensionList(seq, "tbsCertificate.extensions", &c.Errors, c.inline.exts[:0])
	for i := range c.Extensions {
		e := &c.Extensions[i]
		if e.Err != nil {
			continue
		}
		switch {
		case e.OID.Equal(OIDExtBasicConstraints) && c.BasicConstraints == nil:
			c.BasicConstraints = decodeBasicConstraints(e, &c.inline.bc)
		case e.OID.Equal(OIDExtKeyUsage) && c.KeyUsage == nil:
			c.KeyUsage = decodeKeyUsage(e, &c.inline.ku)
		case e.OID.Equal(OIDExtSubjectKeyID) && c.SubjectKeyID == nil:
			c.SubjectKeyID = decodeSKID(e, &c.inline.skid)
		case e.OID.Equal(OIDExtAuthorityKeyID) && c.AuthorityKeyID == nil:
			c.AuthorityKeyID = decodeAKID(e, &c.inline.akid)
		case e.OID.Equal(OIDExtExtKeyUsage) && c.ExtKeyUsage == nil:
			c.ExtKeyUsage = decodeEKU(e, &c.inline.eku)
		}
	}
}

// parseExtensionList decodes the content of an Extensions SEQUENCE.
// Structural problems of single extensions are kept in their Err; a list
// that cannot be walked, or is longer than MaxExtensions, is reported in errs.
// The extensions are appended to buf (nil or empty), which is reused when it
// has room for them all.
func parseExtensionList(seq cryptobyte.String, path string, errs *[]*FieldError, buf []Extension) []Extension {
	n := 0
	for s := seq; len(s) > 0; n++ {
		var e cryptobyte.String
		var tag cbasn1.Tag
		if !s.ReadAnyASN1Element(&e, &tag) {
			break
		}
	}
	if n > MaxExtensions {
		*errs = append(*errs, &FieldError{Path: path, Msg: "more than " + itoa(MaxExtensions) + " extensions"})
		return nil
	}
	exts := buf[:0]
	if cap(exts) < n {
		exts = make([]Extension, 0, n)
	}
	for idx := 0; len(seq) > 0; idx++ {
		var full cryptobyte.String
		var tag cbasn1.Tag
		if !seq.ReadAnyASN1Element(&full, &tag) {
			*errs = append(*errs, &FieldError{Path: path + "[" + itoa(idx) + "]", Msg: "cannot read element: " + describeBadElement(seq)})
			return exts
		}
		e := Extension{Base: path, Index: idx, Raw: full}
		var body cryptobyte.String
		f := full
		if tag != cbasn1.SEQUENCE || !f.ReadASN1(&body, cbasn1.SEQUENCE) {
			e.Err = &FieldError{Path: path + "[" + itoa(idx) + "]", Msg: "expected Extension SEQUENCE, found " + tagName(uint8(tag))}
			exts = append(exts, e)
			continue
		}
		var oid cryptobyte.String
		if !body.ReadASN1(&oid, cbasn1.OBJECT_IDENTIFIER) {
			e.Err = &FieldError{Path: path + "[" + itoa(idx) + "]", Msg: "missing extnID OBJECT IDENTIFIER"}
			exts = append(exts, e)
			continue
		}
		e.OID = OID(oid)
		if body.PeekASN1Tag(cbasn1.BOOLEAN) {
			var b cryptobyte.String
			body.ReadASN1(&b, cbasn1.BOOLEAN)
			e.CriticalEncoded = true
			e.CriticalRaw = b
			e.Critical = len(b) == 1 && b[0] != 0
		}
		var val cryptobyte.String
		if !body.ReadASN1(&val, cbasn1.OCTET_STRING) {
			e.Err = &FieldError{Path: path + "[" + itoa(idx) + "]", Msg: "missing extnValue OCTET STRING"}
		} else if len(body) > 0 {
			e.Err = &FieldError{Path: path + "[" + itoa(idx) + "]", Msg: "unexpected data after extnValue"}
		}
		e.Value = val
		exts = append(exts, e)
	}
	return exts
}

// valueErr is the error of an extension value that does not decode.
func valueErr(e *Extension, msg string) *FieldError {
	return &FieldError{Path: e.Path() + ".extnValue", Msg: msg}
}

// MaxExtensions caps the number of extensions decoded per certificate.
const MaxExtensions = 64

// decodeBasicConstraints decodes e into bc (and returns it); so do the
// other decode functions below for their extension.
func decodeBasicConstraints(e *Extension, bc *BasicConstraints) *BasicConstraints {
	*bc = BasicConstraints{Ext: e}
	in := cryptobyte.String(e.Value)
	var s cryptobyte.String
	if !in.ReadASN1(&s, cbasn1.SEQUENCE) || len(in) > 0 {
		bc.Err = valueErr(e, "value is not a BasicConstraints SEQUENCE")
		return bc
	}
	if s.PeekASN1Tag(cbasn1.BOOLEAN) {
		var b cryptobyte.String
		s.ReadASN1(&b, cbasn1.BOOLEAN)
		bc.CAEncoded = true
		bc.CARaw = b
		if len(b) != 1 {
			bc.Err = valueErr(e, "cA BOOLEAN has "+itoa(len(b))+" content octets")
			return bc
		}
		bc.CA = b[0] != 0
	}
	if s.PeekASN1Tag(cbasn1.INTEGER) {
		var v cryptobyte.String
		s.ReadASN1(&v, cbasn1.INTEGER)
		bc.PathLen = Integer{Present: true, Bytes: v}
	}
	if len(s) > 0 {
		bc.Err = valueErr(e, "unexpected data in BasicConstraints")
	}
	return bc
}

func decodeKeyUsage(e *Extension, ku *KeyUsage) *KeyUsage {
	*ku = KeyUsage{Ext: e}
	in := cryptobyte.String(e.Value)
	var s cryptobyte.String
	if !in.ReadASN1(&s, cbasn1.BIT_STRING) || len(in) > 0 {
		ku.Err = valueErr(e, "value is not a BIT STRING")
		return ku
	}
	if len(s) == 0 {
		ku.Err = valueErr(e, "BIT STRING has no unused-bits octet")
		return ku
	}
	ku.Raw = BitString{Present: true, UnusedBits: s[0], Bytes: s[1:]}
	if s[0] > 7 || (len(s) == 1 && s[0] != 0) {
		ku.Err = valueErr(e, "invalid unused-bits count "+itoa(int(s[0])))
		return ku
	}
	for i, b := range s[1:] {
		for bit := 0; bit < 8; bit++ {
			if b&(0x80>>bit) != 0 {
				n := i*8 + bit
				if n > 15 {
					n = 15
				}
				ku.Bits |= 1 << n
			}
		}
	}
	return ku
}

func decodeSKID(e *Extension, sk *SubjectKeyID) *SubjectKeyID {
	*sk = SubjectKeyID{Ext: e}
	in := cryptobyte.String(e.Value)
	var s cryptobyte.String
	if !in.ReadASN1(&s, cbasn1.OCTET_STRING) || len(in) > 0 {
		sk.Err = valueErr(e, "value is not a KeyIdentifier OCTET STRING")
		return sk
	}
	sk.ID = s
	return sk
}

func decodeAKID(e *Extension, ak *AuthorityKeyID) *AuthorityKeyID {
	*ak = AuthorityKeyID{Ext: e}
	in := cryptobyte.String(e.Value)
	var s cryptobyte.String
	if !in.ReadASN1(&s, cbasn1.SEQUENCE) || len(in) > 0 {
		ak.Err = valueErr(e, "value is not an AuthorityKeyIdentifier SEQUENCE")
		return ak
	}
	for len(s) > 0 {
		var v cryptobyte.String
		var tag cbasn1.Tag
		if !s.ReadAnyASN1(&v, &tag) {
			ak.Err = valueErr(e, "malformed element in AuthorityKeyIdentifier")
			return ak
		}
		switch tag {
		case cbasn1.Tag(0).ContextSpecific():
			ak.HasKeyID, ak.KeyID = true, v
		case cbasn1.Tag(1).ContextSpecific().Constructed():
			ak.HasIssuer = true
		case cbasn1.Tag(2).ContextSpecific():
			ak.HasSerial = true
		default:
			ak.Err = valueErr(e, "unexpected "+tagName(uint8(tag))+" in AuthorityKeyIdentifier (expected [0] keyIdentifier, [1] authorityCertIssuer or [2] authorityCertSerialNumber)")
			return ak
		}
	}
	return ak
}

func decodeEKU(e *Extension, eku *ExtKeyUsage) *ExtKeyUsage {
	*eku = ExtKeyUsage{Ext: e}
	in := cryptobyte.String(e.Value)
	var s cryptobyte.String
	if !in.ReadASN1(&s, cbasn1.SEQUENCE) || len(in) > 0 {
		eku.Err = valueErr(e, "value is not a SEQUENCE OF KeyPurposeId")
		return eku
	}
	for len(s) > 0 {
		var oid cryptobyte.String
		if !s.ReadASN1(&oid, cbasn1.OBJECT_IDENTIFIER) {
			eku.Err = valueErr(e, "KeyPurposeId is not an OBJECT IDENTIFIER")
			return eku
		}
		eku.Usages = append(eku.Usages, OID(oid))
	}
	return eku
}

func describeBadElement(b []byte) string {
	switch {
	case len(b) == 0:
		return "no data"
	case len(b) < 2:
		return "truncated element header"
	case b[0]&0x1f == 0x1f:
		return "multi-byte tags are not used in certificates"
	case b[1] == 0x80:
		return "indefinite length (BER) is not DER"
	case b[1]&0x80 != 0 && int(b[1]&0x7f) > 4:
		return "length field too long"
	}
	return "element length runs past the end of the data, or the length is not minimally encoded"
}

func tagName(t uint8) string {
	switch t {
	case TagBoolean:
		return "BOOLEAN"
	case TagInteger:
		return "INTEGER"
	case TagBitString:
		return "BIT STRING"
	case TagOctetString:
		return "OCTET STRING"
	case TagNull:
		return "NULL"
	case TagOID:
		return "OBJECT IDENTIFIER"
	case TagUTF8String:
		return "UTF8String"
	case TagPrintableString:
		return "PrintableString"
	case TagT61String:
		return "TeletexString"
	case TagIA5String:
		return "IA5String"
	case TagUTCTime:
		return "UTCTime"
	case TagGeneralizedTime:
		return "GeneralizedTime"
	case TagUniversalString:
		return "UniversalString"
	case TagBMPString:
		return "BMPString"
	case TagSequence:
		return "SEQUENCE"
	case TagSet:
		return "SET"
	}
	if t&0xC0 == 0x80 {
		return "[" + itoa(int(t&0x1f)) + "]"
	}
	return "tag 0x" + hexUpper([]byte{t})
}

// TagName returns the ASN.1 name of a universal tag, or its number.
func TagName(t uint8) string { return tagName(t) }

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	if neg {
		i = -i
	}
	var b [20]byte
	p := len(b)
	for i > 0 {
		p--
		b[p] = byte('0' + i%10)
		i /= 10
	}
	if neg {
		p--
		b[p] = '-'
	}
	return string(b[p:])
}
