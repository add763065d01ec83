package verify_test

import (
	"testing"

	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/verify"
)

// TestBatchVerifierTableKey: past the first few dozen DACs a Verifier checks
// DAC signatures with the PAI key's precomputed table; valid DACs still
// pass and a DAC signed by another key still fails, before and after the
// switch.
func TestBatchVerifierTableKey(t *testing.T) {
	good := parse(t, fixtures.ValidDAC())
	badT := fixtures.ValidDAC()
	badT.Signer = fixtures.Key("not the PAI")
	bad := parse(t, badT)
	v, err := verify.NewVerifier(parse(t, fixtures.ValidPAI()), verify.Options{Store: storeOf(t, parse(t, fixtures.ValidPAA())), At: at})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 100 {
		if res := v.Verify(good); !res.Pass() {
			t.Fatalf("DAC %d: %v %v", i, res.Code, res.Findings)
		}
		if i%10 == 0 {
			if res := v.Verify(bad); res.Pass() || failure(res, verify.CheckDACSignature) == nil {
				t.Fatalf("DAC %d signed by another key: %v", i, res.Code)
			}
		}
	}
}
