//go:build unix

package lint

import (
	"syscall"
	"unsafe"
)

// mapSlots returns n zeroed slots mapped from the system, outside the Go
// heap, so that a table's memory is given back when it grows (not when the
// garbage collector next runs), or nil when the system refuses.
func mapSlots(n int) []uint64 {
	b, err := syscall.Mmap(-1, 0, n*8, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil
	}
	return unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(b))), n)
}

// unmapSlots gives back slots from mapSlots.
func unmapSlots(s []uint64) {
	_ = syscall.Munmap(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), len(s)*8))
}
