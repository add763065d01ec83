package lint_test

import (
	"encoding/pem"
	"fmt"
	"os"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
	zlint "github.com/zmap/zlint/v3/lint"
)

// Lint a DAC whose keyUsage asserts more than digitalSignature.
func ExampleRegistry_Lint() {
	b, _ := os.ReadFile("../testdata/certs/rules/e_dac_key_usage_not_digital_signature_only.pem")
	blk, _ := pem.Decode(b)
	cert, err := matterext.ParseCertificate(blk.Bytes)
	if err != nil {
		fmt.Println(err)
		return
	}
	res := lint.Default().Lint(cert, lint.Options{})
	fmt.Println("role:", res.Role)
	for _, f := range res.Findings {
		fmt.Printf("%s %s at %s\n  %s\n  SDK: %v (%d)\n", f.Severity(), f.Rule.Name, f.Location, f.Message, f.SDKCode, f.SDKCode)
	}
	// Output:
	// role: dac
	// error e_dac_key_usage_not_digital_signature_only at tbsCertificate.extensions[keyUsage].extnValue
	//   DAC keyUsage is digitalSignature|keyEncipherment; expected digitalSignature only
	//   SDK: kDacFormatInvalid (303)
	// error e_dcl_dac_extensions_invalid at tbsCertificate.extensions[keyUsage].extnValue
	//   DAC: KeyUsage SHALL be exactly digitalSignature; found digitalSignature|keyEncipherment
	//   SDK: kSuccess (0)
}

// A registry is an instance: add a rule of your own beside the built-in ones.
func ExampleRegistry_Register() {
	reg := lint.Default()
	err := reg.Register(&lint.CertRule{
		Metadata: lint.Metadata{
			LintMetadata: zlint.LintMetadata{Name: "w_acme_dac_cn_prefix", Description: "ACME DACs have a CN starting with \"ACME\"", Citation: "ACME PKI policy §3", Source: "ACME"},
			Roles:        matterext.RoleDAC,
		},
		Check: func(ctx *lint.CertContext, r *lint.Reporter) {
			if cn := ctx.Cert.Subject.CommonName(); len(cn) < 4 || cn[:4] != "ACME" {
				r.Add("tbsCertificate.subject[commonName]", cn, "ACME...", "commonName does not start with ACME")
			}
		},
	})
	fmt.Println(err, len(reg.Rules()) > 50)
	// Output: <nil> true
}
