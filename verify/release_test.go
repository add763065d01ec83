package verify_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

type rv = verify.ReleaseVerdict

// TestReleaseVerdicts: the inputs that SDK releases decide differently get,
// for every modelled release, the verdict that release's source gives
// (docs/research/sdk-releases.md; README "SDK releases").
func TestReleaseVerdicts(t *testing.T) {
	store := testPAAs(t)
	now := time.Now().UTC()
	vectors := map[string]testutil.Vector{}
	for _, v := range testutil.Vectors(t) {
		vectors[v.Name] = v
	}
	for _, tc := range []struct {
		vector string
		want   []rv
	}{
		// PR #28789 (1.2): format_version ≠ 1 or a reserved type → 501.
		// PR #42464 (1.6): a test-key CD of type ≥ 2 → 601, before that check.
		{"struct_cd_cert_type_wrong", []rv{{From: "1.0", To: "1.1"}, {From: "1.2", To: "1.5", Code: matterext.AttestationElementsMalformed},
			{From: "1.6", To: "1.6", Code: matterext.CertificationDeclarationNoCertFound}}},
		{"struct_cd_format_version_2", []rv{{From: "1.0", To: "1.1"}, {From: "1.2", To: "1.6", Code: matterext.AttestationElementsMalformed}}},
		{"struct_cd_official_cd", []rv{{From: "1.0", To: "1.5"}, {From: "1.6", To: "1.6", Code: matterext.CertificationDeclarationNoCertFound}}},
		{"struct_cd_provisional_cd", []rv{{From: "1.0", To: "1.6"}}},
		// PR #40566 (1.5): OpenSSL commissioners crashed on a SKID/AKID that
		// does not decode.
		{"struct_dac_fuzzed_akid_malformed", []rv{{From: "1.0", To: "1.4.2", Code: matterext.DacFormatInvalid, Crash: true}, {From: "1.5", To: "1.6", Code: matterext.DacFormatInvalid}}},
		{"struct_dac_fuzzed_skid_malformed", []rv{{From: "1.0", To: "1.4.2", Code: matterext.DacFormatInvalid, Crash: true}, {From: "1.5", To: "1.6", Code: matterext.DacFormatInvalid}}},
		{"struct_pai_fuzzed_akid_malformed", []rv{{From: "1.0", To: "1.4.2", Code: matterext.PaiFormatInvalid, Crash: true}, {From: "1.5", To: "1.6", Code: matterext.PaiFormatInvalid}}},
		{"struct_pai_fuzzed_skid_malformed", []rv{{From: "1.0", To: "1.4.2", Code: matterext.PaiFormatInvalid, Crash: true}, {From: "1.5", To: "1.6", Code: matterext.PaiFormatInvalid}}},
		{"struct_cd_vid_mismatch", []rv{{From: "1.0", To: "1.6", Code: matterext.CertificationDeclarationInvalidVendorID}}},
	} {
		t.Run(tc.vector, func(t *testing.T) {
			v, ok := vectors[tc.vector]
			if !ok {
				t.Fatalf("vector %s not in the corpus", tc.vector)
			}
			res := sdkRun(t, store, v, now)
			if diff := cmp.Diff(tc.want, res.Releases); diff != "" {
				t.Errorf("release verdicts (-want +got):\n%s", diff)
			}
			for _, w := range tc.want {
				for _, name := range []string{w.From, w.To} {
					r := runRelease(t, store, v, now, name)
					if r.Code != w.Code || r.Release.Name != name {
						t.Errorf("--sdk-release %s: %v, want %v", name, r.Code, w.Code)
					}
				}
			}
		})
	}
}

