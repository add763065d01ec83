package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/internal/report"
	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/matterext"
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

// errKindOf is the report kind of an input error.
func errKindOf(e *input.Error) report.ErrorKind {
	if e.Kind == input.KindIO {
		return report.KindIO
	}
	return report.KindNotCertificate
}

// wrongObject returns an error when der is, by its structure, another kind
// of object than want (a CRL given to lint, a certificate given to crl),
// naming the command that reads it.
func wrongObject(der []byte, want input.ObjectKind) error {
	if k := input.Detect(der); k != input.KindUnknown && k != want {
		return errors.New(k.Hint())
	}
	return nil
}

// loadOne reads the certificate of a file given with a flag such as --pai.
// A file with several certificates is refused unless exactly one of them has
// the role wanted (RoleUnknown: any file with several is refused); the one
// used is named on stderr.
func loadOne(path, flag string, role matterext.Role, stderr io.Writer) (*matterext.Certificate, int) {
	type cand struct {
		c   *matterext.Certificate
		idx int
	}
	var all, match []cand
	code := exitOK
	(&input.Reader{}).Read([]string{path}, func(it input.Item) bool {
		var err error
		if it.Err != nil {
			err = it.Err
			code = exitNotCertificate
			if it.Err.Kind == input.KindIO {
				code = exitUsage
			}
		} else if c, perr := matterext.ParseCertificate(it.DER); perr != nil {
			err, code = fmt.Errorf("%s [%d]: %w", it.Source, it.Index, perr), exitNotCertificate
		} else {
			all = append(all, cand{c, it.Index})
			if role != matterext.RoleUnknown && matterext.DetectRole(c) == role {
				match = append(match, cand{c, it.Index})
			}
		}
		if err != nil {
			fmt.Fprintf(stderr, "matterlint: %s: %v\n", flag, err)
		}
		return err == nil
	})
	switch {
	case code != exitOK:
		return nil, code
	case len(all) == 0:
		fmt.Fprintf(stderr, "matterlint: %s %s: no certificate in the file\n", flag, path)
		return nil, exitNotCertificate
	case len(all) == 1:
		return all[0].c, exitOK
	case len(match) == 1:
		fmt.Fprintf(stderr, "matterlint: %s %s: using certificate [%d] %q, the only %s of the %d in the file\n",
			flag, path, match[0].idx, match[0].c.Subject.String(), strings.ToUpper(role.String()), len(all))
		return match[0].c, exitOK
	}
	what := ""
	if role != matterext.RoleUnknown {
		what = fmt.Sprintf(", %d of them %ss", len(match), strings.ToUpper(role.String()))
	}
	fmt.Fprintf(stderr, "matterlint: %s %s: the file holds %d certificates%s; give a file with the one to use\n", flag, path, len(all), what)
	return nil, exitUsage
}
