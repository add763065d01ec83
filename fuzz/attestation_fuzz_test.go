package fuzz

import (
	"bytes"
	"math"
	"reflect"
	"testing"

	"github.com/matterlint/matterlint/attestlog"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/matterext/tlv"
)

// sameAttestation reports whether two decodings are identical. Floats in
// UnknownContext are compared by bit pattern: a NaN double (context tag,
// type 0x0B, exponent all ones) is not DeepEqual to itself.
func sameAttestation(x, y *matterext.AttestationElements) bool {
	xc, yc := *x, *y
	xc.UnknownContext, yc.UnknownContext = nil, nil
	return reflect.DeepEqual(xc, yc) && sameElements(x.UnknownContext, y.UnknownContext)
}

// sameElements is reflect.DeepEqual on TLV elements with Float compared by
// its bits.
func sameElements(x, y []tlv.Element) bool {
	if (x == nil) != (y == nil) || len(x) != len(y) {
		return false
	}
	for i := range x {
		ex, ey := x[i], y[i]
		if math.Float64bits(ex.Float) != math.Float64bits(ey.Float) || !sameElements(ex.Children, ey.Children) {
			return false
		}
		ex.Float, ey.Float, ex.Children, ey.Children = 0, 0, nil, nil
		if !reflect.DeepEqual(ex, ey) {
			return false
		}
	}
	return true
}

// FuzzAttestationElements: the decoder never panics, is deterministic,
// every error and warning has an offset inside the input (or at its end),
// and what it decodes re-encodes to elements that decode to the same
// values.
func FuzzAttestationElements(f *testing.F) {
	cd := bytes.Repeat([]byte{0x30}, 40)
	nonce := bytes.Repeat([]byte{7}, 32)
	f.Add(matterext.EncodeAttestationElements(cd, nonce, 0, nil, nil))
	f.Add(matterext.EncodeAttestationElements(cd, nonce, 677103357, []byte{1, 2, 3},
		[]matterext.VendorReservedElement{{VendorID: 0xFFF1, ProfileNumber: 0x3E, TagNumber: 1, Data: []byte("vendor")}}))
	f.Add([]byte{0x15, 0x30, 0x02, 0x00, 0x18})
	f.Add([]byte{0x15, 0x18, 0x00})
	f.Add([]byte("\x15+0000000\xff\xff")) // context 48, a NaN double: DeepEqual fails on it
	f.Fuzz(func(t *testing.T, b []byte) {
		a := matterext.DecodeAttestationElements(b)
		if !sameAttestation(a, matterext.DecodeAttestationElements(b)) {
			t.Fatal("decoding is not deterministic")
		}
		for _, e := range append(append([]*matterext.AttestationError{}, a.Errors...), a.Warnings...) {
			if e.Offset < 0 || e.Offset > len(b) || e.Error() == "" {
				t.Fatalf("error offset %d outside the %d-byte input: %v", e.Offset, len(b), e)
			}
		}
		if a.Err() != nil || len(a.UnknownContext) > 0 {
			return
		}
		re := matterext.DecodeAttestationElements(matterext.EncodeAttestationElements(a.CertificationDeclaration, a.Nonce, a.Timestamp, a.FirmwareInformation, a.VendorReserved))
		if re.Err() != nil || !bytes.Equal(re.CertificationDeclaration, a.CertificationDeclaration) || !bytes.Equal(re.Nonce, a.Nonce) ||
			re.Timestamp != a.Timestamp || !bytes.Equal(re.FirmwareInformation, a.FirmwareInformation) || len(re.VendorReserved) != len(a.VendorReserved) {
			t.Fatalf("re-encoding changed the elements: %+v vs %+v (%v)", re, a, re.Err())
		}
	})
}

// FuzzAttestationLog: reading a pasted log never panics and, when it
// succeeds, always yields the attestation elements.
func FuzzAttestationLog(f *testing.F) {
	f.Add([]byte("AttestationResponse(attestationElements=b'\\x15\\x18', attestationSignature=b'\\x01')"))
	f.Add([]byte(`{"attestationElements":"FRg=","attestationSignature":[1,2]}`))
	f.Add([]byte("CHIP:TOO:     attestationElements: 1518\nCHIP:TOO:     ...................: 00\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := attestlog.Parse(b)
		if err == nil && (r == nil || r.Elements == nil) {
			t.Fatal("success without elements")
		}
	})
}

// TestSameAttestation: decoding twice compares equal even with NaN floats
// in unknown context elements, and floats that differ in any bit (two NaN
// payloads) compare unequal.
func TestSameAttestation(t *testing.T) {
	for _, tc := range []struct {
		name string
		x, y []byte
		same bool
	}{
		{"fuzz finding: NaN double, no end", []byte("\x15+0000000\xff\xff"), []byte("\x15+0000000\xff\xff"), true},
		{"NaN double after the CD", []byte("\x15\x30\x01\x00\x2b\x05\x00\x00\x00\x00\x00\x00\xf8\x7f\x18"), []byte("\x15\x30\x01\x00\x2b\x05\x00\x00\x00\x00\x00\x00\xf8\x7f\x18"), true},
		{"NaN float32", []byte("\x15\x30\x01\x00\x2a\x05\x01\x00\xc0\x7f\x18"), []byte("\x15\x30\x01\x00\x2a\x05\x01\x00\xc0\x7f\x18"), true},
		{"NaN inside an unknown structure", []byte("\x15\x30\x01\x00\x35\x05\x2b\x01\x01\x00\x00\x00\x00\x00\xf8\xff\x18\x18"), []byte("\x15\x30\x01\x00\x35\x05\x2b\x01\x01\x00\x00\x00\x00\x00\xf8\xff\x18\x18"), true},
		{"NaN payloads differ", []byte("\x15\x30\x01\x00\x2b\x05\x01\x00\x00\x00\x00\x00\xf8\x7f\x18"), []byte("\x15\x30\x01\x00\x2b\x05\x02\x00\x00\x00\x00\x00\xf8\x7f\x18"), false},
		{"+0 and -0", []byte("\x15\x30\x01\x00\x2b\x05\x00\x00\x00\x00\x00\x00\x00\x00\x18"), []byte("\x15\x30\x01\x00\x2b\x05\x00\x00\x00\x00\x00\x00\x00\x80\x18"), false},
	} {
		x, y := matterext.DecodeAttestationElements(tc.x), matterext.DecodeAttestationElements(tc.y)
		y.Raw = x.Raw // only the float bits may differ
		if len(x.UnknownContext) == 0 {
			t.Fatalf("%s: no unknown context element decoded", tc.name)
		}
		if got := sameAttestation(x, y); got != tc.same {
			t.Errorf("%s: sameAttestation = %v, want %v", tc.name, got, tc.same)
		}
	}
}
