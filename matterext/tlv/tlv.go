// Package tlv reads Matter TLV (Matter Core specification, Appendix A): the
// tag-length-value encoding of Certification Declarations, attestation
// elements and Matter operational certificates.
//
// Decode is tolerant in the sense that it reports the offset and nature of
// the first encoding error together with every element decoded before it;
// it never reads past the input, and it caps nesting depth and element count.
package tlv

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"unicode/utf8"
)

// Type is an element type (the low 5 bits of the control octet, with the
// width variants folded).
type Type uint8

const (
	Signed Type = iota + 1
	Unsigned
	Bool
	Float
	UTF8
	Bytes
	Null
	Structure
	Array
	List
)

func (t Type) String() string {
	switch t {
	case Signed:
		return "signed integer"
	case Unsigned:
		return "unsigned integer"
	case Bool:
		return "boolean"
	case Float:
		return "floating point"
	case UTF8:
		return "UTF-8 string"
	case Bytes:
		return "byte string"
	case Null:
		return "null"
	case Structure:
		return "structure"
	case Array:
		return "array"
	case List:
		return "list"
	}
	return "invalid"
}

// TagForm is how an element is tagged (the high 3 bits of the control octet).
type TagForm uint8

const (
	Anonymous        TagForm = 0
	ContextSpecific  TagForm = 1
	CommonProfile2   TagForm = 2
	CommonProfile4   TagForm = 3
	ImplicitProfile2 TagForm = 4
	ImplicitProfile4 TagForm = 5
	FullyQualified6  TagForm = 6
	FullyQualified8  TagForm = 7
)

var tagSizes = [8]int{0, 1, 2, 4, 2, 4, 6, 8}

// Tag is an element's tag.
type Tag struct {
	Form    TagForm
	Profile uint32 // profile number << 16 | vendor ID, for fully-qualified tags
	Number  uint32
}

func (t Tag) String() string {
	switch t.Form {
	case Anonymous:
		return "anonymous"
	case ContextSpecific:
		return fmt.Sprintf("context %d", t.Number)
	case FullyQualified6, FullyQualified8:
		return fmt.Sprintf("profile 0x%08X tag %d", t.Profile, t.Number)
	}
	return fmt.Sprintf("profile-form %d tag %d", t.Form, t.Number)
}

// Element is one decoded TLV element.
type Element struct {
	Offset int // offset of the control octet in the input
	End    int // offset just past the element (past its end-of-container for containers)
	Tag    Tag
	Type   Type
	// Width is the encoded size of the value (integers, floats) or of the
	// length field (strings).
	Width    int
	Int      int64   // Signed
	Uint     uint64  // Unsigned
	Bool     bool    // Bool
	Float    float64 // Float
	Data     []byte  // UTF8 and Bytes: the value octets
	Children []Element
}

// Limits on decoding.
const (
	MaxDepth    = 16
	MaxElements = 4096
)

// Errors. A *DecodeError wraps ErrMalformed or ErrLimit.
var (
	ErrMalformed = errors.New("malformed TLV")
	ErrLimit     = errors.New("TLV exceeds a decoding limit")
)

// DecodeError says where decoding stopped.
type DecodeError struct {
	Offset int
	Msg    string
	// Unterminated is true when the only defect is that the container at
	// Offset reaches the end of the input without its end-of-container:
	// every element inside it decoded.
	Unterminated bool
	limit        bool
}

func (e *DecodeError) Error() string { return fmt.Sprintf("TLV offset %d: %s", e.Offset, e.Msg) }

// Unwrap returns ErrMalformed or ErrLimit.
func (e *DecodeError) Unwrap() error {
	if e.limit {
		return ErrLimit
	}
	return ErrMalformed
}

type decoder struct {
	b     []byte
	count int
}

// Decode decodes one element (and, for a container, its contents) from the
// start of b. It returns the element, the number of bytes it used, and an
// error for malformed input; on error the element holds what was decoded
// before the error.
func Decode(b []byte) (Element, int, error) {
	d := &decoder{b: b}
	el, err := d.element(0, 0)
	if err != nil {
		return el, 0, err
	}
	return el, el.End, nil
}

func (d *decoder) fail(off int, format string, a ...any) error {
	return &DecodeError{Offset: off, Msg: fmt.Sprintf(format, a...)}
}

