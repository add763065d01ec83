package verify_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

// testPAAs is the store the SDK's test uses: development-paa/ and the NoVID PAA.
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

// sdkRun verifies vector v as the SDK's own test runs it
// (src/credentials/tests/TestCommissionerDUTVectors.cpp): its DAC, PAI and
// CD, the SDK test PAAs, the test CD signing key allowed, device VID 0xFFF1
// and PID = the vector's basic_info_pid (0x8000 when its JSON names none),
// checked at time at, with the semantics of the SDK commit the vector comes
// from.
func sdkRun(t *testing.T, store *verify.TrustStore, v testutil.Vector, at time.Time) *verify.Result {
	t.Helper()
	dac, pai := testutil.Load(t, filepath.Join(v.Dir, "dac.der")), testutil.Load(t, filepath.Join(v.Dir, "pai.der"))
	b, err := os.ReadFile(filepath.Join(v.Dir, "cd.der"))
	if err != nil {
		t.Fatal(err)
	}
	cd, err := matterext.ParseCD(b)
	if err != nil {
		t.Fatalf("%s: %v", v.Name, err)
	}
	res, err := verify.Verify(dac, pai, verify.Options{Store: store, Device: v.Device(), At: at, CD: cd, AllowTestCDKey: true, Release: v.Release(t)})
	if err != nil {
		t.Fatalf("%s: %v", v.Name, err)
	}
	return res
}

func verdict(r *verify.Result) string {
	if r.Pass() {
		return "pass"
	}
	return "fail"
}

// TestCommissionerVectors runs all 159 vectors as the SDK's test does, at
// the current time, each with its own commit's semantics: every verdict and
// SDK code equals expected.tsv. (With the newest release, 1.6, one code
// differs: struct_cd_cert_type_wrong gets 601, TestReleaseVerdicts.)
func TestCommissionerVectors(t *testing.T) {
	store := testPAAs(t)
	now := time.Now().UTC()
	vectors := testutil.Vectors(t)
	if len(vectors) != 159 {
		t.Errorf("%d vectors, want 159", len(vectors))
	}
	for _, v := range vectors {
		t.Run(v.Name, func(t *testing.T) {
			res := sdkRun(t, store, v, now)
			if got := verdict(res); !v.Agrees(got, int(res.Code)) {
				t.Errorf("got %s %v (%d), want %s %d; findings %v", got, res.Code, res.Code, v.Verdict, v.Code, res.Findings)
			}
		})
	}
}

// TestTimeDependentVectors pins the two vectors whose verdict depends on the
// clock at a time inside their DACs' validity (2022-09-28 .. 2024-09-27):
// the PAI was not valid when the DAC was issued, kDacSignatureInvalid (301).
// At the current time their DACs have expired and kDacExpired (300) comes
// first (TestCommissionerVectors).
func TestTimeDependentVectors(t *testing.T) {
	store := testPAAs(t)
	at := time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)
	n := 0
	for _, v := range testutil.Vectors(t) {
		if v.Name != "struct_pai_valid_in_past" && v.Name != "struct_pai_valid_in_future" {
			continue
		}
		n++
		res := sdkRun(t, store, v, at)
		if res.Pass() || res.Code != matterext.DacSignatureInvalid {
			t.Errorf("%s at %s: %v (%d), want kDacSignatureInvalid (301); findings %v", v.Name, at.Format(time.DateOnly), res.Code, res.Code, res.Findings)
		}
		if res := sdkRun(t, store, v, time.Now()); res.Code != matterext.DacExpired {
			t.Errorf("%s now: %v, want kDacExpired (300)", v.Name, res.Code)
		}
	}
	if n != 2 {
		t.Errorf("found %d of the 2 time-dependent vectors", n)
	}
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
