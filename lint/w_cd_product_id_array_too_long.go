package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_cd_product_id_array_too_long",
				"The CD product_id_array should hold at most 100 entries (the SDK's full decoder and its size estimate stop there)",
				citeCDDecode+" (full decoder, kMaxCMSSignedCDMessage); "+citeTCDA12, SourceTestHarness),
			SDK:         SDKNotChecked,
			Quote:       "VerifyOrReturnError(certElements.ProductIdsCount < kMaxProductIdsCount, CHIP_ERROR_INVALID_ARGUMENT);",
			QuoteSource: "connectedhomeip src/credentials/CertificationDeclaration.cpp DecodeCertificationElements (full decoder); CertificationDeclaration.h kMaxProductIdsCount = 100",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if f := cdField(cd, matterext.CDTagProductIDs); f != nil && len(f.Uints) > 100 {
				r.Add(cdFieldLoc(f), itoa(int64(len(f.Uints)))+" entries", "at most 100", "product_id_array has "+itoa(int64(len(f.Uints)))+" entries")
			}
		},
	})
}
