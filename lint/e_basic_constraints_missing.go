package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_basic_constraints_missing",
				"PAA, PAI and DAC must carry a basicConstraints extension",
				citeFormat, SourceMatter),
			Roles: rolesAttestation, SDK: SDKFormat,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ctx.Cert.BasicConstraints == nil {
				r.Add("tbsCertificate.extensions", "absent", "basicConstraints", "basicConstraints extension is missing")
			}
		},
	})
}
