package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_dac_basic_constraints_ca",
				"A DAC's basicConstraints must have cA FALSE (omitted)",
				citeDAC, SourceMatter),
			Roles: matterext.RoleDAC, SDK: SDKFormat,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if bc := basicConstraints(ctx.Cert); bc != nil && bc.CA {
				r.Add(bcLoc+".cA", "TRUE", "FALSE (omitted)", "DAC basicConstraints has cA TRUE; a DAC is an end-entity certificate")
			}
		},
	})
}
