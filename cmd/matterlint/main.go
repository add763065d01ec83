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
	"strings"

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
error, 3 an input is not a certificate.
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
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
		return exitUsage, false
	}
	return 0, true
}

// addFormatFlag adds --format with the formats every subcommand writes.
func addFormatFlag(fs *pflag.FlagSet) *string {
	return fs.String("format", "text", "output format: "+strings.Join(formats, ", "))
}
