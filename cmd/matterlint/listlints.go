package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/lint/zlintbridge"
	"github.com/spf13/pflag"
)

// ruleJSON is the list-lints --json schema for one rule.
type ruleJSON struct {
	Name        string   `json:"name"`
	Severity    string   `json:"severity"`
	Description string   `json:"description"`
	Citation    string   `json:"citation"`
	Source      string   `json:"source"`
	Roles       []string `json:"roles"`
	SDKCodes    []sdkRef `json:"sdk_codes"`
	NeedsTime   bool     `json:"needs_time,omitempty"`
	Note        string   `json:"note,omitempty"`
}

type sdkRef struct {
	Role string `json:"role"`
	Code int    `json:"code"`
	Name string `json:"name"`
}

func ruleToJSON(r *lint.Rule) ruleJSON {
	j := ruleJSON{Name: r.Name, Severity: r.Severity().String(), Description: r.Description, Citation: r.Citation,
		Source: string(r.Source), NeedsTime: r.NeedsTime, Note: r.Note, Roles: []string{}, SDKCodes: []sdkRef{}}
	for _, role := range r.Roles.Roles() {
		j.Roles = append(j.Roles, role.String())
		if c := r.SDK.Code(role); c != 0 {
			j.SDKCodes = append(j.SDKCodes, sdkRef{Role: role.String(), Code: int(c), Name: c.String()})
		}
	}
	return j
}

func runListLints(args []string, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("list-lints", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print a JSON array")
	withZlint := fs.Bool("zlint", false, "also list the zlint lints that lint --zlint runs")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	rules := lint.Default().Rules()
	if *withZlint {
		p, err := zlintbridge.NewPass(nil)
		if err != nil {
			fmt.Fprintln(stderr, "matterlint list-lints:", err)
			return exitUsage
		}
		rules = append(append([]*lint.Rule(nil), rules...), p.Rules()...)
	}
	if *asJSON {
		out := make([]ruleJSON, 0, len(rules))
		for _, r := range rules {
			out = append(out, ruleToJSON(r))
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintln(stderr, "matterlint list-lints:", err)
			return exitUsage
		}
		return exitOK
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSOURCE\tROLES\tSDK\tDESCRIPTION")
	for _, r := range rules {
		j := ruleToJSON(r)
		sdk := "-"
		if len(j.SDKCodes) > 0 {
			sdk = ""
			for i, s := range j.SDKCodes {
				if i > 0 {
					sdk += ","
				}
				sdk += fmt.Sprint(s.Code)
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Name, r.Source, r.Roles, sdk, r.Description)
	}
	tw.Flush()
	fmt.Fprintf(stdout, "\n%d rules\n", len(rules))
	return exitOK
}
