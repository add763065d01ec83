package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_key_usage_missing",
				"Attestation certificates and CRL signers must carry a keyUsage extension",
				citeFormat+"; "+citeCRLSigner, SourceMatter),
			Roles: rolesAll, SDK: SDKFormat,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ctx.Cert.KeyUsage == nil {
				r.Add("tbsCertificate.extensions", "absent", "keyUsage", "keyUsage extension is missing")
			}
		},
	})
}
