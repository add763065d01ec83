package lint_test

import (
	"crypto/x509"
	"encoding/pem"
	"os"
	"testing"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

func validDACDER(b *testing.B) []byte {
	p, err := os.ReadFile("../testdata/certs/valid/dac.pem")
	if err != nil {
		b.Fatal(err)
	}
	blk, _ := pem.Decode(p)
	return blk.Bytes
}

// BenchmarkParseAndLintDAC: decode with matterext and run the rules of a
// profile: spec-strict (lint's default) and dcl (the DCL's rules, on Go's
// crypto/x509 parse of the certificate).
func BenchmarkParseAndLintDAC(b *testing.B) {
	der := validDACDER(b)
	for _, profile := range []string{"spec-strict", "dcl"} {
		b.Run(profile, func(b *testing.B) {
			reg, err := lint.Default().Select(profile, nil, nil)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				c, err := matterext.ParseCertificate(der)
				if err != nil {
					b.Fatal(err)
				}
				if res := reg.Lint(c, lint.Options{}); len(res.Findings) != 0 {
					b.Fatalf("unexpected findings: %v", res.Findings[0].Message)
				}
			}
		})
	}
}

// BenchmarkParseDAC: the tolerant decoder alone.
func BenchmarkParseDAC(b *testing.B) {
	der := validDACDER(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := matterext.ParseCertificate(der); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStdlibParseDAC: crypto/x509's parser, the floor we compare with.
func BenchmarkStdlibParseDAC(b *testing.B) {
	der := validDACDER(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := x509.ParseCertificate(der); err != nil {
			b.Fatal(err)
		}
	}
}
