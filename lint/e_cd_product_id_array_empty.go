package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_product_id_array_empty",
				"The CD product_id_array must list at least one product ID",
				citeCDDecode+" (full decoder: 1..100 entries); "+citeCDPay+" step 4; SDK vector struct_cd_pid_array_count0", SourceMatter),
			SDK:         SDKCDProductID,
			Note:        "The commissioner's light decoder accepts an empty array; the PID check then fails with kCertificationDeclarationInvalidProductId.",
			Quote:       "The product_id_array field in the Certification Declaration SHALL contain the value of the ProductID attribute found in the Basic Information cluster.",
			QuoteSource: "connectedhomeip src/credentials/attestation_verifier/DefaultDeviceAttestationVerifier.cpp ValidateCertificateDeclarationPayload (an empty array contains nothing → kCertificationDeclarationInvalidProductId); encoder: connectedhomeip src/credentials/CertificationDeclaration.cpp `VerifyOrReturnError(certElements.ProductIdsCount > 0, CHIP_ERROR_INVALID_ARGUMENT);`",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if f := cdField(cd, matterext.CDTagProductIDs); f != nil && len(f.Uints) == 0 {
				r.Add(cdFieldLoc(f), "0 entries", "1 to 100 entries", "product_id_array is empty, so no product can match it")
			}
		},
	})
}
