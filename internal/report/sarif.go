package report

import (
	"bufio"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"github.com/matterlint/matterlint/lint"
)

// SARIF 2.1.0 output (GitHub code scanning). Results are kept one per
// finding up to MaxSARIFResults; past that, the run is written as one result
// per rule and issuer, with a count and sample inputs, so that a batch of a
// million DACs stays within GitHub's limits (25,000 results per run).
const (
	MaxSARIFResults = 5000
	sarifSamples    = 10
)

type sarifKey struct{ rule, issuer string }

type sarifGroup struct {
	severity lint.Severity
	count    int
	samples  []string
	message  string
}

// SARIFWriter writes one SARIF 2.1.0 log.
type SARIFWriter struct {
	w       *bufio.Writer
	rules   []RuleInfo
	version string
	results []sarifResult
	groups  map[sarifKey]*sarifGroup
	order   []sarifKey
	uri     func(string) string
}

// NewSARIF returns a SARIFWriter; rules describe every rule that may appear.
func NewSARIF(w io.Writer, version string, rules []RuleInfo) *SARIFWriter {
	return &SARIFWriter{w: bufio.NewWriter(w), rules: rules, version: version, groups: map[sarifKey]*sarifGroup{}, uri: fileURI}
}

func fileURI(p string) string {
	if p == "-" {
		return "stdin"
	}
	p = filepath.ToSlash(p)
	return (&url.URL{Path: p}).String()
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	Properties          map[string]any    `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
	Message          *sarifMessage  `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifLogical struct {
	Name               string `json:"name,omitempty"`
	FullyQualifiedName string `json:"fullyQualifiedName,omitempty"`
	Kind               string `json:"kind,omitempty"`
}

func level(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warn:
		return "warning"
	}
	return "note"
}

func (s *SARIFWriter) ruleIndex(name string) int {
	i := sort.Search(len(s.rules), func(i int) bool { return s.rules[i].Name >= name })
	if i < len(s.rules) && s.rules[i].Name == name {
		return i
	}
	s.rules = append(s.rules, RuleInfo{Name: name, Description: name})
	sort.Slice(s.rules, func(a, b int) bool { return s.rules[a].Name < s.rules[b].Name })
	return s.ruleIndex(name)
}

func (s *SARIFWriter) WriteItem(it *Item) error {
	add := func(rule string, sev lint.Severity, loc, msg string) {
		where := it.Source + " [" + itoa(it.Index) + "]"
		k := sarifKey{rule, it.Issuer}
		g := s.groups[k]
		if g == nil {
			g = &sarifGroup{severity: sev, message: msg}
			s.groups[k] = g
			s.order = append(s.order, k)
		}
		g.count++
		if len(g.samples) < sarifSamples {
			g.samples = append(g.samples, where)
		}
		if len(s.results) < MaxSARIFResults+1 {
			s.results = append(s.results, sarifResult{RuleID: rule, Level: level(sev), Message: sarifMessage{Text: msg},
				Locations: []sarifLocation{{
					PhysicalLocation: &sarifPhysical{ArtifactLocation: sarifArtifact{URI: s.uri(it.Source)}},
					LogicalLocations: []sarifLogical{{Name: loc, FullyQualifiedName: where + " " + loc, Kind: "element"}},
				}},
				PartialFingerprints: map[string]string{"matterlintFinding/v1": rule + "|" + where + "|" + loc},
			})
		}
	}
	if it.Err != nil {
		add("input_error", lint.Error, "input", it.Err.Error())
		return nil
	}
	for _, f := range it.Findings {
		add(f.Rule, f.Severity, f.Location, f.Message)
	}
	return nil
}

// Close writes the log.
func (s *SARIFWriter) Close(sum Summary) error {
	results := s.results
	aggregated := len(results) > MaxSARIFResults
	if aggregated {
		results = results[:0:0]
		for _, k := range s.order {
			g := s.groups[k]
			msg := g.message
			if g.count > 1 {
				msg = itoa(g.count) + " inputs: " + msg + " (first: " + g.samples[0] + ")"
			}
			var locs []sarifLocation
			for _, smp := range g.samples {
				src := smp[:strings.LastIndex(smp, " [")]
				locs = append(locs, sarifLocation{PhysicalLocation: &sarifPhysical{ArtifactLocation: sarifArtifact{URI: s.uri(src)}},
					LogicalLocations: []sarifLogical{{FullyQualifiedName: smp, Kind: "element"}}})
			}
			results = append(results, sarifResult{RuleID: k.rule, Level: level(g.severity), Message: sarifMessage{Text: msg}, Locations: locs,
				PartialFingerprints: map[string]string{"matterlintGroup/v1": k.rule + "|" + k.issuer},
				Properties:          map[string]any{"count": g.count, "issuer": k.issuer, "samples": g.samples}})
		}
	}
	for i := range results {
		results[i].RuleIndex = s.ruleIndex(results[i].RuleID)
	}
	var rules []map[string]any
	for _, r := range s.rules {
		tags := []string{"matterlint"}
		if src := strings.ToLower(r.Source); src != "matterlint" && src != "" {
			tags = append(tags, src)
		}
		help := r.Description + "\n\nCitation: " + r.Citation
		if r.Note != "" {
			help += "\n\nNote: " + r.Note
		}
		rules = append(rules, map[string]any{
			"id": r.Name, "name": r.Name,
			"shortDescription":     map[string]string{"text": r.Description},
			"fullDescription":      map[string]string{"text": r.Description + " (" + r.Citation + ")"},
			"help":                 map[string]string{"text": help},
			"defaultConfiguration": map[string]string{"level": level(r.Severity)},
			"properties":           map[string]any{"tags": tags, "citation": r.Citation, "source": r.Source},
		})
	}
	log := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool": map[string]any{"driver": map[string]any{
				"name": "matterlint", "version": s.version, "informationUri": "https://github.com/matterlint/matterlint",
				"rules": rules,
			}},
			"results":    results,
			"properties": map[string]any{"summary": sum, "aggregated": aggregated},
		}},
	}
	if results == nil {
		log["runs"].([]any)[0].(map[string]any)["results"] = []any{}
	}
	enc := json.NewEncoder(s.w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return err
	}
	return s.w.Flush()
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}
