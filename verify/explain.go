package verify

import (
	"sort"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// Explanation says what an SDK result code means and what usually causes it.
type Explanation struct {
	Code    matterext.ResultCode
	Meaning string
	Causes  []string
	// Produced is false for codes the current SDK verifier never returns.
	Produced bool
	// Rules are the lint rules and verify checks that lead to the code.
	Rules []string
}

var explanations = map[matterext.ResultCode]Explanation{
	matterext.Success: {Meaning: "attestation succeeded", Produced: true},
	matterext.PaaNotFound: {Meaning: "PAA not found in the DCL and/or the local PAA trust store: no PAA's SKID equals the PAI's AKID", Produced: true,
		Causes: []string{"the PAA is not on the DCL (or not in the commissioner's mirror of it)", "the PAI's AKID does not match its PAA's SKID (re-keyed or re-issued PAA)", "a production commissioner verifying a chain under an SDK test PAA", "the PAA file in the store fails the PAA format check and was skipped"}},
	matterext.PaaFormatInvalid: {Meaning: "the PAA is malformed: its VID/PID cannot be extracted, it carries a PID, or its SKID is not 20 bytes", Produced: true,
		Causes: []string{"a PID attribute in a PAA subject", "a malformed Mvid:/Mpid: or VID attribute in the PAA subject", "SKID missing or not 20 bytes"}},
	matterext.PaiFormatInvalid: {Meaning: "the PAI fails VerifyAttestationCertificateFormat(kPAI) or its VID/PID cannot be extracted", Produced: true,
		Causes: []string{"basicConstraints not critical, cA not TRUE, or pathLenConstraint not 0", "keyUsage not critical or without keyCertSign/cRLSign", "SKID/AKID missing or not 20 bytes", "not ecdsa-with-SHA256 / P-256, or not v3", "a malformed VID/PID in the subject"}},
	matterext.PaiVendorIDMismatch: {Meaning: "the PAI VID does not match the VID of a VID-scoped PAA", Produced: true,
		Causes: []string{"PAI issued for another vendor's PAA", "VID typo in the PAI subject"}},
	matterext.PaiMissing: {Meaning: "the device did not send a PAI", Produced: true, Causes: []string{"the PAI is not provisioned on the device"}},
	matterext.DacExpired: {Meaning: "the DAC is not valid at the current time (checked only when the commissioner has a clock)", Produced: true,
		Causes: []string{"the DAC has expired (use notAfter 99991231235959Z for DACs)", "the DAC's notBefore is in the future (clock skew at issuance)"}},
	matterext.DacSignatureInvalid: {Meaning: "ValidateCertificateChain failed: the chain does not build or verify at the DAC's issuance time", Produced: true,
		Causes: []string{"a signature does not verify (wrong issuing key)", "issuer name not byte-equal to the issuer's subject, or AKID ≠ issuer SKID", "the PAI or PAA was not valid at the DAC's notBefore", "an unknown critical extension", "a pathLenConstraint that forbids the chain"}},
	matterext.DacFormatInvalid: {Meaning: "the DAC fails VerifyAttestationCertificateFormat(kDAC), its VID/PID cannot be extracted, or its key cannot be read", Produced: true,
		Causes: []string{"basicConstraints not critical, cA TRUE or pathLenConstraint present", "keyUsage not exactly digitalSignature, or not critical", "SKID/AKID missing or not 20 bytes", "not ecdsa-with-SHA256 / P-256, or not v3", "a malformed Mvid:/Mpid: fallback or VID/PID attribute"}},
	matterext.DacVendorIDMismatch: {Meaning: "the DAC VID is missing or differs from the PAI VID (also reported when the PAI has no VID)", Produced: true,
		Causes: []string{"no VID attribute in the DAC or PAI subject", "a VID only in a commonName that is ignored because a Matter OID attribute is present", "DAC and PAI issued for different vendors"}},
	matterext.DacProductIDMismatch: {Meaning: "the DAC PID is missing, or differs from the PAI's PID when the PAI has one", Produced: true,
		Causes: []string{"no PID in the DAC subject", "a PAI scoped to another product (or with PID 0000)"}},
	matterext.PaiAndDacRevoked: {Meaning: "both the PAI and the DAC are revoked", Produced: true},
	matterext.PaiRevoked:       {Meaning: "the PAI is revoked", Produced: true},
	matterext.DacRevoked:       {Meaning: "the DAC is revoked", Produced: true},
	matterext.AttestationSignatureInvalid: {Meaning: "the attestation signature over the elements and challenge does not verify with the DAC key", Produced: true,
		Causes: []string{"the device signs with a key that is not the DAC's"}},
	matterext.AttestationElementsMalformed:             {Meaning: "the attestation elements TLV (or the CD's format_version/certification_type) is malformed", Produced: true},
	matterext.AttestationNonceMismatch:                 {Meaning: "the nonce in the attestation elements is not the one the commissioner sent", Produced: true},
	matterext.AttestationSignatureInvalidFormat:        {Meaning: "the attestation signature is longer than 64 bytes", Produced: true},
	matterext.CertificationDeclarationNoKeyID:          {Meaning: "the CD's CMS SignerInfo cannot be decoded (version, digest or signature algorithm)", Produced: true},
	matterext.CertificationDeclarationNoCertFound:      {Meaning: "no trusted CD signing key with the CD's key ID (or a test key used for an official CD)", Produced: true},
	matterext.CertificationDeclarationInvalidSignature: {Meaning: "the CD's CMS envelope or signature is invalid", Produced: true},
	matterext.CertificationDeclarationInvalidFormat:    {Meaning: "the CD content TLV cannot be decoded", Produced: true},
	matterext.CertificationDeclarationInvalidVendorID:  {Meaning: "the CD vendor_id (or dac_origin_vendor_id) does not match the device, DAC or PAI", Produced: true},
	matterext.CertificationDeclarationInvalidProductID: {Meaning: "the device's, DAC's or PAI's PID is not in the CD's product_id_array (or origin PID)", Produced: true},
	matterext.CertificationDeclarationInvalidPAA:       {Meaning: "the CD's authorized_paa_list does not contain the PAA's SKID", Produced: true},
	matterext.InvalidArgument:                          {Meaning: "an empty or oversized input to the verifier", Produced: true},
	matterext.NotImplemented:                           {Meaning: "the requested attestation profile (e.g. ML-DSA) is not supported by this build", Produced: true},
	matterext.NoMemory:                                 {Meaning: "out of memory", Produced: true},
	matterext.InternalError:                            {Meaning: "internal error", Produced: true},
}

// Explain describes code; ok is false for an unknown code.
func Explain(code matterext.ResultCode, reg *lint.Registry) (Explanation, bool) {
	if code.String()[0] != 'k' {
		return Explanation{}, false
	}
	e, ok := explanations[code]
	if !ok {
		e = Explanation{Meaning: "not produced by the current SDK verifier (obsolete or reserved; matter-pki-rules.md §4.2)"}
	}
	e.Code = code
	if reg == nil {
		reg = defaultRegistry()
	}
	for _, r := range reg.Rules() {
		for _, role := range r.Roles.Roles() {
			if r.SDK.Code(role) == code {
				e.Rules = append(e.Rules, r.Name+" ("+role.String()+")")
			}
		}
	}
	for _, c := range checks {
		if c.Code == code && code != matterext.Success {
			e.Rules = append(e.Rules, c.Name)
		}
	}
	sort.Strings(e.Rules)
	return e, true
}
