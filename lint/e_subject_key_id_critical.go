package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_subject_key_id_critical",
				"The subjectKeyIdentifier extension must not be marked critical",
				"RFC 5280 §4.2.1.2; "+citeFormat, SourceMatter),
			Roles: rolesAny, SDK: SDKFormat,
			Note:        "Only the SDK's OpenSSL back end checks the criticality; mbedTLS does not.",
			Quote:       "Conforming CAs MUST mark this extension as non-critical.",
			QuoteSource: "RFC 5280 §4.2.1.2; SDK: connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5) `case NID_subject_key_identifier: VerifyOrExit(!isCritical && !extSKIDPresent, err = CHIP_ERROR_INTERNAL);`",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if sk := ctx.Cert.SubjectKeyID; sk != nil && sk.Ext.Critical {
				r.Add("tbsCertificate.extensions[subjectKeyIdentifier].critical", "true", "false", "subjectKeyIdentifier is marked critical; it must be non-critical")
			}
		},
	})
}
