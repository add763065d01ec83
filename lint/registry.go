package lint

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/matterlint/matterlint/matterext"
)

// Registry errors.
var (
	ErrDuplicateRule   = errors.New("rule already registered")
	ErrInvalidMetadata = errors.New("invalid rule metadata")
	ErrUnknownRule     = errors.New("unknown rule")
)

// Registry is a set of rules. The zero value is not usable; call NewRegistry
// or Default. A Registry is safe for concurrent linting once no more rules are
// registered.
type Registry struct {
	rules  []*Rule
	byName map[string]*Rule
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{byName: map[string]*Rule{}} }

// builtin holds the rules defined in this package; each rule file appends to
// it from init. It is never modified after package initialisation.
var builtin []*Rule

func register(r *Rule) { builtin = append(builtin, r) }

// Default returns a new registry holding every built-in rule.
func Default() *Registry {
	reg := NewRegistry()
	for _, r := range builtin {
		if err := reg.Register(r); err != nil {
			panic("lint: built-in rule: " + err.Error()) // a programming error caught by the tests
		}
	}
	return reg
}

// Register adds r. The name must start with e_, w_ or n_, be unique, and the
// rule must have a description, citation, source, roles and a check.
func (reg *Registry) Register(r *Rule) error {
	switch {
	case r == nil || r.Check == nil:
		return fmt.Errorf("%w: rule has no check function", ErrInvalidMetadata)
	case r.Severity() == 0:
		return fmt.Errorf("%w: %q: name must start with e_, w_ or n_", ErrInvalidMetadata, r.Name)
	case r.Name != strings.ToLower(r.Name) || strings.ContainsAny(r.Name, " -."):
		return fmt.Errorf("%w: %q: name must be lower case with underscores", ErrInvalidMetadata, r.Name)
	case r.Description == "" || r.Citation == "" || r.Source == "":
		return fmt.Errorf("%w: %q: description, citation and source are required", ErrInvalidMetadata, r.Name)
	case r.Roles == matterext.RoleUnknown:
		return fmt.Errorf("%w: %q: no roles", ErrInvalidMetadata, r.Name)
	}
	if _, dup := reg.byName[r.Name]; dup {
		return fmt.Errorf("%w: %q", ErrDuplicateRule, r.Name)
	}
	reg.byName[r.Name] = r
	i := sort.Search(len(reg.rules), func(i int) bool { return reg.rules[i].Name >= r.Name })
	reg.rules = append(reg.rules, nil)
	copy(reg.rules[i+1:], reg.rules[i:])
	reg.rules[i] = r
	return nil
}

// Rules returns the registered rules sorted by name. The slice must not be
// modified.
func (reg *Registry) Rules() []*Rule { return reg.rules }

// Lookup returns the rule with the given name.
func (reg *Registry) Lookup(name string) (*Rule, error) {
	if r, ok := reg.byName[name]; ok {
		return r, nil
	}
	return nil, fmt.Errorf("%w: %q", ErrUnknownRule, name)
}

// Options control one lint run.
type Options struct {
	// Role forces the certificate's role; RoleUnknown means detect it.
	Role matterext.Role
	// At is the evaluation time for time-dependent rules (validity "now");
	// zero disables them.
	At time.Time
}

// Result is the outcome of linting one certificate.
type Result struct {
	Role         matterext.Role
	RoleDetected bool // true when Role was inferred rather than given
	Findings     []Finding
}

// Max returns the highest severity among the findings, 0 when there are none.
func (r *Result) Max() Severity {
	var m Severity
	for i := range r.Findings {
		if s := r.Findings[i].Severity(); s > m {
			m = s
		}
	}
	return m
}

// Has reports whether a finding of the named rule is present.
func (r Result) Has(name string) bool {
	for i := range r.Findings {
		if r.Findings[i].Rule.Name == name {
			return true
		}
	}
	return false
}

