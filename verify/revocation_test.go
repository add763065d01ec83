package verify_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

func revocationData(rel string) string {
	return filepath.Join(testutil.Root(), "testdata", "revocation", rel)
}

func buildFrom(t *testing.T, pointsFile string) *verify.BuildResult {
	t.Helper()
	b, err := os.ReadFile(revocationData(pointsFile))
	if err != nil {
		t.Fatal(err)
	}
	points, err := matterext.ParseRevocationPoints(b)
	if err != nil {
		t.Fatal(err)
	}
	var mapping map[string]string
	mb, _ := os.ReadFile(revocationData("crl-map.json"))
	if err := json.Unmarshal(mb, &mapping); err != nil {
		t.Fatal(err)
	}
	store := verify.NewTrustStore("test PAA")
	if err := store.AddPath(revocationData("paa")); err != nil {
		t.Fatal(err)
	}
	return verify.BuildRevocationSet(points, verify.BuildOptions{
		Store: store, At: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		FetchCRL: func(url string) ([]byte, error) { return os.ReadFile(revocationData(mapping[url])) },
	})
}

func entryKeys(set []matterext.RevocationSetEntry) []string {
	var out []string
	for _, e := range set {
		b, _ := json.Marshal(e)
		out = append(out, string(b))
	}
	sort.Strings(out)
	return out
}

func readSet(t *testing.T, file string) []matterext.RevocationSetEntry {
	b, err := os.ReadFile(testutil.Corpus(t, "revocation/revocation-sets/"+file))
	if err != nil {
		t.Fatal(err)
	}
	set, err := matterext.ParseRevocationSet(b)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// TestBuildDirectSet: the PAA CRL and the two PAI CRLs give exactly the
// SDK's revocation-set.json.
func TestBuildDirectSet(t *testing.T) {
	res := buildFrom(t, "points-direct.json")
	for _, p := range res.Points {
		if !p.Accepted {
			t.Errorf("point %q rejected: %v", p.Label, p.Reasons)
		}
	}
	if diff := cmp.Diff(entryKeys(readSet(t, "revocation-set.json")), entryKeys(res.Set)); diff != "" {
		t.Errorf("(-SDK +built)\n%s", diff)
	}
}

// TestBuildIndirectSet: the PAA-delegated and PAI-delegated points give the
// matching entries of the SDK's indirect-revocation-set.json. Its fourth
// entry (PAI 03, serial 724F8C5827A7D0D0) comes from a CRL the corpus does
// not hold.
func TestBuildIndirectSet(t *testing.T) {
	res := buildFrom(t, "points-indirect.json")
	want := readSet(t, "indirect-revocation-set.json")
	var reachable []matterext.RevocationSetEntry
	for _, e := range want {
		if e.IssuerSubjectKeyID != "F97059A4F532B98B3B808592CD943A91004ACD6D" {
			reachable = append(reachable, e)
		}
	}
	if len(reachable) != 3 {
		t.Fatalf("expected set has %d entries besides PAI 03", len(reachable))
	}
	if diff := cmp.Diff(entryKeys(reachable), entryKeys(res.Set)); diff != "" {
		t.Errorf("(-SDK +built)\n%s", diff)
	}
}

// TestBuildCarryForward: RFC 5280 carries certificateIssuer forward, so the
// second entry of the Only-First-Entry CRL belongs to PAI 02.
func TestBuildCarryForward(t *testing.T) {
	res := buildFrom(t, "points-carry-forward.json")
	if len(res.Set) != 1 {
		t.Fatalf("points: %+v", res.Points)
	}
	if diff := cmp.Diff([]string{"3B29ED05E1CCED01DD0296A24134D04E05B890A6", "0EFCBECBABCD3CD9"}, res.Set[0].RevokedSerialNumbers); diff != "" {
		t.Error(diff)
	}
}

// TestBuildRejects: a point is rejected, with its reasons, when its CRL is
// stale, its issuer key ID is not the CA's, or its CRL is missing.
func TestBuildRejects(t *testing.T) {
	b, _ := os.ReadFile(revocationData("points-direct.json"))
	points, _ := matterext.ParseRevocationPoints(b)
	points[0].IssuerSubjectKeyID = strings.Repeat("AB", 20)
	points[1].DataURL = "https://example.com/missing.crl"
	store := verify.NewTrustStore("test PAA")
	store.AddPath(revocationData("paa"))
	var mapping map[string]string
	mb, _ := os.ReadFile(revocationData("crl-map.json"))
	json.Unmarshal(mb, &mapping)
	res := verify.BuildRevocationSet(points, verify.BuildOptions{
		Store: store, At: time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC), // every CRL is stale by then
		FetchCRL: func(url string) ([]byte, error) {
			if f, ok := mapping[url]; ok {
				return os.ReadFile(revocationData(f))
			}
			return nil, os.ErrNotExist
		},
	})
	want := []string{"is not the SKID", "missing.crl", "stale"}
	for i, p := range res.Points {
		if p.Accepted || !strings.Contains(strings.Join(p.Reasons, "; "), want[i]) {
			t.Errorf("point %d: accepted=%v reasons %v, want one with %q", i, p.Accepted, p.Reasons, want[i])
		}
	}
	if len(res.Set) != 0 {
		t.Errorf("set has %d entries", len(res.Set))
	}
}

