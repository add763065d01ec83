package lint

import (
	"crypto/x509"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_dcl_crlsigner_version_invalid",
		description: "The DCL rejects a delegated CRL signer that is not X.509 v3",
		roles:       matterext.RoleCRLSigner,
		check:       DCLCheck{Func: dclCRLSignerGo, Order: 2, Error: "ErrCRLSignerCertificateInvalidVersion", Code: 443},
		expected:    "v3",
		quote:       "The version field SHALL be set to 2 to indicate v3 certificate.",
		quoteSource: dclDoc + "x/pki/keeper/msg_server_add_pki_revocation_distribution_point.go VerifyCRLSignerCertFormat",
		issues:      func(_ *CertContext, c *x509.Certificate) []dclIssue { return dclCRLSignerFormat(c) },
	}))
}
