package main

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const certs = "../../testdata/certs"

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

type jsonDoc struct {
	SchemaVersion int `json:"schema_version"`
	Results       []struct {
		Input        string `json:"input"`
		Index        int    `json:"index"`
		Role         string `json:"role"`
		RoleDetected bool   `json:"role_detected"`
		Subject      string `json:"subject"`
		Error        *struct {
			Kind    string `json:"kind"`
			Message string `json:"message"`
		} `json:"error"`
		Findings []struct {
			Rule        string `json:"rule"`
			Severity    string `json:"severity"`
			Location    string `json:"location"`
			Message     string `json:"message"`
			Citation    string `json:"citation"`
			SDKCode     int    `json:"sdk_code"`
			SDKCodeName string `json:"sdk_code_name"`
		} `json:"findings"`
	} `json:"results"`
	Summary struct {
		Certificates    int `json:"certificates"`
		WithErrors      int `json:"with_errors"`
		NotCertificates int `json:"not_certificates"`
		IOErrors        int `json:"io_errors"`
	} `json:"summary"`
}

func parseDoc(t *testing.T, s string) jsonDoc {
	t.Helper()
	var d jsonDoc
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, s)
	}
	return d
}

func TestLintExitCodes(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "random.bin")
	os.WriteFile(garbage, []byte{0x01, 0x02, 0xFF, 0x00, 0x13}, 0o644)
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"valid chain", []string{"lint", certs + "/valid/chain.pem"}, exitOK},
		{"error finding", []string{"lint", certs + "/rules/e_dac_vid_missing.pem"}, exitFindings},
		{"warning only", []string{"lint", certs + "/rules/w_subject_key_id_not_method1.pem"}, exitOK},
		{"missing file", []string{"lint", filepath.Join(dir, "nope.pem")}, exitUsage},
		{"not a certificate", []string{"lint", garbage}, exitNotCertificate},
		{"no path", []string{"lint"}, exitUsage},
		{"bad role", []string{"lint", "--role", "root", certs + "/valid/dac.pem"}, exitUsage},
		{"bad time", []string{"lint", "--at", "yesterday", certs + "/valid/dac.pem"}, exitUsage},
		{"bad format", []string{"lint", "--format", "xml", certs + "/valid/dac.pem"}, exitUsage},
		{"unknown command", []string{"frobnicate"}, exitUsage},
		{"expired at time", []string{"lint", "--at", "2030-01-01T00:00:00Z", certs + "/rules/e_cert_not_valid_at_time.pem"}, exitFindings},
		{"not expired without time", []string{"lint", certs + "/rules/e_cert_not_valid_at_time.pem"}, exitOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, out, errs := runCLI(t, "", tc.args...); got != tc.want {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", got, tc.want, out, errs)
			}
		})
	}
}

// TestBadInputsAreNamedAndDoNotStopTheBatch: a truncated PEM, a random
// binary file and a missing file are each reported with their name, and the
// valid certificates around them are still linted.
func TestBadInputsAreNamedAndDoNotStopTheBatch(t *testing.T) {
	dir := t.TempDir()
	valid, _ := os.ReadFile(certs + "/valid/dac.pem")
	truncated := filepath.Join(dir, "truncated.pem")
	os.WriteFile(truncated, append(append([]byte{}, valid...), valid[:len(valid)/2]...), 0o644)
	garbage := filepath.Join(dir, "garbage.der")
	os.WriteFile(garbage, bytes.Repeat([]byte{0xA5}, 1000), 0o644)
	code, out, _ := runCLI(t, "", "lint", "--format", "json", truncated, garbage, certs+"/valid")
	d := parseDoc(t, out)
	if code != exitNotCertificate {
		t.Errorf("exit %d, want %d", code, exitNotCertificate)
	}
	if d.Summary.Certificates != 1+8 || d.Summary.NotCertificates != 2 {
		t.Errorf("summary = %+v", d.Summary)
	}
	errs := map[string]string{}
	for _, r := range d.Results {
		if r.Error != nil {
			errs[fmt.Sprintf("%s#%d", filepath.Base(r.Input), r.Index)] = r.Error.Message
		}
	}
	if !strings.Contains(errs["truncated.pem#1"], "truncated PEM") {
		t.Errorf("truncated PEM not reported at index 1: %v", errs)
	}
	if msg := errs["garbage.der#-1"]; !strings.Contains(msg, "garbage.der") {
		t.Errorf("garbage not reported with its name: %v", errs)
	}
}

