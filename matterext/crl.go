package matterext

import (
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// CRL-related object identifiers.
var (
	OIDExtCRLNumber         = OID{0x55, 0x1D, 0x14}
	OIDExtReasonCode        = OID{0x55, 0x1D, 0x15}
	OIDExtInvalidityDate    = OID{0x55, 0x1D, 0x18}
	OIDExtDeltaCRLIndicator = OID{0x55, 0x1D, 0x1B}
	OIDExtIssuingDistPoint  = OID{0x55, 0x1D, 0x1C}
	OIDExtCertificateIssuer = OID{0x55, 0x1D, 0x1D}
	OIDExtFreshestCRL       = OID{0x55, 0x1D, 0x2E}
)

func init() {
	oidNames = append(oidNames, []oidName{{OIDExtCRLNumber, "cRLNumber"}, {OIDExtReasonCode, "reasonCode"}, {OIDExtIssuingDistPoint, "issuingDistributionPoint"},
		{OIDExtCertificateIssuer, "certificateIssuer"}, {OIDExtInvalidityDate, "invalidityDate"}}...)
}

// CRL is the tolerant model of an X.509 CRL (RFC 5280 §5), v1 or v2.
type CRL struct {
	Raw          []byte
	RawTBS       []byte
	TrailingData []byte

	Version    Integer // absent for v1
	TBSSigAlg  AlgorithmIdentifier
	Issuer     Name
	ThisUpdate Time
	NextUpdate Time // Present false when omitted
	// RevokedPresent is true when the revokedCertificates field is encoded
	// (even empty).
	RevokedPresent    bool
	Entries           []CRLEntry
	ExtensionsPresent bool
	Extensions        []Extension

	SignatureAlgorithm AlgorithmIdentifier
	Signature          BitString

	// Decoded extensions (first occurrence); nil when absent.
	AuthorityKeyID *AuthorityKeyID
	CRLNumber      *CRLNumber
	IDP            *IssuingDistributionPoint

	Errors []*FieldError

	// entriesRaw is the content of revokedCertificates, which entries
	// point into.
	entriesRaw []byte
}

// CRLNumber is the decoded cRLNumber extension.
type CRLNumber struct {
	Ext    *Extension
	Number Integer
	Err    *FieldError
}

// IssuingDistributionPoint is the decoded IDP extension (RFC 5280 §5.2.5).
type IssuingDistributionPoint struct {
	Ext *Extension
	// FullNameURIs are the URI GeneralNames of distributionPoint.fullName;
	// FullNameOthers counts its other GeneralNames.
	FullNameURIs   []string
	FullNameOthers int
	HasFullName    bool
	// RelativeName is true for nameRelativeToCRLIssuer.
	RelativeName               bool
	OnlyContainsUserCerts      bool
	OnlyContainsCACerts        bool
	OnlySomeReasons            bool
	IndirectCRL                bool
	OnlyContainsAttributeCerts bool
	Err                        *FieldError
}

// CRLEntry is one revoked certificate. Entries are compact (88 bytes, so
// that a CRL of a million entries stays small): the revocationDate and the
// crlEntryExtensions are decoded on demand from the CRL's bytes by
// CRL.RevocationDate, CRL.EntryExtensions and CRL.CertificateIssuerErr, so
// they are only available on entries of a CRL returned by ParseCRL.
type CRLEntry struct {
	// Index is the entry's position in revokedCertificates (an entry whose
	// userCertificate cannot be read is not listed, so Index may skip).
	Index  int32
	pos    uint32 // offset of the entry's SEQUENCE in revokedCertificates, and entryExtUnusual
	Serial Integer
	// CertificateIssuer is the raw DER Name of the entry's certificateIssuer
	// extension (its first directoryName); nil when the entry has none.
	CertificateIssuer []byte
	// Issuer is the raw DER Name of the entry's certificate issuer under
	// RFC 5280 §5.3.3: the CRL issuer until an entry names another
	// certificateIssuer, which then carries forward to later entries.
	Issuer []byte
}

// entryExtUnusual marks (in CRLEntry.pos) an entry whose extensions were
// decoded in full when parsed: they hold a certificateIssuer, a malformed
// element or more than MaxExtensions elements. Other entries have no
// certificateIssuer and no extension error.
const entryExtUnusual = 1 << 31

// HasUnusualExtensions reports whether the entry's crlEntryExtensions may hold
// a certificateIssuer extension or an element that is not an Extension
// SEQUENCE; when false, it holds neither, so rules about them can skip the
// entry without decoding it.
func (e *CRLEntry) HasUnusualExtensions() bool { return e.pos&entryExtUnusual != 0 }

// entryBody returns the content of the entry's SEQUENCE, past the
// userCertificate INTEGER.
func (l *CRL) entryBody(e *CRLEntry) cryptobyte.String {
	off := int(e.pos &^ entryExtUnusual)
	if off >= len(l.entriesRaw) {
		return nil
	}
	in := cryptobyte.String(l.entriesRaw[off:])
	var body, serial cryptobyte.String
	if !in.ReadASN1(&body, cbasn1.SEQUENCE) || !body.ReadASN1(&serial, cbasn1.INTEGER) {
		return nil
	}
	return body
}

// RevocationDate decodes the entry's revocationDate (Present false when it
// is missing).
func (l *CRL) RevocationDate(e *CRLEntry) Time {
	body := l.entryBody(e)
	var v cryptobyte.String
	var tag cbasn1.Tag
	if !body.ReadAnyASN1(&v, &tag) {
		return Time{}
	}
	t := parseTime(uint8(tag), v)
	if t.Err != nil { // the path only for a bad time: a CRL may have a million
		t.Err.Path = entryPath(int(e.Index)) + ".revocationDate"
	}
	return t
}

// EntryExtensionsDER returns the content of the entry's crlEntryExtensions
// SEQUENCE (the encoded Extensions), and false when the field is absent.
// Equal contents decode to equal extensions, so callers can remember what
// they found in one.
func (l *CRL) EntryExtensionsDER(e *CRLEntry) ([]byte, bool) {
	body := l.entryBody(e)
	var v, seq cryptobyte.String
	var tag cbasn1.Tag
	body.ReadAnyASN1(&v, &tag)
	if !body.ReadASN1(&seq, cbasn1.SEQUENCE) {
		return nil, false
	}
	return seq, true
}

// EntryExtensions decodes the entry's crlEntryExtensions (nil when the field
// is absent); each Extension's Base is the entry's path, e.g.
// "tbsCertList.revokedCertificates[3].crlEntryExtensions". Problems with the
// list itself are in CRL.Errors, recorded when the CRL was parsed.
func (l *CRL) EntryExtensions(e *CRLEntry) []Extension {
	seq, ok := l.EntryExtensionsDER(e)
	if !ok {
		return nil
	}
	var discard []*FieldError
	return parseExtensionList(seq, entryPath(int(e.Index))+".crlEntryExtensions", &discard, nil)
}

// CertificateIssuerErr says why the entry's certificateIssuer extension (the
// first well-formed one) did not decode to a directoryName; "" when it did or
// when the entry has none.
func (l *CRL) CertificateIssuerErr(e *CRLEntry) string {
	if !e.HasUnusualExtensions() {
		return ""
	}
	_, msg := entryCertificateIssuer(l.EntryExtensions(e))
	return msg
}

// entryCertificateIssuer decodes the first well-formed certificateIssuer
// extension of exts.
func entryCertificateIssuer(exts []Extension) ([]byte, string) {
	for j := range exts {
		if x := &exts[j]; x.Err == nil && x.OID.Equal(OIDExtCertificateIssuer) {
			return firstDirectoryName(x.Value)
		}
	}
	return nil, ""
}

func entryPath(i int) string { return "tbsCertList.revokedCertificates[" + itoa(i) + "]" }

// MaxCRLSize caps the CRL input; MaxCRLEntries the entries decoded.
const (
	MaxCRLSize    = 64 << 20
	MaxCRLEntries = 1 << 20
)

// ParseCRL decodes one DER CRL. It returns a *ParseError (wrapping
// ErrNotCertificate) only when the CertificateList and TBSCertList cannot be
// walked; other defects are recorded on the model.
func ParseCRL(der []byte) (*CRL, error) {
	if len(der) > MaxCRLSize {
		return nil, &ParseError{Object: ErrNotCRL, Path: "CertificateList", Msg: "input larger than " + itoa(MaxCRLSize>>20) + " MiB", TooLarge: true}
	}
	l := &CRL{}
	in := cryptobyte.String(der)
	var full, body, tbs cryptobyte.String
	if !in.ReadASN1Element(&full, cbasn1.SEQUENCE) {
		return nil, &ParseError{Object: ErrNotCRL, Path: "CertificateList", Msg: "expected a SEQUENCE: " + describeBadElement(der)}
	}
	l.Raw, l.TrailingData = full, in
	full.ReadASN1(&body, cbasn1.SEQUENCE)
	if !body.ReadASN1Element(&tbs, cbasn1.SEQUENCE) {
		return nil, &ParseError{Object: ErrNotCRL, Path: "CertificateList.tbsCertList", Msg: "expected a TBSCertList SEQUENCE"}
	}
	l.RawTBS = tbs
	if err := l.parseTBS(tbs); err != nil {
		return nil, err
	}
	var el cryptobyte.String
	if body.ReadASN1Element(&el, cbasn1.SEQUENCE) {
		l.SignatureAlgorithm = parseAlgIDTo(&l.Errors, el, "signatureAlgorithm")
	} else {
		l.fieldErr("signatureAlgorithm", "missing")
	}
	if body.ReadASN1Element(&el, cbasn1.BIT_STRING) {
		var c Certificate
		l.Signature = parseBitString(&c, el, "signatureValue")
		l.Errors = append(l.Errors, c.Errors...)
	} else {
		l.fieldErr("signatureValue", "missing")
	}
	if len(body) > 0 {
		l.fieldErr("CertificateList", "unexpected data after signatureValue")
	}
	return l, nil
}

func (l *CRL) fieldErr(path, msg string) {
	l.Errors = append(l.Errors, &FieldError{Path: path, Msg: msg})
}

func (l *CRL) parseTBS(tbs cryptobyte.String) error {
	var s cryptobyte.String
	tbs.ReadASN1(&s, cbasn1.SEQUENCE)
	if s.PeekASN1Tag(cbasn1.INTEGER) {
		var v cryptobyte.String
		s.ReadASN1(&v, cbasn1.INTEGER)
		l.Version = Integer{Present: true, Bytes: v}
	}
	var el cryptobyte.String
	if !s.ReadASN1Element(&el, cbasn1.SEQUENCE) {
		return &ParseError{Object: ErrNotCRL, Path: "tbsCertList.signature", Msg: "expected an AlgorithmIdentifier"}
	}
	l.TBSSigAlg = parseAlgIDTo(&l.Errors, el, "tbsCertList.signature")
	if !s.ReadASN1Element(&el, cbasn1.SEQUENCE) {
		return &ParseError{Object: ErrNotCRL, Path: "tbsCertList.issuer", Msg: "expected a Name"}
	}
	var c Certificate
	l.Issuer = parseName(&c, el, "tbsCertList.issuer", nil)
	l.Errors = append(l.Errors, c.Errors...)
	readTime := func(path string) Time {
		var v cryptobyte.String
		var tag cbasn1.Tag
		if !s.PeekASN1Tag(cbasn1.UTCTime) && !s.PeekASN1Tag(cbasn1.GeneralizedTime) {
			return Time{}
		}
		s.ReadAnyASN1(&v, &tag)
		return parseTime(uint8(tag), v).at(path)
	}
	l.ThisUpdate = readTime("tbsCertList.thisUpdate")
	if !l.ThisUpdate.Present {
		l.fieldErr("tbsCertList.thisUpdate", "missing")
	}
	l.NextUpdate = readTime("tbsCertList.nextUpdate")
	if s.PeekASN1Tag(cbasn1.SEQUENCE) {
		var rc cryptobyte.String
		s.ReadASN1(&rc, cbasn1.SEQUENCE)
		l.RevokedPresent = true
		l.parseEntries(rc)
	}
	if s.PeekASN1Tag(cbasn1.Tag(0).ContextSpecific().Constructed()) {
		var ex, seq cryptobyte.String
		s.ReadASN1(&ex, cbasn1.Tag(0).ContextSpecific().Constructed())
		l.ExtensionsPresent = true
		if !ex.ReadASN1(&seq, cbasn1.SEQUENCE) || len(ex) > 0 {
			l.fieldErr("tbsCertList.crlExtensions", "expected [0] EXPLICIT SEQUENCE OF Extension")
		} else {
			l.Extensions = parseExtensionList(seq, "tbsCertList.crlExtensions", &l.Errors, nil)
		}
	}
	if len(s) > 0 {
		l.fieldErr("tbsCertList", "unexpected data after crlExtensions")
	}
	for i := range l.Extensions {
		e := &l.Extensions[i]
		if e.Err != nil {
			continue
		}
		switch {
		case e.OID.Equal(OIDExtAuthorityKeyID) && l.AuthorityKeyID == nil:
			l.AuthorityKeyID = decodeAKID(e, new(AuthorityKeyID))
		case e.OID.Equal(OIDExtCRLNumber) && l.CRLNumber == nil:
			n := &CRLNumber{Ext: e}
			v := cryptobyte.String(e.Value)
			var num cryptobyte.String
			if !v.ReadASN1(&num, cbasn1.INTEGER) || len(v) > 0 {
				n.Err = valueErr(e, "value is not an INTEGER")
			}
			n.Number = Integer{Present: n.Err == nil, Bytes: num}
			l.CRLNumber = n
		case e.OID.Equal(OIDExtIssuingDistPoint) && l.IDP == nil:
			l.IDP = decodeIDP(e)
		}
	}
	l.resolveIssuers()
	return nil
}

func (l *CRL) parseEntries(rc cryptobyte.String) {
	// Count the entries first, so that the slice is allocated once.
	n := 0
	for c := rc; n < MaxCRLEntries && c.SkipASN1(cbasn1.SEQUENCE); {
		n++
	}
	l.Entries = make([]CRLEntry, 0, n)
	l.entriesRaw = rc
	for i := 0; len(rc) > 0; i++ {
		if i >= MaxCRLEntries {
			l.fieldErr("tbsCertList.revokedCertificates", "more than "+itoa(MaxCRLEntries)+" entries")
			return
		}
		pos := len(l.entriesRaw) - len(rc)
		var e cryptobyte.String
		if !rc.ReadASN1(&e, cbasn1.SEQUENCE) {
			l.fieldErr(entryPath(i), "expected a SEQUENCE: "+describeBadElement(rc))
			return
		}
		entry := CRLEntry{Index: int32(i), pos: uint32(pos)}
		var serial cryptobyte.String
		if !e.ReadASN1(&serial, cbasn1.INTEGER) {
			l.fieldErr(entryPath(i)+".userCertificate", "expected an INTEGER")
			continue
		}
		entry.Serial = Integer{Present: true, Bytes: serial}
		var v cryptobyte.String
		var tag cbasn1.Tag
		if !e.ReadAnyASN1(&v, &tag) {
			l.fieldErr(entryPath(i)+".revocationDate", "missing")
		}
		if e.PeekASN1Tag(cbasn1.SEQUENCE) {
			var seq cryptobyte.String
			e.ReadASN1(&seq, cbasn1.SEQUENCE)
			if !plainEntryExtensions(seq) {
				entry.pos |= entryExtUnusual
				exts := parseExtensionList(seq, entryPath(i)+".crlEntryExtensions", &l.Errors, nil)
				entry.CertificateIssuer, _ = entryCertificateIssuer(exts)
			}
		}
		if len(e) > 0 {
			l.fieldErr(entryPath(i), "unexpected data after crlEntryExtensions")
		}
		l.Entries = append(l.Entries, entry)
	}
}

// plainEntryExtensions reports whether parseExtensionList decodes seq without
// an error and without a certificateIssuer extension, so that the entry
// needs no decoded extensions until a rule asks for them.
func plainEntryExtensions(seq cryptobyte.String) bool {
	for n := 0; len(seq) > 0; n++ {
		var el cryptobyte.String
		var tag cbasn1.Tag
		if n >= MaxExtensions || !seq.ReadAnyASN1Element(&el, &tag) {
			return false
		}
		var body, oid cryptobyte.String
		if tag == cbasn1.SEQUENCE && el.ReadASN1(&body, cbasn1.SEQUENCE) && body.ReadASN1(&oid, cbasn1.OBJECT_IDENTIFIER) && OID(oid).Equal(OIDExtCertificateIssuer) {
			return false
		}
	}
	return true
}

// resolveIssuers applies RFC 5280 §5.3.3: an entry's certificateIssuer
// carries forward to the following entries until another one appears.
func (l *CRL) resolveIssuers() {
	cur := l.Issuer.Raw
	for i := range l.Entries {
		if ci := l.Entries[i].CertificateIssuer; ci != nil {
			cur = ci
		}
		l.Entries[i].Issuer = cur
	}
}

// firstDirectoryName returns the first directoryName [4] of GeneralNames.
func firstDirectoryName(v []byte) ([]byte, string) {
	in := cryptobyte.String(v)
	var gns cryptobyte.String
	if !in.ReadASN1(&gns, cbasn1.SEQUENCE) || len(in) > 0 {
		return nil, "value is not a GeneralNames SEQUENCE"
	}
	for len(gns) > 0 {
		var gn cryptobyte.String
		var tag cbasn1.Tag
		if !gns.ReadAnyASN1(&gn, &tag) {
			return nil, "malformed GeneralName"
		}
		if tag == cbasn1.Tag(4).ContextSpecific().Constructed() {
			var name cryptobyte.String
			if !gn.ReadASN1Element(&name, cbasn1.SEQUENCE) {
				return nil, "directoryName is not a Name"
			}
			return name, ""
		}
	}
	return nil, "no directoryName in certificateIssuer"
}

func decodeIDP(e *Extension) *IssuingDistributionPoint {
	p := &IssuingDistributionPoint{Ext: e}
	in := cryptobyte.String(e.Value)
	var s cryptobyte.String
	if !in.ReadASN1(&s, cbasn1.SEQUENCE) || len(in) > 0 {
		p.Err = valueErr(e, "value is not an IssuingDistributionPoint SEQUENCE")
		return p
	}
	boolField := func(v cryptobyte.String) bool { return len(v) == 1 && v[0] != 0 }
	for len(s) > 0 {
		var v cryptobyte.String
		var tag cbasn1.Tag
		if !s.ReadAnyASN1(&v, &tag) {
			p.Err = valueErr(e, "malformed element")
			return p
		}
		switch tag {
		case cbasn1.Tag(0).ContextSpecific().Constructed():
			var dpn cryptobyte.String
			var dt cbasn1.Tag
			if !v.ReadAnyASN1(&dpn, &dt) {
				p.Err = valueErr(e, "malformed distributionPoint")
				return p
			}
			switch dt {
			case cbasn1.Tag(0).ContextSpecific().Constructed():
				p.HasFullName = true
				for len(dpn) > 0 {
					var gn cryptobyte.String
					var gt cbasn1.Tag
					if !dpn.ReadAnyASN1(&gn, &gt) {
						p.Err = valueErr(e, "malformed GeneralName in fullName")
						return p
					}
					if gt == cbasn1.Tag(6).ContextSpecific() {
						p.FullNameURIs = append(p.FullNameURIs, string(gn))
					} else {
						p.FullNameOthers++
					}
				}
			case cbasn1.Tag(1).ContextSpecific().Constructed():
				p.RelativeName = true
			default:
				p.Err = valueErr(e, "unknown DistributionPointName choice")
				return p
			}
		case cbasn1.Tag(1).ContextSpecific():
			p.OnlyContainsUserCerts = boolField(v)
		case cbasn1.Tag(2).ContextSpecific():
			p.OnlyContainsCACerts = boolField(v)
		case cbasn1.Tag(3).ContextSpecific():
			p.OnlySomeReasons = true
		case cbasn1.Tag(4).ContextSpecific():
			p.IndirectCRL = boolField(v)
		case cbasn1.Tag(5).ContextSpecific():
			p.OnlyContainsAttributeCerts = boolField(v)
		default:
			p.Err = valueErr(e, "unexpected "+tagName(uint8(tag))+" in IssuingDistributionPoint")
			return p
		}
	}
	return p
}

// Extension returns the first CRL extension with the given OID, or nil.
func (l *CRL) Extension(oid OID) *Extension {
	for i := range l.Extensions {
		if l.Extensions[i].OID.Equal(oid) {
			return &l.Extensions[i]
		}
	}
	return nil
}

// CheckSignature verifies the CRL's ecdsa-with-SHA256 signature with pub.
func (l *CRL) CheckSignature(c *Certificate) error {
	pub, err := c.ECDSAPublicKey()
	if err != nil {
		return err
	}
	cert := Certificate{RawTBS: l.RawTBS, SignatureAlgorithm: l.SignatureAlgorithm, Signature: l.Signature}
	return cert.CheckSignature(pub)
}

// SerialMagnitude returns b without its leading 00 octets (keeping the last
// octet): two serials have the same SerialHex exactly when their magnitudes
// are equal, so indexes can key serials by it without formatting them.
func SerialMagnitude(b []byte) []byte {
	for len(b) > 1 && b[0] == 0 {
		b = b[1:]
	}
	return b
}
