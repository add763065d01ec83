package main

import (
	"context"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/matterlint/matterlint/dcl"
	"github.com/spf13/pflag"
)

// maxDCLInput limits FILE, --parent files and points.
const maxDCLInput = 4 << 20

func dclCommand() *command {
	return &command{name: "dcl", args: "check --tx KIND [flags] FILE | snapshot --node URL -o DIR",
		summary: "predict, offline, what the DCL answers to a certificate or revocation-point transaction",
		details: "check: KIND is propose-root, add-cert, add-noc-root, add-noc-ica, add-revocation-point or\n" +
			"update-revocation-point. FILE is the certificate exactly as submitted (PEM), or for the\n" +
			"revocation-point kinds one point as JSON. Exit codes: 0 the DCL accepts, 1 it rejects,\n" +
			"2 usage or I/O error, 3 FILE is not a certificate (or not a revocation point).\n" +
			"snapshot: saves the ledger state check --ledger reads from a node's REST API.",
		setup: setupDCL}
}

// dclFlags are the flags of dcl check and dcl snapshot.
type dclFlags struct {
	kind, vid, pid, signerVID, signerAddr, at, ledger, parentVID, info, version, format *string
	signerRoles, parents                                                                *[]string
	vvsc                                                                                *bool
	node, output                                                                        *string
	timeout                                                                             *time.Duration
}

func setupDCL(fs *pflag.FlagSet) func(*env) int {
	f := dclFlags{
		kind:        fs.String("tx", "", "check: the transaction kind: "+strings.Join(kindNames(), ", ")),
		vid:         fs.String("vid", "", "check: the message's vid (0x-prefixed or A-F: hex; digits: decimal, as dcld)"),
		pid:         fs.String("pid", "", "check: the message's pid (revocation points)"),
		signerVID:   fs.String("signer-vid", "", "check: the submitting account's VendorID"),
		signerAddr:  fs.String("signer-address", "", "check: the submitting account's address (ownership checks; looked up in --ledger accounts)"),
		signerRoles: fs.StringSlice("signer-role", nil, "check: the submitting account's roles (default: the role the message needs)"),
		vvsc:        fs.Bool("vvsc", false, "check: isVidVerificationSigner (add-noc-root, add-noc-ica)"),
		at:          fs.String("at", "now", "check: the block time (RFC 3339 or now)"),
		ledger:      fs.String("ledger", "", "check: a ledger snapshot directory (matterlint dcl snapshot)"),
		parents:     fs.StringArray("parent", nil, "check: a certificate (bundle) taken as approved on the ledger (repeatable)"),
		parentVID:   fs.String("parent-vid", "", "check: the VID assigned to a --parent root without a VID in its subject"),
		info:        fs.String("info", "", "check: the message's info field"),
		version:     fs.String("dcl-version", "v1.6.0", "check: the DCL release predicted: v1.6.0 (what the networks run) or head"),
		format:      fs.String("format", "text", "check: output format: text, json, sarif"),
		node:        fs.String("node", "", "snapshot: the DCL node's REST base URL, e.g. https://on.dcl.csa-iot.org"),
		output:      fs.StringP("output", "o", "", "snapshot: the directory to write"),
		timeout:     fs.Duration("timeout", 5*time.Minute, "snapshot: give up after this long"),
	}
	return func(e *env) int {
		args := e.fs.Args()
		if len(args) == 0 {
			fmt.Fprintln(e.stderr, "matterlint dcl: expected a subcommand: check or snapshot\nRun 'matterlint dcl --help' for usage.")
			return exitUsage
		}
		switch args[0] {
		case "check":
			return runDCLCheck(f, args[1:], e.stdin, e.stdout, e.stderr)
		case "snapshot":
			return runDCLSnapshot(f, args[1:], e.stdout, e.stderr)
		}
		fmt.Fprintf(e.stderr, "matterlint dcl: unknown subcommand %q (want check or snapshot)\n", args[0])
		return exitUsage
	}
}

