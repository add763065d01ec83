package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_extensions_empty",
				"When the extensions field is present it must hold at least one extension",
				"RFC 5280 §4.1.2.9", SourceRFC5280),
			Roles: rolesAny, SDK: SDKFormat,
			Quote:       "If present, this field is a SEQUENCE of one or more certificate extensions.",
			QuoteSource: "RFC 5280 §4.1.2.9 (Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension, §4.1)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			c := ctx.Cert
			if c.ExtensionsPresent && len(c.Extensions) == 0 && len(c.Errors) == 0 {
				r.Add("tbsCertificate.extensions", "empty SEQUENCE", "at least one extension", "extensions field is present but empty")
			}
		},
	})
}
