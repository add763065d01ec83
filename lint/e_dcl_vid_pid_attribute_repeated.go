package lint

import (
	"crypto/x509"

	"github.com/matterlint/matterlint/matterext"
)

func init() {
	register(dclRule(dclRuleSpec{
		name:        "e_dcl_vid_pid_attribute_repeated",
		replaces:    []string{"e_noc_pki_vid_pid_attribute_repeated"},
		description: "The DCL rejects a certificate whose subject or issuer holds more than one matter-vid or more than one matter-pid attribute",
		roles:       rolesDCL &^ matterext.RoleCRLSigner,
		check:       DCLCheck{Func: fnX509("VerifyAtMostOneVIDAndPID"), Order: 1, Error: "ErrInvalidCertificate", Code: 409},
		expected:    "at most one of each",
		quote:       "asserts the certificate's subject and issuer each contain AT MOST one matter-vid (1.3.6.1.4.1.37244.2.1) and AT MOST one matter-pid (1.3.6.1.4.1.37244.2.2) attribute.",
		quoteSource: dclDoc + "x/pki/x509/x509.go VerifyAtMostOneVIDAndPID doc comment",
		note:        "Every message runs it: MsgProposeAddX509RootCert, MsgAddX509Cert, MsgAddNocX509RootCert and MsgAddNocX509IcaCert. It is the same condition as e_matter_vid_pid_attribute_duplicate (one function serves both).",
		issues:      func(_ *CertContext, c *x509.Certificate) []dclIssue { return dclAtMostOneVIDAndPID(c) },
	}))
}
