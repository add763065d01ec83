package matterext

import (
	"unicode/utf8"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// Name is a distinguished name (RDNSequence) with every attribute's ASN.1
// tag kept.
type Name struct {
	Present    bool
	Raw        []byte // the whole Name element
	Attributes []Attribute
	Err        *FieldError // set when the RDNSequence does not decode fully
}

// Attribute is one AttributeTypeAndValue of a Name.
type Attribute struct {
	RDN   int // index of the RelativeDistinguishedName it belongs to
	Type  OID
	Tag   uint8 // ASN.1 tag of the value (TagUTF8String, TagPrintableString, ...)
	Value []byte
}

// IsString reports whether the value has one of the ASN.1 character-string
// tags used for DirectoryString.
func (a Attribute) IsString() bool {
	switch a.Tag {
	case TagUTF8String, TagPrintableString, TagT61String, TagIA5String, TagUniversalString, TagBMPString:
		return true
	}
	return false
}

// MaxNameAttributes caps the attributes decoded per Name.
const MaxNameAttributes = 64

// parseName decodes the Name element full; its attributes are appended to
// buf (nil or empty).
func parseName(c *Certificate, full []byte, path string, buf []Attribute) Name {
	n := Name{Present: true, Raw: full, Attributes: buf}
	in := cryptobyte.String(full)
	var seq cryptobyte.String
	in.ReadASN1(&seq, cbasn1.SEQUENCE)
	for rdn := 0; len(seq) > 0; rdn++ {
		var set cryptobyte.String
		if !seq.ReadASN1(&set, cbasn1.SET) {
			n.Err = &FieldError{Path: path, Msg: "RDN " + itoa(rdn) + " is not a SET"}
			break
		}
		if len(set) == 0 {
			n.Err = &FieldError{Path: path, Msg: "RDN " + itoa(rdn) + " is an empty SET"}
		}
		for len(set) > 0 {
			var atv, oid, val cryptobyte.String
			var tag cbasn1.Tag
			if !set.ReadASN1(&atv, cbasn1.SEQUENCE) || !atv.ReadASN1(&oid, cbasn1.OBJECT_IDENTIFIER) ||
				!atv.ReadAnyASN1(&val, &tag) || len(atv) > 0 {
				n.Err = &FieldError{Path: path, Msg: "RDN " + itoa(rdn) + " has a malformed AttributeTypeAndValue"}
				break
			}
			if len(n.Attributes) >= MaxNameAttributes {
				n.Err = &FieldError{Path: path, Msg: "more than " + itoa(MaxNameAttributes) + " attributes"}
				break
			}
			n.Attributes = append(n.Attributes, Attribute{RDN: rdn, Type: OID(oid), Tag: uint8(tag), Value: val})
		}
	}
	if len(n.Attributes) == 0 {
		n.Attributes = nil
	}
	if n.Err != nil {
		c.Errors = append(c.Errors, n.Err)
	}
	return n
}

// CommonName returns the value of the first commonName attribute.
func (n *Name) CommonName() string {
	for _, a := range n.Attributes {
		if a.Type.Equal(OIDCommonName) {
			return string(a.Value)
		}
	}
	return ""
}

// String renders the name for people, most significant RDN first, with the
// Matter VID/PID attributes labelled VID and PID, e.g.
// "CN=Matter Test DAC, VID=FFF1, PID=8000".
func (n *Name) String() string {
	if !n.Present {
		return "(absent)"
	}
	if len(n.Attributes) == 0 {
		return "(empty)"
	}
	return string(n.AppendText(make([]byte, 0, 2*len(n.Raw))))
}

// AppendText appends the name as String renders it to b and returns the
// extended buffer; it allocates only when b has no room.
func (n *Name) AppendText(b []byte) []byte {
	if !n.Present {
		return append(b, "(absent)"...)
	}
	if len(n.Attributes) == 0 {
		return append(b, "(empty)"...)
	}
	for i, a := range n.Attributes {
		if i > 0 {
			if a.RDN == n.Attributes[i-1].RDN {
				b = append(b, " + "...)
			} else {
				b = append(b, ", "...)
			}
		}
		label := ""
		for _, s := range shortDNNames {
			if s.oid.Equal(a.Type) {
				label = s.name
				break
			}
		}
		if label == "" {
			label = a.Type.String()
		}
		b = append(append(b, label...), '=')
		if a.IsString() && utf8.Valid(a.Value) && a.Tag != TagBMPString && a.Tag != TagUniversalString {
			// Control characters are shown as '?' (one per character;
			// they are all single bytes in UTF-8).
			start := len(b)
			b = append(b, a.Value...)
			for i, c := range b[start:] {
				if c < 0x20 || c == 0x7f {
					b[start+i] = '?'
				}
			}
		} else {
			b = append(b, '#')
			for _, c := range a.Value {
				b = append(b, hexDigits[c>>4], hexDigits[c&0x0f])
			}
		}
	}
	return b
}
