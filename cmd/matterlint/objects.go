package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/matterext"
)

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
