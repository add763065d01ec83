package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/matterlint/matterlint/internal/batch"
	"github.com/matterlint/matterlint/internal/input"
	"github.com/matterlint/matterlint/internal/report"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/lint/zlintbridge"
	"github.com/matterlint/matterlint/matterext"
	"github.com/spf13/pflag"
)

func runLint(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("lint", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	roleFlag := fs.String("role", "auto", "certificate role: auto, paa, pai, dac or crl-signer")
	atFlag := fs.String("at", "", "evaluation time for validity checks (RFC 3339, or \"now\"); none by default")
	format := fs.String("format", "text", "output format: text or json")
	jobs := fs.Int("jobs", 0, "parallel workers (0: one per CPU)")
	quiet := fs.Bool("quiet", false, "text output: do not list certificates without findings")
	zlintPass := fs.Bool("zlint", false, "also run zlint's RFC 5280 lints (an allow-list; see list-lints --zlint)")
	zlintNames := fs.StringSlice("zlint-lints", nil, "zlint lints to run instead of the default allow-list (implies --zlint)")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: matterlint lint [flags] PATH...\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "matterlint lint: no input given (a path, a directory or - for stdin)")
		return exitUsage
	}
	opts := lint.Options{}
	if *roleFlag != "auto" {
		r, err := matterext.ParseRole(*roleFlag)
		if err == nil && r&matterext.NonCertificateRoles != 0 {
			err = errors.New("not a certificate role; CDs are linted with `matterlint cd`, CRLs with `matterlint crl`")
		}
		if err != nil {
			fmt.Fprintf(stderr, "matterlint lint: --role %q: %v\n", *roleFlag, err)
			return exitUsage
		}
		opts.Role = r
	}
	if *atFlag != "" {
		t, err := parseAt(*atFlag)
		if err != nil {
			fmt.Fprintf(stderr, "matterlint lint: --at: %v\n", err)
			return exitUsage
		}
		opts.At = t
	}
	var w report.Writer
	switch *format {
	case "text":
		tw := report.NewText(stdout)
		tw.Quiet = *quiet
		w = tw
	case "json":
		w = report.NewJSON(stdout, report.ToolInfo{Name: "matterlint", Version: version, Command: "lint"})
	default:
		fmt.Fprintf(stderr, "matterlint lint: --format %q: want text or json\n", *format)
		return exitUsage
	}

	reg := lint.Default()
	var pass *zlintbridge.Pass
	if *zlintPass || len(*zlintNames) > 0 {
		p, err := zlintbridge.NewPass(*zlintNames)
		if err != nil {
			fmt.Fprintf(stderr, "matterlint lint: --zlint-lints: %v\n", err)
			return exitUsage
		}
		pass = p
	}
	rd := &input.Reader{Stdin: stdin}
	var sum report.Summary
	var werr error
	batch.Map(*jobs,
		func(emit func(input.Item) bool) { rd.Read(fs.Args(), emit) },
		func(it input.Item) report.CertResult { return lintItem(reg, pass, it, opts) },
		func(r report.CertResult) bool {
			sum.Add(&r)
			if err := w.Write(&r); err != nil && werr == nil {
				werr = err
			}
			return werr == nil
		})
	if err := w.Close(sum); err != nil || werr != nil {
		fmt.Fprintf(stderr, "matterlint lint: writing output: %v\n", errors.Join(werr, err))
		return exitUsage
	}
	return exitCode(sum)
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
// pass, when not nil, adds zlint's findings.
func lintItem(reg *lint.Registry, pass *zlintbridge.Pass, it input.Item, opts lint.Options) report.CertResult {
	r := report.CertResult{Source: it.Source, Index: it.Index, Format: it.Format}
	if it.Err != nil {
		r.Err, r.Index = it.Err, it.Err.Index
		r.ErrKind = report.KindNotCertificate
		if it.Err.Kind == input.KindIO {
			r.ErrKind = report.KindIO
		}
		return r
	}
	c, err := matterext.ParseCertificate(it.DER)
	if err != nil {
		r.Err, r.ErrKind = err, report.KindNotCertificate
		return r
	}
	res := reg.Lint(c, opts)
	sum := sha256.Sum256(c.Raw)
	if pass != nil {
		res.Findings = append(res.Findings, pass.LintOrNotice(c)...)
	}
	r.Role, r.RoleDetected, r.Findings = res.Role, res.RoleDetected, res.Findings
	r.Subject, r.Issuer, r.SHA256 = c.Subject.String(), c.Issuer.String(), hex.EncodeToString(sum[:])
	return r
}
