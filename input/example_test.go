package input_test

import (
	"bytes"
	"encoding/pem"
	"fmt"

	"github.com/matterlint/matterlint/input"
)

// A bundle with a block that lost its END line, and a block of another
// kind: each is one item with its index and the lines it covers, and the
// certificate after them is still read.
func ExampleReader_ReadStream() {
	cert := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: []byte{0x30, 0x03, 0x02, 0x01, 0x05}})
	key := pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: []byte{0x30, 0x00}})
	bundle := bytes.Join([][]byte{[]byte("-----BEGIN CERTIFICATE-----\nMIIB\n"), key, cert}, nil)
	(&input.Reader{}).ReadStream("bundle.pem", bytes.NewReader(bundle), func(it input.Item) bool {
		if it.Err != nil {
			fmt.Println(it.Err)
		} else {
			fmt.Printf("%s [%d]: %d bytes of DER at lines %d-%d\n", it.Source, it.Index, len(it.DER), it.Line, it.EndLine)
		}
		return true
	})
	// Output:
	// bundle.pem [0]: truncated PEM: "CERTIFICATE" block at line 1 has no END line before the BEGIN line at line 3; lines 1-2 skipped
	// bundle.pem [1]: PEM block is "EC PRIVATE KEY", not a CERTIFICATE: this is a private key, which matterlint does not read
	// bundle.pem [2]: 5 bytes of DER at lines 6-8
}

// Detect tells what a DER object is, so that a command can name the one
// that reads it.
func ExampleDetect() {
	crl := []byte{0x30, 0x1A, // CertificateList
		0x30, 0x12, // TBSCertList
		0x30, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02, // ecdsa-with-SHA256
		0x30, 0x00, // issuer
		0x17, 0x02, 0x30, 0x30, // thisUpdate (truncated, but the shape is a CRL's)
		0x30, 0x00, 0x03, 0x02, 0x00, 0x00}
	k := input.Detect(crl)
	fmt.Println(k, "-", k.Hint())
	// Output:
	// CRL - this is a CRL: use `matterlint crl`
}
