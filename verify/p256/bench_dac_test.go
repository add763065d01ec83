package p256_test

import (
	"crypto/ecdsa"
	"crypto/sha256"
	"crypto/x509"
	"os"
	"path/filepath"
	"testing"

	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/verify/p256"
)

// BenchmarkDACCheck compares the signature part of a DAC check on a corpus
// DAC/PAI pair: crypto/x509 ParseCertificate + CheckSignatureFrom against
// hashing the TBS and p256 VerifyASN1 (parsing is matterlint's own and
// costs a few µs; x509parse+p256table shows it with crypto/x509's parser).
func BenchmarkDACCheck(b *testing.B) {
	dir := testutil.Corpus(b, filepath.Join("commissioner_dut", "struct_cd_authorized_paa_list_count1_valid"))
	dacDER, err := os.ReadFile(filepath.Join(dir, "dac.der"))
	if err != nil {
		b.Fatal(err)
	}
	paiDER, err := os.ReadFile(filepath.Join(dir, "pai.der"))
	if err != nil {
		b.Fatal(err)
	}
	pai, err := x509.ParseCertificate(paiDER)
	if err != nil {
		b.Fatal(err)
	}
	dac, err := x509.ParseCertificate(dacDER)
	if err != nil {
		b.Fatal(err)
	}
	pk, err := p256.NewPublicKey(pai.PublicKey.(*ecdsa.PublicKey))
	if err != nil {
		b.Fatal(err)
	}
	tbs, sig := dac.RawTBSCertificate, dac.Signature

	b.Run("x509", func(b *testing.B) {
		for b.Loop() {
			c, err := x509.ParseCertificate(dacDER)
			if err != nil {
				b.Fatal(err)
			}
			if err := c.CheckSignatureFrom(pai); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("x509parse+p256table", func(b *testing.B) {
		for b.Loop() {
			c, err := x509.ParseCertificate(dacDER)
			if err != nil {
				b.Fatal(err)
			}
			d := sha256.Sum256(c.RawTBSCertificate)
			if !pk.VerifyASN1(d[:], c.Signature) {
				b.Fatal("rejected")
			}
		}
	})
	b.Run("x509parse", func(b *testing.B) {
		for b.Loop() {
			if _, err := x509.ParseCertificate(dacDER); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("sha256+p256table", func(b *testing.B) {
		for b.Loop() {
			d := sha256.Sum256(tbs)
			if !pk.VerifyASN1(d[:], sig) {
				b.Fatal("rejected")
			}
		}
	})
	b.Run("sha256+ecdsa", func(b *testing.B) {
		pub := pai.PublicKey.(*ecdsa.PublicKey)
		for b.Loop() {
			d := sha256.Sum256(tbs)
			if !ecdsa.VerifyASN1(pub, d[:], sig) {
				b.Fatal("rejected")
			}
		}
	})
}
