package verify

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/matterext"
)

// scanRevocationStatus is the revocation check as it was before the index:
// a scan of every set entry and every CRL entry, decoding the CA
// certificate of each matching set entry. The index must answer exactly as
// it does.
func scanRevocationStatus(c *matterext.Certificate, rv *Revocation) (revoked bool, how string, notes []string) {
	issuerName := base64.StdEncoding.EncodeToString(c.Issuer.Raw)
	var akid string
	if ak := c.AuthorityKeyID; ak != nil && ak.HasKeyID {
		akid = matterext.KeyIDHex(ak.KeyID)
	}
	serial := matterext.SerialHex(c.Serial.Bytes)
	for i, e := range rv.Set {
		if e.IssuerName != issuerName || e.IssuerSubjectKeyID != akid {
			continue
		}
		caB64 := e.CRLSignerCert
		if e.CRLSignerDelegator != "" {
			caB64 = e.CRLSignerDelegator
		}
		der, _ := base64.StdEncoding.DecodeString(caB64)
		ca, err := matterext.ParseCertificate(der)
		if err != nil || base64.StdEncoding.EncodeToString(ca.Subject.Raw) != issuerName || ca.SubjectKeyID == nil || matterext.KeyIDHex(ca.SubjectKeyID.ID) != akid {
			notes = append(notes, fmt.Sprintf("revocation-set entry %d names this issuer, but its CRL signer/delegator certificate does not match it; the SDK stops looking at this entry and reports \"not revoked\"", i))
			return false, "", notes
		}
		for _, s := range e.RevokedSerialNumbers {
			if matterext.NormalizeSerialHex(s) == serial {
				return true, fmt.Sprintf("serial %s is listed in revocation-set entry %d (issuer SKID %s)", serial, i, akid), notes
			}
		}
	}
	for i, l := range rv.CRLs {
		src := fmt.Sprintf("CRL %d", i)
		if i < len(rv.CRLSources) {
			src = rv.CRLSources[i]
		}
		for _, e := range l.Entries {
			if bytes.Equal(e.Issuer, c.Issuer.Raw) && matterext.SerialHex(e.Serial.Bytes) == serial {
				return true, fmt.Sprintf("serial %s is revoked by %s (entry %d)", serial, src, e.Index), notes
			}
		}
	}
	return false, "", notes
}

type revIssuer struct {
	name, kid []byte
	cert      string // base64 DER of its certificate
}

