package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/report"
)

func listLintsCommand() *command {
	return &command{name: "list-lints", summary: "list every rule (and with --checks every verify check) with its metadata",
		setup: setupListLints}
}

// checksJSON lists verify's checks in list-lints --json's form (kind
// "check"); none unless on.
func checksJSON(on bool) []ruleJSON {
	var out []ruleJSON
	if !on {
		return out
	}
	for _, c := range report.Checks() {
		j := ruleJSON{Name: c.Name, Severity: c.Severity.String(), Description: c.Description, Citation: c.Citation,
			Source: c.Source, Kind: "check", Quote: c.Quote, QuoteSource: c.QuoteSource, Roles: []string{}, SDKCodes: []sdkRef{}}
		if c.Code != matterext.Success {
			j.SDKCodes = append(j.SDKCodes, sdkRef{Role: "chain", Code: int(c.Code), Name: c.Code.String()})
		}
		out = append(out, j)
	}
	return out
}

// checkCode is a check's SDK code for listings ("-" when informational).
func checkCode(c report.Rule) string {
	if c.Code == matterext.Success {
		return "-"
	}
	return fmt.Sprintf("%v (%d)", c.Code, c.Code)
}

// writeChecksText lists verify's checks after the rules; nothing unless on.
func writeChecksText(w io.Writer, on bool) {
	if !on {
		return
	}
	checks := report.Checks()
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CHECK\tSDK\tDESCRIPTION")
	for _, c := range checks {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", c.Name, checkCode(c), c.Description)
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%d verify checks\n", len(checks))
}

// writeChecksMarkdown is writeChecksText as a Markdown table.
func writeChecksMarkdown(w io.Writer, on bool) {
	if !on {
		return
	}
	fmt.Fprint(w, "\n## verify checks\n\n| Check | SDK | Description |\n|---|---|---|\n")
	esc := strings.NewReplacer("|", "\\|", "\n", " ")
	for _, c := range report.Checks() {
		fmt.Fprintf(w, "| `%s` | %s | %s |\n", c.Name, checkCode(c), esc.Replace(c.Description))
	}
}
