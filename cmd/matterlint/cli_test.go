package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/matterlint/matterlint/internal/testutil"
)

// TestHelpEqualsFlagHelp: `matterlint help CMD` and `CMD --help` print the
// same text, generated from the flag set, on stdout with exit 0, for every
// command; every flag of the command is in it.
func TestHelpEqualsFlagHelp(t *testing.T) {
	for _, c := range commands() {
		code, help, errs := runCLI(t, "", "help", c.name)
		code2, flagHelp, errs2 := runCLI(t, "", c.name, "--help")
		if code != exitOK || code2 != exitOK || errs+errs2 != "" || help != flagHelp || !strings.HasPrefix(help, "Usage: matterlint "+c.name) {
			t.Errorf("%s: exit %d/%d, help == --help: %v, stderr %q\n%s", c.name, code, code2, help == flagHelp, errs+errs2, help)
		}
		for _, f := range flagsOf(c) {
			if !strings.Contains(help, "--"+f.Name) {
				t.Errorf("%s: help lacks --%s", c.name, f.Name)
			}
		}
	}
	_, top, _ := runCLI(t, "", "help")
	for _, c := range commands() {
		if !strings.Contains(top, "  "+c.name+" ") {
			t.Errorf("top-level help lacks %s", c.name)
		}
	}
	if code, _, errs := runCLI(t, "", "lnit"); code != exitUsage || !strings.Contains(errs, "did you mean lint?") {
		t.Errorf("unknown command: exit %d %q", code, errs)
	}
}

// TestCIFlagsOnEveryInputCommand: every command that reads inputs has the
// same CI controls.
func TestCIFlagsOnEveryInputCommand(t *testing.T) {
	n := 0
	for _, c := range commands() {
		if !c.ci {
			continue
		}
		n++
		fs, _ := c.flagSet(nil)
		for _, name := range []string{"format", "fail-on", "quiet", "summary", "config", "example-config", "files-from"} {
			if fs.Lookup(name) == nil {
				t.Errorf("%s has no --%s", c.name, name)
			}
		}
	}
	if n != 5 {
		t.Errorf("%d commands read inputs, want 5 (lint, verify, cd, crl, revocation-set)", n)
	}
}

// TestCompletionScripts: the bash script is valid bash and completes
// commands, flags and flag values when sourced; zsh and fish scripts name
// every command.
func TestCompletionScripts(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	_, script, _ := runCLI(t, "", "completion", "bash")
	p := filepath.Join(t.TempDir(), "matterlint.bash")
	os.WriteFile(p, []byte(script), 0o644)
	if out, err := exec.Command(bash, "-n", p).CombinedOutput(); err != nil {
		t.Fatalf("bash -n: %v\n%s", err, out)
	}
	tests := []struct {
		words []string
		want  string
	}{
		{[]string{"matterlint", "ver"}, "verify version"},
		{[]string{"matterlint", "lint", "--files-f"}, "--files-from"},
		{[]string{"matterlint", "crl", "--format", "j"}, "json junit"},
		{[]string{"matterlint", "help", "revo"}, "revocation-set"},
	}
	for _, tc := range tests {
		cmd := `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($#-1)); _matterlint; echo "${COMPREPLY[*]}"`
		out, err := exec.Command(bash, append([]string{"-c", cmd, "bash", p}, tc.words...)...).CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != tc.want {
			t.Errorf("%v: got %q (%v), want %q", tc.words, out, err, tc.want)
		}
	}
	for _, sh := range []string{"zsh", "fish"} {
		code, s, _ := runCLI(t, "", "completion", sh)
		if code != exitOK || !strings.Contains(s, "revocation-set") {
			t.Errorf("%s: exit %d", sh, code)
		}
	}
	if code, _, _ := runCLI(t, "", "completion", "tcsh"); code != exitUsage {
		t.Errorf("tcsh: exit %d", code)
	}
}

