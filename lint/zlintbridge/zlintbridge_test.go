package zlintbridge_test

import (
	"errors"
	"testing"

	"github.com/matterlint/matterlint/internal/testutil"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/lint/zlintbridge"
	"github.com/matterlint/matterlint/matterext"
	zx509 "github.com/zmap/zcrypto/x509"
	zl "github.com/zmap/zlint/v3/lint"
)

func load(t *testing.T, file string) *matterext.Certificate {
	t.Helper()
	return testutil.Load(t, testutil.Certs(file))
}

func TestPassAllowListIsClean(t *testing.T) {
	p, err := zlintbridge.NewPass(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"valid/paa.pem", "valid/pai.pem", "valid/dac.pem", "valid/crl-signer.pem"} {
		got, err := p.Lint(load(t, f))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, g := range got {
			t.Errorf("%s: zlint %s misfires: %s", f, g.Rule.Name, g.Message)
		}
	}
}

func TestPassFindsDefects(t *testing.T) {
	p, err := zlintbridge.NewPass(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ fixture, zlintRule string }{
		{"rules/e_serial_not_positive.pem", "e_serial_number_not_positive"},
		{"rules/e_serial_longer_than_20_octets.pem", "e_serial_number_longer_than_20_octets"},
		{"rules/e_ext_duplicate.pem", "e_ext_duplicate_extension"},
		{"rules/e_unique_identifier_present.pem", "e_cert_contains_unique_identifier"},
	}
	for _, tc := range tests {
		t.Run(tc.zlintRule, func(t *testing.T) {
			got, err := p.Lint(load(t, tc.fixture))
			if errors.Is(err, zlintbridge.ErrUnparsable) {
				t.Skipf("zcrypto cannot parse %s: %v", tc.fixture, err)
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, g := range got {
				if g.Rule.Name == tc.zlintRule {
					if g.Rule.Source != "zlint:RFC5280" {
						t.Errorf("source = %q", g.Rule.Source)
					}
					return
				}
			}
			t.Errorf("%s did not fire; got %v", tc.zlintRule, got)
		})
	}
}

func TestNewPassUnknownLint(t *testing.T) {
	if _, err := zlintbridge.NewPass([]string{"e_no_such_lint"}); !errors.Is(err, lint.ErrUnknownRule) {
		t.Fatalf("err = %v, want ErrUnknownRule", err)
	}
}

// TestRegister runs matterlint's rules through zlint's own API.
func TestRegister(t *testing.T) {
	if err := zlintbridge.Register(lint.Default()); err != nil {
		t.Fatal(err)
	}
	c := load(t, "rules/e_dac_key_usage_not_digital_signature_only.pem")
	zc, err := zx509.ParseCertificate(c.Raw)
	if err != nil {
		t.Fatal(err)
	}
	l := zl.GlobalRegistry().CertificateLints().ByName("e_dac_key_usage_not_digital_signature_only")
	if l == nil {
		t.Fatal("rule not registered in zlint")
	}
	if res := l.Execute(zc, zl.NewEmptyConfig()); res.Status != zl.Error {
		t.Errorf("status = %v (%s), want error", res.Status, res.Details)
	}
	valid, _ := zx509.ParseCertificate(load(t, "valid/dac.pem").Raw)
	if res := l.Execute(valid, zl.NewEmptyConfig()); res.Status != zl.Pass {
		t.Errorf("valid DAC: status = %v (%s), want pass", res.Status, res.Details)
	}
	if err := zlintbridge.Register(lint.Default()); !errors.Is(err, lint.ErrDuplicateRule) {
		t.Errorf("second Register: err = %v, want ErrDuplicateRule", err)
	}
}
