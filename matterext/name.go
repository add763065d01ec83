package matterext

import (
	"strings"
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

func parseName(c *Certificate, full []byte, path string) Name {
	n := Name{Present: true, Raw: full}
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
	var sb strings.Builder
	for i, a := range n.Attributes {
		if i > 0 {
			if a.RDN == n.Attributes[i-1].RDN {
				sb.WriteString(" + ")
			} else {
				sb.WriteString(", ")
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
		sb.WriteString(label)
		sb.WriteByte('=')
		if a.IsString() && utf8.Valid(a.Value) && a.Tag != TagBMPString && a.Tag != TagUniversalString {
			sb.WriteString(strings.Map(func(r rune) rune {
				if r < 0x20 || r == 0x7f {
					return '?'
				}
				return r
			}, string(a.Value)))
		} else {
			sb.WriteString("#" + hexUpper(a.Value))
		}
	}
	return sb.String()
}
