package dcl

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// Source files of the DCL cited by the checks (x/pki at 7319bed3).
const (
	srcPropose   = "x/pki/keeper/msg_server_propose_add_x_509_root_cert.go:ProposeAddX509RootCert"
	srcAddCert   = "x/pki/keeper/msg_server_add_x_509_cert.go:AddX509Cert"
	srcEnsureVID = "x/pki/keeper/msg_server_add_x_509_cert.go:ensureVidMatches"
	srcIssuerVID = "x/pki/x509/x509.go:VerifyVidPidConsistency"
	srcNOCRoot   = "x/pki/keeper/msg_server_add_noc_x_509_root_cert.go:AddNocX509RootCert"
	srcNOCICA    = "x/pki/keeper/msg_server_add_noc_x_509_ica_cert.go:AddNocX509IcaCert"
	srcAddRDP    = "x/pki/keeper/msg_server_add_pki_revocation_distribution_point.go:AddPkiRevocationDistributionPoint"
	srcRDPFile   = "x/pki/keeper/msg_server_add_pki_revocation_distribution_point.go:"
	srcUpdRDP    = "x/pki/keeper/msg_server_update_pki_revocation_distribution_point.go:UpdatePkiRevocationDistributionPoint"
	srcUpdFile   = "x/pki/keeper/msg_server_update_pki_revocation_distribution_point.go:"
	srcChain     = "x/pki/keeper/all_certificates.go:verifyCertificate"
	srcVVSCChain = "x/pki/keeper/all_certificates.go:verifyVVSCCertificate"
	srcParse     = "x/pki/x509/x509.go:ParseAndValidateCertificate"
	srcOwnerVID  = "x/pki/keeper/certificate_helpers.go:EnsureVidMatches"
	srcTypes     = "x/pki/types/"
)

// Roles the handlers require (x/pki/types/rules.go, dclauth roles).
const (
	roleTrustee = "Trustee"
	roleVendor  = "Vendor"
)

// maxChainDepth bounds the walk over a hand-made ledger with a cycle.
const maxChainDepth = 16

type checker struct {
	tx     *Tx
	l      *Ledger
	res    *Result
	signer Account
	at     time.Time
}

// Check predicts the DCL's answer to tx on the ledger l (nil is an empty
// ledger): ValidateBasic first, then the handler of tx.Kind, each check in
// the DCL's order, as at commit 7319bed3 of x/pki. The codes of two
// situations depend on tx.Target: an existing certificate with the same
// subject and SKID but another issuer, AKID or root-ness (sdk
// ErrUnauthorized 4 in v1.6.0, ErrUnauthorizedCertIssuer 446 at head), and a
// failed VVSC chain (409 in v1.6.0, 447 at head).
func Check(tx *Tx, l *Ledger) *Result {
	c := &checker{tx: tx, l: l, res: &Result{Kind: tx.Kind, Message: tx.Kind.message(), Target: tx.Target}, at: tx.At}
	c.resolveSigner()
	switch tx.Kind {
	case ProposeRoot:
		c.proposeRoot()
	case AddCert:
		c.addCert()
	case AddNOCRoot:
		c.addNOCRoot()
	case AddNOCICA:
		c.addNOCICA()
	case AddRevocationPoint:
		c.addPoint()
	case UpdateRevocationPoint:
		c.updatePoint()
	default:
		c.fail(CodeUnauthorized, "ValidateBasic", "", "msg", "unknown transaction kind %q", tx.Kind)
	}
	c.res.Accepted = len(c.res.Failures) == 0
	commissionerView(tx, c.res)
	if len(c.res.Failures) > 1 {
		c.res.Notes = append(c.res.Notes, fmt.Sprintf("The ledger stops at the first failure and returns %s; the others are listed for the next attempt.", c.res.Failures[0].Code))
	}
	return c.res
}

func (c *checker) fail(code Code, step, citation, location, format string, args ...any) {
	c.res.Failures = append(c.res.Failures, Failure{Code: code, Step: step, Citation: citation, Location: location, Message: fmt.Sprintf(format, args...)})
}

func (c *checker) failIssues(step string, is []issue) {
	for _, i := range is {
		c.res.Failures = append(c.res.Failures, Failure{Code: i.code, Step: step, Citation: i.citation, Location: i.location, Message: i.msg})
	}
}

func (c *checker) assume(format string, args ...any) {
	c.res.Assumptions = append(c.res.Assumptions, fmt.Sprintf(format, args...))
}

func (c *checker) note(format string, args ...any) {
	c.res.Notes = append(c.res.Notes, fmt.Sprintf(format, args...))
}

// resolveSigner completes the signer from the ledger's accounts. A signer
// address that is not among the accounts of a ledger that lists accounts
// has no account on that ledger: the DCL's HasRole is false for it, so it
// holds no role (and its VendorID is 0 unless --signer-vid says otherwise).
func (c *checker) resolveSigner() {
	c.signer = c.tx.Signer
	if c.signer.Address == "" {
		return
	}
	if a := c.l.Account(c.signer.Address); a != nil {
		if c.signer.Roles == nil {
			c.signer.Roles = a.Roles
		}
		if c.signer.VendorID == 0 {
			c.signer.VendorID = a.VendorID
		}
		return
	}
	if n := c.l.Accounts(); n > 0 && c.signer.Roles == nil {
		c.signer.Roles = []string{}
		c.note("The signer %s is not among the ledger's %d accounts: the DCL finds no account for it, so it holds no role.", c.signer.Address, n)
	}
}

// requireRole is handler step 1 of every message.
func (c *checker) requireRole(role, citation string) {
	if c.signer.Roles == nil {
		c.assume("The signer is taken to hold the %s role the message needs (no --signer-address found in the ledger's accounts).", role)
		return
	}
	if !c.signer.HasRole(role) {
		c.fail(CodeUnauthorized, "handler", citation, "msg.signer",
			"%s transaction should be signed by an account with the %q role; the signer has %s", c.res.Message, role, rolesText(c.signer.Roles))
	}
}

func rolesText(r []string) string {
	if len(r) == 0 {
		return "no role"
	}
	return strings.Join(r, ", ")
}

// checkAddress is ValidateBasic's sdk.AccAddressFromBech32(msg.Signer).
func (c *checker) checkAddress(file string) {
	a := c.signer.Address
	if a == "" {
		c.assume("The signer's address is not known (--signer-address): its bech32 form and the ownership checks are not evaluated.")
		return
	}
	err := checkBech32(a)
	if err == nil && !strings.HasPrefix(strings.ToLower(a), "cosmos1") {
		err = fmt.Errorf("invalid Bech32 prefix; expected cosmos, got %s", a[:strings.LastIndexByte(a, '1')])
	}
	if err != nil {
		c.fail(CodeInvalidAddress, "ValidateBasic", srcTypes+file+":ValidateBasic", "msg.signer", "invalid signer address (%v)", err)
	}
}