// Lint runs every applicable rule on c. Findings come in rule-name order.
func (reg *Registry) Lint(c *matterext.Certificate, opts Options) Result {
	res := Result{Role: opts.Role}
	if res.Role == matterext.RoleUnknown {
		res.Role = matterext.DetectRole(c)
		res.RoleDetected = true
	}
	ctx := Context{Cert: c, Role: res.Role, At: opts.At}
	rep := Reporter{role: res.Role}
	for _, r := range reg.rules {
		if r.Roles&res.Role&^matterext.NonCertificateRoles == 0 || (r.NeedsTime && opts.At.IsZero()) || r.Batch {
			continue
		}
		rep.rule = r
		r.Check(&ctx, &rep)
	}
	res.Findings = rep.findings
	return res
}

// LintCD runs every rule of RoleCD on a Certification Declaration.
func (reg *Registry) LintCD(cd *matterext.CertificationDeclaration) Result {
	return reg.lintObject(Context{CD: cd, Role: matterext.RoleCD})
}

// LintCRL runs every rule of RoleCRL on a CRL.
func (reg *Registry) LintCRL(l *matterext.CRL) Result {
	return reg.lintObject(Context{CRL: l, Role: matterext.RoleCRL})
}

// LintPoint runs every rule of RolePoint on a DCL revocation point.
func (reg *Registry) LintPoint(p *matterext.RevocationPoint) Result {
	return reg.lintObject(Context{Point: p, Role: matterext.RolePoint})
}

func (reg *Registry) lintObject(ctx Context) Result {
	rep := Reporter{role: ctx.Role}
	for _, r := range reg.rules {
		if r.Roles&ctx.Role == 0 {
			continue
		}
		rep.rule = r
		r.Check(&ctx, &rep)
	}
	return Result{Role: ctx.Role, Findings: rep.findings}
}

// Filter returns a new registry with the rules for which keep is true.
func (reg *Registry) Filter(keep func(*Rule) bool) *Registry {
	out := NewRegistry()
	for _, r := range reg.rules {
		if keep(r) {
			out.byName[r.Name] = r
			out.rules = append(out.rules, r)
		}
	}
	return out
}

// Profiles are named rule selections.
var Profiles = []struct {
	Name, Description string
	Keep              func(*Rule) bool
}{
	{"all", "every rule", func(*Rule) bool { return true }},
	{"sdk-compat", "only rules whose breach the reference SDK's verifier reports (a rule with an SDK result code): what a commissioner enforces",
		func(r *Rule) bool { return r.SDK != SDKNotChecked }},
	{"spec-strict", "the Matter profile, RFC 5280 and the certification test harness; not the DCL's submission quirks",
		func(r *Rule) bool { return r.Source != SourceDCL }},
	{"dcl", "what the DCL checks on submission: its own rules, the RFC 5280 basics and the Matter format rules it shares",
		func(r *Rule) bool { return r.Source == SourceDCL || r.Source == SourceRFC5280 || r.SDK == SDKFormat }},
}

// Select returns the registry restricted to a profile and to include and
// exclude lists. Entries of include/exclude are rule names or sources
// (e.g. "DCL", "RFC5280"); an unknown entry is an error wrapping
// ErrUnknownRule.
func (reg *Registry) Select(profile string, include, exclude []string) (*Registry, error) {
	keep := func(*Rule) bool { return true }
	if profile != "" {
		found := false
		for _, p := range Profiles {
			if p.Name == profile {
				keep, found = p.Keep, true
			}
		}
		if !found {
			return nil, fmt.Errorf("%w: profile %q", ErrUnknownRule, profile)
		}
	}
	sources := map[string]bool{}
	for _, r := range reg.rules {
		sources[strings.ToLower(string(r.Source))] = true
	}
	for _, n := range append(append([]string(nil), include...), exclude...) {
		if _, ok := reg.byName[n]; !ok && !sources[strings.ToLower(n)] {
			return nil, fmt.Errorf("%w: %q is neither a rule name nor a source", ErrUnknownRule, n)
		}
	}
	match := func(r *Rule, list []string) bool {
		for _, n := range list {
			if n == r.Name || strings.EqualFold(n, string(r.Source)) {
				return true
			}
		}
		return false
	}
	return reg.Filter(func(r *Rule) bool {
		if match(r, exclude) {
			return false
		}
		if len(include) > 0 {
			return match(r, include)
		}
		return keep(r)
	}), nil
}
