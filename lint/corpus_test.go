package lint_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

func lintFile(t *testing.T, reg *lint.Registry, path string) lint.Result {
	t.Helper()
	return reg.Lint(testutil.Load(t, path), lint.Options{})
}

func errorsOf(res lint.Result) []string {
	var out []string
	for _, f := range res.Findings {
		if f.Severity() == lint.Error {
			out = append(out, f.Rule.Name+": "+f.Message)
		}
	}
	return out
}

// TestCommissionerVectors: every struct_dac_*/struct_pai_* vector whose
// defect is in the certificate (SDK code 303/203, or no code: the fuzzed
// vectors) gets an error on the certificate under test, with the SDK's code
// where it gives one; every passing vector gets no error on its DAC or PAI.
func TestCommissionerVectors(t *testing.T) {
	reg := lint.Default()
	sdkReg := reg.Filter(func(m *lint.Metadata) bool { return m.Source != lint.SourceDCL })
	n := 0
	for _, v := range testutil.Vectors(t) {
		var under string
		switch {
		case strings.HasPrefix(v.Name, "struct_dac_"):
			under = "dac.der"
		case strings.HasPrefix(v.Name, "struct_pai_"):
			under = "pai.der"
		default:
			continue
		}
		dir := v.Dir
		t.Run(v.Name, func(t *testing.T) {
			n++
			if v.Verdict == "pass" {
				for _, f := range []string{"dac.der", "pai.der"} {
					// The DCL's rules are not the commissioners': the DCL
					// rejects some certificates the SDK accepts (e.g.
					// "Mvid:FFF1Mpid:00B1", whose VID text it cannot parse).
					if errs := errorsOf(lintFile(t, sdkReg, filepath.Join(dir, f))); len(errs) > 0 {
						t.Errorf("%s of a passing vector has errors: %v", f, errs)
					}
				}
				return
			}
			res := lintFile(t, reg, filepath.Join(dir, under))
			switch v.Code {
			case 303, 203, 0:
			case 305:
				// A VID/PID the SDK cannot find is a defect of the certificate;
				// a VID that differs from the issuer's is a defect of the chain.
				c := testutil.Load(t, filepath.Join(dir, under))
				if vp, err := matterext.ExtractVIDPID(&c.Subject); err == nil && vp.HasVID() && (vp.HasPID() || under == "pai.der") {
					return
				}
				v.Code = 0 // the missing ID maps to 305/306
			default:
				return // the defect is in the chain or the CD, not in this certificate
			}
			if len(errorsOf(res)) == 0 {
				t.Fatalf("no error on %s (role %v)", under, res.Role)
			}
			if v.Code == 0 {
				return
			}
			for _, f := range res.Findings {
				if int(f.SDKCode) == v.Code {
					return
				}
			}
			t.Errorf("no finding maps to SDK code %d: %v", v.Code, errorsOf(res))
		})
	}
	if n < 100 {
		t.Errorf("only %d vectors checked", n)
	}
}

// knownPAAViolations lists production PAAs with real defects (file → rule).
// None of the 61 PAAs in the corpus has an error-level finding today.
var knownPAAViolations = map[string]string{}

// TestProductionPAAs: the 61 DCL production roots have no error-level
// finding, except the violations listed (and explained in the README).
func TestProductionPAAs(t *testing.T) {
	reg := lint.Default()
	files, err := filepath.Glob(testutil.Corpus(t, "production-paa/*.pem"))
	if err != nil || len(files) < 61 {
		t.Fatalf("expected 61 production PAAs, found %d (%v)", len(files), err)
	}
	for _, f := range files {
		res := lintFile(t, reg, f)
		if res.Role != matterext.RolePAA {
			t.Errorf("%s detected as %v", filepath.Base(f), res.Role)
		}
		for _, e := range errorsOf(res) {
			if rule := knownPAAViolations[filepath.Base(f)]; !strings.HasPrefix(e, rule+":") || rule == "" {
				t.Errorf("%s: %s", filepath.Base(f), e)
			}
		}
	}
}
