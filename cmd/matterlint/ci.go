package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/report"
	"github.com/spf13/pflag"
)

// completionValues is the flag annotation listing a flag's values for shell
// completion.
const completionValues = "matterlint_values"

// ciFlags are the controls of every command that reads inputs, with one
// implementation: the output format, the exit threshold, quiet and summary
// text output, a configuration file and lists of input paths.
type ciFlags struct {
	format, failOn, config, filesFrom *string
	quiet, summary, exampleConfig     *bool

	outFormat report.Format
	threshold lint.Severity
}

func addCIFlags(fs *pflag.FlagSet, failOn string) *ciFlags {
	var names []string
	for _, f := range report.Formats() {
		names = append(names, string(f))
	}
	c := &ciFlags{}
	c.format = fs.String("format", "text", "output format: "+strings.Join(names, ", "))
	fs.SetAnnotation("format", completionValues, names)
	what := "exit 1 when an object has a finding of this severity or worse: error, warn (or warning), notice, or none"
	if failOn == "none" {
		what += " (failing verdicts always exit 1)"
	}
	c.failOn = fs.String("fail-on", failOn, what)
	fs.SetAnnotation("fail-on", completionValues, []string{"error", "warn", "notice", "none"})
	c.quiet = fs.Bool("quiet", false, "text output: show only the objects that fail, and for lint and crl those with findings")
	c.summary = fs.Bool("summary", false, "text output: add a count of findings per rule")
	c.config = fs.String("config", "", "read settings from this TOML file (flag names as keys, for every command or in a [COMMAND] section; see --example-config); flags win")
	c.exampleConfig = fs.Bool("example-config", false, "print an example configuration file for this command and exit")
	c.filesFrom = fs.String("files-from", "", "read more input paths from this file (- for standard input), one a line")
	return c
}

// load applies the configuration file, checks the shared flags and returns
// the input paths: the arguments (an argument @FILE is replaced by the paths
// FILE lists) and those of --files-from.
func (c *ciFlags) load(cmd *command, fs *pflag.FlagSet, e *env) ([]string, int, bool) {
	fail := func(format string, a ...any) ([]string, int, bool) {
		fmt.Fprintf(e.stderr, "matterlint %s: "+format+"\n", append([]any{cmd.name}, a...)...)
		return nil, exitUsage, false
	}
	if *c.exampleConfig {
		writeExampleConfig(e.stdout, cmd, fs)
		return nil, exitOK, false
	}
	if *c.config != "" {
		if err := applyConfig(*c.config, cmd.name, fs); err != nil {
			return fail("--config %s: %v", *c.config, err)
		}
	}
	var err error
	if c.outFormat, err = report.ParseFormat(*c.format); err != nil {
		return fail("--format: %v", err)
	}
	if *c.failOn != "none" {
		if c.threshold, err = lint.ParseSeverity(*c.failOn); err != nil {
			return fail("--fail-on: %v", err)
		}
	}
	var inputs []string
	for _, a := range fs.Args() {
		if len(a) > 1 && a[0] == '@' {
			list, err := readList(a[1:], e.stdin)
			if err != nil {
				return fail("%s: %v", a, err)
			}
			inputs = append(inputs, list...)
			continue
		}
		inputs = append(inputs, a)
	}
	if *c.filesFrom != "" {
		list, err := readList(*c.filesFrom, e.stdin)
		if err != nil {
			return fail("--files-from: %v", err)
		}
		inputs = append(inputs, list...)
	}
	if (*c.filesFrom == "-" || contains(fs.Args(), "@-")) && contains(inputs, "-") {
		return fail("standard input cannot be both the list of paths and an input")
	}
	return inputs, 0, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// openPathOrStdin opens path, or returns stdin for "-"; done releases it.
func openPathOrStdin(path string, stdin io.Reader) (r io.Reader, done func(), err error) {
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, nil, err
		}
		return f, func() { f.Close() }, nil
	}
	if stdin == nil {
		return nil, nil, fmt.Errorf("no standard input")
	}
	return stdin, func() {}, nil
}

