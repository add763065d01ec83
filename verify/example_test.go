package verify_test

import (
	"errors"
	"fmt"

	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

// Verify a DAC whose signature was made with the wrong key: every failure is
// listed, and the primary code is the one the SDK would report.
func ExampleVerify() {
	paa, _ := matterext.ParseCertificate(fixtures.ValidPAA().DER())
	pai, _ := matterext.ParseCertificate(fixtures.ValidPAI().DER())
	bad := fixtures.ValidDAC()
	bad.Signer = fixtures.Key("not the PAI")
	dac, _ := matterext.ParseCertificate(bad.DER())

	store := verify.NewTrustStore("my PAAs")
	store.Add(paa, "paa.pem")
	res, err := verify.Verify(dac, pai, verify.Options{Store: store, NoCurrentTime: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Code, int(res.Code))
	for _, f := range res.Findings {
		if f.Failure() {
			fmt.Println(f.Check, "-", f.Message)
		}
	}
	fmt.Println(errors.Is(res.Err(), matterext.DacSignatureInvalid))
	// Output:
	// kDacSignatureInvalid 301
	// chain_dac_signature - DAC signature does not verify under the PAI key: signature does not verify
	// true
}

// Check a CD on its own: content, signature and the device's IDs.
func ExampleCheckCD() {
	root, _ := matterext.ParseCertificate(fixtures.CDRoot().DER())
	signer, _ := matterext.ParseCertificate(fixtures.CDSigner().DER())
	trust := verify.NewCDTrust("test CD PKI", root)
	trust.AddSigner(signer, "signer.pem")
	cd, _ := matterext.ParseCD(fixtures.ValidCD().DER())
	findings, _ := verify.CheckCD(cd, verify.CDOptions{Trust: trust,
		Device: verify.Device{VID: 0xA0B1, HasVID: true, PID: 0x8001, HasPID: true}})
	for _, f := range findings {
		fmt.Println(f.Code, f.Check)
	}
	// Output:
	// kCertificationDeclarationInvalidProductId cd_product_ids_contain_device_pid
}
