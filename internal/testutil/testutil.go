// Package testutil gives tests access to the shared SDK corpus and to
// certificate files, so that every package reads them the same way.
package testutil

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

// Root returns the repository root.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Certs returns the path of a file below testdata/certs.
func Certs(rel string) string { return filepath.Join(Root(), "testdata", "certs", rel) }

// Corpus returns the path of a file in the shared corpus
// (../shared/corpus/chip beside the repository). When the corpus is absent
// the test is skipped, or fails under CI.
func Corpus(t testing.TB, rel string) string {
	t.Helper()
	dir := filepath.Join(Root(), "..", "shared", "corpus", "chip")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("shared corpus missing in CI: %v", err)
		}
		t.Skipf("shared corpus not found at %s", dir)
	}
	return filepath.Join(dir, rel)
}

// Vector is one row of commissioner_dut/expected.tsv.
type Vector struct {
	Name, Verdict string
	Code          int // 0 when the row names none
	// HasCode is false when a failing row names no code: any failure
	// agrees with it.
	HasCode bool
	Dir     string
	// BasicInfoPID is the device's Basic Information PID the vector's JSON
	// names (basic_info_pid); 0 when it names none.
	BasicInfoPID uint16
	// Commit is the upstream SDK commit the vector was copied from
	// (MANIFEST.tsv).
	Commit string
	// Description is the vector's description column.
	Description string
}

// Agrees reports whether a run's verdict and SDK code agree with the row: a
// passing row wants kSuccess (0), a failing row its code, or any failure
// when it names none.
func (v Vector) Agrees(verdict string, code int) bool {
	switch {
	case verdict != v.Verdict:
		return false
	case verdict == "pass":
		return code == 0
	case v.HasCode:
		return code == v.Code
	}
	return code != 0
}

// DevicePID is the device's Basic Information PID as the SDK's test takes
// it: basic_info_pid, or 0x8000 when the JSON names none.
func (v Vector) DevicePID() uint16 {
	if v.BasicInfoPID != 0 {
		return v.BasicInfoPID
	}
	return 0x8000
}

// Device is the device the SDK's test commissions: VID 0xFFF1 and
// DevicePID.
func (v Vector) Device() verify.Device {
	return verify.Device{VID: 0xFFF1, HasVID: true, PID: v.DevicePID(), HasPID: true}
}

// Vectors reads commissioner_dut/expected.tsv.
func Vectors(t testing.TB) []Vector {
	t.Helper()
	dir := Corpus(t, "commissioner_dut")
	b, err := os.ReadFile(filepath.Join(dir, "expected.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	commits := manifestCommits(t)
	var out []Vector
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		cols := strings.Split(line, "\t")
		if i == 0 || len(cols) < 3 {
			continue
		}
		v := Vector{Name: cols[0], Verdict: cols[1], Dir: filepath.Join(dir, cols[0]), Description: cols[len(cols)-1]}
		if c, err := strconv.Atoi(cols[2]); err == nil {
			v.Code, v.HasCode = c, true
		}
		if b, err := os.ReadFile(filepath.Join(v.Dir, "test_case_vector.json")); err == nil {
			var j struct {
				BasicInfoPID uint16 `json:"basic_info_pid"`
			}
			if json.Unmarshal(b, &j) == nil {
				v.BasicInfoPID = j.BasicInfoPID
			}
		}
		v.Commit = commits["commissioner_dut/"+v.Name+"/test_case_vector.json"]
		out = append(out, v)
	}
	return out
}

// manifestCommits maps each corpus path of MANIFEST.tsv to its upstream
// commit.
func manifestCommits(t testing.TB) map[string]string {
	t.Helper()
	b, err := os.ReadFile(Corpus(t, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if cols := strings.Split(line, "\t"); len(cols) >= 6 {
			out[cols[0]] = cols[5]
		}
	}
	return out
}

// Load parses the first certificate of a PEM or DER file.
func Load(t testing.TB, path string) *matterext.Certificate {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if blk, _ := pem.Decode(b); blk != nil {
		b = blk.Bytes
	}
	c, err := matterext.ParseCertificate(b)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return c
}

// corpusReleases names, for each upstream commit the corpus vectors come
// from (MANIFEST.tsv), the modelled SDK release whose commissioner
// semantics that commit has. 26a37a29 (2025-08-13, master) lies between the
// 1.4.2 and 1.5 branch points and has 1.5's verifier (it is PR #40566, the
// fix of the malformed-key-ID crash); struct_cd_official_cd and
// struct_cd_provisional_cd come from after PR #42464 (2026-01-08), which
// made the test CD key reject official CDs: 1.6.
var corpusReleases = map[string]string{
	"26a37a29d2490dab34acabafbc96ed4d014fcb08": "1.5",
	"65f92f926452f2c17ef00efa744c90c6efa524fb": "1.6",
	"c587f3e730ddeba104526aa9af6440c097fc20c2": "1.6",
}

// Release is the SDK release (verify.Options.Release) whose semantics the
// vector's own upstream commit has.
func (v Vector) Release(t testing.TB) string {
	t.Helper()
	r, ok := corpusReleases[v.Commit]
	if !ok {
		t.Fatalf("%s comes from upstream commit %q, which testutil.corpusReleases does not place", v.Name, v.Commit)
	}
	return r
}

// VectorKey returns the vector's dac_private_key.
func (v Vector) VectorKey(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(v.Dir, "test_case_vector.json"))
	if err != nil {
		t.Fatal(err)
	}
	var j struct {
		Key string `json:"dac_private_key"`
	}
	if err := json.Unmarshal(b, &j); err != nil {
		t.Fatal(err)
	}
	d, err := hex.DecodeString(j.Key)
	if err != nil {
		t.Fatalf("%s: dac_private_key: %v", v.Name, err)
	}
	k, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), d)
	if err != nil {
		t.Fatalf("%s: dac_private_key: %v", v.Name, err)
	}
	return k
}

// PyRepr renders b as Python's repr of a bytes object, as the Python
// controller logs byte strings.
func PyRepr(b []byte) string {
	var s strings.Builder
	s.WriteString("b'")
	for _, c := range b {
		switch {
		case c == '\\' || c == '\'':
			s.WriteByte('\\')
			s.WriteByte(c)
		case c == '\n':
			s.WriteString(`\n`)
		case c == '\r':
			s.WriteString(`\r`)
		case c == '\t':
			s.WriteString(`\t`)
		case c >= 0x20 && c < 0x7F:
			s.WriteByte(c)
		default:
			fmt.Fprintf(&s, `\x%02x`, c)
		}
	}
	s.WriteByte('\'')
	return s.String()
}
