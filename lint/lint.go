// Package lint holds matterlint's rules: one rule per file, each with
// zlint-style metadata (name with an e_/w_/n_ severity prefix, description,
// citation, source, the normative text it enforces), and the reference SDK
// result code it corresponds to. Rules read the tolerant models of package
// matterext and never re-parse.
//
// # Object kinds
//
// A rule reads one kind of object, and its Go type says which: a CertRule
// reads a certificate (with its role: PAA, PAI, DAC or CRL signer), a
// CDRule a Certification Declaration, a CRLRule a CRL, a PointRule a DCL
// revocation distribution point, and a BatchRule the certificates of a batch
// one after another. A rule therefore cannot be registered for an object it
// cannot read: its Check function takes that object. Certificate roles
// (matterext.Role) are separate from kinds and only certificate and batch
// rules have them.
//
// Files are named after their rule, and a rule's name says its kind: after
// the severity prefix, CD rules start with cd_, CRL rules with crl_, point
// rules with point_ and batch rules with batch_; every other rule reads a
// certificate (e_dac_*, e_crlsigner_*, e_ext_*, …). Register enforces this.
// To add a rule, add one file with an init function that calls register
// with the rule of its kind (see e_dac_pid_missing.go, e_cd_format_version_not_1.go,
// e_crl_number_invalid.go, e_point_vid_pid_mismatch.go,
// e_batch_duplicate_serial.go) and one failing fixture in internal/fixtures.
//
// A Registry is an instance, not a global: Default returns a fresh registry
// with every built-in rule, and callers may register their own.
package lint

import (
	"fmt"
	"hash/maphash"
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
	// SDKFormat: VerifyAttestationCertificateFormat fails (PAA 105, PAI 203,
	// DAC 303).
	SDKFormat
	// SDKVIDPID: ExtractVIDPIDFromX509Cert fails (PAA 105, PAI 203, DAC
	// 303), a step after the format checks.
	SDKVIDPID
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
	// SDKRevocationSet: the SDK's revocation-set builder
	// (credentials/generate_revocation_set.py) drops a revocation point
	// with this defect; no attestation result code.
	SDKRevocationSet
)

// Code returns the SDK result code for a certificate of role r, or
// matterext.Success when the SDK does not check the rule for that role.
func (s SDKCheck) Code(r matterext.Role) matterext.ResultCode {
	switch s {
	case SDKFormat, SDKVIDPID:
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
		if r&(matterext.RolePAA|matterext.RolePAI|matterext.RoleDAC) != 0 {
			return matterext.DacSignatureInvalid
		}
	case SDKDacExpired:
		if r == matterext.RoleDAC {
			return matterext.DacExpired
		}
	}
	return matterext.Success
}

// CDCode returns the SDK result code of a CD rule's check, or
// matterext.Success when the SDK does not check it.
func (s SDKCheck) CDCode() matterext.ResultCode {
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
	return matterext.Success
}

// Kind is the kind of object a rule reads.
type Kind uint8

const (
	KindCertificate Kind = iota + 1
	KindCD
	KindCRL
	KindPoint
	KindBatch
)

var kindNames = [...]string{KindCertificate: "certificate", KindCD: "cd", KindCRL: "crl", KindPoint: "revocation-point", KindBatch: "batch"}

func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "unknown"
}

// namePrefix is the segment a rule name of kind k starts with after its
// severity prefix ("" for certificate rules).
func (k Kind) namePrefix() string {
	switch k {
	case KindCD:
		return "cd_"
	case KindCRL:
		return "crl_"
	case KindPoint:
		return "point_"
	case KindBatch:
		return "batch_"
	}
	return ""
}

// PAAUse says what the verifier makes of a certificate rule's finding on a
// PAA: DefaultDACVerifier does not format-check the PAA, but it extracts its
// VID/PID, refuses a PID in it, reads its SKID and validates the chain.
type PAAUse uint8

const (
	// PAANotChecked: the finding on a PAA does not fail attestation.
	PAANotChecked PAAUse = iota
	// PAAVIDPID: the PAA's VID/PID extraction fails (step 16, 105).
	PAAVIDPID
	// PAAProductID: the PAA carries a PID (step 18, 105).
	PAAProductID
	// PAASKID: the PAA's SKID cannot be read (step 21, 105).
	PAASKID
)

// Metadata describes a rule. The embedded zlint metadata carries the name,
// description, citation and source.
type Metadata struct {
	zlint.LintMetadata
	// Kind is the kind of object the rule reads; Register sets it from the
	// rule's type.
	Kind Kind
	// Roles are the certificate roles a certificate or batch rule applies
	// to; zero for the other kinds.
	Roles matterext.Role
	// SDK is the reference-SDK check the rule corresponds to.
	SDK SDKCheck
	// PAA is what verify makes of the rule's finding on a PAA.
	PAA PAAUse
	// Quote is the normative text the rule enforces, verbatim from its
	// source (the specification as the SDK quotes it, the SDK's or the
	// DCL's code, an RFC, the test harness), and QuoteSource says where it
	// stands (docs/research/rule-quotes.tsv has how each was found).
	Quote, QuoteSource string
	// Note says where the SDK, the DCL and the specification disagree about
	// this rule; it is shown with every finding.
	Note string
	// DCLCheck names the DCL check a rule of Source DCL is, for package
	// dcl to run it in the ledger's order (gox509.go); zero for the other
	// rules.
	DCLCheck DCLCheck
	// Replaces lists retired rule names whose checks this rule took over;
	// naming one in a selection is an error that points here.
	Replaces []string
	// NeedsTime marks rules that only run when an evaluation time is given.
	NeedsTime bool
	// Level is the severity of metadata whose name has no severity prefix:
	// verify's checks, which fail attestation (Error). Rules leave it zero.
	Level Severity
}

