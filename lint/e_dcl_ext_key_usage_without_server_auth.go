package lint

import "github.com/matterlint/matterlint/matterext"

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_dcl_ext_key_usage_without_server_auth",
				"An extKeyUsage extension without serverAuth or anyExtendedKeyUsage makes the DCL reject the certificate",
				"DCL x/pki/x509/x509.go Certificate.Verify (Go x509 default KeyUsages) from keeper/all_certificates.go verifyCertificate, on every certificate of the chain (409); docs/research/dcl-handlers.md §1.5", SourceDCL),
			Roles: rolesAttestation | rolesNOCPKI, SDK: SDKNotChecked,
			Note:        "Matter allows any extKeyUsage on PAA/PAI/DAC (the SDK vectors with EKU clientAuth,serverAuth pass; commissioners do not check it); the DCL's Go chain verification requires serverAuth or anyExtendedKeyUsage when the extension is present, on the certificate and on every certificate above it, and rejects the submission (ErrInvalidCertificate, 409). An RCAC or ICAC must not carry the extension at all (e_noc_ca_ext_key_usage_present).",
			Quote:       "KeyUsages specifies which Extended Key Usage values are acceptable. A chain is accepted if it allows any of the listed values. An empty list means ExtKeyUsageServerAuth. To accept any key usage, include ExtKeyUsageAny.",
			QuoteSource: "Go standard library crypto/x509 verify.go VerifyOptions.KeyUsages doc comment (go1.26), as used by the DCL's Certificate.Verify",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			eku := ctx.Cert.ExtKeyUsage
			if eku == nil || eku.Err != nil {
				return
			}
			for _, u := range eku.Usages {
				if u.Equal(matterext.OIDEKUServerAuth) || u.Equal(matterext.OIDEKUAny) {
					return
				}
			}
			r.Add("tbsCertificate.extensions[extKeyUsage].extnValue", "no serverAuth", "serverAuth or anyExtendedKeyUsage (for DCL submission)",
				"extKeyUsage lacks serverAuth and anyExtendedKeyUsage; the DCL will reject this certificate")
		},
	})
}
