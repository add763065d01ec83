package input

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
)

// readItems reads data as one stream with a bufio buffer of bufSize bytes
// and objects of at most max bytes (0: the default), with or without the
// whole-body PEM path, and returns what it emitted (DER copied).
func readItems(data []byte, bufSize, max int, lineByLine bool) []Item {
	items, _ := readItemsFast(data, bufSize, max, lineByLine)
	return items
}

// readItemsFast is readItems that also says how many blocks the whole-body
// path took.
func readItemsFast(data []byte, bufSize, max int, lineByLine bool) ([]Item, int) {
	var items []Item
	r := &Reader{MaxObjectSize: max}
	s := &stream{name: "in.pem", br: bufio.NewReaderSize(bytes.NewReader(data), bufSize), max: r.maxObject(), types: r.pemTypes(), lineByLine: lineByLine,
		emit: func(it Item) bool {
			it.DER = bytes.Clone(it.DER)
			items = append(items, it)
			return true
		}}
	s.run()
	return items, s.fast
}

// samePEMPaths fails t when the two PEM paths read data differently.
func samePEMPaths(t *testing.T, name string, data []byte, bufSize, max int) {
	t.Helper()
	fast, slow := readItems(data, bufSize, max, false), readItems(data, bufSize, max, true)
	if !reflect.DeepEqual(fast, slow) {
		t.Errorf("%s (buffer %d, max %d): the whole-body path reads %d items, line by line %d:\n%s\nvs\n%s",
			name, bufSize, max, len(fast), len(slow), fmt.Sprint(fast), fmt.Sprint(slow))
	}
}

// TestPEMFastPathSameItems: reading PEM with the whole-body fast path
// (pemFast) gives exactly the items — DER, offsets, lines, errors — of
// reading it line by line, on well-formed bundles and on every quirk the
// line-by-line path handles, at buffer sizes that cut blocks anywhere.
func TestPEMFastPathSameItems(t *testing.T) {
	chain, err := os.ReadFile("../testdata/certs/valid/chain.pem")
	if err != nil {
		t.Fatal(err)
	}
	c := string(chain)
	first := c[:strings.Index(c, "-----END CERTIFICATE-----")+len("-----END CERTIFICATE-----\n")]
	body := first[strings.Index(first, "\n")+1 : strings.Index(first, "-----END")]
	cases := map[string]string{
		"bundle":                 c,
		"CRLF":                   strings.ReplaceAll(c, "\n", "\r\n"),
		"no final newline":       strings.TrimSuffix(c, "\n"),
		"trailing blanks":        strings.Replace(c, "\n", "  \n", 3),
		"tab in a line":          strings.Replace(c, body[:10], body[:5]+"\t"+body[5:10], 1),
		"header line":            strings.Replace(first, "\n", "\nProc-Type: 4,ENCRYPTED\n", 1),
		"blank lines":            strings.ReplaceAll(first, "\n", "\n\n"),
		"END indented":           strings.Replace(first, "-----END", "  -----END", 1),
		"no END":                 strings.Replace(c, "-----END CERTIFICATE-----", "", 1),
		"mismatched END":         strings.Replace(first, "END CERTIFICATE", "END X509 CRL", 1),
		"wrong type":             strings.ReplaceAll(first, "CERTIFICATE", "PRIVATE KEY"),
		"BEGIN inside":           strings.Replace(c, body[:64], body[:20]+"-----BEGIN CERTIFICATE-----\n"+body[20:64], 1),
		"text around":            "hello\n" + first + "between\n" + first + "bye",
		"bad base64":             strings.Replace(first, body[:4], "!!!!", 1),
		"padding inside":         strings.Replace(first, body[:4], "AA==", 1),
		"empty block":            "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n",
		"only newlines":          "-----BEGIN CERTIFICATE-----\n\n\n-----END CERTIFICATE-----\n",
		"one long line":          strings.Replace(first, body, strings.ReplaceAll(body, "\n", "")+"\n", 1),
		"END without its dashes": strings.Replace(first, "-----END CERTIFICATE-----", "-----END CERTIFICATE", 1),
		"truncated":              c[:len(c)/2],
	}
	for name, data := range cases {
		for _, buf := range []int{16, 61, 100, 700, 4096, 64 << 10} {
			for _, max := range []int{0, 100} {
				samePEMPaths(t, name, []byte(data), buf, max)
			}
		}
	}
	// The fast path is taken: every block of a plain bundle, and the
	// blocks of a CRLF one.
	for name, want := range map[string]int{"bundle": 4, "CRLF": 4, "header line": 0} {
		items, fast := readItemsFast([]byte(cases[name]), 64<<10, 0, false)
		if fast != want || len(items) == 0 {
			t.Errorf("%s: the whole-body path took %d of %d blocks, want %d", name, fast, len(items), want)
		}
	}
}

// FuzzPEMFastPathSameItems: the two PEM paths agree on any input.
func FuzzPEMFastPathSameItems(f *testing.F) {
	chain, err := os.ReadFile("../testdata/certs/valid/chain.pem")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(chain, uint16(65535))
	f.Add([]byte(strings.ReplaceAll(string(chain), "\n", "\r\n")), uint16(100))
	f.Add([]byte("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"), uint16(16))
	f.Fuzz(func(t *testing.T, data []byte, buf uint16) {
		samePEMPaths(t, "fuzz", data, max(int(buf), 16), 0)
	})
}

// TestPEMFastPathSameItemsMutated: the two paths agree on mutations of a
// bundle (bytes that matter to PEM inserted, removed or replaced anywhere),
// read with buffers of every size class. PEM_FAST_MUTATIONS raises the
// count (default 400) for a longer run.
func TestPEMFastPathSameItemsMutated(t *testing.T) {
	chain, err := os.ReadFile("../testdata/certs/valid/chain.pem")
	if err != nil {
		t.Fatal(err)
	}
	n := 400
	if v := os.Getenv("PEM_FAST_MUTATIONS"); v != "" {
		fmt.Sscan(v, &n)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	special := []byte("\n\r \t-:=A/+\x00")
	for i := 0; i < n; i++ {
		data := bytes.Clone(chain)
		for k := 1 + rng.IntN(4); k > 0; k-- {
			at := rng.IntN(len(data))
			switch rng.IntN(3) {
			case 0:
				data = append(data[:at], append([]byte{special[rng.IntN(len(special))]}, data[at:]...)...)
			case 1:
				data = append(data[:at], data[at+1:]...)
			default:
				data[at] = special[rng.IntN(len(special))]
			}
		}
		samePEMPaths(t, fmt.Sprintf("mutation %d", i), data, []int{16, 97, 700, 64 << 10}[i%4], 0)
	}
}
