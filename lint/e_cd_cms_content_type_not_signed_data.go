package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CDRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_cms_content_type_not_signed_data",
				"The CD ContentInfo contentType must be id-signedData (1.2.840.113549.1.7.2)",
				citeCMS, SourceMatter),
			SDK: SDKCDSignature,
		},
		Check: func(cd *matterext.CertificationDeclaration, r *Reporter) {
			if ct := cd.CMS.ContentType; !ct.Equal(matterext.OIDSignedData) {
				r.Add("ContentInfo.contentType", ct.String(), "1.2.840.113549.1.7.2", "contentType is "+ct.String()+"; expected id-signedData")
			}
		},
	})
}