func TestLintJSON(t *testing.T) {
	code, out, _ := runCLI(t, "", "lint", "--format", "json", certs+"/rules/e_dac_key_usage_not_digital_signature_only.pem")
	if code != exitFindings {
		t.Fatalf("exit %d", code)
	}
	d := parseDoc(t, out)
	if d.SchemaVersion != 1 || len(d.Results) != 1 {
		t.Fatalf("doc = %+v", d)
	}
	r := d.Results[0]
	if r.Role != "dac" || !r.RoleDetected || r.Index != 0 || !strings.HasSuffix(r.Input, "e_dac_key_usage_not_digital_signature_only.pem") {
		t.Errorf("result header = %+v", r)
	}
	if len(r.Findings) != 1 {
		t.Fatalf("findings = %+v", r.Findings)
	}
	f := r.Findings[0]
	if f.Rule != "e_dac_key_usage_not_digital_signature_only" || f.Severity != "error" || f.SDKCode != 303 ||
		f.SDKCodeName != "kDacFormatInvalid" || f.Citation == "" || !strings.Contains(f.Location, "keyUsage") {
		t.Errorf("finding = %+v", f)
	}
}

func TestLintText(t *testing.T) {
	code, out, _ := runCLI(t, "", "lint", certs+"/rules/e_pai_path_len_not_zero.pem")
	if code != exitFindings {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"e_pai_path_len_not_zero.pem [0]: PAI (detected) \"CN=Matterlint Test PAI, VID=A0B1\": 1 finding",
		"ERROR  e_pai_path_len_not_zero: PAI pathLenConstraint is 1; expected 0",
		"SDK: kPaiFormatInvalid (203)",
		"1 certificate linted: 1 with errors",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestLintTextDCLProfile: under --profile dcl a finding names the error
// the ledger returns, not the SDK's verdict on that rule.
func TestLintTextDCLProfile(t *testing.T) {
	code, out, _ := runCLI(t, "", "lint", "--profile", "dcl", certs+"/rules/e_pai_path_len_not_zero.pem")
	if code != exitFindings {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"ERROR  e_dcl_pai_path_len_not_zero: PAI: BasicConstraints pathLenConstraint SHALL be present and set to 0; found 1",
		"; DCL: ErrInvalidCertificate (409); source: DCL",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "SDK: accepted") {
		t.Errorf("a DCL finding is shown as accepted by the SDK:\n%s", out)
	}
}

func TestRoleOverride(t *testing.T) {
	_, out, _ := runCLI(t, "", "lint", "--format", "json", "--role", "paa", certs+"/valid/dac.pem")
	d := parseDoc(t, out)
	if r := d.Results[0]; r.Role != "paa" || r.RoleDetected {
		t.Errorf("role = %s detected=%v", r.Role, r.RoleDetected)
	}
}

// TestInputFormats: the same DAC as PEM, DER, hex and base64, from files and
// from stdin, gives the same result.
func TestInputFormats(t *testing.T) {
	p, _ := os.ReadFile(certs + "/valid/dac.pem")
	blk, _ := pem.Decode(p)
	dir := t.TempDir()
	forms := map[string][]byte{
		"dac.pem": p,
		"dac.der": blk.Bytes,
		"dac.hex": []byte(hex.EncodeToString(blk.Bytes) + "\n"),
		"dac.b64": []byte(base64.StdEncoding.EncodeToString(blk.Bytes)),
	}
	for name, b := range forms {
		f := filepath.Join(dir, name)
		os.WriteFile(f, b, 0o644)
		for _, args := range [][]string{{"lint", "--format", "json", f}, {"lint", "--format", "json", "-"}} {
			code, out, errs := runCLI(t, string(b), args...)
			if code != exitOK {
				t.Errorf("%s %v: exit %d: %s %s", name, args, code, out, errs)
				continue
			}
			if d := parseDoc(t, out); d.Summary.Certificates != 1 || d.Results[0].Subject != "CN=Matterlint Test DAC 0001, VID=A0B1, PID=8000" {
				t.Errorf("%s %v: %+v", name, args, d.Results)
			}
		}
	}
}

// TestJobsDoNotChangeOutput: parallelism never reorders results.
func TestJobsDoNotChangeOutput(t *testing.T) {
	_, one, _ := runCLI(t, "", "lint", "--jobs", "1", certs)
	_, two, _ := runCLI(t, "", "lint", "--jobs", "2", certs)
	if diff := cmp.Diff(one, two); diff != "" {
		t.Errorf("--jobs 1 vs 2:\n%s", diff)
	}
}

func TestListLintsJSON(t *testing.T) {
	code, out, _ := runCLI(t, "", "list-lints", "--json")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var rules []ruleJSON
	if err := json.Unmarshal([]byte(out), &rules); err != nil {
		t.Fatal(err)
	}
	if len(rules) < 50 {
		t.Errorf("only %d rules", len(rules))
	}
	for _, r := range rules {
		certRule := r.Kind == "certificate" || r.Kind == "batch"
		if r.Citation == "" || certRule != (len(r.Roles) > 0) || r.Kind == "" || r.Description == "" || r.Source == "" {
			t.Errorf("rule %s lacks metadata: %+v", r.Name, r)
		}
	}
}

// TestRulesDocUpToDate: docs/rules.md is what list-lints --markdown prints.
func TestRulesDocUpToDate(t *testing.T) {
	_, out, _ := runCLI(t, "", "list-lints", "--markdown")
	want, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Error("docs/rules.md is stale: go run ./cmd/matterlint list-lints --markdown > docs/rules.md")
	}
}
