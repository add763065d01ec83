package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_signer_info_version_not_3",
				"The CD SignerInfo version must be 3 (subjectKeyIdentifier sid)",
				citeCMS+" (DecodeSignerInfo: a failure here is reported as kCertificationDeclarationNoKeyId)", SourceMatter),
			SDK:         SDKCDKeyID,
			Quote:       "# version should be 3 ... asserts.assert_equal(signer_info['version'], 3, \"Incorrect version on signer info\")",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_2.py step 5.2; SDK: connectedhomeip src/credentials/CertificationDeclaration.cpp DecodeSignerInfo `// Verify that the CMS version is v3`",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if si := signerInfo(cd); si != nil {
				if v, ok := si.Version.Int64(); !ok || v != 3 {
					r.Add(siLoc+".version", si.Version.String(), "3", "SignerInfo version is "+si.Version.String()+"; expected 3")
				}
			}
		},
	})
}
