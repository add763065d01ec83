package matterext_test

import (
	"encoding/pem"
	"fmt"
	"os"

	"github.com/matterlint/matterlint/matterext"
)

func ExampleParseCertificate() {
	b, _ := os.ReadFile("../testdata/certs/valid/pai.pem")
	blk, _ := pem.Decode(b)
	c, err := matterext.ParseCertificate(blk.Bytes)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Subject.String())
	fmt.Println(matterext.DetectRole(c), "pathLen present:", c.BasicConstraints.PathLen.Present)
	fmt.Println(matterext.KeyUsageString(c.KeyUsage.Bits), "critical:", c.KeyUsage.Ext.Critical)
	// Output:
	// CN=Matterlint Test PAI, VID=A0B1
	// pai pathLen present: true
	// keyCertSign|cRLSign critical: true
}

// The legacy commonName encoding, as in the SDK's fallback vector 01.
func ExampleExtractVIDPID() {
	n := &matterext.Name{Present: true, Attributes: []matterext.Attribute{{
		Type: matterext.OIDCommonName, Tag: matterext.TagUTF8String,
		Value: []byte("ACME Matter Devel DAC 5CDA9899 Mvid:FFF1 Mpid:00B1"),
	}}}
	vp, err := matterext.ExtractVIDPID(n)
	fmt.Println(matterext.FormatID(vp.VID), matterext.FormatID(vp.PID), vp.VIDForm, err)
	// Output: FFF1 00B1 commonName <nil>
}

// Decoding a stream of certificates into one recycled Certificate: each
// decode resets it, so nothing may still refer to the previous one.
func ExampleParseCertificateInto() {
	var c *matterext.Certificate
	for _, f := range []string{"paa.pem", "pai.pem", "dac.pem"} {
		b, _ := os.ReadFile("../testdata/certs/valid/" + f)
		blk, _ := pem.Decode(b)
		var err error
		if c, err = matterext.ParseCertificateInto(c, blk.Bytes); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(string(c.Subject.AppendText([]byte(matterext.DetectRole(c).String() + ": "))))
	}
	// Output:
	// paa: CN=Matterlint Test PAA, VID=A0B1
	// pai: CN=Matterlint Test PAI, VID=A0B1
	// dac: CN=Matterlint Test DAC 0001, VID=A0B1, PID=8000
}
