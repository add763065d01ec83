package tlv_test

import (
	"fmt"

	"github.com/matterlint/matterlint/matterext/tlv"
)

func ExampleDecode() {
	// { 1: uint16 0xFFF1, 2: [ uint16 0x8000 ] }
	el, n, err := tlv.Decode([]byte{0x15, 0x25, 0x01, 0xF1, 0xFF, 0x36, 0x02, 0x05, 0x00, 0x80, 0x18, 0x18})
	fmt.Println(n, err)
	for _, c := range el.Children {
		fmt.Println(c.Tag, c.Type, c.Offset)
	}
	// Output:
	// 12 <nil>
	// context 1 unsigned integer 1
	// context 2 array 5
}
