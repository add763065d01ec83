package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_ca_basic_constraints_not_ca",
				"A PAA's or PAI's basicConstraints must have cA TRUE",
				citePAA+"; "+citePAI, SourceMatter),
			Roles: rolesCA, SDK: SDKFormat,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if bc := basicConstraints(ctx.Cert); bc != nil && !bc.CA {
				r.Add(bcLoc+".cA", "FALSE", "TRUE", ctx.Role.String()+" basicConstraints has cA FALSE; it must be TRUE")
			}
		},
	})
}
