package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_cms_digest_algorithm_not_sha256",
				"The CD SignedData digestAlgorithms must be { sha256 }",
				citeCMS, SourceMatter),
			SDK:         SDKCDSignature,
			Quote:       "asserts.assert_equal(algo_id['algorithm'], id_sha256, \"Reported digest algorithm is not SHA256\")",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_2.py step 5.2 (SignedData digestAlgorithms[0]); SDK: connectedhomeip src/credentials/CertificationDeclaration.cpp CMS_Verify `// digestAlgorithm OBJECT IDENTIFIER sha256 (2.16.840.1.101.3.4.2.1)`",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			algs := cd.CMS.DigestAlgorithms
			if len(algs) == 0 {
				r.Add("SignedData.digestAlgorithms", "empty", "{ sha256 }", "digestAlgorithms is empty; expected sha256")
			}
			for _, a := range algs {
				if !a.OID.Equal(matterext.OIDSHA256) {
					r.Add("SignedData.digestAlgorithms", algName(a.OID), "sha256", "digest algorithm is "+algName(a.OID)+"; expected sha256")
				}
			}
		},
	})
}
