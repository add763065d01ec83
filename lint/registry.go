package lint

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/matterlint/matterlint/matterext"
)

// Registry errors.
var (
	ErrDuplicateRule   = errors.New("rule already registered")
	ErrInvalidMetadata = errors.New("invalid rule metadata")
	ErrUnknownRule     = errors.New("unknown rule")
)

// Registry is a set of rules, kept per kind. The zero value is not usable;
// call NewRegistry or Default. A Registry is safe for concurrent linting
// once no more rules are registered.
type Registry struct {
	certs   []*CertRule
	cds     []*CDRule
	crls    []*CRLRule
	points  []*PointRule
	batches []*BatchRule
	all     []*Metadata // sorted by name
	byName  map[string]Rule
	// plans holds, per role value, the certificate rules that apply to it
	// with their result codes: built on first use, dropped by add.
	plans [256]atomic.Pointer[[]plannedRule]
}

// plannedRule is a certificate rule that applies to a role, with its result
// code for that role.
type plannedRule struct {
	rule *CertRule
	code matterext.ResultCode
}

// plan returns the certificate rules of role, in name order.
func (reg *Registry) plan(role matterext.Role) []plannedRule {
	if p := reg.plans[role].Load(); p != nil {
		return *p
	}
	var p []plannedRule
	for _, r := range reg.certs {
		if r.Roles&role != 0 {
			p = append(p, plannedRule{r, r.Code(role)})
		}
	}
	reg.plans[role].Store(&p) // a concurrent first use builds the same plan
	return p
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{byName: map[string]Rule{}} }

// builtin holds the rules defined in this package; each rule file appends to
// it from init. It is never modified after package initialisation.
var builtin []Rule

func register(r Rule) { builtin = append(builtin, r) }

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

// Register adds r. The name must start with e_, w_ or n_, say the rule's
// kind (cd_, crl_, point_, batch_ after the severity prefix, none of them
// for certificate rules) and be unique; the rule must have a description,
// citation, source and a check; certificate and batch rules need roles,
// and the other kinds must have none.
func (reg *Registry) Register(r Rule) error {
	if r == nil {
		return fmt.Errorf("%w: nil rule", ErrInvalidMetadata)
	}
	m := r.Meta()
	k := r.kind()
	hasCheck := false
	switch r := r.(type) {
	case *CertRule:
		hasCheck = r.Check != nil
	case *CDRule:
		hasCheck = r.Check != nil
	case *CRLRule:
		hasCheck = r.Check != nil
	case *PointRule:
		hasCheck = r.Check != nil
	case *BatchRule:
		hasCheck = r.NewState != nil
	}
	rest := ""
	if len(m.Name) > 2 {
		rest = m.Name[2:]
	}
	certRoles := k == KindCertificate || k == KindBatch
	switch {
	case !hasCheck:
		return fmt.Errorf("%w: %q has no check function", ErrInvalidMetadata, m.Name)
	case nameSeverity(m.Name) == 0:
		return fmt.Errorf("%w: %q: name must start with e_, w_ or n_", ErrInvalidMetadata, m.Name)
	case m.Name != strings.ToLower(m.Name) || strings.ContainsAny(m.Name, " -."):
		return fmt.Errorf("%w: %q: name must be lower case with underscores", ErrInvalidMetadata, m.Name)
	case k.namePrefix() != "" && !strings.HasPrefix(rest, k.namePrefix()):
		return fmt.Errorf("%w: %q: a %s rule's name must start with %s%s", ErrInvalidMetadata, m.Name, k, m.Name[:2], k.namePrefix())
	case k == KindCertificate && kindOfName(rest) != 0:
		return fmt.Errorf("%w: %q: a certificate rule's name must not start with %s (the prefix of %s rules)", ErrInvalidMetadata, m.Name, kindOfName(rest).namePrefix(), kindOfName(rest))
	case m.Description == "" || m.Citation == "" || m.Source == "":
		return fmt.Errorf("%w: %q: description, citation and source are required", ErrInvalidMetadata, m.Name)
	case certRoles && m.Roles == matterext.RoleUnknown:
		return fmt.Errorf("%w: %q: a %s rule needs certificate roles", ErrInvalidMetadata, m.Name, k)
	case !certRoles && m.Roles != matterext.RoleUnknown:
		return fmt.Errorf("%w: %q: a %s rule reads no certificate and takes no roles", ErrInvalidMetadata, m.Name, k)
	case m.Kind != 0 && m.Kind != k:
		return fmt.Errorf("%w: %q: declared kind %s, but the rule reads a %s", ErrInvalidMetadata, m.Name, m.Kind, k)
	}
	if _, dup := reg.byName[m.Name]; dup {
		return fmt.Errorf("%w: %q", ErrDuplicateRule, m.Name)
	}
	m.Kind = k
	reg.add(r)
	return nil
}

func kindOfName(rest string) Kind {
	for _, k := range []Kind{KindCD, KindCRL, KindPoint, KindBatch} {
		if strings.HasPrefix(rest, k.namePrefix()) {
			return k
		}
	}
	return 0
}

