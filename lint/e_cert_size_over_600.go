package lint

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_cert_size_over_600",
				"A DER-encoded attestation certificate must be at most 600 bytes",
				"Matter SDK CHIPCert.h kMaxDERCertLength = 600; FileAttestationTrustStore.cpp; TC_DA_1_2 step 3a/3b; matter-pki-rules.md §2.1", SourceMatter),
			Roles: rolesAttestation, SDK: SDKNotChecked,
			Note: "The SDK verifier has no explicit size check, but its buffers hold 600 bytes, its file trust store skips larger PAAs, and the certification test fails larger DACs and PAIs.",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			if n := len(ctx.Cert.Raw); n > 600 {
				r.Add("Certificate", itoa(int64(n))+" bytes", "≤ 600 bytes", "certificate is "+itoa(int64(n))+" bytes of DER; the limit is 600")
			}
		},
	})
}
