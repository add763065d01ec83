package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/matterlint/matterlint/dcl"
	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/matterext"
)

// snapshot is a ledger state for a test, written in the DCL's REST shapes
// (the files `matterlint dcl snapshot` saves).
type snapshot struct {
	approved, proposed, revoked []string // PEM texts
	nocRoots                    []string // approved OperationalPKI roots
	points                      []*fixtures.Point
}

func restCerts(t *testing.T, pems []string, typ dcl.CertType) []map[string]any {
	t.Helper()
	var lists []map[string]any
	for _, p := range pems {
		r, err := dcl.NewRecord(p)
		if err != nil {
			t.Fatal(err)
		}
		lists = append(lists, map[string]any{"subject": r.Subject, "subjectKeyId": r.SubjectKeyID, "certs": []map[string]any{{
			"pemCert": p, "serialNumber": r.SerialNumber, "issuer": r.Issuer, "authorityKeyId": r.AuthorityKeyID,
			"isRoot": r.IsRoot, "subject": r.Subject, "subjectKeyId": r.SubjectKeyID, "subjectAsText": r.SubjectAsText,
			"vid": r.VID, "certificateType": string(typ), "owner": "cosmos1owner"}}})
	}
	return lists
}

// write saves the snapshot in a new directory and returns it.
func (s snapshot) write(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	put := func(name string, v any) {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	all := append(restCerts(t, s.approved, dcl.DeviceAttestationPKI), restCerts(t, s.nocRoots, dcl.OperationalPKI)...)
	put(dcl.FileAllCertificates, map[string]any{"certificates": all, "pagination": map[string]any{"next_key": nil}})
	put(dcl.FileRevokedCertificates, map[string]any{"revokedCertificates": restCerts(t, s.revoked, dcl.DeviceAttestationPKI)})
	var proposed []map[string]any
	for _, p := range s.proposed {
		r, _ := dcl.NewRecord(p)
		proposed = append(proposed, map[string]any{"subject": r.Subject, "subjectKeyId": r.SubjectKeyID, "pemCert": p,
			"serialNumber": r.SerialNumber, "subjectAsText": r.SubjectAsText, "vid": r.VID})
	}
	put(dcl.FileProposedCertificates, map[string]any{"proposedCertificate": proposed})
	if s.points != nil {
		put(dcl.FileRevocationPoints, map[string]any{"PkiRevocationDistributionPoint": s.points})
	}
	return dir
}

// sdkTestPAI returns the SDK's Matter-Development-PAI-FFF1-noPID, issued by
// the SDK test PAA, from the revocation test data.
func sdkTestPAI(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testutil.Root(), "testdata", "revocation", "points-direct.json"))
	if err != nil {
		t.Fatal(err)
	}
	ps, err := matterext.ParseRevocationPoints(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Label == "dev-pai-crl" {
			return p.CRLSignerCertificate
		}
	}
	t.Fatal("no dev-pai-crl point")
	return ""
}