func runRelease(t *testing.T, store *verify.TrustStore, v testutil.Vector, at time.Time, release string) *verify.Result {
	t.Helper()
	dac, pai := testutil.Load(t, filepath.Join(v.Dir, "dac.der")), testutil.Load(t, filepath.Join(v.Dir, "pai.der"))
	b, err := os.ReadFile(filepath.Join(v.Dir, "cd.der"))
	if err != nil {
		t.Fatal(err)
	}
	cd, err := matterext.ParseCD(b)
	if err != nil {
		t.Fatal(err)
	}
	res, err := verify.Verify(dac, pai, verify.Options{Store: store, Device: v.Device(), At: at, CD: cd, AllowTestCDKey: true, Release: release})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestReleaseSignedCDInteger: a CD whose format_version is a signed TLV
// integer fails every modelled release with 603: TLVReader::Get reads
// unsigned integers only since PR #9944 (2021), before SDK 1.0.
func TestReleaseSignedCDInteger(t *testing.T) {
	for _, field := range []struct {
		name string
		tag  int
		enc  []byte
	}{
		{"format_version", 0, []byte{0x20, 0x00, 0x01}},
		{"vendor_id", 1, []byte{0x21, 0x01, 0xB1, 0xA0}},
		{"version_number", 7, []byte{0x20, 0x07, 0x01}},
	} {
		cd := fixtures.ValidCD()
		f := fixtures.ValidCDFields()
		f[field.tag] = field.enc
		cd.Content = f.Encode()
		parsed, err := matterext.ParseCD(cd.DER())
		if err != nil {
			t.Fatal(err)
		}
		res, err := verify.Verify(parse(t, fixtures.ValidDAC()), parse(t, fixtures.ValidPAI()), verify.Options{Store: storeOf(t, parse(t, fixtures.ValidPAA())), At: at, CD: parsed,
			CDTrust: fixtureCDTrust(t), Device: verify.Device{VID: 0xA0B1, PID: 0x8000, HasVID: true, HasPID: true}})
		if err != nil {
			t.Fatal(err)
		}
		want := []rv{{From: "1.0", To: "1.6", Code: matterext.CertificationDeclarationInvalidFormat}}
		if diff := cmp.Diff(want, res.Releases); diff != "" {
			t.Errorf("signed %s: (-want +got)\n%s", field.name, diff)
		}
		if len(res.Findings) == 0 || !strings.Contains(res.Findings[0].Message, "signed integer") {
			t.Errorf("signed %s: first finding %v", field.name, res.Findings)
		}
	}
}

// TestReleasePAAPathLenZero: a PAA with pathLenConstraint 0 fails the chain
// (301) in SDK 1.0 and 1.1 and is dropped from the trust store (101) from
// 1.2 on (PR #27207).
func TestReleasePAAPathLenZero(t *testing.T) {
	var tc *fixtures.ChainCase
	for _, c := range fixtures.ChainCases() {
		if c.Name == "paa path length 0" {
			tc = &c
			break
		}
	}
	if tc == nil {
		t.Fatal("chain case missing")
	}
	res, err := verify.Verify(parse(t, tc.DAC), parse(t, tc.PAI), verify.Options{Store: storeOf(t, parse(t, tc.PAA)), At: at})
	if err != nil {
		t.Fatal(err)
	}
	want := []rv{{From: "1.0", To: "1.1", Code: matterext.DacSignatureInvalid}, {From: "1.2", To: "1.6", Code: matterext.PaaNotFound}}
	if diff := cmp.Diff(want, res.Releases); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// TestReleaseNumbers: PR #39419 (1.4.2) renumbered kInvalidArgument,
// kInternalError and kNotImplemented; other codes keep their numbers.
func TestReleaseNumbers(t *testing.T) {
	for _, tc := range []struct {
		release string
		code    matterext.ResultCode
		want    int
	}{
		{"1.4", matterext.InvalidArgument, 800}, {"1.4.2", matterext.InvalidArgument, 701}, {"1.6", matterext.InvalidArgument, 701},
		{"1.0", matterext.InternalError, 900}, {"1.5", matterext.InternalError, 702},
		{"1.3", matterext.NotImplemented, 0xFFFF}, {"1.6", matterext.NotImplemented, 703},
		{"1.6", matterext.DacFormatInvalid, 303}, {"1.0", matterext.AttestationNonceMismatch, 502},
	} {
		r, err := verify.LookupRelease(tc.release)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Number(tc.code); got != tc.want {
			t.Errorf("%s: %v = %d, want %d", tc.release, tc.code, got, tc.want)
		}
	}
	if _, err := verify.LookupRelease("1.7"); !errors.Is(err, verify.ErrUnknownRelease) {
		t.Errorf("unknown release: %v", err)
	}
	for _, name := range []string{"v1.2.0.1", "1.2.0.1", "1.2"} {
		if r, err := verify.LookupRelease(name); err != nil || r.Name != "1.2" {
			t.Errorf("LookupRelease(%q) = %v, %v", name, r.Name, err)
		}
	}
	if verify.NewestRelease().Name != "1.6" {
		t.Errorf("newest release %s", verify.NewestRelease().Name)
	}
}

// TestReleaseTableInREADME: the README's release table lists every
// modelled difference with its change and source.
func TestReleaseTableInREADME(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(testutil.Root(), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, d := range verify.ReleaseDifferences() {
		change := strings.Fields(d.Change)[0]               // the commit
		fn := d.Source[strings.LastIndex(d.Source, " ")+1:] // the function or file
		fn = fn[strings.LastIndexAny(fn, ":/")+1:]
		row := ""
		for _, line := range strings.Split(readme, "\n") {
			if strings.HasPrefix(line, "| "+d.Since+" |") && strings.Contains(line, strings.TrimSuffix(change, ",")) {
				row = line
			}
		}
		if row == "" || !strings.Contains(row, strings.Trim(fn, "()")) {
			t.Errorf("README has no row for %s (%s, %s)", d.Since, change, fn)
		}
	}
}

// TestEveryCheckQuotesItsSource: each verify check carries the normative
// text it enforces, and its name is unique and not a lint rule's.
func TestEveryCheckQuotesItsSource(t *testing.T) {
	seen := map[string]bool{}
	reg := lint.Default()
	for _, c := range verify.Checks() {
		if c.Quote == "" || c.QuoteSource == "" || c.Description == "" {
			t.Errorf("%s: quote %q from %q", c.Name, c.Quote, c.QuoteSource)
		}
		if seen[c.Name] {
			t.Errorf("%s listed twice", c.Name)
		}
		seen[c.Name] = true
		if _, err := reg.Lookup(c.Name); err == nil {
			t.Errorf("%s is both a check and a lint rule", c.Name)
		}
		if m := verify.CheckMetadata(c.Name); m == nil || m.Severity() != lint.Error {
			t.Errorf("%s: CheckMetadata %+v", c.Name, m)
		}
	}
}

// TestOneCheckOneFile: every verify check's name stands in exactly one
// source file of the package.
func TestOneCheckOneFile(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(testutil.Root(), "verify", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range verify.Checks() {
		var in []string
		for _, p := range paths {
			if strings.HasSuffix(p, "_test.go") {
				continue
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(b), `"`+c.Name+`"`) {
				in = append(in, filepath.Base(p))
			}
		}
		if len(in) != 1 {
			t.Errorf("check %s stands in %v, want one file", c.Name, in)
		}
	}
}
