package lint_test

import (
	"encoding/pem"
	"fmt"
	"os"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
	zlint "github.com/zmap/zlint/v3/lint"
)

// Lint a DAC whose keyUsage asserts more than digitalSignature, with the
// rules `matterlint lint` runs by default (profile spec-strict: all but the
// DCL's submission rules, which --profile dcl adds).
func ExampleRegistry_Lint() {
	b, _ := os.ReadFile("../testdata/certs/rules/e_dac_key_usage_not_digital_signature_only.pem")
	blk, _ := pem.Decode(b)
	cert, err := matterext.ParseCertificate(blk.Bytes)
	if err != nil {
		fmt.Println(err)
		return
	}
	reg, err := lint.Default().Select("spec-strict", nil, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	res := reg.Lint(cert, lint.Options{})
	fmt.Println("role:", res.Role)
	for _, f := range res.Findings {
		fmt.Printf("%s %s at %s\n  %s\n  SDK: %v (%d)\n", f.Severity(), f.Rule.Name, f.Location, f.Message, f.SDKCode, f.SDKCode)
	}
	// Output:
	// role: dac
	// error e_dac_key_usage_not_digital_signature_only at tbsCertificate.extensions[keyUsage].extnValue
	//   DAC keyUsage is digitalSignature|keyEncipherment; expected digitalSignature only
	//   SDK: kDacFormatInvalid (303)
}

// Batch rules compare the certificates of a batch: the same PAI given twice
// is a repeated input, told apart from a second certificate that reuses its
// serial. Ahead is an optional hint given for the next certificates before
// they are added (a CI gate over millions of DACs gives it a few hundred at a
// time); it changes no result.
func ExampleBatch() {
	b, _ := os.ReadFile("../testdata/certs/valid/pai.pem")
	blk, _ := pem.Decode(b)
	pai, err := matterext.ParseCertificate(blk.Bytes)
	if err != nil {
		fmt.Println(err)
		return
	}
	batch := lint.NewBatch(lint.Default(), nil)
	defer batch.Close()
	batch.Ahead(pai, matterext.RolePAI)
	batch.Ahead(pai, matterext.RolePAI)
	for i := 0; i < 2; i++ {
		for _, f := range batch.Add(pai, matterext.RolePAI) {
			fmt.Println(i, f.Rule.Name, f.Found)
		}
	}
	// Output:
	// 1 e_batch_duplicate_serial repeated input
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
