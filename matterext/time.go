package matterext

import "time"

// parseTime decodes a UTCTime or GeneralizedTime content string. It accepts
// only the DER forms (RFC 5280 §4.1.2.5: seconds present, "Z", no fractional
// seconds); anything else sets Err and leaves T zero.
func parseTime(tag uint8, b []byte) Time {
	t := Time{Present: true, Tag: tag, Raw: b}
	var year, i int
	switch tag {
	case TagUTCTime:
		if len(b) != 13 {
			t.Err = &FieldError{Msg: "UTCTime must be YYMMDDHHMMSSZ (13 characters), found " + itoa(len(b))}
			return t
		}
		yy, ok := digits(b[0:2])
		if !ok {
			t.Err = &FieldError{Msg: "non-digit in UTCTime year"}
			return t
		}
		year = 1900 + yy
		if yy < 50 {
			year = 2000 + yy
		}
		i = 2
	case TagGeneralizedTime:
		if len(b) != 15 {
			t.Err = &FieldError{Msg: "GeneralizedTime must be YYYYMMDDHHMMSSZ (15 characters), found " + itoa(len(b))}
			return t
		}
		y, ok := digits(b[0:4])
		if !ok {
			t.Err = &FieldError{Msg: "non-digit in GeneralizedTime year"}
			return t
		}
		year = y
		i = 4
	default:
		t.Err = &FieldError{Msg: "expected UTCTime or GeneralizedTime, found " + tagName(tag)}
		return t
	}
	if b[len(b)-1] != 'Z' {
		t.Err = &FieldError{Msg: "time must end in Z (UTC)"}
		return t
	}
	var f [5]int
	for k := range f {
		v, ok := digits(b[i+2*k : i+2*k+2])
		if !ok {
			t.Err = &FieldError{Msg: "non-digit in time value"}
			return t
		}
		f[k] = v
	}
	mon, day, hh, mm, ss := f[0], f[1], f[2], f[3], f[4]
	if mon < 1 || mon > 12 || day < 1 || day > daysIn(year, mon) || hh > 23 || mm > 59 || ss > 59 {
		t.Err = &FieldError{Msg: "date or time field out of range"}
		return t
	}
	t.T = time.Date(year, time.Month(mon), day, hh, mm, ss, 0, time.UTC)
	return t
}

func digits(b []byte) (int, bool) {
	v := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// at sets the location of t's error, if any.
func (t Time) at(path string) Time {
	if t.Err != nil {
		t.Err.Path = path
	}
	return t
}
