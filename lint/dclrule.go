package lint

import (
	"crypto/x509"
	"strconv"

	"github.com/matterlint/matterlint/matterext"
)

// rolesDCL are the roles of the certificates the DCL takes: DA roots (PAA),
// PAIs and DACs (MsgAddX509Cert), delegated CRL signers (revocation
// points), RCAC/ICAC and VVSC (MsgAddNocX509RootCert / IcaCert).
const rolesDCL = rolesAll | rolesNOCCA | matterext.RoleVVSC

// dclDoc is where the DCL source stands, for citations and quotes.
const dclDoc = "zigbee-alliance/distributed-compliance-ledger (HEAD 7319bed3) "

// dclRuleSpec describes a rule that reports, on the DCL's crypto/x509
// parse, the issues of one DCL check that carry the rule's error code.
type dclRuleSpec struct {
	name, description string
	roles             matterext.Role
	check             DCLCheck
	// expected is the short "expected" value of the findings.
	expected           string
	quote, quoteSource string
	note               string
	replaces           []string // retired rule names (Metadata.Replaces)
	// issues returns the DCL check's issues; applies, when set, says
	// whether the DCL runs the check on this certificate for ctx.Role.
	issues  func(ctx *CertContext, c *x509.Certificate) []dclIssue
	applies func(ctx *CertContext, c *x509.Certificate) bool
}

// dclRule builds the CertRule of a dclRuleSpec.
func dclRule(s dclRuleSpec) *CertRule {
	cite := "DCL " + s.check.Func + " (" + s.check.Error + ", " + strconv.Itoa(s.check.Code) + ") on Go's crypto/x509 parse, at " + dclDoc
	return &CertRule{
		Metadata: Metadata{
			LintMetadata: lintMeta(s.name, s.description, cite, SourceDCL),
			Roles:        s.roles, SDK: SDKNotChecked, DCLCheck: s.check,
			Quote: s.quote, QuoteSource: s.quoteSource, Note: s.note, Replaces: s.replaces,
		},
		Check: func(ctx *CertContext, r *Reporter) {
			c := ctx.X509()
			if c == nil || (s.applies != nil && !s.applies(ctx, c)) {
				return
			}
			for _, i := range s.issues(ctx, c) {
				if i.code == s.check.Code {
					r.Add(i.location, "", s.expected, i.msg)
				}
			}
		},
	}
}

// addCertCA and addCertEndEntity are the two branches of
// VerifyDAChainNonRoot for a certificate linted as PAI or DAC (other roles
// always take their own profile).
func addCertCA(ctx *CertContext, c *x509.Certificate) bool {
	return ctx.Role&(matterext.RolePAI|matterext.RoleDAC) == 0 || dclAddCertCA(c)
}

func addCertEndEntity(ctx *CertContext, c *x509.Certificate) bool {
	return c.BasicConstraintsValid && !c.IsCA
}

func fnX509(f string) string { return dclX509Go + f }
