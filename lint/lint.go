// Package lint holds matterlint's rules: one rule per file, each with
// zlint-style metadata (name with an e_/w_/n_ severity prefix, description,
// citation, source), the certificate roles it applies to and the reference
// SDK result code it corresponds to. Rules read the tolerant model of package
// matterext and never re-parse.
//
// A Registry is an instance, not a global: Default returns a fresh registry
// with every built-in rule, and callers may register their own.
package lint

import (
	"fmt"
	"time"

	"github.com/matterlint/matterlint/matterext"
	zlint "github.com/zmap/zlint/v3/lint"
)

//go:generate go run ../internal/fixtures/cmd/genfixtures -out ../testdata/certs

// Severity is how bad a finding is. It is fixed by the rule name's prefix:
// e_ Error, w_ Warn, n_ Notice.
type Severity uint8

const (
	Notice Severity = iota + 1
	Warn
	Error
)

func (s Severity) String() string {
	switch s {
	case Notice:
		return "notice"
	case Warn:
		return "warn"
	case Error:
		return "error"
	}
	return "unknown"
}

// ParseSeverity parses "error", "warn"/"warning" or "notice".
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "error", "e":
		return Error, nil
	case "warn", "warning", "w":
		return Warn, nil
	case "notice", "n", "info":
		return Notice, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warn or notice)", s)
}

// Sources of rules. They are zlint LintSource values, so that our rules can
// also be registered into zlint's registry.
const (
	// SourceMatter: the Matter attestation profile as the reference SDK
	// implements it (matter-pki-rules.md).
	SourceMatter zlint.LintSource = "Matter"
	// SourceDCL: what the Distributed Compliance Ledger checks on submission
	// (dcl-rules.md).
	SourceDCL zlint.LintSource = "DCL"
	// SourceRFC5280: RFC 5280 / X.690 DER basics that Matter CAs get wrong.
	SourceRFC5280 zlint.LintSource = zlint.RFC5280
	// SourceTestHarness: the CSA certification test harness (TC_DA_1_2,
	// TC_DA_1_7), stricter than commissioners in places.
	SourceTestHarness zlint.LintSource = "CSA-Test-Harness"
)

// SDKCheck says which reference-SDK check a rule corresponds to, so that a
// finding can name the AttestationVerificationResult the SDK would report.
type SDKCheck uint8

const (
	// SDKNotChecked: the SDK accepts certificates that break this rule.
	SDKNotChecked SDKCheck = iota
	// SDKFormat: VerifyAttestationCertificateFormat or VID/PID extraction
	// fails (PAA 105, PAI 203, DAC 303).
	SDKFormat
	// SDKVendorID: the VID checks of VerifyAttestationInformation (305).
	SDKVendorID
	// SDKProductID: the PID checks (306).
	SDKProductID
	// SDKChain: ValidateCertificateChain (301).
	SDKChain
	// SDKDacExpired: the DAC current-time check (300).
	SDKDacExpired
	// SDKCDKeyID: CMS_ExtractKeyId / DecodeSignerInfo fails (600).
	SDKCDKeyID
	// SDKCDSignature: CMS_Verify fails (602).
	SDKCDSignature
	// SDKCDFormat: the CD content does not decode (603).
	SDKCDFormat
	// SDKCDElements: format_version or certification_type rejected (501).
	SDKCDElements
	// SDKCDProductID: no product ID can match (605).
	SDKCDProductID
	// SDKCDPAA: the authorized PAA list cannot match (606).
	SDKCDPAA
)

// Code returns the SDK result code for a certificate of role r, or
// matterext.Success when the SDK does not check the rule for that role.
func (s SDKCheck) Code(r matterext.Role) matterext.ResultCode {
	switch s {
	case SDKFormat:
		return matterext.FormatInvalidFor(r)
	case SDKVendorID:
		if r == matterext.RoleDAC || r == matterext.RolePAI {
			return matterext.DacVendorIDMismatch
		}
	case SDKProductID:
		if r == matterext.RoleDAC || r == matterext.RolePAI {
			return matterext.DacProductIDMismatch
		}
	case SDKChain:
		if r != matterext.RoleCRLSigner {
			return matterext.DacSignatureInvalid
		}
	case SDKDacExpired:
		if r == matterext.RoleDAC {
			return matterext.DacExpired
		}
	}
	if r == matterext.RoleCD {
		switch s {
		case SDKCDKeyID:
			return matterext.CertificationDeclarationNoKeyID
		case SDKCDSignature:
			return matterext.CertificationDeclarationInvalidSignature
		case SDKCDFormat:
			return matterext.CertificationDeclarationInvalidFormat
		case SDKCDElements:
			return matterext.AttestationElementsMalformed
		case SDKCDProductID:
			return matterext.CertificationDeclarationInvalidProductID
		case SDKCDPAA:
			return matterext.CertificationDeclarationInvalidPAA
		}
	}
	return matterext.Success
}

