package matterext

import "testing"

// TestNameString: how a Name renders for people (String and AppendText
// agree): labels, RDN separators, control characters as '?', non-string
// and BMP values as hex, and the absent and empty names.
func TestNameString(t *testing.T) {
	cn := func(rdn int, tag uint8, v string) Attribute {
		return Attribute{RDN: rdn, Type: OIDCommonName, Tag: tag, Value: []byte(v)}
	}
	for _, tc := range []struct {
		name string
		n    Name
		want string
	}{
		{"absent", Name{}, "(absent)"},
		{"empty", Name{Present: true}, "(empty)"},
		{"one", Name{Present: true, Attributes: []Attribute{cn(0, TagUTF8String, "Matter DAC")}}, "CN=Matter DAC"},
		{"rdns", Name{Present: true, Attributes: []Attribute{cn(0, TagUTF8String, "a"), cn(1, TagPrintableString, "b")}}, "CN=a, CN=b"},
		{"multi-valued RDN", Name{Present: true, Attributes: []Attribute{cn(0, TagUTF8String, "a"), cn(0, TagUTF8String, "b")}}, "CN=a + CN=b"},
		{"control characters", Name{Present: true, Attributes: []Attribute{cn(0, TagUTF8String, "a\nb\x7fc\x00")}}, "CN=a?b?c?"},
		{"UTF-8 kept", Name{Present: true, Attributes: []Attribute{cn(0, TagUTF8String, "Gerät")}}, "CN=Gerät"},
		{"invalid UTF-8 as hex", Name{Present: true, Attributes: []Attribute{cn(0, TagUTF8String, "\xff")}}, "CN=#FF"},
		{"BMP as hex", Name{Present: true, Attributes: []Attribute{cn(0, TagBMPString, "\x00A")}}, "CN=#0041"},
		{"not a string as hex", Name{Present: true, Attributes: []Attribute{cn(0, TagInteger, "\x01\x02")}}, "CN=#0102"},
		{"unknown type by OID", Name{Present: true, Attributes: []Attribute{{Type: OID{0x2A, 0x03}, Tag: TagUTF8String, Value: []byte("x")}}}, "1.2.3=x"},
	} {
		if got := tc.n.String(); got != tc.want {
			t.Errorf("%s: String() = %q, want %q", tc.name, got, tc.want)
		}
		if got := string(tc.n.AppendText([]byte("prefix:"))); got != "prefix:"+tc.want {
			t.Errorf("%s: AppendText = %q, want %q", tc.name, got, "prefix:"+tc.want)
		}
	}
}