// readList reads the paths of a list file (- for standard input): one a
// line, blank lines skipped.
func readList(path string, stdin io.Reader) ([]string, error) {
	r, closeFn, err := openPathOrStdin(path, stdin)
	if err != nil {
		return nil, err
	}
	defer closeFn()
	var out []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if line := strings.TrimRight(sc.Text(), "\r"); strings.TrimSpace(line) != "" {
			out = append(out, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s lists no path", path)
	}
	return out, nil
}

// writer returns the report writer the flags ask for.
func (c *ciFlags) writer(e *env, command string, rules []report.Rule) *report.Writer {
	w, err := report.New(e.stdout, c.outFormat, report.Options{Command: command, Version: version, Rules: rules,
		FailOn: c.threshold, Quiet: *c.quiet, RuleCounts: *c.summary})
	if err != nil {
		panic(err) // the format was checked by load
	}
	return w
}

// exitFor is the exit code of a run: I/O errors (2) before inputs of the
// wrong kind (3) before failing objects (1).
func exitFor(s report.Summary) int {
	switch {
	case s.IOErrors > 0:
		return exitUsage
	case s.NotCertificates > 0:
		return exitNotCertificate
	case s.Failed > 0:
		return exitFindings
	}
	return exitOK
}

// notInConfig are the flags a configuration file cannot set.
var notInConfig = map[string]bool{"config": true, "example-config": true, "help": true}

// applyConfig sets the flags of command that path sets and the command line
// did not: top-level keys for every command that has the flag, keys of a
// [command] section for that command only.
func applyConfig(path, command string, fs *pflag.FlagSet) error {
	var doc map[string]any
	if _, err := toml.DecodeFile(path, &doc); err != nil {
		return err
	}
	known := map[string]bool{}
	for _, c := range commands() {
		known[c.name] = true
	}
	anyCommandHas := func(name string) bool {
		for _, c := range commands() {
			if cfs, _ := c.flagSet(nil); cfs.Lookup(name) != nil {
				return true
			}
		}
		return false
	}
	keys := make([]string, 0, len(doc))
	for k := range doc {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if section, ok := doc[k].(map[string]any); ok {
			if !known[k] {
				return fmt.Errorf("unknown section [%s] (sections are command names)", k)
			}
			if k == command {
				if err := setFromConfig(fs, section, "["+k+"] ", func(string) bool { return false }); err != nil {
					return err
				}
			}
			continue
		}
		if err := setFromConfig(fs, map[string]any{k: doc[k]}, "", anyCommandHas); err != nil {
			return err
		}
	}
	return nil
}

// setFromConfig sets flags from settings; a setting with no flag is an
// error unless elsewhere reports another command has it.
func setFromConfig(fs *pflag.FlagSet, settings map[string]any, where string, elsewhere func(string) bool) error {
	for k, v := range settings {
		name := strings.ReplaceAll(k, "_", "-")
		f := fs.Lookup(name)
		if f == nil || notInConfig[name] {
			if f == nil && elsewhere(name) {
				continue
			}
			return fmt.Errorf("unknown setting %s%q", where, k)
		}
		if f.Changed {
			continue // the command line wins
		}
		vals := []any{v}
		if list, ok := v.([]any); ok {
			if !strings.HasSuffix(f.Value.Type(), "Slice") && !strings.HasSuffix(f.Value.Type(), "Array") {
				return fmt.Errorf("%s%s: a list for a single value", where, k)
			}
			vals = list
		}
		for _, x := range vals {
			s := fmt.Sprint(x)
			if s == f.DefValue && len(vals) == 1 {
				continue
			}
			if err := fs.Set(name, s); err != nil {
				return fmt.Errorf("%s%s: %v", where, k, err)
			}
		}
	}
	return nil
}

// writeExampleConfig prints every setting of cmd at its default, generated
// from its flags.
func writeExampleConfig(w io.Writer, cmd *command, fs *pflag.FlagSet) {
	fmt.Fprintf(w, "# matterlint configuration (--config FILE). Keys are flag names (fail_on or fail-on);\n"+
		"# a key at the top level applies to every command that has the flag, a key in a\n"+
		"# [COMMAND] section to that command only. Flags given on the command line win.\n\n[%s]\n", cmd.name)
	fs.VisitAll(func(f *pflag.Flag) {
		if notInConfig[f.Name] {
			return
		}
		var v string
		switch t := f.Value.Type(); {
		case strings.HasSuffix(t, "Slice") || strings.HasSuffix(t, "Array"):
			v = "[]"
		case t == "string":
			v = strconv.Quote(f.DefValue)
		default:
			v = f.DefValue
		}
		fmt.Fprintf(w, "%-30s # %s\n", strings.ReplaceAll(f.Name, "-", "_")+" = "+v, f.Usage)
	})
}
