package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("n_authority_key_id_has_issuer_serial",
				"The authorityKeyIdentifier carries authorityCertIssuer/authorityCertSerialNumber, which Matter verifiers ignore",
				"Matter SDK ExtractKIDFromX509Cert (skips the fields); matter-pki-rules.md §2.1, §8 item 4", SourceMatter),
			Roles: rolesAll, SDK: SDKNotChecked,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ak := ctx.Cert.AuthorityKeyID; ak != nil && (ak.HasIssuer || ak.HasSerial) {
				r.Add("tbsCertificate.extensions[authorityKeyIdentifier].extnValue", "authorityCertIssuer/SerialNumber present", "keyIdentifier only",
					"authorityKeyIdentifier carries authorityCertIssuer or authorityCertSerialNumber; Matter uses only the keyIdentifier")
			}
		},
	})
}
