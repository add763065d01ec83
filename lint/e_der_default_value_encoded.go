package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_der_default_value_encoded",
				"A field equal to its DEFAULT (critical FALSE, basicConstraints cA FALSE) must be omitted from the DER encoding",
				"X.690 §11.5; RFC 5280 §4.1, §4.2.1.9", SourceRFC5280),
			Roles: rolesAny, SDK: SDKNotChecked,
			Note:        "OpenSSL and the SDK accept the explicit FALSE; Go crypto/x509 (the DCL) and strict DER parsers reject it.",
			Quote:       "The encoding of a set value or sequence value shall not include an encoding for any component value which is equal to its default value.",
			QuoteSource: "ITU-T X.690 §11.5 (02/2021), as quoted in x509anvil @Specification annotations and a public pkinative clause table (search-index file id 71081021689)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			for i := range ctx.Cert.Extensions {
				if e := &ctx.Cert.Extensions[i]; e.CriticalEncoded && !e.Critical {
					r.Add(e.Path()+".critical", "FALSE encoded", "omitted", e.OID.Name()+" encodes critical FALSE explicitly; DER requires the DEFAULT to be omitted")
				}
			}
			if bc := ctx.Cert.BasicConstraints; bc != nil && bc.CAEncoded && !bc.CA {
				r.Add(bcLoc+".cA", "FALSE encoded", "omitted", "basicConstraints encodes cA FALSE explicitly; DER requires the DEFAULT to be omitted")
			}
		},
	})
}
