package report

import (
	"encoding/json"
	"fmt"
)

// Commands are the subcommands whose output this package writes, each with
// a JSON Schema (Schema).
func Commands() []string { return []string{"lint", "verify", "cd", "crl", "revocation-set"} }

// ErrUnknownCommand is returned by Schema for a command without output.
var ErrUnknownCommand = fmt.Errorf("no such command with a report")

type obj = map[string]any

// object is a JSON Schema object with required members; added members are
// allowed (fields are only ever added within a schema_version).
func object(required []string, props obj) obj {
	return obj{"type": "object", "required": required, "additionalProperties": true, "properties": props}
}

func ref(name string) obj { return obj{"$ref": "#/definitions/" + name} }

func integer() obj { return obj{"type": "integer", "minimum": 0} }

func str() obj { return obj{"type": "string"} }

func arrayOf(items obj) obj { return obj{"type": "array", "items": items} }

func enum(vals ...string) obj { return obj{"enum": vals} }

// definitions shared by every command's schema.
func definitions(command string) obj {
	summaryFields := []string{"inputs", "files", "objects", "certificates", "dacs", "cds", "crls", "revocation_points", "passed", "failed",
		"with_errors", "with_warnings", "with_notices", "clean", "errors", "warnings", "notices", "not_certificates", "io_errors"}
	summaryProps := obj{}
	for _, f := range summaryFields {
		summaryProps[f] = integer()
	}
	counts := obj{"type": "object", "additionalProperties": obj{"type": "integer", "minimum": 1}}
	summaryProps["input_errors"], summaryProps["rule_counts"] = counts, counts
	kinds := []string{string(ErrorIO), string(NotA(kindOf(command)))}
	return obj{
		"tool":  object([]string{"name", "version", "command"}, obj{"name": obj{"const": "matterlint"}, "version": str(), "command": obj{"const": command}}),
		"error": object([]string{"kind", "message"}, obj{"kind": enum(kinds...), "message": obj{"type": "string", "minLength": 1}}),
		"lintFinding": object([]string{"rule", "severity", "source", "location", "message", "citation", "sdk_code", "sdk_code_name"}, obj{
			"rule": obj{"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}, "severity": enum("error", "warn", "notice"),
			"source": obj{"type": "string", "minLength": 1}, "location": obj{"type": "string", "minLength": 1}, "message": obj{"type": "string", "minLength": 1},
			"found": str(), "expected": str(), "citation": str(), "note": str(),
			"sdk_code":      obj{"type": "integer", "minimum": 0, "maximum": 65535, "description": "the SDK's AttestationVerificationResult; 0 when the SDK accepts the object"},
			"sdk_code_name": obj{"type": "string", "description": "e.g. kDacFormatInvalid; empty when sdk_code is 0"},
		}),
		"verifyFinding": object([]string{"check", "cert", "severity", "sdk_code", "sdk_code_name", "sdk_step", "location", "message", "citation"}, obj{
			"check": obj{"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}, "cert": str(),
			"severity": enum("error", "warn", "notice"), "sdk_code": obj{"type": "integer", "minimum": 0, "maximum": 65535},
			"sdk_code_name": str(), "sdk_step": integer(), "location": str(), "message": obj{"type": "string", "minLength": 1}, "citation": str(), "note": str(),
		}),
		"summary": object(summaryFields, summaryProps),
		"result":  resultSchema(command),
	}
}

// resultSchema is one result of command (a "results" entry, an NDJSON line).
func resultSchema(command string) obj {
	base := obj{"input": obj{"type": "string", "description": "the file path, or stdin for standard input"},
		"index": obj{"type": "integer", "minimum": -1, "description": "the object's position in the input (PEM block, DER element, point); -1 when an error concerns the whole input"},
		"error": ref("error")}
	either := func(required []string, props obj, ok []string) obj {
		for k, v := range props {
			base[k] = v
		}
		s := object(required, base)
		s["oneOf"] = []obj{{"required": []string{"error"}}, {"required": ok, "not": obj{"required": []string{"error"}}}}
		return s
	}
	switch command {
	case "verify":
		return either([]string{"input", "index", "sdk_code", "findings"}, obj{
			"subject": str(), "verdict": enum("pass", "fail"), "sdk_code": integer(), "sdk_code_name": str(),
			"paa": str(), "paa_source": str(), "checked_at": obj{"type": "string", "format": "date-time"},
			"attestation_elements": object([]string{"length", "certification_declaration_length", "vendor_reserved", "errors"}, obj{
				"length": integer(), "certification_declaration_length": integer(), "vendor_reserved": arrayOf(obj{"type": "object"}), "errors": arrayOf(str())}),
			"sdk_release": str(),
			"release_verdicts": arrayOf(object([]string{"from", "to", "verdict", "sdk_code", "sdk_code_name", "summary"}, obj{
				"from": str(), "to": str(), "verdict": enum("pass", "fail", "crash"), "sdk_code": integer(), "sdk_code_name": str(), "crash": obj{"type": "boolean"}, "summary": str()})),
			"findings": arrayOf(ref("verifyFinding")),
		}, []string{"subject", "verdict", "sdk_code_name"})
	case "cd":
		return either([]string{"input", "index", "sdk_code", "findings"}, obj{
			"verdict": enum("pass", "fail"), "sdk_code": integer(), "sdk_code_name": str(), "signer_key_id": str(),
			"fields":   arrayOf(object([]string{"tag", "name", "present"}, obj{"tag": integer(), "name": str(), "present": obj{"type": "boolean"}, "offset": integer(), "display": str(), "entries": arrayOf(str())})),
			"findings": arrayOf(ref("verifyFinding")),
		}, []string{"verdict", "sdk_code_name"})
	case "crl":
		return either([]string{"input", "index", "entries", "findings"}, obj{
			"issuer": str(), "this_update": obj{"type": "string", "format": "date-time"}, "next_update": obj{"type": "string", "format": "date-time"},
			"entries": integer(), "findings": arrayOf(ref("lintFinding")),
		}, []string{"issuer"})
	case "revocation-set":
		base["label"], base["accepted"], base["verdict"] = str(), obj{"type": "boolean"}, enum("pass", "fail")
		base["reasons"], base["notes"] = arrayOf(str()), arrayOf(str())
		base["entry"] = object([]string{"type", "issuer_subject_key_id", "issuer_name", "revoked_serial_numbers", "crl_signer_cert"}, obj{
			"type": obj{"const": "revocation_set"}, "issuer_subject_key_id": str(), "issuer_name": str(), "revoked_serial_numbers": arrayOf(str()), "crl_signer_cert": str(), "crl_signer_delegator": str()})
		return object([]string{"input", "index", "label", "accepted", "verdict", "reasons", "notes"}, base)
	}
	s := either([]string{"input", "index", "findings"}, obj{
		"format": enum("pem", "der", "hex", "base64"), "role": enum("paa", "pai", "dac", "crl-signer", "rcac", "icac", "noc", "vvsc"), "role_detected": obj{"type": "boolean"},
		"subject": str(), "issuer": str(), "sha256": obj{"type": "string", "pattern": "^[0-9a-f]{64}$"}, "findings": arrayOf(ref("lintFinding")),
	}, []string{"role", "subject", "sha256"})
	s["oneOf"].([]obj)[0]["properties"] = obj{"findings": obj{"maxItems": 0}}
	return s
}

// Schema returns the JSON Schema (draft-07) of command's output: of the
// document --format json writes, or with ndjson of each line --format ndjson
// writes (a result, or the last line with the verdict and summary).
func Schema(command string, ndjson bool) ([]byte, error) {
	known := false
	for _, c := range Commands() {
		known = known || c == command
	}
	if !known {
		return nil, fmt.Errorf("%w: %q", ErrUnknownCommand, command)
	}
	defs := definitions(command)
	doc := object([]string{"schema_version", "tool", "results", "verdict", "summary"}, obj{
		"schema_version": obj{"const": SchemaVersion}, "tool": ref("tool"), "results": arrayOf(ref("result")),
		"verdict": enum("pass", "fail", "error"), "summary": ref("summary"),
	})
	title := fmt.Sprintf("matterlint %s --format json (schema_version %d)", command, SchemaVersion)
	desc := fmt.Sprintf("`matterlint %s --format json` writes one document: every input item in results, the run's verdict and summary.", command)
	if command == "verify" {
		doc["required"] = append(doc["required"].([]string), "sdk_code", "sdk_code_name", "findings")
		props := doc["properties"].(obj)
		props["sdk_code"], props["sdk_code_name"], props["findings"] = integer(), obj{"type": "string", "pattern": "^k[A-Za-z]+$"}, arrayOf(ref("verifyFinding"))
		desc += " The top-level sdk_code, sdk_code_name and findings describe the single DAC, or in a batch the first failing one."
	}
	defs["document"] = doc
	name := command + "-output"
	root := obj{"$ref": "#/definitions/document"}
	if ndjson {
		name = command + "-ndjson"
		title = fmt.Sprintf("matterlint %s --format ndjson, one line (schema_version %d)", command, SchemaVersion)
		desc = fmt.Sprintf("`matterlint %s --format ndjson` writes one result per line as it is checked, then a last line with the verdict and summary; every line has schema_version.", command)
		res := ref("result")
		defs["resultLine"] = obj{"allOf": []obj{res, {"required": []string{"schema_version"}, "properties": obj{"schema_version": obj{"const": SchemaVersion}}}}}
		defs["summaryLine"] = object([]string{"schema_version", "tool", "verdict", "summary"}, obj{
			"schema_version": obj{"const": SchemaVersion}, "tool": ref("tool"), "verdict": enum("pass", "fail", "error"), "summary": ref("summary")})
		root = obj{"oneOf": []obj{ref("resultLine"), ref("summaryLine")}}
	}
	s := obj{"$schema": "http://json-schema.org/draft-07/schema#",
		"$id":   "https://github.com/matterlint/matterlint/docs/schema/" + name + ".schema.json",
		"title": title, "description": desc, "definitions": defs}
	for k, v := range root {
		s[k] = v
	}
	b, err := json.MarshalIndent(s, "", "  ")
	return append(b, '\n'), err
}