// TestVersionJSON: version --format json has the version, Go version, rule
// and check counts and the PAA snapshot date.
func TestVersionJSON(t *testing.T) {
	code, out, _ := runCLI(t, "", "version", "--format", "json")
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil || code != exitOK {
		t.Fatalf("exit %d, %v\n%s", code, err, out)
	}
	for _, k := range []string{"schema_version", "version", "go_version", "rules", "checks", "paa_snapshot"} {
		if v[k] == nil || v[k] == "" || v[k] == 0.0 {
			t.Errorf("%s = %v", k, v[k])
		}
	}
	if _, err := time.Parse("2006-01-02", v["paa_snapshot"].(string)); err != nil {
		t.Error(err)
	}
	if code, out, _ := runCLI(t, "", "version"); code != exitOK || !strings.Contains(out, "verify checks") {
		t.Errorf("text: exit %d %s", code, out)
	}
}

// TestManPage: the man page has every command and flag.
func TestManPage(t *testing.T) {
	_, man, _ := runCLI(t, "", "man")
	for _, c := range commands() {
		if !strings.Contains(man, ".SS "+strings.ReplaceAll(c.name, "-", `\-`)) {
			t.Errorf("man page lacks %s", c.name)
		}
		for _, f := range flagsOf(c) {
			if !strings.Contains(man, `\-\-`+strings.ReplaceAll(f.Name, "-", `\-`)) {
				t.Errorf("man page lacks %s --%s", c.name, f.Name)
			}
		}
	}
}

// TestFilesFromAndListFiles: --files-from FILE, --files-from - and @FILE
// give the same results as the paths on the command line, so batch rules see
// the whole list.
func TestFilesFromAndListFiles(t *testing.T) {
	dir := t.TempDir()
	paths := []string{certs + "/valid/chain.pem", certs + "/rules/e_pai_path_len_not_zero.pem"}
	list := filepath.Join(dir, "list.txt")
	os.WriteFile(list, []byte(strings.Join(paths, "\n")+"\n\n"), 0o644)
	_, want, _ := runCLI(t, "", append([]string{"lint", "--format", "json"}, paths...)...)
	for _, tc := range []struct {
		stdin string
		args  []string
	}{
		{"", []string{"lint", "--format", "json", "--files-from", list}},
		{strings.Join(paths, "\n"), []string{"lint", "--format", "json", "--files-from", "-"}},
		{"", []string{"lint", "--format", "json", "@" + list}},
		{"", []string{"lint", "--format", "json", paths[0], "--files-from", filepath.Join(dir, "one.txt")}},
	} {
		if strings.HasSuffix(tc.args[len(tc.args)-1], "one.txt") {
			os.WriteFile(filepath.Join(dir, "one.txt"), []byte(paths[1]+"\n"), 0o644)
		}
		code, got, errs := runCLI(t, tc.stdin, tc.args...)
		if code != exitFindings || got != want {
			t.Errorf("%v: exit %d %s\n%s", tc.args, code, errs, got)
		}
	}
	if !strings.Contains(want, "e_batch_duplicate_serial") {
		t.Error("the batch rule did not see both files")
	}
	for _, args := range [][]string{
		{"lint", "--files-from", filepath.Join(dir, "missing.txt")},
		{"lint", "--files-from", "-", "-"},
		{"crl", "@" + filepath.Join(dir, "missing.txt")},
	} {
		if code, _, errs := runCLI(t, "", args...); code != exitUsage || errs == "" {
			t.Errorf("%v: exit %d %q", args, code, errs)
		}
	}
}

