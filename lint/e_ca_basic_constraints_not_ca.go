package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_ca_basic_constraints_not_ca",
				"A CA's (PAA, PAI, RCAC, ICAC) basicConstraints must have cA TRUE",
				citePAA+"; "+citePAI+"; "+citeNOCCA, SourceMatter),
			Roles: rolesCA | rolesNOCCA, SDK: SDKFormat,
			Quote:       "certificate is not a CA: BasicConstraints extension must be present and cA must be set to TRUE",
			QuoteSource: "zigbee-alliance/distributed-compliance-ledger x/pki/x509/x509.go (HEAD 7319bed3) VerifyCAExtensions (Matter R1.6 §6.2.2.4/5 per its comment); SDK: connectedhomeip src/crypto/CHIPCryptoPALOpenSSL.cpp VerifyAttestationCertificateFormat (read at nrfconnect/sdk-connectedhomeip e9fd78e5) `VerifyOrExit(isCA && pathLen == 0, ...)` (PAI) / `VerifyOrExit(isCA && (pathLen == -1 || pathLen == 1), ...)` (PAA)",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if bc := basicConstraints(ctx.Cert); bc != nil && !bc.CA {
				r.Add(bcLoc+".cA", "FALSE", "TRUE", ctx.Role.String()+" basicConstraints has cA FALSE; it must be TRUE")
			}
		},
	})
}
