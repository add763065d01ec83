package matterext_test

import (
	"errors"
	"testing"

	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/matterext"
)

func mustParse(t *testing.T, c *fixtures.Cert) *matterext.Certificate {
	t.Helper()
	m, err := matterext.ParseCertificate(c.DER())
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestRelate: names and key identifiers of a certificate against candidate
// issuers, with the missing-AKID case said explicitly.
func TestRelate(t *testing.T) {
	dac, pai, paa := mustParse(t, fixtures.ValidDAC()), mustParse(t, fixtures.ValidPAI()), mustParse(t, fixtures.ValidPAA())
	cases := map[string]*fixtures.ChainCase{}
	for _, c := range fixtures.ChainCases() {
		cases[c.Name] = &c
	}
	badName, badAKID := cases["dac issuer differs from pai subject"], cases["dac akid differs from pai skid"]
	if badName == nil || badAKID == nil {
		t.Fatal("chain cases missing")
	}
	fuzzed := testutil.Load(t, testutil.Corpus(t, "commissioner_dut/struct_pai_fuzzed_akid_malformed/pai.der"))
	devPAA := testutil.Load(t, testutil.Corpus(t, "development-paa/Chip-Test-PAA-FFF1-Cert.pem"))
	for _, tc := range []struct {
		name          string
		child, issuer *matterext.Certificate
		want          matterext.Relation
	}{
		{"DAC under its PAI", dac, pai, matterext.Relation{Names: true, KeyID: matterext.KeyIDMatches}},
		{"PAI under its PAA", pai, paa, matterext.Relation{Names: true, KeyID: matterext.KeyIDMatches}},
		{"DAC under the PAA", dac, paa, matterext.Relation{Names: false, KeyID: matterext.KeyIDMismatch}},
		{"issuer name differs", mustParse(t, badName.DAC), mustParse(t, badName.PAI), matterext.Relation{Names: false, KeyID: matterext.KeyIDMatches}},
		{"AKID differs", mustParse(t, badAKID.DAC), mustParse(t, badAKID.PAI), matterext.Relation{Names: true, KeyID: matterext.KeyIDMismatch}},
		{"AKID without keyIdentifier", fuzzed, devPAA, matterext.Relation{Names: true, KeyID: matterext.KeyIDNoAKID}},
	} {
		if got := matterext.Relate(tc.child, tc.issuer); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	if err := dac.CheckSignatureFrom(pai); err != nil {
		t.Errorf("DAC signature under its PAI: %v", err)
	}
	if err := dac.CheckSignatureFrom(paa); !errors.Is(err, matterext.ErrBadSignature) {
		t.Errorf("DAC signature under the PAA: %v", err)
	}
}

// TestIntegerString: an INTEGER is shown as its value when it fits, and as
// its octets when it does not (never as a number it is not).
func TestIntegerString(t *testing.T) {
	for _, tc := range []struct {
		in   matterext.Integer
		want string
	}{
		{matterext.Integer{Present: true, Bytes: []byte{0}}, "0"},
		{matterext.Integer{Present: true, Bytes: []byte{0xFF}}, "-1"},
		{matterext.Integer{Present: true, Bytes: []byte{1, 0, 0, 0, 0, 0, 0, 0, 0}}, "0x010000000000000000 (9 octets)"},
		{matterext.Integer{Present: true}, "(empty INTEGER)"},
		{matterext.Integer{}, "(absent)"},
	} {
		if got := tc.in.String(); got != tc.want {
			t.Errorf("%X: %q, want %q", tc.in.Bytes, got, tc.want)
		}
	}
}

// TestFieldErrors: a field that does not decode carries a *FieldError with
// its location, which errors.Is matches as ErrMalformed.
func TestFieldErrors(t *testing.T) {
	c := testutil.Load(t, testutil.Corpus(t, "commissioner_dut/struct_dac_fuzzed_skid_malformed/dac.der"))
	sk := c.SubjectKeyID
	if sk == nil || sk.Err == nil {
		t.Fatalf("SKID %+v: no decoding error", sk)
	}
	if !errors.Is(sk.Err, matterext.ErrMalformed) || sk.Err.Path != "tbsCertificate.extensions[subjectKeyIdentifier].extnValue" || sk.Err.Msg == "" {
		t.Errorf("SKID error %#v", sk.Err)
	}
	var fe *matterext.FieldError
	if !errors.As(error(sk.Err), &fe) || fe != sk.Err {
		t.Errorf("errors.As: %v", fe)
	}
	if good := mustParse(t, fixtures.ValidDAC()); good.SubjectKeyID.Err != nil || good.NotBefore.Err != nil {
		t.Errorf("valid DAC has field errors")
	}
}