// add inserts a validated rule, keeping every list sorted by name.
func (reg *Registry) add(r Rule) {
	m := r.Meta()
	reg.byName[m.Name] = r
	for i := range reg.plans {
		reg.plans[i].Store(nil)
	}
	switch r := r.(type) {
	case *CertRule:
		reg.certs = insertSorted(reg.certs, r)
	case *CDRule:
		reg.cds = insertSorted(reg.cds, r)
	case *CRLRule:
		reg.crls = insertSorted(reg.crls, r)
	case *PointRule:
		reg.points = insertSorted(reg.points, r)
	case *BatchRule:
		reg.batches = insertSorted(reg.batches, r)
	}
	i := sort.Search(len(reg.all), func(i int) bool { return reg.all[i].Name >= m.Name })
	reg.all = append(reg.all, nil)
	copy(reg.all[i+1:], reg.all[i:])
	reg.all[i] = m
}

func insertSorted[T Rule](list []T, r T) []T {
	name := r.Meta().Name
	i := sort.Search(len(list), func(i int) bool { return list[i].Meta().Name >= name })
	list = append(list, r)
	copy(list[i+1:], list[i:])
	list[i] = r
	return list
}

// Rules returns the metadata of every registered rule, sorted by name. The
// slice must not be modified.
func (reg *Registry) Rules() []*Metadata { return reg.all }

// CertRules returns the certificate rules, sorted by name. The slice must
// not be modified.
func (reg *Registry) CertRules() []*CertRule { return reg.certs }

// Lint runs the rule alone on c (role detected unless opts.Role is set):
// nothing when c's role is not among the rule's roles, or when the rule
// needs an evaluation time and opts gives none.
func (r *CertRule) Lint(c *matterext.Certificate, opts Options) []Finding {
	role := opts.Role
	if role == matterext.RoleUnknown {
		role = matterext.DetectRole(c)
	}
	if r.Roles&role == 0 || (r.NeedsTime && opts.At.IsZero()) {
		return nil
	}
	rep := Reporter{rule: &r.Metadata, code: r.Code(role)}
	r.Check(&CertContext{Cert: c, Role: role, At: opts.At}, &rep)
	return rep.findings
}

// Lookup returns the metadata of the rule with the given name.
func (reg *Registry) Lookup(name string) (*Metadata, error) {
	if r, ok := reg.byName[name]; ok {
		return r.Meta(), nil
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

// Result is the outcome of linting one object.
type Result struct {
	// Kind is the kind of object linted.
	Kind Kind
	// Role is the certificate's role (certificates only).
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

// Lint runs every certificate rule of c's role on c. Findings come in
// rule-name order.
func (reg *Registry) Lint(c *matterext.Certificate, opts Options) Result {
	res := Result{Kind: KindCertificate, Role: opts.Role}
	if res.Role == matterext.RoleUnknown {
		res.Role = matterext.DetectRole(c)
		res.RoleDetected = true
	}
	// One allocation for both: the rules' indirect calls make them escape.
	st := &struct {
		ctx CertContext
		rep Reporter
	}{ctx: CertContext{Cert: c, Role: res.Role, At: opts.At}}
	noTime := opts.At.IsZero()
	for _, p := range reg.plan(res.Role) {
		if p.rule.NeedsTime && noTime {
			continue
		}
		st.rep.rule, st.rep.code = &p.rule.Metadata, p.code
		p.rule.Check(&st.ctx, &st.rep)
	}
	res.Findings = st.rep.findings
	return res
}

// LintCD runs every CD rule on a Certification Declaration.
func (reg *Registry) LintCD(cd *matterext.CertificationDeclaration) Result {
	var rep Reporter
	for _, r := range reg.cds {
		rep.rule, rep.code = &r.Metadata, r.Code(0)
		r.Check(cd, &rep)
	}
	return Result{Kind: KindCD, Findings: rep.findings}
}

// LintCRL runs every CRL rule on a CRL.
func (reg *Registry) LintCRL(l *matterext.CRL) Result {
	var rep Reporter
	for _, r := range reg.crls {
		rep.rule, rep.code = &r.Metadata, r.Code(0)
		r.Check(l, &rep)
	}
	return Result{Kind: KindCRL, Findings: rep.findings}
}

// LintPoint runs every point rule on a DCL revocation point.
func (reg *Registry) LintPoint(p *matterext.RevocationPoint) Result {
	var rep Reporter
	for _, r := range reg.points {
		rep.rule, rep.code = &r.Metadata, r.Code(0)
		r.Check(p, &rep)
	}
	return Result{Kind: KindPoint, Findings: rep.findings}
}

// Filter returns a new registry with the rules for which keep is true.
func (reg *Registry) Filter(keep func(*Metadata) bool) *Registry {
	out := NewRegistry()
	for _, m := range reg.all {
		if keep(m) {
			out.add(reg.byName[m.Name])
		}
	}
	return out
}
