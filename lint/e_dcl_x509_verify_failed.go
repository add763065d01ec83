package lint

import (
	"crypto/x509"
	"errors"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(&CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta("e_dcl_x509_verify_failed",
				"At the block time (--at) the DCL's crypto/x509 verification rejects the certificate: a root's self-verification fails, or a non-root is outside its validity or has a critical extension crypto/x509 does not handle",
				"DCL x/pki/x509/x509.go Certificate.Verify from keeper all_certificates.go verifyCertificate (every certificate message; the delegated CRL signer under its delegator), VerifyVVSCSignature from verifyVVSCCertificate (VVSC intermediates: validity only) (ErrInvalidCertificate, 409) at "+dclDoc, SourceDCL),
			Roles: rolesDCL, SDK: SDKNotChecked, NeedsTime: true,
			DCLCheck:    DCLCheck{Func: dclX509Go + "Certificate.Verify", Order: 1, Error: "ErrInvalidCertificate", Code: 409},
			Quote:       "opts := x509.VerifyOptions{Roots: roots, CurrentTime: blockTime}",
			QuoteSource: dclDoc + "x/pki/x509/x509.go Certificate.Verify",
			Note:        "A root (PAA, RCAC, self-signed VVSC) is verified by crypto/x509 against itself, as the DCL does (its signature, validity, critical extensions, name constraints); for other certificates lint checks what crypto/x509 checks on the leaf alone (validity, unhandled critical extensions) — the parent's part needs the ledger (matterlint dcl check). crypto/x509 handles critical certificatePolicies, nameConstraints, policyConstraints and inhibitAnyPolicy, which the Matter rule e_ext_unknown_critical does not accept. An extKeyUsage without serverAuth is e_dcl_ext_key_usage_without_server_auth.",
		},
		Check: func(ctx *CertContext, r *Reporter) {
			c := ctx.X509()
			if c == nil {
				return
			}
			root := ctx.Role&(matterext.RolePAA|matterext.RoleRCAC|matterext.RoleVVSC) != 0 && DCLSelfSigned(c)
			if root {
				err := DCLVerify(c, c, ctx.At)
				var inv x509.CertificateInvalidError
				if err == nil || (errors.As(err, &inv) && inv.Reason == x509.IncompatibleUsage) {
					return
				}
				r.Add("certificate", "", "crypto/x509 Verify of the self-signed certificate succeeds at "+ctx.At.UTC().Format("2006-01-02T15:04:05Z"),
					"Certificate verification failed. Error: "+err.Error())
				return
			}
			if ctx.Role == matterext.RoleCRLSigner {
				defer dclChainedBack(r)
			}
			if len(c.UnhandledCriticalExtensions) > 0 && ctx.Role != matterext.RoleVVSC {
				r.Addf("tbsCertificate.extensions", c.UnhandledCriticalExtensions[0].String(), "no critical extension crypto/x509 does not handle",
					"Certificate verification failed. Error: %v (critical extension %v)", x509.UnhandledCriticalExtension{}, c.UnhandledCriticalExtensions[0])
			}
			switch {
			case ctx.At.Before(c.NotBefore):
				r.Addf("tbsCertificate.validity.notBefore", c.NotBefore.UTC().String(), "not after --at", "Certificate verification failed: certificate is not yet valid at %s (NotBefore=%v)", ctx.At.UTC(), c.NotBefore.UTC())
			case ctx.At.After(c.NotAfter):
				r.Addf("tbsCertificate.validity.notAfter", c.NotAfter.UTC().String(), "not before --at", "Certificate verification failed: certificate has expired at %s (NotAfter=%v)", ctx.At.UTC(), c.NotAfter.UTC())
			}
		},
	})
}

// dclChainedBack notes, on the findings of a delegated CRL signer, the code
// the revocation-point handlers return when crypto/x509 refuses it under its
// delegator.
func dclChainedBack(r *Reporter) {
	for i := range r.findings {
		r.findings[i].Message += " (a delegated CRL signer verified under its delegator: ErrCertNotChainedBack, 438)"
	}
}
