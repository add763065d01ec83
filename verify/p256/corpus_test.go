package p256_test

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	_ "crypto/sha1"
	_ "crypto/sha256"
	_ "crypto/sha512"
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"testing"

	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/verify/p256"
)

func loadCert(t *testing.T, path string) *x509.Certificate {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if blk, _ := pem.Decode(b); blk != nil {
		b = blk.Bytes
	}
	c, err := x509.ParseCertificate(b)
	if err != nil {
		return nil // deliberately malformed (fuzzed) vectors
	}
	return c
}

var ecdsaHashes = map[x509.SignatureAlgorithm]crypto.Hash{
	x509.ECDSAWithSHA1:   crypto.SHA1,
	x509.ECDSAWithSHA256: crypto.SHA256,
	x509.ECDSAWithSHA384: crypto.SHA384,
	x509.ECDSAWithSHA512: crypto.SHA512,
}

// corpusCheck compares p256 with crypto/ecdsa for child signed by parent's
// key, and for a few mutations. It returns crypto/ecdsa's verdict and false
// if the pair is not an ECDSA P-256 one.
func corpusCheck(t *testing.T, name string, child, parent *x509.Certificate) (valid, checked bool) {
	t.Helper()
	pub, ok := parent.PublicKey.(*ecdsa.PublicKey)
	if !ok || pub.Curve != elliptic.P256() {
		return false, false
	}
	h, ok := ecdsaHashes[child.SignatureAlgorithm]
	if !ok {
		return false, false
	}
	pk, err := p256.NewPublicKey(pub)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	hh := h.New()
	hh.Write(child.RawTBSCertificate)
	digest := hh.Sum(nil)
	cmp := func(what string, digest, sig []byte) bool {
		want := ecdsa.VerifyASN1(pub, digest, sig)
		if got := pk.VerifyASN1(digest, sig); got != want {
			t.Errorf("%s %s: p256 = %v, crypto/ecdsa = %v", name, what, got, want)
		}
		return want
	}
	valid = cmp("as issued", digest, child.Signature)
	for _, i := range []int{0, 1, 4, 5, len(child.Signature) - 1} {
		if i >= 0 && i < len(child.Signature) {
			sig := append([]byte(nil), child.Signature...)
			sig[i] ^= 0x01
			cmp("signature byte flipped", digest, sig)
		}
	}
	d := append([]byte(nil), digest...)
	d[len(d)-1] ^= 0x80
	cmp("digest flipped", d, child.Signature)
	return valid, true
}

// TestCorpus: every DAC in the commissioner vectors against its sibling PAI,
// and every PAI against the PAA roots its issuer names.
func TestCorpus(t *testing.T) {
	dir := testutil.Corpus(t, "commissioner_dut")
	dacs, err := filepath.Glob(filepath.Join(dir, "*", "dac.der"))
	if err != nil || len(dacs) == 0 {
		t.Fatalf("no DACs under %s (%v)", dir, err)
	}
	var roots []*x509.Certificate
	for _, pat := range []string{
		testutil.Corpus(t, "development-paa/*.pem"),
		testutil.Corpus(t, "test-attestation/*PAA*.pem"),
		testutil.Corpus(t, "production-paa/*.pem"),
		filepath.Join(dir, "*", "paa-Cert.pem"),
	} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			if c := loadCert(t, f); c != nil {
				roots = append(roots, c)
			}
		}
	}
	if len(roots) < 3 {
		t.Fatalf("found only %d PAA roots", len(roots))
	}

	var dacChecked, dacValid, paiChecked, paiValid, skipped int
	for _, path := range dacs {
		vec := filepath.Base(filepath.Dir(path))
		dac := loadCert(t, path)
		pai := loadCert(t, filepath.Join(filepath.Dir(path), "pai.der"))
		if dac == nil || pai == nil {
			skipped++
			continue
		}
		if v, ok := corpusCheck(t, vec+"/dac", dac, pai); ok {
			dacChecked++
			if v {
				dacValid++
			}
		}
		for _, root := range roots {
			if string(root.RawSubject) != string(pai.RawIssuer) {
				continue
			}
			if v, ok := corpusCheck(t, vec+"/pai by "+root.Subject.CommonName, pai, root); ok {
				paiChecked++
				if v {
					paiValid++
				}
			}
		}
	}
	t.Logf("%d DACs checked (%d valid), %d PAI/PAA pairs checked (%d valid), %d vectors skipped as unparsable",
		dacChecked, dacValid, paiChecked, paiValid, skipped)
	// The corpus has ~150 good chains; make sure the test is not vacuous.
	if dacValid < 100 || paiValid < 100 {
		t.Errorf("too few valid signatures: %d DACs, %d PAIs", dacValid, paiValid)
	}
}
