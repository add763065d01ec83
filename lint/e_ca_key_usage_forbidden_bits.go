package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_ca_key_usage_forbidden_bits",
				"A PAA's or PAI's keyUsage may assert only keyCertSign, cRLSign and (optionally) digitalSignature",
				citePAA+"; "+citePAI, SourceMatter),
			Roles: rolesCA, SDK: SDKFormat,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			const allowed = matterext.KUKeyCertSign | matterext.KUCRLSign | matterext.KUDigitalSignature
			if ku := keyUsage(ctx.Cert); ku != nil && ku.Bits&^allowed != 0 {
				extra := matterext.KeyUsageString(ku.Bits &^ allowed)
				r.Add(kuLoc, matterext.KeyUsageString(ku.Bits), "keyCertSign|cRLSign[|digitalSignature]", ctx.Role.String()+" keyUsage asserts "+extra+", which a CA certificate must not")
			}
		},
	})
}
