package main

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/matterext"
)

// attestationFiles writes the attestation response of the vector's device:
// the elements (binary), the signature (hex), and returns the challenge and
// nonce as hex.
func attestationFiles(t *testing.T, v testutil.Vector) (elements, signature, challenge, nonce string, el, sig []byte) {
	t.Helper()
	key := v.VectorKey(t)
	cd, err := os.ReadFile(filepath.Join(v.Dir, "cd.der"))
	if err != nil {
		t.Fatal(err)
	}
	n := make([]byte, 32)
	for i := range n {
		n[i] = byte(i)
	}
	ch := []byte("0123456789abcdef")
	el = matterext.EncodeAttestationElements(cd, n, 0, nil, nil)
	sig, err = matterext.SignAttestation(rand.Reader, key, el, ch)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	elements, signature = filepath.Join(dir, "elements.bin"), filepath.Join(dir, "signature.hex")
	if err := os.WriteFile(elements, el, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(signature, []byte(hex.EncodeToString(sig)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return elements, signature, hex.EncodeToString(ch), hex.EncodeToString(n), el, sig
}

func TestVerifyAttestationCLI(t *testing.T) {
	var v testutil.Vector
	for _, x := range testutil.Vectors(t) {
		if x.Name == "struct_cd_vid_mismatch" {
			v = x
		}
	}
	if v.Name == "" {
		t.Fatal("vector struct_cd_vid_mismatch not found")
	}
	paa := testutil.Corpus(t, "development-paa/Chip-Test-PAA-FFF1-Cert.pem")
	elements, signature, challenge, nonce, el, sig := attestationFiles(t, v)
	base := []string{"verify", "--dac", filepath.Join(v.Dir, "dac.der"), "--pai", filepath.Join(v.Dir, "pai.der"), "--paa", paa,
		"--vid", "FFF1", "--pid", "8000", "--allow-test-cd-key", "--format", "json"}
	dir := t.TempDir()
	jsonLog := filepath.Join(dir, "response.json")
	os.WriteFile(jsonLog, fmt.Appendf(nil, `{"AttestationResponse":{"attestationElements":%q,"attestationSignature":%q}}`,
		base64.StdEncoding.EncodeToString(el), base64.StdEncoding.EncodeToString(sig)), 0o644)
	pyLog := filepath.Join(dir, "response.txt")
	os.WriteFile(pyLog, []byte("AttestationResponse(attestationElements="+testutil.PyRepr(el)+", attestationSignature="+testutil.PyRepr(sig)+")\n"), 0o644)
	for _, tc := range []struct {
		name     string
		args     []string
		exit     int
		verdict  string
		code     int
		hasCheck string
	}{
		// The vector's CD has the wrong vendor_id: 604, found through the
		// CD inside the elements.
		{"files", []string{"--attestation-elements", elements, "--attestation-signature", signature, "--attestation-challenge", challenge, "--nonce", nonce}, exitFindings, "fail", 604, ""},
		{"json log", []string{"--attestation-response", jsonLog, "--attestation-challenge", challenge, "--nonce", nonce}, exitFindings, "fail", 604, ""},
		{"python repr", []string{"--attestation-response", pyLog, "--attestation-challenge", challenge, "--nonce", nonce}, exitFindings, "fail", 604, ""},
		{"wrong nonce", []string{"--attestation-elements", elements, "--attestation-signature", signature, "--attestation-challenge", challenge, "--nonce", strings.Repeat("00", 32)}, exitFindings, "fail", 502, "response_nonce_matches"},
		{"wrong challenge", []string{"--attestation-elements", elements, "--attestation-signature", signature, "--attestation-challenge", strings.Repeat("ab", 16), "--nonce", nonce}, exitFindings, "fail", 500, "response_signature"},
	} {
		code, out, errs := runCLI(t, "", append(append([]string{}, base...), tc.args...)...)
		var d struct {
			verifyDoc
			Results []struct {
				Elements *struct {
					Length int    `json:"length"`
					Nonce  string `json:"attestation_nonce"`
				} `json:"attestation_elements"`
			} `json:"results"`
		}
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatalf("%s: %v: %s %s", tc.name, err, out, errs)
		}
		if code != tc.exit || d.Verdict != tc.verdict || d.SDKCode != tc.code {
			t.Errorf("%s: exit %d %s %d, want exit %d %s %d; %s", tc.name, code, d.Verdict, d.SDKCode, tc.exit, tc.verdict, tc.code, errs)
		}
		if len(d.Results) != 1 || d.Results[0].Elements == nil || d.Results[0].Elements.Length != len(el) || !strings.EqualFold(d.Results[0].Elements.Nonce, nonce) {
			t.Errorf("%s: decoded elements missing or wrong: %s", tc.name, out)
		}
		if tc.hasCheck != "" && (len(d.Findings) == 0 || d.Findings[0].Check != tc.hasCheck) {
			t.Errorf("%s: first finding %+v, want %s", tc.name, d.Findings, tc.hasCheck)
		}
	}
	// Text output shows the decoded elements.
	_, out, _ := runCLI(t, "", "verify", "--dac", filepath.Join(v.Dir, "dac.der"), "--pai", filepath.Join(v.Dir, "pai.der"), "--paa", paa,
		"--allow-test-cd-key", "--attestation-response", pyLog, "--attestation-challenge", challenge, "--nonce", nonce)
	if !strings.Contains(out, "attestation elements ("+fmt.Sprint(len(el))+" bytes)") || !strings.Contains(out, "attestation_nonce:") {
		t.Errorf("text output lacks the elements:\n%s", out)
	}
	// Without the challenge the signature is not checked, and the output says so.
	_, out, _ = runCLI(t, "", append(append([]string{}, base...), "--attestation-elements", elements, "--attestation-signature", signature)...)
	if !strings.Contains(out, "the attestation signature was not checked") || !strings.Contains(out, "the nonce was not checked") {
		t.Errorf("no warning for the unknown challenge and nonce:\n%s", out)
	}
	// Usage errors: a missing signature, a response for several DACs, a bad challenge.
	for _, args := range [][]string{
		{"--attestation-elements", elements, "--attestation-challenge", challenge, "--nonce", nonce},
		{"--attestation-response", jsonLog, filepath.Join(v.Dir, "dac.der")},
		{"--attestation-challenge", "xyz", "--attestation-response", jsonLog, "--nonce", nonce},
	} {
		if code, _, errs := runCLI(t, "", append(append([]string{}, base...), args...)...); code != exitUsage || errs == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}
