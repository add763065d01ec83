//go:build !unix

package lint

// mapSlots is nil where memory is not mapped from the system: tables are
// in the Go heap.
func mapSlots(int) []uint64 { return nil }

func unmapSlots([]uint64) {}