// TestRevocationIndexMatchesScan: on random sets and CRLs built to hit
// every corner (several entries per issuer, mismatching CA certificates and
// delegators, key IDs and names not written canonically, serials with and
// without 00 octets and in lower case, duplicate and carried-forward CRL
// entries, CRLs without sources), the index gives the scan's answer, notes
// and messages included, for every certificate asked about.
func TestRevocationIndexMatchesScan(t *testing.T) {
	var issuers []revIssuer
	for _, e := range fixtures.BigRevocationSet(3, 3, 0) {
		name, _ := base64.StdEncoding.DecodeString(e.IssuerName)
		kid, _ := decodeKeyIDHex(e.IssuerSubjectKeyID)
		issuers = append(issuers, revIssuer{name, kid, e.CRLSignerCert})
	}
	issuers = append(issuers, revIssuer{name: issuers[0].name, kid: issuers[1].kid, cert: issuers[1].cert}, revIssuer{name: []byte{0x30, 0}, kid: nil}, revIssuer{})
	serials := [][]byte{{1}, {0, 1}, {0x80}, {0, 0x80}, {0x4D, 2, 3}, {0}, {0, 0}, {}}
	hexes := func(r *rand.Rand, b []byte) string {
		h := matterext.KeyIDHex(b)
		switch r.IntN(5) {
		case 0:
			h = "00" + h
		case 1:
			h = strings.ToLower(h)
		case 2:
			h = "0" + h
		}
		return h
	}
	r := rand.New(rand.NewPCG(1, 2))
	queries := 0
	for round := range 400 {
		rv := &Revocation{}
		for range r.IntN(6) {
			is := issuers[r.IntN(len(issuers))]
			e := matterext.RevocationSetEntry{Type: matterext.RevocationSetType, IssuerSubjectKeyID: matterext.KeyIDHex(is.kid),
				IssuerName: base64.StdEncoding.EncodeToString(is.name), CRLSignerCert: is.cert}
			switch r.IntN(8) {
			case 0:
				e.IssuerSubjectKeyID = strings.ToLower(e.IssuerSubjectKeyID)
			case 1:
				e.IssuerName += "\n" // decodes, but is not what base64 writes
			case 2:
				e.CRLSignerCert = issuers[r.IntN(len(issuers))].cert
			case 3:
				e.CRLSignerDelegator = issuers[r.IntN(len(issuers))].cert
			case 4:
				e.CRLSignerCert = "not base64"
			}
			for range r.IntN(4) {
				e.RevokedSerialNumbers = append(e.RevokedSerialNumbers, hexes(r, serials[r.IntN(len(serials))]))
			}
			rv.Set = append(rv.Set, e)
		}
		for range r.IntN(3) {
			l := &matterext.CRL{}
			l.Issuer.Raw = issuers[r.IntN(len(issuers))].name
			cur := l.Issuer.Raw
			for p := range r.IntN(6) {
				if r.IntN(3) == 0 {
					cur = issuers[r.IntN(len(issuers))].name
				}
				l.Entries = append(l.Entries, matterext.CRLEntry{Index: int32(p + r.IntN(2)), Serial: matterext.Integer{Present: true, Bytes: serials[r.IntN(len(serials))]}, Issuer: cur})
			}
			rv.CRLs = append(rv.CRLs, l)
			if r.IntN(2) == 0 {
				rv.CRLSources = append(rv.CRLSources, fmt.Sprintf("crl-%d.pem", len(rv.CRLs)))
			}
		}
		for range 20 {
			is := issuers[r.IntN(len(issuers))]
			c := &matterext.Certificate{}
			c.Issuer.Raw = is.name
			switch r.IntN(4) {
			case 0:
			case 1:
				c.AuthorityKeyID = &matterext.AuthorityKeyID{KeyID: is.kid}
			default:
				c.AuthorityKeyID = &matterext.AuthorityKeyID{HasKeyID: true, KeyID: issuers[r.IntN(len(issuers))].kid}
			}
			c.Serial = matterext.Integer{Present: true, Bytes: serials[r.IntN(len(serials))]}
			wr, wh, wn := scanRevocationStatus(c, rv)
			gr, gh, gn := revocationStatus(c, rv)
			if wr != gr || wh != gh || !cmp.Equal(wn, gn) {
				t.Fatalf("round %d: set %+v\ncert issuer %x akid %+v serial %x:\nscan  %v %q %q\nindex %v %q %q", round, rv.Set, c.Issuer.Raw, c.AuthorityKeyID, c.Serial.Bytes, wr, wh, wn, gr, gh, gn)
			}
			if wr || len(wn) > 0 {
				queries++
			}
		}
	}
	if queries < 1000 {
		t.Errorf("only %d queries found a revocation or a note", queries)
	}
}

// TestRevocationIndexRebuilt: replacing Set or a CRL after a verification
// used the index rebuilds it.
func TestRevocationIndexRebuilt(t *testing.T) {
	set := fixtures.BigRevocationSet(10, 1, 0)
	c, err := matterext.ParseCertificate(fixtures.ValidDAC().DER())
	if err != nil {
		t.Fatal(err)
	}
	c.Serial.Bytes = fixtures.BundleSerial(3)
	rv := &Revocation{Set: set[:0]}
	if revoked, _, _ := revocationStatus(c, rv); revoked {
		t.Fatal("revoked by an empty set")
	}
	rv.Set = set
	if revoked, _, _ := revocationStatus(c, rv); !revoked {
		t.Fatal("the new set is not used")
	}
	l, err := matterext.ParseCRL(fixtures.BigCRL(5, 1))
	if err != nil {
		t.Fatal(err)
	}
	rv.Set = nil
	rv.CRLs = []*matterext.CRL{l}
	if revoked, how, _ := revocationStatus(c, rv); !revoked || !strings.Contains(how, "CRL 0 (entry 2)") {
		t.Fatalf("CRL: %v %q", revoked, how)
	}
	l2, _ := matterext.ParseCRL(fixtures.BigCRL(2, 0))
	rv.CRLs[0] = l2
	if revoked, _, _ := revocationStatus(c, rv); revoked {
		t.Fatal("the replaced CRL is still used")
	}
}

