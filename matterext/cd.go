package matterext

import (
	"fmt"

	"github.com/matterlint/matterlint/matterext/tlv"
)

// CDKind is the TLV shape of a Certification Declaration field.
type CDKind uint8

const (
	CDUint       CDKind = iota + 1 // unsigned integer, MaxBits wide at most
	CDString                       // UTF-8 string
	CDUintArray                    // array of anonymous unsigned integers
	CDBytesArray                   // array of anonymous byte strings
)

// CDSchema returns the CD content fields in the order the SDK requires them
// (matter-pki-rules.md §5.2).
func CDSchema() []CDFieldSpec { return append([]CDFieldSpec(nil), cdSchema[:]...) }

// CDFieldSpec describes one field of the CD content (matter-pki-rules.md §5.2).
type CDFieldSpec struct {
	Tag      uint8
	Name     string
	Kind     CDKind
	MaxBits  int // for CDUint and CDUintArray: 8, 16 or 32
	Required bool
}

// cdSchema lists the CD content fields in the order the SDK requires them.
var cdSchema = [...]CDFieldSpec{
	{0, "format_version", CDUint, 16, true},
	{1, "vendor_id", CDUint, 16, true},
	{2, "product_id_array", CDUintArray, 16, true},
	{3, "device_type_id", CDUint, 32, true},
	{4, "certificate_id", CDString, 0, true},
	{5, "security_level", CDUint, 8, true},
	{6, "security_information", CDUint, 16, true},
	{7, "version_number", CDUint, 16, true},
	{8, "certification_type", CDUint, 8, true},
	{9, "dac_origin_vendor_id", CDUint, 16, false},
	{10, "dac_origin_product_id", CDUint, 16, false},
	{11, "authorized_paa_list", CDBytesArray, 0, false},
}

// CDField is one decoded field.
type CDField struct {
	Spec    CDFieldSpec
	Present bool
	Offset  int // offset of the element in the content TLV
	Width   int // encoded width of an integer value
	Uint    uint64
	Str     string
	Uints   []uint64
	Blobs   [][]byte
}

// CDError is a reason the SDK's CD decoder rejects the content.
type CDError struct {
	Field  string // field name, or "" for the container
	Offset int
	Msg    string
}

func (e *CDError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("CD content offset %d: %s", e.Offset, e.Msg)
	}
	return fmt.Sprintf("CD %s (offset %d): %s", e.Field, e.Offset, e.Msg)
}

// CDContent is the decoded TLV content of a Certification Declaration.
type CDContent struct {
	Raw    []byte
	Fields []CDField // one per CDSchema() entry, in schema order
	// Extra are elements after the known ones, which the SDK skips.
	Extra []tlv.Element
	// Errors are the reasons the SDK's decoder fails (any one gives
	// kCertificationDeclarationInvalidFormat, 603).
	Errors []*CDError
}

// Field returns the field with the given tag.
func (c *CDContent) Field(tag uint8) *CDField {
	for i := range c.Fields {
		if c.Fields[i].Spec.Tag == tag {
			return &c.Fields[i]
		}
	}
	return nil
}

// CD field tags.
const (
	CDTagFormatVersion       = 0
	CDTagVendorID            = 1
	CDTagProductIDs          = 2
	CDTagDeviceTypeID        = 3
	CDTagCertificateID       = 4
	CDTagSecurityLevel       = 5
	CDTagSecurityInformation = 6
	CDTagVersionNumber       = 7
	CDTagCertificationType   = 8
	CDTagDACOriginVendorID   = 9
	CDTagDACOriginProductID  = 10
	CDTagAuthorizedPAAList   = 11
)

// CertificateIDLength is kCertificateIdLength.
const CertificateIDLength = 19

