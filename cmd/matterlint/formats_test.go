package main

import (
	"bufio"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/xeipuuv/gojsonschema"
)

func schema(t *testing.T, rel string) *gojsonschema.Schema {
	t.Helper()
	s, err := gojsonschema.NewSchema(gojsonschema.NewReferenceLoader("file://" + filepath.Join(testutil.Root(), rel)))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(t *testing.T, s *gojsonschema.Schema, doc string) {
	t.Helper()
	res, err := s.Validate(gojsonschema.NewStringLoader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Valid() {
		for i, e := range res.Errors() {
			if i == 5 {
				break
			}
			t.Errorf("schema: %s", e)
		}
		t.Fatalf("document does not validate (first 300 bytes: %.300s)", doc)
	}
}

// TestJSONOutputMatchesSchema validates real json and ndjson output, over
// the fixtures and a bad input, against docs/schema/lint-output.schema.json.
func TestJSONOutputMatchesSchema(t *testing.T) {
	s := schema(t, "docs/schema/lint-output.schema.json")
	garbage := filepath.Join(t.TempDir(), "garbage.der")
	os.WriteFile(garbage, []byte{0x30, 0x03, 0x02, 0x01, 0x01}, 0o644)
	_, out, _ := runCLI(t, "", "lint", "--format", "json", certs+"/valid", certs+"/rules", garbage)
	validate(t, s, out)
	_, out, _ = runCLI(t, "", "lint", "--format", "ndjson", certs+"/valid", certs+"/rules", garbage)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 100 || !strings.HasPrefix(lines[len(lines)-1], `{"summary":`) {
		t.Fatalf("%d ndjson lines; last %q", len(lines), lines[len(lines)-1])
	}
	for _, l := range lines {
		validate(t, s, l)
	}
}

// TestSARIFValidates: SARIF output over the corpus and the fixtures
// validates against the SARIF 2.1.0 schema, per finding and aggregated.
func TestSARIFValidates(t *testing.T) {
	s := schema(t, "testdata/schema/sarif-schema-2.1.0.json")
	_, out, _ := runCLI(t, "", "lint", "--format", "sarif", certs+"/valid", certs+"/rules", testutil.Corpus(t, "commissioner_dut"))
	validate(t, s, out)
	if !strings.Contains(out, `"ruleId": "e_dac_key_usage_not_digital_signature_only"`) || !strings.Contains(out, `"aggregated": false`) {
		t.Error("SARIF lacks an expected result")
	}
	_, out, _ = runCLI(t, "", "verify", "--format", "sarif", "--pai", certs+"/valid/pai.pem", "--paa", certs+"/valid/paa.pem", certs+"/valid/dac.pem", certs+"/rules")
	validate(t, s, out)
}

// TestSARIFAggregates: past MaxSARIFResults, results are grouped per rule
// and issuer with a count.
func TestSARIFAggregates(t *testing.T) {
	dir := t.TempDir()
	b, _ := os.ReadFile(certs + "/rules/n_test_vendor_id.pem")
	f, _ := os.Create(filepath.Join(dir, "many.pem"))
	for i := 0; i < 5200; i++ {
		f.Write(b)
	}
	f.Close()
	_, out, _ := runCLI(t, "", "lint", "--format", "sarif", filepath.Join(dir, "many.pem"))
	validate(t, schema(t, "testdata/schema/sarif-schema-2.1.0.json"), out)
	if !strings.Contains(out, `"aggregated": true`) || !strings.Contains(out, `"count": 5200`) {
		t.Errorf("not aggregated: %.500s", out)
	}
}

type junitDoc struct {
	Suites []struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
		Cases    []struct {
			Name    string    `xml:"name,attr"`
			Failure *struct{} `xml:"failure"`
			Error   *struct{} `xml:"error"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// TestJUnitCountsMatchText: JUnit output is well-formed and its counts match
// the text summary.
func TestJUnitCountsMatchText(t *testing.T) {
	garbage := filepath.Join(t.TempDir(), "garbage.der")
	os.WriteFile(garbage, []byte("not a certificate"), 0o644)
	args := []string{certs + "/valid", certs + "/rules", garbage}
	_, out, _ := runCLI(t, "", append([]string{"lint", "--format", "junit"}, args...)...)
	var d junitDoc
	if err := xml.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("JUnit is not well-formed XML: %v", err)
	}
	var tests, failures, errs int
	for _, s := range d.Suites {
		tests, failures, errs = tests+s.Tests, failures+s.Failures, errs+s.Errors
		if len(s.Cases) != s.Tests {
			t.Errorf("suite says %d tests, has %d", s.Tests, len(s.Cases))
		}
	}
	_, text, _ := runCLI(t, "", append([]string{"lint"}, args...)...)
	m := regexp.MustCompile(`(\d+) certificates linted: (\d+) with errors.*; (\d+) inputs? not a certificate`).FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("no summary in text output:\n%s", text[len(text)-300:])
	}
	certsN, _ := strconv.Atoi(m[1])
	withErr, _ := strconv.Atoi(m[2])
	notCert, _ := strconv.Atoi(m[3])
	if tests != certsN+notCert || failures != withErr || errs != notCert {
		t.Errorf("JUnit tests=%d failures=%d errors=%d; text certificates=%d with errors=%d not certificates=%d", tests, failures, errs, certsN, withErr, notCert)
	}
}

// TestJobsByteIdentical: every format gives the same bytes with 1 and 2
// workers.
func TestJobsByteIdentical(t *testing.T) {
	for _, f := range formats {
		_, one, _ := runCLI(t, "", "lint", "--format", f, "--jobs", "1", certs)
		_, two, _ := runCLI(t, "", "lint", "--format", f, "--jobs", "2", certs)
		if one != two {
			t.Errorf("%s: output differs between --jobs 1 and 2", f)
		}
	}
}

func TestFailOnIncludeExcludeProfile(t *testing.T) {
	warnOnly := certs + "/rules/w_subject_key_id_not_method1.pem"
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"lint", warnOnly}, exitOK},
		{[]string{"lint", "--fail-on", "warn", warnOnly}, exitFindings},
		{[]string{"lint", "--fail-on", "notice", certs + "/rules/n_test_vendor_id.pem"}, exitFindings},
		{[]string{"lint", "--exclude", "e_dac_vid_missing", certs + "/rules/e_dac_vid_missing.pem"}, exitOK},
		{[]string{"lint", "--include", "RFC5280", certs + "/rules/e_dac_vid_missing.pem"}, exitOK},
		{[]string{"lint", "--include", "Matter", certs + "/rules/e_dac_vid_missing.pem"}, exitFindings},
		{[]string{"lint", "--profile", "dcl", certs + "/rules/e_dac_vid_missing.pem"}, exitOK},
		{[]string{"lint", "--profile", "sdk-compat", certs + "/rules/e_serial_not_positive.pem"}, exitOK},
		{[]string{"lint", "--profile", "spec-strict", certs + "/rules/e_serial_not_positive.pem"}, exitFindings},
		{[]string{"lint", "--include", "e_no_such_rule", warnOnly}, exitUsage},
		{[]string{"lint", "--profile", "nope", warnOnly}, exitUsage},
		{[]string{"lint", "--fail-on", "fatal", warnOnly}, exitUsage},
	}
	for _, tc := range tests {
		if got, out, errs := runCLI(t, "", tc.args...); got != tc.want {
			t.Errorf("%v: exit %d, want %d\n%s%s", tc.args, got, tc.want, out, errs)
		}
	}
}

func TestConfigFile(t *testing.T) {
	_, example, _ := runCLI(t, "", "lint", "--example-config")
	dir := t.TempDir()
	cfg := filepath.Join(dir, "matterlint.toml")
	os.WriteFile(cfg, []byte(strings.Replace(example, `fail_on = "error"`, `fail_on = "warn"`, 1)), 0o644)
	warnOnly := certs + "/rules/w_subject_key_id_not_method1.pem"
	if got, _, errs := runCLI(t, "", "lint", "--config", cfg, warnOnly); got != exitFindings {
		t.Errorf("config fail_on=warn: exit %d %s", got, errs)
	}
	if got, _, _ := runCLI(t, "", "lint", "--config", cfg, "--fail-on", "error", warnOnly); got != exitOK {
		t.Errorf("flag should override the config: exit %d", got)
	}
	os.WriteFile(cfg, []byte("fail_onn = \"warn\"\n"), 0o644)
	if got, _, errs := runCLI(t, "", "lint", "--config", cfg, warnOnly); got != exitUsage || !strings.Contains(errs, "fail_onn") {
		t.Errorf("unknown key: exit %d %s", got, errs)
	}
}

func TestSummaryAndBatchRules(t *testing.T) {
	_, out, _ := runCLI(t, "", "lint", "--summary", "--pai", certs+"/valid/pai.pem", certs+"/rules/e_batch_duplicate_serial.bundle.pem")
	if !strings.Contains(out, "findings per rule:") || !strings.Contains(out, "e_batch_duplicate_serial") || !strings.Contains(out, "already used by an earlier certificate of this batch") {
		t.Errorf("output:\n%s", out)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	n := 0
	for sc.Scan() {
		if strings.Contains(sc.Text(), "ERROR  e_batch_duplicate_serial") {
			n++
		}
	}
	if diff := cmp.Diff(1, n); diff != "" {
		t.Error(diff)
	}
}

// TestVerifyJSONMatchesSchema validates verify's json and ndjson output,
// with a CD, a revocation set and a bad input, against its schema.
func TestVerifyJSONMatchesSchema(t *testing.T) {
	s := schema(t, "docs/schema/verify-output.schema.json")
	dir := testutil.Corpus(t, "commissioner_dut/struct_cd_vid_mismatch")
	garbage := filepath.Join(t.TempDir(), "garbage.der")
	os.WriteFile(garbage, []byte("garbage"), 0o644)
	args := []string{"verify", "--pai", filepath.Join(dir, "pai.der"), "--cd", filepath.Join(dir, "cd.der"), "--allow-test-cd-key",
		"--paa-dir", testutil.Corpus(t, "development-paa"), "--vid", "FFF1", "--pid", "8000",
		"--revocation-set", testutil.Corpus(t, "revocation/revocation-sets/revocation-set.json"),
		filepath.Join(dir, "dac.der"), garbage}
	_, out, errs := runCLI(t, "", append(args, "--format", "json")...)
	validate(t, s, out)
	if !strings.Contains(out, `"sdk_code":604`) {
		t.Errorf("expected 604: %s %s", out, errs)
	}
	_, out, _ = runCLI(t, "", append(args, "--format", "ndjson")...)
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		validate(t, s, l)
	}
}
