package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_validity_period_negative",
				"notAfter must not be before notBefore",
				"RFC 5280 §4.1.2.5", SourceRFC5280),
			Roles: rolesAny, SDK: SDKChain,
			Quote:       "The validity period for a certificate is the period of time from notBefore through notAfter, inclusive.",
			QuoteSource: "RFC 5280 §4.1.2.5 (definition, no explicit MUST)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			nb, na := &ctx.Cert.NotBefore, &ctx.Cert.NotAfter
			if nb.Err == nil && na.Err == nil && nb.Present && na.Present && na.T.Before(nb.T) {
				r.Add("tbsCertificate.validity", string(nb.Raw)+" .. "+string(na.Raw), "notBefore ≤ notAfter", "notAfter ("+string(na.Raw)+") is before notBefore ("+string(nb.Raw)+")")
			}
		},
	})
}
