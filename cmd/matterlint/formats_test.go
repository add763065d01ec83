package main

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/report"
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

// schemaCases run every command that writes a report over good and bad
// inputs; want is a string the JSON document must hold.
func schemaCases(t *testing.T) []struct {
	command string
	args    []string
	want    string
} {
	garbage := filepath.Join(t.TempDir(), "garbage.der")
	os.WriteFile(garbage, []byte{0x30, 0x03, 0x02, 0x01, 0x01}, 0o644)
	dir := testutil.Corpus(t, "commissioner_dut/struct_cd_vid_mismatch")
	rev := filepath.Join(testutil.Root(), "testdata", "revocation")
	return []struct {
		command string
		args    []string
		want    string
	}{
		{"lint", []string{"lint", certs + "/valid", certs + "/rules", garbage}, `"kind":"not-certificate"`},
		{"verify", []string{"verify", "--pai", filepath.Join(dir, "pai.der"), "--cd", filepath.Join(dir, "cd.der"), "--allow-test-cd-key",
			"--paa-dir", testutil.Corpus(t, "development-paa"), "--vid", "FFF1", "--pid", "8000",
			"--revocation-set", testutil.Corpus(t, "revocation/revocation-sets/revocation-set.json"),
			filepath.Join(dir, "dac.der"), garbage}, `"sdk_code":604`},
		{"cd", []string{"cd", "--allow-test-cd-key", filepath.Join(dir, "cd.der"), certs + "/cd", garbage}, `"kind":"not-cd"`},
		{"crl", []string{"crl", filepath.Join(rev, "crls"), certs + "/crl", garbage}, `"kind":"not-crl"`},
		{"revocation-set", []string{"revocation-set", "--points", filepath.Join(rev, "points-indirect.json"), "--crl-map", filepath.Join(rev, "crl-map.json"),
			"--paa-dir", filepath.Join(rev, "paa"), "--at", "2026-01-01T00:00:00Z", "-o", filepath.Join(t.TempDir(), "set.json")}, `"accepted":true`},
	}
}

// TestJSONOutputMatchesSchema validates the json and ndjson output of every
// command, over good and bad inputs, against its schema in docs/schema.
func TestJSONOutputMatchesSchema(t *testing.T) {
	for _, tc := range schemaCases(t) {
		t.Run(tc.command, func(t *testing.T) {
			_, out, errs := runCLI(t, "", append(tc.args, "--format", "json")...)
			validate(t, schema(t, "docs/schema/"+tc.command+"-output.schema.json"), out)
			if !strings.Contains(out, tc.want) {
				t.Errorf("no %s in\n%s%s", tc.want, out, errs)
			}
			_, out, _ = runCLI(t, "", append(tc.args, "--format", "ndjson")...)
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if len(lines) < 2 || !strings.Contains(lines[len(lines)-1], `"summary":`) {
				t.Fatalf("%d ndjson lines; last %q", len(lines), lines[len(lines)-1])
			}
			s := schema(t, "docs/schema/"+tc.command+"-ndjson.schema.json")
			for _, l := range lines {
				validate(t, s, l)
			}
		})
	}
}

