// Package report writes lint results as text for people or as a JSON
// document for programs. Writers stream: each certificate's result is written
// as soon as it is known, so memory does not grow with the batch.
package report

import (
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// ErrorKind classifies an input that produced no lint result.
type ErrorKind string

const (
	// KindIO: the input could not be read.
	KindIO ErrorKind = "io"
	// KindNotCertificate: the input is not an encoded certificate.
	KindNotCertificate ErrorKind = "not-certificate"
)

// CertResult is the outcome for one input object: either Findings (possibly
// none) or an Err.
type CertResult struct {
	Source string
	Index  int // object index in the source; -1 when the error concerns the whole source
	Format string

	Err     error
	ErrKind ErrorKind

	Role         matterext.Role
	RoleDetected bool
	Subject      string
	Issuer       string
	SHA256       string // hex SHA-256 of the certificate DER
	Findings     []lint.Finding
}

// Max returns the highest severity among the findings.
func (r *CertResult) Max() lint.Severity {
	var m lint.Severity
	for i := range r.Findings {
		if s := r.Findings[i].Severity(); s > m {
			m = s
		}
	}
	return m
}

// Summary counts results.
type Summary struct {
	Inputs          int `json:"inputs"`       // objects and unreadable sources seen
	Certificates    int `json:"certificates"` // certificates linted
	WithErrors      int `json:"with_errors"`  // certificates with at least one error finding
	WithWarnings    int `json:"with_warnings"`
	WithNotices     int `json:"with_notices"`
	Clean           int `json:"clean"`    // certificates with no finding at all
	Errors          int `json:"errors"`   // error findings
	Warnings        int `json:"warnings"` // warning findings
	Notices         int `json:"notices"`  // notice findings
	NotCertificates int `json:"not_certificates"`
	IOErrors        int `json:"io_errors"`
	// RuleCounts counts findings per rule.
	RuleCounts map[string]int `json:"rule_counts"`
}

// Add counts r.
func (s *Summary) Add(r *CertResult) {
	s.Inputs++
	switch r.ErrKind {
	case KindIO:
		s.IOErrors++
		return
	case KindNotCertificate:
		s.NotCertificates++
		return
	}
	s.Certificates++
	var e, w, n int
	if s.RuleCounts == nil {
		s.RuleCounts = map[string]int{}
	}
	for i := range r.Findings {
		s.RuleCounts[r.Findings[i].Rule.Name]++
		switch r.Findings[i].Severity() {
		case lint.Error:
			e++
		case lint.Warn:
			w++
		case lint.Notice:
			n++
		}
	}
	s.Errors += e
	s.Warnings += w
	s.Notices += n
	switch {
	case e > 0:
		s.WithErrors++
	case w > 0:
		s.WithWarnings++
	case n > 0:
		s.WithNotices++
	default:
		s.Clean++
	}
}

// Writer writes a stream of results.
type Writer interface {
	Write(r *CertResult) error
	// Close writes the summary and flushes.
	Close(s Summary) error
}
