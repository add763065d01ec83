package main

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/matterlint/matterlint/lint"
	"github.com/matterlint/matterlint/report"
	"github.com/matterlint/matterlint/verify"
	"github.com/spf13/pflag"
)

func versionCommand() *command {
	return &command{name: "version", summary: "print the version, commit, Go version, rule and check counts and the PAA snapshot date",
		setup: func(fs *pflag.FlagSet) func(*env) int {
			format := fs.String("format", "text", "text or json")
			fs.SetAnnotation("format", completionValues, []string{"text", "json"})
			return func(e *env) int { return runVersion(e, *format) }
		}}
}

// versionInfo is `matterlint version --format json`.
type versionInfo struct {
	SchemaVersion int    `json:"schema_version"`
	Name          string `json:"name"`
	Version       string `json:"version"`
	// Commit is the build's vcs.revision, or "unknown" when the binary was
	// built without VCS stamping (GOFLAGS=-buildvcs=false, go run, a
	// source archive).
	Commit      string `json:"commit"`
	Modified    bool   `json:"modified"`
	GoVersion   string `json:"go_version"`
	Rules       int    `json:"rules"`
	Checks      int    `json:"checks"`
	PAASnapshot string `json:"paa_snapshot"` // date of the embedded production PAA store
	PAAs        int    `json:"paas"`
}

func buildVersion() versionInfo {
	v := versionInfo{SchemaVersion: report.SchemaVersion, Name: "matterlint", Version: version, GoVersion: runtime.Version(),
		Rules: len(lint.Default().Rules()), Checks: len(report.Checks()), PAASnapshot: verify.ProductionSnapshot().Date}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				v.Commit = s.Value
			case "vcs.modified":
				v.Modified = s.Value == "true"
			}
		}
	}
	if v.Commit == "" {
		v.Commit = "unknown"
	}
	if s, err := verify.Production(); err == nil {
		v.PAAs = len(s.Anchors())
	}
	return v
}

func runVersion(e *env, format string) int {
	v := buildVersion()
	switch format {
	case "json":
		b, _ := json.MarshalIndent(v, "", "  ")
		fmt.Fprintf(e.stdout, "%s\n", b)
	case "text":
		commit := v.Commit
		if v.Modified {
			commit += " (modified)"
		}
		fmt.Fprintf(e.stdout, "matterlint %s\ncommit: %s\n%s\n%d rules, %d verify checks\nembedded production PAAs: %d, snapshot of %s\n",
			v.Version, commit, v.GoVersion, v.Rules, v.Checks, v.PAAs, v.PAASnapshot)
	default:
		fmt.Fprintf(e.stderr, "matterlint version: --format %q: want text or json\n", format)
		return exitUsage
	}
	return exitOK
}

// flagsOf returns the flags of each command, from their flag sets.
func flagsOf(c *command) []*pflag.Flag {
	fs, _ := c.flagSet(nil)
	var out []*pflag.Flag
	fs.VisitAll(func(f *pflag.Flag) { out = append(out, f) })
	return out
}

func runCompletion(e *env) int {
	args := e.fs.Args()
	if len(args) != 1 {
		fmt.Fprintln(e.stderr, "matterlint completion: give the shell: bash, zsh or fish")
		return exitUsage
	}
	switch args[0] {
	case "bash":
		writeBashCompletion(e.stdout)
	case "zsh":
		fmt.Fprint(e.stdout, "#compdef matterlint\n# matterlint completion for zsh (through bash completion)\nautoload -U +X bashcompinit && bashcompinit\n")
		writeBashCompletion(e.stdout)
	case "fish":
		writeFishCompletion(e.stdout)
	default:
		fmt.Fprintf(e.stderr, "matterlint completion: %q: want bash, zsh or fish\n", args[0])
		return exitUsage
	}
	return exitOK
}