// TestRevocationVectors: every vector of revocation/expected.tsv gives the
// SDK code named there.
func TestRevocationVectors(t *testing.T) {
	tsv, err := os.ReadFile(testutil.Corpus(t, "revocation/expected.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	store := testPAAs(t)
	n := 0
	for i, line := range strings.Split(strings.TrimSpace(string(tsv)), "\n") {
		cols := strings.Split(line, "\t")
		if i == 0 {
			continue
		}
		n++
		t.Run(filepath.Base(cols[0]), func(t *testing.T) {
			var v struct {
				DAC string `json:"dac_cert"`
				PAI string `json:"pai_cert"`
			}
			b, _ := os.ReadFile(testutil.Corpus(t, "revocation/"+cols[0]))
			if err := json.Unmarshal(b, &v); err != nil {
				t.Fatal(err)
			}
			dac, pai := parseHex(t, v.DAC), parseHex(t, v.PAI)
			res, err := verify.Verify(dac, pai, verify.Options{Store: store, Revocation: &verify.Revocation{Set: readSet(t, filepath.Base(cols[1]))}})
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Code.String(); !strings.HasSuffix(cols[2], got) {
				t.Errorf("got %v (%d), want %s; findings %v", res.Code, res.Code, cols[2], res.Findings)
			}
		})
	}
	if n != 8 {
		t.Errorf("%d vectors", n)
	}
}

func parseHex(t *testing.T, h string) *matterext.Certificate {
	t.Helper()
	b := make([]byte, len(h)/2)
	for i := range b {
		var x byte
		for _, c := range h[2*i : 2*i+2] {
			x <<= 4
			switch {
			case c >= '0' && c <= '9':
				x |= byte(c - '0')
			default:
				x |= byte(c-'a') + 10
			}
		}
		b[i] = x
	}
	c, err := matterext.ParseCertificate(b)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestRevocationSetRoundTrip: reading and writing a set written by the SDK's
// script gives the same bytes.
func TestRevocationSetRoundTrip(t *testing.T) {
	b, err := os.ReadFile(testutil.Corpus(t, "revocation/revocation-sets/revocation-set-for-paa.json"))
	if err != nil {
		t.Fatal(err)
	}
	set, err := matterext.ParseRevocationSet(b)
	if err != nil {
		t.Fatal(err)
	}
	if got := matterext.MarshalRevocationSet(set); string(got) != string(b) {
		t.Errorf("round trip differs:\n%s\nvs\n%s", got, b)
	}
}

// TestSerialWithSignOctet: a set entry written with a leading 00 still
// matches the certificate's serial.
func TestSerialWithSignOctet(t *testing.T) {
	if matterext.NormalizeSerialHex("00AB12") != matterext.SerialHex([]byte{0x00, 0xAB, 0x12}) {
		t.Error("serials with and without the sign octet differ")
	}
}
