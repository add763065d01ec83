package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_authority_key_id_critical",
				"The authorityKeyIdentifier extension must not be marked critical",
				"RFC 5280 §4.2.1.1; "+citeFormat, SourceMatter),
			Roles: rolesAll, SDK: SDKFormat,
			Note: "Only the SDK's OpenSSL back end checks the criticality; mbedTLS does not.",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ak := ctx.Cert.AuthorityKeyID; ak != nil && ak.Ext.Critical {
				r.Add("tbsCertificate.extensions[authorityKeyIdentifier].critical", "true", "false", "authorityKeyIdentifier is marked critical; it must be non-critical")
			}
		},
	})
}
