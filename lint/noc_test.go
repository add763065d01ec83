package lint_test

import (
	"encoding/pem"
	"testing"
	"time"

	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// build decodes a fixture built in memory.
func build(t *testing.T, b func() *fixtures.Cert) *matterext.Certificate {
	t.Helper()
	c, err := matterext.ParseCertificate(b().DER())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestValidNOCPKI: the valid RCAC, ICAC, NOC and VVSC have no finding, with
// their role given; RCAC, ICAC and NOC are detected from their subject's
// Matter operational attributes (a VVSC is never detected).
func TestValidNOCPKI(t *testing.T) {
	reg := lint.Default()
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, v := range fixtures.ValidNOCPKI() {
		t.Run(v.Role, func(t *testing.T) {
			c := build(t, v.Build)
			role, err := matterext.ParseRole(v.Role)
			if err != nil {
				t.Fatal(err)
			}
			if role.String() != v.Role {
				t.Errorf("String = %q", role.String())
			}
			if got := matterext.DetectRole(c); role != matterext.RoleVVSC && got != role {
				t.Errorf("DetectRole = %v, want %v", got, role)
			}
			for _, f := range reg.Lint(c, lint.Options{Role: role, At: at}).Findings {
				t.Errorf("unexpected %s at %s: %s", f.Rule.Name, f.Location, f.Message)
			}
		})
	}
}

// TestDetectNOCPKIRoles: the DCL's Matter specification examples (DNs of
// Matter operational attributes only; the NOC's has node and fabric IDs) and
// a subject with only a fabric ID.
func TestDetectNOCPKIRoles(t *testing.T) {
	for name, want := range map[string]matterext.Role{
		"MatterSpecRCAC": matterext.RoleRCAC, "MatterSpecICAC": matterext.RoleICAC, "MatterSpecNOC": matterext.RoleNOC,
		"NocRootCert1": matterext.RolePAA, "VvscRootCert1": matterext.RoleDAC,
	} {
		c := testutilParsePEM(t, fixtures.DCLPEM(name))
		if got := matterext.DetectRole(c); got != want {
			t.Errorf("%s: DetectRole = %v, want %v", name, got, want)
		}
	}
	if _, err := matterext.ParseRole("VVSC"); err != nil {
		t.Error(err)
	}
}

// testutilParsePEM decodes the first certificate of a PEM text.
func testutilParsePEM(t *testing.T, s string) *matterext.Certificate {
	t.Helper()
	blk, _ := pem.Decode([]byte(s))
	if blk == nil {
		t.Fatal("no PEM")
	}
	c, err := matterext.ParseCertificate(blk.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
