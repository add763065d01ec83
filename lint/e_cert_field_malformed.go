package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cert_field_malformed",
				"Every field of the certificate must be present and decode (serial, signature, issuer, validity, subject, subjectPublicKeyInfo, signatureAlgorithm, signatureValue)",
				"RFC 5280 §4.1; "+citeFormat+" (OpenSSL checks serial, issuer, subject and validity are present)", SourceMatter),
			Roles: rolesAny, SDK: SDKFormat,
			Quote:       "The DAC SHALL be a DER-encoded X.509v3-compliant certificate as defined in RFC 5280",
			QuoteSource: "Matter Core spec 1.5 §6.2.2 (p.358) as quoted (with page number) in the public document 'Defense Summary: Matter Section 6.2 Device Attestation Specification' (search-index file id 51781651091; repository not identified, secondary source) (sentence continues); SDK presence checks: connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5) X509_get_serialNumber/issuer/notBefore/notAfter/subject != nullptr",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			for _, e := range ctx.Cert.Errors {
				r.Add(e.Path, e.Msg, "a well-formed field", e.Path+": "+e.Msg)
			}
		},
	})
}