func TestVerifyLedger(t *testing.T) {
	dac, pai, _ := writeChain(t, nil)
	paaPEM := string(fixtures.PEM(fixtures.ValidPAA().DER()))
	paiPEM := string(fixtures.PEM(fixtures.ValidPAI().DER()))
	otherPAA := fixtures.DCLPEM("PAACertNoVid")
	sdkPAA, err := os.ReadFile(filepath.Join(testutil.Root(), "testdata", "revocation", "paa", "Chip-Test-PAA-FFF1-Cert.pem"))
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	paaFile := filepath.Join(work, "paa.pem")
	os.WriteFile(paaFile, []byte(paaPEM), 0o644)
	testPAI := filepath.Join(work, "test-pai.pem")
	os.WriteFile(testPAI, []byte(sdkTestPAI(t)), 0o644)

	// A CRL of the valid PAI that revokes the valid DAC, and one that
	// revokes another serial.
	revoking := fixtures.ValidCRL()
	revoking.Entries[0].Serial = fixtures.ValidDAC().Serial
	crlDir := filepath.Join(work, "crls")
	os.Mkdir(crlDir, 0o755)
	os.WriteFile(filepath.Join(crlDir, "matterlint-pai.crl"), fixtures.CRLPEM(revoking.DER()), 0o644)
	otherCRLDir := filepath.Join(work, "other-crls")
	os.Mkdir(otherCRLDir, 0o755)
	os.WriteFile(filepath.Join(otherCRLDir, "matterlint-pai.crl"), fixtures.CRLPEM(fixtures.ValidCRL().DER()), 0o644)
	crlMap := filepath.Join(work, "map.json")
	os.WriteFile(crlMap, []byte(`{"https://example.com/matterlint-pai.crl": "crls/matterlint-pai.crl"}`), 0o644)
	// The PAA's own point, whose CRL is nowhere.
	paaRec, _ := dcl.NewRecord(paaPEM)
	unsigned := &fixtures.Point{VID: 0xA0B1, IsPAA: true, Label: "absent", CRLSignerCertificate: paaPEM,
		IssuerSubjectKeyID: strings.ReplaceAll(paaRec.SubjectKeyID, ":", ""), DataURL: "https://example.com/absent.crl", RevocationType: 1}

	good := snapshot{approved: []string{paaPEM, paiPEM}, nocRoots: []string{fixtures.DCLPEM("NocRootCert1")},
		points: []*fixtures.Point{fixtures.ValidPoint(), unsigned}}.write(t)
	proposed := snapshot{approved: []string{otherPAA}, proposed: []string{paaPEM}}.write(t)
	revoked := snapshot{approved: []string{otherPAA}, revoked: []string{paaPEM}}.write(t)
	testnet := snapshot{approved: []string{paaPEM, string(sdkPAA)}}.write(t)
	nocOnly := snapshot{nocRoots: []string{fixtures.DCLPEM("NocRootCert1")}, proposed: []string{paaPEM}}.write(t)
	empty := t.TempDir()
	malformed := t.TempDir()
	os.WriteFile(filepath.Join(malformed, dcl.FileAllCertificates), []byte(`{"certificates": [`), 0o644)
	oversize := snapshot{approved: []string{paaPEM}}.write(t)
	notDir := filepath.Join(work, "file")
	os.WriteFile(notDir, []byte("x"), 0o644)

	chain := []string{"verify", "--format", "json", "--at", "2026-07-01T00:00:00Z", "--dac", dac, "--pai", pai}
	tests := []struct {
		name      string
		args      []string
		limit     int64
		code      int
		sdkCode   int
		check     string // a failing check the findings must have
		noCheck   string // a check the findings must not have
		out, errs string // substrings of stdout and stderr
	}{
		{name: "chain under a ledger PAA", args: []string{"--ledger", good}, code: exitOK, out: `"verdict":"pass"`},
		{name: "PAA only proposed", args: []string{"--ledger", proposed}, code: exitFindings, sdkCode: 101, check: "paa_found",
			out: "DCL snapshot " + proposed + " (1 approved PAAs)"},
		{name: "proposed PAA is named", args: []string{"--ledger", proposed}, code: exitFindings, sdkCode: 101,
			out: filepath.Join(proposed, dcl.FileProposedCertificates)},
		{name: "PAA revoked", args: []string{"--ledger", revoked}, code: exitFindings, sdkCode: 101, check: "paa_found",
			out: "revoked"},
		{name: "revoked PAA is named", args: []string{"--ledger", revoked}, code: exitFindings, sdkCode: 101,
			out: "DCL snapshot " + revoked + " (1 approved PAAs)"},
		{name: "--paa adds to the ledger", args: []string{"--ledger", proposed, "--paa", paaFile}, code: exitOK},
		{name: "--with-production adds to the ledger", args: []string{"--ledger", proposed, "--with-production"}, code: exitFindings, sdkCode: 101,
			out: "and the embedded production PAAs"},
		{name: "DAC revoked by a snapshot point's CRL", args: []string{"--ledger", good, "--crl-dir", crlDir}, code: exitFindings, sdkCode: 302,
			check: "dac_not_revoked", errs: "1 of 2 revocation points give a revocation-set entry"},
		{name: "point without its CRL is reported", args: []string{"--ledger", good, "--crl-dir", crlDir}, code: exitFindings, sdkCode: 302,
			errs: `point 1 (label "absent", vid 0xA0B1): no revocation-set entry: CRL at https://example.com/absent.crl`},
		{name: "CRL found through --crl-map", args: []string{"--ledger", good, "--crl-map", crlMap}, code: exitFindings, sdkCode: 302, check: "dac_not_revoked"},
		{name: "CRL revoking another serial", args: []string{"--ledger", good, "--crl-dir", otherCRLDir}, code: exitOK, noCheck: "dac_not_revoked"},
		{name: "no CRLs at all", args: []string{"--ledger", good, "--crl-dir", t.TempDir()}, code: exitOK,
			errs: "0 of 2 revocation points give a revocation-set entry"},
		{name: "production ledger refuses test PAIs", args: []string{"--ledger", good, "--pai", testPAI}, code: exitFindings,
			check: "pai_not_issued_by_test_paa"},
		{name: "a ledger approving the SDK test PAA is a test network's", args: []string{"--ledger", testnet, "--pai", testPAI}, code: exitFindings,
			noCheck: "pai_not_issued_by_test_paa", errs: "taken as a test network's ledger"},
		{name: "--production true on a test network's ledger", args: []string{"--ledger", testnet, "--pai", testPAI, "--production", "true"},
			code: exitFindings, check: "pai_not_issued_by_test_paa"},
		{name: "no DA roots", args: []string{"--ledger", nocOnly}, code: exitUsage,
			errs: "no approved device-attestation root (PAA) to trust: " + filepath.Join(nocOnly, dcl.FileAllCertificates) + " lists 1 certificates"},
		{name: "empty snapshot", args: []string{"--ledger", empty}, code: exitUsage, errs: filepath.Join(empty, dcl.FileAllCertificates)},
		{name: "missing snapshot", args: []string{"--ledger", filepath.Join(work, "absent")}, code: exitUsage, errs: filepath.Join(work, "absent")},
		{name: "snapshot is a file", args: []string{"--ledger", notDir}, code: exitUsage, errs: notDir + ": not a directory"},
		{name: "malformed snapshot file", args: []string{"--ledger", malformed}, code: exitUsage,
			errs: filepath.Join(malformed, dcl.FileAllCertificates) + ": not a DCL REST response"},
		{name: "oversize snapshot file", args: []string{"--ledger", oversize}, limit: 64, code: exitUsage,
			errs: "over the size limit"},
		{name: "--crl-dir without --ledger", args: []string{"--crl-dir", crlDir}, code: exitUsage, errs: "give --ledger DIR"},
		{name: "--crl-map without --ledger", args: []string{"--crl-map", crlMap}, code: exitUsage, errs: "give --ledger DIR"},
		{name: "bad --crl-map", args: []string{"--ledger", good, "--crl-map", notDir}, code: exitUsage, errs: "--crl-map"},
		{name: "--with-production alone", args: []string{"--with-production"}, code: exitUsage, errs: "--with-production adds"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.limit != 0 {
				old := ledgerFileLimit
				ledgerFileLimit = tc.limit
				defer func() { ledgerFileLimit = old }()
			}
			code, out, errs := runCLI(t, "", append(append([]string{}, chain...), tc.args...)...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\n%s\n%s", code, tc.code, out, errs)
			}
			if !strings.Contains(out, tc.out) || !strings.Contains(errs, tc.errs) {
				t.Errorf("want %q in stdout and %q in stderr\n%s\n%s", tc.out, tc.errs, out, errs)
			}
			if tc.code == exitUsage {
				return
			}
			var d verifyDoc
			if err := json.Unmarshal([]byte(out), &d); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if tc.sdkCode != 0 && d.SDKCode != tc.sdkCode {
				t.Errorf("sdk_code %d %s, want %d", d.SDKCode, d.SDKCodeName, tc.sdkCode)
			}
			has := map[string]bool{}
			for _, f := range d.Findings {
				if f.Severity == "error" {
					has[f.Check] = true
				}
			}
			if tc.check != "" && !has[tc.check] {
				t.Errorf("no failing %s among %v", tc.check, has)
			}
			if tc.noCheck != "" && has[tc.noCheck] {
				t.Errorf("%s fails", tc.noCheck)
			}
		})
	}
}
