package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/report"
)

func TestCDCommand(t *testing.T) {
	cd := filepath.Join(testutil.Corpus(t, "commissioner_dut/struct_cd_authorized_paa_list_count2_valid"), "cd.der")
	code, out, _ := runCLI(t, "", "cd", "--allow-test-cd-key", cd)
	if code != exitOK || !strings.Contains(out, ": PASS") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	for _, name := range []string{"format_version", "vendor_id", "product_id_array", "device_type_id", "certificate_id", "security_level",
		"security_information", "version_number", "certification_type", "dac_origin_vendor_id", "dac_origin_product_id", "authorized_paa_list"} {
		if !strings.Contains(out, name) {
			t.Errorf("output lacks field %s", name)
		}
	}
	// without --allow-test-cd-key the SDK test key is not trusted
	code, out, _ = runCLI(t, "", "cd", cd)
	if code != exitFindings || !strings.Contains(out, "kCertificationDeclarationNoCertificateFound (601)") {
		t.Errorf("exit %d\n%s", code, out)
	}
	// a CD that fails names the field and why
	bad := filepath.Join(testutil.Corpus(t, "commissioner_dut/struct_cd_cert_id_len_wrong"), "cd.der")
	code, out, _ = runCLI(t, "", "cd", "--allow-test-cd-key", "--format", "json", bad)
	var doc struct {
		Results []struct {
			SDKCode  int              `json:"sdk_code"`
			Fields   []report.CDField `json:"fields"`
			Findings []struct {
				Message string `json:"message"`
			} `json:"findings"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	r := doc.Results[0]
	if code != exitFindings || r.SDKCode != 603 || len(r.Fields) != 12 || !strings.Contains(r.Findings[0].Message, "certificate_id") {
		t.Errorf("exit %d, result %+v", code, r)
	}
}

func TestVerifyWithCD(t *testing.T) {
	dir := testutil.Corpus(t, "commissioner_dut/struct_cd_vid_mismatch")
	paas := testutil.Corpus(t, "development-paa")
	code, out, _ := runCLI(t, "", "verify", "--dac", filepath.Join(dir, "dac.der"), "--pai", filepath.Join(dir, "pai.der"),
		"--cd", filepath.Join(dir, "cd.der"), "--allow-test-cd-key", "--paa-dir", paas, "--vid", "FFF1", "--pid", "8000", "--format", "json")
	var d verifyDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if code != exitFindings || d.SDKCode != 604 {
		t.Errorf("exit %d, sdk_code %d, findings %+v", code, d.SDKCode, d.Findings)
	}
}
