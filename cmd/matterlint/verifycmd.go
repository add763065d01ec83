package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/report"
	"github.com/matterlint/matterlint/verify"
	"github.com/spf13/pflag"
)

func verifyCommand() *command {
	return &command{name: "verify", args: "[--dac F] [DACS...]", summary: "verify DAC → PAI → PAA chains as the SDK's DefaultDACVerifier does",
		details: "Every failure is listed with its SDK code and step; the primary code is the first in the SDK's\n" +
			"order. DACS are DAC files, bundles or directories: the PAI and PAA are checked once. Text output\n" +
			"prints one line per passing DAC and the PAI's and PAA's findings once.",
		ci: true, failOn: "none", setup: setupVerify}
}

func setupVerify(fs *pflag.FlagSet) func(*env) int {
	dacFlag := fs.String("dac", "", "the DAC (PEM, DER, hex or base64); more DACs may follow as arguments")
	paiFlag := fs.String("pai", "", "the PAI")
	paaFiles := fs.StringArray("paa", nil, "a PAA to trust (repeatable); replaces the embedded production store")
	paaDirs := fs.StringArray("paa-dir", nil, "a directory of PAAs to trust (repeatable); replaces the embedded production store")
	withProd := fs.Bool("with-production", false, "with --paa/--paa-dir: also trust the embedded production PAAs")
	production := fs.String("production", "auto", "reject PAIs issued by SDK test PAAs: auto (when the embedded production store is used), true or false")
	fs.SetAnnotation("production", completionValues, []string{"auto", "true", "false"})
	vidFlag := fs.String("vid", "", "the device's Vendor ID (hex, e.g. FFF1)")
	pidFlag := fs.String("pid", "", "the device's Product ID (hex, e.g. 8000)")
	atFlag := fs.String("at", "", "check the DAC's validity at this time (RFC 3339) instead of now")
	noNow := fs.Bool("no-current-time", false, "do not check the DAC's validity at any time (a commissioner without a clock)")
	jobs := fs.Int("jobs", 0, "parallel workers (0: one per CPU)")
	cdFlag := fs.String("cd", "", "the Certification Declaration (CMS DER, hex or base64) to check with the chain")
	cdf := addCDFlags(fs)
	revSet := fs.String("revocation-set", "", "check the DAC and PAI against this revocation set (the SDK's JSON)")
	crlFiles := fs.StringArray("crl", nil, "check the DAC and PAI against this CRL (repeatable)")
	af := addAttestationFlags(fs)
	release := fs.String("sdk-release", verify.NewestRelease().Name, "decide as commissioners of this Matter SDK release do ("+releaseNames()+")")
	return func(e *env) int {
		stderr := e.stderr
		usageErr := func(format string, a ...any) int {
			fmt.Fprintf(stderr, "matterlint verify: "+format+"\n", a...)
			return exitUsage
		}
		dacPaths := e.inputs
		if *dacFlag != "" {
			dacPaths = append([]string{*dacFlag}, dacPaths...)
		}
		if len(dacPaths) == 0 {
			return usageErr("no DAC given (--dac FILE, or DAC files, bundles or directories as arguments)")
		}
		opts := verify.DefaultOptions()
		opts.NoCurrentTime, opts.Release = *noNow, *release
		if _, err := verify.LookupRelease(*release); err != nil {
			return usageErr("--sdk-release: %v", err)
		}
		if *atFlag != "" {
			if *noNow {
				return usageErr("--at and --no-current-time exclude each other")
			}
			t, err := parseAt(*atFlag)
			if err != nil {
				return usageErr("--at: %v", err)
			}
			opts.At = t
		}
		var err error
		if opts.Device.VID, opts.Device.HasVID, err = parseID(*vidFlag); err != nil {
			return usageErr("--vid: %v", err)
		}
		if opts.Device.PID, opts.Device.HasPID, err = parseID(*pidFlag); err != nil {
			return usageErr("--pid: %v", err)
		}
		store, code := buildStore(*paaFiles, *paaDirs, *withProd, stderr)
		if store == nil {
			return code
		}
		opts.Store = store
		switch *production {
		case "auto":
			opts.Production = len(*paaFiles)+len(*paaDirs) == 0
		case "true":
			opts.Production = true
		case "false":
			opts.Production = false
		default:
			return usageErr("--production %q: want auto, true or false", *production)
		}
		if *cdFlag != "" {
			cd, c := loadCD(*cdFlag, stderr)
			if cd == nil {
				return c
			}
			opts.CD = cd
		}
		if *cdFlag != "" || af.given() {
			var c int
			if opts.CDTrust, c = cdf.trust(stderr); opts.CDTrust == nil {
				return c
			}
			opts.AllowTestCDKey = *cdf.allowTest
		}
		if af.given() {
			if len(dacPaths) != 1 {
				return usageErr("an attestation response belongs to one device: give exactly one DAC (got %d inputs)", len(dacPaths))
			}
			r, c := af.load(stderr)
			if r == nil {
				return c
			}
			opts.Attestation = r
		}
		if *revSet != "" || len(*crlFiles) > 0 {
			rv, c := loadRevocation(*revSet, *crlFiles, stderr)
			if rv == nil {
				return c
			}
			opts.Revocation = rv
		}
		var pai *matterext.Certificate
		if *paiFlag != "" {
			var c int
			pai, c = loadOne(*paiFlag, "--pai", matterext.RolePAI, stderr)
			if pai == nil {
				return c
			}
		}
		v, err := verify.NewVerifier(pai, opts)
		if err != nil {
			fmt.Fprintln(stderr, "matterlint verify:", err)
			return exitUsage
		}
		return inputRun[*report.DACResult]{command: "verify", what: "DAC", reader: &input.Reader{Stdin: e.stdin}, paths: dacPaths, jobs: *jobs,
			check: func(it input.Item) (*report.DACResult, error) { return verifyItem(v, it), nil }}.run(e, e.ci.writer(e, "verify", verifyRules()))
	}
}

