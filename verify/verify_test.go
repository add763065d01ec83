package verify_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

func parse(t testing.TB, c *fixtures.Cert) *matterext.Certificate {
	t.Helper()
	m, err := matterext.ParseCertificate(c.DER())
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func storeOf(t testing.TB, paas ...*matterext.Certificate) *verify.TrustStore {
	s := verify.NewTrustStore("test PAAs")
	for _, p := range paas {
		if err := s.Add(p, "test"); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

var at = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// TestChainCases: each chain that breaks one relation gets the SDK's code,
// and the failing check is listed.
func TestChainCases(t *testing.T) {
	for _, tc := range fixtures.ChainCases() {
		t.Run(tc.Name, func(t *testing.T) {
			res, err := verify.Verify(parse(t, tc.DAC), parse(t, tc.PAI), verify.Options{Store: storeOf(t, parse(t, tc.PAA)), At: at})
			if err != nil {
				t.Fatal(err)
			}
			if int(res.Code) != tc.Code {
				t.Fatalf("code %v (%d), want %d; findings: %+v", res.Code, res.Code, tc.Code, res.Findings)
			}
			if tc.Code == 0 {
				if res.Err() != nil || res.PAA == nil {
					t.Errorf("Err() = %v, PAA = %v", res.Err(), res.PAA)
				}
				for _, f := range res.Findings {
					t.Errorf("unexpected finding %s: %s", f.Check, f.Message)
				}
				return
			}
			if !errors.Is(res.Err(), matterext.ResultCode(tc.Code)) {
				t.Errorf("errors.Is(%v, %d) is false", res.Err(), tc.Code)
			}
			var verr *verify.Error
			if !errors.As(res.Err(), &verr) || verr.First.Message == "" {
				t.Errorf("Err() = %v, want a *verify.Error with a message", res.Err())
			}
		})
	}
}

// TestAllFailuresListed: a DAC with several defects lists each, in SDK order.
func TestAllFailuresListed(t *testing.T) {
	dac := fixtures.ValidDAC()
	dac.Signer = fixtures.Key("someone else")
	dac.Validity = fixtures.ValidDAC().Validity
	res, err := verify.Verify(parse(t, dac), parse(t, fixtures.ValidPAI()), verify.Options{
		Store: storeOf(t, parse(t, fixtures.ValidPAA())), At: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var codes []matterext.ResultCode
	for _, f := range res.Findings {
		if f.Failure() {
			codes = append(codes, f.Code)
		}
	}
	// not yet valid in 2020 (300) comes before the bad signature (301)
	if len(codes) != 2 || codes[0] != matterext.DacExpired || codes[1] != matterext.DacSignatureInvalid {
		t.Errorf("failure codes = %v", codes)
	}
}

func TestPAANotFoundSaysWhatItLookedFor(t *testing.T) {
	other := fixtures.ValidPAA()
	other.Rekey(fixtures.Key("re-keyed PAA")) // same subject, another key
	res, err := verify.Verify(parse(t, fixtures.ValidDAC()), parse(t, fixtures.ValidPAI()), verify.Options{Store: storeOf(t, parse(t, other)), At: at})
	if err != nil {
		t.Fatal(err)
	}
	if res.Code != matterext.PaaNotFound {
		t.Fatalf("code = %v", res.Code)
	}
	msg := res.Findings[0].Message
	akid := matterext.HexColon(parse(t, fixtures.ValidPAI()).AuthorityKeyID.KeyID)
	for _, want := range []string{akid, "same subject as the PAI's issuer", "CN=Matterlint Test PAA"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
}

func TestNoCurrentTime(t *testing.T) {
	dac := fixtures.ValidDAC()
	pai, paa := parse(t, fixtures.ValidPAI()), parse(t, fixtures.ValidPAA())
	old := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	res, _ := verify.Verify(parse(t, dac), pai, verify.Options{Store: storeOf(t, paa), At: old})
	if res.Code != matterext.DacExpired {
		t.Errorf("at %v: code %v, want kDacExpired", old, res.Code)
	}
	res, _ = verify.Verify(parse(t, dac), pai, verify.Options{Store: storeOf(t, paa), NoCurrentTime: true})
	if !res.Pass() || !res.At.IsZero() {
		t.Errorf("no current time: code %v at %v", res.Code, res.At)
	}
}

func TestMissingPAI(t *testing.T) {
	res, err := verify.Verify(parse(t, fixtures.ValidDAC()), nil, verify.Options{Store: storeOf(t, parse(t, fixtures.ValidPAA())), At: at})
	if err != nil {
		t.Fatal(err)
	}
	if res.Code != matterext.PaiMissing {
		t.Errorf("code = %v, want kPaiMissing", res.Code)
	}
}

func TestTrustStoreRefusesNonPAAs(t *testing.T) {
	s := verify.NewTrustStore("x")
	if err := s.Add(parse(t, fixtures.ValidPAI()), "pai.pem"); !errors.Is(err, verify.ErrNotPAA) {
		t.Errorf("err = %v, want ErrNotPAA", err)
	}
	if len(s.Skipped) != 1 || len(s.Anchors()) != 0 {
		t.Errorf("skipped %v, anchors %v", s.Skipped, s.Anchors())
	}
}

func TestProductionStore(t *testing.T) {
	s, err := verify.Production()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.Anchors()); n != 61 {
		t.Errorf("embedded production store has %d PAAs, want 61", n)
	}
	if len(s.Skipped) != 0 {
		t.Errorf("skipped: %v", s.Skipped)
	}
}

func TestExplain(t *testing.T) {
	e, ok := verify.Explain(matterext.DacFormatInvalid, nil)
	if !ok || e.Meaning == "" || len(e.Causes) == 0 {
		t.Fatalf("Explain(303) = %+v", e)
	}
	found := false
	for _, r := range e.Rules {
		if r == "e_dac_key_usage_not_digital_signature_only (dac)" {
			found = true
		}
	}
	if !found {
		t.Errorf("rules for 303 lack the DAC keyUsage rule: %v", e.Rules)
	}
	if _, ok := verify.Explain(matterext.ResultCode(12345), nil); ok {
		t.Error("unknown code explained")
	}
}
