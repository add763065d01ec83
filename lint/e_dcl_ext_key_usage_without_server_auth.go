package lint

import (
	"crypto/x509"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_dcl_ext_key_usage_without_server_auth",
				"An extKeyUsage extension without serverAuth or anyExtendedKeyUsage makes the DCL reject the certificate",
				"DCL x/pki/x509/x509.go Certificate.Verify (Go x509 default KeyUsages) from keeper/all_certificates.go verifyCertificate, on every certificate of the chain (ErrInvalidCertificate, 409) at "+dclDoc+"; docs/research/dcl-handlers.md §1.5", SourceDCL),
			Roles: rolesDCL, SDK: SDKNotChecked,
			DCLCheck:    DCLCheck{Func: dclX509Go + "Certificate.Verify", Order: 2, Error: "ErrInvalidCertificate", Code: 409},
			Note:        "Matter allows any extKeyUsage on PAA/PAI/DAC (the SDK vectors with EKU clientAuth,serverAuth pass; commissioners do not check it); the DCL's Go chain verification requires serverAuth or anyExtendedKeyUsage when the extension is present, on the certificate and on every certificate above it, and rejects the submission (ErrInvalidCertificate, 409). A VVSC intermediate is verified by VerifyVVSCSignature, which ignores the extension. An RCAC or ICAC must not carry the extension at all (e_noc_ca_ext_key_usage_present).",
			Quote:       "KeyUsages specifies which Extended Key Usage values are acceptable. A chain is accepted if it allows any of the listed values. An empty list means ExtKeyUsageServerAuth. To accept any key usage, include ExtKeyUsageAny.",
			QuoteSource: "Go standard library crypto/x509 verify.go VerifyOptions.KeyUsages doc comment (go1.26), as used by the DCL's Certificate.Verify",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			c := ctx.X509()
			if c == nil || (len(c.ExtKeyUsage) == 0 && len(c.UnknownExtKeyUsage) == 0) {
				return
			}
			if ctx.Role == matterext.RoleVVSC && !DCLSelfSigned(c) {
				return
			}
			for _, u := range c.ExtKeyUsage {
				if u == x509.ExtKeyUsageServerAuth || u == x509.ExtKeyUsageAny {
					return
				}
			}
			if ctx.Role == matterext.RoleCRLSigner {
				defer dclChainedBack(r)
			}
			r.Add("tbsCertificate.extensions[extKeyUsage].extnValue", "no serverAuth", "serverAuth or anyExtendedKeyUsage (for DCL submission)",
				"extKeyUsage lacks serverAuth and anyExtendedKeyUsage; the DCL's crypto/x509 verification rejects it (x509: certificate specifies an incompatible key usage)")
		},
	})
}