// Validator tags (utils/validator/validator.go: Validate).
const srcValidator = "utils/validator/validator.go:Validate"

func (c *checker) required(field, value string) bool {
	if value == "" {
		c.fail(CodeRequiredFieldMissing, "ValidateBasic", srcValidator, "msg."+field, "%s is a required field", field)
		return false
	}
	return true
}

func (c *checker) maxLen(field, value string, n int) {
	if k := utf8.RuneCountInString(value); k > n {
		c.fail(CodeFieldMaxLengthExceeded, "ValidateBasic", srcValidator, "msg."+field, "maximum length for %s allowed is %d; found %d characters", field, n, k)
	}
}

func (c *checker) bounds(field string, v, lo, hi int64) {
	switch {
	case v < lo:
		c.fail(CodeFieldLowerBoundViolated, "ValidateBasic", srcValidator, "msg."+field, "%s must not be less than %d; found %d", field, lo, v)
	case v > hi:
		c.fail(CodeFieldUpperBoundViolated, "ValidateBasic", srcValidator, "msg."+field, "%s must not be greater than %d; found %d", field, hi, v)
	}
}

func (c *checker) schemaZero(field string, v int64) {
	if v != 0 {
		c.fail(CodeFieldNotEqual, "ValidateBasic", srcValidator, "msg."+field, "%s must be equal 0; found %d", field, v)
	}
}

// parseValidate is ParseAndValidateCertificate with the handler's options
// (opts, given the parsed certificate). It returns nil when the certificate
// cannot be decoded (the handler ends).
func (c *checker) parseValidate(pemText, field string, opts func(*x509.Certificate) []option) *dclCert {
	if len(pemText) > maxCertSize {
		c.fail(CodeInvalidCertificate, "handler", srcParse, field, "certificate size (%d bytes) exceeds maximum limit of %d bytes", len(pemText), maxCertSize)
		return nil
	}
	d, f := decodeDCL(pemText, true)
	if f != nil {
		c.fail(CodeInvalidCertificate, "handler", "x/pki/x509/x509.go:DecodeX509Certificate", field+": "+f.location, "failed to parse certificate: %s", f.msg)
		return nil
	}
	all := []option{{fnFieldCounts, matterext.RoleDAC}}
	if opts != nil {
		all = append(all, opts(d.cert)...)
	}
	for _, o := range all {
		for _, i := range runOption(d, o) {
			c.res.Failures = append(c.res.Failures, Failure{Code: i.code, Step: "handler", Citation: i.citation, Location: field + ": " + i.location, Message: i.msg})
		}
	}
	return d
}

// ---- chain verification -------------------------------------------------

// chainError is why no chain was built: 404 (the immediate parent is not on
// the ledger) or the caller's failure code, with the detail the DCL
// swallows.
type chainError struct {
	missing bool
	detail  string
}

// chainRules are what differs between the DCL's two chain walks: the depth
// limit, the signature check, and which stored parents count.
type chainRules struct {
	maxDepth int
	tooLong  string // the detail of a chain over maxDepth
	selfBad  string // the lead of a bad self-signature's detail
	verify   func(child, parent *x509.Certificate) error
	// skip says why a stored parent does not count ("" when it does);
	// undecodable says what a parent that does not decode adds to the
	// details ("" for nothing).
	skip        func(p *Record) string
	undecodable func(msg string) string
	underParent func(serial string, err error) string // a failed parent signature's detail
	notChained  func(serial, detail string) string    // a parent that does not chain's detail
}

// verifyChain is all_certificates.go:verifyCertificate: it returns the root
// the certificate chains to.
func (c *checker) verifyChain(d *dclCert, depth int) (*dclCert, *chainError) {
	verify := func(child, parent *x509.Certificate) error { return lint.DCLVerify(child, parent, c.at) }
	return c.walkChain(d, depth, chainRules{
		maxDepth: maxChainDepth, tooLong: "the chain is longer than " + fmt.Sprint(maxChainDepth),
		selfBad: "crypto/x509 Verify of the self-signed certificate: ", verify: verify,
		skip:        func(*Record) string { return "" },
		undecodable: func(msg string) string { return "a stored parent does not decode: " + msg },
		underParent: func(serial string, err error) string {
			return "crypto/x509 Verify under serial " + serial + ": " + err.Error()
		},
		notChained: func(serial, detail string) string {
			return "parent serial " + serial + " does not chain to a root: " + detail
		},
	})
}

// verifyVVSC is all_certificates.go:verifyVVSCCertificate.
func (c *checker) verifyVVSC(d *dclCert, depth int) (*dclCert, *chainError) {
	verify := func(child, parent *x509.Certificate) error { return vvscSignature(child, parent, c.at) }
	return c.walkChain(d, depth, chainRules{
		maxDepth: 3, tooLong: "VVSC chain length exceeds limit of 3",
		selfBad: "VVSC trust anchor self-signature verification failed: ", verify: verify,
		skip: func(p *Record) string {
			if p.Type != VIDSignerPKI {
				return "a parent of type " + string(p.Type) + " is skipped (only VIDSignerPKI parents count)"
			}
			return ""
		},
		undecodable: func(string) string { return "" },
		underParent: func(_ string, err error) string { return err.Error() },
		notChained:  func(_, detail string) string { return detail },
	})
}

// walkChain walks from d up the stored parents (issuer name + AKID) to a
// self-signed root under r, depth-first in the ledger's order, as both of
// the DCL's chain walks do.
func (c *checker) walkChain(d *dclCert, depth int, r chainRules) (*dclCert, *chainError) {
	if depth > r.maxDepth {
		return nil, &chainError{detail: r.tooLong}
	}
	if d.selfSigned() {
		if err := r.verify(d.cert, d.cert); err != nil {
			return nil, &chainError{detail: r.selfBad + err.Error()}
		}
		return d, nil
	}
	parents := c.l.allCerts(d.issuer, d.authorityKeyID)
	if len(parents) == 0 {
		return nil, &chainError{missing: true, detail: fmt.Sprintf("no certificate with subject=%s and subjectKeyID=%s on the ledger", shortID(d.issuer), d.authorityKeyID)}
	}
	var details []string
	for _, p := range parents {
		if why := r.skip(p); why != "" {
			details = append(details, why)
			continue
		}
		pd, f := decodeDCL(p.PEM, false)
		if f != nil {
			if m := r.undecodable(f.msg); m != "" {
				details = append(details, m)
			}
			continue
		}
		if err := r.verify(d.cert, pd.cert); err != nil {
			details = append(details, r.underParent(pd.serial, err))
			continue
		}
		root, ce := c.walkChain(pd, depth+1, r)
		if ce == nil {
			return root, nil
		}
		details = append(details, r.notChained(pd.serial, ce.detail))
	}
	return nil, &chainError{detail: strings.Join(details, "; ")}
}

