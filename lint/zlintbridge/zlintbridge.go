// Package zlintbridge connects matterlint's rules with zlint: it runs a
// named allow-list of zlint's RFC 5280 lints as an extra, opt-in pass over
// what zcrypto can parse, and it registers matterlint's rules into zlint's
// global registry for programs that already drive zlint.
//
// zlint's full default registry misfires on Matter certificates (it treats
// every certificate without an EKU as a TLS server certificate) and costs
// milliseconds per certificate; this package imports only zlint's RFC lints
// and runs only the allow-listed ones.
package zlintbridge

import (
	"errors"
	"fmt"
	"strings"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
	zx509 "github.com/zmap/zcrypto/x509"
	zl "github.com/zmap/zlint/v3/lint"
	_ "github.com/zmap/zlint/v3/lints/rfc" // registers zlint's RFC lints
)

// rfc5280 is the default allow-list: zlint RFC lints that apply to Matter
// attestation certificates and do not misfire on conformant ones
// (zlint-notes.md §2.11). DNS-name, RSA, policy and CRL lints are left out.
var rfc5280 = [...]string{
	"e_basic_constr_invalid_der", "e_basic_constraints_not_critical", "e_cert_contains_unique_identifier",
	"e_cert_ext_invalid_der", "e_cert_extensions_version_not_3", "e_cert_sig_alg_not_match_tbs_sig_alg",
	"e_cert_unique_identifier_version_not_2_or_3", "e_ecdsa_allowed_ku", "e_ext_authority_key_identifier_critical",
	"e_ext_authority_key_identifier_no_key_identifier", "e_ext_cannot_be_empty_sequence", "e_ext_duplicate_extension",
	"e_ext_key_usage_cert_sign_without_ca", "e_ext_key_usage_without_bits", "e_ext_san_empty_name", "e_ext_san_no_entries",
	"e_ext_subject_key_identifier_critical", "e_ext_subject_key_identifier_missing_ca",
	"e_generalized_time_does_not_include_seconds", "e_generalized_time_includes_fraction_seconds",
	"e_generalized_time_not_in_zulu", "e_incorrect_ku_encoding", "e_issuer_field_empty", "e_key_usage_incorrect_length",
	"e_path_len_constraint_improperly_included", "e_path_len_constraint_zero_or_less", "e_serial_number_longer_than_20_octets",
	"e_serial_number_not_positive", "e_subject_common_name_max_length", "e_subject_dn_not_printable_characters",
	"e_subject_empty_without_san", "e_subject_not_dn", "e_superfluous_ku_encoding", "e_utc_time_does_not_include_seconds",
	"e_utc_time_not_in_zulu", "e_wrong_time_format_pre2050", "w_ext_key_usage_not_critical",
	// n_ecdsa_ee_invalid_ku is left out: Matter's delegated CRL signers are
	// end-entity ECDSA certificates with cRLSign by design (matter-pki-rules.md §2.5).
}

// RFC5280 returns the default allow-list of zlint lints (see rfc5280).
func RFC5280() []string { return append([]string(nil), rfc5280[:]...) }

// SourcePrefix prefixes the zlint source of rules run by a Pass, e.g.
// "zlint:RFC5280".
const SourcePrefix = "zlint:"

// ErrUnparsable is returned by Pass.Lint when zcrypto cannot parse the
// certificate, so zlint's lints cannot run on it.
var ErrUnparsable = errors.New("zcrypto cannot parse the certificate")

// Pass runs a fixed list of zlint certificate lints.
type Pass struct {
	lints      []*zl.CertificateLint
	rules      []*lint.Metadata
	unparsable *lint.Metadata
	cfg        zl.Configuration
}

// UnparsableRule is the notice Pass.LintOrNotice reports when zcrypto cannot
// parse a certificate, so the zlint pass could not run on it.
const UnparsableRule = "n_zlint_pass_skipped"

