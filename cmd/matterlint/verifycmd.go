package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/matterlint/matterlint/dcl"

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
	ledgerDir := fs.String("ledger", "", "trust the approved device-attestation roots (PAAs) of this DCL snapshot (matterlint dcl snapshot); replaces the embedded production store")
	withProd := fs.Bool("with-production", false, "with --paa/--paa-dir/--ledger: also trust the embedded production PAAs")
	production := fs.String("production", "auto", "reject PAIs issued by SDK test PAAs: auto (when the trust anchors are production ones: the embedded store, or a --ledger snapshot that approves no SDK test PAA, and no --paa/--paa-dir), true or false")
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
	crlDir := fs.String("crl-dir", "", "with --ledger: build the revocation set from the snapshot's revocation points, with CRL files named as the last path segment of each point's dataURL")
	crlMap := fs.String("crl-map", "", "with --ledger: a JSON object mapping dataURL to CRL file (paths relative to the map file), as revocation-set takes it")
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
		if *withProd && len(*paaFiles)+len(*paaDirs) == 0 && *ledgerDir == "" {
			return usageErr("--with-production adds the embedded production PAAs to --paa, --paa-dir or --ledger; without them the embedded store is already the trust store")
		}
		if (*crlDir != "" || *crlMap != "") && *ledgerDir == "" {
			return usageErr("--crl-dir and --crl-map build the revocation set from the revocation points of a DCL snapshot: give --ledger DIR (for points in a file, build the set with `matterlint revocation-set` and give it with --revocation-set)")
		}
		var ledger *snapshotTrust
		var base *verify.TrustStore
		if *ledgerDir != "" {
			var c int
			if ledger, c = loadSnapshotTrust(*ledgerDir, stderr); ledger == nil {
				return c
			}
			base = ledger.store
		}
		store, code := buildStoreOn(base, *paaFiles, *paaDirs, *withProd, stderr)
		if store == nil {
			return code
		}
		opts.Store = store
		switch *production {
		case "auto":
			opts.Production = len(*paaFiles)+len(*paaDirs) == 0 && (ledger == nil || ledger.testPAA == nil)
			if opts.Production || len(*paaFiles)+len(*paaDirs) > 0 || ledger == nil {
				break
			}
			fmt.Fprintf(stderr, "matterlint verify: note: --production auto: the DCL snapshot %s approves the SDK test PAA %s, so it is taken as a test network's ledger and PAIs of test PAAs are not refused (--production true refuses them)\n",
				report.SafeText(*ledgerDir), report.SafeText(ledger.testPAA.Source(*ledgerDir)))
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
		if *revSet != "" || len(*crlFiles) > 0 || *crlDir != "" || *crlMap != "" {
			rv, c := loadRevocation(*revSet, *crlFiles, stderr)
			if rv == nil {
				return c
			}
			if *crlDir != "" || *crlMap != "" {
				fetch, err := crlFetcher(*crlDir, *crlMap)
				if err != nil {
					return usageErr("%v", err)
				}
				rv.Set = append(rv.Set, ledger.revocationSet(store, fetch, opts.At, stderr)...)
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
	return buildStoreOn(nil, files, dirs, withProd, stderr)
}

// buildStoreOn is buildStore on top of base, the PAAs of a DCL snapshot
// (nil for none): base, like the given PAAs, replaces the embedded store,
// and the given PAAs are added to it.
func buildStoreOn(base *verify.TrustStore, files, dirs []string, withProd bool, stderr io.Writer) (*verify.TrustStore, int) {
	if len(files)+len(dirs) == 0 && base == nil {
		s, err := verify.Production()
		if err != nil {
			fmt.Fprintln(stderr, "matterlint verify:", err)
			return nil, exitUsage
		}
		return s, exitOK
	}
	given := append(append([]string{}, files...), dirs...)
	s := base
	if s == nil {
		s = verify.NewTrustStore("given PAAs (" + strings.Join(given, ", ") + ")")
	} else if len(given) > 0 {
		s.Name += " and the given PAAs (" + strings.Join(given, ", ") + ")"
	}
	skippedBase := len(s.Skipped) // the snapshot's are reported by loadSnapshotTrust
	for _, p := range given {
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
		for _, sk := range s.Skipped[skippedBase:] {
			fmt.Fprintf(stderr, "  skipped %s: %v\n", sk.Source, sk.Err)
		}
		return nil, exitUsage
	}
	for _, sk := range s.Skipped[skippedBase:] {
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

// ledgerFileLimit limits each file of a --ledger snapshot (0:
// dcl.DefaultMaxSnapshotFile); tests lower it.
var ledgerFileLimit int64

// errNotApproved is why a root the ledger knows is not trusted.
var errNotApproved = errors.New("not an approved PAA of the ledger")

// snapshotTrust is what verify takes from a DCL snapshot (--ledger): the
// trust store of its approved PAAs, the ledger for its revocation points,
// and the first SDK test PAA it approves (nil when it approves none: a
// production ledger, for --production auto).
type snapshotTrust struct {
	dir     string
	ledger  *dcl.Ledger
	store   *verify.TrustStore
	testPAA *dcl.Root
}

// loadSnapshotTrust reads the snapshot in dir and builds the trust store of
// its approved device-attestation roots, named "DCL snapshot DIR (N approved
// PAAs)". The roots it only proposes or has revoked are recorded in the
// store's Skipped, so that kPaaNotFound names them. A snapshot that cannot
// be read, or that has no approved root to trust, is a usage error.
func loadSnapshotTrust(dir string, stderr io.Writer) (*snapshotTrust, int) {
	l, err := dcl.LoadSnapshot(dir, ledgerFileLimit)
	if err != nil {
		fmt.Fprintln(stderr, "matterlint verify: --ledger:", report.SafeText(err.Error()))
		return nil, exitUsage
	}
	st := &snapshotTrust{dir: dir, ledger: l, store: verify.NewTrustStore("")}
	roots, bad := l.ApprovedRoots()
	for _, e := range bad {
		fmt.Fprintf(stderr, "matterlint verify: --ledger %s: not trusted: %s\n", report.SafeText(dir), report.SafeText(e.Error()))
	}
	for i, r := range roots {
		if err := st.store.Add(r.Cert, r.Source(dir)); err != nil {
			fmt.Fprintln(stderr, "matterlint verify: --ledger: not trusted:", report.SafeText(err.Error()))
			continue
		}
		if st.testPAA == nil && isTestPAA(r.Cert) {
			st.testPAA = &roots[i]
		}
	}
	n := len(st.store.Anchors())
	if n == 0 {
		fmt.Fprintf(stderr, "matterlint verify: --ledger %s: the snapshot has no approved device-attestation root (PAA) to trust: %s lists %d certificates (a missing file is an empty list), none an approved DeviceAttestationPKI root that is a PAA\n",
			report.SafeText(dir), report.SafeText(filepath.Join(dir, dcl.FileAllCertificates)), l.Certificates())
		return nil, exitUsage
	}
	st.store.Name = fmt.Sprintf("DCL snapshot %s (%d approved PAAs)", dir, n)
	unapproved, _ := l.UnapprovedRoots() // undecodable ones are not trusted either way
	for _, r := range unapproved {
		st.store.Skipped = append(st.store.Skipped, verify.Skipped{Source: r.Source(dir), Cert: r.Cert,
			Err: fmt.Errorf("%w (%s)", errNotApproved, r.State)})
	}
	return st, exitOK
}

// isTestPAA reports whether c is one of the SDK test PAAs production
// commissioners refuse.
func isTestPAA(c *matterext.Certificate) bool {
	if c.SubjectKeyID == nil {
		return false
	}
	for _, k := range verify.TestPAASKIDs() {
		if bytes.Equal(k, c.SubjectKeyID.ID) {
			return true
		}
	}
	return false
}

// revocationSet builds the revocation set of the snapshot's revocation
// points (--crl-dir, --crl-map) with verify.BuildRevocationSet, the CRL
// signers chaining to store, and reports on stderr every point that gives
// no entry, with its reasons.
func (st *snapshotTrust) revocationSet(store *verify.TrustStore, fetch func(string) ([]byte, error), at time.Time, stderr io.Writer) []matterext.RevocationSetEntry {
	points, bad := st.ledger.RevocationPoints()
	say := func(format string, a ...any) {
		fmt.Fprintln(stderr, report.SafeText(fmt.Sprintf("matterlint verify: --ledger %s: "+format, append([]any{st.dir}, a...)...)))
	}
	for _, e := range bad {
		say("%v: no revocation-set entry", e)
	}
	vids := map[int]uint32{}
	for _, p := range points {
		vids[p.Index] = p.VID
	}
	res := verify.BuildRevocationSet(points, verify.BuildOptions{Store: store, FetchCRL: fetch, At: at})
	for _, p := range res.Points {
		if !p.Accepted {
			say("%s: point %d (label %q, vid 0x%04X): no revocation-set entry: %s", dcl.FileRevocationPoints, p.Index, p.Label, vids[p.Index], strings.Join(p.Reasons, "; "))
		}
	}
	say("%s: %d of %d revocation points give a revocation-set entry", dcl.FileRevocationPoints, len(res.Set), len(points)+len(bad))
	return res.Set
}

// crlFetcher returns the FetchCRL of revocation-set and verify --ledger:
// the CRL file mapFile maps the dataURL to (paths relative to the map
// file), else the file in dir named as the dataURL's last path segment.
func crlFetcher(dir, mapFile string) (func(string) ([]byte, error), error) {
	mapping := map[string]string{}
	if mapFile != "" {
		mb, err := input.ReadFileLimit(mapFile, input.MaxJSONSize, "dataURL map")
		if err == nil {
			err = json.Unmarshal(mb, &mapping)
		}
		if err != nil {
			return nil, fmt.Errorf("--crl-map: %w", err)
		}
		for k, v := range mapping {
			if !filepath.IsAbs(v) {
				mapping[k] = filepath.Join(filepath.Dir(mapFile), v)
			}
		}
	}
	return func(dataURL string) ([]byte, error) {
		if f, ok := mapping[dataURL]; ok {
			return input.ReadFileLimit(f, input.MaxCRLSize, "CRL")
		}
		if dir == "" {
			return nil, fmt.Errorf("not in --crl-map")
		}
		u, err := url.Parse(dataURL)
		if err != nil || path.Base(u.Path) == "/" || path.Base(u.Path) == "." {
			return nil, fmt.Errorf("cannot name a file after dataURL %q", dataURL)
		}
		return input.ReadFileLimit(filepath.Join(dir, path.Base(u.Path)), input.MaxCRLSize, "CRL")
	}, nil
}