func (c *checker) chainFailure(d *dclCert, ce *chainError, field string) {
	if ce.missing {
		c.fail(CodeCertificateDoesNotExist, "handler", srcChain, field+": tbsCertificate.issuer",
			"No X509 root certificate associated with the combination of subject=%s and subjectKeyID=%s on the ledger: the immediate parent (issuer name + AKID) must be an approved certificate", shortID(d.issuer), d.authorityKeyID)
		return
	}
	c.fail(CodeInvalidCertificate, "handler", srcChain, field,
		"Certificate verification failed for certificate with subject=%s and subjectKeyID=%s (at block time %s: %s)", shortID(d.subject), d.subjectKeyID, c.blockTime(), ce.detail)
}

func (c *checker) blockTime() string {
	if c.at.IsZero() {
		return "now"
	}
	return c.at.UTC().Format(time.RFC3339)
}

// existingMismatch is NewErrUnauthorizedCertIssuer.
func (c *checker) existingMismatch(citation string, d *dclCert, why string) {
	c.fail(c.tx.Target.unauthorizedIssuer(), "handler", citation, "tbsCertificate.subject",
		"Issuer and authorityKeyID of new certificate with subject=%s and subjectKeyID=%s must be the same as ones of existing certificates with the same subject and subjectKeyID: %s", shortID(d.subject), d.subjectKeyID, why)
}

func (c *checker) serialUnused(citation string, d *dclCert) {
	if c.l.serialUsed(d.issuer, d.serial) {
		c.fail(CodeCertificateAlreadyExists, "handler", citation, "tbsCertificate.serialNumber",
			"X509 certificate associated with the combination of issuer=%s and serialNumber=%s already exists on the ledger (proposed, approved or revoked)", shortID(d.issuer), d.serial)
	}
}

// ---- MsgProposeAddX509RootCert -----------------------------------------

