package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_cd_cms_not_single",
				"A CD has exactly one digestAlgorithm and exactly one SignerInfo",
				citeTCDA12+"; matter-pki-rules.md §5.1", SourceTestHarness),
			SDK:         SDKNotChecked,
			Note:        "The SDK reads the first SignerInfo and ignores the others.",
			Quote:       "# There should be only one signer info asserts.assert_equal(len(signed_data['signerInfos']), 1, \"Too many signer infos provided\")",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_2.py step 5.2 (also `asserts.assert_equal(len(signed_data['digestAlgorithms']), 1, \"More than one digest algorithm listed\")`)",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			sd := cd.CMS
			if n := len(sd.DigestAlgorithms); n > 1 {
				r.Add("SignedData.digestAlgorithms", itoa(int64(n))+" entries", "1", "digestAlgorithms has "+itoa(int64(n))+" entries")
			}
			if n := len(sd.SignerInfos); n > 1 {
				r.Add("SignedData.signerInfos", itoa(int64(n))+" entries", "1", "signerInfos has "+itoa(int64(n))+" entries")
			}
		},
	})
}
