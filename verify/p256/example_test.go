package p256_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"fmt"

	"github.com/matterlint/matterlint/verify/p256"
)

// Build the table once for a PAI key, then verify any number of DAC
// signatures made with it.
func ExampleNewPublicKey() {
	pai, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		panic(err)
	}
	key, err := p256.NewPublicKey(&pai.PublicKey)
	if err != nil {
		panic(err)
	}

	for _, tbs := range []string{"DAC 0001", "DAC 0002"} {
		digest := sha256.Sum256([]byte(tbs))
		sig, err := ecdsa.SignASN1(rand.Reader, pai, digest[:])
		if err != nil {
			panic(err)
		}
		fmt.Println(tbs, key.VerifyASN1(digest[:], sig))
	}
	other := sha256.Sum256([]byte("tampered"))
	sig, _ := ecdsa.SignASN1(rand.Reader, pai, other[:])
	digest := sha256.Sum256([]byte("DAC 0003"))
	fmt.Println("DAC 0003", key.VerifyASN1(digest[:], sig))
	// Output:
	// DAC 0001 true
	// DAC 0002 true
	// DAC 0003 false
}
