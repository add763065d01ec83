package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/matterext"
)

func TestRevocationSetCLI(t *testing.T) {
	dir := filepath.Join(testutil.Root(), "testdata", "revocation")
	out := filepath.Join(t.TempDir(), "set.json")
	code, rep, errs := runCLI(t, "", "revocation-set", "--points", filepath.Join(dir, "points-direct.json"),
		"--crl-map", filepath.Join(dir, "crl-map.json"), "--paa-dir", filepath.Join(dir, "paa"), "--at", "2026-01-01T00:00:00Z", "-o", out)
	if code != exitOK || !strings.Contains(rep, "3 revocation points checked: 3 pass, 0 fail") {
		t.Fatalf("exit %d\n%s%s", code, rep, errs)
	}
	b, _ := os.ReadFile(out)
	set, err := matterext.ParseRevocationSet(b)
	if err != nil || len(set) != 3 {
		t.Fatalf("set: %d entries, %v", len(set), err)
	}
	// a missing CRL rejects its point and exits 1
	code, _, errs = runCLI(t, "", "revocation-set", "--points", filepath.Join(dir, "points-direct.json"),
		"--crl-dir", t.TempDir(), "--paa-dir", filepath.Join(dir, "paa"))
	if code != exitFindings || !strings.Contains(errs, "REJECTED") {
		t.Errorf("exit %d\n%s", code, errs)
	}
}

func TestCRLCLI(t *testing.T) {
	crls := filepath.Join(testutil.Root(), "testdata", "revocation", "crls")
	code, out, _ := runCLI(t, "", "crl", "--format", "json", crls)
	var d struct {
		Results []struct {
			Input string `json:"input"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if code != exitOK || len(d.Results) != 6 {
		t.Errorf("exit %d, %d results", code, len(d.Results))
	}
	// --signer: the PAA CRL against the PAA passes, against another key fails
	paa := filepath.Join(testutil.Root(), "testdata", "revocation", "paa", "Chip-Test-PAA-FFF1-Cert.pem")
	if code, out, _ := runCLI(t, "", "crl", "--signer", paa, filepath.Join(crls, "Chip-Test-PAA-FFF1-CRL.pem")); code != exitOK {
		t.Errorf("exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "", "crl", "--signer", paa, filepath.Join(crls, "Matter-Development-PAI-FFF1-noPID-CRL.pem"))
	if code != exitFindings || !strings.Contains(out, "crl_issued_by_signer") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

func TestVerifyRevocationCLI(t *testing.T) {
	var v struct {
		DAC string `json:"dac_cert"`
		PAI string `json:"pai_cert"`
	}
	b, _ := os.ReadFile(testutil.Corpus(t, "revocation/dac-provider-test-vectors/revoked-dac-and-pai.json"))
	json.Unmarshal(b, &v)
	dir := t.TempDir()
	for name, h := range map[string]string{"dac.hex": v.DAC, "pai.hex": v.PAI} {
		os.WriteFile(filepath.Join(dir, name), []byte(h), 0o644)
	}
	code, out, _ := runCLI(t, "", "verify", "--dac", filepath.Join(dir, "dac.hex"), "--pai", filepath.Join(dir, "pai.hex"),
		"--paa-dir", testutil.Corpus(t, "development-paa"), "--revocation-set", testutil.Corpus(t, "revocation/revocation-sets/revocation-set.json"), "--format", "json")
	var d verifyDoc
	json.Unmarshal([]byte(out), &d)
	if code != exitFindings || d.SDKCode != 208 || d.SDKCodeName != "kPaiAndDacRevoked" {
		t.Errorf("exit %d, code %d %s", code, d.SDKCode, d.SDKCodeName)
	}
}
