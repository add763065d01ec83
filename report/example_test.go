package report_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/report"
)

// lintFile lints every certificate of a file into a report writer, as
// `matterlint lint` does: inputs that are not certificates are Results too.
func lintFile(w *report.Writer, path string) {
	reg := lint.Default()
	(&input.Reader{}).Read([]string{path}, func(it input.Item) bool {
		r := &report.CertResult{Input: it.Source, Index: it.Index, Format: it.Format}
		if it.Err != nil {
			r.Err = report.NewInputError(report.ErrorNotCertificate, it.Source, it.Err)
		} else if c, err := matterext.ParseCertificate(it.DER); err != nil {
			r.Err = report.NewInputError(report.ErrorNotCertificate, it.Source, err)
		} else {
			sum := sha256.Sum256(c.Raw)
			r.Subject, r.Issuer, r.SHA256 = c.Subject.String(), c.Issuer.String(), hex.EncodeToString(sum[:])
			r.Lint = reg.Lint(c, lint.Options{})
		}
		w.Write(r)
		return true
	})
}

// Write lint results as text, with the summary every format shares.
func ExampleWriter() {
	w, err := report.New(os.Stdout, report.Text, report.Options{Command: "lint", FailOn: lint.Error, Quiet: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	lintFile(w, "../testdata/certs/valid/chain.pem")
	lintFile(w, "../testdata/certs/rules/e_dac_vid_missing.pem")
	w.Close()
	s := w.Summary()
	fmt.Println(s.Files, s.Objects, s.Failed, s.Verdict())
	// Output:
	// ../testdata/certs/rules/e_dac_vid_missing.pem [0]: DAC (detected) "CN=Matterlint Test DAC 0001, PID=8000": 1 finding
	//   ERROR  e_dac_vid_missing: DAC subject has no Matter VID
	//          at tbsCertificate.subject; SDK: kDacVendorIdMismatch (305); source: Matter
	//          note: The SDK reports a missing DAC VID as kDacVendorIdMismatch (305), not as a format error. The DCL requires a VID only under a VID-scoped PAA.
	//
	// 5 certificates linted: 1 with errors, 0 with warnings only, 0 with notices only, 4 clean (1 error, 0 warnings, 0 notices)
	// 2 5 1 fail
}

// An unknown format is an error errors.Is can match.
func ExampleParseFormat() {
	_, err := report.ParseFormat("xml")
	fmt.Println(errors.Is(err, report.ErrUnknownFormat), err)
	// Output: true unknown output format "xml" (want text, json, ndjson, sarif, junit)
}
