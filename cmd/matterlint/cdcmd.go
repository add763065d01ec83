package main

import (
	"fmt"
	"io"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/report"
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

func cdCommand() *command {
	return &command{name: "cd", args: "FILE...", summary: "decode, lint and verify Certification Declarations",
		details: "Each CD (CMS DER, hex or base64) is decoded field by field, its envelope and content linted and\n" +
			"its signature verified against the CSA CD signing keys (the SDK test key with --allow-test-cd-key).",
		ci: true, failOn: "none", setup: setupCD}
}

func setupCD(fs *pflag.FlagSet) func(*env) int {
	vidFlag := fs.String("vid", "", "the device's Vendor ID (hex), checked against vendor_id")
	pidFlag := fs.String("pid", "", "the device's Product ID (hex), checked against product_id_array")
	cdf := addCDFlags(fs)
	return func(e *env) int {
		if len(e.inputs) == 0 {
			fmt.Fprintln(e.stderr, "matterlint cd: no input given (CD files, directories or - for stdin)")
			return exitUsage
		}
		opts := verify.CDOptions{AllowTestKey: *cdf.allowTest}
		var err error
		if opts.Device.VID, opts.Device.HasVID, err = parseID(*vidFlag); err != nil {
			fmt.Fprintln(e.stderr, "matterlint cd: --vid:", err)
			return exitUsage
		}
		if opts.Device.PID, opts.Device.HasPID, err = parseID(*pidFlag); err != nil {
			fmt.Fprintln(e.stderr, "matterlint cd: --pid:", err)
			return exitUsage
		}
		var code int
		if opts.Trust, code = cdf.trust(e.stderr); opts.Trust == nil {
			return code
		}
		return inputRun[*report.CDResult]{command: "cd", what: "Certification Declaration", reader: input.ForCMS(e.stdin), paths: e.inputs, jobs: 1,
			check: func(it input.Item) (*report.CDResult, error) {
				r := &report.CDResult{Input: it.Source}
				var err error
				if r.CD, r.Index, r.Err = decodeItem(it, input.KindCMS, report.KindCD, matterext.ParseCD); r.Err == nil {
					r.Findings, err = verify.CheckCD(r.CD, opts)
				}
				return r, err
			}}.run(e, e.ci.writer(e, "cd", verifyRules()))
	}
}
