package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/matterlint/matterlint/internal/fixtures"
)

func writeDCLFixture(t *testing.T, dir, name string) string {
	t.Helper()
	p := filepath.Join(dir, name+".pem")
	if err := os.WriteFile(p, []byte(fixtures.DCLPEM(name)), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDCLCheckCLI(t *testing.T) {
	dir := t.TempDir()
	paa := writeDCLFixture(t, dir, "PAACertWithNumericVid")
	pai := writeDCLFixture(t, dir, "PAICertWithNumericPidVid")
	root := writeDCLFixture(t, dir, "RootCertPem")
	ica := writeDCLFixture(t, dir, "IntermediateCertPem")
	notCert := filepath.Join(dir, "stub.pem")
	os.WriteFile(notCert, []byte("pem certificate"), 0o644)
	point := filepath.Join(dir, "point.json")
	os.WriteFile(point, []byte(`{"PkiRevocationDistributionPoint": {"vid": 65521, "label": "label", "isPAA": true,
		"crlSignerCertificate": `+jsonString(fixtures.DCLPEM("PAACertWithNumericVid"))+`,
		"issuerSubjectKeyID": "5A880E6C3653D07FB08971A3F473790930E62BDB", "dataURL": "https://example.com/crl", "revocationType": 1}}`), 0o644)
	at := "--at=2026-07-01T00:00:00Z"
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"pai accepted under its parent", []string{"dcl", "check", "--tx", "add-cert", "--parent", paa, "--signer-vid", "0xFFF1", at, pai}, 0, "ACCEPT"},
		{"pai by another vendor", []string{"dcl", "check", "--tx", "add-cert", "--parent", paa, "--signer-vid", "65522", at, pai}, 1, "ErrCertVidNotEqualAccountVid (439)"},
		{"no parent on the ledger", []string{"dcl", "check", "--tx", "add-cert", "--signer-vid", "FFF1", at, pai}, 1, "ErrCertificateDoesNotExist (404)"},
		{"non-VID root with --parent-vid", []string{"dcl", "check", "--tx", "add-cert", "--parent", root, "--parent-vid", "1", "--signer-vid", "1", at, ica}, 0, "commissioners reject it"},
		{"propose with the wrong vid", []string{"dcl", "check", "--tx", "propose-root", "--vid", "1", at, paa}, 1, "ErrCertificateVidNotEqualMsgVid (436)"},
		{"propose json", []string{"dcl", "check", "--tx", "propose-root", "--vid", "0xFFF1", "--format", "json", at, paa}, 0, `"verdict": "accept"`},
		{"sarif", []string{"dcl", "check", "--tx", "propose-root", "--vid", "1", "--format", "sarif", at, paa}, 1, `"ruleId": "DCL436"`},
		{"not a certificate", []string{"dcl", "check", "--tx", "add-cert", at, notCert}, 3, "ErrInvalidCertificate (409)"},
		{"revocation point", []string{"dcl", "check", "--tx", "add-revocation-point", "--parent", paa, at, point}, 0, "ACCEPT"},
		{"revocation point, PAA not approved", []string{"dcl", "check", "--tx", "add-revocation-point", at, point}, 1, "ErrCertificateDoesNotExist (404)"},
		{"point file is a certificate", []string{"dcl", "check", "--tx", "add-revocation-point", at, paa}, 3, ""},
		{"unknown kind", []string{"dcl", "check", "--tx", "add-paa", paa}, 2, ""},
		{"missing file", []string{"dcl", "check", "--tx", "add-cert", filepath.Join(dir, "absent.pem")}, 2, ""},
		{"bad ledger", []string{"dcl", "check", "--tx", "add-cert", "--ledger", filepath.Join(dir, "absent"), pai}, 2, ""},
		{"no subcommand", []string{"dcl"}, 2, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tc.args, strings.NewReader(""), &out, &errb)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, out.String(), errb.String())
			}
			if !strings.Contains(out.String(), tc.want) {
				t.Errorf("output lacks %q:\n%s", tc.want, out.String())
			}
		})
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestDCLSnapshotCLI saves a snapshot from a local server that replays
// responses in the DCL's REST shapes, over two pages, and checks against it.
func TestDCLSnapshotCLI(t *testing.T) {
	paa := fixtures.DCLPEM("PAACertWithNumericVid")
	cert := func(pemText string) map[string]any {
		return map[string]any{"pemCert": pemText, "isRoot": true, "vid": 65521, "owner": "cosmos1damkuetjqqqqqqqqqqqqqqqqqqqqqqqqgfeayu", "certificateType": "DeviceAttestationPKI"}
	}
	pages := map[string][]string{
		"/dcl/pki/all-certificates": {
			`{"certificates":[{"subject":"","subjectKeyId":"","certs":[` + mustJSON(cert(paa)) + `]}],"pagination":{"next_key":"cGFnZTI=","total":"2"}}`,
			`{"certificates":[],"pagination":{"next_key":null,"total":"2"}}`,
		},
		"/dcl/pki/proposed-certificates": {`{"proposedCertificate":[],"pagination":{"next_key":null,"total":"0"}}`},
		"/dcl/pki/revoked-certificates":  {`{"revokedCertificates":[],"pagination":{"next_key":null,"total":"0"}}`},
		"/dcl/pki/revocation-points":     {`{"PkiRevocationDistributionPoint":[],"pagination":{"next_key":null,"total":"0"}}`},
		"/dcl/auth/accounts":             {`{"account":[{"base_account":{"address":"cosmos1wejkuer0wgknvdf4xgcsqqqqqqqqqqqqzvxteq","account_number":"5","sequence":"3"},"roles":["Vendor"],"vendorID":65521,"productIDs":[],"schemaVersion":0}],"pagination":{"next_key":null,"total":"1"}}`},
	}
	var seenKeys []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := pages[r.URL.Path]
		if !ok {
			http.Error(w, `{"code":5,"message":"Not Implemented"}`, http.StatusNotImplemented)
			return
		}
		i := 0
		if k := r.URL.Query().Get("pagination.key"); k != "" {
			seenKeys = append(seenKeys, k)
			i = 1
		}
		fmt.Fprint(w, p[i])
	}))
	defer srv.Close()
	dir := filepath.Join(t.TempDir(), "snap")
	var out, errb bytes.Buffer
	if code := run([]string{"dcl", "snapshot", "--node", srv.URL, "-o", dir}, nil, &out, &errb); code != 0 {
		t.Fatalf("snapshot exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "1 certificates") || len(seenKeys) != 1 || seenKeys[0] != "cGFnZTI=" {
		t.Fatalf("output %q, pagination keys %v", out.String(), seenKeys)
	}
	pai := writeDCLFixture(t, t.TempDir(), "PAICertWithNumericPidVid")
	out.Reset()
	code := run([]string{"dcl", "check", "--tx", "add-cert", "--ledger", dir, "--signer-address", "cosmos1wejkuer0wgknvdf4xgcsqqqqqqqqqqqqzvxteq", "--at=2026-07-01T00:00:00Z", pai}, nil, &out, &errb)
	if code != 0 {
		t.Fatalf("check against the snapshot: exit %d\n%s", code, out.String())
	}
	// A node that fails is an I/O error.
	if code := run([]string{"dcl", "snapshot", "--node", srv.URL + "/missing", "-o", dir}, nil, &out, &errb); code != 2 {
		t.Fatalf("failing node: exit %d", code)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
