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
}

// Checks lists the relational checks, in the SDK's order.
var Checks = []CheckInfo{
	{CheckResponseArguments, matterext.InvalidArgument, "with an attestation response: the elements, challenge, signature and nonce are not empty"},
	{CheckResponseLength, matterext.InvalidArgument, "the attestation elements are at most 900 bytes"},
	{CheckPAIPresent, matterext.PaiMissing, "a PAI is given"},
	{CheckDACVendorID, matterext.DacVendorIDMismatch, "the DAC VID equals the PAI VID"},
	{CheckDACProductID, matterext.DacProductIDMismatch, "the DAC PID equals the PAI PID when the PAI has one"},
	{CheckResponseSigFormat, matterext.AttestationSignatureInvalidFormat, "the attestation signature is at most 64 bytes (raw r‖s)"},
	{CheckResponseSignature, matterext.AttestationSignatureInvalid, "the attestation signature verifies under the DAC key over attestation_elements ‖ attestation_challenge"},
	{CheckPAINotTest, matterext.PaaNotFound, "in production, the PAI is not issued by an SDK test PAA"},
	{CheckPAAFound, matterext.PaaNotFound, "a PAA whose SKID equals the PAI's AKID is in the trust store"},
	{CheckPAIVendorID, matterext.PaiVendorIDMismatch, "the PAI VID equals the PAA VID when the PAA is VID-scoped"},
	{CheckDACIssuerName, matterext.DacSignatureInvalid, "the DAC issuer is byte-for-byte the PAI subject"},
	{CheckPAIIssuerName, matterext.DacSignatureInvalid, "the PAI issuer is byte-for-byte the PAA subject"},
	{CheckDACAuthorityKeyID, matterext.DacSignatureInvalid, "the DAC AKID equals the PAI SKID"},
	{CheckDACSignature, matterext.DacSignatureInvalid, "the DAC signature verifies under the PAI key"},
	{CheckPAISignature, matterext.DacSignatureInvalid, "the PAI signature verifies under the PAA key"},
	{CheckPAIValidity, matterext.DacSignatureInvalid, "the PAI was valid when the DAC was issued (DAC notBefore)"},
	{CheckPAAValidity, matterext.DacSignatureInvalid, "the PAA was valid when the DAC was issued"},
	{CheckPAAIsCA, matterext.DacSignatureInvalid, "the PAA is a CA with keyCertSign"},
	{CheckPathLength, matterext.DacSignatureInvalid, "the PAA's pathLenConstraint allows the PAI"},
	{CheckResponseElements, matterext.AttestationElementsMalformed, "the attestation elements decode (CD, nonce, timestamp, firmware information, vendor-reserved elements)"},
	{CheckResponseNonce, matterext.AttestationNonceMismatch, "the nonce in the attestation elements is the nonce sent"},
	{CheckResponseCDPresent, matterext.CertificationDeclarationNoKeyID, "the CD in the attestation elements is a CMS SignedData"},
	{CheckCDSignerKnown, matterext.CertificationDeclarationNoCertFound, "the CD's key ID names a trusted CD signing key (the test key only when allowed)"},
	{CheckCDSignature, matterext.CertificationDeclarationInvalidSignature, "the CD signature verifies under that key"},
	{CheckCDTestKeyType, matterext.CertificationDeclarationNoCertFound, "a CD signed with the test key is of certification type 0 or 1 (SDK 1.6 and later)"},
	{CheckCDVendorDevice, matterext.CertificationDeclarationInvalidVendorID, "the CD vendor_id equals the device's VID"},
	{CheckCDProductDevice, matterext.CertificationDeclarationInvalidProductID, "the device's PID is in the CD product_id_array"},
	{CheckCDOriginVendor, matterext.CertificationDeclarationInvalidVendorID, "with dac_origin fields: the DAC and PAI VIDs equal dac_origin_vendor_id"},
	{CheckCDOriginProduct, matterext.CertificationDeclarationInvalidProductID, "with dac_origin fields: the DAC and PAI PIDs equal dac_origin_product_id"},
	{CheckCDVendorDAC, matterext.CertificationDeclarationInvalidVendorID, "without dac_origin fields: the DAC and PAI VIDs equal vendor_id"},
	{CheckCDProductDAC, matterext.CertificationDeclarationInvalidProductID, "without dac_origin fields: the DAC and PAI PIDs are in product_id_array"},
	{CheckCDAuthorizedPAA, matterext.CertificationDeclarationInvalidPAA, "the PAA's SKID is in the CD authorized_paa_list when it has one"},
	{CheckNotRevoked, matterext.PaiAndDacRevoked, "the DAC and the PAI are not both revoked"},
	{CheckDACNotRevoked, matterext.DacRevoked, "the DAC is not in the revocation set or a given CRL"},
	{CheckPAINotRevoked, matterext.PaiRevoked, "the PAI is not in the revocation set or a given CRL"},
	{CheckSDKCrash, matterext.Success, "OpenSSL-based commissioners before SDK 1.5 do not crash on the PAI or DAC (a SKID/AKID OpenSSL cannot decode)"},
	{CheckCRLSigner, matterext.Success, "a CRL's AKID is its signer's SKID, its issuer the signer's subject, and its signature verifies under the signer's key (crl --signer; revocation-set)"},
	{CheckDeviceVendorID, matterext.Success, "the DAC VID equals the device's VID (informational without a CD)"},
	{CheckDeviceProductID, matterext.Success, "the DAC PID equals the device's PID (informational without a CD)"},
}

var defaultRegistry = sync.OnceValue(lint.Default)

// CheckMetadata describes a verify check in the shape of a lint rule's
// metadata, for writers that list checks and rules alike; nil when name is
// not a check. Its severity is error: a failing check fails attestation.
func CheckMetadata(name string) *lint.Metadata {
	for _, c := range Checks {
		if c.Name == name {
			cite := "matter-pki-rules.md §4-6"
			if c.Code != matterext.Success {
				cite += " (SDK " + c.Code.String() + ")"
			}
			return &lint.Metadata{LintMetadata: zlint.LintMetadata{Name: c.Name, Description: c.Description, Citation: cite, Source: lint.SourceMatter}, Level: lint.Error}
		}
	}
	return nil
}
