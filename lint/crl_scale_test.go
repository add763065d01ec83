package lint_test

import (
	"fmt"
	"testing"
	"unsafe"

	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// TestMillionEntryCRL: a CRL of 1,000,000 entries (35 MB, over the 16 MiB
// the CRL cap once was) parses with every entry and lints clean, each entry
// costing at most 88 bytes of model.
func TestMillionEntryCRL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 35 MB CRL")
	}
	if n := unsafe.Sizeof(matterext.CRLEntry{}); n > 88 {
		t.Errorf("a CRL entry takes %d bytes", n)
	}
	der := fixtures.BigCRL(1000000, 0)
	l, err := matterext.ParseCRL(der)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Entries) != 1000000 || len(l.Errors) != 0 {
		t.Fatalf("%d entries, errors %v", len(l.Entries), l.Errors)
	}
	if res := lint.Default().LintCRL(l); len(res.Findings) != 0 {
		t.Errorf("findings: %v", res.Findings[:min(5, len(res.Findings))])
	}
	e := &l.Entries[999999]
	if d := l.RevocationDate(e); matterext.SerialHex(e.Serial.Bytes) != "4D00000000000F423F" || d.Err != nil || string(d.Raw) != "241108150000Z" {
		t.Errorf("last entry: serial %s, date %q", matterext.SerialHex(e.Serial.Bytes), d.Raw)
	}
	if exts := l.EntryExtensions(&l.Entries[2]); len(exts) != 1 || !exts[0].OID.Equal(matterext.OIDExtReasonCode) || exts[0].Base != "tbsCertList.revokedCertificates[2].crlEntryExtensions" {
		t.Errorf("entry 2 extensions: %+v", exts)
	}
}

// BenchmarkParseLintCRL parses a CRL of the valid PAI and runs every CRL
// rule on it, for 1,000 and 1,000,000 entries (the fixture generator's
// BigCRL: every other entry has a reasonCode). ns/entry should not grow
// with the size. scripts/bench.sh measures the whole process (time and peak
// RSS of matterlint crl) on the same CRL.
func BenchmarkParseLintCRL(b *testing.B) {
	reg := lint.Default()
	for _, n := range []int{1000, 1000000} {
		der := fixtures.BigCRL(n, 0)
		b.Run(fmt.Sprintf("entries-%dk", n/1000), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l, err := matterext.ParseCRL(der)
				if err != nil {
					b.Fatal(err)
				}
				if res := reg.LintCRL(l); len(res.Findings) != 0 {
					b.Fatal(res.Findings[0])
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/entry")
		})
	}
}
