package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_crlsigner_basic_constraints_ca",
				"A delegated CRL signer must not be a CA (basicConstraints cA FALSE)",
				citeCRLSigner, SourceDCL),
			Roles: matterext.RoleCRLSigner, SDK: SDKNotChecked,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if bc := basicConstraints(ctx.Cert); bc != nil && bc.CA {
				r.Add(bcLoc+".cA", "TRUE", "FALSE", "CRL signer basicConstraints has cA TRUE; a delegated CRL signer is a leaf")
			}
		},
	})
}
