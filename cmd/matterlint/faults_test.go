package main

import (
	"bytes"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/report"
)

// faultCommand is a subcommand under fault injection: its arguments before
// the inputs, three good objects it reads, and its exit code on them.
type faultCommand struct {
	name    string
	args    func(t *testing.T) []string
	objects [][]byte // DER
	pemType string   // "" when the command does not read PEM
}

func faultCommands() []faultCommand {
	cd := fixtures.ValidCD().DER()
	crl := fixtures.ValidCRL().DER()
	dac := fixtures.ValidDAC().DER()
	return []faultCommand{
		{"lint", func(*testing.T) []string { return []string{"lint"} },
			[][]byte{fixtures.ValidPAA().DER(), fixtures.ValidPAI().DER(), dac}, "CERTIFICATE"},
		{"verify", func(t *testing.T) []string {
			_, pai, paa := writeChain(t, nil)
			return []string{"verify", "--pai", pai, "--paa", paa, "--no-current-time"}
		}, [][]byte{dac, dac, dac}, "CERTIFICATE"},
		// the fixture CD's signer is not a CSA key: every CD fails (exit 1)
		{"cd", func(*testing.T) []string { return []string{"cd"} }, [][]byte{cd, cd, cd}, ""},
		{"crl", func(*testing.T) []string { return []string{"crl"} }, [][]byte{crl, crl, crl}, "X509 CRL"},
	}
}

// faultDoc is what every command's JSON output has in common.
type faultDoc struct {
	Results []struct {
		Input string `json:"input"`
		Index int    `json:"index"`
		Error *struct {
			Kind    string `json:"kind"`
			Message string `json:"message"`
		} `json:"error"`
	} `json:"results"`
	Verdict string `json:"verdict"`
}

// fault is one way an input goes wrong: it writes the inputs into dir (or
// gives stdin) and says which error the bad item gets.
type fault struct {
	name  string
	pem   bool // needs a command that reads PEM
	setup func(t *testing.T, c faultCommand, dir string) (paths []string, stdin *faultReader)
	kind  string // error kind of the bad item
	good  int    // good objects that must all be reported
	exit  int
}

// faultReader serves data, then fails with EIO.
type faultReader struct {
	data []byte
	err  error
}

func (r *faultReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func der(objs ...[]byte) []byte { return bytes.Join(objs, nil) }

func pemBlocks(typ string, objs ...[]byte) []byte {
	var out []byte
	for _, o := range objs {
		out = append(out, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: o})...)
	}
	return out
}

