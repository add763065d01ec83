package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/internal/report"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
	"github.com/spf13/pflag"
)

// cdFlags are the CD trust flags shared by `cd` and `verify`.
type cdFlags struct {
	allowTest  *bool
	signerDirs *[]string
}

func addCDFlags(fs *pflag.FlagSet) cdFlags {
	return cdFlags{
		allowTest:  fs.Bool("allow-test-cd-key", false, "accept CDs signed with the SDK test key (certification types 0 and 1 only)"),
		signerDirs: fs.StringArray("cd-signer-dir", nil, "extra CD signing certificates (issued by the CSA Matter Certification and Testing CA); repeatable"),
	}
}

func (f cdFlags) trust(stderr io.Writer) (*verify.CDTrust, int) {
	t, err := verify.DefaultCDTrust()
	if err != nil {
		fmt.Fprintln(stderr, "matterlint:", err)
		return nil, exitUsage
	}
	if len(*f.signerDirs) == 0 {
		return t, exitOK
	}
	t = t.Clone()
	for _, d := range *f.signerDirs {
		if err := t.AddPath(d); err != nil {
			fmt.Fprintln(stderr, "matterlint: --cd-signer-dir:", err)
			return nil, exitUsage
		}
	}
	for _, s := range t.Skipped {
		fmt.Fprintf(stderr, "matterlint: --cd-signer-dir: not trusted: %s: %v\n", s.Source, s.Err)
	}
	return t, exitOK
}

// loadCD reads the first object of a file as a CD.
func loadCD(path string, stderr io.Writer) (*matterext.CertificationDeclaration, int) {
	var cd *matterext.CertificationDeclaration
	code := exitOK
	input.ForCMS(nil).Read([]string{path}, func(it input.Item) bool {
		if it.Err != nil {
			fmt.Fprintf(stderr, "matterlint: CD: %v\n", it.Err)
			code = exitNotCertificate
			if it.Err.Kind == input.KindIO {
				code = exitUsage
			}
			return false
		}
		var err error
		if cd, err = matterext.ParseCD(it.DER); err != nil {
			fmt.Fprintf(stderr, "matterlint: CD %s [%d]: %v\n", it.Source, it.Index, err)
			code = exitNotCertificate
		}
		return false
	})
	return cd, code
}

type cdFieldJSON struct {
	Tag     int      `json:"tag"`
	Name    string   `json:"name"`
	Present bool     `json:"present"`
	Offset  int      `json:"offset,omitempty"`
	Value   any      `json:"value,omitempty"`
	Display string   `json:"display,omitempty"`
	Entries []string `json:"entries,omitempty"`
}

type cdResultJSON struct {
	Input       string              `json:"input"`
	Index       int                 `json:"index"`
	Error       *jsonError          `json:"error,omitempty"`
	Verdict     string              `json:"verdict,omitempty"`
	SDKCode     int                 `json:"sdk_code"`
	SDKCodeName string              `json:"sdk_code_name,omitempty"`
	KeyID       string              `json:"signer_key_id,omitempty"`
	Fields      []cdFieldJSON       `json:"fields,omitempty"`
	Findings    []verifyFindingJSON `json:"findings"`
}

func describeCDField(f *matterext.CDField) cdFieldJSON {
	j := cdFieldJSON{Tag: int(f.Spec.Tag), Name: f.Spec.Name, Present: f.Present}
	if !f.Present {
		return j
	}
	j.Offset = f.Offset
	switch f.Spec.Kind {
	case matterext.CDUint:
		j.Value = f.Uint
		switch f.Spec.Tag {
		case matterext.CDTagVendorID, matterext.CDTagDACOriginVendorID, matterext.CDTagDACOriginProductID:
			j.Display = "0x" + matterext.FormatID(uint16(f.Uint))
		case matterext.CDTagDeviceTypeID:
			j.Display = fmt.Sprintf("0x%04X", f.Uint)
		case matterext.CDTagCertificationType:
			j.Display = map[uint64]string{0: "development and test", 1: "provisional", 2: "official"}[f.Uint]
			if j.Display == "" {
				j.Display = "reserved"
			}
		default:
			j.Display = fmt.Sprint(f.Uint)
		}
	case matterext.CDString:
		j.Value, j.Display = f.Str, fmt.Sprintf("%q", f.Str)
	case matterext.CDUintArray:
		for _, v := range f.Uints {
			j.Entries = append(j.Entries, "0x"+matterext.FormatID(uint16(v)))
		}
		j.Display = fmt.Sprintf("%d entries", len(f.Uints))
	case matterext.CDBytesArray:
		for _, b := range f.Blobs {
			j.Entries = append(j.Entries, matterext.HexColon(b))
		}
		j.Display = fmt.Sprintf("%d entries", len(f.Blobs))
	}
	return j
}

