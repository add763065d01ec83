package lint

import (
	"crypto/x509"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_dcl_crlsigner_format_invalid",
		replaces:    []string{"e_crlsigner_basic_constraints_ca", "e_crlsigner_key_usage_crl_sign_missing", "e_crlsigner_key_usage_forbidden_bits"},
		description: "The DCL's delegated CRL signer profile: ecdsa-with-SHA256 and a P-256 key; basicConstraints present, critical, cA FALSE; keyUsage present, critical, with cRLSign and nothing but digitalSignature beside it",
		roles:       matterext.RoleCRLSigner,
		check:       DCLCheck{Func: dclCRLSignerGo, Order: 3, Error: "ErrCRLSignerCertificateInvalidFormat", Code: 441},
		expected:    "the DCL's CRL signer profile",
		quote:       "Basic Constraint extension's cA field SHALL be set to FALSE",
		quoteSource: dclDoc + "x/pki/keeper/msg_server_add_pki_revocation_distribution_point.go VerifyCRLSignerCertFormat error text",
		note:        "The DCL applies it to a delegated signer (crlSignerDelegator given) and to a non-self-signed signer under isPAA; commissioners do not check it. The key-usage condition is crlSignerKeyUsageForbidden.",
		issues:      func(_ *CertContext, c *x509.Certificate) []dclIssue { return dclCRLSignerFormat(c) },
	}))
}
