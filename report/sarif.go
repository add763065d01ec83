package report

import (
	"bufio"
	"encoding/json"
	"net/url"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/matterlint/matterlint/lint"
)

// SARIF 2.1.0 output (GitHub code scanning). Results are kept one per
// finding up to MaxSARIFResults; past that, the run is written as one result
// per rule and group (issuer, PAA), with a count and sample inputs, so that
// a batch of a million DACs stays within GitHub's limits (25,000 results per
// run).
const (
	MaxSARIFResults = 5000
	sarifSamples    = 10
)

// RuleInputError is the SARIF rule of inputs that gave no object.
const RuleInputError = "input_error"

type sarifKey struct{ rule, group string }

type sarifGroup struct {
	severity lint.Severity
	count    int
	samples  []string
	inputs   []string
	message  string
}

type sarifWriter struct {
	w       *bufio.Writer
	opts    Options
	rules   []Rule
	results []sarifResult
	groups  map[sarifKey]*sarifGroup
	order   []sarifKey
}

func newSARIF(w *bufio.Writer, opts Options) *sarifWriter {
	rules := append(append([]Rule(nil), opts.Rules...), Rule{Name: RuleInputError, Description: "the input could not be read, or is not an object of the kind the command reads",
		Citation: "matterlint README, Usage (every input item appears once)", Source: "matterlint", Severity: lint.Error})
	return &sarifWriter{w: w, opts: opts, rules: sorted(rules), groups: map[sarifKey]*sarifGroup{}}
}

// fileURI is a source as a SARIF artifact URI (a relative or absolute path;
// "stdin" for standard input).
func fileURI(p string) string {
	if p == "-" {
		return InputName(p)
	}
	return (&url.URL{Path: filepath.ToSlash(p)}).String()
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
	Properties       map[string]any `json:"properties,omitempty"`
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

func (s *sarifWriter) ruleIndex(name string) int {
	i := sort.Search(len(s.rules), func(i int) bool { return s.rules[i].Name >= name })
	if i < len(s.rules) && s.rules[i].Name == name {
		return i
	}
	s.rules = sorted(append(s.rules, Rule{Name: name, Description: name, Citation: "(not described)", Source: "matterlint"}))
	return s.ruleIndex(name)
}

// location is where a finding is: the input's URI, the object's index in it
// and the path inside the object.
func location(input string, index int, loc string) sarifLocation {
	w := InputName(input) + " [" + strconv.Itoa(index) + "]"
	return sarifLocation{
		PhysicalLocation: &sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(input)}},
		LogicalLocations: []sarifLogical{{Name: loc, FullyQualifiedName: w + " " + loc, Kind: "element"}},
		Properties:       map[string]any{"index": index},
	}
}

func (s *sarifWriter) write(_ Result, e *Entry, _ bool) error {
	ordinal := map[string]int{}
	add := func(f Finding) {
		where := InputName(e.Input) + " [" + strconv.Itoa(e.Index) + "]"
		k := sarifKey{f.Rule, e.Group}
		g := s.groups[k]
		if g == nil {
			g = &sarifGroup{severity: f.Severity, message: f.Message}
			s.groups[k] = g
			s.order = append(s.order, k)
		}
		g.count++
		if len(g.samples) < sarifSamples {
			g.samples, g.inputs = append(g.samples, where), append(g.inputs, e.Input)
		}
		if len(s.results) > MaxSARIFResults {
			return
		}
		// The fingerprint is unique per finding: the rule, the object, the
		// place in it, the value found and the finding's ordinal among the
		// object's findings of that rule and place.
		at := f.Rule + "|" + f.Location
		n := ordinal[at]
		ordinal[at]++
		fp := f.Rule + "|" + fileURI(e.Input) + "|" + strconv.Itoa(e.Index) + "|" + f.Location + "|" + f.Found + "|" + strconv.Itoa(n)
		props := map[string]any{"input": InputName(e.Input), "index": e.Index, "kind": string(e.Kind)}
		if f.SDKCode != 0 {
			props["sdk_code"], props["sdk_code_name"] = int(f.SDKCode), f.SDKCode.String()
		}
		s.results = append(s.results, sarifResult{RuleID: f.Rule, Level: level(f.Severity), Message: sarifMessage{Text: f.Message},
			Locations:           []sarifLocation{location(e.Input, e.Index, f.Location)},
			PartialFingerprints: map[string]string{"matterlintFinding/v2": fp}, Properties: props})
	}
	if e.Err != nil {
		add(Finding{Rule: RuleInputError, Severity: lint.Error, Location: "input", Message: e.Err.Message, Found: string(e.Err.Kind)})
		return nil
	}
	for _, f := range e.Findings {
		add(f)
	}
	return nil
}

func (s *sarifWriter) close(sum *Summary) error {
	results := s.results
	aggregated := len(results) > MaxSARIFResults
	if aggregated {
		results = results[:0:0]
		for _, k := range s.order {
			g := s.groups[k]
			msg := g.message
			if g.count > 1 {
				msg = strconv.Itoa(g.count) + " inputs: " + msg + " (first: " + g.samples[0] + ")"
			}
			var locs []sarifLocation
			for i, smp := range g.samples {
				idx, _ := strconv.Atoi(strings.TrimSuffix(smp[strings.LastIndex(smp, " [")+2:], "]"))
				locs = append(locs, location(g.inputs[i], idx, ""))
			}
			results = append(results, sarifResult{RuleID: k.rule, Level: level(g.severity), Message: sarifMessage{Text: msg}, Locations: locs,
				PartialFingerprints: map[string]string{"matterlintGroup/v1": k.rule + "|" + k.group},
				Properties:          map[string]any{"count": g.count, "group": k.group, "samples": g.samples}})
		}
	}
	for i := range results {
		results[i].RuleIndex = s.ruleIndex(results[i].RuleID)
	}
	rules := make([]map[string]any, 0, len(s.rules))
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
			"help":                 map[string]string{"text": help, "markdown": "**" + r.Name + "**: " + r.Description + "\n\n*Citation:* " + r.Citation},
			"defaultConfiguration": map[string]string{"level": level(max(r.Severity, lint.Notice))},
			"properties":           map[string]any{"tags": tags, "citation": r.Citation, "source": r.Source},
		})
	}
	if results == nil {
		results = []sarifResult{}
	}
	log := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool": map[string]any{"driver": map[string]any{
				"name": "matterlint", "version": s.opts.Version, "informationUri": "https://github.com/matterlint/matterlint",
				"rules": rules,
			}},
			"results":    results,
			"properties": map[string]any{"schema_version": SchemaVersion, "command": s.opts.Command, "summary": sum, "aggregated": aggregated},
		}},
	}
	enc := json.NewEncoder(s.w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return err
	}
	return s.w.Flush()
}
