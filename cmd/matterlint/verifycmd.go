package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/internal/batch"
	"github.com/matterlint/matterlint/internal/report"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
	"github.com/spf13/pflag"
)

func runVerify(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("verify", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	dacFlag := fs.String("dac", "", "the DAC (PEM, DER, hex or base64); more DACs may follow as arguments")
	paiFlag := fs.String("pai", "", "the PAI")
	paaFiles := fs.StringArray("paa", nil, "a PAA to trust (repeatable); replaces the embedded production store")
	paaDirs := fs.StringArray("paa-dir", nil, "a directory of PAAs to trust (repeatable); replaces the embedded production store")
	withProd := fs.Bool("with-production", false, "with --paa/--paa-dir: also trust the embedded production PAAs")
	production := fs.String("production", "auto", "reject PAIs issued by SDK test PAAs: auto (when the embedded production store is used), true or false")
	vidFlag := fs.String("vid", "", "the device's Vendor ID (hex, e.g. FFF1)")
	pidFlag := fs.String("pid", "", "the device's Product ID (hex, e.g. 8000)")
	atFlag := fs.String("at", "", "check the DAC's validity at this time (RFC 3339) instead of now")
	noNow := fs.Bool("no-current-time", false, "do not check the DAC's validity at any time (a commissioner without a clock)")
	format := addFormatFlag(fs)
	jobs := fs.Int("jobs", 0, "parallel workers (0: one per CPU)")
	cdFlag := fs.String("cd", "", "the Certification Declaration (CMS DER, hex or base64) to check with the chain")
	cdf := addCDFlags(fs)
	revSet := fs.String("revocation-set", "", "check the DAC and PAI against this revocation set (the SDK's JSON)")
	crlFiles := fs.StringArray("crl", nil, "check the DAC and PAI against this CRL (repeatable)")
	af := addAttestationFlags(fs)
	release := fs.String("sdk-release", verify.NewestRelease().Name, "decide as commissioners of this Matter SDK release do ("+releaseNames()+")")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: matterlint verify --dac F --pai F [--paa F | --paa-dir D ...] [--vid HEX --pid HEX] [--at TIME | --no-current-time] [--format text|json|ndjson|sarif|junit] [DACS...]\n\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "matterlint verify: "+format+"\n", a...)
		return exitUsage
	}
	dacPaths := fs.Args()
	if *dacFlag != "" {
		dacPaths = append([]string{*dacFlag}, dacPaths...)
	}
	if len(dacPaths) == 0 {
		return usageErr("no DAC given (--dac FILE, or DAC files, bundles or directories as arguments)")
	}
	if !slices.Contains(formats, *format) {
		return usageErr("--format %q: want one of %s", *format, strings.Join(formats, ", "))
	}
	opts := verify.Options{NoCurrentTime: *noNow, Release: *release}
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
	w := newVerifyWriter(*format, stdout)
	var sum verifySummary
	ignored := &ignoredFiles{}
	rd := &input.Reader{Stdin: stdin, Ignored: ignored.add}
	batch.Map(batch.Options[input.Item]{Jobs: *jobs, Weight: itemWeight},
		func(emit func(input.Item) bool) { rd.Read(dacPaths, emit) },
		func(it input.Item) verifyResult { return verifyItem(v, it) },
		func(r verifyResult) bool {
			sum.add(&r)
			w.write(&r)
			return true
		})
	if err := w.close(&sum); err != nil {
		return exitUsage // run reports the write error
	}
	ignored.report(stderr, "verify")
	switch {
	case sum.DACs+sum.IOErrors+sum.NotCertificates == 0:
		return noObjects(stderr, "verify", "DAC")
	case sum.IOErrors > 0:
		return exitUsage
	case sum.NotCertificates > 0:
		return exitNotCertificate
	case sum.Failed > 0:
		return exitFindings
	}
	return exitOK
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
		fmt.Fprintf(stderr, "matterlint: --paa/--paa-dir: not trusted: %s: %v\n", safeText(sk.Source), sk.Err)
	}
	for _, c := range s.Collisions {
		fmt.Fprintf(stderr, "matterlint: warning: %s\n", safeText(c.String()))
	}
	return s, exitOK
}

