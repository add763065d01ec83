package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_key_usage_critical_missing",
				"The keyUsage extension must be marked critical",
				citeFormat+"; "+citeCRLSigner, SourceMatter),
			Roles: rolesAny, SDK: SDKFormat,
			Quote:       "KeyUsage extension SHALL be marked critical",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) VerifyCAExtensions / verifyEndEntityExtensions; SDK: connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5) `case NID_key_usage: VerifyOrExit(isCritical && !extKeyUsagePresent, err = CHIP_ERROR_INTERNAL);`",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ku := ctx.Cert.KeyUsage; ku != nil && !ku.Ext.Critical {
				r.Add("tbsCertificate.extensions[keyUsage].critical", "false", "true", "keyUsage is not marked critical")
			}
		},
	})
}
