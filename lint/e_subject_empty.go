package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_subject_empty",
				"The subject DN must not be empty",
				"RFC 5280 §4.1.2.6; "+citeFormat+" (OpenSSL requires a subject)", SourceMatter),
			Roles: rolesAll, SDK: SDKFormat,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if s := &ctx.Cert.Subject; s.Present && s.Err == "" && len(s.Attributes) == 0 {
				r.Add("tbsCertificate.subject", "empty", "a non-empty name", "subject is an empty name")
			}
		},
	})
}
