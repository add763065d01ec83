package verify_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

const corpusDir = "../../shared/corpus/chip"

func requireCorpus(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("shared corpus missing in CI: %v", err)
		}
		t.Skipf("shared corpus not found at %s", corpusDir)
	}
}

type vector struct {
	name, verdict string
	code          int
}

func vectors(t *testing.T) []vector {
	b, err := os.ReadFile(filepath.Join(corpusDir, "commissioner_dut", "expected.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var out []vector
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if i == 0 {
			continue
		}
		cols := strings.Split(line, "\t")
		v := vector{name: cols[0], verdict: cols[1]}
		v.code, _ = strconv.Atoi(cols[2])
		out = append(out, v)
	}
	return out
}

func loadCert(t *testing.T, path string) *matterext.Certificate {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > 0 && b[0] == '-' {
		t.Fatalf("%s: PEM not expected", path)
	}
	c, err := matterext.ParseCertificate(b)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return c
}

// testPAAs is the store the issue names: development-paa/ and the NoVID PAA.
func testPAAs(t *testing.T) *verify.TrustStore {
	s := verify.NewTrustStore("SDK test PAAs")
	for _, p := range []string{filepath.Join(corpusDir, "development-paa"), filepath.Join(corpusDir, "test-attestation", "Chip-Test-PAA-NoVID-Cert.pem")} {
		if err := s.AddPath(p); err != nil {
			t.Fatal(err)
		}
	}
	if len(s.Anchors()) != 2 {
		t.Fatalf("test PAA store has %d PAAs", len(s.Anchors()))
	}
	return s
}

// TestCommissionerVectors verifies every vector that is not about the CD
// against the SDK test PAAs, with the device reporting VID FFF1 / PID 8000.
//
// At a fixed time when the vectors' DACs were valid (2024-06-15), verdict
// and code equal expected.tsv exactly. At the current time, DACs that have
// since expired fail first with kDacExpired (300), as the SDK would today;
// the code expected.tsv names must then still be among the findings.
func TestCommissionerVectors(t *testing.T) {
	requireCorpus(t)
	store := testPAAs(t)
	device := verify.Device{VID: 0xFFF1, PID: 0x8000, HasVID: true, HasPID: true}
	fixed := time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)
	now := time.Now().UTC()
	n := 0
	for _, v := range vectors(t) {
		if strings.HasPrefix(v.name, "struct_cd_") || v.code/100 == 6 {
			continue
		}
		n++
		t.Run(v.name, func(t *testing.T) {
			dir := filepath.Join(corpusDir, "commissioner_dut", v.name)
			dac, pai := loadCert(t, filepath.Join(dir, "dac.der")), loadCert(t, filepath.Join(dir, "pai.der"))
			for _, when := range []time.Time{fixed, now} {
				res, err := verify.Verify(dac, pai, verify.Options{Store: store, Device: device, At: when})
				if err != nil {
					t.Fatal(err)
				}
				got := "pass"
				if !res.Pass() {
					got = "fail"
				}
				if got != v.verdict {
					t.Errorf("at %s: verdict %s, want %s (%v)", when.Format("2006-01-02"), got, v.verdict, res.Findings)
					continue
				}
				if v.code == 0 || int(res.Code) == v.code {
					continue
				}
				expiredNow := when.Equal(now) && res.Code == matterext.DacExpired && !dac.NotAfter.T.After(now)
				if expiredNow && hasCode(res, v.code) {
					continue
				}
				t.Errorf("at %s: code %v (%d), want %d; findings %v", when.Format("2006-01-02"), res.Code, res.Code, v.code, res.Findings)
			}
		})
	}
	if n < 100 {
		t.Errorf("only %d vectors", n)
	}
}

func hasCode(r *verify.Result, code int) bool {
	for _, f := range r.Findings {
		if int(f.Code) == code {
			return true
		}
	}
	return false
}

// TestInvalidPAAWithProductionStore: the vector whose PAA is not on the DCL
// gives kPaaNotFound with the AKID looked for, using the embedded store.
func TestInvalidPAAWithProductionStore(t *testing.T) {
	requireCorpus(t)
	dir := filepath.Join(corpusDir, "commissioner_dut", "invalid_paa")
	dac, pai := loadCert(t, filepath.Join(dir, "dac.der")), loadCert(t, filepath.Join(dir, "pai.der"))
	res, err := verify.Verify(dac, pai, verify.Options{Production: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Code != matterext.PaaNotFound {
		t.Fatalf("code %v, want kPaaNotFound", res.Code)
	}
	akid := matterext.HexColon(pai.AuthorityKeyID.KeyID)
	if !strings.Contains(res.Findings[0].Message, akid) || !strings.Contains(res.Findings[0].Message, "embedded production PAAs") {
		t.Errorf("message %q does not name AKID %s and the store", res.Findings[0].Message, akid)
	}
}
