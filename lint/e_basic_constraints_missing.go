package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_basic_constraints_missing",
				"PAA, PAI, DAC, RCAC, ICAC, NOC and VVSC must carry a basicConstraints extension",
				citeFormat, SourceMatter),
			Roles: rolesAttestation | rolesNOCPKI, SDK: SDKFormat,
			Quote:       "// Mandatory extensions for all certs. VerifyOrExit(extBasicPresent && extKeyUsagePresent && extSKIDPresent, err = CHIP_ERROR_INTERNAL);",
			QuoteSource: "connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if ctx.Cert.BasicConstraints == nil {
				r.Add("tbsCertificate.extensions", "absent", "basicConstraints", "basicConstraints extension is missing")
			}
		},
	})
}
