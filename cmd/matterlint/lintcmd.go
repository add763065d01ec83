package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/internal/batch"
	"github.com/matterlint/matterlint/internal/report"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/lint/zlintbridge"
	"github.com/matterlint/matterlint/matterext"
	"github.com/spf13/pflag"
)

// lintConfig is the TOML configuration of `matterlint lint` (--config).
// Command-line flags override it.
type lintConfig struct {
	Role    string   `toml:"role"`
	At      string   `toml:"at"`
	Format  string   `toml:"format"`
	FailOn  string   `toml:"fail_on"`
	Profile string   `toml:"profile"`
	Include []string `toml:"include"`
	Exclude []string `toml:"exclude"`
	Jobs    int      `toml:"jobs"`
	Quiet   bool     `toml:"quiet"`
	Summary bool     `toml:"summary"`
	Zlint   bool     `toml:"zlint"`
	PAIs    []string `toml:"pai"`
}

const exampleConfig = `# matterlint lint configuration (--config FILE). Flags override these values.

# role = "auto"            # auto, paa, pai, dac or crl-signer
# at = "now"               # evaluate validity at this time (RFC 3339 or "now"); unset: no time checks
format = "text"            # text, json, ndjson, sarif or junit
fail_on = "error"          # exit 1 when a finding of this severity or worse is found: error, warn or notice
profile = "all"            # all, sdk-compat, spec-strict or dcl
include = []               # rule names or sources (Matter, DCL, RFC5280, CSA-Test-Harness); empty: the profile's rules
exclude = []               # rule names or sources, e.g. ["DCL"]
jobs = 0                   # parallel workers; 0 = one per CPU
quiet = false              # text: do not list certificates without findings
summary = false            # text: add a count of findings per rule
zlint = false              # also run zlint's RFC 5280 allow-list
pai = []                   # PAI files DACs must be issued by (e_batch_issuer_not_given)
`

// formats are the output formats of lint and verify.
var formats = []string{"text", "json", "ndjson", "sarif", "junit"}