func (c *checker) proposeRoot() {
	tx := c.tx
	const vb = "message_propose_add_x_509_root_cert.go"
	c.checkAddress(vb)
	hasCert := c.required("Cert", tx.Cert)
	c.maxLen("Cert", tx.Cert, maxCertSize)
	c.maxLen("Info", tx.Info, 4096)
	c.bounds("Vid", tx.VID, 1, 65535)
	c.schemaZero("CertSchemaVersion", tx.CertSchemaVersion)
	c.requireRole(roleTrustee, srcPropose)
	if !hasCert {
		return
	}
	d := c.parseValidate(tx.Cert, "cert", func(*x509.Certificate) []option { return proposeRootOptions() })
	if d == nil {
		return
	}
	if vid, err := d.vid(); err != nil {
		c.fail(CodeInvalidVidFormat, "handler", srcPropose, "tbsCertificate.subject", "Could not parse vid: %v (subject %q)", err, d.subjectAsText)
	} else if vid != 0 && int64(vid) != tx.VID {
		c.fail(CodeCertificateVidNotEqualMsgVid, "handler", srcPropose, "msg.vid", "Certificate VID=%d is not equal to the msg VID=%d", vid, tx.VID)
	}
	if !d.selfSigned() {
		c.fail(CodeInappropriateCertificateType, "handler", srcPropose, "tbsCertificate.issuer",
			"Inappropriate Certificate Type: Passed certificate is not self-signed, so it cannot be used as a root certificate (issuer DN equal to subject DN: %v; AKID %s, SKID %s)", d.issuer == d.subject, orNone(d.authorityKeyID), orNone(d.subjectKeyID))
	}
	if len(c.l.proposedCerts(d.subject, d.subjectKeyID)) > 0 {
		c.fail(CodeProposedCertificateAlreadyExists, "handler", srcPropose, "tbsCertificate.subject",
			"Proposed X509 root certificate associated with the combination of subject=%s and subjectKeyID=%s already exists on the ledger", shortID(d.subject), d.subjectKeyID)
	}
	c.serialUnused(srcPropose, d)
	if _, ce := c.verifyChain(d, 0); ce != nil {
		c.chainFailure(d, ce, "cert")
	}
	if existing := c.l.approved(d.subject, d.subjectKeyID); len(existing) > 0 {
		e := existing[0]
		if !e.IsRoot {
			c.existingMismatch(srcPropose, d, "the existing certificate is not a root")
		}
		if e.Type == OperationalPKI {
			c.fail(CodeInappropriateCertificateType, "handler", srcPropose, "tbsCertificate.subject", "The existing certificate with the same subject and subjectKeyID is a NOC certificate")
		}
		switch {
		case c.signer.Address == "":
			c.assume("A root with the same subject and SKID is on the ledger (owner %s): only its owner may add another; the signer is taken to be the owner.", orNone(e.Owner))
		case c.signer.Address != e.Owner:
			c.fail(CodeUnauthorized, "handler", srcPropose, "msg.signer",
				"Only the owner of certificates with subject=%s and subjectKeyID=%s has the authority to add certificates with the same subject and subjectKeyID; owner %s, signer %s", shortID(d.subject), d.subjectKeyID, e.Owner, c.signer.Address)
		}
	}
	c.note("On approval the root is stored with vid=%d (the message's vid); children of a non-VID-scoped root are bound to it.", tx.VID)
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// ---- MsgAddX509Cert ------------------------------------------------------

func (c *checker) addCert() {
	tx := c.tx
	c.checkAddress("message_add_x_509_cert.go")
	hasCert := c.required("Cert", tx.Cert)
	c.maxLen("Cert", tx.Cert, maxCertSize)
	c.maxLen("Info", tx.Info, 4096)
	c.schemaZero("CertSchemaVersion", tx.CertSchemaVersion)
	c.requireRole(roleVendor, srcAddCert)
	if !hasCert {
		return
	}
	d := c.parseValidate(tx.Cert, "cert", addCertOptions)
	if d == nil {
		return
	}
	if d.selfSigned() {
		c.fail(CodeNonRootCertificateSelfSigned, "handler", srcAddCert, "tbsCertificate.issuer", "Provided non-root certificate must not be self-signed (issuer DN equals subject DN and AKID %s equals SKID); a root goes through propose-root", orNone(d.authorityKeyID))
	}
	c.serialUnused(srcAddCert, d)
	c.existingNonRoot(srcAddCert, d, "", true)
	root, ce := c.verifyChain(d, 0)
	if ce != nil {
		c.chainFailure(d, ce, "cert")
		return
	}
	roots := c.l.allCerts(root.subject, root.subjectKeyID)
	if len(roots) == 0 {
		c.fail(CodeCertificateDoesNotExist, "handler", srcAddCert, "tbsCertificate.issuer", "No X509 root certificate associated with subject=%s and subjectKeyID=%s", shortID(root.subject), root.subjectKeyID)
		return
	}
	rootRec := roots[0]
	if rootRec.Type == OperationalPKI {
		c.fail(CodeInappropriateCertificateType, "handler", srcAddCert, "tbsCertificate.issuer", "The root is NOC certificate, but the provided certificate is not")
	}
	c.ensureVIDMatches(rootRec, d)
	c.immediateIssuerVIDPID(d)
}

// existingNonRoot is the "same subject and SKID already on the ledger"
// test of AddX509Cert (H5-H7) and AddNocX509IcaCert (H5-H7).
func (c *checker) existingNonRoot(citation string, d *dclCert, want CertType, ownerVID bool) {
	existing := c.l.allCerts(d.subject, d.subjectKeyID)
	if len(existing) == 0 {
		return
	}
	e := existing[0]
	var why []string
	if e.IsRoot {
		why = append(why, "the existing certificate is a root")
	}
	if e.Issuer != d.issuer {
		why = append(why, "its issuer differs")
	}
	if e.AuthorityKeyID != d.authorityKeyID {
		why = append(why, fmt.Sprintf("its AKID is %s, this one's %s", orNone(e.AuthorityKeyID), orNone(d.authorityKeyID)))
	}
	if len(why) > 0 {
		c.existingMismatch(citation, d, strings.Join(why, "; "))
	}
	if want == "" {
		if e.Type == OperationalPKI {
			c.fail(CodeInappropriateCertificateType, "handler", citation, "tbsCertificate.subject", "The existing certificate with the same subject and subjectKeyID is a NOC certificate")
		}
	} else if e.Type != want {
		c.fail(CodeInappropriateCertificateType, "handler", citation, "tbsCertificate.subject", "The existing certificate with the same subject and subjectKeyID is not a %s certificate (it is %s)", want, e.Type)
	}
	if ownerVID {
		if v := c.l.vendorID(e.Owner); v != c.signer.VendorID {
			c.fail(CodeUnauthorized, "handler", srcOwnerVID, "msg.signer", "Only the vendor accounts with vid=%d, has the authority to add the certificate with the same subject and subjectKeyID; the signer's VendorID is %d", v, c.signer.VendorID)
		}
	} else if e.VID != c.signer.VendorID {
		c.fail(CodeUnauthorized, "handler", citation, "msg.signer", "Only the vendor accounts with vid=%d, has the authority to add the certificate with the same subject and subjectKeyID; the signer's VendorID is %d", e.VID, c.signer.VendorID)
	}
}

// ensureVIDMatches is msg_server_add_x_509_cert.go:ensureVidMatches.
func (c *checker) ensureVIDMatches(root *Record, d *dclCert) {
	rootText, err := subjectAsText(root.SubjectAsText)
	if err != nil {
		c.fail(CodeInvalidCertificate, "handler", srcEnsureVID, "root.subjectAsText", "%v", err)
		return
	}
	rootVID, err := VIDFromSubjectText(rootText)
	if err != nil {
		c.fail(CodeInvalidVidFormat, "handler", srcEnsureVID, "root.subjectAsText", "Could not parse the root's vid: %v (%q)", err, rootText)
		return
	}
	childVID, err := d.vid()
	if err != nil {
		c.fail(CodeInvalidVidFormat, "handler", srcEnsureVID, "tbsCertificate.subject", "Could not parse vid: %v (subject %q)", err, d.subjectAsText)
		return
	}
	acc := c.signer.VendorID
	if rootVID != 0 {
		if rootVID != childVID {
			c.fail(CodeCertVidNotEqualToRootVid, "handler", srcEnsureVID, "tbsCertificate.subject",
				"A child certificate must be also VID scoped to the same VID as a root one: Root certificate's VID = %d, Child certificate's VID = %d", rootVID, childVID)
		}
		if rootVID != acc {
			c.fail(CodeCertVidNotEqualAccountVid, "handler", srcEnsureVID, "msg.signer",
				"Only a Vendor associated with VID of root certificate can add a child certificate: Root certificate's VID = %d, Account VID = %d", rootVID, acc)
		}
		return
	}
	if childVID != 0 && childVID != root.VID {
		c.fail(CodeCertVidNotEqualToRootVid, "handler", srcEnsureVID, "tbsCertificate.subject",
			"A child certificate must be also VID scoped to the same VID as a root one: the non-VID-scoped root is assigned VID %d, Child certificate's VID = %d (the DCL's message prints the account VID %d as the root's)", root.VID, childVID, acc)
	}
	if root.VID != acc {
		c.fail(CodeCertVidNotEqualAccountVid, "handler", srcEnsureVID, "msg.signer",
			"Only a Vendor associated with VID of root certificate can add a child certificate: Root certificate's VID = %d (assigned to the non-VID-scoped root), Account VID = %d", root.VID, acc)
	}
}

// immediateIssuerVIDPID is verifyImmediateIssuerVidPid.
func (c *checker) immediateIssuerVIDPID(d *dclCert) {
	parents := c.l.allCerts(d.issuer, d.authorityKeyID)
	if len(parents) == 0 {
		return
	}
	pText, err := subjectAsText(parents[0].SubjectAsText)
	if err != nil {
		c.fail(CodeInvalidCertificate, "handler", "x/pki/keeper/msg_server_add_x_509_cert.go:verifyImmediateIssuerVidPid", "issuer.subjectAsText", "%v", err)
		return
	}
	vid := issuerID{"vid", "certificate VID=0x%X, issuer VID=0x%X", "Child certificate VID must match the issuer's VID: ",
		VIDFromSubjectText, d.vid, CodeInvalidVidFormat, CodeCertVidNotEqualToIssuerVid}
	pid := issuerID{"pid", "certificate PID=0x%X, issuer PID=0x%X", "When the issuer has a PID the child certificate must carry a matching PID: ",
		PIDFromSubjectText, d.pid, CodeInvalidPidFormat, CodeCertPidNotEqualToIssuerPid}
	if c.sameAsIssuer(vid, pText) {
		c.sameAsIssuer(pid, pText)
	}
}

// issuerID is the VID or the PID half of verifyImmediateIssuerVidPid.
type issuerID struct {
	name              string // "vid" or "pid"
	values, mismatch  string // the mismatch message: its values, then its lead
	fromText          func(string) (int32, error)
	child             func() (int32, error)
	badFormat, differ Code
}

// sameAsIssuer checks one half of verifyImmediateIssuerVidPid: when the
// issuer's subject text has the ID, the child's must equal it. It reports
// false when the DCL stops there (an ID that does not parse).
func (c *checker) sameAsIssuer(id issuerID, issuerText string) bool {
	want, err := id.fromText(issuerText)
	if err != nil {
		c.fail(id.badFormat, "handler", srcIssuerVID, "issuer.subjectAsText", "Could not parse the issuer's %s: %v", id.name, err)
		return false
	}
	if want == 0 {
		return true
	}
	got, err := id.child()
	if err != nil {
		c.fail(id.badFormat, "handler", srcIssuerVID, "tbsCertificate.subject", "Could not parse %s: %v", id.name, err)
		return false
	}
	if got != want {
		c.fail(id.differ, "handler", srcIssuerVID, "tbsCertificate.subject", id.mismatch+id.values, got, want)
	}
	return true
}

// ---- MsgAddNocX509RootCert / MsgAddNocX509IcaCert -----------------------

func (c *checker) nocType() CertType {
	if c.tx.VVSC {
		return VIDSignerPKI
	}
	return OperationalPKI
}

func (c *checker) nocBasic(file, citation string) bool {
	tx := c.tx
	c.checkAddress(file)
	hasCert := c.required("Cert", tx.Cert)
	c.maxLen("Cert", tx.Cert, maxCertSize)
	c.schemaZero("CertSchemaVersion", tx.CertSchemaVersion)
	c.requireRole(roleVendor, citation)
	return hasCert
}

func (c *checker) addNOCRoot() {
	if !c.nocBasic("message_add_noc_x_509_root_cert.go", srcNOCRoot) {
		return
	}
	d := c.parseValidate(c.tx.Cert, "cert", func(*x509.Certificate) []option { return nocOptions(true, c.tx.VVSC) })
	if d == nil {
		return
	}
	if !d.selfSigned() {
		c.fail(CodeRootCertificateIsNotSelfSigned, "handler", srcNOCRoot, "tbsCertificate.issuer", "Provided root certificate must be self-signed (issuer DN equal to subject DN: %v; AKID %s, SKID %s)", d.issuer == d.subject, orNone(d.authorityKeyID), orNone(d.subjectKeyID))
	}
	c.serialUnused(srcNOCRoot, d)
	if _, ce := c.verifyChain(d, 0); ce != nil {
		c.chainFailure(d, ce, "cert")
	}
	if existing := c.l.allCerts(d.subject, d.subjectKeyID); len(existing) > 0 {
		e := existing[0]
		if !e.IsRoot {
			c.existingMismatch(srcNOCRoot, d, "the existing certificate is not a root")
		}
		if e.Type != c.nocType() {
			c.fail(CodeInappropriateCertificateType, "handler", srcNOCRoot, "tbsCertificate.subject", "The existing certificate with the same subject and subjectKeyID is not a %s certificate (it is %s)", c.nocType(), e.Type)
		}
		if e.VID != c.signer.VendorID {
			c.fail(CodeUnauthorized, "handler", srcNOCRoot, "msg.signer", "Only the vendor accounts with vid=%d, has the authority to add the certificate with the same subject and subjectKeyID; the signer's VendorID is %d", e.VID, c.signer.VendorID)
		}
	}
	c.note("The root is stored with vid=%d (the signer's VendorID); its subject's VID is not read.", c.signer.VendorID)
}

func (c *checker) addNOCICA() {
	if !c.nocBasic("message_add_noc_x_509_ica_cert.go", srcNOCICA) {
		return
	}
	d := c.parseValidate(c.tx.Cert, "cert", func(*x509.Certificate) []option { return nocOptions(false, c.tx.VVSC) })
	if d == nil {
		return
	}
	if d.selfSigned() {
		c.fail(CodeNonRootCertificateSelfSigned, "handler", srcNOCICA, "tbsCertificate.issuer", "Provided non-root certificate must not be self-signed")
	}
	c.serialUnused(srcNOCICA, d)
	c.existingNonRoot(srcNOCICA, d, c.nocType(), false)
	var root *dclCert
	var ce *chainError
	if c.tx.VVSC {
		root, ce = c.verifyVVSC(d, 1)
		if ce != nil {
			if ce.missing {
				c.chainFailure(d, ce, "cert")
			} else {
				c.fail(c.tx.Target.vvscChainFailed(), "handler", srcVVSCChain, "cert",
					"VVSC chain verification failed for subject=%s subjectKeyID=%s (%s)", shortID(d.subject), d.subjectKeyID, ce.detail)
			}
			return
		}
	} else if root, ce = c.verifyChain(d, 0); ce != nil {
		c.chainFailure(d, ce, "cert")
		return
	}
	roots := c.l.allCerts(root.subject, root.subjectKeyID)
	if len(roots) == 0 {
		c.fail(CodeCertificateDoesNotExist, "handler", srcNOCICA, "tbsCertificate.issuer", "No X509 root certificate associated with subject=%s and subjectKeyID=%s", shortID(root.subject), root.subjectKeyID)
		return
	}
	if roots[0].Type != c.nocType() {
		c.fail(CodeInappropriateCertificateType, "handler", srcNOCICA, "tbsCertificate.issuer",
			"Root of the provided certificate with subject (%s) and subjectKeyID (%s) is not a %s certificate (it is %s)", shortID(root.subject), root.subjectKeyID, c.nocType(), roots[0].Type)
	}
	if roots[0].VID != c.signer.VendorID {
		c.fail(CodeCertVidNotEqualAccountVid, "handler", srcNOCICA, "msg.signer",
			"Only a Vendor associated with VID of root certificate can add a child certificate: Root certificate's VID = %d, Account VID = %d", roots[0].VID, c.signer.VendorID)
	}
}

// ---- revocation points ---------------------------------------------------

var issuerSKIDRE = regexp.MustCompile(`^(?:[0-9A-F]{2})+$`)

// Supported data digest types (x/pki/types/types.go).
func digestTypeOK(t uint32) bool {
	switch t {
	case 0, 1, 7, 8, 10, 11, 12:
		return true
	}
	return false
}

// pointDataFields is the shared part of verifyFields: 410 and 421-424.
func (c *checker) pointDataFields(p *Point, cite string) {
	if !digestTypeOK(p.DataDigestType) {
		c.fail(CodeInvalidDataDigestType, "ValidateBasic", cite, "msg.dataDigestType", "Invalid DataDigestType: %d. Supported types are: [1 7 8 10 11 12]", p.DataDigestType)
	}
}

func (c *checker) pointDigestRules(p *Point, cite string) {
	if p.DataFileSize == 0 && p.DataDigest != "" {
		c.fail(CodeEmptyDataFileSize, "ValidateBasic", cite, "msg.dataFileSize", "Data Digest must be provided only if Data File Size is provided")
	}
	if p.DataFileSize != 0 && p.DataDigest == "" {
		c.fail(CodeEmptyDataDigest, "ValidateBasic", cite, "msg.dataDigest", "Data Digest must be provided if Data File Size is provided")
	}
	if p.DataDigest == "" && p.DataDigestType != 0 {
		c.fail(CodeNotEmptyDataDigestType, "ValidateBasic", cite, "msg.dataDigestType", "Data Digest Type must be provided only if Data Digest is provided")
	}
	if p.DataDigest != "" && p.DataDigestType == 0 {
		c.fail(CodeEmptyDataDigestType, "ValidateBasic", cite, "msg.dataDigestType", "Data Digest Type must be provided if Data Digest is provided")
	}
}

func (c *checker) issuerSKIDFormat(p *Point, cite string) {
	if !issuerSKIDRE.MatchString(p.IssuerSubjectKeyID) {
		c.fail(CodeWrongSubjectKeyIDFormat, "ValidateBasic", cite, "msg.issuerSubjectKeyID",
			"Wrong IssuerSubjectKeyID format. It must consist of even number of uppercase hexadecimal characters ([0-9A-F]), with no whitespace and no non-hexadecimal characters; found %q", p.IssuerSubjectKeyID)
	}
}

func (c *checker) checkURL(field, v string) {
	if v == "" {
		return
	}
	u, err := url.ParseRequestURI(v)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		c.fail(CodeFieldNotValid, "ValidateBasic", "utils/validator/validations.go:validURL", "msg."+field, "Field %s : %s is invalid HTTP or HTTPS URL", field, v)
	}
}

