package lint_test

import (
	"bytes"
	"encoding/pem"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

const certsDir = "../testdata/certs"

func readFixture(t *testing.T, file string) *matterext.Certificate {
	t.Helper()
	return testutil.Load(t, testutil.Certs(file))
}

func firedRules(res lint.Result) []string {
	set := map[string]bool{}
	for _, f := range res.Findings {
		set[f.Rule.Name] = true
	}
	var out []string
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// TestFixturesUpToDate checks that testdata/certs is what the generator
// writes, so the fixtures are reproducible with go generate.
func TestFixturesUpToDate(t *testing.T) {
	for p, want := range fixtures.Files() {
		got, err := os.ReadFile(filepath.Join(certsDir, p))
		if err != nil {
			t.Errorf("%s: %v (run go generate ./lint)", p, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generator's output (run go generate ./lint)", p)
		}
	}
}

// TestEveryRuleHasAFixture: every registered rule has exactly one failing
// fixture, and every fixture names a registered rule.
func TestEveryRuleHasAFixture(t *testing.T) {
	reg := lint.Default()
	var rules, cases []string
	for _, r := range reg.Rules() {
		rules = append(rules, r.Name)
	}
	for _, c := range fixtures.AllCases() {
		cases = append(cases, c.Rule)
	}
	sort.Strings(cases)
	if diff := cmp.Diff(rules, cases); diff != "" {
		t.Errorf("rules (-) vs fixtures (+):\n%s", diff)
	}
}

// TestValidFixtures: the valid chain has no finding at all, with the role
// detected or given.
func TestValidFixtures(t *testing.T) {
	reg := lint.Default()
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, v := range fixtures.Valid() {
		t.Run(v.Role, func(t *testing.T) {
			c := readFixture(t, v.File)
			role, _ := matterext.ParseRole(v.Role)
			if got := matterext.DetectRole(c); got != role {
				t.Errorf("DetectRole = %v, want %v", got, role)
			}
			res := reg.Lint(c, lint.Options{At: at})
			for _, f := range res.Findings {
				t.Errorf("unexpected %s at %s: %s", f.Rule.Name, f.Location, f.Message)
			}
		})
	}
}

// TestRules runs each rule's failing fixture: the rule fires, only the rules
// the case lists fire beside it, and the rule stays silent on the valid
// certificate of the same role.
func TestRules(t *testing.T) {
	reg := lint.Default()
	for _, tc := range fixtures.AllCases() {
		t.Run(tc.Rule, func(t *testing.T) {
			rule, err := reg.Lookup(tc.Rule)
			if err != nil {
				t.Fatal(err)
			}
			role, opts, res := lintCase(t, reg, tc)
			if (rule.Kind == lint.KindCertificate || rule.Kind == lint.KindBatch) && rule.Roles&role == 0 {
				t.Fatalf("fixture role %v is not among the rule's roles %v", role, rule.Roles)
			}
			want := append([]string{tc.Rule}, tc.Also...)
			sort.Strings(want)
			if diff := cmp.Diff(want, firedRules(res)); diff != "" {
				t.Errorf("fired rules (-want +got):\n%s", diff)
			}
			for _, f := range res.Findings {
				if f.Rule.Name != tc.Rule {
					continue
				}
				if f.Location == "" || f.Message == "" || f.Expected == "" {
					t.Errorf("finding lacks location, message or expected value: %+v", f)
				}
				if got, want := f.SDKCode, rule.Code(role); got != want {
					t.Errorf("SDK code %v, want %v", got, want)
				}
			}
			if tc.BuildBundle != nil {
				if r := lintBundle(t, reg, "valid/chain.pem"); r.Has(tc.Rule) {
					t.Errorf("%s also fires on the valid chain", tc.Rule)
				}
				return
			}
			switch rule.Kind {
			case lint.KindCD:
				if validCD(t, reg).Has(tc.Rule) {
					t.Errorf("%s also fires on the valid CD", tc.Rule)
				}
				return
			case lint.KindCRL:
				if reg.LintCRL(readCRL(t, "crl/valid.crl.pem")).Has(tc.Rule) {
					t.Errorf("%s also fires on the valid CRL", tc.Rule)
				}
				return
			case lint.KindPoint:
				if reg.LintPoint(readPoint(t, "crl/valid-point.json")).Has(tc.Rule) {
					t.Errorf("%s also fires on the valid point", tc.Rule)
				}
				return
			}
			for _, v := range fixtures.Valid() {
				if v.Role == tc.Role && reg.Lint(readFixture(t, v.File), opts).Has(tc.Rule) {
					t.Errorf("%s also fires on the valid %s", tc.Rule, v.Role)
				}
			}
			for _, v := range fixtures.ValidNOCPKI() {
				if v.Role == tc.Role && reg.Lint(build(t, v.Build), opts).Has(tc.Rule) {
					t.Errorf("%s also fires on the valid %s", tc.Rule, v.Role)
				}
			}
		})
	}
}

// lintCase lints a case's fixture file as its role.
func lintCase(t *testing.T, reg *lint.Registry, tc fixtures.Case) (matterext.Role, lint.Options, lint.Result) {
	t.Helper()
	switch {
	case tc.BuildBundle != nil:
		return matterext.RoleDAC, lint.Options{}, lintBundle(t, reg, tc.File())
	case tc.BuildCD != nil:
		return 0, lint.Options{}, reg.LintCD(readCD(t, tc.File()))
	case tc.BuildCRL != nil:
		return 0, lint.Options{}, reg.LintCRL(readCRL(t, tc.File()))
	case tc.BuildPoint != nil:
		return 0, lint.Options{}, reg.LintPoint(readPoint(t, tc.File()))
	}
	role, err := matterext.ParseRole(tc.Role)
	if err != nil {
		t.Fatal(err)
	}
	opts := lint.Options{Role: role}
	if tc.At != "" {
		opts.At, _ = time.Parse(time.RFC3339, tc.At)
	}
	return role, opts, reg.Lint(readFixture(t, tc.File()), opts)
}

func readCD(t *testing.T, file string) *matterext.CertificationDeclaration {
	t.Helper()
	b, err := os.ReadFile(testutil.Certs(file))
	if err != nil {
		t.Fatal(err)
	}
	cd, err := matterext.ParseCD(b)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return cd
}

func validCD(t *testing.T, reg *lint.Registry) lint.Result {
	return reg.LintCD(readCD(t, "cd/valid.der"))
}

// TestValidCD: the valid CD fixture has no finding.
func TestValidCD(t *testing.T) {
	for _, f := range validCD(t, lint.Default()).Findings {
		t.Errorf("unexpected %s at %s: %s", f.Rule.Name, f.Location, f.Message)
	}
}

func readCRL(t *testing.T, file string) *matterext.CRL {
	t.Helper()
	b, err := os.ReadFile(testutil.Certs(file))
	if err != nil {
		t.Fatal(err)
	}
	blk, _ := pem.Decode(b)
	if blk == nil {
		t.Fatalf("%s: no PEM", file)
	}
	l, err := matterext.ParseCRL(blk.Bytes)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return l
}

func readPoint(t *testing.T, file string) *matterext.RevocationPoint {
	t.Helper()
	b, err := os.ReadFile(testutil.Certs(file))
	if err != nil {
		t.Fatal(err)
	}
	ps, err := matterext.ParseRevocationPoints(b)
	if err != nil || len(ps) != 1 {
		t.Fatalf("%s: %v", file, err)
	}
	return &ps[0]
}

// TestValidCRLAndPoint: the valid CRL and point have no finding.
func TestValidCRLAndPoint(t *testing.T) {
	reg := lint.Default()
	for _, f := range append(reg.LintCRL(readCRL(t, "crl/valid.crl.pem")).Findings, reg.LintPoint(readPoint(t, "crl/valid-point.json")).Findings...) {
		t.Errorf("unexpected %s at %s: %s", f.Rule.Name, f.Location, f.Message)
	}
}

// lintBundle runs the per-certificate rules and the batch rules over a PEM
// bundle, with the valid PAI as the given PAI.
func lintBundle(t *testing.T, reg *lint.Registry, file string) lint.Result {
	t.Helper()
	b, err := os.ReadFile(testutil.Certs(file))
	if err != nil {
		t.Fatal(err)
	}
	batch := lint.NewBatch(reg, []*matterext.Certificate{readFixture(t, "valid/pai.pem")})
	var res lint.Result
	for rest := b; ; {
		var blk *pem.Block
		if blk, rest = pem.Decode(rest); blk == nil {
			break
		}
		c, err := matterext.ParseCertificate(blk.Bytes)
		if err != nil {
			t.Fatal(err)
		}
		r := reg.Lint(c, lint.Options{})
		res.Findings = append(res.Findings, r.Findings...)
		res.Findings = append(res.Findings, batch.Add(c, r.Role)...)
	}
	return res
}
