package matterext

import (
	"crypto/ecdsa"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"math/big"

	"github.com/matterlint/matterlint/matterext/tlv"
)

// Attestation response sizes (Matter Core specification §11.18.6.?; the
// SDK's DeviceAttestationVerifier and CHIPCryptoPAL constants).
const (
	// MaxAttestationElementsLength is the largest attestation_elements a
	// commissioner accepts (RESP_MAX, kMaxResponseLength).
	MaxAttestationElementsLength = 900
	// AttestationNonceLength is the length of the nonce a commissioner sends
	// in AttestationRequest (kAttestationNonceLength).
	AttestationNonceLength = 32
	// AttestationChallengeLength is the length of the secure session's
	// attestation challenge (kAttestationChallengeLength... CHIP_CRYPTO_SYMMETRIC_KEY_LENGTH_BYTES).
	AttestationChallengeLength = 16
	// AttestationSignatureLength is the raw r‖s ECDSA P-256 signature
	// length (kP256_ECDSA_Signature_Length_Raw).
	AttestationSignatureLength = 64
)

// Context tags of the attestation elements structure (Matter Core
// specification §11.18.4.? attestation-elements-message; the SDK's
// DeviceAttestationConstructor.cpp).
const (
	AttestationTagCD           = 1
	AttestationTagNonce        = 2
	AttestationTagTimestamp    = 3
	AttestationTagFirmwareInfo = 4
)

// ErrAttestationElementsMalformed is wrapped by every reason the SDK's
// DeconstructAttestationElements rejects attestation elements
// (kAttestationElementsMalformed, 501).
var ErrAttestationElementsMalformed = errors.New("malformed attestation elements")

// AttestationError is one reason the attestation elements do not decode as
// the SDK decodes them. It wraps ErrAttestationElementsMalformed.
type AttestationError struct {
	Field  string // "certification_declaration", …, or "" for the container
	Offset int    // offset in the attestation elements
	Msg    string
}

func (e *AttestationError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("attestation elements offset %d: %s", e.Offset, e.Msg)
	}
	return fmt.Sprintf("attestation elements %s (offset %d): %s", e.Field, e.Offset, e.Msg)
}

// Unwrap returns ErrAttestationElementsMalformed.
func (e *AttestationError) Unwrap() error { return ErrAttestationElementsMalformed }

// VendorReservedElement is a vendor-reserved attestation element: an element
// with a profile tag (a byte string with a fully-qualified tag in a vendor's
// profile, as devices write them).
type VendorReservedElement struct {
	VendorID      uint16
	ProfileNumber uint16
	TagNumber     uint32
	Offset        int
	Data          []byte
}

// AttestationElements is the decoded attestation_elements of an
// AttestationResponse.
type AttestationElements struct {
	Raw []byte
	// CertificationDeclaration is the CD (CMS DER) the device carries.
	CertificationDeclaration []byte
	Nonce                    []byte
	Timestamp                uint32
	FirmwareInformation      []byte
	// HasCD, HasNonce, HasTimestamp and HasFirmwareInformation say which
	// elements are present.
	HasCD, HasNonce, HasTimestamp, HasFirmwareInformation bool
	// Offsets of the elements, for locations.
	CDOffset, NonceOffset, TimestampOffset, FirmwareInformationOffset int
	// UnknownContext are context-tagged elements after the known ones,
	// which the SDK skips.
	UnknownContext []tlv.Element
	VendorReserved []VendorReservedElement
	// Errors are the reasons the SDK's decoder fails; any one gives
	// kAttestationElementsMalformed (501). Empty when the elements decode.
	Errors []*AttestationError
	// Warnings are oddities the SDK accepts (see DecodeAttestationElements).
	Warnings []*AttestationError
}

// Err returns the first decoding error, or nil.
func (a *AttestationElements) Err() error {
	if len(a.Errors) == 0 {
		return nil
	}
	return a.Errors[0]
}

var attestationFieldNames = map[uint32]string{
	AttestationTagCD: "certification_declaration", AttestationTagNonce: "attestation_nonce",
	AttestationTagTimestamp: "timestamp", AttestationTagFirmwareInfo: "firmware_information",
}

