package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_issuer_empty",
				"The issuer DN must not be empty",
				"RFC 5280 §4.1.2.4; "+citeFormat+" (OpenSSL requires an issuer)", SourceMatter),
			Roles: rolesAny, SDK: SDKFormat,
			Quote:       "The issuer field MUST contain a non-empty distinguished name (DN).",
			QuoteSource: "RFC 5280 §4.1.2.4",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if s := &ctx.Cert.Issuer; s.Present && s.Err == nil && len(s.Attributes) == 0 {
				r.Add("tbsCertificate.issuer", "empty", "a non-empty name", "issuer is an empty name")
			}
		},
	})
}
