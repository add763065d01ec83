package p256

import (
	"encoding/binary"
	"unsafe"

	"filippo.io/nistec"
)

var p256PointSize = int(unsafe.Sizeof(nistec.P256Point{}))

// buildTable fills k.table with j·2^(w·i)·q for i in [0, nwin) and
// j in [1, 2^(w-1)], at index i·2^(w-1) + j-1.
//
// Signed base-2^w digits of a 256-bit scalar need 257 bits, hence
// nwin = ceil(257/w); the top digit then never produces a carry (see recode).
func (k *PublicKey) buildTable(q *nistec.P256Point) {
	k.half = 1 << (k.w - 1)
	k.nwin = int((257 + k.w - 1) / k.w)
	k.table = make([]nistec.P256Point, k.nwin*k.half)
	base := nistec.NewP256Point().Set(q)
	for i := 0; i < k.nwin; i++ {
		row := k.table[i*k.half : (i+1)*k.half]
		row[0].Set(base)
		for j := 1; j < k.half; j++ {
			// Complete addition: j = 1 (a doubling) is handled too.
			row[j].Add(&row[j-1], base)
		}
		// Next base: 2^w·base = 2·(2^(w-1)·base).
		base.Double(&row[k.half-1])
	}
}

// scalarLimbs converts a 32-byte big-endian scalar into little-endian
// 64-bit limbs.
func scalarLimbs(b *[32]byte) [4]uint64 {
	return [4]uint64{
		binary.BigEndian.Uint64(b[24:32]),
		binary.BigEndian.Uint64(b[16:24]),
		binary.BigEndian.Uint64(b[8:16]),
		binary.BigEndian.Uint64(b[0:8]),
	}
}

// bits returns the w bits of the scalar starting at bit position pos (bits
// beyond 255 are zero).
func bits(l *[4]uint64, pos, w uint) uint64 {
	if pos >= 256 {
		return 0
	}
	i, off := pos/64, pos%64
	v := l[i] >> off
	if off+w > 64 && i < 3 {
		v |= l[i+1] << (64 - off)
	}
	return v & (1<<w - 1)
}

// recode writes the signed base-2^w digits of the scalar into d, which must
// have length ceil(257/w): scalar = Σ d[i]·2^(w·i) with every
// d[i] in [-2^(w-1)+1, 2^(w-1)].
func recode(l *[4]uint64, w uint, d []int32) {
	half := int64(1) << (w - 1)
	carry := int64(0)
	for i := range d {
		v := int64(bits(l, uint(i)*w, w)) + carry
		carry = 0
		if v > half {
			v -= half << 1
			carry = 1
		}
		d[i] = int32(v)
	}
	// len(d)·w >= 257 and the scalar is below 2^256, so the top window is
	// at most 2^(w-1) - 1 plus a carry and never carries out.
	if carry != 0 {
		panic("p256: internal error: scalar recoding overflow")
	}
}

// addMul sets acc = acc + u·Q where Q is the key and u a 32-byte big-endian
// scalar. It runs in variable time.
func (k *PublicKey) addMul(acc *nistec.P256Point, u *[32]byte) {
	l := scalarLimbs(u)
	var digits [129]int32 // enough for w >= 2
	d := digits[:k.nwin]
	recode(&l, k.w, d)
	var neg nistec.P256Point
	for i, v := range d {
		switch {
		case v > 0:
			acc.Add(acc, &k.table[i*k.half+int(v)-1])
		case v < 0:
			neg.Negate(&k.table[i*k.half+int(-v)-1])
			acc.Add(acc, &neg)
		}
	}
}