func runCD(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("cd", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	format := addFormatFlag(fs)
	vidFlag := fs.String("vid", "", "the device's Vendor ID (hex), checked against vendor_id")
	pidFlag := fs.String("pid", "", "the device's Product ID (hex), checked against product_id_array")
	cdf := addCDFlags(fs)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: matterlint cd [--format text|json|ndjson|sarif|junit] [--allow-test-cd-key] [--cd-signer-dir D] [--vid HEX --pid HEX] FILE...\n\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 || !slices.Contains(formats, *format) {
		fs.Usage()
		return exitUsage
	}
	opts := verify.CDOptions{AllowTestKey: *cdf.allowTest}
	var err error
	if opts.Device.VID, opts.Device.HasVID, err = parseID(*vidFlag); err != nil {
		fmt.Fprintln(stderr, "matterlint cd: --vid:", err)
		return exitUsage
	}
	if opts.Device.PID, opts.Device.HasPID, err = parseID(*pidFlag); err != nil {
		fmt.Fprintln(stderr, "matterlint cd: --pid:", err)
		return exitUsage
	}
	var code int
	if opts.Trust, code = cdf.trust(stderr); opts.Trust == nil {
		return code
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	items := itemWriterFor(*format, w, "cd", verifyRuleInfos())
	var sum report.Summary
	var results []cdResultJSON
	worst := exitOK
	raise := func(c int) {
		if c == exitUsage || (c == exitNotCertificate && worst != exitUsage) || (c == exitFindings && worst == exitOK) {
			worst = c
		}
	}
	ignored := &ignoredFiles{}
	rd := input.ForCMS(stdin)
	rd.Ignored = ignored.add
	rd.Read(fs.Args(), func(it input.Item) bool {
		r := cdResultJSON{Input: it.Source, Index: it.Index, Findings: []verifyFindingJSON{}}
		var cd *matterext.CertificationDeclaration
		switch {
		case it.Err != nil:
			r.Index = it.Err.Index
			r.Error = &jsonError{Kind: "not-certificate", Message: it.Err.Error()}
			if it.Err.Kind == input.KindIO {
				r.Error.Kind = "io"
			}
		case wrongObject(it.DER, input.KindCMS) != nil:
			r.Error = &jsonError{Kind: "not-certificate", Message: fmt.Sprintf("%s [%d]: not a Certification Declaration: %v", it.Source, it.Index, wrongObject(it.DER, input.KindCMS))}
		default:
			var perr error
			if cd, perr = matterext.ParseCD(it.DER); perr != nil {
				r.Error = &jsonError{Kind: "not-certificate", Message: fmt.Sprintf("%s [%d]: not a Certification Declaration: %v", it.Source, it.Index, perr)}
			}
		}
		if r.Error != nil {
			raise(map[bool]int{true: exitUsage, false: exitNotCertificate}[r.Error.Kind == "io"])
			emitObject(*format, w, items, &sum, r, report.Item{Source: it.Source, Index: r.Index, Err: errors.New(r.Error.Message), ErrKind: report.ErrorKind(r.Error.Kind), Kind: "cd"})
			if *format == "json" {
				results = append(results, r)
			}
			if *format == "text" {
				fmt.Fprintf(w, "%s [%d]: %s: %s\n", safeText(it.Source), r.Index, strings.ToUpper(r.Error.Kind), safeText(r.Error.Message))
			}
			return true
		}
		findings, err := verify.CheckCD(cd, opts)
		if err != nil {
			fmt.Fprintln(stderr, "matterlint cd:", err)
			raise(exitUsage)
			return false
		}
		res := &verify.Result{Findings: findings}
		if len(findings) > 0 && findings[0].Failure() {
			res.Code = findings[0].Code
		}
		r.Verdict, r.SDKCode, r.SDKCodeName = verdict(res), int(res.Code), res.Code.String()
		if !res.Pass() {
			raise(exitFindings)
		}
		r.KeyID = matterext.HexColon(cd.KeyID())
		if cd.Content != nil {
			for i := range cd.Content.Fields {
				r.Fields = append(r.Fields, describeCDField(&cd.Content.Fields[i]))
			}
		}
		r.Findings = findingsJSON(findings)
		emitObject(*format, w, items, &sum, r, itemOfFindings(it.Source, it.Index, "cd", res))
		if *format == "json" {
			results = append(results, r)
		}
		if *format == "text" {
			writeCDText(w, &r, res)
		}
		return true
	})
	closeObjects(*format, w, items, sum, "cd", results)
	ignored.report(stderr, "cd")
	if sum.Inputs == 0 {
		return noObjects(stderr, "cd", "Certification Declaration")
	}
	return worst
}

func writeCDText(w io.Writer, r *cdResultJSON, res *verify.Result) {
	status := "PASS"
	if !res.Pass() {
		status = fmt.Sprintf("FAIL %v (%d)", res.Code, res.Code)
	}
	fmt.Fprintf(w, "%s [%d]: Certification Declaration signed by key %s: %s\n", safeText(r.Input), r.Index, r.KeyID, status)
	for _, f := range r.Fields {
		if !f.Present {
			fmt.Fprintf(w, "  [%2d] %-22s (absent)\n", f.Tag, f.Name)
			continue
		}
		line := fmt.Sprintf("  [%2d] %-22s %s", f.Tag, f.Name, f.Display)
		if len(f.Entries) > 0 {
			line += ": " + strings.Join(f.Entries, ", ")
		}
		fmt.Fprintln(w, line)
	}
	writeFindingsText(w, res.Findings)
}
