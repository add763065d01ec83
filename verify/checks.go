package verify

import (
	"sync"

	zlint "github.com/zmap/zlint/v3/lint"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// Names of the checks this package adds to the lint rules. Format checks are
// reported under the lint rule's own name.
const (
	CheckPAIPresent        = "pai_present"
	CheckDACPresent        = "dac_present"
	CheckPAINotTest        = "pai_not_issued_by_test_paa"
	CheckPAAFound          = "paa_found"
	CheckPAIVendorID       = "pai_vid_matches_paa"
	CheckDACVendorID       = "dac_vid_matches_pai"
	CheckDACProductID      = "dac_pid_matches_pai"
	CheckDeviceVendorID    = "dac_vid_matches_device"
	CheckDeviceProductID   = "dac_pid_matches_device"
	CheckPAIIssuerName     = "chain_pai_issuer_is_paa_subject"
	CheckDACIssuerName     = "chain_dac_issuer_is_pai_subject"
	CheckDACAuthorityKeyID = "chain_dac_akid_is_pai_skid"
	CheckPAISignature      = "chain_pai_signature"
	CheckDACSignature      = "chain_dac_signature"
	CheckPAIValidity       = "chain_pai_valid_at_dac_issuance"
	CheckPAAValidity       = "chain_paa_valid_at_dac_issuance"
	CheckPAAIsCA           = "chain_paa_is_ca"
	CheckPathLength        = "chain_path_length"
	CheckCDSignerKnown     = "cd_signer_trusted"
	CheckCDSignature       = "cd_signature"
	CheckCDTestKeyType     = "cd_test_key_certification_type"
	CheckCDVendorDevice    = "cd_vendor_id_matches_device"
	CheckCDProductDevice   = "cd_product_ids_contain_device_pid"
	CheckCDOriginVendor    = "cd_dac_origin_vendor_id_matches"
	CheckCDOriginProduct   = "cd_dac_origin_product_id_matches"
	CheckCDVendorDAC       = "cd_vendor_id_matches_dac_pai"
	CheckCDProductDAC      = "cd_product_ids_contain_dac_pai_pid"
	CheckCDAuthorizedPAA   = "cd_authorized_paa"
	CheckNotRevoked        = "chain_not_revoked"
	CheckDACNotRevoked     = "dac_not_revoked"
	CheckPAINotRevoked     = "pai_not_revoked"
	CheckSDKCrash          = "sdk_openssl_null_key_id_crash"
	CheckCRLSigner         = "crl_issued_by_signer"
)

// CheckInfo describes a verify check for listings and `explain`.
type CheckInfo struct {
	Name        string
	Code        matterext.ResultCode
	Description string
	// Quote is the normative text the check enforces, verbatim from
	// QuoteSource.
	Quote, QuoteSource string
}

// checks lists the relational checks, in the SDK's order.
var checks = [...]CheckInfo{
	{CheckResponseArguments, matterext.InvalidArgument, "with an attestation response: the elements, challenge, signature and nonce are not empty", "VerifyOrExit(!info.attestationElementsBuffer.empty() && !info.attestationChallengeBuffer.empty() && !info.attestationSignatureBuffer.empty() && !info.dacDerBuffer.empty() && !info.attestationNonceBuffer.empty(), attestationError = AttestationVerificationResult::kInvalidArgument);", "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp VerifyAttestationInformation"},
	{CheckResponseLength, matterext.InvalidArgument, "the attestation elements are at most 900 bytes", "AttestationElements field size should not be greater than RESP_MAX(900 bytes)", "connectedhomeip src/python_testing/TC_DA_1_2.py TestStep 5.1; SDK: connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp `// As per specifications section 11.22.5.1. Constant RESP_MAX` kMaxResponseLength = 900"},
	{CheckDACPresent, matterext.InvalidArgument, "a DAC is given", "VerifyOrExit(!info.attestationElementsBuffer.empty() && !info.attestationChallengeBuffer.empty() && !info.attestationSignatureBuffer.empty() && !info.paiDerBuffer.empty() && !info.dacDerBuffer.empty() && ...", "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp VerifyAttestationInformation (first check; code condition)"},
	{CheckPAIPresent, matterext.PaiMissing, "a PAI is given", "// Ensure PAI is present VerifyOrExit(!info.paiDerBuffer.empty(), attestationError = AttestationVerificationResult::kPaiMissing);", "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp VerifyAttestationInformation"},
	{CheckDACVendorID, matterext.DacVendorIDMismatch, "the DAC VID equals the PAI VID", "The VendorID value found in the subject DN of the DAC SHALL match the VendorID value in the subject DN of the PAI certificate.", "Matter Core spec 1.5 §6.2.3.1 bullet 3 (p.374) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source); SDK: connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp `paiVidPid.mVendorId.HasValue() && paiVidPid.mVendorId == dacVidPid.mVendorId` → kDacVendorIdMismatch"},
	{CheckDACProductID, matterext.DacProductIDMismatch, "the DAC PID equals the PAI PID when the PAI has one", "if (paiVidPid.mProductId.HasValue()) { VerifyOrExit(paiVidPid.mProductId == dacVidPid.mProductId, attestationError = AttestationVerificationResult::kDacProductIdMismatch); }", "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp VerifyAttestationInformation; DCL paraphrase of §6.2.2.3 9a: zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) VerifyVidPidConsistency 'When the parent's subject carries a Matter PID, the child's subject SHALL carry the same Matter PID.'"},
	{CheckResponseSigFormat, matterext.AttestationSignatureInvalidFormat, "the attestation signature is at most 64 bytes (raw r‖s)", "// SetLength will fail if signature doesn't fit VerifyOrExit(deviceSignature.SetLength(info.attestationSignatureBuffer.size()) == CHIP_NO_ERROR, attestationError = AttestationVerificationResult::kAttestationSignatureInvalidFormat);", "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp VerifyAttestationInformation (P256ECDSASignature holds raw r||s, 64 bytes); TC_DA_1_2 '# signature is a struct of r and s - see 3.5.3'"},
	{CheckResponseSignature, matterext.AttestationSignatureInvalid, "the attestation signature verifies under the DAC key over attestation_elements ‖ attestation_challenge", "The Device Attestation Signature (attestation_signature) field from Attestation Response SHALL be validated: Success = Crypto_Verify( publicKey = Public key from DAC, message = Attestation Information TBS (attestation_tbs), signature = Device Attestation Signature (attestation_signature) )", "Matter Core spec 1.5 §6.2.3.1 bullet 5 (p.373-374) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source); harness: connectedhomeip src/python_testing/TC_DA_1_2.py TestStep 12"},
	{CheckPAINotTest, matterext.PaaNotFound, "in production, the PAI is not issued by an SDK test PAA", "Verify that the Authority Key Identifier is signed by a PAA in the DCL. (Ensure that it is not SDK’s test PAAs)", "connectedhomeip src/python_testing/TC_DA_1_7.py steps_one_dut step {DUT}.3 (plus FORBIDDEN_AKID denylist 'PAI AKID must not be in denylist')"},
	{CheckPAAFound, matterext.PaaNotFound, "a PAA whose SKID equals the PAI's AKID is in the trust store", "The PAA SHALL be validated for presence in the Commissioner's trusted root store, which SHOULD include at least the set of globally trusted PAA certificates present in the Distributed Compliance Ledger at the issuing timestamp (notBefore) of the DAC.", "Matter Core spec 1.5 §6.2.3.1 bullet 1 (p.373) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source); SDK lookup by PAI AKID: connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp GetProductAttestationAuthorityCert(paiAkid, ...) → kPaaNotFound"},
	{CheckPAIVendorID, matterext.PaiVendorIDMismatch, "the PAI VID equals the PAA VID when the PAA is VID-scoped", "If the PAA certificate contains a VendorID value in its subject DN, its value SHALL match the VendorID value in the subject DN of the PAI certificate.", "Matter Core spec 1.5 §6.2.3.1 bullet 4 (p.374) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source); SDK: connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp `if (paaVidPid.mVendorId.HasValue()) { VerifyOrExit(paaVidPid.mVendorId == paiVidPid.mVendorId, ... kPaiVendorIdMismatch); }`"},
	{CheckDACIssuerName, matterext.DacSignatureInvalid, "the DAC issuer is byte-for-byte the PAI subject", "Verify that the `dac_cert` `issuer field is byte-forbyte equivalent to the `pai_cert`subject field.", "connectedhomeip src/python_testing/TC_DA_1_7.py step {DUT}.4 (typos verbatim); spec table in the SPECQ document: 'DAC issuer matches PAI subject | Section 6.2.2.3, Point 6'"},
	{CheckPAIIssuerName, matterext.DacSignatureInvalid, "the PAI issuer is byte-for-byte the PAA subject", "Verify that the `pai_cert` issuer field is byte-forbyte equivalent to the `paa_cert` subject field.", "connectedhomeip src/python_testing/TC_DA_1_7.py step {DUT}.5 (assert 'PAI issuer does not match PAA subject')"},
	{CheckDACAuthorityKeyID, matterext.DacSignatureInvalid, "the DAC AKID equals the PAI SKID", "In conforming CA certificates, the value of the subject key identifier MUST be the value placed in the key identifier field of the authority key identifier extension (Section 4.2.1.1) of certificates issued by the subject of this certificate.", "RFC 5280 §4.2.1.2"},
	{CheckDACSignature, matterext.DacSignatureInvalid, "the DAC signature verifies under the PAI key", "The DAC certificate chain SHALL be validated using the Crypto_VerifyChainDER() function, taking into account the mandatory presence of the PAI and of the PAA.", "Matter Core spec 1.5 §6.2.3.1 bullet 2 (p.373) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source); SDK: connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificateChain(...) → MapError(chainValidationResult)"},
	{CheckPAISignature, matterext.DacSignatureInvalid, "the PAI signature verifies under the PAA key", "asserts.fail(\"DUT %d: Failed to verify PAI signature against PAA public key: %s\" % (dut_index, str(e)))", "connectedhomeip src/python_testing/TC_DA_1_7.py step {DUT}.3 (public_key.verify(signature=pai_cert.signature, data=pai_cert.tbs_certificate_bytes, ...))"},
	{CheckPAIValidity, matterext.DacSignatureInvalid, "the PAI was valid when the DAC was issued (DAC notBefore)", "Chain validation SHALL be performed with respect to the notBefore timestamp of the DAC to ensure that the DAC was valid when it was issued.", "Matter Core spec 1.5 §6.2.3.1 bullet 2b (p.373) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source)"},
	{CheckPAAValidity, matterext.DacSignatureInvalid, "the PAA was valid when the DAC was issued", "// Set time used in the X509 certificate chain validation to the notBefore time of the leaf certificate. // That way the X509_verify_cert() validates that intermediate and root certificates were // valid at the time of the leaf certificate generation.", "connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp ValidateCertificateChain"},
	{CheckPAAIsCA, matterext.DacSignatureInvalid, "the PAA is a CA with keyCertSign", "If the basic constraints extension is not present in a version 3 certificate, or the extension is present but the cA boolean is not asserted, then the certified public key MUST NOT be used to verify certificate signatures.", "RFC 5280 §4.2.1.9 (keyCertSign: §4.2.1.3 'If the keyUsage extension is present, then the subject public key MUST NOT be used to verify signatures on certificates or CRLs unless the corresponding keyCertSign or cRLSign bit is set.')"},
	{CheckPathLength, matterext.DacSignatureInvalid, "the PAA's pathLenConstraint allows the PAI", "It is especially important to ensure the entire chain has a length of exactly 3 elements (PAA certificate, PAI certificate, Device Attestation Certificate) and that the necessary format policies previously exposed are validated, to avoid unauthorized path chaining", "Matter Core spec 1.5 §6.2.3.1 bullet 2 (p.373) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source) (sentence continues '(e.g., through multiple PAI certificates).')"},
	{CheckResponseElements, matterext.AttestationElementsMalformed, "the attestation elements decode (CD, nonce, timestamp, firmware information, vendor-reserved elements)", "VerifyOrExit(DeconstructAttestationElements(info.attestationElementsBuffer, certificationDeclarationSpan, attestationNonceSpan, timestampDeconstructed, firmwareInfoSpan, vendorReserved) == CHIP_NO_ERROR, attestationError = AttestationVerificationResult::kAttestationElementsMalformed);", "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp VerifyAttestationInformation"},
	{CheckResponseNonce, matterext.AttestationNonceMismatch, "the nonce in the attestation elements is the nonce sent", "The AttestationNonce in Device Attestation elements SHALL match the Commissioner's provided AttestationNonce.", "Matter Core spec 1.5 §6.2.3.1 (p.374) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source); SDK: connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp `// Verify that Nonce matches with what we sent` → kAttestationNonceMismatch"},
	{CheckResponseCDPresent, matterext.CertificationDeclarationNoKeyID, "the CD in the attestation elements is a CMS SignedData", "certification_declaration is present and is an octet string representation CMS-format certification declaration, as described in section 6.3.1", "connectedhomeip src/python_testing/TC_DA_1_2.py TestStep 5.2; SDK: connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificationDeclarationSignature `CMS_ExtractKeyId(cmsEnvelopeBuffer, kid) == CHIP_NO_ERROR` → kCertificationDeclarationNoKeyId"},
	{CheckCDSignerKnown, matterext.CertificationDeclarationNoCertFound, "the CD's key ID names a trusted CD signing key (the test key only when allowed)", "For official CDs the signer must be one of the well-known CSA CD signing keys.", "connectedhomeip src/python_testing/TC_DA_1_2.py TestStep 9; SDK: connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp `// Disallow test key if support not enabled` / LookupVerifyingKey → kCertificationDeclarationNoCertificateFound"},
	{CheckCDSignature, matterext.CertificationDeclarationInvalidSignature, "the CD signature verifies under that key", "Verify that the certification_declaration CMS enveloped can be verified with Certification Declaration public key.", "connectedhomeip src/python_testing/TC_DA_1_2.py TestStep 9; SDK: connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp `VerifyOrReturnError(CMS_Verify(cmsEnvelopeBuffer, verifyingKey, certDeclBuffer) == CHIP_NO_ERROR, AttestationVerificationResult::kCertificationDeclarationInvalidSignature);`"},
	{CheckCDTestKeyType, matterext.CertificationDeclarationNoCertFound, "a CD signed with the test key is of certification type 0 or 1 (SDK 1.6 and later)", "// Ensure we didn't use a test key for official or provisional certificates (if disallowed)", "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificationDeclarationSignature (testKeyAllowedForCertificationType: kDevelopmentAndTest, or kProvisional && kEnableCdTestKeysForProvisionalCds)"},
	{CheckCDVendorDevice, matterext.CertificationDeclarationInvalidVendorID, "the CD vendor_id equals the device's VID", "The vendor_id field in the Certification Declaration SHALL match the VendorID attribute found in the Basic Information cluster", "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificateDeclarationPayload (same sentence quoted as spec §6.2.3.1 in the SPECQ document)"},
	{CheckCDProductDevice, matterext.CertificationDeclarationInvalidProductID, "the device's PID is in the CD product_id_array", "The product_id_array field in the Certification Declaration SHALL contain the value of the ProductID attribute found in the Basic Information cluster.", "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificateDeclarationPayload"},
	{CheckCDOriginVendor, matterext.CertificationDeclarationInvalidVendorID, "with dac_origin fields: the DAC and PAI VIDs equal dac_origin_vendor_id", "The Vendor ID (VID) subject DN in the DAC SHALL match the dac_origin_vendor_id field in the Certification Declaration.", "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificateDeclarationPayload (next comment: same for the PAI)"},
	{CheckCDOriginProduct, matterext.CertificationDeclarationInvalidProductID, "with dac_origin fields: the DAC and PAI PIDs equal dac_origin_product_id", "The Product ID (PID) subject DN in the DAC SHALL match the dac_origin_product_id field in the Certification Declaration.", "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificateDeclarationPayload (next: 'The Product ID (PID) subject DN in the PAI, if such a Product ID is present, SHALL match the dac_origin_product_id field')"},
	{CheckCDVendorDAC, matterext.CertificationDeclarationInvalidVendorID, "without dac_origin fields: the DAC and PAI VIDs equal vendor_id", "The Vendor ID (VID) subject DN in the DAC SHALL match the vendor_id field in the Certification Declaration", "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificateDeclarationPayload (next: 'The Vendor ID (VID) subject DN in the PAI SHALL match the vendor_id field in the Certification Declaration.')"},
	{CheckCDProductDAC, matterext.CertificationDeclarationInvalidProductID, "without dac_origin fields: the DAC and PAI PIDs are in product_id_array", "The Product ID (PID) subject DN in the DAC SHALL be present in the product_id_array field in the Certification Declaration.", "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificateDeclarationPayload (next: PAI PID 'if such a Product ID is present, SHALL match one of the values present in the product_id_array')"},
	{CheckCDAuthorizedPAA, matterext.CertificationDeclarationInvalidPAA, "the PAA's SKID is in the CD authorized_paa_list when it has one", "The Subject Key Id of the PAA SHALL match one of the values present in the authorized_paa_list in the Certification Declaration.", "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificateDeclarationPayload → kCertificationDeclarationInvalidPAA"},
	{CheckNotRevoked, matterext.PaiAndDacRevoked, "the DAC and the PAI are not both revoked", "Chain validation SHALL include revocation checks of the DAC and PAI, based on the Commissioner's best understanding of revoked entities.", "Matter Core spec 1.5 §6.2.3.1 bullet 2c (p.373) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source); SDK: connectedhomeip src/credentials/attestation_verifier/TestDACRevocationDelegateImpl.cpp (read at shubhamdp/connectedhomeip afd7f499) kDacRevoked + PAI revoked → kPaiAndDacRevoked"},
	{CheckDACNotRevoked, matterext.DacRevoked, "the DAC is not in the revocation set or a given CRL", "During the device attestation procedure, a Commissioner SHALL use a revocation set it maintains to determine whether the PAI and DAC certificates are revoked", "Matter Core spec 1.5 §6.2.4.2 (p.378) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source) (sentence continues with the unavailable-set exception); SDK: connectedhomeip src/credentials/attestation_verifier/TestDACRevocationDelegateImpl.cpp (read at shubhamdp/connectedhomeip afd7f499) `// 4.c check if serial number is revoked` → kDacRevoked"},
	{CheckPAINotRevoked, matterext.PaiRevoked, "the PAI is not in the revocation set or a given CRL", "// 6.2.4.2. Determining Revocation Status of an Entity ... // 4.c check if serial number is revoked", "connectedhomeip src/credentials/attestation_verifier/TestDACRevocationDelegateImpl.cpp (read at shubhamdp/connectedhomeip afd7f499) IsEntryInRevocationSet (matched on issuer_name and issuer_subject_key_id = AKID) → kPaiRevoked"},
	{CheckSDKCrash, matterext.Success, "OpenSSL-based commissioners before SDK 1.5 do not crash on the PAI or DAC (a SKID/AKID OpenSSL cannot decode)", "const ASN1_OCTET_STRING * pSKID = X509_get0_subject_key_id(x509Cert); VerifyOrExit(pSKID != nullptr && pSKID->length == kSubjectKeyIdentifierLength, err = CHIP_ERROR_INTERNAL);", "connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5) (current code with the NULL check; matterlint verify/release.go attributes the NULL checks to PR #40566, SDK 1.5); no normative text — implementation defect"},
	{CheckCRLSigner, matterext.Success, "a CRL's AKID is its signer's SKID, its issuer the signer's subject, and its signature verifies under the signer's key (crl --signer; revocation-set)",
		"Validate the signature on the complete CRL using the public key validated in step (f).", "RFC 5280 §6.3.3 (g) (from memory); matterlint adds the AKID = SKID and issuer = subject comparisons of generate_revocation_set.py step 6a"},
	{CheckDeviceVendorID, matterext.Success, "the DAC VID equals the device's VID (informational without a CD)", "The vendor_id field in the Certification Declaration SHALL match the VendorID attribute found in the Basic Information cluster", "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificateDeclarationPayload — only transitive (device VID = CD vendor_id = DAC VID); no direct DAC-vs-Basic-Information rule found"},
	{CheckDeviceProductID, matterext.Success, "the DAC PID equals the device's PID (informational without a CD)", "The product_id_array field in the Certification Declaration SHALL contain the value of the ProductID attribute found in the Basic Information cluster.", "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificateDeclarationPayload — only transitive via the CD; no direct DAC-PID-vs-device rule found"},
}

var defaultRegistry = sync.OnceValue(lint.Default)

// defaultFormatRegistry is the registry of a Verifier's format checks when
// Options.Lint is nil: every rule but the DCL's (profile spec-strict). The
// DCL's rules judge a ledger submission on Go's crypto/x509 parse, a second
// parse of every DAC that no commissioner does; `matterlint dcl check` and
// lint --profile dcl run them.
var defaultFormatRegistry = sync.OnceValue(func() *lint.Registry {
	reg, err := lint.Default().Select("spec-strict", nil, nil)
	if err != nil {
		panic("verify: " + err.Error()) // the profile is built in; the tests run this
	}
	return reg
})

// Checks returns the verify checks, in the SDK's order.
func Checks() []CheckInfo { return append([]CheckInfo(nil), checks[:]...) }

// CheckMetadata describes a verify check in the shape of a lint rule's
// metadata, for writers that list checks and rules alike; nil when name is
// not a check. Its severity is error: a failing check fails attestation.
func CheckMetadata(name string) *lint.Metadata {
	for _, c := range checks {
		if c.Name == name {
			cite := "matter-pki-rules.md §4-6"
			if c.Code != matterext.Success {
				cite += " (SDK " + c.Code.String() + ")"
			}
			return &lint.Metadata{LintMetadata: zlint.LintMetadata{Name: c.Name, Description: c.Description, Citation: cite, Source: lint.SourceMatter},
				Quote: c.Quote, QuoteSource: c.QuoteSource, Level: lint.Error}
		}
	}
	return nil
}
