package fuzz

import (
	"bytes"
	"io"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/matterext/tlv"
	"github.com/matterlint/matterlint/verify"
)

// hostileChain is one corpus vector: its DAC, PAI and CD, and a verifier
// under the SDK test PAAs.
type hostileChain struct {
	name         string
	dac, pai, cd []byte
	paiCert      *matterext.Certificate
	store        *verify.TrustStore
	verifier     *verify.Verifier
}

func hostileChains(t testing.TB) []hostileChain {
	store := verify.NewTrustStore("SDK test PAAs")
	if err := store.AddPath(testutil.Corpus(t, "development-paa")); err != nil {
		t.Fatal(err)
	}
	var out []hostileChain
	for _, v := range []string{"struct_dac_cert_version_v3", "struct_pai_ext_key_usage_dig_sig_wrong", "struct_cd_authorized_paa_list_count2_valid"} {
		dir := testutil.Corpus(t, "commissioner_dut/"+v)
		h := hostileChain{name: v, store: store}
		h.dac = readFile(t, filepath.Join(dir, "dac.der"))
		h.pai = readFile(t, filepath.Join(dir, "pai.der"))
		h.cd = readFile(t, filepath.Join(dir, "cd.der"))
		var err error
		if h.paiCert, err = matterext.ParseCertificate(h.pai); err != nil {
			t.Fatal(err)
		}
		if h.verifier, err = verify.NewVerifier(h.paiCert, verify.Options{Store: store, NoCurrentTime: true}); err != nil {
			t.Fatal(err)
		}
		out = append(out, h)
	}
	return out
}

func readFile(t testing.TB, p string) []byte {
	b := files(strings.TrimPrefix(p, filepath.Join(testutil.Root(), "..", "shared", "corpus", "chip")+"/"))
	if len(b) == 0 {
		t.Fatalf("cannot read %s", p)
	}
	return b[0]
}

// mutations returns every truncation and every single-bit flip of b.
func mutations(b []byte) [][]byte {
	var out [][]byte
	for i := 0; i < len(b); i++ {
		out = append(out, b[:i])
	}
	for i := 0; i < len(b)*8; i++ {
		m := append([]byte(nil), b...)
		m[i/8] ^= 0x80 >> (i % 8)
		out = append(out, m)
	}
	return out
}

// checkDAC verifies a mutated DAC: it must give an error or a failure.
func checkDAC(t testing.TB, h hostileChain, m []byte) {
	c, err := matterext.ParseCertificate(m)
	if err != nil {
		return // a clear error
	}
	if res := h.verifier.Verify(c); res.Pass() {
		t.Fatalf("%s: a mutated DAC passes verification", h.name)
	}
}

// checkPAI verifies the vector's DAC under a mutated PAI.
func checkPAI(t testing.TB, h hostileChain, m []byte) {
	p, err := matterext.ParseCertificate(m)
	if err != nil {
		return
	}
	dac, _ := matterext.ParseCertificate(h.dac)
	res, err := verify.Verify(dac, p, verify.Options{Store: h.store, NoCurrentTime: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pass() {
		t.Fatalf("%s: the DAC passes under a mutated PAI", h.name)
	}
}

// checkCD checks a mutated CD: it must give an error or a failure.
func checkCD(t testing.TB, h hostileChain, m []byte) {
	cd, err := matterext.ParseCD(m)
	if err != nil {
		return
	}
	fs, err := verify.CheckCD(cd, verify.CDOptions{AllowTestKey: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Failure() {
			return
		}
	}
	t.Fatalf("%s: a mutated CD passes", h.name)
}

// TestMutatedCorpusObjects: every truncation and every single-bit flip of a
// corpus DAC, PAI and CD gives a decode error or a verification failure, and
// never a panic. (Their cost is measured by BenchmarkMutatedCorpusObjects.)
func TestMutatedCorpusObjects(t *testing.T) {
	for _, h := range hostileChains(t) {
		for _, m := range mutations(h.dac) {
			checkDAC(t, h, m)
		}
		for _, m := range mutations(h.pai) {
			checkPAI(t, h, m)
		}
		for _, m := range mutations(h.cd) {
			checkCD(t, h, m)
		}
	}
}

// BenchmarkMutatedCorpusObjects reports the mean and the slowest time of one
// mutated object (the bound is 10 ms per object).
func BenchmarkMutatedCorpusObjects(b *testing.B) {
	chains := hostileChains(b)
	var worst time.Duration
	n := 0
	for b.Loop() {
		for _, h := range chains {
			for kind, src := range [][]byte{h.dac, h.pai, h.cd} {
				for _, m := range mutations(src) {
					start := time.Now()
					switch kind {
					case 0:
						checkDAC(b, h, m)
					case 1:
						checkPAI(b, h, m)
					default:
						checkCD(b, h, m)
					}
					if d := time.Since(start); d > worst {
						worst = d
					}
					n++
				}
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/object")
	b.ReportMetric(float64(worst.Nanoseconds()), "worst-ns/object")
}

// TestHostileInputs: crafted inputs each give a clear error, never a panic
// or unbounded memory.
func TestHostileInputs(t *testing.T) {
	deep := append(bytes.Repeat([]byte{0x30, 0x80}, 1), bytes.Repeat([]byte{0x30, 0x82, 0xFF, 0xFF}, 1000)...)
	tests := []struct {
		name string
		run  func() error
	}{
		{"certificate length that lies", func() error {
			_, err := matterext.ParseCertificate([]byte{0x30, 0x84, 0x7F, 0xFF, 0xFF, 0xFF, 0x30, 0x00})
			return err
		}},
		{"deeply nested SEQUENCEs", func() error { _, err := matterext.ParseCertificate(deep); return err }},
		{"TLV nested past the depth limit", func() error {
			_, _, err := tlv.Decode(append(bytes.Repeat([]byte{0x17}, 10000), bytes.Repeat([]byte{0x18}, 10000)...))
			return err
		}},
		{"TLV string length that lies", func() error {
			_, _, err := tlv.Decode([]byte{0x0F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F})
			return err
		}},
		{"CMS length that lies", func() error { _, err := matterext.ParseCD([]byte{0x30, 0x83, 0xFF, 0xFF, 0xFF, 0x06}); return err }},
		{"CRL length that lies", func() error { _, err := matterext.ParseCRL([]byte{0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF}); return err }},
		{"100 MB of garbage", func() error { return firstError(io.LimitReader(rand.New(rand.NewSource(1)), 100<<20)) }},
		{"PEM with 10,000 empty blocks", func() error {
			return firstError(strings.NewReader(strings.Repeat("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n", 10000)))
		}},
		{"PEM block that never ends", func() error {
			return firstError(io.MultiReader(strings.NewReader("-----BEGIN CERTIFICATE-----\n"), io.LimitReader(repeatReader('A'), 8<<20)))
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.run(); err == nil || err.Error() == "" {
				t.Fatalf("no clear error: %v", err)
			}
		})
	}
}

// firstError reads a stream and returns the first input error.
func firstError(r io.Reader) error {
	var first error
	input.ReadStream("hostile", r, func(it input.Item) bool {
		if it.Err != nil && first == nil {
			first = it.Err
		}
		return true
	})
	return first
}

type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}
