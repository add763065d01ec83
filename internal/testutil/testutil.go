// Package testutil gives tests access to the shared SDK corpus and to
// certificate files, so that every package reads them the same way.
package testutil

import (
	"encoding/json"
	"encoding/pem"
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
	var out []Vector
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		cols := strings.Split(line, "\t")
		if i == 0 || len(cols) < 3 {
			continue
		}
		v := Vector{Name: cols[0], Verdict: cols[1], Dir: filepath.Join(dir, cols[0])}
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
		out = append(out, v)
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
