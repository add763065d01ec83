package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_authority_key_id_critical",
				"The authorityKeyIdentifier extension must not be marked critical",
				"RFC 5280 §4.2.1.1; "+citeFormat, SourceMatter),
			Roles: rolesAny, SDK: SDKFormat,
			Note:        "Only the SDK's OpenSSL back end checks the criticality; mbedTLS does not.",
			Quote:       "Conforming CAs MUST mark this extension as non-critical.",
			QuoteSource: "RFC 5280 §4.2.1.1 (Authority Key Identifier); SDK mirror: connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5) `VerifyOrExit(!isCritical && !extAKIDPresent, err = CHIP_ERROR_INTERNAL);` (OpenSSL back end only)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ak := ctx.Cert.AuthorityKeyID; ak != nil && ak.Ext.Critical {
				r.Add("tbsCertificate.extensions[authorityKeyIdentifier].critical", "true", "false", "authorityKeyIdentifier is marked critical; it must be non-critical")
			}
		},
	})
}
