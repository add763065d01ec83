package verify_test

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"testing"

	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

const benchDACs = 2000

func bundleDERs(b *testing.B) [][]byte {
	var buf bytes.Buffer
	if err := fixtures.WriteDACBundle(&buf, benchDACs); err != nil {
		b.Fatal(err)
	}
	var ders [][]byte
	rest := buf.Bytes()
	for {
		var blk *pem.Block
		blk, rest = pem.Decode(rest)
		if blk == nil {
			return ders
		}
		ders = append(ders, blk.Bytes)
	}
}

// BenchmarkVerifyBatch compares, in one run and on one core, verifying DACs
// under one PAI with matterlint (decode, every lint rule, every relational
// check, one ECDSA verification) against the floor: crypto/x509
// ParseCertificate plus CheckSignatureFrom. Compare the ns/DAC of the two
// sub-benchmarks; the target is matterlint ≤ 1.15 × stdlib.
func BenchmarkVerifyBatch(b *testing.B) {
	ders := bundleDERs(b)
	paiT, paaT := fixtures.ValidPAI().DER(), fixtures.ValidPAA().DER()
	b.Run("matterlint", func(b *testing.B) {
		pai, _ := matterext.ParseCertificate(paiT)
		paa, _ := matterext.ParseCertificate(paaT)
		s := verify.NewTrustStore("bench")
		s.Add(paa, "paa")
		v, err := verify.NewVerifier(pai, verify.Options{Store: s})
		if err != nil {
			b.Fatal(err)
		}
		verifyAll(b, v, ders)
	})
	b.Run("stdlib", func(b *testing.B) {
		pai, err := x509.ParseCertificate(paiT)
		if err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for b.Loop() {
			for _, der := range ders {
				c, err := x509.ParseCertificate(der)
				if err != nil {
					b.Fatal(err)
				}
				if err := c.CheckSignatureFrom(pai); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ders)), "ns/DAC")
	})
}

// verifyAll times verifying every DAC of ders (decode and Verify) and
// reports the cost per DAC; every DAC must pass.
func verifyAll(b *testing.B, v *verify.Verifier, ders [][]byte) {
	b.Helper()
	b.ResetTimer()
	for b.Loop() {
		for _, der := range ders {
			c, err := matterext.ParseCertificate(der)
			if err != nil {
				b.Fatal(err)
			}
			if res := v.Verify(c); !res.Pass() {
				b.Fatalf("%v: %v", res.Code, res.Findings)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ders)), "ns/DAC")
}