// TestSchemasRejectBadOutput: the schemas are not vacuous: a result without
// its input, a summary without its counts and a bad severity are refused.
func TestSchemasRejectBadOutput(t *testing.T) {
	s := schema(t, "docs/schema/lint-ndjson.schema.json")
	for _, doc := range []string{
		`{"schema_version":1,"index":0,"findings":[]}`,
		`{"schema_version":1,"tool":{"name":"matterlint","version":"0","command":"lint"},"verdict":"pass","summary":{"inputs":1}}`,
		`{"schema_version":1,"input":"a","index":0,"role":"dac","subject":"x","sha256":"` + strings.Repeat("0", 64) + `","findings":[{"rule":"e_x","severity":"fatal","source":"Matter","location":"l","message":"m","citation":"c","sdk_code":0,"sdk_code_name":""}]}`,
		`{"schema_version":2,"input":"a","index":0,"error":{"kind":"io","message":"m"},"findings":[]}`,
	} {
		res, err := s.Validate(gojsonschema.NewStringLoader(doc))
		if err != nil || res.Valid() {
			t.Errorf("accepted: %s (%v)", doc, err)
		}
	}
	// Added fields are allowed, as the README promises.
	res, _ := s.Validate(gojsonschema.NewStringLoader(`{"schema_version":1,"input":"a","index":0,"error":{"kind":"io","message":"m","errno":5},"findings":[],"new_field":true}`))
	if !res.Valid() {
		t.Errorf("an added field is refused: %v", res.Errors())
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
	for _, f := range report.Formats() {
		_, one, _ := runCLI(t, "", "lint", "--format", string(f), "--jobs", "1", certs)
		_, two, _ := runCLI(t, "", "lint", "--format", string(f), "--jobs", "2", certs)
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

// TestSARIFCorpusFingerprints: a SARIF run over the whole SDK corpus
// (commissioner vectors and production PAAs) validates against SARIF 2.1.0,
// has a ruleIndex that names the result's rule, a location with the input's
// URI and the object's index, and no two results with the same fingerprint.
func TestSARIFCorpusFingerprints(t *testing.T) {
	for _, args := range [][]string{
		{"lint", testutil.Corpus(t, "commissioner_dut"), testutil.Corpus(t, "production-paa")},
		{"verify", "--paa-dir", testutil.Corpus(t, "development-paa"), "--pai", filepath.Join(testutil.Corpus(t, "commissioner_dut/struct_dac_valid_in_future"), "pai.der"),
			testutil.Corpus(t, "commissioner_dut")},
	} {
		_, out, _ := runCLI(t, "", append(args, "--format", "sarif")...)
		validate(t, schema(t, "testdata/schema/sarif-schema-2.1.0.json"), out)
		var log struct {
			Runs []struct {
				Tool struct {
					Driver struct {
						Rules []struct {
							ID   string `json:"id"`
							Help struct {
								Text string `json:"text"`
							} `json:"help"`
						} `json:"rules"`
					} `json:"driver"`
				} `json:"tool"`
				Results []struct {
					RuleID    string `json:"ruleId"`
					RuleIndex *int   `json:"ruleIndex"`
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct {
								URI string `json:"uri"`
							} `json:"artifactLocation"`
						} `json:"physicalLocation"`
						Properties struct {
							Index *int `json:"index"`
						} `json:"properties"`
					} `json:"locations"`
					Fingerprints map[string]string `json:"partialFingerprints"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal([]byte(out), &log); err != nil {
			t.Fatal(err)
		}
		run := log.Runs[0]
		seen := map[string]bool{}
		if len(run.Results) < 30 {
			t.Errorf("%s: only %d results", args[0], len(run.Results))
		}
		for _, r := range run.Results {
			var fp string
			for k, v := range r.Fingerprints { // one per result: per finding, or per group past MaxSARIFResults
				fp = k + "=" + v
			}
			if fp == "" || seen[fp] {
				t.Errorf("%s: fingerprint %q empty or repeated", args[0], fp)
			}
			seen[fp] = true
			if r.RuleIndex == nil || run.Tool.Driver.Rules[*r.RuleIndex].ID != r.RuleID {
				t.Errorf("%s: result %s has ruleIndex %v", args[0], r.RuleID, r.RuleIndex)
			}
			for _, l := range r.Locations {
				if l.PhysicalLocation.ArtifactLocation.URI == "" || l.Properties.Index == nil {
					t.Errorf("%s: result %s has a location without URI or index", args[0], r.RuleID)
				}
			}
			if len(r.Locations) == 0 {
				t.Errorf("%s: result %s has no location", args[0], r.RuleID)
			}
		}
		for _, rule := range run.Tool.Driver.Rules {
			if !strings.Contains(rule.Help.Text, "Citation: ") {
				t.Errorf("%s: rule %s help has no citation", args[0], rule.ID)
			}
		}
	}
}