func (c *checker) addPoint() {
	p := c.tx.Point
	if p == nil {
		p = &Point{}
	}
	const file = "message_add_pki_revocation_distribution_point.go"
	vf := srcTypes + file + ":verifyFields"
	c.checkAddress(file)
	c.bounds("Vid", p.VID, 1, 65535)
	c.bounds("Pid", p.PID, 0, 65535)
	if c.required("Label", p.Label) {
		c.maxLen("Label", p.Label, 64)
	}
	hasCert := c.required("CrlSignerCertificate", p.CRLSignerCertificate)
	c.maxLen("CrlSignerCertificate", p.CRLSignerCertificate, 2048)
	if c.required("IssuerSubjectKeyID", p.IssuerSubjectKeyID) {
		c.maxLen("IssuerSubjectKeyID", p.IssuerSubjectKeyID, 64)
	}
	if c.required("DataURL", p.DataURL) {
		c.checkURL("DataURL", p.DataURL)
		c.maxLen("DataURL", p.DataURL, 256)
	}
	c.maxLen("DataDigest", p.DataDigest, 128)
	if p.RevocationType == 0 {
		c.fail(CodeRequiredFieldMissing, "ValidateBasic", srcValidator, "msg.revocationType", "RevocationType is a required field")
	}
	c.schemaZero("SchemaVersion", int64(p.SchemaVersion))
	c.maxLen("CrlSignerDelegator", p.CRLSignerDelegator, 2048)
	c.pointDataFields(p, vf)
	if p.RevocationType != 0 && p.RevocationType != 1 {
		c.fail(CodeInvalidRevocationType, "ValidateBasic", vf, "msg.revocationType", "Invalid RevocationType: %d. Supported types are: [1]", p.RevocationType)
	}
	c.pointDigestRules(p, vf)
	if p.RevocationType == 1 && (p.DataFileSize != 0 || p.DataDigest != "" || p.DataDigestType != 0) {
		c.fail(CodeDataFieldPresented, "ValidateBasic", vf, "msg.dataFileSize", "Data fields (size, digest, digest type) must not be given for revocation type 1 (a CRL)")
	}
	c.issuerSKIDFormat(p, vf)
	c.requireRole(roleVendor, srcAddRDP)
	if !hasCert {
		return
	}
	d := c.parseValidate(p.CRLSignerCertificate, "crlSignerCertificate", nil)
	if d == nil {
		return
	}
	if p.IsPAA {
		c.signerAsPAA(d, p)
	} else {
		c.signerAsPAI(d, p)
	}
	if p.VID != int64(c.signer.VendorID) {
		c.fail(CodeMessageVidNotEqualAccountVid, "handler", srcAddRDP, "msg.vid", "Message vid=%d is not equal to account vid=%d", p.VID, c.signer.VendorID)
	}
	if c.l.point(p.VID, p.Label, p.IssuerSubjectKeyID) != nil {
		c.fail(CodeRevocationPointAlreadyExists, "handler", srcAddRDP, "msg.label",
			"PKI revocation distribution point associated with vid=%d and label=%s already exist for issuerSubjectKeyID=%s", p.VID, p.Label, p.IssuerSubjectKeyID)
	}
	if d.selfSigned() {
		c.rootSigner(d, p.CRLSignerCertificate, p.VID, srcRDPFile+"checkRootCert", false)
	} else {
		c.nonRootSigner(d, p.CRLSignerDelegator, p.IsPAA, srcRDPFile+"checkCRLSignerNonRootCert")
	}
	for _, q := range c.l.pointList() {
		if q.IssuerSubjectKeyID == p.IssuerSubjectKeyID && q.DataURL == p.DataURL && q.VID == p.VID {
			c.fail(CodeRevocationPointAlreadyExists, "handler", srcAddRDP, "msg.dataURL",
				"PKI revocation distribution point associated with dataUrl=%s already exist for issuerSubjectKeyID=%s (label %q, same vid)", p.DataURL, p.IssuerSubjectKeyID, q.Label)
			break
		}
	}
	if p.IssuerSubjectKeyID != "" {
		c.noteISID(d, p)
	}
}