// TestConfigSections: top-level settings apply to every command that has
// them, [command] sections to that command only, flags win, and unknown
// settings and sections are errors.
func TestConfigSections(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "m.toml")
	warnOnly := certs + "/rules/w_subject_key_id_not_method1.pem"
	dac, pai, paa := writeChain(t, nil)
	vec := testutil.Corpus(t, "commissioner_dut/struct_cd_authorized_paa_list_count2_valid")
	tests := []struct {
		config string
		args   []string
		want   int
	}{
		{"fail_on = \"warn\"\n", []string{"lint", warnOnly}, exitFindings},
		{"[lint]\nfail-on = \"warn\"\n", []string{"lint", warnOnly}, exitFindings},
		{"[verify]\nfail_on = \"warn\"\n", []string{"lint", warnOnly}, exitOK},
		{"[lint]\nfail_on = \"warn\"\n", []string{"lint", "--fail-on", "error", warnOnly}, exitOK},
		{"format = \"json\"\nrole = \"pai\"\n[verify]\npai = \"" + pai + "\"\npaa = [\"" + paa + "\"]\n", []string{"verify", dac}, exitOK},
		{"[verify]\nfail_on = \"notice\"\nno_current_time = true\npai = \"" + filepath.Join(vec, "pai.der") + "\"\npaa_dir = [\"" + testutil.Corpus(t, "development-paa") + "\"]\n",
			[]string{"verify", filepath.Join(vec, "dac.der")}, exitFindings},
		{"[verify]\nno_current_time = true\npai = \"" + filepath.Join(vec, "pai.der") + "\"\npaa_dir = [\"" + testutil.Corpus(t, "development-paa") + "\"]\n",
			[]string{"verify", filepath.Join(vec, "dac.der")}, exitOK},
		{"[lint]\nno_such = 1\n", []string{"lint", warnOnly}, exitUsage},
		{"no_such = 1\n", []string{"lint", warnOnly}, exitUsage},
		{"[nosuchcommand]\nquiet = true\n", []string{"lint", warnOnly}, exitUsage},
		{"[lint]\nformat = [\"json\"]\n", []string{"lint", warnOnly}, exitUsage},
	}
	for _, tc := range tests {
		os.WriteFile(cfg, []byte(tc.config), 0o644)
		if code, out, errs := runCLI(t, "", append([]string{tc.args[0], "--config", cfg}, tc.args[1:]...)...); code != tc.want {
			t.Errorf("%q %v: exit %d, want %d\n%s%s", tc.config, tc.args, code, tc.want, out, errs)
		}
	}
	// Every command's example configuration is a valid configuration.
	for _, c := range []string{"lint", "verify", "cd", "crl", "revocation-set"} {
		_, ex, _ := runCLI(t, "", c, "--example-config")
		os.WriteFile(cfg, []byte(ex), 0o644)
		if code, _, errs := runCLI(t, "", c, "--config", cfg, "--help"); code != exitOK || strings.Contains(errs, "config") {
			t.Errorf("%s --example-config: %q", c, errs)
		}
		if !strings.Contains(ex, "["+c+"]") || !strings.Contains(ex, "fail_on = ") {
			t.Errorf("%s example config:\n%s", c, ex)
		}
	}
}

// TestVerifyTextBatch: a passing DAC is one line; the PAI's and PAA's
// findings are shown once for the batch.
func TestVerifyTextBatch(t *testing.T) {
	dac, pai, paa := writeChain(t, nil)
	code, out, _ := runCLI(t, "", "verify", "--pai", pai, "--paa", paa, dac, dac, dac)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	pass := 0
	for _, l := range lines {
		if strings.Contains(l, ": PASS under PAA") {
			pass++
		}
	}
	if code != exitOK || pass != 3 || !strings.Contains(out, "3 DACs verified: 3 pass, 0 fail") {
		t.Errorf("exit %d, %d PASS lines\n%s", code, pass, out)
	}
	// SDK test certificates carry notices on the PAI and PAA: shown once.
	v := testutil.Corpus(t, "commissioner_dut/struct_cd_authorized_paa_list_count2_valid")
	_, out, _ = runCLI(t, "", "verify", "--no-current-time", "--pai", filepath.Join(v, "pai.der"), "--paa-dir", testutil.Corpus(t, "development-paa"),
		filepath.Join(v, "dac.der"), filepath.Join(v, "dac.pem"), filepath.Join(v, "dac.der"))
	if n := strings.Count(out, "[pai] n_test_vendor_id"); n != 1 {
		t.Errorf("the PAI's notice is shown %d times\n%s", n, out)
	}
	if n := strings.Count(out, ": PASS under PAA"); n != 3 || strings.Count(out, "\n") != 3+3+2 {
		t.Errorf("%d PASS lines\n%s", n, out)
	}
}

