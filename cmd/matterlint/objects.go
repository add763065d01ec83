package main

import (
	"encoding/json"
	"io"

	"github.com/matterlint/matterlint/internal/report"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/verify"
)

// itemWriterFor returns the SARIF or JUnit writer of a command that has no
// streaming writer of its own (cd, crl), or nil for the other formats.
func itemWriterFor(format string, w io.Writer, command string, rules []report.RuleInfo) report.ItemWriter {
	switch format {
	case "sarif":
		return report.NewSARIF(w, version, rules)
	case "junit":
		return report.NewJUnit(w, command)
	}
	return nil
}

// emitObject writes one result of cd or crl: an NDJSON line, or an Item to
// the SARIF/JUnit writer; it also counts it.
func emitObject(format string, w io.Writer, items report.ItemWriter, sum *report.Summary, jsonResult any, it report.Item) {
	countItem(sum, &it)
	switch {
	case items != nil:
		items.WriteItem(&it)
	case format == "ndjson":
		b, _ := json.Marshal(jsonResult)
		w.Write(append(b, '\n'))
	}
}

// countItem adds an Item to a summary (cd, crl; lint counts its own).
func countItem(s *report.Summary, it *report.Item) {
	if it.Err != nil {
		s.Inputs++
		if it.ErrKind == report.KindIO {
			s.IOErrors++
		} else {
			s.NotCertificates++
		}
		return
	}
	s.Inputs++
	s.Certificates++
	var worst lint.Severity
	failing := false
	for _, f := range it.Findings {
		if f.Severity > worst {
			worst = f.Severity
		}
		failing = failing || f.Failing
		switch f.Severity {
		case lint.Error:
			s.Errors++
		case lint.Warn:
			s.Warnings++
		case lint.Notice:
			s.Notices++
		}
	}
	switch {
	case failing:
		s.WithErrors++
	case worst == lint.Warn:
		s.WithWarnings++
	case worst == lint.Notice:
		s.WithNotices++
	default:
		s.Clean++
	}
}

// closeObjects ends the output of cd or crl.
func closeObjects(format string, w io.Writer, items report.ItemWriter, sum report.Summary, command string, results any) {
	switch {
	case items != nil:
		items.Close(sum)
	case format == "ndjson":
		b, _ := json.Marshal(map[string]any{"summary": sum})
		w.Write(append(b, '\n'))
	case format == "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(map[string]any{"schema_version": 1, "tool": map[string]string{"name": "matterlint", "version": version, "command": command}, "results": results, "summary": sum})
	}
}

// itemOfFindings converts verify findings (cd) to an Item.
func itemOfFindings(source string, index int, kind string, res *verify.Result) report.Item {
	r := verifyResult{Source: source, Index: index, Res: res}
	it := verifyItemOf(&r)
	it.Kind, it.Role = kind, kind
	return it
}