// noteISID says when issuerSubjectKeyID matches neither key identifier of
// the signer: the DCL does not compare them, commissioners building a
// revocation set do.
func (c *checker) noteISID(d *dclCert, p *Point) {
	want := strings.ReplaceAll(d.authorityKeyID, ":", "")
	if d.selfSigned() || p.IsPAA && d.authorityKeyID == "" {
		want = strings.ReplaceAll(d.subjectKeyID, ":", "")
	}
	if p.IssuerSubjectKeyID != want && p.IssuerSubjectKeyID != strings.ReplaceAll(d.subjectKeyID, ":", "") {
		c.note("The DCL does not compare issuerSubjectKeyID (%s) with the certificates; revocation-set builders look the CRL issuer up by it, and this signer's issuer key identifier is %s.", p.IssuerSubjectKeyID, orNone(want))
	}
}

// signerAsPAA is verifyPAA (isPAA = true).
func (c *checker) signerAsPAA(d *dclCert, p *Point) {
	cite := srcRDPFile + "verifyPAA"
	if p.PID != 0 {
		c.fail(CodeNotEmptyPid, "handler", cite, "msg.pid", "Product ID (pid) must be empty for root certificates; found pid %d with isPAA", p.PID)
	}
	if pid, _ := d.pid(); pid != 0 {
		c.fail(CodeNotEmptyPid, "handler", cite, "crlSignerCertificate: tbsCertificate.subject", "Product ID (pid) must be empty for root certificates; the signer has pid 0x%X", pid)
	}
	vid, err := d.vid()
	if err != nil {
		c.fail(CodeInvalidVidFormat, "handler", cite, "crlSignerCertificate: tbsCertificate.subject", "Could not parse vid: %v", err)
	} else if vid > 0 && int64(vid) != p.VID {
		c.fail(CodeCRLSignerVidNotEqualMsgVid, "handler", cite, "msg.vid", "CRL Signer Certificate's vid=%d must be equal to the provided vid=%d in the message", vid, p.VID)
	}
	if !d.selfSigned() {
		c.failIssues("handler", prefixed("crlSignerCertificate", crlSignerFormat(d)))
	}
}