func readCapped(path string, stdin io.Reader) ([]byte, error) {
	r, closeFn, err := openPathOrStdin(path, stdin)
	if err != nil {
		return nil, err
	}
	defer closeFn()
	b, err := io.ReadAll(io.LimitReader(r, maxDCLInput+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxDCLInput {
		return nil, fmt.Errorf("over %d bytes", maxDCLInput)
	}
	return b, nil
}

func runDCLCheck(fl dclFlags, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "matterlint dcl check: "+format+"\nRun 'matterlint dcl --help' for usage.\n", a...)
		return exitUsage
	}
	if len(args) != 1 {
		return usageErr("expected one FILE, got %d", len(args))
	}
	if *fl.format != "text" && *fl.format != "json" && *fl.format != "sarif" {
		return usageErr("--format %q: want text, json or sarif", *fl.format)
	}
	kind, err := dcl.ParseKind(*fl.kind)
	if err != nil {
		return usageErr("--tx: %v", err)
	}
	target, err := dcl.ParseVersion(*fl.version)
	if err != nil {
		return usageErr("--dcl-version: %v", err)
	}
	at, err := parseAt(*fl.at)
	if err != nil {
		return usageErr("--at: %v", err)
	}
	num := func(flag, v string) (int64, bool, error) {
		if v == "" {
			return 0, false, nil
		}
		n, err := dcl.ParseNumber(v)
		if err != nil {
			return 0, false, fmt.Errorf("--%s: %w", flag, err)
		}
		return n, true, nil
	}
	vid, vidSet, err := num("vid", *fl.vid)
	if err != nil {
		return usageErr("%v", err)
	}
	pid, pidSet, err := num("pid", *fl.pid)
	if err != nil {
		return usageErr("%v", err)
	}
	svid, svidSet, err := num("signer-vid", *fl.signerVID)
	if err != nil {
		return usageErr("%v", err)
	}
	pvid, _, err := num("parent-vid", *fl.parentVID)
	if err != nil {
		return usageErr("%v", err)
	}
	format, info, vvsc, signerAddr, signerRoles, parents := fl.format, fl.info, fl.vvsc, fl.signerAddr, fl.signerRoles, fl.parents
	ledgerDir := fl.ledger

	ledger := &dcl.Ledger{}
	if *ledgerDir != "" {
		if ledger, err = dcl.LoadSnapshot(*ledgerDir, 0); err != nil {
			fmt.Fprintf(stderr, "matterlint dcl check: --ledger: %v\n", err)
			return exitUsage
		}
	}
	for _, p := range *parents {
		b, err := readCapped(p, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "matterlint dcl check: --parent %s: %v\n", p, err)
			return exitUsage
		}
		if err := ledger.AddParent(b, int32(pvid), p); err != nil {
			fmt.Fprintf(stderr, "matterlint dcl check: --parent %v\n", err)
			return exitUsage
		}
	}

	file := args[0]
	body, err := readCapped(file, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "matterlint dcl check: %s: %v\n", file, err)
		return exitUsage
	}
	tx := &dcl.Tx{Kind: kind, Info: *info, VID: vid, VVSC: *vvsc, At: at, Target: target,
		Signer: dcl.Account{Address: *signerAddr, Roles: *signerRoles}}
	var extra []string
	notCert := false
	if kind == dcl.AddRevocationPoint || kind == dcl.UpdateRevocationPoint {
		p, err := dcl.ParsePoint(body)
		if err != nil {
			fmt.Fprintf(stderr, "matterlint dcl check: %s: %v\n", file, err)
			return exitNotCertificate
		}
		if vidSet {
			p.VID = vid
		}
		if pidSet {
			p.PID = pid
		}
		tx.Point = p
		if !svidSet && ledger.Account(*signerAddr) == nil {
			svid = p.VID
			extra = append(extra, fmt.Sprintf("--signer-vid not given: the signer's VendorID is taken as the point's vid %d.", p.VID))
		}
	} else {
		tx.Cert = string(body)
		if b, _ := pem.Decode(body); b == nil {
			notCert = true
		}
		subjectVID := int64(0)
		if text, err := dcl.SubjectText(tx.Cert); err == nil {
			if v, err := dcl.VIDFromSubjectText(text); err == nil {
				subjectVID = int64(v)
			}
		}
		if kind == dcl.ProposeRoot && !vidSet {
			tx.VID = subjectVID
			if tx.VID == 0 {
				tx.VID = pvid
			}
			extra = append(extra, fmt.Sprintf("--vid not given: the message's vid is taken as %d (the certificate's VID, else --parent-vid).", tx.VID))
		}
		if !svidSet && ledger.Account(*signerAddr) == nil {
			svid = subjectVID
			if svid == 0 {
				svid = pvid
			}
			extra = append(extra, fmt.Sprintf("--signer-vid not given: the signer's VendorID is taken as %d (the certificate's VID, else --parent-vid).", svid))
		}
	}
	tx.Signer.VendorID = int32(svid)
	if len(*signerRoles) == 0 {
		tx.Signer.Roles = nil
	}
	res := dcl.Check(tx, ledger)
	res.Assumptions = append(extra, res.Assumptions...)
	if ledger.Certificates() == 0 && *ledgerDir == "" && len(*parents) == 0 {
		res.Assumptions = append(res.Assumptions, "No --ledger or --parent: the ledger is taken as empty.")
	}
	switch *format {
	case "json":
		writeDCLJSON(stdout, file, res)
	case "sarif":
		writeDCLSARIF(stdout, file, res)
	default:
		writeDCLText(stdout, file, res)
	}
	switch {
	case notCert:
		return exitNotCertificate
	case res.Accepted:
		return exitOK
	}
	return exitFindings
}

