package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_authority_key_id_no_key_identifier",
				"An authorityKeyIdentifier must hold the keyIdentifier [0] field",
				"RFC 5280 §4.2.1.1; "+citeFormat+" (ExtractAKIDFromX509Cert)", SourceMatter),
			Roles: rolesAll, SDK: SDKFormat,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ak := ctx.Cert.AuthorityKeyID; ak != nil && ak.Err == "" && !ak.HasKeyID {
				r.Add("tbsCertificate.extensions[authorityKeyIdentifier].extnValue.keyIdentifier", "absent", "[0] 20-byte key identifier",
					"authorityKeyIdentifier has no keyIdentifier [0]")
			}
		},
	})
}
