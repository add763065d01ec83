package tlv

import "encoding/binary"

// The encoders below append one element to b and return the extended slice.
// They write the shortest encoding the Matter Core specification
// (Appendix A.7) allows for the value, as the SDK's TLVWriter does.

// appendControl appends a control octet for element type code typ and the tag.
// Only anonymous, context-specific and fully-qualified tags are written.
func appendControl(b []byte, tag Tag, typ byte) []byte {
	switch tag.Form {
	case ContextSpecific:
		return append(b, byte(ContextSpecific)<<5|typ, byte(tag.Number))
	case FullyQualified6, FullyQualified8:
		b = binary.LittleEndian.AppendUint32(append(b, 0), tag.Profile)
		if tag.Number <= 0xFFFF {
			b[len(b)-5] = byte(FullyQualified6)<<5 | typ
			return binary.LittleEndian.AppendUint16(b, uint16(tag.Number))
		}
		b[len(b)-5] = byte(FullyQualified8)<<5 | typ
		return binary.LittleEndian.AppendUint32(b, tag.Number)
	}
	return append(b, typ)
}

// AppendUint appends an unsigned integer in its shortest width.
func AppendUint(b []byte, tag Tag, v uint64) []byte {
	switch {
	case v <= 0xFF:
		return append(appendControl(b, tag, 0x04), byte(v))
	case v <= 0xFFFF:
		return binary.LittleEndian.AppendUint16(appendControl(b, tag, 0x05), uint16(v))
	case v <= 0xFFFFFFFF:
		return binary.LittleEndian.AppendUint32(appendControl(b, tag, 0x06), uint32(v))
	}
	return binary.LittleEndian.AppendUint64(appendControl(b, tag, 0x07), v)
}

// AppendBytes appends a byte string with the shortest length field.
func AppendBytes(b []byte, tag Tag, data []byte) []byte {
	n := uint64(len(data))
	switch {
	case n <= 0xFF:
		b = append(appendControl(b, tag, 0x10), byte(n))
	case n <= 0xFFFF:
		b = binary.LittleEndian.AppendUint16(appendControl(b, tag, 0x11), uint16(n))
	default:
		b = binary.LittleEndian.AppendUint32(appendControl(b, tag, 0x12), uint32(n))
	}
	return append(b, data...)
}

// AppendStructure appends the start of a structure; close it with AppendEnd.
func AppendStructure(b []byte, tag Tag) []byte { return appendControl(b, tag, 0x15) }

// AppendEnd appends an end-of-container.
func AppendEnd(b []byte) []byte { return append(b, 0x18) }

// Context returns the context-specific tag n.
func Context(n uint8) Tag { return Tag{Form: ContextSpecific, Number: uint32(n)} }

// FullyQualified returns the fully-qualified tag of a vendor's profile:
// profile is vendorID | profileNumber<<16 (Matter Core specification A.7.2).
func FullyQualified(vendorID, profileNumber uint16, n uint32) Tag {
	return Tag{Form: FullyQualified6, Profile: uint32(vendorID) | uint32(profileNumber)<<16, Number: n}
}
