package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/report"
	"github.com/matterlint/matterlint/verify"
	"github.com/spf13/pflag"
)

func explainCommand() *command {
	return &command{name: "explain", args: "CODE|RULE|CHECK", summary: "explain an SDK result code, a lint rule or a verify check",
		details: "e.g. `explain 303`, `explain kDacFormatInvalid`, `explain e_dac_vid_missing`, `explain chain_dac_signature`.",
		setup:   func(*pflag.FlagSet) func(*env) int { return runExplain }}
}

func runExplain(e *env) int {
	args := e.fs.Args()
	if len(args) != 1 {
		fmt.Fprintln(e.stderr, "matterlint explain: give one SDK code (303, kDacFormatInvalid), rule name or check name\nRun 'matterlint explain --help' for usage.")
		return exitUsage
	}
	stdout := e.stdout
	if code, ok := matterext.ParseResultCode(args[0]); ok {
		explainCode(stdout, code)
		return exitOK
	}
	reg := lint.Default()
	if r, err := reg.Lookup(args[0]); err == nil {
		fmt.Fprintf(stdout, "%s (%s, %s): %s\n\nCitation: %s\n", r.Name, r.Severity(), r.Source, r.Description, r.Citation)
		if r.Roles != 0 {
			fmt.Fprintf(stdout, "Applies to: %s\n", r.Roles)
		}
		for _, role := range r.Roles.Roles() {
			sdk := "accepted (the SDK does not check it)"
			if c := r.SDK.Code(role); c != matterext.Success {
				sdk = fmt.Sprintf("%v (%d)", c, c)
			}
			fmt.Fprintf(stdout, "SDK result for a %s that breaks it: %s\n", strings.ToUpper(role.String()), sdk)
		}
		if r.Note != "" {
			fmt.Fprintf(stdout, "Note: %s\n", r.Note)
		}
		return exitOK
	}
	var names []string
	for _, r := range reg.Rules() {
		names = append(names, r.Name)
	}
	for _, c := range report.Checks() {
		if c.Name == args[0] {
			fmt.Fprintf(stdout, "%s (verify check): %s\n\nCitation: %s\n", c.Name, c.Description, c.Citation)
			if c.Code != matterext.Success {
				fmt.Fprintf(stdout, "A failure gives %v (%d).\n", c.Code, c.Code)
			} else {
				fmt.Fprintln(stdout, "Informational: a finding of it does not fail attestation.")
			}
			return exitOK
		}
		names = append(names, c.Name)
	}
	msg := fmt.Sprintf("matterlint explain: %q is not an SDK attestation result code, a rule or a check", args[0])
	if near := nearest(args[0], names); near != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", near)
	}
	fmt.Fprintln(e.stderr, msg+"\nRun 'matterlint list-lints --checks' for the rules and checks.")
	return exitUsage
}

// explainCode says what an SDK code means and what leads to it.
func explainCode(stdout io.Writer, code matterext.ResultCode) {
	ex, _ := verify.Explain(code, nil)
	fmt.Fprintf(stdout, "%v (%d): %s\n", code, code, ex.Meaning)
	if !ex.Produced {
		fmt.Fprintln(stdout, "The current SDK verifier never returns this code.")
	}
	if len(ex.Causes) > 0 {
		fmt.Fprintln(stdout, "\nUsual causes:")
		for _, c := range ex.Causes {
			fmt.Fprintf(stdout, "  - %s\n", c)
		}
	}
	if len(ex.Rules) > 0 {
		fmt.Fprintln(stdout, "\nmatterlint rules and checks that lead to it:")
		for _, r := range ex.Rules {
			fmt.Fprintf(stdout, "  - %s\n", r)
		}
	}
}

func paaCommand() *command {
	return &command{name: "paa", args: "list", summary: "list the trusted PAAs (default: the embedded production PAAs)", setup: setupPAA}
}

func setupPAA(fs *pflag.FlagSet) func(*env) int {
	files := fs.StringArray("paa", nil, "list these PAAs instead of the embedded store")
	dirs := fs.StringArray("paa-dir", nil, "list the PAAs in these directories instead of the embedded store")
	return func(e *env) int {
		if args := e.fs.Args(); len(args) != 1 || args[0] != "list" {
			fmt.Fprintln(e.stderr, "Usage: matterlint paa list [--paa-dir D ...] [--paa F ...]")
			return exitUsage
		}
		return runPAA(*files, *dirs, e.stdout, e.stderr)
	}
}

func runPAA(files, dirs []string, stdout, stderr io.Writer) int {
	store, code := buildStore(files, dirs, false, stderr)
	if store == nil {
		return code
	}
	if len(files)+len(dirs) == 0 {
		fmt.Fprintf(stdout, "Embedded production PAA store: %d PAAs, snapshot of %s\nSource: %s\n\n",
			len(store.Anchors()), verify.ProductionSnapshot().Date, verify.ProductionSnapshot().Source)
	} else {
		fmt.Fprintf(stdout, "%s: %d PAAs\n\n", store.Name, len(store.Anchors()))
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SUBJECT\tVID\tSKID\tNOT AFTER\tSOURCE")
	for _, a := range store.Anchors() {
		vid := "-"
		if vp, err := matterext.ExtractVIDPID(&a.Cert.Subject); err == nil && vp.HasVID() {
			vid = matterext.FormatID(vp.VID)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.Cert.Subject.String(), vid, strings.ReplaceAll(matterext.HexColon(a.Cert.SubjectKeyID.ID), ":", ""),
			a.Cert.NotAfter.T.Format("2006-01-02"), a.Source)
	}
	tw.Flush()
	for _, s := range store.Skipped {
		fmt.Fprintf(stdout, "skipped %s: %v\n", s.Source, s.Err)
	}
	return exitOK
}
