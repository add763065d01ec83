package attestlog_test

import (
	"fmt"

	"github.com/matterlint/matterlint/attestlog"
)

func ExampleParse() {
	log := "AttestationResponse(attestationElements=b'\\x15\\x18', attestationSignature=b'\\x01\\x02')"
	r, err := attestlog.Parse([]byte(log))
	if err != nil {
		panic(err)
	}
	fmt.Printf("elements %X, signature %X\n", r.Elements, r.Signature)
	// Output: elements 1518, signature 0102
}
