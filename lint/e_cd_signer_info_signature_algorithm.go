package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_signer_info_signature_algorithm",
				"The CD SignerInfo signatureAlgorithm must be ecdsa-with-SHA256",
				citeCMS+" (DecodeSignerInfo → kCertificationDeclarationNoKeyId); SDK vector struct_cd_cms_sig_algo_ecdsa_with_sha1", SourceMatter),
			SDK: SDKCDKeyID,
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if si := signerInfo(cd); si != nil && !si.SignatureAlgorithm.OID.Equal(matterext.OIDECDSAWithSHA256) {
				r.Add(siLoc+".signatureAlgorithm", algName(si.SignatureAlgorithm.OID), "ecdsa-with-SHA256", "SignerInfo signature algorithm is "+algName(si.SignatureAlgorithm.OID)+"; expected ecdsa-with-SHA256")
			}
		},
	})
}
