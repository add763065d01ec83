package report

import (
	"sort"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
	"github.com/matterlint/matterlint/verify"
)

// Rule describes a lint rule or a verify check for listings and SARIF's
// rule table.
type Rule struct {
	Name, Description, Citation, Source, Note string
	// Quote is the normative text the rule or check enforces, verbatim
	// from QuoteSource.
	Quote, QuoteSource string
	Severity           lint.Severity
	// Check is true for verify's checks; Code is then the SDK result code
	// of its failure (Success for informational checks).
	Check bool
	Code  matterext.ResultCode
}

// Rules describes the rules of reg.
func Rules(reg *lint.Registry) []Rule {
	var out []Rule
	for _, r := range reg.Rules() {
		out = append(out, Rule{Name: r.Name, Description: r.Description, Citation: r.Citation, Source: string(r.Source), Note: r.Note,
			Quote: r.Quote, QuoteSource: r.QuoteSource, Severity: r.Severity()})
	}
	return out
}

// Checks describes verify's relational checks, in the SDK's order. It is
// the one place that reads verify.Checks.
func Checks() []Rule {
	var out []Rule
	for _, c := range verify.Checks() {
		cite := "matter-pki-rules.md §4-6"
		if c.Code != matterext.Success {
			cite += " (SDK " + c.Code.String() + ")"
		}
		out = append(out, Rule{Name: c.Name, Description: c.Description, Citation: cite, Source: string(lint.SourceMatter),
			Quote: c.Quote, QuoteSource: c.QuoteSource, Severity: lint.Error, Check: true, Code: c.Code})
	}
	return out
}

// PointRules describes the findings revocation-set gives a point.
func PointRules() []Rule {
	return []Rule{
		{Name: RulePointRejected, Description: "the point gives no revocation-set entry (its CRL, signer or DCL fields are rejected)", Citation: "Matter SDK generate_revocation_set.py; RFC 5280 §6.3", Source: "Matter", Severity: lint.Error},
		{Name: RulePointNote, Description: "a warning about the point that does not reject it", Citation: "Matter SDK generate_revocation_set.py; RFC 5280 §6.3", Source: "Matter", Severity: lint.Notice},
	}
}

// sorted returns rules sorted by name without duplicates (the first kept).
func sorted(rules []Rule) []Rule {
	out := append([]Rule(nil), rules...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	j := 0
	for i := range out {
		if i == 0 || out[i].Name != out[j-1].Name {
			out[j] = out[i]
			j++
		}
	}
	return out[:j]
}