// Severity returns the severity fixed by the name prefix (Level for names
// without one).
func (m *Metadata) Severity() Severity {
	if s := nameSeverity(m.Name); s != 0 {
		return s
	}
	return m.Level
}

func nameSeverity(name string) Severity {
	if len(name) > 2 {
		switch name[:2] {
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

// Code returns the SDK result code of a finding of this rule on an object
// of role role (certificates), or of the rule's kind.
func (m *Metadata) Code(role matterext.Role) matterext.ResultCode {
	if m.Kind == KindCD {
		return m.SDK.CDCode()
	}
	return m.SDK.Code(role)
}

// Rule is a registered rule of any kind: *CertRule, *CDRule, *CRLRule,
// *PointRule or *BatchRule.
type Rule interface {
	Meta() *Metadata
	kind() Kind
}

// CertRule is a rule over one certificate.
type CertRule struct {
	Metadata
	// Check inspects ctx.Cert and reports findings through r. It must not
	// retain ctx or r.
	Check func(ctx *CertContext, r *Reporter)
}

// CDRule is a rule over a Certification Declaration.
type CDRule struct {
	Metadata
	Check func(cd *matterext.CertificationDeclaration, r *Reporter)
}

// CRLRule is a rule over a CRL.
type CRLRule struct {
	Metadata
	Check func(l *matterext.CRL, r *Reporter)
}

// PointRule is a rule over a DCL revocation distribution point.
type PointRule struct {
	Metadata
	Check func(p *matterext.RevocationPoint, r *Reporter)
}

// BatchRule is a rule over the certificates of a batch, seen one after
// another in input order.
type BatchRule struct {
	Metadata
	// NewState returns the rule's state for one batch.
	NewState func(opts BatchOptions) BatchState
}

// BatchState is a batch rule's state over one batch.
type BatchState interface {
	// Add checks the next certificate of role role.
	Add(c *matterext.Certificate, role matterext.Role, r *Reporter)
}

// BatchOptions are what batch rules know of the batch.
type BatchOptions struct {
	// PAIs are the PAIs the batch's DACs must be issued by; empty when not
	// given.
	PAIs []*matterext.Certificate
	// Seed keys the hashes batch rules keep.
	Seed maphash.Seed
}

func (r *CertRule) Meta() *Metadata  { return &r.Metadata }
func (r *CDRule) Meta() *Metadata    { return &r.Metadata }
func (r *CRLRule) Meta() *Metadata   { return &r.Metadata }
func (r *PointRule) Meta() *Metadata { return &r.Metadata }
func (r *BatchRule) Meta() *Metadata { return &r.Metadata }
func (*CertRule) kind() Kind         { return KindCertificate }
func (*CDRule) kind() Kind           { return KindCD }
func (*CRLRule) kind() Kind          { return KindCRL }
func (*PointRule) kind() Kind        { return KindPoint }
func (*BatchRule) kind() Kind        { return KindBatch }

// Finding is one violation of a rule on one object.
type Finding struct {
	Rule     *Metadata            `json:"-"`
	Location string               // ASN.1 path, e.g. tbsCertificate.extensions[keyUsage].critical
	Message  string               // what was found and what was expected
	Found    string               // what the object holds ("" when absent)
	Expected string               // what the rule wants
	SDKCode  matterext.ResultCode // what the SDK reports for it (0 when it accepts the object)
}

// Severity returns the finding's severity.
func (f *Finding) Severity() Severity { return f.Rule.Severity() }

// CertContext is what a certificate rule sees: the certificate, its role and
// the options of the run. Derived values (VID/PID) are computed once and
// shared.
type CertContext struct {
	Cert *matterext.Certificate
	Role matterext.Role
	// At is the evaluation time for time-dependent rules; zero when none was
	// given, and then those rules do not run.
	At time.Time

	vidpid     matterext.VIDPID
	vidpidErr  error
	vidpidDone bool
	gox        goParse // X509 (gox509.go)
}

// VIDPID returns the subject's VID/PID as the SDK extracts them.
func (c *CertContext) VIDPID() (matterext.VIDPID, error) {
	if !c.vidpidDone {
		c.vidpid, c.vidpidErr = matterext.ExtractVIDPID(&c.Cert.Subject)
		c.vidpidDone = true
	}
	return c.vidpid, c.vidpidErr
}

// Reporter collects the findings of one rule.
type Reporter struct {
	rule     *Metadata
	code     matterext.ResultCode
	findings []Finding
}

// Add records a finding at location. found and expected are short values;
// message is the full sentence shown to people.
func (r *Reporter) Add(location, found, expected, message string) {
	r.findings = append(r.findings, Finding{
		Rule: r.rule, Location: location, Message: message, Found: found, Expected: expected, SDKCode: r.code,
	})
}

// Addf records a finding whose message is built with fmt.Sprintf.
func (r *Reporter) Addf(location, found, expected, format string, args ...any) {
	r.Add(location, found, expected, fmt.Sprintf(format, args...))
}
