package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&Rule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cd_format_version_not_1",
				"The CD format_version must be 1",
				citeCDPay+" step 2 (→ kAttestationElementsMalformed); SDK vector struct_cd_format_version_2", SourceMatter),
			Roles: matterext.RoleCD, SDK: SDKCDElements,
			Note: "SDK 1.2 and later reject it (PR #28789); 1.0 and 1.1 accept it.",
		},
		Check: func(ctx *Context, r *Reporter) {
			if f := cdField(ctx, matterext.CDTagFormatVersion); f != nil && f.Uint != 1 {
				r.Add(cdFieldLoc(f), itoa(int64(f.Uint)), "1", "format_version is "+itoa(int64(f.Uint))+"; expected 1")
			}
		},
	})
}
