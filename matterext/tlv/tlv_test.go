package tlv_test

import (
	"errors"
	"testing"

	"github.com/matterlint/matterlint/matterext/tlv"
)

// The SDK's test CD content (matter-pki-rules.md §5.2).
var testCD = []byte{
	0x15, 0x24, 0x00, 0x01, 0x25, 0x01, 0xF1, 0xFF, 0x36, 0x02, 0x05, 0x00, 0x80, 0x18,
	0x25, 0x03, 0x34, 0x12, 0x2C, 0x04, 0x13, 'Z', 'I', 'G', '2', '0', '1', '4', '1', 'Z', 'B', '3', '3', '0', '0', '0', '1', '-', '2', '4',
	0x24, 0x05, 0x00, 0x24, 0x06, 0x00, 0x25, 0x07, 0x76, 0x98, 0x24, 0x08, 0x00, 0x18,
}

func TestDecodeCD(t *testing.T) {
	el, n, err := tlv.Decode(testCD)
	if err != nil || n != len(testCD) {
		t.Fatalf("Decode: n=%d err=%v", n, err)
	}
	if el.Type != tlv.Structure || len(el.Children) != 9 {
		t.Fatalf("top = %v with %d children", el.Type, len(el.Children))
	}
	vid := el.Children[1]
	if vid.Tag.Form != tlv.ContextSpecific || vid.Tag.Number != 1 || vid.Type != tlv.Unsigned || vid.Uint != 0xFFF1 || vid.Width != 2 || vid.Offset != 4 {
		t.Errorf("vendor_id = %+v", vid)
	}
	pids := el.Children[2]
	if pids.Type != tlv.Array || len(pids.Children) != 1 || pids.Children[0].Uint != 0x8000 || pids.Children[0].Tag.Form != tlv.Anonymous {
		t.Errorf("product_id_array = %+v", pids)
	}
	if cid := el.Children[4]; cid.Type != tlv.UTF8 || string(cid.Data) != "ZIG20141ZB330001-24" {
		t.Errorf("certificate_id = %+v", cid)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name  string
		in    []byte
		limit bool
	}{
		{"empty", nil, false},
		{"truncated container", testCD[:len(testCD)-1], false},
		{"truncated integer", []byte{0x25, 0x01, 0xF1}, false},
		{"string length past end", []byte{0x2C, 0x04, 0x13, 'Z'}, false},
		{"stray end of container", []byte{0x18}, false},
		{"reserved type", []byte{0x1F}, false},
		{"invalid utf-8", []byte{0x0C, 0x01, 0xFF}, false},
		{"deep nesting", append(repeat(0x17, 40), repeat(0x18, 40)...), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := tlv.Decode(tc.in)
			var de *tlv.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("err = %v, want *DecodeError", err)
			}
			if errors.Is(err, tlv.ErrLimit) != tc.limit || errors.Is(err, tlv.ErrMalformed) == tc.limit {
				t.Errorf("err = %v: limit=%v", err, tc.limit)
			}
		})
	}
}

func repeat(b byte, n int) []byte {
	out := make([]byte, n)
	for i := range out {
		out[i] = b
	}
	return out
}

func TestSignedAndFullyQualified(t *testing.T) {
	// signed 2-byte -2 with a fully-qualified 6-byte tag (vendor 0xDEED, profile 0xFFF1, tag 1)
	in := []byte{0xC1, 0xED, 0xDE, 0xF1, 0xFF, 0x01, 0x00, 0xFE, 0xFF}
	el, n, err := tlv.Decode(in)
	if err != nil || n != len(in) || el.Type != tlv.Signed || el.Int != -2 || el.Tag.Form != tlv.FullyQualified6 || el.Tag.Profile != 0xFFF1DEED || el.Tag.Number != 1 {
		t.Fatalf("got %+v n=%d err=%v", el, n, err)
	}
}