func parseID(s string) (uint16, bool, error) {
	if s == "" {
		return 0, false, nil
	}
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	v, err := strconv.ParseUint(s, 16, 16)
	if err != nil {
		return 0, false, fmt.Errorf("%q is not a 16-bit hex number", s)
	}
	return uint16(v), true, nil
}

// buildStore returns the trust store: the embedded production PAAs, or the
// given PAAs (plus the production ones with --with-production).
func buildStore(files, dirs []string, withProd bool, stderr io.Writer) (*verify.TrustStore, int) {
	if len(files)+len(dirs) == 0 {
		s, err := verify.Production()
		if err != nil {
			fmt.Fprintln(stderr, "matterlint verify:", err)
			return nil, exitUsage
		}
		return s, exitOK
	}
	s := verify.NewTrustStore("given PAAs (" + strings.Join(append(append([]string{}, files...), dirs...), ", ") + ")")
	for _, p := range append(append([]string{}, files...), dirs...) {
		if err := s.AddPath(p); err != nil {
			fmt.Fprintln(stderr, "matterlint verify: --paa/--paa-dir:", err)
			return nil, exitUsage
		}
	}
	if withProd {
		prod, err := verify.Production()
		if err != nil {
			fmt.Fprintln(stderr, "matterlint verify:", err)
			return nil, exitUsage
		}
		for _, a := range prod.Anchors() {
			_ = s.Add(a.Cert, a.Source)
		}
		s.Name += " and the embedded production PAAs"
	}
	if len(s.Anchors()) == 0 {
		fmt.Fprintln(stderr, "matterlint verify: no PAA found in --paa/--paa-dir")
		for _, sk := range s.Skipped {
			fmt.Fprintf(stderr, "  skipped %s: %v\n", sk.Source, sk.Err)
		}
		return nil, exitUsage
	}
	for _, sk := range s.Skipped {
		fmt.Fprintf(stderr, "matterlint: --paa/--paa-dir: not trusted: %s: %v\n", report.SafeText(sk.Source), sk.Err)
	}
	for _, c := range s.Collisions {
		fmt.Fprintf(stderr, "matterlint: warning: %s\n", report.SafeText(c.String()))
	}
	return s, exitOK
}

func verifyItem(v *verify.Verifier, it input.Item) *report.DACResult {
	r := &report.DACResult{Input: it.Source}
	c, index, ierr := decodeItem(it, input.KindCertificate, report.KindDAC, matterext.ParseCertificate)
	if r.Index, r.Err = index, ierr; ierr != nil {
		return r
	}
	r.Subject = c.Subject.String()
	r.Verify = v.Verify(c)
	return r
}

// loadRevocation reads a revocation set and CRL files.
func loadRevocation(setPath string, crls []string, stderr io.Writer) (*verify.Revocation, int) {
	rv := &verify.Revocation{}
	if setPath != "" {
		b, err := input.ReadFileLimit(setPath, input.MaxJSONSize, "revocation set")
		if err != nil {
			fmt.Fprintln(stderr, "matterlint: --revocation-set:", err)
			return nil, exitUsage
		}
		set, err := matterext.ParseRevocationSet(b)
		if set == nil {
			fmt.Fprintf(stderr, "matterlint: --revocation-set %s: %v\n", setPath, err)
			return nil, exitNotCertificate
		}
		if err != nil {
			fmt.Fprintf(stderr, "matterlint: warning: --revocation-set %s: %v\n", setPath, err)
		}
		rv.Set = set
	}
	for _, p := range crls {
		code := exitOK
		input.ForCRLs(nil).Read([]string{p}, func(it input.Item) bool {
			if it.Err != nil {
				fmt.Fprintf(stderr, "matterlint: --crl: %v\n", it.Err)
				code = exitNotCertificate
				if it.Err.Kind == input.KindIO {
					code = exitUsage
				}
				return false
			}
			l, err := matterext.ParseCRL(it.DER)
			if err != nil {
				fmt.Fprintf(stderr, "matterlint: --crl %s [%d]: %v\n", it.Source, it.Index, err)
				code = exitNotCertificate
				return false
			}
			rv.CRLs = append(rv.CRLs, l)
			rv.CRLSources = append(rv.CRLSources, fmt.Sprintf("%s [%d]", it.Source, it.Index))
			return true
		})
		if code != exitOK {
			return nil, code
		}
	}
	return rv, exitOK
}

// verifyRules describes every rule and check verify may report.
func verifyRules() []report.Rule {
	return append(report.Rules(lint.Default()), report.Checks()...)
}
