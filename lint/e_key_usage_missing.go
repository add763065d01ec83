package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_key_usage_missing",
				"Attestation certificates and CRL signers must carry a keyUsage extension",
				citeFormat+"; "+citeCRLSigner, SourceMatter),
			Roles: rolesAny, SDK: SDKFormat,
			Quote:       "KeyUsage extension SHALL be present",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) verifyEndEntityExtensions ('...SHALL be present for CA certificates' in VerifyCAExtensions); SDK: connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5) `// Mandatory extensions for all certs.`",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ctx.Cert.KeyUsage == nil {
				r.Add("tbsCertificate.extensions", "absent", "keyUsage", "keyUsage extension is missing")
			}
		},
	})
}
