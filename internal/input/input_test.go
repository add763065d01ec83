package input_test

import (
	"bytes"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/matterlint/matterlint/internal/input"
)

func dacDER(t *testing.T) []byte {
	b, err := os.ReadFile("../../testdata/certs/valid/dac.pem")
	if err != nil {
		t.Fatal(err)
	}
	blk, _ := pem.Decode(b)
	return blk.Bytes
}

// summary renders items as "index:format:len" or "index:error:message".
func readAll(name string, data []byte) []string {
	var out []string
	input.ReadStream(name, bytes.NewReader(data), func(it input.Item) bool {
		if it.Err != nil {
			out = append(out, it.Err.Error())
		} else {
			out = append(out, it.Format+":"+string(rune('0'+it.Index))+":"+itoaLen(it.DER))
		}
		return true
	})
	return out
}

func itoaLen(b []byte) string {
	if len(b) == 0 {
		return "0"
	}
	return "n"
}

func TestReadStream(t *testing.T) {
	der := dacDER(t)
	p := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	key := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: []byte{1, 2, 3}})
	tests := []struct {
		name string
		data []byte
		want []string
	}{
		{"pem bundle", bytes.Join([][]byte{p, p, p}, nil), []string{"pem:0:n", "pem:1:n", "pem:2:n"}},
		{"pem with text around", append(append([]byte("subject=...\n"), p...), "trailer\n"...), []string{"pem:0:n"}},
		{"pem crlf", bytes.ReplaceAll(p, []byte("\n"), []byte("\r\n")), []string{"pem:0:n"}},
		{"non-certificate block", append(append([]byte{}, key...), p...), []string{`f [0]: PEM block is "PRIVATE KEY", not a CERTIFICATE`, "pem:1:n"}},
		{"truncated pem", append(append([]byte{}, p...), p[:100]...), []string{"pem:0:n", `f [1]: truncated PEM: "CERTIFICATE" block has no END line`}},
		{"empty blocks", bytes.Repeat([]byte("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n"), 3),
			[]string{"f [0]: empty PEM block", "f [1]: empty PEM block", "f [2]: empty PEM block"}},
		{"bad base64", []byte("-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n"), []string{"f [0]: invalid base64 in PEM block: illegal base64 data at input byte 0"}},
		{"der", der, []string{"der:0:n"}},
		{"concatenated der", append(append([]byte{}, der...), der...), []string{"der:0:n", "der:1:n"}},
		{"der trailing bytes kept with the certificate", append(append([]byte{}, der...), 0, 0), []string{"der:0:n"}},
		{"truncated der", der[:len(der)-10], []string{"f [0]: truncated: element declares " + itoa(len(der)) + " bytes, only " + itoa(len(der)-10) + " present"}},
		{"hex", []byte("0x" + strings.ToUpper(hexOf(der))), []string{"hex:0:n"}},
		{"empty", nil, []string{"f: empty input"}},
		{"garbage", []byte{0x01, 0x02, 0x03, 0xFF}, []string{"f: not PEM, DER, hex or base64"}},
		{"indefinite length", []byte{0x30, 0x80, 0x01, 0x01}, []string{"f [0]: indefinite-length (BER) encoding is not DER"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, readAll("f", tc.data)); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func hexOf(b []byte) string {
	const d = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, d[c>>4], d[c&15])
	}
	return string(out)
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for i > 0 {
		s = string(rune('0'+i%10)) + s
		i /= 10
	}
	return s
}

func TestErrorsAreTestable(t *testing.T) {
	var got []*input.Error
	(&input.Reader{}).Read([]string{filepath.Join(t.TempDir(), "missing.pem")}, func(it input.Item) bool {
		got = append(got, it.Err)
		return true
	})
	if len(got) != 1 || !errors.Is(got[0], input.ErrIO) || !errors.Is(got[0], os.ErrNotExist) {
		t.Fatalf("got %v, want ErrIO wrapping ErrNotExist", got)
	}
	var nc *input.Error
	input.ReadStream("x", bytes.NewReader([]byte{1, 2, 3}), func(it input.Item) bool { nc = it.Err; return true })
	if !errors.Is(nc, input.ErrNotObject) {
		t.Fatalf("got %v, want ErrNotObject", nc)
	}
}

func TestDirectoryWalk(t *testing.T) {
	var got []string
	(&input.Reader{}).Read([]string{"../../testdata/certs/valid"}, func(it input.Item) bool {
		got = append(got, filepath.Base(it.Source)+"#"+itoa(it.Index))
		return true
	})
	want := []string{"chain.pem#0", "chain.pem#1", "chain.pem#2", "chain.pem#3", "crl-signer.pem#0", "dac.pem#0", "paa.pem#0", "pai.pem#0"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestLargeBundleStreams(t *testing.T) {
	der := dacDER(t)
	p := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	n := 0
	input.ReadStream("big", bytes.NewReader(bytes.Repeat(p, 5000)), func(it input.Item) bool {
		if it.Err != nil || !bytes.Equal(it.DER, der) || it.Index != n {
			t.Fatalf("item %d: %+v", n, it.Err)
		}
		n++
		return true
	})
	if n != 5000 {
		t.Errorf("read %d certificates, want 5000", n)
	}
}
