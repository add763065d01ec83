package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_cms_version_not_3",
				"The CD SignedData version must be 3",
				citeCMS, SourceMatter),
			SDK:         SDKCDSignature,
			Quote:       "// Verify that the CMS version is v3 VerifyOrExit(version == 3, err = ASN1_ERROR_UNSUPPORTED_ENCODING);",
			QuoteSource: "connectedhomeip src/credentials/CertificationDeclaration.cpp CMS_Verify (SignedData version); harness: connectedhomeip src/python_testing/TC_DA_1_2.py 'Signed data version is not 3'",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if v, ok := cd.CMS.Version.Int64(); !ok || v != 3 {
				r.Add("SignedData.version", cd.CMS.Version.String(), "3", "SignedData version is "+cd.CMS.Version.String()+"; expected 3")
			}
		},
	})
}