// DecodeAttestationElements decodes attestation elements the way the SDK's
// DeconstructAttestationElements (src/credentials/DeviceAttestationConstructor.cpp)
// does, collecting every reason it would fail: an anonymous structure whose
// leading context-tagged elements start with the CD (tag 1) and have
// strictly increasing tags; the CD, nonce and timestamp among them; the CD,
// nonce and firmware information byte strings; the timestamp an unsigned
// integer that fits in 32 bits; unknown context tags skipped; then
// vendor-reserved elements (profile tags). Implicit-profile and anonymous
// tags inside the structure fail.
//
// What the SDK accepts although it looks wrong goes to Warnings: a missing
// end-of-container at the end of the input, bytes after the structure,
// context tags after a vendor-reserved element (never read), vendor-reserved
// elements that are not byte strings (the verifier never reads them).
func DecodeAttestationElements(b []byte) *AttestationElements {
	a := &AttestationElements{Raw: b}
	fail := func(field string, off int, format string, args ...any) {
		a.Errors = append(a.Errors, &AttestationError{Field: field, Offset: off, Msg: fmt.Sprintf(format, args...)})
	}
	warn := func(field string, off int, format string, args ...any) {
		a.Warnings = append(a.Warnings, &AttestationError{Field: field, Offset: off, Msg: fmt.Sprintf(format, args...)})
	}
	top, n, err := tlv.Decode(b)
	var de *tlv.DecodeError
	switch {
	case err == nil && n < len(b):
		warn("", n, "%d bytes follow the attestation elements structure; the SDK does not read them", len(b)-n)
	case errors.As(err, &de) && de.Unterminated && de.Offset == 0:
		warn("", len(b), "the structure has no end-of-container; the SDK's reader takes the end of the input as its end")
		err = nil
	case err != nil:
		fail("", errOffset(err), "%v", err)
	}
	if top.Type != tlv.Structure || top.Tag.Form != tlv.Anonymous {
		if err == nil {
			fail("", 0, "expected an anonymous structure, found %s with %s tag", top.Type, top.Tag)
		}
		return a
	}
	kids := top.Children
	if err != nil && len(kids) > 0 {
		kids = kids[:len(kids)-1] // the element the decoding error is in
	}
	last, vendor := -1, false
	for i := range kids {
		el := &kids[i]
		switch el.Tag.Form {
		case tlv.Anonymous:
			fail("", el.Offset, "an element inside the structure has an anonymous tag")
			continue
		case tlv.ImplicitProfile2, tlv.ImplicitProfile4:
			fail("vendor_reserved", el.Offset, "element has an implicit-profile tag, which the SDK's reader cannot resolve")
			continue
		case tlv.ContextSpecific:
		default:
			vendor = true
			a.vendorElement(el, warn)
			continue
		}
		if vendor {
			warn("", el.Offset, "context tag %d follows a vendor-reserved element; the SDK ignores it", el.Tag.Number)
			continue
		}
		n := int(el.Tag.Number)
		name := attestationFieldNames[el.Tag.Number]
		switch {
		case last < 0 && n != AttestationTagCD:
			fail("", el.Offset, "the first element has context tag %d; it must be the certification_declaration (tag 1)", n)
		case last >= 0 && n <= last:
			fail(name, el.Offset, "context tag %d follows tag %d; tags must increase", n, last)
		}
		last = n
		switch n {
		case AttestationTagCD, AttestationTagNonce, AttestationTagFirmwareInfo:
			if el.Type != tlv.Bytes {
				fail(name, el.Offset, "is a %s; expected a byte string", el.Type)
				continue
			}
			switch n {
			case AttestationTagCD:
				a.CertificationDeclaration, a.HasCD, a.CDOffset = el.Data, true, el.Offset
			case AttestationTagNonce:
				a.Nonce, a.HasNonce, a.NonceOffset = el.Data, true, el.Offset
			default:
				a.FirmwareInformation, a.HasFirmwareInformation, a.FirmwareInformationOffset = el.Data, true, el.Offset
			}
		case AttestationTagTimestamp:
			v := el.Uint
			if el.Type != tlv.Unsigned {
				// TLVReader::Get(uint32_t&) reads unsigned integers only.
				fail(name, el.Offset, "is a %s; expected an unsigned integer", el.Type)
				continue
			}
			if v > 0xFFFFFFFF {
				fail(name, el.Offset, "%d does not fit in 32 bits", v)
				continue
			}
			a.Timestamp, a.HasTimestamp, a.TimestampOffset = uint32(v), true, el.Offset
		default:
			a.UnknownContext = append(a.UnknownContext, *el)
		}
	}
	end := len(b)
	for _, req := range []struct {
		has  bool
		name string
	}{{a.HasCD, "certification_declaration"}, {a.HasNonce, "attestation_nonce"}, {a.HasTimestamp, "timestamp"}} {
		if !req.has && !a.failed(req.name) && err == nil {
			fail(req.name, end, "required element is missing from the leading context-tagged elements")
		}
	}
	return a
}

