// Command matterlint lints and verifies Matter device-attestation
// certificates (PAA, PAI, DAC), Certification Declarations, CRLs and DCL
// revocation points offline. `matterlint help` lists the commands and
// `matterlint help COMMAND` (the same as `matterlint COMMAND --help`) their
// flags; `matterlint man` writes the manual page.
//
// Exit codes: 0 no failing object; 1 failing objects (error-level findings,
// or at the --fail-on threshold); 2 usage or I/O error, or nothing to check;
// 3 an input is not the kind of object the command reads.
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

// env is what a command runs with.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// ci holds the shared CI controls of commands that read inputs (nil
	// for the others); inputs are the paths given (arguments, --files-from
	// and @lists).
	ci     *ciFlags
	inputs []string
	fs     *pflag.FlagSet
}

// command is one subcommand. Its flags are declared by setup, which returns
// the function that runs it; help, completion and the man page are generated
// from the same flag set.
type command struct {
	name, args, summary string
	// details is the help text after the usage line.
	details string
	// ci: the command reads inputs and has the CI controls (--format,
	// --fail-on, --quiet, --summary, --config, --files-from); failOn is its
	// --fail-on default.
	ci     bool
	failOn string
	setup  func(fs *pflag.FlagSet) func(e *env) int
}

// commands lists the subcommands in the order help shows them.
func commands() []*command {
	return []*command{
		lintCommand(), verifyCommand(), cdCommand(), crlCommand(), revocationSetCommand(),
		explainCommand(), paaCommand(), listLintsCommand(), versionCommand(), dclCommand(),
		{name: "completion", args: "bash|zsh|fish", summary: "print a shell completion script",
			details: "Load it with e.g. `source <(matterlint completion bash)`.", setup: func(*pflag.FlagSet) func(*env) int { return runCompletion }},
		{name: "man", summary: "print the manual page (roff)", details: "e.g. `matterlint man > matterlint.1; man ./matterlint.1`.",
			setup: func(*pflag.FlagSet) func(*env) int { return runMan }},
		{name: "help", args: "[COMMAND]", summary: "show the commands, or a command's flags (the same as COMMAND --help)",
			setup: func(*pflag.FlagSet) func(*env) int { return runHelp }},
	}
}

func lookupCommand(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

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

// fd returns the *os.File under w (through a checkedWriter), or nil.
func fd(w io.Writer) *os.File {
	if c, ok := w.(*checkedWriter); ok {
		w = c.w
	}
	f, _ := w.(*os.File)
	return f
}

func runCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		writeUsage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help":
		writeUsage(stdout)
		return exitOK
	case "--version":
		args[0] = "version"
	}
	c := lookupCommand(args[0])
	if c == nil {
		msg := fmt.Sprintf("matterlint: unknown command %q", args[0])
		if near := nearest(args[0], commandNames()); near != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", near)
		}
		fmt.Fprintf(stderr, "%s\nRun 'matterlint help' for the commands.\n", msg)
		return exitUsage
	}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	fs, runFn := c.flagSet(e)
	e.fs = fs
	if code, ok := parseFlags(fs, args[1:]); !ok {
		return code
	}
	if e.ci != nil {
		inputs, code, ok := e.ci.load(c, fs, e)
		if !ok {
			return code
		}
		e.inputs = inputs
	}
	return runFn(e)
}

// flagSet builds c's flags (with the CI controls when c has them) and help.
func (c *command) flagSet(e *env) (*pflag.FlagSet, func(*env) int) {
	fs := pflag.NewFlagSet(c.name, pflag.ContinueOnError)
	fs.SortFlags = false
	if e != nil {
		fs.SetOutput(e.stderr)
	} else {
		fs.SetOutput(io.Discard)
	}
	var ci *ciFlags
	if c.ci {
		ci = addCIFlags(fs, c.failOn)
	}
	runFn := c.setup(fs)
	if e != nil {
		e.ci = ci
		fs.Usage = func() { writeCommandHelp(e.stdout, c, fs) }
	}
	return fs, runFn
}

func commandNames() []string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return names
}

// writeUsage is the top-level help, generated from the command table.
func writeUsage(w io.Writer) {
	fmt.Fprint(w, "matterlint: lint and verify Matter device-attestation certificates (PAA, PAI, DAC),\nCertification Declarations, CRLs and DCL revocation points, offline\n\nUsage: matterlint COMMAND [flags] [ARGS]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-16s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Inputs (PATH) are PEM files (bundles of any size), DER files (one or several
objects), hex or base64 files, directories (read recursively) or - for
standard input; @FILE and --files-from FILE read more paths, one a line.

Run 'matterlint help COMMAND' for a command's flags.

Exit codes: 0 no failing object, 1 failing objects (error-level findings, or
at the --fail-on threshold), 2 usage or I/O error (also when no input holds
anything to check), 3 an input is not the kind of object the command reads;
the worst applies: 2 over 3 over 1.
`)
}

// writeCommandHelp is `matterlint help CMD` and `CMD --help`.
func writeCommandHelp(w io.Writer, c *command, fs *pflag.FlagSet) {
	fmt.Fprintf(w, "Usage: matterlint %s", c.name)
	if fs.HasFlags() {
		fmt.Fprint(w, " [flags]")
	}
	if c.args != "" {
		fmt.Fprint(w, " "+c.args)
	}
	fmt.Fprintf(w, "\n\n%s.\n", upperFirst(c.summary))
	if c.details != "" {
		fmt.Fprintf(w, "\n%s\n", c.details)
	}
	if fs.HasFlags() {
		fmt.Fprintf(w, "\nFlags:\n%s", fs.FlagUsages())
	}
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func runHelp(e *env) int {
	args := e.fs.Args()
	if len(args) == 0 {
		writeUsage(e.stdout)
		return exitOK
	}
	c := lookupCommand(args[0])
	if c == nil {
		fmt.Fprintf(e.stderr, "matterlint help: unknown command %q\n", args[0])
		return exitUsage
	}
	fs, _ := c.flagSet(nil)
	writeCommandHelp(e.stdout, c, fs)
	return exitOK
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
			var names []string
			fs.VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
			if near := nearest(name, names); near != "" {
				msg += fmt.Sprintf(" (did you mean --%s?)", near)
			}
		}
		fmt.Fprintf(fs.Output(), "matterlint %s: %s\nRun 'matterlint %s --help' for usage.\n", fs.Name(), msg, fs.Name())
		return exitUsage, false
	}
	return 0, true
}

// nearest returns the name closest to name (at most two edits away, or name
// is a prefix of it), or "".
func nearest(name string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		d := editDistance(name, n)
		if strings.HasPrefix(n, name) && len(name) >= 3 {
			d = min(d, 1)
		}
		if d < bestD {
			best, bestD = n, d
		}
	}
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

// noObjects ends a command that found nothing of what it checks: an error,
// not a success.
func noObjects(stderr io.Writer, command, what string) int {
	fmt.Fprintf(stderr, "matterlint %s: no %s found in the inputs\n", command, what)
	return exitUsage
}
