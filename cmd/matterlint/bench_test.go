package main

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/matterlint/matterlint/internal/fixtures"
)

const benchDACs = 20000

func writeBundle(b *testing.B) string {
	b.Helper()
	p := filepath.Join(b.TempDir(), "dacs.pem")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	if err := fixtures.WriteDACBundle(f, benchDACs); err != nil {
		b.Fatal(err)
	}
	f.Close()
	return p
}

// BenchmarkLintBundle runs `matterlint lint --quiet` on a PEM bundle of
// 20,000 distinct DACs, whole pipeline (read, decode, lint on all cores,
// write), beside BenchmarkStdlibParseBundle on the same bundle. ns/DAC is
// the figure to compare.
func BenchmarkLintBundle(b *testing.B) {
	path := writeBundle(b)
	b.ResetTimer()
	for b.Loop() {
		var out bytes.Buffer
		if code := run([]string{"lint", "--quiet", path}, strings.NewReader(""), &out, io.Discard); code != exitOK {
			b.Fatalf("exit %d: %s", code, out.String())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchDACs), "ns/DAC")
}

// BenchmarkStdlibParseBundle: pem.Decode + crypto/x509.ParseCertificate over
// the same bundle on one core, the floor.
func BenchmarkStdlibParseBundle(b *testing.B) {
	path := writeBundle(b)
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		rest := data
		n := 0
		for {
			var blk *pem.Block
			blk, rest = pem.Decode(rest)
			if blk == nil {
				break
			}
			if _, err := x509.ParseCertificate(blk.Bytes); err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != benchDACs {
			b.Fatalf("parsed %d", n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchDACs), "ns/DAC")
}
