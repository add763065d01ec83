package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_format_version_not_1",
				"The CD format_version must be 1",
				citeCDPay+" step 2 (→ kAttestationElementsMalformed); SDK vector struct_cd_format_version_2", SourceMatter),
			SDK:         SDKCDElements,
			Note:        "SDK 1.2 and later reject it (PR #28789); 1.0 and 1.1 accept it.",
			Quote:       "// Verify the cd elements are as required by the spec ... if (cdContent.formatVersion != 1 || cdContent.certificationType >= chip::to_underlying(CertificationType::kReserved)) { return AttestationVerificationResult::kAttestationElementsMalformed; }",
			QuoteSource: "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificateDeclarationPayload (… elides the security_level comment line); harness: connectedhomeip src/python_testing/TC_DA_1_2.py TestStep 6.1 'format_version = 1'",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if f := cdField(cd, matterext.CDTagFormatVersion); f != nil && f.Uint != 1 {
				r.Add(cdFieldLoc(f), itoa(int64(f.Uint)), "1", "format_version is "+itoa(int64(f.Uint))+"; expected 1")
			}
		},
	})
}