func runLint(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("lint", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg lintConfig
	roleFlag := fs.String("role", "auto", "certificate role: auto, paa, pai, dac or crl-signer")
	atFlag := fs.String("at", "", "evaluation time for validity checks (RFC 3339, or \"now\"); none by default")
	format := addFormatFlag(fs)
	failOn := fs.String("fail-on", "error", "exit 1 when a finding of this severity or worse is found: error, warn or notice")
	profile := fs.String("profile", "all", "rule selection: all, sdk-compat, spec-strict or dcl")
	include := fs.StringSlice("include", nil, "run only these rules or sources (comma-separated)")
	exclude := fs.StringSlice("exclude", nil, "do not run these rules or sources (comma-separated)")
	configFile := fs.String("config", "", "read settings from this TOML file (see --example-config)")
	exampleCfg := fs.Bool("example-config", false, "print an example configuration file and exit")
	jobs := fs.Int("jobs", 0, "parallel workers (0: one per CPU)")
	quiet := fs.Bool("quiet", false, "text output: do not list certificates without findings")
	summary := fs.Bool("summary", false, "text output: add a count of findings per rule")
	pais := fs.StringArray("pai", nil, "a PAI the DACs must be issued by (repeatable; enables e_batch_issuer_not_given)")
	zlintPass := fs.Bool("zlint", false, "also run zlint's RFC 5280 lints (an allow-list; see list-lints --zlint)")
	zlintNames := fs.StringSlice("zlint-lints", nil, "zlint lints to run instead of the default allow-list (implies --zlint)")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: matterlint lint [flags] PATH...\n\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "matterlint lint: "+format+"\n", a...)
		return exitUsage
	}
	if *exampleCfg {
		fmt.Fprint(stdout, exampleConfig)
		return exitOK
	}
	if *configFile != "" {
		md, err := toml.DecodeFile(*configFile, &cfg)
		if err != nil {
			return usageErr("--config: %v", err)
		}
		if und := md.Undecoded(); len(und) > 0 {
			return usageErr("--config %s: unknown setting %q", *configFile, und[0].String())
		}
		// Flags given on the command line win over the file.
		set := func(name string, dst *string, v string) {
			if !fs.Changed(name) && v != "" {
				*dst = v
			}
		}
		set("role", roleFlag, cfg.Role)
		set("at", atFlag, cfg.At)
		set("format", format, cfg.Format)
		set("fail-on", failOn, cfg.FailOn)
		set("profile", profile, cfg.Profile)
		if !fs.Changed("include") && cfg.Include != nil {
			*include = cfg.Include
		}
		if !fs.Changed("exclude") && cfg.Exclude != nil {
			*exclude = cfg.Exclude
		}
		if !fs.Changed("jobs") && cfg.Jobs != 0 {
			*jobs = cfg.Jobs
		}
		*quiet = *quiet || cfg.Quiet
		*summary = *summary || cfg.Summary
		*zlintPass = *zlintPass || cfg.Zlint
		if !fs.Changed("pai") {
			*pais = append(*pais, cfg.PAIs...)
		}
	}
	if fs.NArg() == 0 {
		return usageErr("no input given (a path, a directory or - for stdin)")
	}
	opts := lint.Options{}
	if *roleFlag != "auto" {
		r, err := matterext.ParseRole(*roleFlag)
		if slices.Contains([]string{"cd", "crl", "revocation-point"}, *roleFlag) {
			err = errors.New("not a certificate role; CDs are linted with `matterlint cd`, CRLs with `matterlint crl`")
		}
		if err != nil {
			return usageErr("--role %q: %v", *roleFlag, err)
		}
		opts.Role = r
	}
	if *atFlag != "" {
		t, err := parseAt(*atFlag)
		if err != nil {
			return usageErr("--at: %v", err)
		}
		opts.At = t
	}
	threshold, err := lint.ParseSeverity(*failOn)
	if err != nil {
		return usageErr("--fail-on: %v", err)
	}
	reg, err := lint.Default().Select(*profile, *include, *exclude)
	if err != nil {
		return usageErr("%v", err)
	}
	var paiCerts []*matterext.Certificate
	for _, p := range *pais {
		c, code := loadOne(p, "--pai", matterext.RolePAI, stderr)
		if c == nil {
			return code
		}
		paiCerts = append(paiCerts, c)
	}
	var pass *zlintbridge.Pass
	if *zlintPass || len(*zlintNames) > 0 {
		p, err := zlintbridge.NewPass(*zlintNames)
		if err != nil {
			return usageErr("--zlint-lints: %v", err)
		}
		pass = p
	}
	var w report.Writer
	switch *format {
	case "text":
		tw := report.NewText(stdout)
		tw.Quiet, tw.RuleSummary = *quiet, *summary
		w = safeNames{tw}
	case "json":
		w = report.NewJSON(stdout, report.ToolInfo{Name: "matterlint", Version: version, Command: "lint"})
	case "ndjson":
		w = report.NewLintNDJSON(stdout)
	case "sarif":
		var rules []report.RuleInfo
		for _, r := range reg.Rules() {
			rules = append(rules, report.RuleInfoOf(r))
		}
		if pass != nil {
			for _, r := range pass.Rules() {
				rules = append(rules, report.RuleInfoOf(r))
			}
		}
		w = report.Adapter{W: report.NewSARIF(stdout, version, rules), FailOn: threshold}
	case "junit":
		w = report.Adapter{W: report.NewJUnit(stdout, "lint"), FailOn: threshold}
	default:
		return usageErr("--format %q: want one of %s", *format, strings.Join(formats, ", "))
	}
	ignored := &ignoredFiles{}
	rd := &input.Reader{Stdin: stdin, Ignored: ignored.add}
	cross := lint.NewBatch(reg, paiCerts)
	progress := newProgress(stderr)
	var sum report.Summary
	var werr error
	batchRules := batchRoleRules(reg)
	batch.Map(batch.Options[input.Item]{Jobs: *jobs, Weight: itemWeight},
		func(emit func(input.Item) bool) { rd.Read(fs.Args(), emit) },
		func(it input.Item) lintOut { return lintItemOut(reg, pass, it, opts) },
		func(o lintOut) bool {
			r := o.res
			if o.cert != nil && batchRules {
				r.Findings = append(r.Findings, cross.Add(o.cert, r.Role)...)
			}
			sum.Add(&r)
			progress.tick(sum.Inputs)
			if err := w.Write(&r); err != nil && werr == nil {
				werr = err
			}
			return werr == nil
		})
	progress.done()
	ignored.report(stderr, "lint")
	if err := w.Close(sum); err != nil || werr != nil {
		return exitUsage // run reports the write error
	}
	if sum.Certificates == 0 && sum.IOErrors+sum.NotCertificates == 0 {
		return noObjects(stderr, "lint", "certificate")
	}
	return exitCodeAt(sum, threshold)
}

