package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/internal/testutil"
)

type verifyDoc struct {
	Verdict     string `json:"verdict"`
	SDKCode     int    `json:"sdk_code"`
	SDKCodeName string `json:"sdk_code_name"`
	Findings    []struct {
		Check    string `json:"check"`
		SDKCode  int    `json:"sdk_code"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	} `json:"findings"`
	Results []struct {
		Input   string `json:"input"`
		Verdict string `json:"verdict"`
		SDKCode int    `json:"sdk_code"`
	} `json:"results"`
	Summary struct {
		DACs, Passed, Failed int
	} `json:"summary"`
}

func writeChain(t *testing.T, mutate func(dac, pai, paa *fixtures.Cert)) (dac, pai, paa string) {
	dir := t.TempDir()
	d, i, a := fixtures.ValidDAC(), fixtures.ValidPAI(), fixtures.ValidPAA()
	if mutate != nil {
		mutate(d, i, a)
	}
	dac, pai, paa = filepath.Join(dir, "dac.der"), filepath.Join(dir, "pai.pem"), filepath.Join(dir, "paa.pem")
	os.WriteFile(dac, d.DER(), 0o644)
	os.WriteFile(pai, fixtures.PEM(i.DER()), 0o644)
	os.WriteFile(paa, fixtures.PEM(a.DER()), 0o644)
	return
}

func TestVerifyCLI(t *testing.T) {
	dac, pai, paa := writeChain(t, nil)
	code, out, errs := runCLI(t, "", "verify", "--dac", dac, "--pai", pai, "--paa", paa, "--vid", "A0B1", "--pid", "8000", "--format", "json")
	var d verifyDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%v: %s %s", err, out, errs)
	}
	if code != exitOK || d.Verdict != "pass" || d.SDKCode != 0 || d.SDKCodeName != "kSuccess" {
		t.Errorf("exit %d, doc %+v", code, d)
	}

	badDAC, pai2, paa2 := writeChain(t, func(dac, pai, paa *fixtures.Cert) { dac.Signer = fixtures.Key("x") })
	code, out, _ = runCLI(t, "", "verify", "--dac", badDAC, "--pai", pai2, "--paa", paa2, "--format", "json")
	d = verifyDoc{}
	json.Unmarshal([]byte(out), &d)
	if code != exitFindings || d.Verdict != "fail" || d.SDKCode != 301 || d.SDKCodeName != "kDacSignatureInvalid" {
		t.Errorf("exit %d, doc %+v", code, d)
	}
	if len(d.Findings) == 0 || d.Findings[0].Check != "chain_dac_signature" {
		t.Errorf("findings = %+v", d.Findings)
	}

	// text output names the code and the check
	_, out, _ = runCLI(t, "", "verify", "--dac", badDAC, "--pai", pai2, "--paa", paa2)
	if !strings.Contains(out, "FAIL kDacSignatureInvalid (301)") || !strings.Contains(out, "chain_dac_signature") {
		t.Errorf("text output:\n%s", out)
	}
}

// TestVerifyBatch: many DACs under one PAI, with one bad input in the middle.
func TestVerifyBatch(t *testing.T) {
	dac, pai, paa := writeChain(t, nil)
	bad, _, _ := writeChain(t, func(dac, pai, paa *fixtures.Cert) { dac.Signer = fixtures.Key("y") })
	garbage := filepath.Join(t.TempDir(), "x.der")
	os.WriteFile(garbage, []byte("not a certificate at all"), 0o644)
	code, out, _ := runCLI(t, "", "verify", "--pai", pai, "--paa", paa, "--format", "json", dac, bad, garbage, dac)
	var d verifyDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err, out)
	}
	if code != exitNotCertificate || d.Summary.DACs != 3 || d.Summary.Passed != 2 || d.Summary.Failed != 1 || len(d.Results) != 4 {
		t.Errorf("exit %d, summary %+v, %d results", code, d.Summary, len(d.Results))
	}
	if d.Verdict != "fail" || d.SDKCode != 301 {
		t.Errorf("top level = %s %d", d.Verdict, d.SDKCode)
	}
}

func TestVerifyUsage(t *testing.T) {
	dac, pai, _ := writeChain(t, nil)
	for _, args := range [][]string{
		{"verify"},
		{"verify", "--dac", dac, "--pai", pai, "--vid", "XYZ"},
		{"verify", "--dac", dac, "--pai", pai, "--at", "2020-01-01T00:00:00Z", "--no-current-time"},
		{"verify", "--dac", dac, "--pai", pai, "--paa-dir", t.TempDir()},
		{"verify", "--dac", dac, "--pai", filepath.Join(t.TempDir(), "missing.pem")},
	} {
		if code, _, errs := runCLI(t, "", args...); code != exitUsage || errs == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}

func TestExplainCLI(t *testing.T) {
	for _, arg := range []string{"303", "kDacFormatInvalid", "DacFormatInvalid"} {
		code, out, _ := runCLI(t, "", "explain", arg)
		if code != exitOK || !strings.HasPrefix(out, "kDacFormatInvalid (303):") || !strings.Contains(out, "e_dac_key_usage_not_digital_signature_only") {
			t.Errorf("explain %s: exit %d\n%s", arg, code, out)
		}
	}
	if code, _, _ := runCLI(t, "", "explain", "4242"); code != exitUsage {
		t.Errorf("unknown code: exit %d", code)
	}
}

func TestPAAList(t *testing.T) {
	code, out, _ := runCLI(t, "", "paa", "list")
	if code != exitOK || !strings.Contains(out, "61 PAAs, snapshot of 2026-11-26") || !strings.Contains(out, "SOURCE.tsv") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

// TestVerifyCorpusCLI runs every vector through the CLI as the SDK's test
// runs it (test PAAs in a --paa-dir, the vector's CD with the test key
// allowed, device VID FFF1 and the vector's PID, the current time): every
// verdict and code equals expected.tsv.
func TestVerifyCorpusCLI(t *testing.T) {
	paaDir := t.TempDir()
	for _, f := range []string{"development-paa/Chip-Test-PAA-FFF1-Cert.pem", "test-attestation/Chip-Test-PAA-NoVID-Cert.pem"} {
		b, err := os.ReadFile(testutil.Corpus(t, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(paaDir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, v := range testutil.Vectors(t) {
		dir := v.Dir
		code, out, errs := runCLI(t, "", "verify", "--dac", filepath.Join(dir, "dac.der"), "--pai", filepath.Join(dir, "pai.der"),
			"--cd", filepath.Join(dir, "cd.der"), "--allow-test-cd-key",
			"--paa-dir", paaDir, "--vid", "FFF1", "--pid", fmt.Sprintf("%04X", v.DevicePID()), "--sdk-release", v.Release(t), "--format", "json")
		var d verifyDoc
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatalf("%s: %v %s", v.Name, err, errs)
		}
		wantExit := exitOK
		if v.Verdict == "fail" {
			wantExit = exitFindings
		}
		if !v.Agrees(d.Verdict, d.SDKCode) || code != wantExit {
			t.Errorf("%s: got %s %d (exit %d), want %s %d (exit %d)", v.Name, d.Verdict, d.SDKCode, code, v.Verdict, v.Code, wantExit)
		}
	}
}

// TestVerifySDKRelease: --sdk-release picks the release that decides, and
// the output lists the releases' verdicts when they differ.
func TestVerifySDKRelease(t *testing.T) {
	dir := testutil.Corpus(t, "commissioner_dut/struct_cd_cert_type_wrong")
	paa := testutil.Corpus(t, "development-paa/Chip-Test-PAA-FFF1-Cert.pem")
	args := []string{"verify", "--dac", filepath.Join(dir, "dac.der"), "--pai", filepath.Join(dir, "pai.der"), "--paa", paa,
		"--cd", filepath.Join(dir, "cd.der"), "--allow-test-cd-key", "--vid", "FFF1", "--pid", "8000"}
	for _, tc := range []struct {
		release string
		code    int
	}{{"", 601}, {"1.6", 601}, {"1.5", 501}, {"v1.2.0.1", 501}, {"1.1", 0}} {
		a := append(append([]string{}, args...), "--format", "json")
		if tc.release != "" {
			a = append(a, "--sdk-release", tc.release)
		}
		code, out, errs := runCLI(t, "", a...)
		var d struct {
			verifyDoc
			Results []struct {
				SDKRelease string `json:"sdk_release"`
				Releases   []struct {
					From, To, Verdict string
					SDKCode           int `json:"sdk_code"`
				} `json:"release_verdicts"`
			} `json:"results"`
		}
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatalf("%s: %v %s", tc.release, err, errs)
		}
		wantExit := exitFindings
		if tc.code == 0 {
			wantExit = exitOK
		}
		if code != wantExit || d.SDKCode != tc.code || len(d.Results) != 1 || len(d.Results[0].Releases) != 3 {
			t.Errorf("--sdk-release %q: exit %d, code %d, %+v", tc.release, code, d.SDKCode, d.Results)
			continue
		}
		if r := d.Results[0].Releases; r[0].From != "1.0" || r[0].To != "1.1" || r[0].Verdict != "pass" || r[1].SDKCode != 501 || r[2].From != "1.6" || r[2].SDKCode != 601 {
			t.Errorf("release verdicts %+v", r)
		}
	}
	_, out, _ := runCLI(t, "", args...)
	for _, want := range []string{"the verdict depends on the commissioner's SDK release (shown: 1.6)", "SDK 1.0-1.1: pass",
		"SDK 1.2-1.5: fail kAttestationElementsMalformed (501)", "SDK 1.6: fail kCertificationDeclarationNoCertificateFound (601)"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	if code, _, errs := runCLI(t, "", append(append([]string{}, args...), "--sdk-release", "0.9")...); code != exitUsage || !strings.Contains(errs, "modelled: 1.0") {
		t.Errorf("unknown release: exit %d, %q", code, errs)
	}
}
