package verify_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

// testPAAs is the store the issue names: development-paa/ and the NoVID PAA.
func testPAAs(t *testing.T) *verify.TrustStore {
	s := verify.NewTrustStore("SDK test PAAs")
	for _, p := range []string{testutil.Corpus(t, "development-paa"), testutil.Corpus(t, "test-attestation/Chip-Test-PAA-NoVID-Cert.pem")} {
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
	store := testPAAs(t)
	device := verify.Device{VID: 0xFFF1, PID: 0x8000, HasVID: true, HasPID: true}
	fixed := time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)
	now := time.Now().UTC()
	n := 0
	for _, v := range testutil.Vectors(t) {
		if strings.HasPrefix(v.Name, "struct_cd_") || v.Code/100 == 6 {
			continue
		}
		n++
		t.Run(v.Name, func(t *testing.T) {
			dac, pai := testutil.Load(t, filepath.Join(v.Dir, "dac.der")), testutil.Load(t, filepath.Join(v.Dir, "pai.der"))
			for _, when := range []time.Time{fixed, now} {
				res, err := verify.Verify(dac, pai, verify.Options{Store: store, Device: device, At: when})
				if err != nil {
					t.Fatal(err)
				}
				got := "pass"
				if !res.Pass() {
					got = "fail"
				}
				if got != v.Verdict {
					t.Errorf("at %s: verdict %s, want %s (%v)", when.Format("2006-01-02"), got, v.Verdict, res.Findings)
					continue
				}
				if v.Code == 0 || int(res.Code) == v.Code {
					continue
				}
				expiredNow := when.Equal(now) && res.Code == matterext.DacExpired && !dac.NotAfter.T.After(now)
				if expiredNow && hasCode(res, v.Code) {
					continue
				}
				t.Errorf("at %s: code %v (%d), want %d; findings %v", when.Format("2006-01-02"), res.Code, res.Code, v.Code, res.Findings)
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
	dir := testutil.Corpus(t, "commissioner_dut/invalid_paa")
	dac, pai := testutil.Load(t, filepath.Join(dir, "dac.der")), testutil.Load(t, filepath.Join(dir, "pai.der"))
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
