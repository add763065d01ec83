package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_signer_info_digest_algorithm_not_sha256",
				"The CD SignerInfo digestAlgorithm must be sha256",
				citeCMS+" (DecodeSignerInfo → kCertificationDeclarationNoKeyId); SDK vector struct_cd_signer_info_digest_algo_sha1", SourceMatter),
			SDK: SDKCDKeyID,
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if si := signerInfo(cd); si != nil && !si.DigestAlgorithm.OID.Equal(matterext.OIDSHA256) {
				r.Add(siLoc+".digestAlgorithm", algName(si.DigestAlgorithm.OID), "sha256", "SignerInfo digest algorithm is "+algName(si.DigestAlgorithm.OID)+"; expected sha256")
			}
		},
	})
}
