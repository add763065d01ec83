package dcl_test

import (
	"errors"
	"fmt"

	"github.com/matterlint/matterlint/dcl"
)

// Predict the ledger's answer to a certificate that is not PEM at all.
func ExampleCheck() {
	res := dcl.Check(&dcl.Tx{Kind: dcl.AddCert, Cert: "pem certificate"}, &dcl.Ledger{})
	fmt.Println(res.Verdict(), res.First().Code)
	fmt.Println(res.First().Citation)
	fmt.Println(errors.Is(res.Err(), dcl.CodeInvalidCertificate))
	// Output:
	// reject ErrInvalidCertificate (409)
	// x/pki/x509/x509.go:DecodeX509Certificate
	// true
}

// The DCL reads VIDs from the subject text, not from the DER attribute.
func ExampleVIDFromSubjectText() {
	for _, s := range []string{"CN=Matter Test PAA,vid=0xFFF1", "CN=Matter PAI Mvid:FFF2 Mpid:8004", "CN=Mvid:FFF1", "CN=x,vid=0x0xFFF1"} {
		v, err := dcl.VIDFromSubjectText(s)
		fmt.Printf("%q: 0x%X %v\n", s, v, err != nil)
	}
	// Output:
	// "CN=Matter Test PAA,vid=0xFFF1": 0xFFF1 false
	// "CN=Matter PAI Mvid:FFF2 Mpid:8004": 0xFFF2 false
	// "CN=Mvid:FFF1": 0x0 false
	// "CN=x,vid=0x0xFFF1": 0x0 true
}

// Message vids are read as dcld reads them.
func ExampleParseNumber() {
	for _, s := range []string{"65521", "0xFFF1", "FFF1", "fff1"} {
		v, _ := dcl.ParseNumber(s)
		fmt.Println(s, v)
	}
	// Output:
	// 65521 65521
	// 0xFFF1 65521
	// FFF1 65521
	// fff1 65521
}
