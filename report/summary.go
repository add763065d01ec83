package report

import "github.com/matterlint/matterlint/lint"

// Summary counts the results of a run: the inputs, the files they came from,
// the objects checked by kind, the inputs that gave no object by error kind,
// and the findings by severity and by rule.
type Summary struct {
	Inputs int `json:"inputs"` // results: objects and inputs that gave none
	Files  int `json:"files"`  // sources (files, stdin) the results came from
	// Objects counts the objects checked; the fields after it split it by
	// kind.
	Objects      int `json:"objects"`
	Certificates int `json:"certificates"`
	DACs         int `json:"dacs"`
	CDs          int `json:"cds"`
	CRLs         int `json:"crls"`
	Points       int `json:"revocation_points"`
	// Passed and Failed split Objects: an object fails on a failing verdict
	// or a finding at or above the --fail-on threshold.
	Passed int `json:"passed"`
	Failed int `json:"failed"`
	// Objects by their worst finding.
	WithErrors   int `json:"with_errors"`
	WithWarnings int `json:"with_warnings"`
	WithNotices  int `json:"with_notices"`
	Clean        int `json:"clean"`
	// Findings by severity.
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Notices  int `json:"notices"`
	// NotCertificates counts the inputs of the wrong kind (every "not-…"
	// error kind; the name is kept from the first schema), IOErrors those
	// that could not be read, InputErrors both by error kind.
	NotCertificates int               `json:"not_certificates"`
	IOErrors        int               `json:"io_errors"`
	InputErrors     map[ErrorKind]int `json:"input_errors"`
	// RuleCounts counts findings per rule or check.
	RuleCounts map[string]int `json:"rule_counts"`

	lastInput string
}

// add counts e and returns whether it fails (see Passed).
func (s *Summary) add(e *Entry, failOn lint.Severity) bool {
	s.Inputs++
	if s.Files == 0 || e.Input != s.lastInput {
		s.Files++
		s.lastInput = e.Input
	}
	if s.InputErrors == nil {
		s.InputErrors, s.RuleCounts = map[ErrorKind]int{}, map[string]int{}
	}
	if e.Err != nil {
		s.InputErrors[e.Err.Kind]++
		if e.Err.Kind == ErrorIO {
			s.IOErrors++
		} else {
			s.NotCertificates++
		}
		return false
	}
	s.Objects++
	switch e.Kind {
	case KindDAC:
		s.DACs++
	case KindCD:
		s.CDs++
	case KindCRL:
		s.CRLs++
	case KindPoint:
		s.Points++
	default:
		s.Certificates++
	}
	failing := e.Verdict == "fail"
	var worst lint.Severity
	for i := range e.Findings {
		f := &e.Findings[i]
		s.RuleCounts[f.Rule]++
		worst = max(worst, f.Severity)
		failing = failing || f.Fails || (failOn != 0 && f.Severity >= failOn)
		switch f.Severity {
		case lint.Error:
			s.Errors++
		case lint.Warn:
			s.Warnings++
		case lint.Notice:
			s.Notices++
		}
	}
	switch worst {
	case lint.Error:
		s.WithErrors++
	case lint.Warn:
		s.WithWarnings++
	case lint.Notice:
		s.WithNotices++
	default:
		s.Clean++
	}
	if failing {
		s.Failed++
	} else {
		s.Passed++
	}
	return failing
}

// Verdict is the run's: "error" when an input could not be read or there was
// no object, "fail" when an object failed or an input was of the wrong kind,
// "pass" otherwise.
func (s *Summary) Verdict() string {
	switch {
	case s.IOErrors > 0 || s.Objects == 0:
		return "error"
	case s.Failed+s.NotCertificates > 0:
		return "fail"
	}
	return "pass"
}
