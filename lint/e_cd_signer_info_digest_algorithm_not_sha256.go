package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_signer_info_digest_algorithm_not_sha256",
				"The CD SignerInfo digestAlgorithm must be sha256",
				citeCMS+" (DecodeSignerInfo → kCertificationDeclarationNoKeyId); SDK vector struct_cd_signer_info_digest_algo_sha1", SourceMatter),
			SDK:         SDKCDKeyID,
			Quote:       "# digest algorithm is sha256, only one allowed ... asserts.assert_equal(algo_id['algorithm'], id_sha256, \"Incorrect digest algorithm for the signer info\")",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_2.py step 5.2; SDK: connectedhomeip src/credentials/CertificationDeclaration.cpp DecodeSignerInfo `// digestAlgorithm OBJECT IDENTIFIER sha256 (2.16.840.1.101.3.4.2.1)`",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if si := signerInfo(cd); si != nil && !si.DigestAlgorithm.OID.Equal(matterext.OIDSHA256) {
				r.Add(siLoc+".digestAlgorithm", algName(si.DigestAlgorithm.OID), "sha256", "SignerInfo digest algorithm is "+algName(si.DigestAlgorithm.OID)+"; expected sha256")
			}
		},
	})
}
