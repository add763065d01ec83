package attestlog_test

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/matterlint/matterlint/attestlog"
	"github.com/matterlint/matterlint/internal/testutil"
)

// sample attestation elements and signature (arbitrary bytes with every
// byte value class a log rendering must carry: NUL, quotes, backslash,
// newline, printable and high bytes).
var (
	elements  = append([]byte{0x15, 0x30, 0x01, 0x00, '\'', '"', '\\', '\n', '\r', '\t', 'A', 0x7F, 0x80, 0xFF}, bytes.Repeat([]byte{0x5A, 0xC3}, 100)...)
	signature = bytes.Repeat([]byte{0xCE, 0x96, 0x3A, 0x85}, 16)
	challenge = []byte("0123456789abcdef")
)

// chipTool renders a field as chip-tool's DataModelLogger does: uppercase
// hex, 51 bytes a line, continuation lines labelled with dots.
func chipTool(label string, b []byte) string {
	var out strings.Builder
	prefix := "[1700000000.123510][4242:4243] CHIP:TOO:     "
	for i := 0; i < len(b); i += 51 {
		l := label
		if i > 0 {
			l = strings.Repeat(".", len(label))
		}
		fmt.Fprintf(&out, "%s%s: %X\n", prefix, l, b[i:min(i+51, len(b))])
	}
	return out.String()
}

func TestParse(t *testing.T) {
	b64 := base64.StdEncoding.EncodeToString
	for _, tc := range []struct {
		name           string
		log            string
		wantChallenge  bool
		wantSignatures bool
	}{
		{"chip-tool", "[1700000000.123456][4242:4243] CHIP:TOO: Endpoint: 0 Cluster: 0x0000_003E Command 0x0000_0001\n" +
			"[1700000000.123500][4242:4243] CHIP:TOO:   AttestationResponse: {\n" +
			chipTool("attestationElements", elements) + chipTool("attestationSignature", signature) +
			"[1700000000.123550][4242:4243] CHIP:TOO:    }\n", false, true},
		{"chip-tool 2021 field name", chipTool("attestationElements", elements) + chipTool("signature", signature), false, true},
		{"python repr", "OperationalCredentials.Commands.AttestationResponse(attestationElements=" + testutil.PyRepr(elements) +
			", attestationSignature=" + testutil.PyRepr(signature) + ")\nchallenge = " + testutil.PyRepr(challenge) + "\n", true, true},
		{"json base64", fmt.Sprintf(`{"AttestationResponse":{"attestationElements":%q,"attestationSignature":%q,"attestation_challenge":%q}}`,
			b64(elements), b64(signature), hex.EncodeToString(challenge)), true, true},
		{"json prefixed and arrays", fmt.Sprintf(`[{"attestation_elements":"base64:%s","AttestationSignature":%s}]`,
			b64(elements), strings.ReplaceAll(fmt.Sprint(signature), " ", ",")), false, true},
		{"json value object", fmt.Sprintf(`{"0":{"attestationElements":{"value":"hex:%X"}}}`, elements), false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := attestlog.Parse([]byte(tc.log))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(r.Elements, elements) {
				t.Errorf("elements\n got %X\nwant %X", r.Elements, elements)
			}
			if tc.wantSignatures && !bytes.Equal(r.Signature, signature) {
				t.Errorf("signature %X", r.Signature)
			}
			if tc.wantChallenge != bytes.Equal(r.Challenge, challenge) {
				t.Errorf("challenge %X", r.Challenge)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		log  string
		want error
	}{
		{"elided", "CHIP:TOO:     attestationElements: Elided value too large of size 551\n", attestlog.ErrElided},
		{"length only", "  attestationElements: 551\n", attestlog.ErrLengthOnly},
		{"json length", `{"attestationElements": 551}`, attestlog.ErrLengthOnly},
		{"no elements", "attestationSignature: 00FF\n", attestlog.ErrNoResponse},
		{"bad escape", `attestationElements=b'\q'`, attestlog.ErrNotBytes},
		{"unterminated", `attestationElements=b'\x15`, attestlog.ErrNotBytes},
		{"not bytes", `{"attestationElements": "???"}`, attestlog.ErrNotBytes},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := attestlog.Parse([]byte(tc.log))
			if !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
		})
	}
	var fe *attestlog.FieldError
	if _, err := attestlog.Parse([]byte("x\n  attestationElements: 551\n")); !errors.As(err, &fe) || fe.Line != 2 || fe.Field != "attestationElements" {
		t.Errorf("FieldError = %+v", fe)
	}
}

func TestBlob(t *testing.T) {
	for _, tc := range []struct {
		in     []byte
		format string
	}{
		{elements, "binary"},
		{[]byte(hex.EncodeToString(elements) + "\n"), "hex"},
		{[]byte(fmt.Sprintf("%X", elements)), "hex"},
		{[]byte(base64.StdEncoding.EncodeToString(elements) + "\n"), "base64"},
		{[]byte("base64:" + base64.RawURLEncoding.EncodeToString(elements)), "base64"},
	} {
		got, format, err := attestlog.Blob(tc.in)
		if err != nil || format != tc.format || !bytes.Equal(got, elements) {
			t.Errorf("Blob(%.20q) = %X, %q, %v; want %s", tc.in, got, format, err, tc.format)
		}
	}
	if _, _, err := attestlog.Blob(nil); err == nil {
		t.Error("empty input accepted")
	}
	if b, err := attestlog.Hex("0x00:11 22"); err != nil || !bytes.Equal(b, []byte{0, 0x11, 0x22}) {
		t.Errorf("Hex = %X, %v", b, err)
	}
	if _, err := attestlog.Hex("xyz"); !errors.Is(err, attestlog.ErrNotBytes) {
		t.Errorf("Hex(xyz) = %v", err)
	}
}
