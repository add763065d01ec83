package fuzz

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/matterlint/matterlint/input"
	"github.com/matterlint/matterlint/internal/fixtures"
)

// coverage checks the reader's invariant on one source: items are numbered
// 0, 1, 2…, each holds an object or an error, their byte ranges are in order
// and do not overlap, and every byte of the input is in exactly one item or
// reported as skipped: DER leaves no gap at all, and what PEM leaves between
// blocks holds no BEGIN marker (explanatory text, which PEM ignores).
func coverage(data []byte, items []input.Item) error {
	if len(items) == 1 && items[0].Index == -1 {
		if it := items[0]; it.Err == nil || it.End != 0 {
			return fmt.Errorf("whole-source item %v: %d-%d", it.Err, it.Offset, it.End)
		}
		return nil
	}
	var prev int64
	format := ""
	for i, it := range items {
		switch {
		case it.Index != i:
			return fmt.Errorf("item %d has index %d", i, it.Index)
		case (it.DER == nil) == (it.Err == nil):
			return fmt.Errorf("item %d: DER and Err both set or both unset", i)
		case it.Offset < prev || it.End < it.Offset || (it.End == it.Offset && it.Err == nil):
			return fmt.Errorf("item %d covers %d-%d after %d", i, it.Offset, it.End, prev)
		}
		format = it.Format
		switch it.Format {
		case "pem":
			if bytes.Contains(data[prev:it.Offset], []byte("-----BEGIN ")) {
				return fmt.Errorf("item %d: bytes %d-%d before it hold a BEGIN marker", i, prev, it.Offset)
			}
		case "der":
			if it.Offset != prev {
				return fmt.Errorf("item %d: bytes %d-%d are in no item", i, prev, it.Offset)
			}
			if it.DER != nil && !bytes.Equal(it.DER, data[it.Offset:it.End]) {
				return fmt.Errorf("item %d: DER is not bytes %d-%d", i, it.Offset, it.End)
			}
		default: // hex, base64 (decoded offsets), or a whole-file error
			if it.Offset != prev {
				return fmt.Errorf("item %d: decoded bytes %d-%d are in no item", i, prev, it.Offset)
			}
		}
		prev = it.End
	}
	switch format {
	case "pem":
		if bytes.Contains(data[prev:], []byte("-----BEGIN ")) {
			return fmt.Errorf("bytes %d-%d after the last item hold a BEGIN marker", prev, len(data))
		}
	case "der", "":
		if prev != int64(len(data)) {
			return fmt.Errorf("bytes %d-%d after the last item are in no item", prev, len(data))
		}
	}
	return nil
}

func readerSeeds() [][]byte {
	dac, pai := fixtures.ValidDAC().DER(), fixtures.ValidPAI().DER()
	p := fixtures.PEM(dac)
	return [][]byte{
		p, dac, append(append([]byte{}, dac...), pai...),
		append(append(append([]byte{}, dac...), 0x02, 0x01, 0x05), pai...),
		append(append([]byte("text\n"), p[:100]...), p...),
		[]byte("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n"),
		[]byte("0x3003020105"), []byte("MAMCAQU="), {0x30, 0x80, 0, 0}, {},
	}
}

// FuzzReader: the input reader never panics and accounts for every byte.
func FuzzReader(f *testing.F) {
	addAll(f, readerSeeds())
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, r := range []*input.Reader{{}, input.ForCRLs(nil)} {
			var items []input.Item
			r.ReadStream("fuzz", bytes.NewReader(data), func(it input.Item) bool { items = append(items, it); return true })
			if err := coverage(data, items); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// TestReaderCoverage checks the invariant on the seeds and on every
// truncation of them.
func TestReaderCoverage(t *testing.T) {
	for _, s := range readerSeeds() {
		for n := 0; n <= len(s); n++ {
			var items []input.Item
			input.ReadStream("t", bytes.NewReader(s[:n]), func(it input.Item) bool { items = append(items, it); return true })
			if err := coverage(s[:n], items); err != nil {
				t.Fatalf("%q: %v", s[:min(n, 20)], err)
			}
		}
	}
}
