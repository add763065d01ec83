package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cert_size_over_600",
				"A DER-encoded attestation certificate must be at most 600 bytes",
				"Matter SDK CHIPCert.h kMaxDERCertLength = 600; FileAttestationTrustStore.cpp; TC_DA_1_2 step 3a/3b; matter-pki-rules.md §2.1", SourceMatter),
			Roles: rolesAttestation, SDK: SDKNotChecked,
			Note:        "The SDK verifier has no explicit size check, but its buffers hold 600 bytes, its file trust store skips larger PAAs, and the certification test fails larger DACs and PAIs.",
			Quote:       "DUT responds with CertificateChainResponse the DAC certificate in X.509v3 format with size ⇐ 600 bytes",
			QuoteSource: "connectedhomeip src/python_testing/TC_DA_1_2.py TestStep 3a (3b says the same of the PAI); also `asserts.assert_less_equal(len(der_dac), 600, \"Returned DAC is > 600 bytes\")`; SDK constant connectedhomeip src/credentials/CHIPCert.h kMaxDERCertLength = 600",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if n := len(ctx.Cert.Raw); n > 600 {
				r.Add("Certificate", itoa(int64(n))+" bytes", "≤ 600 bytes", "certificate is "+itoa(int64(n))+" bytes of DER; the limit is 600")
			}
		},
	})
}
