package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_basic_constraints_critical_missing",
				"The basicConstraints extension must be marked critical",
				citeFormat, SourceMatter),
			Roles: rolesAttestation | rolesNOCPKI, SDK: SDKFormat,
			Quote:       "BasicConstraints extension SHALL be marked critical",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) VerifyCAExtensions and verifyEndEntityExtensions error text; SDK: connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5) `case NID_basic_constraints: VerifyOrExit(isCritical && !extBasicPresent, err = CHIP_ERROR_INTERNAL);`",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if bc := ctx.Cert.BasicConstraints; bc != nil && !bc.Ext.Critical {
				r.Add("tbsCertificate.extensions[basicConstraints].critical", "false", "true", "basicConstraints is not marked critical")
			}
		},
	})
}
