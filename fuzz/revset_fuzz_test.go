package fuzz

import (
	"testing"
	"time"

	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

// FuzzBuildRevocationSet: the revocation-set builder, over signed fixture
// CRLs, signers and DCL points mutated by the fuzzer, never panics and
// accounts for every point: accepted ones give exactly the set's entries,
// rejected ones say why.
func FuzzBuildRevocationSet(f *testing.F) {
	paa, err := matterext.ParseCertificate(fixtures.ValidPAA().DER())
	if err != nil {
		f.Fatal(err)
	}
	store := verify.NewTrustStore("fuzz")
	if err := store.Add(paa, "paa"); err != nil {
		f.Fatal(err)
	}
	crl := fixtures.ValidCRL()
	f.Add(crl.DER(), fixtures.ValidPAI().DER(), fixtures.PointJSON(fixtures.ValidPoint()))
	crl.Entries = append(crl.Entries, fixtures.CRLEntry{Serial: []byte{0x01}, Date: crl.ThisUpdate})
	f.Add(crl.DER(), []byte{}, fixtures.PointJSON(fixtures.ValidPoint()))
	for _, c := range fixtures.CRLCases() {
		f.Add(c.BuildCRL().DER(), fixtures.ValidPAI().DER(), fixtures.PointJSON(fixtures.ValidPoint()))
	}
	for _, c := range fixtures.PointCases() {
		f.Add(fixtures.ValidCRL().DER(), []byte{}, fixtures.PointJSON(c.BuildPoint()))
	}
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, crlDER, signer, pointsJSON []byte) {
		points, err := matterext.ParseRevocationPoints(pointsJSON)
		if err != nil {
			return
		}
		if len(signer) > 0 {
			for i := range points {
				points[i].CRLSignerCertificate = string(fixtures.PEM(signer))
			}
		}
		res := verify.BuildRevocationSet(points, verify.BuildOptions{Store: store, At: at,
			FetchCRL: func(string) ([]byte, error) { return crlDER, nil }})
		if len(res.Points) != len(points) {
			t.Fatalf("%d reports for %d points", len(res.Points), len(points))
		}
		accepted := 0
		for _, p := range res.Points {
			switch {
			case p.Accepted && (p.Entry == nil || len(p.Reasons) > 0):
				t.Fatalf("point %d accepted with entry %v and reasons %q", p.Index, p.Entry, p.Reasons)
			case !p.Accepted && len(p.Reasons) == 0:
				t.Fatalf("point %d rejected without a reason", p.Index)
			case p.Accepted:
				accepted++
			}
		}
		if accepted != len(res.Set) {
			t.Fatalf("%d points accepted, %d set entries", accepted, len(res.Set))
		}
	})
}
