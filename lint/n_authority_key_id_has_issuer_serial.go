package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("n_authority_key_id_has_issuer_serial",
				"The authorityKeyIdentifier carries authorityCertIssuer/authorityCertSerialNumber, which Matter verifiers ignore",
				"Matter SDK ExtractKIDFromX509Cert (skips the fields); matter-pki-rules.md §2.1, §8 item 4", SourceMatter),
			Roles: rolesAny, SDK: SDKNotChecked,
			Quote:       "// Other optional fields, authorityCertIssuer and authorityCertSerialNumber, // will be skipped if present.",
			QuoteSource: "connectedhomeip src/crypto/CHIPCryptoPALmbedTLSCert.cpp ExtractKIDFromX509Cert (AKID branch); spec phrase 'not supported by Matter certificates' only as quoted in a public Rust Matter implementation's DAC-chain module (search-index file id 69229401499; repository not identified, secondary source)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ak := ctx.Cert.AuthorityKeyID; ak != nil && (ak.HasIssuer || ak.HasSerial) {
				r.Add("tbsCertificate.extensions[authorityKeyIdentifier].extnValue", "authorityCertIssuer/SerialNumber present", "keyIdentifier only",
					"authorityKeyIdentifier carries authorityCertIssuer or authorityCertSerialNumber; Matter uses only the keyIdentifier")
			}
		},
	})
}
