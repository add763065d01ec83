package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_signer_info_signature_algorithm",
				"The CD SignerInfo signatureAlgorithm must be ecdsa-with-SHA256",
				citeCMS+" (DecodeSignerInfo → kCertificationDeclarationNoKeyId); SDK vector struct_cd_cms_sig_algo_ecdsa_with_sha1", SourceMatter),
			SDK:         SDKCDKeyID,
			Quote:       "# signature algorithm is ecdsa-with-sha256 ... asserts.assert_equal(algo_id['algorithm'], id_ecdsa_with_sha256, \"Incorrect signature algorithm\")",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_2.py step 5.2; SDK: connectedhomeip src/credentials/CertificationDeclaration.cpp DecodeSignerInfo `// signatureAlgorithm OBJECT IDENTIFIER ecdsa-with-SHA256 (1.2.840.10045.4.3.2)`",
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if si := signerInfo(cd); si != nil && !si.SignatureAlgorithm.OID.Equal(matterext.OIDECDSAWithSHA256) {
				r.Add(siLoc+".signatureAlgorithm", algName(si.SignatureAlgorithm.OID), "ecdsa-with-SHA256", "SignerInfo signature algorithm is "+algName(si.SignatureAlgorithm.OID)+"; expected ecdsa-with-SHA256")
			}
		},
	})
}
