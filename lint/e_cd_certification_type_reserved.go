package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_certification_type_reserved",
				"The CD certification_type must be 0 (development and test), 1 (provisional) or 2 (official); 3 and above are reserved",
				citeCDPay+" step 2 (→ kAttestationElementsMalformed); SDK vector struct_cd_cert_type_wrong", SourceMatter),
			SDK:         SDKCDElements,
			Note:        "SDK 1.2 and later reject it (PR #28789); 1.0 and 1.1 accept it. From SDK 1.6 a test-key CD of a reserved type fails earlier, with kCertificationDeclarationNoCertificateFound (601).",
			Quote:       "certification_type has a value between 0..2",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_2.py TestStep 6.9 'Verify CD certification_type'; SDK: connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificateDeclarationPayload `cdContent.certificationType >= chip::to_underlying(CertificationType::kReserved)` → kAttestationElementsMalformed",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if f := cdField(cd, matterext.CDTagCertificationType); f != nil && f.Uint >= 3 {
				r.Add(cdFieldLoc(f), itoa(int64(f.Uint)), "0, 1 or 2", "certification_type "+itoa(int64(f.Uint))+" is reserved")
			}
		},
	})
}