func writeBashCompletion(w io.Writer) {
	fmt.Fprintf(w, "# matterlint completion for bash: source <(matterlint completion bash)\n_matterlint() {\n"+
		"  local cur prev words\n  cur=\"${COMP_WORDS[COMP_CWORD]}\"\n  prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"+
		"  if [ \"$COMP_CWORD\" -eq 1 ]; then\n    COMPREPLY=( $(compgen -W %q -- \"$cur\") )\n    return\n  fi\n"+
		"  case \"${COMP_WORDS[1]}\" in\n", strings.Join(commandNames(), " "))
	for _, c := range commands() {
		var names []string
		values := map[string][]string{}
		for _, f := range flagsOf(c) {
			names = append(names, "--"+f.Name)
			if v := f.Annotations[completionValues]; len(v) > 0 {
				values["--"+f.Name] = v
			}
		}
		if c.name == "help" || c.name == "completion" {
			names = nil
			if c.name == "help" {
				names = commandNames()
			} else {
				names = []string{"bash", "zsh", "fish"}
			}
		}
		fmt.Fprintf(w, "    %s)\n", c.name)
		keys := make([]string, 0, len(values))
		for k := range values {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if len(keys) > 0 {
			fmt.Fprint(w, "      case \"$prev\" in\n")
			for _, k := range keys {
				fmt.Fprintf(w, "        %s) COMPREPLY=( $(compgen -W %q -- \"$cur\") ); return ;;\n", k, strings.Join(values[k], " "))
			}
			fmt.Fprint(w, "      esac\n")
		}
		fmt.Fprintf(w, "      words=%q ;;\n", strings.Join(names, " "))
	}
	fmt.Fprint(w, "    *) words=\"\" ;;\n  esac\n"+
		"  if [[ \"$cur\" == -* || \"${COMP_WORDS[1]}\" == help || \"${COMP_WORDS[1]}\" == completion ]]; then\n"+
		"    COMPREPLY=( $(compgen -W \"$words\" -- \"$cur\") )\n  else\n    COMPREPLY=( $(compgen -f -- \"$cur\") )\n  fi\n}\n"+
		"complete -o filenames -o bashdefault -F _matterlint matterlint\n")
}

func writeFishCompletion(w io.Writer) {
	fmt.Fprintln(w, "# matterlint completion for fish: matterlint completion fish | source")
	for _, c := range commands() {
		fmt.Fprintf(w, "complete -c matterlint -n __fish_use_subcommand -f -a %s -d %s\n", c.name, fishQuote(c.summary))
		for _, f := range flagsOf(c) {
			line := fmt.Sprintf("complete -c matterlint -n '__fish_seen_subcommand_from %s' -l %s -d %s", c.name, f.Name, fishQuote(f.Usage))
			if v := f.Annotations[completionValues]; len(v) > 0 {
				line += " -x -a " + fishQuote(strings.Join(v, " "))
			} else if f.Value.Type() != "bool" {
				line += " -r"
			}
			fmt.Fprintln(w, line)
		}
	}
}

func fishQuote(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}

// runMan writes the manual page, generated from the command table and the
// flag sets as help is.
func runMan(e *env) int {
	w := e.stdout
	esc := func(s string) string {
		s = strings.ReplaceAll(s, `\`, `\e`)
		s = strings.ReplaceAll(s, "-", `\-`)
		if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
			s = `\&` + s
		}
		return s
	}
	fmt.Fprintf(w, ".TH MATTERLINT 1 \"\" \"matterlint %s\" \"User Commands\"\n.SH NAME\nmatterlint \\- lint and verify Matter device\\-attestation certificates offline\n", version)
	fmt.Fprint(w, ".SH SYNOPSIS\n.B matterlint\n.I COMMAND\n[flags] [ARGS]\n.SH DESCRIPTION\n")
	fmt.Fprint(w, "matterlint lints and verifies the Matter device\\-attestation PKI (PAA, PAI and DAC certificates, Certification Declarations, CRLs and DCL revocation points) with the reference SDK's semantics.\n")
	fmt.Fprint(w, ".SH COMMANDS\n")
	for _, c := range commands() {
		fmt.Fprintf(w, ".SS %s\n.B matterlint %s\n", esc(c.name), esc(c.name))
		if c.args != "" {
			fmt.Fprintf(w, "%s\n", esc(c.args))
		}
		fmt.Fprintf(w, ".PP\n%s.\n", esc(upperFirst(c.summary)))
		if c.details != "" {
			fmt.Fprintf(w, ".PP\n%s\n", esc(strings.ReplaceAll(c.details, "\n", " ")))
		}
		for _, f := range flagsOf(c) {
			name := "\\-\\-" + esc(f.Name)
			if f.Shorthand != "" {
				name = "\\-" + f.Shorthand + ", " + name
			}
			fmt.Fprintf(w, ".TP\n.B %s\n%s\n", name, esc(f.Usage))
		}
	}
	fmt.Fprint(w, ".SH EXIT STATUS\n.TP\n0\nno failing object\n.TP\n1\nfailing objects (error\\-level findings, or at the \\-\\-fail\\-on threshold)\n"+
		".TP\n2\nusage or I/O error, an output that could not be written, or nothing to check\n.TP\n3\nan input is not the kind of object the command reads\n")
	return exitOK
}
