package lint_test

import zlint "github.com/zmap/zlint/v3/lint"

func lintMetadata(name, desc, cite string) zlint.LintMetadata {
	return zlint.LintMetadata{Name: name, Description: desc, Citation: cite, Source: "ACME"}
}
