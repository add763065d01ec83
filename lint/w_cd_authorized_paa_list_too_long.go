package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_cd_authorized_paa_list_too_long",
				"The CD authorized_paa_list should hold at most 10 entries (the SDK's full decoder stops there)",
				citeCDDecode+" (full decoder); "+citeTCDA12, SourceTestHarness),
			SDK:         SDKNotChecked,
			Quote:       "VerifyOrReturnError(certElements.AuthorizedPAAListCount < kMaxAuthorizedPAAListCount, CHIP_ERROR_INVALID_ARGUMENT);",
			QuoteSource: "connectedhomeip src/credentials/CertificationDeclaration.cpp DecodeCertificationElements (full decoder); connectedhomeip src/credentials/CertificationDeclaration.h kMaxAuthorizedPAAListCount = 10",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if f := cdField(cd, matterext.CDTagAuthorizedPAAList); f != nil && len(f.Blobs) > 10 {
				r.Add(cdFieldLoc(f), itoa(int64(len(f.Blobs)))+" entries", "at most 10", "authorized_paa_list has "+itoa(int64(len(f.Blobs)))+" entries")
			}
		},
	})
}
