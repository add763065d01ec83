package lint

import (
	"crypto/x509"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_dcl_crlsigner_skid_missing",
		description: "The DCL rejects a delegated CRL signer without a subjectKeyIdentifier",
		roles:       matterext.RoleCRLSigner,
		check:       DCLCheck{Func: dclCRLSignerGo, Order: 1, Error: "ErrWrongSubjectKeyIDFormat", Code: 426},
		expected:    "subjectKeyIdentifier present",
		quote:       "The DCL keeper's VerifyCRLSignerCertFormat first requires the signer's SubjectKeyID",
		quoteSource: dclDoc + "x/pki/keeper/msg_server_add_pki_revocation_distribution_point.go VerifyCRLSignerCertFormat (paraphrase of the code: len(SubjectKeyID) == 0 returns NewErrWrongSubjectKeyIDFormat)",
		issues:      func(_ *CertContext, c *x509.Certificate) []dclIssue { return dclCRLSignerFormat(c) },
	}))
}
