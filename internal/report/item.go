package report

import (
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
)

// Item is the result of one input of any command (lint, verify, cd, crl),
// in the form the NDJSON, SARIF and JUnit writers understand.
type Item struct {
	Source  string
	Index   int
	Err     error
	ErrKind ErrorKind

	Kind    string // "certificate", "dac" (verify), "cd", "crl"
	Role    string
	Subject string
	Issuer  string // the certificate's issuer, used to group SARIF results
	// Verdict is "pass" or "fail" for commands that judge the whole input
	// (verify, cd), "" for lint.
	Verdict  string
	SDKCode  matterext.ResultCode
	Findings []ItemFinding
}

// ItemFinding is one finding of an Item.
type ItemFinding struct {
	Rule     string
	Severity lint.Severity
	Source   string
	Location string
	Message  string
	SDKCode  matterext.ResultCode
	// Failing marks findings that make the input fail (verify: an SDK code;
	// lint: severity at or above --fail-on).
	Failing bool
}

// RuleInfo describes a rule or check for SARIF's rule table.
type RuleInfo struct {
	Name, Description, Citation, Source, Note string
	Severity                                  lint.Severity
}

// RuleInfoOf describes a lint rule.
func RuleInfoOf(r *lint.Metadata) RuleInfo {
	return RuleInfo{Name: r.Name, Description: r.Description, Citation: r.Citation, Source: string(r.Source), Note: r.Note, Severity: r.Severity()}
}

// ItemOf converts a lint result; findings at or above failOn are failing.
func ItemOf(r *CertResult, failOn lint.Severity) Item {
	it := Item{Source: r.Source, Index: r.Index, Err: r.Err, ErrKind: r.ErrKind, Kind: "certificate",
		Role: r.Role.String(), Subject: r.Subject, Issuer: r.Issuer}
	if r.Err != nil {
		it.Role = ""
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		it.Findings = append(it.Findings, ItemFinding{Rule: f.Rule.Name, Severity: f.Severity(), Source: string(f.Rule.Source),
			Location: f.Location, Message: f.Message, SDKCode: f.SDKCode, Failing: f.Severity() >= failOn})
	}
	return it
}

// ItemWriter writes Items.
type ItemWriter interface {
	WriteItem(it *Item) error
	Close(s Summary) error
}

// Adapter lets an ItemWriter take lint results.
type Adapter struct {
	W      ItemWriter
	FailOn lint.Severity
}

// Write converts r and writes it.
func (a Adapter) Write(r *CertResult) error {
	it := ItemOf(r, a.FailOn)
	return a.W.WriteItem(&it)
}

// Close closes the underlying writer.
func (a Adapter) Close(s Summary) error { return a.W.Close(s) }
