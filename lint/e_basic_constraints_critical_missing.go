package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_basic_constraints_critical_missing",
				"The basicConstraints extension must be marked critical",
				citeFormat, SourceMatter),
			Roles: rolesAttestation, SDK: SDKFormat,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if bc := ctx.Cert.BasicConstraints; bc != nil && !bc.Ext.Critical {
				r.Add("tbsCertificate.extensions[basicConstraints].critical", "false", "true", "basicConstraints is not marked critical")
			}
		},
	})
}
