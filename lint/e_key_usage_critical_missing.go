package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_key_usage_critical_missing",
				"The keyUsage extension must be marked critical",
				citeFormat+"; "+citeCRLSigner, SourceMatter),
			Roles: rolesAll, SDK: SDKFormat,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ku := ctx.Cert.KeyUsage; ku != nil && !ku.Ext.Critical {
				r.Add("tbsCertificate.extensions[keyUsage].critical", "false", "true", "keyUsage is not marked critical")
			}
		},
	})
}
