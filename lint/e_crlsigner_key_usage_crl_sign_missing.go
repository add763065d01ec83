package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crlsigner_key_usage_crl_sign_missing",
				"A delegated CRL signer's keyUsage must assert cRLSign",
				citeCRLSigner, SourceDCL),
			Roles: matterext.RoleCRLSigner, SDK: SDKNotChecked,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ku := keyUsage(ctx.Cert); ku != nil && ku.Bits&matterext.KUCRLSign == 0 {
				r.Add(kuLoc, matterext.KeyUsageString(ku.Bits), "cRLSign", "CRL signer keyUsage is "+matterext.KeyUsageString(ku.Bits)+"; cRLSign is missing")
			}
		},
	})
}