type verifyResult struct {
	Source  string
	Index   int
	Err     error
	ErrKind string
	Subject string
	Res     *verify.Result
}

func verifyItem(v *verify.Verifier, it input.Item) verifyResult {
	r := verifyResult{Source: it.Source, Index: it.Index}
	if it.Err != nil {
		r.Err, r.Index, r.ErrKind = it.Err, it.Err.Index, string(errKindOf(it.Err))
		return r
	}
	if err := wrongObject(it.DER, input.KindCertificate); err != nil {
		r.Err, r.ErrKind = fmt.Errorf("%s [%d]: not a DAC: %w", it.Source, it.Index, err), "not-certificate"
		return r
	}
	c, err := matterext.ParseCertificate(it.DER)
	if err != nil {
		r.Err, r.ErrKind = err, "not-certificate"
		return r
	}
	r.Subject = c.Subject.String()
	r.Res = v.Verify(c)
	return r
}

type verifySummary struct {
	DACs            int `json:"dacs"`
	Passed          int `json:"passed"`
	Failed          int `json:"failed"`
	NotCertificates int `json:"not_certificates"`
	IOErrors        int `json:"io_errors"`
	first           *verifyResult
}

func (s *verifySummary) add(r *verifyResult) {
	switch {
	case r.ErrKind == "io":
		s.IOErrors++
	case r.Err != nil:
		s.NotCertificates++
	case r.Res.Pass():
		s.DACs++
		s.Passed++
	default:
		s.DACs++
		s.Failed++
	}
	if r.Res != nil && (s.first == nil || (s.first.Res.Pass() && !r.Res.Pass())) {
		cp := *r
		s.first = &cp
	}
}

// JSON schema of verify output.
type verifyFindingJSON struct {
	Check       string `json:"check"`
	Cert        string `json:"cert"`
	Severity    string `json:"severity"`
	SDKCode     int    `json:"sdk_code"`
	SDKCodeName string `json:"sdk_code_name"`
	Step        int    `json:"sdk_step"`
	Location    string `json:"location"`
	Message     string `json:"message"`
	Citation    string `json:"citation"`
	Note        string `json:"note,omitempty"`
}

type verifyResultJSON struct {
	Input       string              `json:"input"`
	Index       int                 `json:"index"`
	Error       *jsonError          `json:"error,omitempty"`
	Subject     string              `json:"subject,omitempty"`
	Verdict     string              `json:"verdict,omitempty"`
	SDKCode     int                 `json:"sdk_code"`
	SDKCodeName string              `json:"sdk_code_name,omitempty"`
	PAA         string              `json:"paa,omitempty"`
	PAASource   string              `json:"paa_source,omitempty"`
	At          string              `json:"checked_at,omitempty"`
	Elements    *elementsJSON       `json:"attestation_elements,omitempty"`
	SDKRelease  string              `json:"sdk_release,omitempty"`
	Releases    []releaseJSON       `json:"release_verdicts,omitempty"`
	Findings    []verifyFindingJSON `json:"findings"`
}

