package dcl

import (
	"errors"
	"strings"
)

// checkBech32 reports why s is not a bech32 string with a non-empty data
// part (what sdk.AccAddressFromBech32 requires), or nil.
func checkBech32(s string) error {
	if s == "" {
		return errors.New("empty address string is not allowed")
	}
	if len(s) > 90 {
		return errors.New("decoding bech32 failed: invalid length")
	}
	if strings.ToLower(s) != s && strings.ToUpper(s) != s {
		return errors.New("decoding bech32 failed: string not all lowercase or all uppercase")
	}
	s = strings.ToLower(s)
	sep := strings.LastIndexByte(s, '1')
	if sep < 1 || sep+7 > len(s) {
		return errors.New("decoding bech32 failed: invalid separator index")
	}
	const charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
	hrp, data := s[:sep], s[sep+1:]
	values := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		v := strings.IndexByte(charset, data[i])
		if v < 0 {
			return errors.New("decoding bech32 failed: invalid character not part of charset")
		}
		values = append(values, byte(v))
	}
	// Polymod over the expanded HRP and the data (BIP 173).
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	step := func(v byte) {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := 0; i < 5; i++ {
			if (top>>i)&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	for i := 0; i < len(hrp); i++ {
		step(hrp[i] >> 5)
	}
	step(0)
	for i := 0; i < len(hrp); i++ {
		step(hrp[i] & 31)
	}
	for _, v := range values {
		step(v)
	}
	if chk != 1 {
		return errors.New("decoding bech32 failed: invalid checksum")
	}
	if len(values) == 6 {
		return errors.New("empty address data")
	}
	return nil
}
