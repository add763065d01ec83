package report_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/report"
)

// TestEveryInputInEveryFormat: each Result written appears once in every
// format (an input error included), and the summaries agree.
func TestEveryInputInEveryFormat(t *testing.T) {
	for _, f := range report.Formats() {
		var b bytes.Buffer
		w, err := report.New(&b, f, report.Options{Command: "lint", FailOn: lint.Error})
		if err != nil {
			t.Fatal(err)
		}
		lintFile(w, "../testdata/certs/valid/chain.pem")
		w.Write(&report.CertResult{Input: "-", Index: -1, Err: report.NewInputError(report.ErrorIO, "-", errors.New("-: read failed"))})
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		s := w.Summary()
		if s.Inputs != 5 || s.Objects != 4 || s.Files != 2 || s.IOErrors != 1 || s.InputErrors[report.ErrorIO] != 1 || s.Verdict() != "error" {
			t.Errorf("%s: summary %+v", f, s)
		}
		out := b.String()
		// the fourth certificate (SARIF lists findings, and counts the
		// objects in its summary)
		want := map[report.Format]string{report.Text: "chain.pem [3]", report.JUnit: "chain.pem [3]", report.JSON: `"index":3`,
			report.NDJSON: `"index":3`, report.SARIF: `"objects": 4`}[f]
		if !strings.Contains(out, want) {
			t.Errorf("%s: no %s in\n%s", f, want, out)
		}
		if !strings.Contains(out, "stdin") || !strings.Contains(out, "read failed") {
			t.Errorf("%s: the input error is missing or names - instead of stdin:\n%s", f, out)
		}
	}
	if _, err := report.New(os.Stdout, "xml", report.Options{}); !errors.Is(err, report.ErrUnknownFormat) {
		t.Errorf("New(xml) = %v", err)
	}
}

// TestInputErrorWraps: errors.Is and errors.As see through an InputError.
func TestInputErrorWraps(t *testing.T) {
	var got *input.Error
	(&input.Reader{}).Read([]string{"../testdata/no-such-file.pem"}, func(it input.Item) bool {
		e := report.NewInputError(report.ErrorIO, it.Source, it.Err)
		if !errors.Is(e, report.ErrInput) || !errors.Is(e, input.ErrIO) || !errors.As(e, &got) {
			t.Errorf("%v does not wrap its cause", e)
		}
		return true
	})
	if got == nil {
		t.Fatal("no error read")
	}
}

// TestSummaryFailOn: the threshold decides which objects fail.
func TestSummaryFailOn(t *testing.T) {
	tests := []struct {
		failOn lint.Severity
		failed int
	}{{lint.Error, 1}, {lint.Notice, 1}, {0, 0}}
	for _, tc := range tests {
		w, _ := report.New(&bytes.Buffer{}, report.JSON, report.Options{Command: "lint", FailOn: tc.failOn})
		lintFile(w, "../testdata/certs/rules/e_dac_vid_missing.pem")
		lintFile(w, "../testdata/certs/valid/chain.pem")
		if s := w.Summary(); s.Failed != tc.failed || s.Passed != s.Objects-tc.failed {
			t.Errorf("fail on %v: %+v", tc.failOn, s)
		}
	}
}

// TestResultJSON: results marshal as the CLI writes them (snake_case, the
// rule name and severity of every finding).
func TestResultJSON(t *testing.T) {
	var b bytes.Buffer
	w, _ := report.New(&b, report.NDJSON, report.Options{Command: "lint"})
	lintFile(w, "../testdata/certs/rules/e_dac_vid_missing.pem")
	w.Close()
	var line struct {
		SchemaVersion int    `json:"schema_version"`
		Input         string `json:"input"`
		Role          string `json:"role"`
		Findings      []struct {
			Rule, Severity string
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(strings.SplitN(b.String(), "\n", 2)[0]), &line); err != nil {
		t.Fatal(err)
	}
	if line.SchemaVersion != 1 || line.Role != "dac" || len(line.Findings) != 1 || line.Findings[0].Rule != "e_dac_vid_missing" || line.Findings[0].Severity != "error" {
		t.Errorf("%+v", line)
	}
}
