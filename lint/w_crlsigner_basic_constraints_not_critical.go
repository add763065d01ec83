package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("w_crlsigner_basic_constraints_not_critical",
				"A delegated CRL signer should carry a critical basicConstraints extension (cA FALSE), as the SDK's delegates do",
				citeCRLSigner+"; matter-pki-rules.md §8 item 13", SourceMatter),
			Roles: matterext.RoleCRLSigner, SDK: SDKNotChecked,
			Note: "The DCL checks cA FALSE but cannot see whether basicConstraints is present or critical.",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			bc := ctx.Cert.BasicConstraints
			switch {
			case bc == nil:
				r.Add("tbsCertificate.extensions", "absent", "critical basicConstraints", "CRL signer has no basicConstraints extension")
			case !bc.Ext.Critical:
				r.Add("tbsCertificate.extensions[basicConstraints].critical", "false", "true", "CRL signer basicConstraints is not critical")
			}
		},
	})
}
