package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_ca_key_usage_crl_sign_missing",
				"A PAA's or PAI's keyUsage must assert cRLSign",
				citePAA+"; "+citePAI, SourceMatter),
			Roles: rolesCA, SDK: SDKFormat,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ku := keyUsage(ctx.Cert); ku != nil && ku.Bits&matterext.KUCRLSign == 0 {
				r.Add(kuLoc, matterext.KeyUsageString(ku.Bits), "keyCertSign|cRLSign", ctx.Role.String()+" keyUsage is "+matterext.KeyUsageString(ku.Bits)+"; cRLSign is missing")
			}
		},
	})
}