// DecodeCDContent decodes CD content the way the SDK's commissioner-side
// decoder (DecodeCertificationElements) does, collecting every reason it
// would fail rather than the first: an anonymous structure; context tags
// 0-8 required and in order; 9 and 10 together or not at all; 11 optional;
// later elements skipped; nothing after the structure; integers unsigned
// and within their width; certificate_id exactly 19 bytes; PAA list entries
// exactly 20 bytes.
func DecodeCDContent(b []byte) *CDContent {
	c := &CDContent{Raw: b, Fields: make([]CDField, len(cdSchema))}
	for i := range cdSchema {
		c.Fields[i].Spec = cdSchema[i]
	}
	fail := func(field string, off int, format string, a ...any) {
		c.Errors = append(c.Errors, &CDError{Field: field, Offset: off, Msg: fmt.Sprintf(format, a...)})
	}
	top, n, err := tlv.Decode(b)
	if err != nil {
		fail("", 0, "%v", err)
		if len(top.Children) == 0 {
			return c
		}
	} else if n != len(b) {
		fail("", n, "%d bytes follow the CD structure", len(b)-n)
	}
	if top.Type != tlv.Structure || top.Tag.Form != tlv.Anonymous {
		fail("", 0, "expected an anonymous structure, found %s with %s tag", top.Type, top.Tag)
		return c
	}
	kids := top.Children
	k := 0
	for i := range c.Fields {
		f := &c.Fields[i]
		s := f.Spec
		if k < len(kids) && kids[k].Tag.Form == tlv.ContextSpecific && kids[k].Tag.Number == uint32(s.Tag) {
			c.decodeField(f, &kids[k], fail)
			k++
			continue
		}
		if s.Required {
			found := "the end of the structure"
			if k < len(kids) {
				found = kids[k].Tag.String()
			}
			off := len(b)
			if k < len(kids) {
				off = kids[k].Offset
			}
			fail(s.Name, off, "required field (tag %d) is missing; found %s", s.Tag, found)
		}
	}
	c.Extra = kids[k:]
	vid, pid := c.Field(CDTagDACOriginVendorID), c.Field(CDTagDACOriginProductID)
	if vid.Present != pid.Present {
		f := vid
		if pid.Present {
			f = pid
		}
		fail(f.Spec.Name, f.Offset, "dac_origin_vendor_id and dac_origin_product_id must both be present or both absent")
	}
	return c
}

func (c *CDContent) decodeField(f *CDField, el *tlv.Element, fail func(string, int, string, ...any)) {
	s := f.Spec
	f.Present, f.Offset = true, el.Offset
	checkUint := func(e *tlv.Element, what string) (uint64, bool) {
		v := e.Uint
		switch {
		case e.Type == tlv.Signed:
			// TLVReader::Get reads unsigned integers only, in every SDK
			// release since PR #9944 (2021): CHIP_ERROR_WRONG_TLV_TYPE.
			fail(s.Name, e.Offset, "%s is a signed integer (%d); the SDK reads only unsigned integers here", what, e.Int)
			return 0, false
		case e.Type != tlv.Unsigned:
			fail(s.Name, e.Offset, "%s is a %s; expected an unsigned integer", what, e.Type)
			return 0, false
		}
		if s.MaxBits < 64 && v >= 1<<s.MaxBits {
			fail(s.Name, e.Offset, "%s %d does not fit in %d bits", what, v, s.MaxBits)
			return v, false
		}
		return v, true
	}
	switch s.Kind {
	case CDUint:
		f.Uint, _ = checkUint(el, "value")
		f.Width = el.Width
	case CDString:
		if el.Type != tlv.UTF8 {
			fail(s.Name, el.Offset, "is a %s; expected a UTF-8 string", el.Type)
			return
		}
		f.Str = string(el.Data)
		if s.Tag == CDTagCertificateID && len(el.Data) != CertificateIDLength {
			fail(s.Name, el.Offset, "is %d bytes (%q); expected exactly %d", len(el.Data), f.Str, CertificateIDLength)
		}
	case CDUintArray, CDBytesArray:
		if el.Type != tlv.Array {
			fail(s.Name, el.Offset, "is a %s; expected an array", el.Type)
			return
		}
		for i := range el.Children {
			e := &el.Children[i]
			if e.Tag.Form != tlv.Anonymous {
				fail(s.Name, e.Offset, "entry %d has a %s tag; array entries are anonymous", i, e.Tag)
			}
			if s.Kind == CDUintArray {
				if v, ok := checkUint(e, fmt.Sprintf("entry %d", i)); ok {
					f.Uints = append(f.Uints, v)
				}
				continue
			}
			if e.Type != tlv.Bytes {
				fail(s.Name, e.Offset, "entry %d is a %s; expected a byte string", i, e.Type)
				continue
			}
			if len(e.Data) != 20 {
				fail(s.Name, e.Offset, "entry %d is %d bytes; a PAA key identifier is 20", i, len(e.Data))
			}
			f.Blobs = append(f.Blobs, e.Data)
		}
	}
}

// CertificationDeclaration is a decoded CD: the CMS envelope and its content.
type CertificationDeclaration struct {
	CMS     *SignedData
	Content *CDContent // nil when the envelope holds no content
}

// ParseCD decodes a CD (CMS DER). The error is a *ParseError when the
// envelope cannot be walked.
func ParseCD(der []byte) (*CertificationDeclaration, error) {
	sd, err := ParseSignedData(der)
	if err != nil {
		return nil, err
	}
	cd := &CertificationDeclaration{CMS: sd}
	if sd.EContentPresent {
		cd.Content = DecodeCDContent(sd.EContent)
	}
	return cd, nil
}

// KeyID returns the signer's subject key identifier, or nil.
func (cd *CertificationDeclaration) KeyID() []byte {
	if len(cd.CMS.SignerInfos) == 0 {
		return nil
	}
	return cd.CMS.SignerInfos[0].SubjectKeyID
}