func kindNames() []string {
	var s []string
	for _, k := range dcl.Kinds() {
		s = append(s, string(k))
	}
	return s
}

func writeDCLText(w io.Writer, file string, res *dcl.Result) {
	head := fmt.Sprintf("%s: %s (%s, DCL %s): ", dclText(file), res.Kind, res.Message, res.Target)
	if res.Accepted {
		fmt.Fprintln(w, head+"ACCEPT")
	} else {
		fmt.Fprintf(w, "%sREJECT %s\n", head, res.First().Code)
	}
	for i, f := range res.Failures {
		fmt.Fprintf(w, "  %d. %s [%s] %s\n       at %s: %s\n", i+1, f.Code, f.Step, f.Citation, f.Location, dclText(f.Message))
	}
	for _, a := range res.Assumptions {
		fmt.Fprintf(w, "  assumed: %s\n", a)
	}
	for _, n := range res.Notes {
		fmt.Fprintf(w, "  note: %s\n", dclText(n))
	}
}

type dclErrorJSON struct {
	Name      string `json:"name"`
	Code      int    `json:"code"`
	Codespace string `json:"codespace"`
	Message   string `json:"message,omitempty"`
}

type dclFailureJSON struct {
	dclErrorJSON
	Step     string `json:"step"`
	Citation string `json:"citation"`
	Location string `json:"location"`
}

type dclResultJSON struct {
	Input       string           `json:"input"`
	Kind        string           `json:"kind"`
	Message     string           `json:"message"`
	DCLVersion  string           `json:"dcl_version"`
	Verdict     string           `json:"verdict"`
	DCLError    *dclErrorJSON    `json:"dcl_error"`
	Failures    []dclFailureJSON `json:"failures"`
	Assumptions []string         `json:"assumptions"`
	Notes       []string         `json:"notes"`
}

