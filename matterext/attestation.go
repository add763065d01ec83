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

// VendorReservedElement is a vendor-reserved attestation element: a byte
// string with a fully-qualified tag in a vendor's profile.
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
	// TimestampSigned is true when the timestamp was encoded as a
	// (non-negative) signed integer.
	TimestampSigned bool
	// UnknownContext are context-tagged elements after the known ones,
	// which the SDK skips.
	UnknownContext []tlv.Element
	VendorReserved []VendorReservedElement
	// Errors are the reasons the SDK's decoder fails; any one gives
	// kAttestationElementsMalformed (501). Empty when the elements decode.
	Errors []*AttestationError
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
// DeconstructAttestationElements does, collecting every reason it would
// fail: an anonymous structure; context-tagged elements first, the first of
// them the CD (tag 1), in strictly increasing tag order; CD, nonce and
// timestamp required; the CD, nonce and firmware information byte strings,
// the timestamp an unsigned 32-bit integer; unknown context tags skipped;
// vendor-reserved elements after them, fully-qualified byte strings.
func DecodeAttestationElements(b []byte) *AttestationElements {
	a := &AttestationElements{Raw: b}
	fail := func(field string, off int, format string, args ...any) {
		a.Errors = append(a.Errors, &AttestationError{Field: field, Offset: off, Msg: fmt.Sprintf(format, args...)})
	}
	top, _, err := tlv.Decode(b)
	if err != nil {
		fail("", 0, "%v", err)
	}
	if top.Type != tlv.Structure || top.Tag.Form != tlv.Anonymous {
		if err == nil {
			fail("", 0, "expected an anonymous structure, found %s with %s tag", top.Type, top.Tag)
		}
		return a
	}
	last, vendor := -1, false
	for i := range top.Children {
		el := &top.Children[i]
		if el.Tag.Form != tlv.ContextSpecific {
			vendor = true
			a.vendorElement(el, fail)
			continue
		}
		if vendor {
			fail("", el.Offset, "context tag %d follows a vendor-reserved element", el.Tag.Number)
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
			v, signed, ok := el.Uint, false, true
			switch {
			case el.Type == tlv.Signed && el.Int >= 0:
				v, signed = uint64(el.Int), true
			case el.Type != tlv.Unsigned:
				fail(name, el.Offset, "is a %s; expected an unsigned 32-bit integer", el.Type)
				ok = false
			}
			if ok && v > 0xFFFFFFFF {
				fail(name, el.Offset, "%d does not fit in 32 bits", v)
				ok = false
			}
			if ok {
				a.Timestamp, a.TimestampSigned, a.HasTimestamp, a.TimestampOffset = uint32(v), signed, true, el.Offset
			}
		default:
			a.UnknownContext = append(a.UnknownContext, *el)
		}
	}
	end := len(b)
	if top.End > 0 {
		end = top.End
	}
	for _, req := range []struct {
		has  bool
		name string
	}{{a.HasCD, "certification_declaration"}, {a.HasNonce, "attestation_nonce"}, {a.HasTimestamp, "timestamp"}} {
		if !req.has && !a.failed(req.name) {
			fail(req.name, end, "required element is missing")
		}
	}
	return a
}

func (a *AttestationElements) failed(field string) bool {
	for _, e := range a.Errors {
		if e.Field == field {
			return true
		}
	}
	return false
}

func (a *AttestationElements) vendorElement(el *tlv.Element, fail func(string, int, string, ...any)) {
	if el.Tag.Form != tlv.FullyQualified6 && el.Tag.Form != tlv.FullyQualified8 {
		fail("vendor_reserved", el.Offset, "element has a %s tag; vendor-reserved elements have fully-qualified tags", el.Tag)
		return
	}
	if el.Type != tlv.Bytes {
		fail("vendor_reserved", el.Offset, "element (%s) is a %s; expected a byte string", el.Tag, el.Type)
		return
	}
	a.VendorReserved = append(a.VendorReserved, VendorReservedElement{
		VendorID: uint16(el.Tag.Profile), ProfileNumber: uint16(el.Tag.Profile >> 16), TagNumber: el.Tag.Number,
		Offset: el.Offset, Data: el.Data,
	})
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
