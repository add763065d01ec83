package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
	"github.com/spf13/pflag"
)

func runExplain(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "Usage: matterlint explain CODE   (a number such as 303, or a name such as kDacFormatInvalid)")
		return exitUsage
	}
	code, ok := matterext.ParseResultCode(args[0])
	if !ok {
		fmt.Fprintf(stderr, "matterlint explain: %q is not an SDK attestation result code\n", args[0])
		return exitUsage
	}
	e, _ := verify.Explain(code, nil)
	fmt.Fprintf(stdout, "%v (%d): %s\n", code, code, e.Meaning)
	if !e.Produced {
		fmt.Fprintln(stdout, "The current SDK verifier never returns this code.")
	}
	if len(e.Causes) > 0 {
		fmt.Fprintln(stdout, "\nUsual causes:")
		for _, c := range e.Causes {
			fmt.Fprintf(stdout, "  - %s\n", c)
		}
	}
	if len(e.Rules) > 0 {
		fmt.Fprintln(stdout, "\nmatterlint rules and checks that lead to it:")
		for _, r := range e.Rules {
			fmt.Fprintf(stdout, "  - %s\n", r)
		}
	}
	return exitOK
}

func runPAA(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "list" {
		fmt.Fprintln(stderr, "Usage: matterlint paa list [--paa-dir D ...] [--paa F ...]")
		return exitUsage
	}
	fs := pflag.NewFlagSet("paa list", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	files := fs.StringArray("paa", nil, "list these PAAs instead of the embedded store")
	dirs := fs.StringArray("paa-dir", nil, "list the PAAs in these directories instead of the embedded store")
	if code, ok := parseFlags(fs, args[1:]); !ok {
		return code
	}
	store, code := buildStore(*files, *dirs, false, stderr)
	if store == nil {
		return code
	}
	if len(*files)+len(*dirs) == 0 {
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