func toDCLJSON(file string, res *dcl.Result) dclResultJSON {
	out := dclResultJSON{Input: file, Kind: string(res.Kind), Message: res.Message, DCLVersion: res.Target.String(),
		Verdict: res.Verdict(), Failures: []dclFailureJSON{}, Assumptions: append([]string{}, res.Assumptions...), Notes: append([]string{}, res.Notes...)}
	for _, f := range res.Failures {
		out.Failures = append(out.Failures, dclFailureJSON{
			dclErrorJSON: dclErrorJSON{Name: f.Code.Name(), Code: int(f.Code), Codespace: f.Code.Codespace(), Message: f.Message},
			Step:         f.Step, Citation: f.Citation, Location: f.Location,
		})
	}
	if f := res.First(); f != nil {
		out.DCLError = &dclErrorJSON{Name: f.Code.Name(), Code: int(f.Code), Codespace: f.Code.Codespace(), Message: f.Message}
	}
	return out
}

func writeDCLJSON(w io.Writer, file string, res *dcl.Result) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(toDCLJSON(file, res))
}

func writeDCLSARIF(w io.Writer, file string, res *dcl.Result) {
	type msg struct {
		Text string `json:"text"`
	}
	type rule struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		Help msg    `json:"shortDescription"`
	}
	type result struct {
		RuleID    string           `json:"ruleId"`
		Level     string           `json:"level"`
		Message   msg              `json:"message"`
		Locations []map[string]any `json:"locations"`
	}
	var rules []rule
	seen := map[dcl.Code]bool{}
	var results []result
	for i, f := range res.Failures {
		id := fmt.Sprintf("DCL%d", int(f.Code))
		if !seen[f.Code] {
			seen[f.Code] = true
			rules = append(rules, rule{ID: id, Name: f.Code.Name(), Help: msg{f.Code.String()}})
		}
		level := "warning"
		if i == 0 {
			level = "error"
		}
		results = append(results, result{RuleID: id, Level: level, Message: msg{fmt.Sprintf("%s at %s (%s)", f.Message, f.Location, f.Citation)},
			Locations: []map[string]any{{"physicalLocation": map[string]any{"artifactLocation": map[string]string{"uri": file}},
				"logicalLocations": []map[string]string{{"name": f.Location}}}}})
	}
	if rules == nil {
		rules = []rule{}
	}
	if results == nil {
		results = []result{}
	}
	doc := map[string]any{
		"version": "2.1.0",
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"runs": []any{map[string]any{
			"tool":       map[string]any{"driver": map[string]any{"name": "matterlint dcl check", "version": version, "rules": rules}},
			"results":    results,
			"properties": map[string]any{"verdict": res.Verdict(), "dcl_version": res.Target.String(), "kind": string(res.Kind)},
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(doc)
}

func runDCLSnapshot(fl dclFlags, args []string, stdout, stderr io.Writer) int {
	node, dir, timeout := fl.node, fl.output, fl.timeout
	if *node == "" || *dir == "" || len(args) != 0 {
		fmt.Fprintln(stderr, "Usage: matterlint dcl snapshot --node URL -o DIR [--timeout D]")
		return exitUsage
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	if err := dcl.SaveSnapshot(ctx, nil, *node, *dir); err != nil {
		fmt.Fprintf(stderr, "matterlint dcl snapshot: %v\n", err)
		return exitUsage
	}
	l, err := dcl.LoadSnapshot(*dir, 0)
	if err != nil {
		var fe *dcl.FileError
		if errors.As(err, &fe) {
			fmt.Fprintf(stderr, "matterlint dcl snapshot: the saved snapshot does not read back: %v\n", err)
		}
		return exitUsage
	}
	fmt.Fprintf(stdout, "%s: %d certificates, %d revocation points\n", *dir, l.Certificates(), l.Points())
	return exitOK
}

// dclText escapes what a terminal would interpret in text output.
func dclText(s string) string {
	for _, r := range s {
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			q := strconv.QuoteToGraphic(s)
			return q[1 : len(q)-1]
		}
	}
	return s
}
