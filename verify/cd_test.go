package verify_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/matterlint/matterlint/internal/fixtures"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

func fixtureCDTrust(t *testing.T) *verify.CDTrust {
	tr := verify.NewCDTrust("fixture CD signers", parse(t, fixtures.CDRoot()))
	if err := tr.AddSigner(parse(t, fixtures.CDSigner()), "cd-signer"); err != nil {
		t.Fatal(err)
	}
	return tr
}

func parseCD(t *testing.T, c *fixtures.CD) *matterext.CertificationDeclaration {
	t.Helper()
	cd, err := matterext.ParseCD(c.DER())
	if err != nil {
		t.Fatal(err)
	}
	return cd
}

// TestCDChecks: each CD defect that needs the trust, the device or the chain
// gets the SDK's code.
func TestCDChecks(t *testing.T) {
	device := verify.Device{VID: 0xA0B1, PID: 0x8000, HasVID: true, HasPID: true}
	field := func(f func(*fixtures.CDFields)) *fixtures.CD {
		fs := fixtures.ValidCDFields()
		f(&fs)
		c := fixtures.ValidCD()
		c.Content = fs.Encode()
		return c
	}
	tests := []struct {
		name   string
		cd     *fixtures.CD
		device verify.Device
		code   matterext.ResultCode
		// check is the verify check that fails first; "lint:" names the
		// SDK check of the lint rule that does.
		check string
	}{
		{"valid", fixtures.ValidCD(), device, matterext.Success, ""},
		{"unknown signer", func() *fixtures.CD { c := fixtures.ValidCD(); c.KeyID = make([]byte, 20); return c }(), device,
			matterext.CertificationDeclarationNoCertFound, verify.CheckCDSignerKnown},
		{"bad signature", func() *fixtures.CD { c := fixtures.ValidCD(); c.Signer = fixtures.Key("x"); return c }(), device,
			matterext.CertificationDeclarationInvalidSignature, verify.CheckCDSignature},
		{"vendor differs from device", fixtures.ValidCD(), verify.Device{VID: 0xA0B2, PID: 0x8000, HasVID: true, HasPID: true},
			matterext.CertificationDeclarationInvalidVendorID, verify.CheckCDVendorDevice},
		{"device PID not listed", fixtures.ValidCD(), verify.Device{VID: 0xA0B1, PID: 0x8001, HasVID: true, HasPID: true},
			matterext.CertificationDeclarationInvalidProductID, verify.CheckCDProductDevice},
		{"DAC PID not listed", field(func(f *fixtures.CDFields) { f.SetProductIDs(0x8001) }), verify.Device{VID: 0xA0B1, PID: 0x8001, HasVID: true, HasPID: true},
			matterext.CertificationDeclarationInvalidProductID, verify.CheckCDProductDAC},
		{"PAA not authorized", field(func(f *fixtures.CDFields) { f.SetAuthorizedPAAs(make([]byte, 20)) }), device,
			matterext.CertificationDeclarationInvalidPAA, verify.CheckCDAuthorizedPAA},
		{"content does not decode", field(func(f *fixtures.CDFields) { f.Omit(1) }), device,
			matterext.CertificationDeclarationInvalidFormat, "lint:603"},
		{"signer info version", func() *fixtures.CD { c := fixtures.ValidCD(); c.SignerVersion = 1; return c }(), device,
			matterext.CertificationDeclarationNoKeyID, "lint:600"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := verify.Verify(parse(t, fixtures.ValidDAC()), parse(t, fixtures.ValidPAI()), verify.Options{
				Store: storeOf(t, parse(t, fixtures.ValidPAA())), At: at, Device: tc.device,
				CD: parseCD(t, tc.cd), CDTrust: fixtureCDTrust(t)})
			if err != nil {
				t.Fatal(err)
			}
			if res.Code != tc.code {
				t.Fatalf("code %v, want %v; findings %+v", res.Code, tc.code, res.Findings)
			}
			if tc.code == matterext.Success {
				return
			}
			first := res.Findings[0].Check
			if code, ok := strings.CutPrefix(tc.check, "lint:"); ok {
				// a lint rule of the CD, named by its metadata, not its name
				if m, err := lint.Default().Lookup(first); err != nil || m.Kind != lint.KindCD || fmt.Sprint(int(m.Code(0))) != code {
					t.Errorf("first failure %s is not a CD lint rule with SDK code %s (%v)", first, code, err)
				}
			} else if first != tc.check {
				t.Errorf("first failure %s, want %s", first, tc.check)
			}
			if !errors.Is(res.Err(), tc.code) {
				t.Errorf("errors.Is(%v, %v) is false", res.Err(), tc.code)
			}
		})
	}
}

func TestDefaultCDTrust(t *testing.T) {
	tr, err := verify.DefaultCDTrust()
	if err != nil {
		t.Fatal(err)
	}
	var test, csa int
	for _, s := range tr.Signers() {
		if s.Test {
			test++
		} else {
			csa++
		}
	}
	if test != 1 || csa != 5 || len(tr.Skipped) != 0 {
		t.Errorf("%d CSA keys and %d test keys, skipped %v", csa, test, tr.Skipped)
	}
	if s := tr.Lookup(verify.TestCDKeyID()); s == nil || !s.Test {
		t.Error("test CD key not found or not marked as test")
	}
	// a signer not issued by the CSA root is refused
	if err := tr.Clone().AddSigner(parse(t, fixtures.CDSigner()), "x"); !errors.Is(err, verify.ErrCDSignerUntrusted) {
		t.Errorf("err = %v, want ErrCDSignerUntrusted", err)
	}
}
