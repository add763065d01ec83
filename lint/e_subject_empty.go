package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_subject_empty",
				"The subject DN must not be empty",
				"RFC 5280 §4.1.2.6; "+citeFormat+" (OpenSSL requires a subject)", SourceMatter),
			Roles: rolesAny, SDK: SDKFormat,
			Quote:       "...then the subject field MUST be populated with a non-empty distinguished name matching the contents of the issuer field (Section 4.1.2.4) in all certificates issued by the subject CA.",
			QuoteSource: "RFC 5280 §4.1.2.6 (sentence starts 'If the subject is a CA ...'; no RFC rule for an empty end-entity subject other than the SAN case); SDK: connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5) `X509_get_subject_name(x509Cert) != nullptr`",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if s := &ctx.Cert.Subject; s.Present && s.Err == nil && len(s.Attributes) == 0 {
				r.Add("tbsCertificate.subject", "empty", "a non-empty name", "subject is an empty name")
			}
		},
	})
}