func write(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func faults() []fault {
	o := func(c faultCommand) ([]byte, []byte, []byte) { return c.objects[0], c.objects[1], c.objects[2] }
	return []fault{
		{name: "EIO in the middle of the third object", kind: "io", good: 2, exit: exitUsage,
			setup: func(t *testing.T, c faultCommand, dir string) ([]string, *faultReader) {
				a, b, x := o(c)
				return []string{"-"}, &faultReader{data: der(a, b, x[:len(x)/2]), err: syscall.EIO}
			}},
		{name: "EIO before anything", kind: "io", good: 0, exit: exitUsage,
			setup: func(t *testing.T, c faultCommand, dir string) ([]string, *faultReader) {
				return []string{"-"}, &faultReader{err: syscall.EIO}
			}},
		{name: "file truncated mid-object", kind: "not-certificate", good: 2, exit: exitNotCertificate,
			setup: func(t *testing.T, c faultCommand, dir string) ([]string, *faultReader) {
				a, b, x := o(c)
				return []string{write(t, dir, "cut.der", der(a, b, x[:len(x)-7]))}, nil
			}},
		{name: "file deleted before it is read", kind: "io", good: 3, exit: exitUsage,
			setup: func(t *testing.T, c faultCommand, dir string) ([]string, *faultReader) {
				a, b, x := o(c)
				gone := write(t, dir, "gone.der", a)
				os.Remove(gone)
				return []string{write(t, dir, "1.der", a), gone, write(t, dir, "2.der", der(b, x))}, nil
			}},
		{name: "stray bytes between DER objects", kind: "not-certificate", good: 3, exit: exitNotCertificate,
			setup: func(t *testing.T, c faultCommand, dir string) ([]string, *faultReader) {
				a, b, x := o(c)
				return []string{write(t, dir, "stray.der", der(a, []byte{0x02, 0x01, 0x05, 0xFF, 0xFF}, b, x))}, nil
			}},
		{name: "PEM block without END", pem: true, kind: "not-certificate", good: 2, exit: exitNotCertificate,
			setup: func(t *testing.T, c faultCommand, dir string) ([]string, *faultReader) {
				a, b, x := o(c)
				p := pemBlocks(c.pemType, a)
				return []string{write(t, dir, "noend.pem", der(p[:len(p)-30], pemBlocks(c.pemType, b, x)))}, nil
			}},
		{name: "oversize PEM block in the middle", pem: true, kind: "not-certificate", good: 3, exit: exitNotCertificate,
			setup: func(t *testing.T, c faultCommand, dir string) ([]string, *faultReader) {
				a, b, x := o(c)
				big := pemBlocks(c.pemType, make([]byte, 17<<20))
				return []string{write(t, dir, "big.pem", der(pemBlocks(c.pemType, a), big, pemBlocks(c.pemType, b, x)))}, nil
			}},
		{name: "symlink loop in a directory", kind: "io", good: 3, exit: exitUsage,
			setup: func(t *testing.T, c faultCommand, dir string) ([]string, *faultReader) {
				a, b, x := o(c)
				write(t, dir, "objects.der", der(a, b, x))
				if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
					t.Fatal(err)
				}
				return []string{dir}, nil
			}},
		{name: "FIFO in a directory", kind: "io", good: 3, exit: exitUsage,
			setup: func(t *testing.T, c faultCommand, dir string) ([]string, *faultReader) {
				a, b, x := o(c)
				write(t, dir, "objects.der", der(a, b, x))
				if err := syscall.Mkfifo(filepath.Join(dir, "fifo.der"), 0o644); err != nil {
					t.Fatal(err)
				}
				return []string{dir}, nil
			}},
	}
}

// TestFaultInjection: for every command and fault, the bad item is reported
// with its kind, every good object is there, and the exit code is the
// worst of the inputs (I/O 2 over not-a-certificate 3 over findings 1).
func TestFaultInjection(t *testing.T) {
	for _, c := range faultCommands() {
		for _, f := range faults() {
			if f.pem && c.pemType == "" {
				continue
			}
			t.Run(c.name+"/"+f.name, func(t *testing.T) {
				paths, stdin := f.setup(t, c, t.TempDir())
				var out, errb bytes.Buffer
				var in *faultReader = stdin
				if in == nil {
					in = &faultReader{err: errors.New("stdin not used")}
				}
				code := run(append(append(c.args(t), "--format", "json"), paths...), in, &out, &errb)
				var d faultDoc
				if err := json.Unmarshal(out.Bytes(), &d); err != nil {
					t.Fatalf("output is not JSON: %v\n%s\n%s", err, out.String(), errb.String())
				}
				good, bad := 0, 0
				for _, r := range d.Results {
					switch {
					case r.Error == nil:
						good++
					case r.Error.Kind == f.kind, f.kind == "not-certificate" && strings.HasPrefix(r.Error.Kind, "not-"):
						bad++ // a CD or CRL command's kind is not-cd, not-crl
					default:
						t.Errorf("unexpected %s error: %s", r.Error.Kind, r.Error.Message)
					}
				}
				if good != f.good || bad != 1 {
					t.Errorf("%d good (want %d) and %d %s items (want 1):\n%s", good, f.good, bad, f.kind, out.String())
				}
				if code != f.exit { // 2 and 3 take precedence over the command's 0 or 1
					t.Errorf("exit %d, want %d", code, f.exit)
				}
				if c.name == "verify" && f.kind == "io" && d.Verdict != "error" {
					t.Errorf("verdict %q with an unreadable input, want error", d.Verdict)
				}
			})
		}
	}
}