func (d *decoder) element(off, depth int) (Element, error) {
	el := Element{Offset: off}
	if d.count++; d.count > MaxElements {
		return el, &DecodeError{Offset: off, Msg: fmt.Sprintf("more than %d elements", MaxElements), limit: true}
	}
	if off >= len(d.b) {
		return el, d.fail(off, "truncated: expected a control octet")
	}
	ctl := d.b[off]
	form, typ := TagForm(ctl>>5), ctl&0x1f
	p := off + 1
	n := tagSizes[form]
	if p+n > len(d.b) {
		return el, d.fail(off, "truncated tag")
	}
	tb := d.b[p : p+n]
	el.Tag.Form = form
	switch form {
	case ContextSpecific:
		el.Tag.Number = uint32(tb[0])
	case CommonProfile2, ImplicitProfile2:
		el.Tag.Number = uint32(binary.LittleEndian.Uint16(tb))
	case CommonProfile4, ImplicitProfile4:
		el.Tag.Number = binary.LittleEndian.Uint32(tb)
	case FullyQualified6:
		el.Tag.Profile = binary.LittleEndian.Uint32(tb)
		el.Tag.Number = uint32(binary.LittleEndian.Uint16(tb[4:]))
	case FullyQualified8:
		el.Tag.Profile = binary.LittleEndian.Uint32(tb)
		el.Tag.Number = binary.LittleEndian.Uint32(tb[4:])
	}
	p += n
	need := func(k int) error {
		if p+k > len(d.b) {
			return d.fail(off, "truncated value: %d bytes needed at offset %d, %d present", k, p, len(d.b)-p)
		}
		return nil
	}
	switch {
	case typ <= 0x03:
		el.Type, el.Width = Signed, 1<<typ
		if err := need(el.Width); err != nil {
			return el, err
		}
		v := leUint(d.b[p : p+el.Width])
		shift := 64 - 8*el.Width
		el.Int = int64(v<<shift) >> shift
		p += el.Width
	case typ <= 0x07:
		el.Type, el.Width = Unsigned, 1<<(typ-4)
		if err := need(el.Width); err != nil {
			return el, err
		}
		el.Uint = leUint(d.b[p : p+el.Width])
		p += el.Width
	case typ == 0x08 || typ == 0x09:
		el.Type, el.Bool = Bool, typ == 0x09
	case typ == 0x0A || typ == 0x0B:
		el.Type, el.Width = Float, 4<<(typ-0x0A)
		if err := need(el.Width); err != nil {
			return el, err
		}
		if el.Width == 4 {
			el.Float = float64(math.Float32frombits(binary.LittleEndian.Uint32(d.b[p:])))
		} else {
			el.Float = math.Float64frombits(binary.LittleEndian.Uint64(d.b[p:]))
		}
		p += el.Width
	case typ >= 0x0C && typ <= 0x13:
		el.Type, el.Width = UTF8, 1<<((typ-0x0C)&3)
		if typ >= 0x10 {
			el.Type = Bytes
		}
		if err := need(el.Width); err != nil {
			return el, err
		}
		l := leUint(d.b[p : p+el.Width])
		p += el.Width
		if l > uint64(len(d.b)-p) {
			return el, d.fail(off, "%s length %d runs past the end of the input (%d bytes left)", el.Type, l, len(d.b)-p)
		}
		el.Data = d.b[p : p+int(l)]
		p += int(l)
		if el.Type == UTF8 && !utf8.Valid(el.Data) {
			return el, d.fail(off, "UTF-8 string is not valid UTF-8")
		}
	case typ == 0x14:
		el.Type = Null
	case typ >= 0x15 && typ <= 0x17:
		el.Type = Structure + Type(typ-0x15)
		if depth >= MaxDepth {
			return el, &DecodeError{Offset: off, Msg: fmt.Sprintf("containers nested deeper than %d", MaxDepth), limit: true}
		}
		for {
			if p >= len(d.b) {
				el.End = p
				return el, &DecodeError{Offset: off, Msg: fmt.Sprintf("truncated: %s has no end-of-container", el.Type), Unterminated: true}
			}
			if d.b[p] == 0x18 {
				p++
				break
			}
			child, err := d.element(p, depth+1)
			if err != nil {
				el.Children = append(el.Children, child)
				el.End = p
				return el, err
			}
			el.Children = append(el.Children, child)
			p = child.End
		}
	case typ == 0x18:
		return el, d.fail(off, "unexpected end-of-container")
	default:
		return el, d.fail(off, "reserved element type 0x%02X", typ)
	}
	el.End = p
	return el, nil
}

func leUint(b []byte) uint64 {
	var v uint64
	for i := len(b) - 1; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v
}