// TestRevocationIndexConcurrent: verifications on several goroutines share
// one index (run with -race).
func TestRevocationIndexConcurrent(t *testing.T) {
	l, err := matterext.ParseCRL(fixtures.BigCRL(1000, 0))
	if err != nil {
		t.Fatal(err)
	}
	rv := &Revocation{Set: fixtures.BigRevocationSet(1000, 4, 500), CRLs: []*matterext.CRL{l}}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := &matterext.Certificate{}
			c.Issuer.Raw = l.Issuer.Raw
			c.AuthorityKeyID = l.AuthorityKeyID
			for i := w; i < 2000; i += 4 {
				c.Serial.Bytes = fixtures.BundleSerial(i)
				revoked, how, _ := revocationStatus(c, rv)
				want := i < 1000 // the CRL revokes 0-999; the set (checked first) lists 500-749 under the valid PAI
				if revoked != want {
					t.Errorf("DAC %d: revoked %v (%s)", i, revoked, how)
				}
				if i >= 500 && i < 750 && !strings.Contains(how, "revocation-set entry 0") {
					t.Errorf("DAC %d: %s", i, how)
				}
			}
		}()
	}
	wg.Wait()
}

// BenchmarkRevocationLookup is the revocation check alone (the DAC and its
// PAI looked up, as revocationFindings does for every DAC) against sets and
// CRLs of 1,000 and 1,000,000 serials: its cost does not grow with them.
// Half the DACs asked about are revoked. The -scan variants are the check
// before the index (scanRevocationStatus), on the 1,000-serial data.
func BenchmarkRevocationLookup(b *testing.B) {
	const dacs = 4096
	tmpl, err := matterext.ParseCertificate(fixtures.ValidDAC().DER())
	if err != nil {
		b.Fatal(err)
	}
	pai, err := matterext.ParseCertificate(fixtures.ValidPAI().DER())
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1000, 1000000} {
		// The revoked serials are those of DACs dacs … dacs+n-1; every
		// other DAC asked about is one of them, scattered over them.
		certs := make([]*matterext.Certificate, dacs)
		for i := range certs {
			c := *tmpl
			c.Serial.Bytes = fixtures.BundleSerial(i)
			if i%2 == 0 {
				c.Serial.Bytes = fixtures.BundleSerial(dacs + i*977%min(n, dacs))
			}
			certs[i] = &c
		}
		l, err := matterext.ParseCRL(fixtures.BigCRL(n, dacs))
		if err != nil {
			b.Fatal(err)
		}
		set := &Revocation{Set: fixtures.BigRevocationSet(n, 1, dacs)}
		crl := &Revocation{CRLs: []*matterext.CRL{l}}
		type status func(*matterext.Certificate, *Revocation) (bool, string, []string)
		cases := []struct {
			name   string
			rv     *Revocation
			status status
		}{{"set", set, revocationStatus}, {"crl", crl, revocationStatus}}
		if n <= 1000 {
			cases = append(cases, struct {
				name   string
				rv     *Revocation
				status status
			}{"set-scan", set, scanRevocationStatus}, struct {
				name   string
				rv     *Revocation
				status status
			}{"crl-scan", crl, scanRevocationStatus})
		}
		for _, tc := range cases {
			b.Run(fmt.Sprintf("%s-%dk", tc.name, n/1000), func(b *testing.B) {
				tc.rv.Prepare()
				revoked, i := 0, 0
				for b.Loop() {
					if r, _, _ := tc.status(certs[i%dacs], tc.rv); r {
						revoked++
					}
					tc.status(pai, tc.rv)
					i++
				}
				if revoked != (i+1)/2 {
					b.Fatalf("%d of %d revoked", revoked, i)
				}
			})
		}
	}
}
