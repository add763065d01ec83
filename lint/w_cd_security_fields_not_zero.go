package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_cd_security_fields_not_zero",
				"The CD security_level and security_information must be 0 (devices are tested for it; commissioners ignore them)",
				citeTCDA12+"; Matter spec §6.3.1 as quoted by TestCommissionerDUTVectors.cpp; SDK vectors struct_cd_security_level_wrong, struct_cd_security_info_wrong", SourceTestHarness),
			SDK:         SDKNotChecked,
			Note:        "Commissioners SHALL ignore these fields, so the SDK accepts non-zero values; the device certification test fails them.",
			Quote:       "TestStep(\"6.6\", \"Verify CD security level\", \"security level = 0\"), TestStep(\"6.7\", \"Verify CD security_information\", \"security_information = 0\")",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_2.py; commissioner side: connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificateDeclarationPayload '// security_level, security_information are meant to be ignored.' (spec 6.3.1 per TestCommissionerDUTVectors.cpp)",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			for _, tag := range []uint8{matterext.CDTagSecurityLevel, matterext.CDTagSecurityInformation} {
				if f := cdField(cd, tag); f != nil && f.Uint != 0 {
					r.Add(cdFieldLoc(f), itoa(int64(f.Uint)), "0", f.Spec.Name+" is "+itoa(int64(f.Uint))+"; expected 0")
				}
			}
		},
	})
}
