package verify

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// AttestationResponse is what a commissioner checks after AttestationRequest:
// the two fields of the device's AttestationResponse command and the two
// values of its own side of the exchange.
type AttestationResponse struct {
	// Elements is the response's attestation_elements (Matter TLV).
	Elements []byte
	// Signature is the response's attestation_signature: the raw r‖s ECDSA
	// P-256 signature, 64 bytes, as the device sends it.
	Signature []byte
	// Challenge is the secure session's attestation challenge (16 bytes).
	// Empty means unknown (chip-tool logs never show it): the signature is
	// then not checked, and a warning says so.
	Challenge []byte
	// Nonce is the attestation nonce the commissioner sent (32 bytes).
	// Empty means unknown: the nonce is then not checked, and a warning says
	// so.
	Nonce []byte
}

// Names of the attestation response checks.
const (
	CheckResponseArguments = "response_arguments_present"
	CheckResponseLength    = "response_elements_length"
	CheckResponseSigFormat = "response_signature_format"
	CheckResponseSignature = "response_signature"
	CheckResponseElements  = "response_elements_decode"
	CheckResponseNonce     = "response_nonce_matches"
	CheckResponseCDPresent = "response_cd_decodes"
)

// Steps of the response checks in VerifyAttestationInformation (§4.1, ×10).
const (
	stepArguments     = 10
	stepElementsSize  = 20
	stepSignatureFmt  = 120
	stepSignature     = 130
	stepElementsParse = 220
	stepNonce         = 230
)

// ErrConflictingCD: a CD was given both on its own and inside the
// attestation elements, and the two differ.
var ErrConflictingCD = errors.New("the CD given differs from the CD in the attestation elements")

const citeResponse = "Matter SDK DefaultDACVerifier::VerifyAttestationInformation; matter-pki-rules.md §4.1"