// signerAsPAI is verifyPAI (isPAA = false).
func (c *checker) signerAsPAI(d *dclCert, p *Point) {
	cite := srcRDPFile + "verifyPAI"
	if d.selfSigned() {
		c.fail(CodeNonRootCertificateSelfSigned, "handler", cite, "crlSignerCertificate: tbsCertificate.issuer", "the CRL signer is self-signed but isPAA is false: a non-root CRL signer must not be self-signed")
	}
	vid, err := d.vid()
	if err != nil {
		c.fail(CodeInvalidVidFormat, "handler", cite, "crlSignerCertificate: tbsCertificate.subject", "Could not parse vid: %v", err)
	} else if vid > 0 && int64(vid) != p.VID {
		c.fail(CodeCRLSignerVidNotEqualMsgVid, "handler", cite, "msg.vid", "CRL Signer Certificate's vid=%d must be equal to the provided vid=%d in the message", vid, p.VID)
	}
	pid, err := d.pid()
	switch {
	case err != nil:
		c.fail(CodeInvalidPidFormat, "handler", cite, "crlSignerCertificate: tbsCertificate.subject", "Could not parse pid: %v", err)
	case pid == 0 && p.PID != 0:
		c.fail(CodeNotEmptyPid, "handler", cite, "msg.pid", "Product ID (pid) must be empty when it is not found in non-root CRL Signer Certificate; found pid %d", p.PID)
	case pid != 0 && p.PID == 0:
		c.fail(CodePidNotFound, "handler", cite, "msg.pid", "Product ID (pid) must be provided when pid=%d in non-root CRL Signer Certificate", pid)
	case pid > 0 && int64(pid) != p.PID:
		c.fail(CodeCRLSignerPidNotEqualMsgPid, "handler", cite, "msg.pid", "CRL Signer Certificate's pid=%d must be equal to the provided pid=%d in the message", pid, p.PID)
	}
	if p.CRLSignerDelegator != "" {
		c.failIssues("handler", prefixed("crlSignerCertificate", crlSignerFormat(d)))
	}
}

func prefixed(field string, is []issue) []issue {
	for i := range is {
		is[i].location = field + ": " + is[i].location
	}
	return is
}

// rootSigner is checkRootCert (add) and the ledger part of verifyUpdatedPAA
// (update): the self-signed signer must be an approved DA root, byte for
// byte, and a non-VID-scoped root binds the point's vid to its assigned
// VID.
func (c *checker) rootSigner(d *dclCert, pemText string, vid int64, cite string, update bool) {
	approved := c.l.approved(d.subject, d.subjectKeyID)
	if len(approved) == 0 {
		c.fail(CodeCertificateDoesNotExist, "handler", cite, "crlSignerCertificate",
			"No X509 root certificate associated with the combination of subject=%s and subjectKeyID=%s on the ledger: a self-signed CRL signer must be an approved PAA", shortID(d.subject), d.subjectKeyID)
		return
	}
	var found *Record
	for _, r := range approved {
		if pemEqual(r.PEM, pemText) {
			found = r
			break
		}
	}
	if found == nil {
		c.fail(CodePemValuesNotEqual, "handler", cite, "crlSignerCertificate",
			"the approved root with subject=%s and subjectKeyID=%s is not this certificate (its DER differs)", shortID(d.subject), d.subjectKeyID)
		return
	}
	lv, err := VIDFromSubjectText(found.SubjectAsText)
	if err != nil {
		c.fail(CodeInvalidVidFormat, "handler", cite, "root.subjectAsText", "Could not parse the ledger root's vid: %v", err)
		return
	}
	if lv == 0 && vid != int64(found.VID) {
		c.fail(CodeMessageVidNotEqualRootCertVid, "handler", cite, "msg.vid", "Message vid=%d is not equal to ledger's root certificate vid=%d (assigned to the non-VID-scoped root)", vid, found.VID)
	}
	if update && lv != 0 && vid != int64(lv) {
		c.fail(CodeMessageVidNotEqualRootCertVid, "handler", cite, "msg.vid", "Message vid=%d is not equal to ledger's root certificate vid=%d", vid, found.VID)
	}
}

func pemEqual(a, b string) bool {
	x, _ := pem.Decode([]byte(a))
	y, _ := pem.Decode([]byte(b))
	return x != nil && y != nil && bytes.Equal(x.Bytes, y.Bytes)
}

// nonRootSigner is checkCRLSignerNonRootCert.
func (c *checker) nonRootSigner(d *dclCert, delegator string, isPAA bool, cite string) {
	if delegator != "" && !isPAA {
		if len(delegator) > maxCertSize {
			c.fail(CodeInvalidCertificate, "handler", cite, "crlSignerDelegator", "certificate size (%d bytes) exceeds maximum limit of %d bytes", len(delegator), maxCertSize)
			return
		}
		dd, f := decodeDCL(delegator, true)
		if f != nil {
			c.fail(CodeInvalidCertificate, "handler", cite, "crlSignerDelegator: "+f.location, "failed to parse the delegator certificate: %s", f.msg)
			return
		}
		if err := lint.DCLVerify(d.cert, dd.cert, c.at); err != nil {
			c.fail(CodeCertNotChainedBack, "handler", cite, "crlSignerCertificate",
				"CRL Signer Certificate is not chained back to delegated PAI CRL Signer certificate (crypto/x509: %v)", err)
			return
		}
		if _, ce := c.verifyChain(dd, 0); ce != nil {
			c.fail(CodeCertNotChainedBack, "handler", cite, "crlSignerDelegator",
				"Delegated CRL Signer Certificate is not chained back to root certificate on DCL (%s)", ce.detail)
			return
		}
		if dd.selfSigned() {
			c.note("The delegator is self-signed: the DCL accepts any valid self-signed delegator without looking it up on the ledger.")
		}
		return
	}
	if delegator != "" && isPAA {
		c.note("With isPAA the DCL ignores crlSignerDelegator (it is stored, never parsed).")
	}
	if _, ce := c.verifyChain(d, 0); ce != nil {
		c.fail(CodeCertNotChainedBack, "handler", cite, "crlSignerCertificate", "CRL Signer Certificate is not chained back to root certificate on DCL (%s)", ce.detail)
	}
}

