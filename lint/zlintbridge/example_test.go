package zlintbridge_test

import (
	"encoding/pem"
	"fmt"
	"os"

	"github.com/matterlint/matterlint/lint/zlintbridge"
	"github.com/matterlint/matterlint/matterext"
)

// Run zlint's RFC 5280 allow-list on a certificate with a negative serial.
func ExampleNewPass() {
	pass, err := zlintbridge.NewPass(nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := os.ReadFile("../../testdata/certs/rules/e_serial_not_positive.pem")
	blk, _ := pem.Decode(b)
	c, _ := matterext.ParseCertificate(blk.Bytes)
	findings, err := pass.Lint(c)
	for _, f := range findings {
		fmt.Println(f.Rule.Name, f.Rule.Source)
	}
	fmt.Println(err)
	// Output:
	// e_serial_number_not_positive zlint:RFC5280
	// <nil>
}
