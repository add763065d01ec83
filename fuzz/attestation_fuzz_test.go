package fuzz

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/matterlint/matterlint/attestlog"
	"github.com/matterlint/matterlint/matterext"
)

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
	f.Fuzz(func(t *testing.T, b []byte) {
		a := matterext.DecodeAttestationElements(b)
		if !reflect.DeepEqual(a, matterext.DecodeAttestationElements(b)) {
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
