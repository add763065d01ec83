package lint

import (
	"fmt"
	"slices"
	"strings"
)

// Profile is a named rule selection.
type Profile struct {
	Name, Description string
	Keep              func(*Metadata) bool
}

// Profiles returns the named rule selections.
func Profiles() []Profile {
	return []Profile{
		{"all", "every rule", func(*Metadata) bool { return true }},
		{"sdk-compat", "only rules whose breach the reference SDK's verifier reports (a rule with an SDK result code): what a commissioner enforces",
			func(m *Metadata) bool { return m.SDK != SDKNotChecked && m.SDK != SDKRevocationSet }},
		{"spec-strict", "the Matter profile, RFC 5280 and the certification test harness; not the DCL's submission quirks",
			func(m *Metadata) bool { return m.Source != SourceDCL }},
		{"dcl", "exactly what the DCL checks on submission from the certificate alone, on Go's crypto/x509 parse as the DCL runs it: the x509.go profile of the role's message, the root and non-root self-signed checks, the subject's VID/PID text, and crypto/x509 verification at --at (validity, unhandled critical extensions, extKeyUsage)",
			func(m *Metadata) bool { return m.Source == SourceDCL }},
	}
}

// Select returns the registry restricted to a profile and to include and
// exclude lists. Entries of include/exclude are rule names or sources
// (e.g. "DCL", "RFC5280"); an unknown entry is an error wrapping
// ErrUnknownRule.
func (reg *Registry) Select(profile string, include, exclude []string) (*Registry, error) {
	keep := func(*Metadata) bool { return true }
	if profile != "" {
		found := false
		var names []string
		for _, p := range Profiles() {
			names = append(names, p.Name)
			if p.Name == profile {
				keep, found = p.Keep, true
			}
		}
		if !found {
			return nil, fmt.Errorf("%w: profile %q (profiles: %s)", ErrUnknownRule, profile, strings.Join(names, ", "))
		}
	}
	sources := map[string]bool{}
	for _, m := range reg.all {
		sources[strings.ToLower(string(m.Source))] = true
	}
	for _, n := range append(append([]string(nil), include...), exclude...) {
		if _, ok := reg.byName[n]; !ok && !sources[strings.ToLower(n)] {
			for _, m := range reg.all {
				if slices.Contains(m.Replaces, n) {
					return nil, fmt.Errorf("%w: %q was replaced by %q", ErrUnknownRule, n, m.Name)
				}
			}
			return nil, fmt.Errorf("%w: %q is neither a rule name nor a source", ErrUnknownRule, n)
		}
	}
	match := func(m *Metadata, list []string) bool {
		for _, n := range list {
			if n == m.Name || strings.EqualFold(n, string(m.Source)) {
				return true
			}
		}
		return false
	}
	return reg.Filter(func(m *Metadata) bool {
		if match(m, exclude) {
			return false
		}
		if len(include) > 0 {
			return match(m, include)
		}
		return keep(m)
	}), nil
}