// failingWriter fails every write, like a full disk.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// TestWriteErrorsExit2: a failed write of the output exits 2 with a message
// in every command and format.
func TestWriteErrorsExit2(t *testing.T) {
	for _, c := range faultCommands() {
		for _, format := range report.Formats() {
			t.Run(c.name+"/"+string(format), func(t *testing.T) {
				dir := t.TempDir()
				p := write(t, dir, "objects.der", der(c.objects...))
				var errb bytes.Buffer
				code := run(append(append(c.args(t), "--format", string(format)), p), strings.NewReader(""), failingWriter{}, &errb)
				if code != exitUsage || !strings.Contains(errb.String(), "no space left on device") {
					t.Errorf("exit %d, stderr %q", code, errb.String())
				}
			})
		}
	}
	dir := t.TempDir()
	code, _, errs := runCLI(t, "", "revocation-set", "--points", filepath.Join(certs, "..", "revocation", "points-direct.json"),
		"--crl-map", filepath.Join(certs, "..", "revocation", "crl-map.json"), "--paa-dir", filepath.Join(certs, "..", "revocation", "paa"),
		"-o", filepath.Join(dir, "missing-dir", "set.json"))
	if code != exitUsage || !strings.Contains(errs, "no such file or directory") {
		t.Errorf("revocation-set -o into a missing directory: exit %d, stderr %q", code, errs)
	}
}

// TestUnprintableNames: terminal escapes in file names are escaped in text
// output (and kept as they are in JSON).
func TestUnprintableNames(t *testing.T) {
	for _, c := range faultCommands() {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			p := write(t, dir, "evil\x1b]0;pwned\x07.der", der(c.objects[0], []byte{0xFF}, c.objects[1]))
			_, out, _ := runCLI(t, "", append(c.args(t), p)...)
			if strings.ContainsAny(out, "\x1b\x07") || !strings.Contains(out, `evil\x1b]0;pwned\a.der`) {
				t.Errorf("text output does not escape the name:\n%q", out)
			}
			_, out, _ = runCLI(t, "", append(c.args(t), "--format", "json", p)...)
			var d faultDoc
			if err := json.Unmarshal([]byte(out), &d); err != nil || len(d.Results) == 0 || d.Results[0].Input != p {
				t.Errorf("JSON does not keep the name: %v %q", err, out)
			}
		})
	}
}

// TestNothingToCheck: inputs that hold no object at all are an error, not
// a success with zero objects checked.
func TestNothingToCheck(t *testing.T) {
	for _, c := range faultCommands() {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "notes.md", []byte("nothing here"))
			code, _, errs := runCLI(t, "", append(c.args(t), dir)...)
			if code != exitUsage || !strings.Contains(errs, "found in the inputs") || !strings.Contains(errs, "not read for their extension") {
				t.Errorf("exit %d, stderr %q", code, errs)
			}
		})
	}
}

// TestWrongObjectKind: a DER CRL, CSR or CD given to the wrong command is
// refused with the command that reads it.
func TestWrongObjectKind(t *testing.T) {
	dir := t.TempDir()
	crl := write(t, dir, "crl.der", fixtures.ValidCRL().DER())
	cd := write(t, dir, "cd.der", fixtures.ValidCD().DER())
	dac := write(t, dir, "dac.der", fixtures.ValidDAC().DER())
	_, pai, paa := writeChain(t, nil)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"lint", crl}, "this is a CRL: use `matterlint crl`"},
		{[]string{"lint", cd}, "use `matterlint cd`"},
		{[]string{"verify", "--pai", pai, "--paa", paa, crl}, "this is a CRL: use `matterlint crl`"},
		{[]string{"crl", dac}, "this is a certificate: use `matterlint lint`"},
		{[]string{"cd", dac}, "this is a certificate: use `matterlint lint`"},
	}
	for _, tc := range tests {
		code, out, _ := runCLI(t, "", tc.args...)
		if code != exitNotCertificate || !strings.Contains(out, tc.want) {
			t.Errorf("%v: exit %d, output lacks %q:\n%s", tc.args[0], code, tc.want, out)
		}
	}
}

