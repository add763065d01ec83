package lint

import (
	"crypto/x509"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_dcl_version_not_v3",
		description: "The DCL rejects a certificate that is not X.509 v3 (crypto/x509 Version 3)",
		roles:       rolesDCL &^ matterext.RoleCRLSigner,
		check:       DCLCheck{Func: fnX509("VerifyVersionV3"), Order: 1, Error: "ErrInvalidCertificate", Code: 409},
		expected:    "v3",
		quote:       "VerifyVersionV3 is a ParseAndValidateCertificate option that asserts the certificate is X.509 v3",
		quoteSource: dclDoc + "x/pki/x509/x509.go VerifyVersionV3 doc comment",
		note:        "The same condition as e_cert_version_not_v3 (crypto/x509 parses only versions 1 to 3). A delegated CRL signer's version is checked by VerifyCRLSignerCertFormat instead (e_dcl_crlsigner_version_invalid, 443).",
		issues:      func(_ *CertContext, c *x509.Certificate) []dclIssue { return dclVersionV3(c) },
	}))
}
