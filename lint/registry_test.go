package lint_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
	zlint "github.com/zmap/zlint/v3/lint"
)

// TestRegisterKinds: a rule's Go type fixes the object it reads (a CDRule's
// Check takes a CD, so it cannot be run on a certificate), and Register
// refuses metadata that contradicts the kind.
func TestRegisterKinds(t *testing.T) {
	cdCheck := func(*matterext.CertificationDeclaration, *lint.Reporter) {}
	certCheck := func(*lint.CertContext, *lint.Reporter) {}
	meta := func(name string, roles matterext.Role) lint.Metadata {
		return lint.Metadata{LintMetadata: lintMetadata(name, "d", "c"), Roles: roles}
	}
	for _, tc := range []struct {
		name string
		rule lint.Rule
		ok   bool
	}{
		{"cd rule", &lint.CDRule{Metadata: meta("e_cd_acme", 0), Check: cdCheck}, true},
		{"cd rule with certificate roles", &lint.CDRule{Metadata: meta("e_cd_acme", matterext.RoleDAC), Check: cdCheck}, false},
		{"cd rule whose name does not say cd", &lint.CDRule{Metadata: meta("e_acme", 0), Check: cdCheck}, false},
		{"certificate rule named like a CD rule", &lint.CertRule{Metadata: meta("e_cd_acme", matterext.RoleDAC), Check: certCheck}, false},
		{"certificate rule named like a CRL rule", &lint.CertRule{Metadata: meta("w_crl_acme", matterext.RoleCRLSigner), Check: certCheck}, false},
		{"certificate rule without roles", &lint.CertRule{Metadata: meta("e_acme", 0), Check: certCheck}, false},
		{"certificate rule declaring another kind", &lint.CertRule{Metadata: lint.Metadata{LintMetadata: lintMetadata("e_acme", "d", "c"), Roles: matterext.RoleDAC, Kind: lint.KindCRL}, Check: certCheck}, false},
		{"crl rule without check", &lint.CRLRule{Metadata: meta("e_crl_acme", 0)}, false},
		{"point rule", &lint.PointRule{Metadata: meta("n_point_acme", 0), Check: func(*matterext.RevocationPoint, *lint.Reporter) {}}, true},
		{"batch rule without roles", &lint.BatchRule{Metadata: meta("e_batch_acme", 0), NewState: func(lint.BatchOptions) lint.BatchState { return nil }}, false},
		{"nil", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := lint.NewRegistry().Register(tc.rule)
			if (err == nil) != tc.ok || (err != nil && !errors.Is(err, lint.ErrInvalidMetadata)) {
				t.Errorf("Register: %v, want ok=%v", err, tc.ok)
			}
		})
	}
	reg := lint.Default()
	if err := reg.Register(&lint.CDRule{Metadata: meta("e_cd_format_version_not_1", 0), Check: cdCheck}); !errors.Is(err, lint.ErrDuplicateRule) {
		t.Errorf("duplicate: %v", err)
	}
}

// TestKindsRunApart: a CD rule runs on CDs only, a certificate rule on
// certificates only, and every built-in rule's kind matches its name.
func TestKindsRunApart(t *testing.T) {
	var cdRuns, certRuns int
	reg := lint.NewRegistry()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(reg.Register(&lint.CDRule{Metadata: lint.Metadata{LintMetadata: lintMetadata("n_cd_acme", "d", "c")},
		Check: func(*matterext.CertificationDeclaration, *lint.Reporter) { cdRuns++ }}))
	must(reg.Register(&lint.CertRule{Metadata: lint.Metadata{LintMetadata: lintMetadata("n_acme", "d", "c"), Roles: matterext.RoleDAC},
		Check: func(*lint.CertContext, *lint.Reporter) { certRuns++ }}))
	dac, err := matterext.ParseCertificate(fixtures.ValidDAC().DER())
	if err != nil {
		t.Fatal(err)
	}
	reg.Lint(dac, lint.Options{})
	cd, err := matterext.ParseCD(fixtures.ValidCD().DER())
	if err != nil {
		t.Fatal(err)
	}
	reg.LintCD(cd)
	if cdRuns != 1 || certRuns != 1 {
		t.Errorf("CD rule ran %d times, certificate rule %d times; want 1 and 1", cdRuns, certRuns)
	}
	counts := map[lint.Kind]int{}
	for _, m := range lint.Default().Rules() {
		counts[m.Kind]++
	}
	for _, k := range []lint.Kind{lint.KindCertificate, lint.KindCD, lint.KindCRL, lint.KindPoint, lint.KindBatch} {
		if counts[k] == 0 {
			t.Errorf("no built-in %s rule", k)
		}
	}
}

// TestEveryRuleQuotesItsSource: each built-in rule carries the normative
// text it enforces and where that text stands.
func TestEveryRuleQuotesItsSource(t *testing.T) {
	for _, m := range lint.Default().Rules() {
		if m.Quote == "" || m.QuoteSource == "" || len(m.Quote) > 400 {
			t.Errorf("%s: quote %q from %q", m.Name, m.Quote, m.QuoteSource)
		}
	}
}

// TestOneRuleOneFile: every rule's name stands in exactly one source file
// of the module, the rule's own, named after it.
func TestOneRuleOneFile(t *testing.T) {
	files := map[string]string{}
	err := filepath.WalkDir(testutil.Root(), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") && !strings.Contains(p, "internal/fixtures") {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files[p] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range lint.Default().Rules() {
		var in []string
		for p, s := range files {
			if strings.Contains(s, `"`+m.Name+`"`) {
				in = append(in, p)
			}
		}
		if len(in) != 1 || filepath.Base(in[0]) != m.Name+".go" {
			t.Errorf("%s stands in %v, want only lint/%s.go", m.Name, in, m.Name)
		}
	}
}

func lintMetadata(name, desc, cite string) zlint.LintMetadata {
	return zlint.LintMetadata{Name: name, Description: desc, Citation: cite, Source: "ACME"}
}

// TestSelectNamesAReplacedRule: a retired rule name in --include/--exclude
// is an ErrUnknownRule that names the rule checking it now, which exists;
// an unknown name says it is neither a rule nor a source.
func TestSelectNamesAReplacedRule(t *testing.T) {
	reg := lint.Default()
	for _, tc := range []struct{ name, want string }{
		{"e_crlsigner_basic_constraints_ca", `replaced by "e_dcl_crlsigner_format_invalid"`},
		{"e_vvsc_key_usage_not_digital_signature_only", `replaced by "e_dcl_vvsc_extensions_invalid"`},
		{"e_noc_pki_vid_pid_attribute_repeated", `replaced by "e_dcl_vid_pid_attribute_repeated"`},
		{"e_no_such_rule", "neither a rule name nor a source"},
	} {
		_, err := reg.Select("", nil, []string{tc.name})
		if !errors.Is(err, lint.ErrUnknownRule) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want ErrUnknownRule saying %s", tc.name, err, tc.want)
		}
		if i := strings.Index(tc.want, `"`); i >= 0 {
			if _, err := reg.Lookup(strings.Trim(tc.want[i:], `"`)); err != nil {
				t.Errorf("%s: its replacement: %v", tc.name, err)
			}
		}
	}
}