// TestFlagErrors: flag errors say what is wrong, suggest a near flag and
// point at --help.
func TestFlagErrors(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"lint", "--formt", "json", "x.pem"}, []string{"unknown flag: --formt", "did you mean --format?", "matterlint lint --help"}},
		{[]string{"lint", "x.pem", "--role"}, []string{"flag needs an argument", "--role", "matterlint lint --help"}},
		{[]string{"verify", "--bogus"}, []string{"unknown flag: --bogus", "matterlint verify --help"}},
		{[]string{"crl", "--jobs", "x"}, []string{"unknown flag: --jobs", "matterlint crl --help"}},
	}
	for _, tc := range tests {
		code, _, errs := runCLI(t, "", tc.args...)
		for _, w := range tc.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%v: stderr lacks %q: %q", tc.args, w, errs)
			}
		}
		if code != exitUsage {
			t.Errorf("%v: exit %d", tc.args, code)
		}
	}
}

// TestRoleFlagsRefuseBundles: --pai takes a bundle only when exactly one of
// its certificates is a PAI, and says which it used.
func TestRoleFlagsRefuseBundles(t *testing.T) {
	dir := t.TempDir()
	dac := write(t, dir, "dac.der", fixtures.ValidDAC().DER())
	chain := write(t, dir, "chain.pem", pemBlocks("CERTIFICATE", fixtures.ValidPAA().DER(), fixtures.ValidPAI().DER(), fixtures.ValidDAC().DER()))
	twoPAIs := write(t, dir, "pais.pem", pemBlocks("CERTIFICATE", fixtures.ValidPAI().DER(), fixtures.ValidPAI().DER()))
	_, _, paa := writeChain(t, nil)
	code, _, errs := runCLI(t, "", "verify", "--pai", chain, "--paa", paa, "--no-current-time", dac)
	if code != exitOK || !strings.Contains(errs, `using certificate [1] "CN=Matterlint Test PAI, VID=A0B1", the only PAI of the 3`) {
		t.Errorf("chain as --pai: exit %d, stderr %q", code, errs)
	}
	code, _, errs = runCLI(t, "", "verify", "--pai", twoPAIs, "--paa", paa, dac)
	if code != exitUsage || !strings.Contains(errs, "holds 2 certificates, 2 of them PAIs") {
		t.Errorf("two PAIs as --pai: exit %d, stderr %q", code, errs)
	}
	code, _, errs = runCLI(t, "", "crl", "--signer", chain, write(t, dir, "crl.der", fixtures.ValidCRL().DER()))
	if code != exitUsage || !strings.Contains(errs, "holds 3 certificates") {
		t.Errorf("chain as --signer: exit %d, stderr %q", code, errs)
	}
}

// TestJSONInputCaps: JSON inputs over their cap are refused before being
// read, naming the file and the limit.
func TestJSONInputCaps(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "set.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(500 << 20) // sparse: 500 MB that cost no disk
	f.Close()
	dac, pai, paa := writeChain(t, nil)
	code, _, errs := runCLI(t, "", "verify", "--dac", dac, "--pai", pai, "--paa", paa, "--revocation-set", big)
	if code != exitUsage || !strings.Contains(errs, fmt.Sprintf("%s: revocation set is 524288000 bytes; the limit is %d bytes (%d MiB)", big, input.MaxJSONSize, input.MaxJSONSize>>20)) {
		t.Errorf("--revocation-set: exit %d, stderr %q", code, errs)
	}
	code, _, errs = runCLI(t, "", "revocation-set", "--points", big, "--crl-dir", dir)
	if code != exitUsage || !strings.Contains(errs, "revocation points is 524288000 bytes") {
		t.Errorf("--points: exit %d, stderr %q", code, errs)
	}
}