// itemWeight is the memory an input holds until its result is written: its
// DER, the decoded model and the findings (about three times the DER).
func itemWeight(it input.Item) int64 { return int64(3*len(it.DER)) + 1024 }

// ignoredFiles counts the files directory walks skip for their extension.
type ignoredFiles struct {
	n     int
	first string
}

func (g *ignoredFiles) add(p string) {
	if g.n == 0 {
		g.first = p
	}
	g.n++
}

// report says on stderr how many files were not read, with the first.
func (g *ignoredFiles) report(stderr io.Writer, command string) {
	if g.n > 0 {
		fmt.Fprintf(stderr, "matterlint %s: %d file%s in the directories not read for their extension (e.g. %s)\n",
			command, g.n, report.Plural(g.n), safeText(g.first))
	}
}

// safeNames escapes input names and messages for the text output.
type safeNames struct{ report.Writer }

func (s safeNames) Write(r *report.CertResult) error {
	c := *r
	c.Source = safeText(c.Source)
	if c.Err != nil {
		c.Err = errors.New(safeText(c.Err.Error()))
	}
	return s.Writer.Write(&c)
}

// batchRoleRules reports whether any batch rule is selected.
func batchRoleRules(reg *lint.Registry) bool {
	for _, r := range reg.Rules() {
		if r.Kind == lint.KindBatch {
			return true
		}
	}
	return false
}

// lintOut carries a result and, for the batch rules, its certificate.
type lintOut struct {
	res  report.CertResult
	cert *matterext.Certificate
}

func lintItemOut(reg *lint.Registry, pass *zlintbridge.Pass, it input.Item, opts lint.Options) lintOut {
	r, c := lintItemCert(reg, pass, it, opts)
	return lintOut{res: r, cert: c}
}

// exitCodeAt is exitCode with a --fail-on threshold.
func exitCodeAt(s report.Summary, threshold lint.Severity) int {
	failing := s.WithErrors
	if threshold <= lint.Warn {
		failing += s.WithWarnings
	}
	if threshold <= lint.Notice {
		failing += s.WithNotices
	}
	switch {
	case s.IOErrors > 0:
		return exitUsage
	case s.NotCertificates > 0:
		return exitNotCertificate
	case failing > 0:
		return exitFindings
	}
	return exitOK
}

// exitCode: I/O errors (2) before non-certificate inputs (3) before
// error-level findings (1).
func exitCode(s report.Summary) int {
	switch {
	case s.IOErrors > 0:
		return exitUsage
	case s.NotCertificates > 0:
		return exitNotCertificate
	case s.WithErrors > 0:
		return exitFindings
	}
	return exitOK
}

func parseAt(s string) (time.Time, error) {
	if strings.EqualFold(s, "now") {
		return time.Now().UTC(), nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not an RFC 3339 time (e.g. 2026-01-31T12:00:00Z) or \"now\"", s)
}

// lintItem decodes and lints one input object.
// lintItemCert decodes and lints one input object; pass, when not nil, adds
// zlint's findings. It also returns the decoded certificate.
func lintItemCert(reg *lint.Registry, pass *zlintbridge.Pass, it input.Item, opts lint.Options) (report.CertResult, *matterext.Certificate) {
	r := report.CertResult{Source: it.Source, Index: it.Index, Format: it.Format}
	if it.Err != nil {
		r.Err, r.Index, r.ErrKind = it.Err, it.Err.Index, errKindOf(it.Err)
		return r, nil
	}
	if err := wrongObject(it.DER, input.KindCertificate); err != nil {
		r.Err, r.ErrKind = fmt.Errorf("%s [%d]: not a certificate: %w", it.Source, it.Index, err), report.KindNotCertificate
		return r, nil
	}
	c, err := matterext.ParseCertificate(it.DER)
	if err != nil {
		r.Err, r.ErrKind = fmt.Errorf("%s [%d]: %w", it.Source, it.Index, err), report.KindNotCertificate
		return r, nil
	}
	res := reg.Lint(c, opts)
	sum := sha256.Sum256(c.Raw)
	if pass != nil {
		res.Findings = append(res.Findings, pass.LintOrNotice(c)...)
	}
	r.Role, r.RoleDetected, r.Findings = res.Role, res.RoleDetected, res.Findings
	r.Subject, r.Issuer, r.SHA256 = c.Subject.String(), c.Issuer.String(), hex.EncodeToString(sum[:])
	return r, c
}
