package verify_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

// readCert reads the one certificate of a file shipped in testdata/.
func readCert(path string) *matterext.Certificate {
	var c *matterext.Certificate
	(&input.Reader{}).Read([]string{path}, func(it input.Item) bool {
		if it.Err == nil {
			c, _ = matterext.ParseCertificate(it.DER)
		}
		return false
	})
	return c
}

// Verify a DAC with the options the CLI uses, against a PAA of your own;
// before the DAC is valid the SDK reports kDacExpired, and every
// failure is listed.
func ExampleVerify() {
	paa := readCert("../testdata/certs/valid/paa.pem")
	pai := readCert("../testdata/certs/valid/pai.pem")
	dac := readCert("../testdata/certs/valid/dac.pem")

	store := verify.NewTrustStore("my PAAs")
	store.Add(paa, "paa.pem")
	opts := verify.DefaultOptions()
	opts.Store, opts.Production = store, false // production checks are for the embedded store
	res, err := verify.Verify(dac, pai, opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Verdict(), res.Code)

	opts.At = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // before the DAC's notBefore
	res, _ = verify.Verify(dac, pai, opts)
	fmt.Println(res.Verdict(), res.Code, int(res.Code))
	for _, f := range res.Findings {
		if f.Failure() {
			fmt.Println(f.Check, "-", f.Location)
		}
	}
	fmt.Println(errors.Is(res.Err(), matterext.DacExpired))
	// Output:
	// pass kSuccess
	// fail kDacExpired 300
	// e_cert_not_valid_at_time - tbsCertificate.validity.notBefore
	// true
}

// Check a CD on its own: content, signature and the device's IDs.
func ExampleCheckCD() {
	root := readCert("../testdata/certs/cd/root.pem")
	signer := readCert("../testdata/certs/cd/signer.pem")
	trust := verify.NewCDTrust("test CD PKI", root)
	trust.AddSigner(signer, "signer.pem")
	var cd *matterext.CertificationDeclaration
	(&input.Reader{}).Read([]string{"../testdata/certs/cd/valid.der"}, func(it input.Item) bool {
		cd, _ = matterext.ParseCD(it.DER)
		return false
	})
	findings, _ := verify.CheckCD(cd, verify.CDOptions{Trust: trust,
		Device: verify.Device{VID: 0xA0B1, HasVID: true, PID: 0x8001, HasPID: true}})
	for _, f := range findings {
		fmt.Println(f.Code, f.Check)
	}
	// Output:
	// kCertificationDeclarationInvalidProductId cd_product_ids_contain_device_pid
}

// Production returns a copy of the embedded store: adding to it changes no
// other caller's store.
func ExampleProduction() {
	a, _ := verify.Production()
	a.Add(readCert("../testdata/certs/valid/paa.pem"), "mine.pem")
	b, _ := verify.Production()
	fmt.Println(len(a.Anchors())-len(b.Anchors()), verify.ProductionSnapshot().Date)
	// Output: 1 2026-11-26
}