func (c *checker) updatePoint() {
	p := c.tx.Point
	if p == nil {
		p = &Point{}
	}
	const file = "message_update_pki_revocation_distribution_point.go"
	vb := srcTypes + file + ":ValidateBasic"
	c.checkAddress(file)
	c.bounds("Vid", p.VID, 1, 65535)
	if c.required("Label", p.Label) {
		c.maxLen("Label", p.Label, 64)
	}
	c.maxLen("CrlSignerCertificate", p.CRLSignerCertificate, 2048)
	if c.required("IssuerSubjectKeyID", p.IssuerSubjectKeyID) {
		c.maxLen("IssuerSubjectKeyID", p.IssuerSubjectKeyID, 64)
	}
	c.checkURL("DataURL", p.DataURL)
	c.maxLen("DataURL", p.DataURL, 256)
	c.maxLen("DataDigest", p.DataDigest, 128)
	c.schemaZero("SchemaVersion", int64(p.SchemaVersion))
	c.maxLen("CrlSignerDelegator", p.CRLSignerDelegator, 2048)
	c.pointDataFields(p, vb)
	c.pointDigestRules(p, vb)
	c.issuerSKIDFormat(p, vb)
	c.requireRole(roleVendor, srcUpdRDP)
	if p.VID != int64(c.signer.VendorID) {
		c.fail(CodeMessageVidNotEqualAccountVid, "handler", srcUpdRDP, "msg.vid", "Message vid=%d is not equal to account vid=%d", p.VID, c.signer.VendorID)
	}
	stored := c.l.point(p.VID, p.Label, p.IssuerSubjectKeyID)
	if stored == nil {
		c.fail(CodeRevocationPointDoesNotExist, "handler", srcUpdRDP, "msg.label",
			"PKI revocation distribution point associated with vid=%d and label=%s does not exist for issuerSubjectKeyID=%s", p.VID, p.Label, p.IssuerSubjectKeyID)
		return
	}
	if p.CRLSignerCertificate != "" {
		c.updatedSigner(p, stored)
	}
	if stored.RevocationType == 1 && (p.DataFileSize != 0 || p.DataDigest != "" || p.DataDigestType != 0) {
		c.fail(CodeDataFieldPresented, "handler", srcUpdRDP, "msg.dataFileSize", "Data fields (size, digest, digest type) must not be given: the point's revocation type is 1 (a CRL)")
	}
	for _, q := range c.l.pointList() {
		if q.IssuerSubjectKeyID == p.IssuerSubjectKeyID && q.DataURL == p.DataURL && q.VID == p.VID && q.Label != p.Label {
			c.fail(CodeRevocationPointAlreadyExists, "handler", srcUpdRDP, "msg.dataURL",
				"PKI revocation distribution point associated with dataUrl=%s already exist for issuerSubjectKeyID=%s (label %q)", p.DataURL, p.IssuerSubjectKeyID, q.Label)
			break
		}
	}
	if p.CRLSignerCertificate == "" && p.CRLSignerDelegator != "" {
		c.note("Without crlSignerCertificate the DCL does not update crlSignerDelegator either.")
	}
}

// updatedSigner is verifyUpdatedCertificate.
func (c *checker) updatedSigner(p, stored *Point) {
	old, f := decodeDCL(stored.CRLSignerCertificate, false)
	if f != nil {
		c.fail(CodeInvalidCertificate, "handler", srcUpdFile+"verifyUpdatedCertificate", "stored crlSignerCertificate", "the point's stored CRL signer does not decode: %s", f.msg)
		return
	}
	d := c.parseValidate(p.CRLSignerCertificate, "crlSignerCertificate", nil)
	if d == nil {
		return
	}
	if old.selfSigned() {
		cite := srcUpdFile + "verifyUpdatedPAA"
		if !d.selfSigned() {
			c.fail(CodeRootCertificateIsNotSelfSigned, "handler", cite, "crlSignerCertificate: tbsCertificate.issuer", "the point's signer is a root, so the new one must be self-signed too")
			return
		}
		vid, err := d.vid()
		if err != nil {
			c.fail(CodeInvalidVidFormat, "handler", cite, "crlSignerCertificate: tbsCertificate.subject", "Could not parse vid: %v", err)
			return
		}
		if vid != 0 && int64(vid) != stored.VID {
			c.fail(CodeCRLSignerVidNotEqualPointVid, "handler", cite, "crlSignerCertificate: tbsCertificate.subject", "CRL Signer Certificate's vid=%d must be equal to the provided vid=%d in the revocation point", vid, stored.VID)
			return
		}
		c.rootSigner(d, p.CRLSignerCertificate, stored.VID, cite, true)
		return
	}
	cite := srcUpdFile + "verifyUpdatedPAI"
	if d.selfSigned() {
		c.fail(CodeNonRootCertificateSelfSigned, "handler", cite, "crlSignerCertificate: tbsCertificate.issuer", "the point's signer is not a root, so the new one must not be self-signed")
		return
	}
	vid, err := d.vid()
	if err != nil {
		c.fail(CodeInvalidVidFormat, "handler", cite, "crlSignerCertificate: tbsCertificate.subject", "Could not parse vid: %v", err)
		return
	}
	if vid > 0 && int64(vid) != stored.VID {
		c.fail(CodeCRLSignerVidNotEqualPointVid, "handler", cite, "crlSignerCertificate: tbsCertificate.subject", "CRL Signer Certificate's vid=%d must be equal to the point's vid=%d (the DCL's message swaps the two)", vid, stored.VID)
		return
	}
	pid, err := d.pid()
	if err != nil {
		c.fail(CodeInvalidPidFormat, "handler", cite, "crlSignerCertificate: tbsCertificate.subject", "Could not parse pid: %v", err)
		return
	}
	if pid != 0 && int64(pid) != stored.PID {
		c.fail(CodeCRLSignerPidNotEqualPointPid, "handler", cite, "crlSignerCertificate: tbsCertificate.subject", "CRL Signer Certificate's pid=%d must be equal to the point's pid=%d", pid, stored.PID)
		return
	}
	if pid == 0 && stored.PID != 0 {
		c.fail(CodePidNotFound, "handler", cite, "crlSignerCertificate: tbsCertificate.subject", "Product ID (pid) not found in CRL Signer Certificate when it is provided in the revocation point (pid %d)", stored.PID)
		return
	}
	if stored.IsPAA || stored.CRLSignerDelegator != "" {
		if is := crlSignerFormat(d); len(is) > 0 {
			c.failIssues("handler", prefixed("crlSignerCertificate", is))
			return
		}
	}
	c.nonRootSigner(d, p.CRLSignerDelegator, stored.IsPAA, srcRDPFile+"checkCRLSignerNonRootCert")
}