// Metadata describes a rule. The embedded zlint metadata carries the name,
// description, citation and source.
type Metadata struct {
	zlint.LintMetadata
	// Roles the rule applies to.
	Roles matterext.Role
	// SDK is the reference-SDK check the rule corresponds to.
	SDK SDKCheck
	// Note says where the SDK, the DCL and the specification disagree about
	// this rule; it is shown with every finding.
	Note string
	// NeedsTime marks rules that only run when an evaluation time is given.
	NeedsTime bool
	// Batch marks rules that compare the certificates of a batch; they run
	// through a Batch, not Registry.Lint.
	Batch bool
}

// Severity returns the severity fixed by the name prefix.
func (m *Metadata) Severity() Severity {
	if len(m.Name) > 2 {
		switch m.Name[:2] {
		case "e_":
			return Error
		case "w_":
			return Warn
		case "n_":
			return Notice
		}
	}
	return 0
}

// Rule is one lint.
type Rule struct {
	Metadata
	// Check inspects ctx.Cert and reports findings through r. It must not
	// retain ctx or r.
	Check func(ctx *Context, r *Reporter)
}

// Finding is one violation of a rule on one certificate.
type Finding struct {
	Rule     *Rule                `json:"-"`
	Location string               // ASN.1 path, e.g. tbsCertificate.extensions[keyUsage].critical
	Message  string               // what was found and what was expected
	Found    string               // what the certificate holds ("" when absent)
	Expected string               // what the rule wants
	SDKCode  matterext.ResultCode // what the SDK reports for it (0 when it accepts the certificate)
}

// Severity returns the finding's severity.
func (f *Finding) Severity() Severity { return f.Rule.Severity() }

// Context is what a rule sees: the certificate, its role and the options of
// the run. Derived values (VID/PID) are computed once and shared.
type Context struct {
	// Cert is the certificate for certificate rules; nil for CD rules.
	Cert *matterext.Certificate
	// CD is the Certification Declaration for rules of RoleCD; nil otherwise.
	CD *matterext.CertificationDeclaration
	// CRL is the CRL for rules of RoleCRL; nil otherwise.
	CRL *matterext.CRL
	// Point is the revocation point for rules of RolePoint; nil otherwise.
	Point *matterext.RevocationPoint
	Role  matterext.Role
	// At is the evaluation time for time-dependent rules; zero when none was
	// given, and then those rules do not run.
	At time.Time

	vidpid     matterext.VIDPID
	vidpidErr  error
	vidpidDone bool
}

// VIDPID returns the subject's VID/PID as the SDK extracts them.
func (c *Context) VIDPID() (matterext.VIDPID, error) {
	if !c.vidpidDone {
		c.vidpid, c.vidpidErr = matterext.ExtractVIDPID(&c.Cert.Subject)
		c.vidpidDone = true
	}
	return c.vidpid, c.vidpidErr
}

// Reporter collects the findings of one rule.
type Reporter struct {
	rule     *Rule
	role     matterext.Role
	findings []Finding
}

// Add records a finding at location. found and expected are short values;
// message is the full sentence shown to people.
func (r *Reporter) Add(location, found, expected, message string) {
	r.findings = append(r.findings, Finding{
		Rule: r.rule, Location: location, Message: message, Found: found, Expected: expected,
		SDKCode: r.rule.SDK.Code(r.role),
	})
}

// Addf records a finding whose message is built with fmt.Sprintf.
func (r *Reporter) Addf(location, found, expected, format string, args ...any) {
	r.Add(location, found, expected, fmt.Sprintf(format, args...))
}