// checkResponse runs the checks of the response that need no DAC, decodes
// the elements, and returns the CD they carry (nil when none decodes).
func (v *Verifier) checkResponse(r *AttestationResponse) (*matterext.CertificationDeclaration, error) {
	add := func(check string, step int, code matterext.ResultCode, loc, msg, cite string) {
		v.add(Finding{Check: check, Cert: "response", Step: step, Code: code, Severity: lint.Error, Location: loc, Message: msg, Citation: citeResponse + " " + cite})
	}
	info := func(check string, step int, loc, msg string) {
		v.add(Finding{Check: check, Cert: "response", Step: step, Code: matterext.Success, Severity: lint.Warn, Location: loc, Message: msg, Citation: citeResponse})
	}
	for _, f := range []struct {
		name string
		b    []byte
	}{{"attestation_elements", r.Elements}, {"attestation_signature", r.Signature}} {
		if len(f.b) == 0 {
			add(CheckResponseArguments, stepArguments, matterext.InvalidArgument, f.name, "the "+f.name+" is empty", "step 1")
		}
	}
	if len(r.Challenge) == 0 {
		info(CheckResponseSignature, stepSignature, "attestation_challenge",
			"the attestation signature was not checked: the session's attestation challenge is unknown (chip-tool does not log it; the Python controller's device proxy has it as attestationChallenge)")
	} else if len(r.Challenge) != matterext.AttestationChallengeLength {
		info(CheckResponseArguments, stepArguments, "attestation_challenge",
			fmt.Sprintf("the attestation challenge is %d bytes; a session's challenge is %d", len(r.Challenge), matterext.AttestationChallengeLength))
	}
	if len(r.Nonce) == 0 {
		info(CheckResponseNonce, stepNonce, "attestation nonce", "the nonce was not checked: the nonce the commissioner sent is unknown")
	}
	if n := len(r.Elements); n > matterext.MaxAttestationElementsLength {
		add(CheckResponseLength, stepElementsSize, matterext.InvalidArgument, "attestation_elements",
			fmt.Sprintf("the attestation elements are %d bytes; at most %d are allowed", n, matterext.MaxAttestationElementsLength), "step 2 (RESP_MAX)")
	}
	if n := len(r.Signature); n > matterext.AttestationSignatureLength {
		add(CheckResponseSigFormat, stepSignatureFmt, matterext.AttestationSignatureInvalidFormat, "attestation_signature",
			fmt.Sprintf("the attestation signature is %d bytes; a raw P-256 signature (r‖s) is %d", n, matterext.AttestationSignatureLength), "step 12")
	}
	el := matterext.DecodeAttestationElements(r.Elements)
	v.elements = el
	if len(r.Elements) == 0 {
		return nil, nil
	}
	for _, e := range el.Errors {
		loc := "attestation_elements"
		if e.Field != "" {
			loc += "." + e.Field
		}
		add(CheckResponseElements, stepElementsParse, matterext.AttestationElementsMalformed, fmt.Sprintf("%s (offset %d)", loc, e.Offset),
			e.Msg, "step 22 (DeconstructAttestationElements)")
	}
	for _, w := range el.Warnings {
		loc := "attestation_elements"
		if w.Field != "" {
			loc += "." + w.Field
		}
		info(CheckResponseElements, stepElementsParse, fmt.Sprintf("%s (offset %d)", loc, w.Offset), w.Msg)
	}
	if el.Err() != nil {
		return nil, nil
	}
	if len(r.Nonce) > 0 && !bytes.Equal(el.Nonce, r.Nonce) {
		add(CheckResponseNonce, stepNonce, matterext.AttestationNonceMismatch, fmt.Sprintf("attestation_elements.attestation_nonce (offset %d)", el.NonceOffset),
			fmt.Sprintf("the nonce in the elements (%d bytes, %X) is not the nonce sent (%d bytes, %X)", len(el.Nonce), el.Nonce, len(r.Nonce), r.Nonce), "step 23")
	}
	cd, err := matterext.ParseCD(el.CertificationDeclaration)
	if err != nil {
		add(CheckResponseCDPresent, stepCDKeyID, matterext.CertificationDeclarationNoKeyID,
			fmt.Sprintf("attestation_elements.certification_declaration (offset %d)", el.CDOffset),
			"the CD in the attestation elements is not a CMS SignedData: "+err.Error(), "step 24 (CMS_ExtractKeyId)")
		return nil, nil
	}
	if v.opts.CD != nil && !bytes.Equal(v.opts.CD.CMS.Raw, el.CertificationDeclaration) {
		return nil, ErrConflictingCD
	}
	return cd, nil
}

// responseSignature checks the attestation signature with the DAC's key
// (steps 12-13): ECDSA P-256 with SHA-256 over elements ‖ challenge.
func responseSignature(r *AttestationResponse, dac *matterext.Certificate) *Finding {
	if len(r.Signature) == 0 || len(r.Signature) > matterext.AttestationSignatureLength || len(r.Challenge) == 0 {
		return nil // reported in checkResponse
	}
	key, err := dac.ECDSAPublicKey()
	if err != nil {
		return nil // the DAC format rules report it (step 11 has the same code)
	}
	if matterext.VerifyAttestationSignature(key, r.Elements, r.Challenge, r.Signature) {
		return nil
	}
	msg := "the attestation signature does not verify under the DAC's public key over attestation_elements ‖ attestation_challenge"
	if len(r.Signature) != matterext.AttestationSignatureLength {
		msg = fmt.Sprintf("the attestation signature is %d bytes; a raw P-256 signature (r‖s) is %d", len(r.Signature), matterext.AttestationSignatureLength)
	}
	return &Finding{Check: CheckResponseSignature, Cert: "response", Step: stepSignature, Code: matterext.AttestationSignatureInvalid,
		Severity: lint.Error, Location: "attestation_signature", Message: msg, Citation: citeResponse + " step 13 (ValidateAttestationSignature)"}
}
