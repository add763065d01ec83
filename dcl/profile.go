package dcl

import (
	"crypto/x509"
	"sync"
	"time"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// The DCL's certificate-alone checks live once, as lint rules of Source DCL
// on Go's crypto/x509 parse (lint/dclx509.go); each rule's DCLCheck names
// the x509.go function it is and the error the ledger returns. A handler
// here only lists the functions its ParseAndValidateCertificate call passes,
// in its order, and runs the rules of each through the lint registry.

// issue is one failed rule of a profile option, with the code the DCL
// returns for it.
type issue struct {
	code     Code
	msg      string
	location string
	citation string
}

// option is one ParseAndValidateCertificate option of a handler: the DCL
// function (lint.DCLCheck.Func) and the role its rules run as.
type option struct {
	fn   string
	role matterext.Role
}

const x509go = "x/pki/x509/x509.go:"

// The DCL functions the handlers pass as options.
const (
	fnFieldCounts  = x509go + "ParseAndValidateCertificate"
	fnVersionV3    = x509go + "VerifyVersionV3"
	fnECDSA        = x509go + "VerifyECDSAP256SHA256"
	fnCAExtensions = x509go + "VerifyCAExtensions"
	fnPAAPathLen   = x509go + "VerifyPAAPathLen"
	fnPAIPathLen   = x509go + "VerifyPAIPathLen"
	fnDAChain      = x509go + "VerifyDAChainNonRoot"
	fnDACExt       = x509go + "verifyDACExtensions"
	fnVVSCExt      = x509go + "VerifyVVSCExtensions"
	fnNoPID        = x509go + "VerifyNoPIDInSubject"
	fnNoEKU        = x509go + "VerifyNoEKU"
	fnAtMostOne    = x509go + "VerifyAtMostOneVIDAndPID"
	fnCRLSigner    = "x/pki/keeper/msg_server_add_pki_revocation_distribution_point.go:VerifyCRLSignerCertFormat"
)

var (
	registryOnce sync.Once
	registry     *lint.Registry
)

func dclRegistry() *lint.Registry {
	registryOnce.Do(func() { registry = lint.Default() })
	return registry
}

// runOption runs the rules of one DCL function on d, in the DCL's order.
func runOption(d *dclCert, o option) []issue {
	var out []issue
	for _, r := range dclRegistry().DCLRules(o.fn) {
		for _, f := range r.LintX509(d.cert, d.subjectAsText, o.role, time.Time{}) {
			out = append(out, issue{code: Code(r.DCLCheck.Code), msg: f.Message, location: f.Location, citation: r.DCLCheck.Func})
		}
	}
	return out
}

// Options of the handlers, in their order.

func proposeRootOptions() []option {
	r := matterext.RolePAA
	return []option{{fnVersionV3, r}, {fnECDSA, r}, {fnCAExtensions, r}, {fnPAAPathLen, r}, {fnNoPID, r}, {fnAtMostOne, r}}
}

// addCertOptions: VerifyDAChainNonRoot takes a CA as a PAI (VerifyCAExtensions,
// VerifyPAIPathLen) and anything else as a DAC (verifyDACExtensions); the
// rules decide the branch from the certificate.
func addCertOptions(c *x509.Certificate) []option {
	r := matterext.RoleDAC
	if c.BasicConstraintsValid && c.IsCA {
		r = matterext.RolePAI
	}
	return []option{{fnVersionV3, r}, {fnECDSA, r}, {fnDAChain, r}, {fnCAExtensions, r}, {fnPAIPathLen, r}, {fnDACExt, r}, {fnAtMostOne, r}}
}

func nocOptions(root, vvsc bool) []option {
	r := matterext.RoleICAC
	switch {
	case vvsc:
		r = matterext.RoleVVSC
	case root:
		r = matterext.RoleRCAC
	}
	opts := []option{{fnVersionV3, r}, {fnECDSA, r}, {fnAtMostOne, r}}
	if vvsc {
		return append(opts, option{fnVVSCExt, r})
	}
	return append(opts, option{fnCAExtensions, r}, option{fnNoEKU, r})
}

// crlSignerFormat is VerifyCRLSignerCertFormat, the delegated CRL signer's
// profile.
func crlSignerFormat(d *dclCert) []issue {
	return runOption(d, option{fnCRLSigner, matterext.RoleCRLSigner})
}
