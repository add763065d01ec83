package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&Rule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_cms_malformed",
				"The CD's CMS SignedData must decode completely, with one SignerInfo",
				"RFC 5652 §5; "+citeCMS, SourceMatter),
			Roles: matterext.RoleCD, SDK: SDKCDKeyID,
		},
		Check: func(ctx *Context, r *Reporter) {
			for _, e := range ctx.CD.CMS.Errors {
				r.Add(e.Path, e.Msg, "a well-formed field", e.Path+": "+e.Msg)
			}
			if len(ctx.CD.CMS.SignerInfos) == 0 {
				r.Add("SignedData.signerInfos", "empty", "one SignerInfo", "the CD has no SignerInfo, so it has no key ID")
			}
		},
	})
}