type jsonError struct {
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

func toVerifyJSON(r *verifyResult) verifyResultJSON {
	j := verifyResultJSON{Input: r.Source, Index: r.Index, Findings: []verifyFindingJSON{}}
	if r.Err != nil {
		j.Error = &jsonError{Kind: r.ErrKind, Message: r.Err.Error()}
		return j
	}
	j.Subject = r.Subject
	j.Verdict, j.SDKCode, j.SDKCodeName = verdict(r.Res), int(r.Res.Code), r.Res.Code.String()
	if r.Res.PAA != nil {
		j.PAA, j.PAASource = r.Res.PAA.Cert.Subject.String(), r.Res.PAA.Source
	}
	if !r.Res.At.IsZero() {
		j.At = r.Res.At.Format("2006-01-02T15:04:05Z")
	}
	j.Elements = toElementsJSON(r.Res.Elements)
	j.SDKRelease, j.Releases = r.Res.Release.Name, releasesJSON(r.Res.Releases)
	j.SDKCode = r.Res.Release.Number(r.Res.Code)
	j.Findings = findingsJSONFor(r.Res.Findings, r.Res.Release)
	return j
}

func findingsJSON(fs []verify.Finding) []verifyFindingJSON {
	return findingsJSONFor(fs, verify.NewestRelease())
}

// findingsJSONFor converts findings with the code numbers of release rel.
func findingsJSONFor(fs []verify.Finding, rel verify.Release) []verifyFindingJSON {
	out := []verifyFindingJSON{}
	for _, f := range fs {
		fj := verifyFindingJSON{Check: f.Check, Cert: f.Cert, Severity: f.Severity.String(), SDKCode: rel.Number(f.Code),
			Step: f.Step / 10, Location: f.Location, Message: f.Message, Citation: f.Citation, Note: f.Note}
		if f.Code != 0 {
			fj.SDKCodeName = f.Code.String()
		}
		out = append(out, fj)
	}
	return out
}

func verdict(r *verify.Result) string {
	if r.Pass() {
		return "pass"
	}
	return "fail"
}

type verifyWriter struct {
	json   bool
	ndjson bool
	items  report.ItemWriter // sarif, junit
	w      *bufio.Writer
	n      int
}

func newVerifyWriter(format string, w io.Writer) *verifyWriter {
	vw := &verifyWriter{json: format == "json", ndjson: format == "ndjson", w: bufio.NewWriterSize(w, 64<<10)}
	switch format {
	case "sarif":
		vw.items = report.NewSARIF(vw.w, version, verifyRuleInfos())
	case "junit":
		vw.items = report.NewJUnit(vw.w, "verify")
	}
	if vw.json {
		fmt.Fprintf(vw.w, `{"schema_version":1,"tool":{"name":"matterlint","version":%q,"command":"verify"},"results":[`, version)
	}
	return vw
}

func (vw *verifyWriter) write(r *verifyResult) {
	if vw.items != nil {
		it := verifyItemOf(r)
		vw.items.WriteItem(&it)
		return
	}
	if vw.ndjson {
		b, _ := json.Marshal(toVerifyJSON(r))
		vw.w.Write(b)
		vw.w.WriteByte('\n')
		return
	}
	if vw.json {
		b, _ := json.Marshal(toVerifyJSON(r))
		if vw.n > 0 {
			vw.w.WriteByte(',')
		}
		vw.w.WriteString("\n")
		vw.w.Write(b)
		vw.n++
		return
	}
	w := vw.w
	loc := fmt.Sprintf("%s [%d]", safeText(r.Source), r.Index)
	if r.Err != nil {
		fmt.Fprintf(w, "%s: %s: %s\n", loc, strings.ToUpper(r.ErrKind), safeText(r.Err.Error()))
		return
	}
	res := r.Res
	if res.Pass() {
		fmt.Fprintf(w, "%s %q: PASS", loc, r.Subject)
	} else {
		fmt.Fprintf(w, "%s %q: FAIL %v (%d)", loc, r.Subject, res.Code, res.Release.Number(res.Code))
	}
	if res.PAA != nil {
		fmt.Fprintf(w, " under PAA %q (%s)", res.PAA.Cert.Subject.String(), res.PAA.Source)
	}
	w.WriteString("\n")
	if len(res.Releases) > 1 {
		fmt.Fprintf(w, "  the verdict depends on the commissioner's SDK release (shown: %s):\n", res.Release.Name)
		for _, rv := range res.Releases {
			fmt.Fprintf(w, "    %s\n", rv)
		}
	}
	writeElementsText(w, res.Elements)
	writeFindingsTextFor(w, res.Findings, res.Release)
}

// writeFindingsText lists failures in SDK order, then the findings that do
// not fail attestation.
func writeFindingsText(w io.Writer, fs []verify.Finding) {
	writeFindingsTextFor(w, fs, verify.NewestRelease())
}

// writeFindingsTextFor is writeFindingsText with the code numbers of
// release rel.
func writeFindingsTextFor(w io.Writer, fs []verify.Finding, rel verify.Release) {
	n := 0
	for _, f := range fs {
		if !f.Failure() {
			continue
		}
		n++
		fmt.Fprintf(w, "  %d. %v (%d) [%s, SDK step %d] %s: %s\n", n, f.Code, rel.Number(f.Code), f.Cert, f.Step/10, f.Check, f.Message)
		fmt.Fprintf(w, "       at %s\n", f.Location)
	}
	first := true
	for _, f := range fs {
		if f.Failure() {
			continue
		}
		if first {
			io.WriteString(w, "  not failing attestation:\n")
			first = false
		}
		fmt.Fprintf(w, "     %-6s [%s] %s: %s\n", strings.ToUpper(f.Severity.String()), f.Cert, f.Check, f.Message)
	}
}

func (vw *verifyWriter) close(s *verifySummary) error {
	if vw.items != nil {
		if err := vw.items.Close(report.Summary{Inputs: s.DACs + s.NotCertificates + s.IOErrors, Certificates: s.DACs,
			WithErrors: s.Failed, Clean: s.Passed, NotCertificates: s.NotCertificates, IOErrors: s.IOErrors}); err != nil {
			return err
		}
		return vw.w.Flush()
	}
	if vw.ndjson {
		b, _ := json.Marshal(map[string]any{"summary": s})
		vw.w.Write(b)
		vw.w.WriteByte('\n')
		return vw.w.Flush()
	}
	if vw.json {
		top := verifyResultJSON{Findings: []verifyFindingJSON{}}
		if s.first != nil {
			top = toVerifyJSON(s.first)
		}
		v := "pass"
		switch {
		case s.IOErrors > 0 || s.DACs == 0:
			v = "error" // not every input could be read, or there was no DAC
		case s.Failed+s.NotCertificates > 0:
			v = "fail"
		}
		fs, _ := json.Marshal(top.Findings)
		sb, _ := json.Marshal(s)
		fmt.Fprintf(vw.w, "\n],\"verdict\":%q,\"sdk_code\":%d,\"sdk_code_name\":%q,\"findings\":%s,\"summary\":%s}\n",
			v, top.SDKCode, cmp.Or(top.SDKCodeName, matterext.Success.String()), fs, sb)
	} else {
		fmt.Fprintf(vw.w, "\n%d DAC%s verified: %d pass, %d fail", s.DACs, report.Plural(s.DACs), s.Passed, s.Failed)
		if s.NotCertificates+s.IOErrors > 0 {
			fmt.Fprintf(vw.w, "; %d input%s not a certificate, %d unreadable", s.NotCertificates, report.Plural(s.NotCertificates), s.IOErrors)
		}
		vw.w.WriteString("\n")
	}
	return vw.w.Flush()
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

// verifyItemOf converts a verify result for the SARIF and JUnit writers.
func verifyItemOf(r *verifyResult) report.Item {
	it := report.Item{Source: r.Source, Index: r.Index, Err: r.Err, ErrKind: report.ErrorKind(r.ErrKind), Kind: "dac", Role: "dac", Subject: r.Subject}
	if r.Res == nil {
		return it
	}
	it.Verdict, it.SDKCode = verdict(r.Res), r.Res.Code
	if r.Res.PAA != nil {
		it.Issuer = r.Res.PAA.Cert.Subject.String()
	}
	for _, f := range r.Res.Findings {
		sev := f.Severity
		if f.Failure() {
			sev = lint.Error
		}
		it.Findings = append(it.Findings, report.ItemFinding{Rule: f.Check, Severity: sev, Source: f.Cert, Location: f.Location,
			Message: f.Message, SDKCode: f.Code, Failing: f.Failure()})
	}
	return it
}

// verifyRuleInfos describes every rule and check verify may report.
func verifyRuleInfos() []report.RuleInfo {
	var out []report.RuleInfo
	for _, r := range lint.Default().Rules() {
		out = append(out, report.RuleInfoOf(r))
	}
	for _, c := range verify.Checks() {
		out = append(out, report.RuleInfo{Name: c.Name, Description: c.Description, Citation: "matter-pki-rules.md §4-6 (SDK code " + c.Code.String() + ")",
			Source: "Matter", Severity: lint.Error})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
