package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_cms_malformed",
				"The CD's CMS SignedData must decode completely, with one SignerInfo",
				"RFC 5652 §5; "+citeCMS, SourceMatter),
			SDK:         SDKCDKeyID,
			Quote:       "asserts.fail(\"Unable to decode CD - improperly encoded DER\")",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_2.py step 5.2 (pyasn1 DER decode of the CD); SDK equivalent: connectedhomeip src/credentials/CertificationDeclaration.cpp CMS_Verify ASN1_PARSE_* macros",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			for _, e := range cd.CMS.Errors {
				r.Add(e.Path, e.Msg, "a well-formed field", e.Path+": "+e.Msg)
			}
			if len(cd.CMS.SignerInfos) == 0 {
				r.Add("SignedData.signerInfos", "empty", "one SignerInfo", "the CD has no SignerInfo, so it has no key ID")
			}
		},
	})
}
