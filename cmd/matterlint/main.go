// Command matterlint lints and verifies Matter device-attestation
// certificates (PAA, PAI, DAC) offline.
//
//	matterlint lint [flags] PATH...     lint certificates (PEM bundles, DER, hex, base64, directories, -)
//	matterlint verify --dac F --pai F   verify a DAC → PAI → PAA chain
//	matterlint cd FILE...               decode, lint and verify Certification Declarations
//	matterlint explain CODE             explain an SDK attestation result code
//	matterlint paa list                 list the trusted PAAs
//	matterlint list-lints [--json]      print every rule with its metadata
//	matterlint version                  print the version
//
// Exit codes: 0 no error-level finding; 1 error-level findings; 2 usage or
// I/O error; 3 an input is not a certificate.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/pflag"
)

// Exit codes.
const (
	exitOK             = 0
	exitFindings       = 1
	exitUsage          = 2
	exitNotCertificate = 3
)

const version = "0.1.0"

func main() {
	// Batches keep a few compact, pointer-free tables alive (the batch
	// rules) and allocate a little garbage per certificate. A lower GC
	// target keeps peak memory close to the live data; it costs little CPU
	// because the large tables need no scanning. GOGC still overrides it.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `matterlint: lint Matter device-attestation certificates (PAA, PAI, DAC) offline

Usage:
  matterlint lint [--role auto|paa|pai|dac|crl-signer] [--at RFC3339|now] [--format text|json] PATH...
  matterlint verify --dac F --pai F [--paa F | --paa-dir D ...] [--vid HEX --pid HEX]
                    [--at TIME | --no-current-time] [--format text|json] [DACS...]
                    [--cd F [--allow-test-cd-key] [--cd-signer-dir D]]
  matterlint cd [--format text|json] [--allow-test-cd-key] [--cd-signer-dir D] [--vid HEX --pid HEX] FILE...
  matterlint crl [--format text|json] [--signer F] FILE...
  matterlint revocation-set --points FILE (--crl-dir D | --crl-map FILE) [--paa-dir D ...] [-o FILE]
  matterlint explain CODE             (e.g. explain 303, explain kDacFormatInvalid)
  matterlint paa list [--paa-dir D]   (default: the embedded production PAAs)
  matterlint list-lints [--json]
  matterlint version

PATH is a PEM file (bundles of many certificates), a DER file, a hex or base64
file, a directory (read recursively: *.pem *.der *.crt *.cer *.cert) or - for
standard input.

Exit codes: 0 no error-level finding, 1 error-level findings, 2 usage or I/O
error (also when no input holds anything to check), 3 an input is not a
certificate; the worst applies: 2 over 3 over 1.
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out := &checkedWriter{w: stdout}
	code := runCommand(args, stdin, out, stderr)
	if out.err != nil {
		fmt.Fprintf(stderr, "matterlint: cannot write the output: %v\n", out.err)
		return exitUsage
	}
	return code
}

// checkedWriter remembers the first write error, so that no command can
// end with a success code after failing to write its output (a full disk).
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	c.err = err
	return n, err
}

func runCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "lint":
		return runLint(args[1:], stdin, stdout, stderr)
	case "verify":
		return runVerify(args[1:], stdin, stdout, stderr)
	case "cd":
		return runCD(args[1:], stdin, stdout, stderr)
	case "crl":
		return runCRL(args[1:], stdin, stdout, stderr)
	case "revocation-set":
		return runRevocationSet(args[1:], stdout, stderr)
	case "explain":
		return runExplain(args[1:], stdout, stderr)
	case "paa":
		return runPAA(args[1:], stdout, stderr)
	case "list-lints":
		return runListLints(args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "matterlint", version)
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "matterlint: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// parseFlags parses a subcommand's flags; ok is false when the command
// should exit with code (0 after --help, 2 on a usage error).
func parseFlags(fs *pflag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK, false
		}
		msg := err.Error()
		if name, found := strings.CutPrefix(msg, "unknown flag: --"); found {
			if near := nearestFlag(fs, name); near != "" {
				msg += fmt.Sprintf(" (did you mean --%s?)", near)
			}
		}
		fmt.Fprintf(fs.Output(), "matterlint %s: %s\nRun 'matterlint %s --help' for usage.\n", fs.Name(), msg, fs.Name())
		return exitUsage, false
	}
	return 0, true
}

// nearestFlag returns the flag of fs closest to name (at most two edits
// away, or name is a prefix of it), or "".
func nearestFlag(fs *pflag.FlagSet, name string) string {
	best, bestD := "", 3
	fs.VisitAll(func(f *pflag.Flag) {
		d := editDistance(name, f.Name)
		if strings.HasPrefix(f.Name, name) && len(name) >= 3 {
			d = min(d, 1)
		}
		if d < bestD {
			best, bestD = f.Name, d
		}
	})
	return best
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			sub := prev[j-1]
			if a[i-1] != b[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev = cur
	}
	return prev[len(b)]
}

// safeText escapes what a terminal would interpret in names and messages
// printed as text: control characters (escape sequences), invalid UTF-8 and
// other unprintable runes.
func safeText(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	q := strconv.QuoteToGraphic(s)
	return q[1 : len(q)-1]
}

// noObjects ends a command that found nothing of what it checks: an error,
// not a success.
func noObjects(stderr io.Writer, command, what string) int {
	fmt.Fprintf(stderr, "matterlint %s: no %s found in the inputs\n", command, what)
	return exitUsage
}

// addFormatFlag adds --format with the formats every subcommand writes.
func addFormatFlag(fs *pflag.FlagSet) *string {
	return fs.String("format", "text", "output format: "+strings.Join(formats, ", "))
}