// TestExplainNames: explain takes an SDK code, a rule name or a check name.
func TestExplainNames(t *testing.T) {
	tests := []struct {
		arg, want string
		code      int
	}{
		{"303", "kDacFormatInvalid (303)", exitOK},
		{"kPaaNotFound", "kPaaNotFound (101)", exitOK},
		{"e_pai_path_len_not_zero", "kPaiFormatInvalid (203)", exitOK},
		{"chain_dac_signature", "kDacSignatureInvalid (301)", exitOK},
		{"paa_found", "verify check", exitOK},
		{"chain_dac_signatur", "did you mean chain_dac_signature?", exitUsage},
	}
	for _, tc := range tests {
		code, out, errs := runCLI(t, "", "explain", tc.arg)
		if code != tc.code || !strings.Contains(out+errs, tc.want) {
			t.Errorf("explain %s: exit %d\n%s%s", tc.arg, code, out, errs)
		}
	}
}

// TestListLintsChecksAndProfile: --checks lists every verify check, and
// --profile lists what a profile selects; a bad profile names the valid ones.
func TestListLintsChecksAndProfile(t *testing.T) {
	_, all, _ := runCLI(t, "", "list-lints")
	_, withChecks, _ := runCLI(t, "", "list-lints", "--checks")
	for _, c := range []string{"chain_dac_signature", "paa_found", "cd_signature"} {
		if strings.Contains(all, c+" ") || !strings.Contains(withChecks, c) {
			t.Errorf("check %s: listed without --checks or missing with it", c)
		}
	}
	_, js, _ := runCLI(t, "", "list-lints", "--json", "--checks")
	var rules []ruleJSON
	if err := json.Unmarshal([]byte(js), &rules); err != nil {
		t.Fatal(err)
	}
	_, sdk, _ := runCLI(t, "", "list-lints", "--json", "--profile", "sdk-compat")
	var sdkRules []ruleJSON
	json.Unmarshal([]byte(sdk), &sdkRules)
	if len(sdkRules) == 0 || len(sdkRules) >= len(rules) {
		t.Errorf("sdk-compat lists %d of %d", len(sdkRules), len(rules))
	}
	for _, r := range sdkRules {
		if len(r.SDKCodes) == 0 {
			t.Errorf("sdk-compat lists %s, which the SDK does not check", r.Name)
		}
	}
	for _, args := range [][]string{{"list-lints", "--profile", "strict"}, {"lint", "--profile", "strict", certs}} {
		if code, _, errs := runCLI(t, "", args...); code != exitUsage || !strings.Contains(errs, "all, sdk-compat, spec-strict, dcl") {
			t.Errorf("%v: exit %d %q", args, code, errs)
		}
	}
}

// TestStdinNamedTheSameEverywhere: "-" is "stdin" in every format.
func TestStdinNamedTheSameEverywhere(t *testing.T) {
	b, _ := os.ReadFile(certs + "/rules/e_pai_path_len_not_zero.pem")
	for _, f := range []string{"text", "json", "ndjson", "sarif", "junit"} {
		_, out, _ := runCLI(t, string(b)+"garbage", "lint", "--format", f, "-")
		if !strings.Contains(out, "stdin") || strings.Contains(out, `"-"`) || strings.Contains(out, "- [") {
			t.Errorf("%s:\n%.600s", f, out)
		}
	}
}

// TestProgressLine: the progress line has the count, the bytes of the
// total, the rate and the time left.
func TestProgressLine(t *testing.T) {
	tests := []struct {
		n           int
		done, total int64
		elapsed     time.Duration
		want        string
	}{
		{1, 1e6, 4e6, time.Second, "1 input, 1.0 MB of 4.0 MB, 1.0 MB/s, 1 inputs/s, ETA 0:03"},
		{300, 3e6, -1, 2 * time.Second, "300 inputs, 3.0 MB, 1.5 MB/s, 150 inputs/s"},
		{0, 0, 10, 0, "0 inputs, 0.0 MB of 0.0 MB"},
	}
	for _, tc := range tests {
		if got := progressLine(tc.n, tc.done, tc.total, tc.elapsed); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
	// No progress when stderr is not a terminal (a file here).
	f, _ := os.Create(filepath.Join(t.TempDir(), "err"))
	defer f.Close()
	if showProgress(f, nil) {
		t.Error("progress on a file")
	}
}
