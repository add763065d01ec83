package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_signer_info_version_not_3",
				"The CD SignerInfo version must be 3 (subjectKeyIdentifier sid)",
				citeCMS+" (DecodeSignerInfo: a failure here is reported as kCertificationDeclarationNoKeyId)", SourceMatter),
			SDK: SDKCDKeyID,
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if si := signerInfo(cd); si != nil {
				if v, ok := si.Version.Int64(); !ok || v != 3 {
					r.Add(siLoc+".version", itoa(v), "3", "SignerInfo version is "+itoa(v)+"; expected 3")
				}
			}
		},
	})
}
