package input_test

import (
	"bytes"
	"crypto/rand"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/internal/fixtures"
)

var (
	dac = fixtures.ValidDAC().DER()
	pai = fixtures.ValidPAI().DER()
	crl = fixtures.ValidCRL().DER()
)

// render describes items as "index:format:offset-end" for objects and
// "index:message" for errors.
func render(items []input.Item) []string {
	var out []string
	for _, it := range items {
		if it.Err != nil {
			out = append(out, fmt.Sprintf("%d:%s", it.Index, strings.TrimPrefix(it.Err.Error(), "f ")))
		} else {
			out = append(out, fmt.Sprintf("%d:%s:%d-%d", it.Index, it.Format, it.Offset, it.End))
		}
	}
	return out
}

func readAll(r *input.Reader, data []byte) []input.Item {
	var items []input.Item
	r.ReadStream("f", bytes.NewReader(data), func(it input.Item) bool { items = append(items, it); return true })
	return items
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

func pemOf(typ string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
}

func TestReadStream(t *testing.T) {
	p, q := fixtures.PEM(dac), fixtures.PEM(pai)
	key := pemOf("PRIVATE KEY", []byte{1, 2, 3})
	d, e := len(dac), len(dac)+len(pai)
	big := pemOf("CERTIFICATE", bytes.Repeat([]byte{0x30}, input.MaxCertificateSize+1))
	bigLines := bytes.Count(big, []byte("\n"))
	pLines := bytes.Count(p, []byte("\n"))
	tests := []struct {
		name string
		data []byte
		want []string
	}{
		{"pem bundle", cat(p, q), []string{fmt.Sprintf("0:pem:0-%d", len(p)), fmt.Sprintf("1:pem:%d-%d", len(p), len(p)+len(q))}},
		{"pem with text around", cat([]byte("subject=...\n"), p, []byte("trailer\n")), []string{fmt.Sprintf("0:pem:12-%d", 12+len(p))}},
		{"text before the first block beyond 64 KiB", cat(bytes.Repeat([]byte("subject = CN = x\n"), 5000), p), []string{fmt.Sprintf("0:pem:85000-%d", 85000+len(p))}},
		{"pem crlf", bytes.ReplaceAll(p, []byte("\n"), []byte("\r\n")), []string{fmt.Sprintf("0:pem:0-%d", len(p)+pLines)}},
		{"non-certificate block", cat(key, p), []string{`0:[0]: PEM block is "PRIVATE KEY", not a CERTIFICATE: this is a private key, which matterlint does not read`, fmt.Sprintf("1:pem:%d-%d", len(key), len(key)+len(p))}},
		{"crl block", pemOf("X509 CRL", crl), []string{"0:[0]: PEM block is \"X509 CRL\", not a CERTIFICATE: this is a CRL: use `matterlint crl`"}},
		{"block without END swallows nothing", cat(p[:100], p, q), []string{
			`0:[0]: truncated PEM: "CERTIFICATE" block at line 1 has no END line before the BEGIN line at line 3; lines 1-3 skipped`,
			fmt.Sprintf("1:pem:100-%d", 100+len(p)), fmt.Sprintf("2:pem:%d-%d", 100+len(p), 100+len(p)+len(q))}},
		{"truncated at the end", cat(p, p[:100]), []string{fmt.Sprintf("0:pem:0-%d", len(p)),
			fmt.Sprintf(`1:[1]: truncated PEM: "CERTIFICATE" block at line %d has no END line before the end of the input; lines %d-%d skipped`, pLines+1, pLines+1, pLines+3)}},
		{"oversize block in the middle", cat(p, big, q), []string{fmt.Sprintf("0:pem:0-%d", len(p)),
			fmt.Sprintf("1:[1]: PEM block of %d bytes exceeds the %d-byte limit; lines %d-%d skipped", input.MaxCertificateSize+1, input.MaxCertificateSize, pLines+1, pLines+bigLines),
			fmt.Sprintf("2:pem:%d-%d", len(p)+len(big), len(p)+len(big)+len(q))}},
		{"empty blocks", bytes.Repeat([]byte("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n"), 2),
			[]string{"0:[0]: empty PEM block (lines 1-2)", "1:[1]: empty PEM block (lines 3-4)"}},
		{"bad base64", []byte("-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n"), []string{"0:[0]: invalid base64 in PEM block (lines 1-3): illegal base64 data at input byte 0"}},
		{"mismatched END", []byte("-----BEGIN CERTIFICATE-----\nMAA=\n-----END X509 CRL-----\n"), []string{`0:[0]: PEM BEGIN "CERTIFICATE" does not match END "X509 CRL" (lines 1-3)`}},
		{"der", dac, []string{fmt.Sprintf("0:der:0-%d", d)}},
		{"concatenated der", cat(dac, pai), []string{fmt.Sprintf("0:der:0-%d", d), fmt.Sprintf("1:der:%d-%d", d, e)}},
		{"stray bytes between der objects", cat(dac, []byte{0x02, 0x01, 0x05, 0xFF}, pai, dac), []string{fmt.Sprintf("0:der:0-%d", d),
			fmt.Sprintf("1:[1]: 4 bytes at byte %d are not a DER element (first byte 0x02 is not a SEQUENCE); skipped up to the next SEQUENCE", d),
			fmt.Sprintf("2:der:%d-%d", d+4, e+4), fmt.Sprintf("3:der:%d-%d", e+4, e+4+d)}},
		{"trailing bytes kept with the last element", cat(dac, []byte{0, 0}), []string{fmt.Sprintf("0:der:0-%d", d+2)}},
		{"oversize der element skipped by its length", cat(dac, []byte{0x30, 0x83, 0x10, 0x00, 0x00}, make([]byte, 0x100000), pai),
			[]string{fmt.Sprintf("0:der:0-%d", d), fmt.Sprintf("1:[1]: element at byte %d of 1048581 bytes exceeds the %d-byte limit; skipped", d, input.MaxCertificateSize),
				fmt.Sprintf("2:der:%d-%d", d+1048581, e+1048581)}},
		{"truncated der", dac[:len(dac)-10], []string{fmt.Sprintf("0:[0]: truncated: element at byte 0 declares %d bytes, only %d present", d, d-10)}},
		{"hex", []byte("0x" + strings.ToUpper(hex.EncodeToString(dac))), []string{fmt.Sprintf("0:hex:0-%d", d)}},
		{"empty", nil, []string{"-1:f: empty input"}},
		{"garbage", []byte{0x01, 0x02, 0x03, 0xFF}, []string{"-1:f: not PEM, DER, hex or base64"}},
		{"indefinite length", []byte{0x30, 0x80, 0x01, 0x01}, []string{"-1:f: not PEM, DER, hex or base64"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, render(readAll(&input.Reader{}, tc.data))); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

// TestCRLsUpToTheirLimit: a CRL reader takes objects over the certificate
// limit.
func TestCRLsUpToTheirLimit(t *testing.T) {
	big := cat([]byte{0x30, 0x83, 0x02, 0x00, 0x00}, make([]byte, 0x20000))
	items := readAll(input.ForCRLs(nil), cat(crl, big))
	if got := render(items); len(got) != 2 || items[0].Err != nil || items[1].Err != nil {
		t.Fatalf("got %q", got)
	}
}

// eioReader returns data up to n bytes, then EIO.
type eioReader struct {
	data []byte
	n    int
}

func (r *eioReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, syscall.EIO
	}
	k := copy(p, r.data[:min(len(r.data), r.n)])
	r.data, r.n = r.data[k:], r.n-k
	return k, nil
}

// TestReadErrorAtEveryOffset: whatever byte a read fails at, the objects
// read before it are delivered, then one I/O item with the offset, and
// nothing is taken for the end of the input.
func TestReadErrorAtEveryOffset(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
	}{{"pem", cat(fixtures.PEM(dac), fixtures.PEM(pai))}, {"der", cat(dac, pai)}} {
		t.Run(tc.name, func(t *testing.T) {
			for n := 0; n < len(tc.data); n++ {
				var items []input.Item
				(&input.Reader{}).ReadStream("f", &eioReader{data: tc.data, n: n}, func(it input.Item) bool { items = append(items, it); return true })
				last := items[len(items)-1]
				if last.Err == nil || !errors.Is(last.Err, input.ErrIO) || !errors.Is(last.Err, syscall.EIO) || last.Err.Offset != int64(n) {
					t.Fatalf("offset %d: last item %+v, want an EIO item at byte %d", n, last.Err, n)
				}
				for _, it := range items[:len(items)-1] {
					if it.Err != nil || it.End > int64(n) {
						t.Fatalf("offset %d: item %d: %v (ends at %d)", n, it.Index, it.Err, it.End)
					}
				}
				if complete := completeBefore(tc.data, n, tc.name); len(items)-1 != complete {
					t.Fatalf("offset %d: %d objects before the error, want %d", n, len(items)-1, complete)
				}
			}
		})
	}
}

// completeBefore counts the objects wholly inside data[:n].
func completeBefore(data []byte, n int, format string) int {
	if format == "pem" {
		return bytes.Count(data[:n], []byte("-----END CERTIFICATE-----\n"))
	}
	k := 0
	for _, end := range []int{len(dac), len(dac) + len(pai)} {
		if end <= n {
			k++
		}
	}
	return k
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
	for _, tc := range []struct {
		data []byte
		want error
	}{
		{[]byte{1, 2, 3}, input.ErrNotObject},
		{cat(dac, []byte{0}, pai), input.ErrStray},
		{dac[:20], input.ErrTruncated},
		{fixtures.PEM(dac)[:80], input.ErrTruncated},
	} {
		var e error = errors.New("no error item")
		for _, it := range readAll(&input.Reader{}, tc.data) {
			if it.Err != nil {
				e = it.Err
				break
			}
		}
		if !errors.Is(e, tc.want) {
			t.Errorf("%x: got %v, want %v", tc.data[:4], e, tc.want)
		}
	}
	dir := t.TempDir()
	f := filepath.Join(dir, "set.json")
	os.WriteFile(f, make([]byte, 101), 0o644)
	_, err := input.ReadFileLimit(f, 100, "revocation set")
	var tl *input.TooLargeError
	if !errors.As(err, &tl) || !errors.Is(err, input.ErrTooLarge) || tl.Size != 101 || tl.File != f {
		t.Errorf("ReadFileLimit over the limit: %v", err)
	}
	if b, err := input.ReadFileLimit(f, 101, "revocation set"); err != nil || len(b) != 101 {
		t.Errorf("ReadFileLimit at the limit: %d bytes, %v", len(b), err)
	}
}

func sources(items []input.Item) []string {
	var got []string
	for _, it := range items {
		s := filepath.Base(it.Source) + "#" + fmt.Sprint(it.Index)
		if it.Err != nil {
			s += " " + it.Err.Msg
		}
		got = append(got, s)
	}
	return got
}

func TestDirectoryWalk(t *testing.T) {
	var items []input.Item
	(&input.Reader{}).Read([]string{"../testdata/certs/valid"}, func(it input.Item) bool { items = append(items, it); return true })
	want := []string{"chain.pem#0", "chain.pem#1", "chain.pem#2", "chain.pem#3", "crl-signer.pem#0", "dac.pem#0", "paa.pem#0", "pai.pem#0"}
	if diff := cmp.Diff(want, sources(items)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// TestDirectoryEntriesNotRead: symbolic links to files and directories are
// followed, and every entry that is not read is reported with the reason.
func TestDirectoryEntriesNotRead(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	os.WriteFile(filepath.Join(sub, "dac.pem"), fixtures.PEM(dac), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("hello"), 0o644)
	must(t, os.Symlink(filepath.Join(sub, "dac.pem"), filepath.Join(dir, "a-link.pem")))
	must(t, os.Symlink(dir, filepath.Join(sub, "loop")))
	must(t, os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "broken.pem")))
	must(t, syscall.Mkfifo(filepath.Join(dir, "fifo.pem"), 0o644))
	var items []input.Item
	var ignored []string
	(&input.Reader{Ignored: func(p string) { ignored = append(ignored, filepath.Base(p)) }}).Read([]string{dir}, func(it input.Item) bool { items = append(items, it); return true })
	want := []string{
		"a-link.pem#0",
		"broken.pem#-1 not read: broken symbolic link",
		"fifo.pem#-1 not read: a named pipe (FIFO), not a regular file",
		"dac.pem#0",
		"loop#-1 not read: symbolic link loop (it leads back to a directory being read)",
	}
	if diff := cmp.Diff(want, sources(items)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if diff := cmp.Diff([]string{"notes.txt"}, ignored); diff != "" {
		t.Errorf("ignored (-want +got)\n%s", diff)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestLargeBundleStreams(t *testing.T) {
	p := fixtures.PEM(dac)
	n := 0
	input.ReadStream("big", bytes.NewReader(bytes.Repeat(p, 5000)), func(it input.Item) bool {
		if it.Err != nil || !bytes.Equal(it.DER, dac) || it.Index != n {
			t.Fatalf("item %d: %+v", n, it.Err)
		}
		n++
		return true
	})
	if n != 5000 {
		t.Errorf("read %d certificates, want 5000", n)
	}
}

func TestDetect(t *testing.T) {
	key := fixtures.Key("dac")
	csr, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{}, key)
	must(t, err)
	pkcs8, err := x509.MarshalPKCS8PrivateKey(key)
	must(t, err)
	sec1, err := x509.MarshalECPrivateKey(key)
	must(t, err)
	// PFX { version 3, authSafe ContentInfo { id-data, [0] OCTET STRING } }
	pfx := []byte{0x30, 0x16, 0x02, 0x01, 0x03, 0x30, 0x11, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01, 0xA0, 0x04, 0x04, 0x02, 0x30, 0x00}
	tests := []struct {
		name string
		der  []byte
		want input.ObjectKind
	}{
		{"DAC", dac, input.KindCertificate},
		{"PAI", pai, input.KindCertificate},
		{"every rule fixture certificate", nil, input.KindCertificate},
		{"CRL", crl, input.KindCRL},
		{"CD", fixtures.ValidCD().DER(), input.KindCMS},
		{"CSR", csr, input.KindCSR},
		{"PKCS#8 key", pkcs8, input.KindPrivateKey},
		{"SEC 1 key", sec1, input.KindPrivateKey},
		{"PKCS#12", pfx, input.KindPKCS12},
		{"garbage", []byte{0x30, 0x03, 0x01, 0x01, 0xFF}, input.KindUnknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.der != nil {
				if got := input.Detect(tc.der); got != tc.want {
					t.Errorf("Detect = %v, want %v", got, tc.want)
				}
				return
			}
			for _, c := range fixtures.AllCases() {
				if c.Build == nil {
					continue
				}
				if got := input.Detect(c.Build().DER()); got != tc.want && got != input.KindUnknown {
					t.Errorf("%s: Detect = %v, want %v (or unknown)", c.Rule, got, tc.want)
				}
			}
		})
	}
}

// TestStdinIsStreamed: objects are delivered before the input ends.
func TestStdinIsStreamed(t *testing.T) {
	pr, pw := io.Pipe()
	got := make(chan input.Item)
	go (&input.Reader{Stdin: pr}).Read([]string{"-"}, func(it input.Item) bool { got <- it; return true })
	go pw.Write(fixtures.PEM(dac))
	if it := <-got; it.Err != nil || !bytes.Equal(it.DER, dac) {
		t.Fatalf("first item: %v", it.Err)
	}
	pw.Close()
}
