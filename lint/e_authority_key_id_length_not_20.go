package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_authority_key_id_length_not_20",
				"The authorityKeyIdentifier keyIdentifier must be exactly 20 bytes",
				citeFormat+" (ExtractKIDFromX509Cert); DCL x509.go (SKID/AKID 20 bytes)", SourceMatter),
			Roles: rolesAll, SDK: SDKFormat,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ak := ctx.Cert.AuthorityKeyID; ak != nil && ak.HasKeyID && len(ak.KeyID) != 20 {
				n := itoa(int64(len(ak.KeyID))) + " bytes"
				r.Add("tbsCertificate.extensions[authorityKeyIdentifier].extnValue.keyIdentifier", n, "20 bytes", "authorityKeyIdentifier keyIdentifier is "+n+"; expected 20")
			}
		},
	})
}
