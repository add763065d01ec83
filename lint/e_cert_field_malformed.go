package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cert_field_malformed",
				"Every field of the certificate must be present and decode (serial, signature, issuer, validity, subject, subjectPublicKeyInfo, signatureAlgorithm, signatureValue)",
				"RFC 5280 §4.1; "+citeFormat+" (OpenSSL checks serial, issuer, subject and validity are present)", SourceMatter),
			Roles: rolesAll, SDK: SDKFormat,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			for _, e := range ctx.Cert.Errors {
				r.Add(e.Path, e.Msg, "a well-formed field", e.Path+": "+e.Msg)
			}
		},
	})
}
