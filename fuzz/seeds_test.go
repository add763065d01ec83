package fuzz

import (
	"bytes"
	"encoding/pem"
	"os"
	"path/filepath"
	"testing"

	"github.com/matterlint/matterlint/internal/testutil"
)

// files returns the contents of files matching the globs, below the
// repository and, when present, the shared corpus.
func files(globs ...string) [][]byte {
	var out [][]byte
	roots := []string{testutil.Root(), filepath.Join(testutil.Root(), "..", "shared", "corpus", "chip")}
	for _, r := range roots {
		for _, g := range globs {
			ms, _ := filepath.Glob(filepath.Join(r, g))
			for _, m := range ms {
				if b, err := os.ReadFile(m); err == nil {
					out = append(out, b)
				}
			}
		}
	}
	return out
}

// ders decodes PEM files to DER and keeps DER files as they are.
func ders(blobs [][]byte) [][]byte {
	var out [][]byte
	for _, b := range blobs {
		if bytes.Contains(b, []byte("-----BEGIN")) {
			rest := b
			for {
				var blk *pem.Block
				blk, rest = pem.Decode(rest)
				if blk == nil {
					break
				}
				out = append(out, blk.Bytes)
			}
			continue
		}
		out = append(out, b)
	}
	return out
}

func certSeeds() [][]byte {
	return ders(files("testdata/certs/valid/*.pem", "testdata/certs/rules/*.pem", "commissioner_dut/*/dac.der",
		"commissioner_dut/*/pai.der", "production-paa/*.pem", "test-attestation/*.pem"))
}

func cdSeeds() [][]byte {
	return files("testdata/certs/cd/valid.der", "testdata/certs/rules/*.cd.der", "commissioner_dut/*/cd.der")
}

func crlSeeds() [][]byte {
	return ders(files("testdata/certs/crl/*.pem", "testdata/certs/rules/*.crl.pem", "testdata/revocation/crls/*.pem"))
}

func jsonSeeds(globs ...string) [][]byte { return files(globs...) }

func addAll(f *testing.F, seeds [][]byte) {
	for _, s := range seeds {
		f.Add(s)
	}
}
