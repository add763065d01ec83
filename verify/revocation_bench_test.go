package verify_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

// revokedFrom is the first bundle DAC the benchmark sets and CRLs revoke:
// the DACs verified (0 … benchDACs-1) are not revoked, as in a fleet where
// revocation is the exception, so every DAC costs a full lookup and passes.
const revokedFrom = 1 << 32

var (
	benchRevMu sync.Mutex
	benchRev   = map[string]*verify.Revocation{}
)

// benchRevocation returns (and keeps for later runs) the revocation data
// named kind: a set of n serials over the given number of issuers, or a CRL
// of the valid PAI with n entries.
func benchRevocation(b *testing.B, kind string, n, issuers int) *verify.Revocation {
	key := fmt.Sprint(kind, n, issuers)
	benchRevMu.Lock()
	defer benchRevMu.Unlock()
	if rv := benchRev[key]; rv != nil {
		return rv
	}
	rv := &verify.Revocation{}
	switch kind {
	case "set":
		rv.Set = fixtures.BigRevocationSet(n, issuers, revokedFrom)
	case "crl":
		l, err := matterext.ParseCRL(fixtures.BigCRL(n, revokedFrom))
		if err != nil {
			b.Fatal(err)
		}
		rv.CRLs = []*matterext.CRL{l}
	}
	rv.Prepare()
	benchRev[key] = rv
	return rv
}

// BenchmarkVerifyRevocation verifies the bundle DACs under the valid PAI, as
// BenchmarkVerifyBatch/matterlint does, without revocation data ("none",
// the floor) and against revocation sets and CRLs of 1,000 and 1,000,000
// serials (the index built beforehand, as Revocation.Prepare does). Compare
// the ns/DAC of each with "none": the target is ≤ 1.2×, and the 1k and 1M
// figures should not differ, a lookup costing the same whatever the size.
func BenchmarkVerifyRevocation(b *testing.B) {
	ders := bundleDERs(b)
	pai, _ := matterext.ParseCertificate(fixtures.ValidPAI().DER())
	paa, _ := matterext.ParseCertificate(fixtures.ValidPAA().DER())
	store := verify.NewTrustStore("bench")
	store.Add(paa, "paa")
	cases := []struct {
		name         string
		kind         string
		n, issuers   int
		noRevocation bool
	}{
		{name: "none", noRevocation: true},
		{name: "set-1k", kind: "set", n: 1000, issuers: 1},
		{name: "set-1M", kind: "set", n: 1000000, issuers: 1},
		{name: "set-1M-over-1000-issuers", kind: "set", n: 1000000, issuers: 1000},
		{name: "crl-1k", kind: "crl", n: 1000},
		{name: "crl-1M", kind: "crl", n: 1000000},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			opts := verify.Options{Store: store}
			if !tc.noRevocation {
				opts.Revocation = benchRevocation(b, tc.kind, tc.n, tc.issuers)
			}
			v, err := verify.NewVerifier(pai, opts)
			if err != nil {
				b.Fatal(err)
			}
			verifyAll(b, v, ders)
		})
	}
}

// BenchmarkRevocationIndex is the one-off cost of indexing a revocation
// set or a CRL of 1,000,000 serials (Revocation.Prepare), per serial.
func BenchmarkRevocationIndex(b *testing.B) {
	set := fixtures.BigRevocationSet(1000000, 1, revokedFrom)
	l, err := matterext.ParseCRL(fixtures.BigCRL(1000000, revokedFrom))
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		rv   func() *verify.Revocation
	}{
		{"set-1M", func() *verify.Revocation { return &verify.Revocation{Set: set} }},
		{"crl-1M", func() *verify.Revocation { return &verify.Revocation{CRLs: []*matterext.CRL{l}} }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				tc.rv().Prepare()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ns/serial")
		})
	}
}
