package lint_test

import (
	"bufio"
	"encoding/pem"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// corpusDir is the shared corpus of SDK vectors, beside the repository.
const corpusDir = "../../shared/corpus/chip"

func requireCorpus(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("shared corpus missing in CI: %v", err)
		}
		t.Skipf("shared corpus not found at %s", corpusDir)
	}
}

type vector struct {
	name, verdict string
	code          int
}

func readExpected(t *testing.T) []vector {
	f, err := os.Open(filepath.Join(corpusDir, "commissioner_dut", "expected.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []vector
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		v := vector{name: cols[0], verdict: cols[1]}
		v.code, _ = strconv.Atoi(cols[2])
		out = append(out, v)
	}
	return out
}

func lintFile(t *testing.T, reg *lint.Registry, path string) lint.Result {
	t.Helper()
	return reg.Lint(parseFile(t, path), lint.Options{})
}

func parseFile(t *testing.T, path string) *matterext.Certificate {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if blk, _ := pem.Decode(b); blk != nil {
		b = blk.Bytes
	}
	c, err := matterext.ParseCertificate(b)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return c
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
	requireCorpus(t)
	reg := lint.Default()
	n := 0
	for _, v := range readExpected(t) {
		var under string
		switch {
		case strings.HasPrefix(v.name, "struct_dac_"):
			under = "dac.der"
		case strings.HasPrefix(v.name, "struct_pai_"):
			under = "pai.der"
		default:
			continue
		}
		dir := filepath.Join(corpusDir, "commissioner_dut", v.name)
		t.Run(v.name, func(t *testing.T) {
			n++
			if v.verdict == "pass" {
				for _, f := range []string{"dac.der", "pai.der"} {
					if errs := errorsOf(lintFile(t, reg, filepath.Join(dir, f))); len(errs) > 0 {
						t.Errorf("%s of a passing vector has errors: %v", f, errs)
					}
				}
				return
			}
			res := lintFile(t, reg, filepath.Join(dir, under))
			switch v.code {
			case 303, 203, 0:
			case 305:
				// A VID/PID the SDK cannot find is a defect of the certificate;
				// a VID that differs from the issuer's is a defect of the chain.
				c := parseFile(t, filepath.Join(dir, under))
				if vp, err := matterext.ExtractVIDPID(&c.Subject); err == nil && vp.HasVID() && (vp.HasPID() || under == "pai.der") {
					return
				}
				v.code = 0 // the missing ID maps to 305/306
			default:
				return // the defect is in the chain or the CD, not in this certificate
			}
			if len(errorsOf(res)) == 0 {
				t.Fatalf("no error on %s (role %v)", under, res.Role)
			}
			if v.code == 0 {
				return
			}
			for _, f := range res.Findings {
				if int(f.SDKCode) == v.code {
					return
				}
			}
			t.Errorf("no finding maps to SDK code %d: %v", v.code, errorsOf(res))
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
	requireCorpus(t)
	reg := lint.Default()
	files, err := filepath.Glob(filepath.Join(corpusDir, "production-paa", "*.pem"))
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