// NewPass returns a Pass over the named zlint lints (RFC5280 when names is
// empty). An unknown name gives an error wrapping lint.ErrUnknownRule.
func NewPass(names []string) (*Pass, error) {
	if len(names) == 0 {
		names = RFC5280()
	}
	p := &Pass{cfg: zl.NewEmptyConfig()}
	p.unparsable = &lint.Metadata{
		LintMetadata: zl.LintMetadata{Name: UnparsableRule, Description: "zcrypto cannot parse the certificate, so the opt-in zlint pass did not run on it",
			Citation: "zlint-notes.md §3.1 (zcrypto leniency)", Source: zl.LintSource(SourcePrefix + "framework")},
		Kind: lint.KindCertificate, Roles: allRoles,
	}
	lookup := zl.GlobalRegistry().CertificateLints()
	for _, n := range names {
		l := lookup.ByName(n)
		if l == nil {
			return nil, fmt.Errorf("%w: zlint lint %q (only zlint's RFC lints are available)", lint.ErrUnknownRule, n)
		}
		md := l.LintMetadata
		md.Source = zl.LintSource(SourcePrefix + string(md.Source))
		p.lints = append(p.lints, l)
		p.rules = append(p.rules, &lint.Metadata{LintMetadata: md, Kind: lint.KindCertificate, Roles: allRoles})
	}
	return p, nil
}

const allRoles = matterext.RolePAA | matterext.RolePAI | matterext.RoleDAC | matterext.RoleCRLSigner

// Rules returns the metadata the pass reports its findings under, for
// listings. The findings come from Lint; these are not lint rules.
func (p *Pass) Rules() []*lint.Metadata {
	return append(append([]*lint.Metadata(nil), p.rules...), p.unparsable)
}

// LintOrNotice is Lint, except that a certificate zcrypto cannot parse gives
// an n_zlint_pass_skipped notice instead of an error.
func (p *Pass) LintOrNotice(c *matterext.Certificate) []lint.Finding {
	f, err := p.Lint(c)
	if err != nil {
		return []lint.Finding{{Rule: p.unparsable, Location: "Certificate", Message: err.Error(), Found: "unparsable", Expected: "parsable by zcrypto"}}
	}
	return f
}

// Lint runs the pass on c. Findings carry zlint's lint name and details.
func (p *Pass) Lint(c *matterext.Certificate) ([]lint.Finding, error) {
	zc, err := zx509.ParseCertificate(c.Raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnparsable, err)
	}
	var out []lint.Finding
	for i, l := range p.lints {
		res := l.Execute(zc, p.cfg)
		if res == nil || res.Status < zl.Notice {
			continue
		}
		msg := res.Details
		if msg == "" {
			msg = l.Description
		}
		if res.Status == zl.Fatal {
			msg = "zlint lint failed: " + msg
		}
		out = append(out, lint.Finding{Rule: p.rules[i], Location: "Certificate", Message: msg,
			Found: strings.ToLower(res.Status.String()), Expected: "pass"})
	}
	return out, nil
}

// Register adds every rule of reg to zlint's global registry as a
// certificate lint of its own source ("Matter", "DCL", ...), so programs that
// run zlint also run matterlint's rules. The role of each certificate is
// detected. zlint's registry is process-wide: call Register once.
func Register(reg *lint.Registry) (err error) {
	defer func() {
		if r := recover(); r != nil { // zlint panics on duplicate names
			err = fmt.Errorf("%w: %v", lint.ErrDuplicateRule, r)
		}
	}()
	for _, r := range reg.CertRules() {
		if r.NeedsTime {
			continue // zlint has no evaluation time
		}
		rule := r
		zl.RegisterCertificateLint(&zl.CertificateLint{
			LintMetadata: rule.LintMetadata,
			Lint:         func() zl.CertificateLintInterface { return &adapter{rule: rule} },
		})
	}
	return nil
}

// adapter runs one matterlint certificate rule as a zlint certificate lint.
type adapter struct {
	rule     *lint.CertRule
	findings []lint.Finding
}

func (a *adapter) CheckApplies(c *zx509.Certificate) bool {
	mc, err := matterext.ParseCertificate(c.Raw)
	if err != nil {
		return false
	}
	role := matterext.DetectRole(mc)
	if a.rule.Roles&role == 0 {
		return false
	}
	a.findings = a.rule.Lint(mc, lint.Options{Role: role})
	return true
}

func (a *adapter) Execute(*zx509.Certificate) *zl.LintResult {
	if len(a.findings) == 0 {
		return &zl.LintResult{Status: zl.Pass}
	}
	var msgs []string
	for _, f := range a.findings {
		msgs = append(msgs, f.Location+": "+f.Message)
	}
	status := zl.Error
	switch a.rule.Severity() {
	case lint.Warn:
		status = zl.Warn
	case lint.Notice:
		status = zl.Notice
	}
	return &zl.LintResult{Status: status, Details: strings.Join(msgs, "; ")}
}
