package verify_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

var (
	oidSKID = []byte{0x55, 0x1D, 0x0E}
	oidAKID = []byte{0x55, 0x1D, 0x23}
)

// TestBuildRevocationSetSignerWithoutSKID: a PAI signer without a SKID and
// a CRL whose AKID key identifier is empty used to dereference nil; the
// point is now rejected with the reason.
func TestBuildRevocationSetSignerWithoutSKID(t *testing.T) {
	pai := fixtures.ValidPAI()
	var exts []fixtures.Ext
	for _, e := range pai.Extensions {
		if !bytes.Equal(e.OID, oidSKID) {
			exts = append(exts, e)
		}
	}
	pai.Extensions = exts
	crl := fixtures.ValidCRL()
	for i, e := range crl.Extensions {
		if bytes.Equal(e.OID, oidAKID) {
			crl.Extensions[i].Value = []byte{0x30, 0x02, 0x80, 0x00} // keyIdentifier of zero octets
		}
	}
	p := fixtures.ValidPoint()
	p.CRLSignerCertificate = string(fixtures.PEM(pai.DER()))
	store := verify.NewTrustStore("test")
	if err := store.Add(parse(t, fixtures.ValidPAA()), "paa"); err != nil {
		t.Fatal(err)
	}
	res := verify.BuildRevocationSet([]matterext.RevocationPoint{*p}, verify.BuildOptions{
		Store: store, At: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		FetchCRL: func(string) ([]byte, error) { return crl.DER(), nil },
	})
	if len(res.Set) != 0 || len(res.Points) != 1 || res.Points[0].Accepted {
		t.Fatalf("point accepted: %+v", res.Points)
	}
	reasons := strings.Join(res.Points[0].Reasons, "\n")
	for _, want := range []string{"has no subjectKeyIdentifier", "is not the signer's SKID (none)"} {
		if !strings.Contains(reasons, want) {
			t.Errorf("reasons lack %q:\n%s", want, reasons)
		}
	}
}

// TestVerifyNilDAC: Verify with a nil DAC returns ErrNoDAC instead of
// panicking.
func TestVerifyNilDAC(t *testing.T) {
	res, err := verify.Verify(nil, parse(t, fixtures.ValidPAI()), verify.Options{})
	if res != nil || !errors.Is(err, verify.ErrNoDAC) {
		t.Fatalf("Verify(nil) = %v, %v; want ErrNoDAC", res, err)
	}
}

// TestTrustStoreCollisions: a PAA with the SKID of a PAA already in the
// store is recorded as shadowed; the same PAA twice is not a collision.
func TestTrustStoreCollisions(t *testing.T) {
	paa := fixtures.ValidPAA()
	other := fixtures.ValidPAA()
	other.Serial = []byte{0x5A, 0x09}
	s := verify.NewTrustStore("test")
	for _, a := range []struct {
		c   *fixtures.Cert
		src string
	}{{paa, "given.pem"}, {paa, "again.pem"}, {other, "embedded:other.pem"}} {
		if err := s.Add(parse(t, a.c), a.src); err != nil {
			t.Fatal(err)
		}
	}
	if len(s.Collisions) != 1 {
		t.Fatalf("%d collisions, want 1: %v", len(s.Collisions), s.Collisions)
	}
	msg := s.Collisions[0].String()
	for _, want := range []string{"embedded:other.pem", "the same subject", "given.pem", "is shadowed"} {
		if !strings.Contains(msg, want) {
			t.Errorf("collision message lacks %q: %s", want, msg)
		}
	}
}

// TestVerifierNilDAC: the batch Verifier given a nil DAC reports the SDK's
// first check, kInvalidArgument, instead of panicking.
func TestVerifierNilDAC(t *testing.T) {
	v, err := verify.NewVerifier(parse(t, fixtures.ValidPAI()), verify.Options{Store: storeOf(t, parse(t, fixtures.ValidPAA())), At: at})
	if err != nil {
		t.Fatal(err)
	}
	res := v.Verify(nil)
	if res.Pass() || res.Code != matterext.InvalidArgument || len(res.Findings) != 1 || res.Findings[0].Check != verify.CheckDACPresent {
		t.Errorf("Verify(nil) = %v %+v", res.Code, res.Findings)
	}
}