func errOffset(err error) int {
	var de *tlv.DecodeError
	if errors.As(err, &de) {
		return de.Offset
	}
	return 0
}

func (a *AttestationElements) failed(field string) bool {
	for _, e := range a.Errors {
		if e.Field == field {
			return true
		}
	}
	return false
}

func (a *AttestationElements) vendorElement(el *tlv.Element, warn func(string, int, string, ...any)) {
	v := VendorReservedElement{VendorID: uint16(el.Tag.Profile), ProfileNumber: uint16(el.Tag.Profile >> 16), TagNumber: el.Tag.Number,
		Offset: el.Offset, Data: el.Data}
	if el.Type != tlv.Bytes {
		warn("vendor_reserved", el.Offset, "vendor-reserved element (%s) is a %s, not a byte string; the commissioner never reads it, a device-side reader would reject it", el.Tag, el.Type)
	}
	a.VendorReserved = append(a.VendorReserved, v)
}

// EncodeAttestationElements builds attestation elements as a device
// constructs them (the SDK's ConstructAttestationElements): the CD, the
// nonce, the timestamp, the firmware information when not empty, then the
// vendor-reserved elements.
func EncodeAttestationElements(cd, nonce []byte, timestamp uint32, firmwareInfo []byte, vendor []VendorReservedElement) []byte {
	b := tlv.AppendStructure(nil, tlv.Tag{})
	b = tlv.AppendBytes(b, tlv.Context(AttestationTagCD), cd)
	b = tlv.AppendBytes(b, tlv.Context(AttestationTagNonce), nonce)
	b = tlv.AppendUint(b, tlv.Context(AttestationTagTimestamp), uint64(timestamp))
	if len(firmwareInfo) > 0 {
		b = tlv.AppendBytes(b, tlv.Context(AttestationTagFirmwareInfo), firmwareInfo)
	}
	for _, v := range vendor {
		b = tlv.AppendBytes(b, tlv.FullyQualified(v.VendorID, v.ProfileNumber, v.TagNumber), v.Data)
	}
	return tlv.AppendEnd(b)
}

// attestationDigest is SHA-256 over elements ‖ challenge, the message a
// device signs (the SDK's ValidateAttestationSignature).
func attestationDigest(elements, challenge []byte) []byte {
	h := sha256.New()
	h.Write(elements)
	h.Write(challenge)
	return h.Sum(nil)
}

// VerifyAttestationSignature reports whether sig, a raw r‖s ECDSA P-256
// signature of AttestationSignatureLength bytes, verifies under key over
// elements ‖ challenge.
func VerifyAttestationSignature(key *ecdsa.PublicKey, elements, challenge, sig []byte) bool {
	if len(sig) != AttestationSignatureLength {
		return false
	}
	r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])
	return ecdsa.Verify(key, attestationDigest(elements, challenge), r, s)
}

// SignAttestation signs elements ‖ challenge with a DAC's private key as a
// device does and returns the raw 64-byte r‖s signature.
func SignAttestation(rand io.Reader, key *ecdsa.PrivateKey, elements, challenge []byte) ([]byte, error) {
	r, s, err := ecdsa.Sign(rand, key, attestationDigest(elements, challenge))
	if err != nil {
		return nil, err
	}
	sig := make([]byte, AttestationSignatureLength)
	r.FillBytes(sig[:32])
	s.FillBytes(sig[32:])
	return sig, nil
}
