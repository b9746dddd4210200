// SPDX-License-Identifier: GPL-2.0
/*
 * test_parse.c - vsmctl/parse.c: numbers, VLAN lists and bitmaps, MAC
 * addresses, interface names, device names, keywords.
 */

#include "parse.h"
#include "tap.h"

/* The last parser error mentions s. */
static bool err_has(const char *s)
{
	if (strstr(parse_error(), s))
		return true;
	diag("error \"%s\" does not name \"%s\"", parse_error(), s);
	return false;
}

static void test_numbers(void)
{
	uint64_t v64;
	uint32_t v;

	ok(!parse_u32("0", 0, 10, &v, "n") && v == 0, "u32: 0");
	ok(!parse_u32("10", 0, 10, &v, "n") && v == 10, "u32: upper bound");
	ok(!parse_u32("007", 0, 10, &v, "n") && v == 7,
	   "u32: leading zeros are decimal");
	ok(parse_u32("11", 0, 10, &v, "n") && err_has("\"11\"") &&
	   err_has("0 to 10"), "u32: above range, error names word and range");
	ok(parse_u32("4", 5, 10, &v, "n"), "u32: below range");
	ok(parse_u32("", 0, 10, &v, "n") && err_has("\"\""), "u32: empty");
	ok(parse_u32("abc", 0, 10, &v, "widgets") && err_has("\"abc\"") &&
	   err_has("widgets"), "u32: letters, error names what and word");
	ok(parse_u32("1a", 0, 10, &v, "n") && err_has("\"1a\""),
	   "u32: trailing junk");
	ok(parse_u32(" 1", 0, 10, &v, "n"), "u32: leading blank");
	ok(parse_u32("1 ", 0, 10, &v, "n"), "u32: trailing blank");
	ok(parse_u32("+1", 0, 10, &v, "n"), "u32: plus sign");
	ok(parse_u32("-1", 0, 10, &v, "n"), "u32: minus sign");
	ok(parse_u32("0x10", 0, 100, &v, "n"), "u32: no hex");
	ok(parse_u32("1.5", 0, 10, &v, "n"), "u32: no decimal point");
	ok(parse_u32("4294967296", 0, UINT32_MAX, &v, "n"),
	   "u32: 2^32 overflows");
	ok(!parse_u32("4294967295", 0, UINT32_MAX, &v, "n") &&
	   v == UINT32_MAX, "u32: 2^32-1");
	ok(!parse_u64("18446744073709551615", 0, UINT64_MAX, &v64, "n") &&
	   v64 == UINT64_MAX, "u64: 2^64-1");
	ok(parse_u64("18446744073709551616", 0, UINT64_MAX, &v64, "n") &&
	   err_has("18446744073709551616"), "u64: 2^64 overflows");
	ok(parse_u64("99999999999999999999999999", 0, UINT64_MAX, &v64, "n"),
	   "u64: far beyond 2^64");
}

static void test_vlan(void)
{
	uint16_t vid = 77;

	ok(!parse_vlan("1", &vid) && vid == 1, "vlan: 1");
	ok(!parse_vlan("4094", &vid) && vid == 4094, "vlan: 4094");
	vid = 77;
	ok(parse_vlan("4095", &vid) && vid == 77 && err_has("4095"),
	   "vlan: 4095 refused, result untouched");
	ok(parse_vlan("0", &vid) && err_has("\"0\""), "vlan: 0 refused");
	ok(parse_vlan("65537", &vid), "vlan: 65537 refused (no u16 wrap)");
	ok(parse_vlan("abc", &vid) && err_has("abc"), "vlan: abc refused");
	ok(parse_vlan("", &vid), "vlan: empty refused");
	ok(parse_vlan("10,20", &vid), "vlan: a list is not a VLAN");
}

static unsigned int bitmap_count(const uint8_t *bm)
{
	unsigned int i, n = 0;

	for (i = 0; i < VEM_VLAN_BITMAP_LEN * 8; i++)
		n += vlan_bitmap_test(bm, i);
	return n;
}

static bool bitmap_empty(const uint8_t *bm)
{
	return bitmap_count(bm) == 0;
}

static void test_vlan_list(void)
{
	static const char *const bad[] = {
		"4095", "0", "10-5", "1,,2", ",1", "1,", "abc", "", "1-", "-1",
		"1-2-3", "1--2", "5-4095", "0-5", "99999999999999999999",
		"10 20", "1;2", "1,2,", " 1", "10-", "a-b", "1,all",
	};
	uint8_t bm[VEM_VLAN_BITMAP_LEN];
	unsigned int i;
	bool good;

	ok(!parse_vlan_list("10,20,30-40", bm) && bitmap_count(bm) == 13 &&
	   vlan_bitmap_test(bm, 10) && vlan_bitmap_test(bm, 20) &&
	   vlan_bitmap_test(bm, 30) && vlan_bitmap_test(bm, 40) &&
	   !vlan_bitmap_test(bm, 9) && !vlan_bitmap_test(bm, 41) &&
	   !vlan_bitmap_test(bm, 21), "list: 10,20,30-40");

	/* The wire layout: bit n of byte n / 8, least significant first. */
	ok(!parse_vlan_list("1", bm) && bm[0] == 0x02 && bitmap_count(bm) == 1,
	   "list: VLAN 1 is bit 1 of byte 0");
	ok(!parse_vlan_list("10", bm) && bm[1] == 0x04 && bitmap_count(bm) == 1,
	   "list: VLAN 10 is bit 2 of byte 1");
	ok(!parse_vlan_list("4094", bm) && bm[511] == 0x40 &&
	   bitmap_count(bm) == 1, "list: VLAN 4094 is bit 6 of byte 511");
	ok(!parse_vlan_list("8-15", bm) && bm[1] == 0xff && bm[0] == 0 &&
	   bm[2] == 0, "list: 8-15 is byte 1");

	ok(!parse_vlan_list("all", bm) && bitmap_count(bm) == 4094 &&
	   !vlan_bitmap_test(bm, 0) && !vlan_bitmap_test(bm, 4095),
	   "list: all is 1-4094, bits 0 and 4095 clear");
	ok(!parse_vlan_list("ALL", bm) && bitmap_count(bm) == 4094,
	   "list: ALL, any case");
	ok(!parse_vlan_list("none", bm) && bitmap_empty(bm), "list: none");
	ok(!parse_vlan_list("1-4094", bm) && bitmap_count(bm) == 4094,
	   "list: 1-4094");
	ok(!parse_vlan_list("5-5", bm) && bitmap_count(bm) == 1,
	   "list: one-VLAN range");
	ok(!parse_vlan_list("20,10,15-30,10", bm) && bitmap_count(bm) == 17,
	   "list: unordered, overlapping, duplicate");
	ok(!parse_vlan_list("010", bm) && vlan_bitmap_test(bm, 10),
	   "list: leading zero");

	good = true;
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		memset(bm, 0xaa, sizeof(bm));
		if (!parse_vlan_list(bad[i], bm) || !bitmap_empty(bm)) {
			diag("\"%s\" accepted or bitmap not cleared", bad[i]);
			good = false;
		}
	}
	ok(good, "list: %zu malformed lists refused, bitmap cleared",
	   ARRAY_SIZE(bad));

	ok(parse_vlan_list("1,4095", bm) && err_has("4095") &&
	   err_has("1,4095"), "list: 4095 named in the error");
	ok(parse_vlan_list("10-5", bm) && err_has("\"10-5\"") &&
	   err_has("backwards"), "list: reversed range named");
	ok(parse_vlan_list("1,,2", bm) && err_has("empty element"),
	   "list: empty element named");
	ok(parse_vlan_list("1,x,2", bm) && err_has("\"x\""),
	   "list: bad element named");
	ok(parse_vlan_list("0", bm) && err_has("VLAN 0"),
	   "list: VLAN 0 named");
}

static void test_bitmap_format(void)
{
	uint8_t bm[VEM_VLAN_BITMAP_LEN];
	static char buf[VLAN_LIST_STRLEN];
	static char buf2[VLAN_LIST_STRLEN];
	uint8_t bm2[VEM_VLAN_BITMAP_LEN];
	char small[8];
	size_t n;
	unsigned int i;

	memset(bm, 0, sizeof(bm));
	n = vlan_bitmap_format(bm, buf, sizeof(buf));
	ok_str(buf, "none", "format: empty is none");
	ok(n == 4, "format: returns the length");

	parse_vlan_list("all", bm);
	vlan_bitmap_format(bm, buf, sizeof(buf));
	ok_str(buf, "1-4094", "format: all");

	parse_vlan_list("30-40,10,20", bm);
	n = vlan_bitmap_format(bm, buf, sizeof(buf));
	ok_str(buf, "10,20,30-40", "format: ranges, in order");
	ok(n == strlen("10,20,30-40"), "format: length");

	parse_vlan_list("1,2", bm);
	vlan_bitmap_format(bm, buf, sizeof(buf));
	ok_str(buf, "1-2", "format: two adjacent VLANs are a range");

	parse_vlan_list("4094", bm);
	vlan_bitmap_format(bm, buf, sizeof(buf));
	ok_str(buf, "4094", "format: last VLAN");

	memset(bm, 0, sizeof(bm));
	vlan_bitmap_set(bm, 0);
	vlan_bitmap_set(bm, 4095);
	vlan_bitmap_format(bm, buf, sizeof(buf));
	ok_str(buf, "0,4095", "format: reserved bits shown as they are");

	memset(bm, 0, sizeof(bm));
	for (i = 1; i <= VEM_VLAN_MAX; i += 2)
		vlan_bitmap_set(bm, i);
	n = vlan_bitmap_format(bm, buf, sizeof(buf));
	ok(n == strlen(buf) && n < VLAN_LIST_STRLEN,
	   "format: worst case (every other VLAN, %zu bytes) fits", n);
	ok(!parse_vlan_list(buf, bm2) && !memcmp(bm, bm2, sizeof(bm)),
	   "format: worst case parses back to the same bitmap");

	memset(bm, 0, sizeof(bm));
	for (i = 1; i <= VEM_VLAN_MAX; i++)
		if (i % 7 == 0 || i % 11 == 0 || (i > 1000 && i < 1200))
			vlan_bitmap_set(bm, i);
	vlan_bitmap_format(bm, buf, sizeof(buf));
	ok(!parse_vlan_list(buf, bm2) && !memcmp(bm, bm2, sizeof(bm)),
	   "format: round trip of a mixed bitmap");
	vlan_bitmap_format(bm2, buf2, sizeof(buf2));
	ok_str(buf2, buf, "format: canonical (format, parse, format)");

	parse_vlan_list("10,20,30-40", bm);
	n = vlan_bitmap_format(bm, small, sizeof(small));
	ok_str(small, "10,20", "format: truncation at an element boundary");
	ok(n == strlen("10,20,30-40"), "format: truncated, full length told");
}

static void test_mac(void)
{
	static const char *const bad[] = {
		"00:11:22:33:44", "00:11:22:33:44:55:66", "00:11-22:33:44:55",
		"0011.2233.445", "0011.2233.44556", "gg:11:22:33:44:55",
		"0:1:2:3:4:5", "", "001122334455", "00:11:22:33:44:5g",
		"0011:2233:4455", "00.11.22.33.44.55", "0011-2233-4455",
		"00:11:22:33:44:55 ", " 00:11:22:33:44:55", "0011.2233.44g5",
		"00:11:22:33:44:+5", "00:11:22:33:4:555",
	};
	const uint8_t want[6] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 };
	const uint8_t hi[6] = { 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff };
	uint8_t mac[6];
	char buf[MAC_STRLEN];
	unsigned int i;
	bool good;

	ok(!parse_mac("00:11:22:33:44:55", mac) && !memcmp(mac, want, 6),
	   "mac: colons");
	ok(!parse_mac("00-11-22-33-44-55", mac) && !memcmp(mac, want, 6),
	   "mac: dashes");
	ok(!parse_mac("0011.2233.4455", mac) && !memcmp(mac, want, 6),
	   "mac: NX-OS dotted");
	ok(!parse_mac("AA:BB:CC:DD:EE:FF", mac) && !memcmp(mac, hi, 6),
	   "mac: upper case");
	ok(!parse_mac("AaBb.cCdD.eeFF", mac) && !memcmp(mac, hi, 6),
	   "mac: mixed case dotted");

	good = true;
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		memcpy(mac, want, 6);
		if (!parse_mac(bad[i], mac) || memcmp(mac, want, 6)) {
			diag("\"%s\" accepted or result changed", bad[i]);
			good = false;
		}
	}
	ok(good, "mac: %zu malformed addresses refused", ARRAY_SIZE(bad));
	ok(parse_mac("00:11:22:33:44", mac) && err_has("\"00:11:22:33:44\""),
	   "mac: error names the word");

	mac_format_dotted(hi, buf);
	ok_str(buf, "aabb.ccdd.eeff", "mac: dotted output, lower case");
	mac_format_colon(hi, buf);
	ok_str(buf, "aa:bb:cc:dd:ee:ff", "mac: colon output, lower case");
	mac_format_dotted(want, buf);
	ok_str(buf, "0011.2233.4455", "mac: dotted keeps leading zeros");

	parse_mac("01:00:5e:00:00:01", mac);
	ok(mac_is_multicast(mac), "mac: 01:00:5e:... is multicast");
	parse_mac("ff:ff:ff:ff:ff:ff", mac);
	ok(mac_is_multicast(mac), "mac: broadcast is multicast");
	parse_mac("02:00:00:00:00:01", mac);
	ok(!mac_is_multicast(mac) && !mac_is_zero(mac),
	   "mac: locally administered unicast");
	parse_mac("0000.0000.0000", mac);
	ok(mac_is_zero(mac) && !mac_is_multicast(mac), "mac: all zero");
}

static int port(const char *a, const char *b, struct port_ref *ref)
{
	char *argv[3] = { (char *)a, (char *)b, NULL };

	return parse_port(b ? 2 : 1, argv, ref);
}

static void test_port(void)
{
	static const char *const bad[][2] = {
		{ "vethernet", NULL }, { "vethernet", "0" },
		{ "vethernet", "65536" }, { "eth", "-1" }, { "ether3x", NULL },
		{ "foo", "3" }, { "3", NULL }, { "veth3abc", NULL },
		{ "ethernetx", "1" }, { "vethernet", "3.0" }, { "", NULL },
		{ "veth", "" }, { "vethernet", "4294967299" },
		{ "x3", NULL }, { "veth-3", NULL }, { "vethernet0", NULL },
	};
	struct port_ref ref = { 0, 0 };
	char buf[PORT_STRLEN];
	unsigned int i;
	bool good;

	ok(port("vethernet", "3", &ref) == 2 && ref.type == VEM_PORT_VETH &&
	   ref.id == 3, "port: vethernet 3");
	ok(port("ethernet", "1", &ref) == 2 && ref.type == VEM_PORT_UPLINK &&
	   ref.id == 1, "port: ethernet 1");
	ok(port("veth", "7", &ref) == 2 && ref.type == VEM_PORT_VETH &&
	   ref.id == 7, "port: veth 7");
	ok(port("eth", "2", &ref) == 2 && ref.type == VEM_PORT_UPLINK &&
	   ref.id == 2, "port: eth 2");
	ok(port("vethernet3", "extra", &ref) == 1 &&
	   ref.type == VEM_PORT_VETH && ref.id == 3,
	   "port: vethernet3 uses one word");
	ok(port("Veth12", NULL, &ref) == 1 && ref.type == VEM_PORT_VETH &&
	   ref.id == 12, "port: Veth12 as show prints it");
	ok(port("Eth4", NULL, &ref) == 1 && ref.type == VEM_PORT_UPLINK &&
	   ref.id == 4, "port: Eth4");
	ok(port("ETHERNET", "65535", &ref) == 2 &&
	   ref.type == VEM_PORT_UPLINK && ref.id == 65535,
	   "port: upper case, highest id");
	ok(port("v", "5", &ref) == 2 && ref.type == VEM_PORT_VETH,
	   "port: v is a prefix of vethernet");
	ok(port("e9", NULL, &ref) == 1 && ref.type == VEM_PORT_UPLINK &&
	   ref.id == 9, "port: e9");

	good = true;
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		if (port(bad[i][0], bad[i][1], &ref) >= 0) {
			diag("\"%s %s\" accepted", bad[i][0],
			     bad[i][1] ? bad[i][1] : "");
			good = false;
		}
	}
	ok(good, "port: %zu malformed interfaces refused", ARRAY_SIZE(bad));
	ok(port("foo", "3", &ref) < 0 && err_has("\"foo\""),
	   "port: error names the word");
	ok(port("vethernet", "65536", &ref) < 0 && err_has("65536"),
	   "port: error names the number");
	ok(port("vethernet", NULL, &ref) < 0 && err_has("missing"),
	   "port: missing number");
	ok(parse_port(0, NULL, &ref) < 0, "port: no word at all");

	ref.type = VEM_PORT_VETH;
	ref.id = 3;
	port_format(&ref, PORT_FMT_LONG, buf, sizeof(buf));
	ok_str(buf, "Vethernet3", "port format: long");
	port_format(&ref, PORT_FMT_SHORT, buf, sizeof(buf));
	ok_str(buf, "Veth3", "port format: short");
	port_format(&ref, PORT_FMT_JSON, buf, sizeof(buf));
	ok_str(buf, "vethernet3", "port format: json");
	ref.type = VEM_PORT_UPLINK;
	ref.id = 12;
	port_format(&ref, PORT_FMT_WORDS, buf, sizeof(buf));
	ok_str(buf, "ethernet 12", "port format: words");
	port_format(&ref, PORT_FMT_SHORT, buf, sizeof(buf));
	ok_str(buf, "Eth12", "port format: short uplink");
	ok_str(port_type_name(VEM_PORT_UPLINK), "ethernet", "port type name");

	/* What the show prints, the parser takes back. */
	ref.type = VEM_PORT_VETH;
	ref.id = 65535;
	port_format(&ref, PORT_FMT_LONG, buf, sizeof(buf));
	{
		struct port_ref back = { 0, 0 };
		char *argv[] = { buf, NULL };

		ok(parse_port(1, argv, &back) == 1 && back.type == ref.type &&
		   back.id == ref.id, "port: long form parses back");
	}
}

static void test_ifname(void)
{
	char name[IFNAMSIZ];

	ok(!parse_ifname("tap0", name) && !strcmp(name, "tap0"),
	   "ifname: tap0");
	ok(!parse_ifname("abcdefghijklmno", name), "ifname: 15 characters");
	ok(parse_ifname("abcdefghijklmnop", name) &&
	   err_has("abcdefghijklmnop"), "ifname: 16 characters refused");
	ok(parse_ifname("", name), "ifname: empty refused");
	ok(parse_ifname("a/b", name), "ifname: slash refused");
	ok(parse_ifname("a b", name), "ifname: blank refused");
	ok(parse_ifname("a:b", name), "ifname: colon refused");
	ok(parse_ifname(".", name) && parse_ifname("..", name),
	   "ifname: . and .. refused");
}

static const struct kw words[] = {
	{ "no" }, { "nodev" }, { "native" }, { "mode" }, { "shutdown" },
	{ "switchport" },
};

static void test_keywords(void)
{
	ok(kw_lookup("mode", words, "option") == 3, "kw: exact");
	ok(kw_lookup("mo", words, "option") == 3, "kw: unique prefix");
	ok(kw_lookup("MODE", words, "option") == 3, "kw: any case");
	ok(kw_lookup("no", words, "option") == 0,
	   "kw: exact match wins over longer keywords");
	ok(kw_lookup("nod", words, "option") == 1, "kw: nod is nodev");
	ok(kw_lookup("n", words, "option") < 0 && err_has("ambiguous") &&
	   err_has("\"n\"") && err_has("nodev") && err_has("native"),
	   "kw: ambiguous prefix lists the candidates");
	ok(kw_lookup("s", words, "option") < 0, "kw: s is ambiguous");
	ok(kw_lookup("sh", words, "option") == 4, "kw: sh is shutdown");
	ok(kw_lookup("modes", words, "option") < 0 && err_has("unknown") &&
	   err_has("\"modes\"") && err_has("expected no, nodev"),
	   "kw: longer than the keyword is unknown, expected list given");
	ok(kw_lookup("", words, "option") < 0, "kw: empty word");
	ok(kw_missing(words, "option") < 0 && err_has("missing option"),
	   "kw: missing");
}

int main(void)
{
	tap_init();
	test_numbers();
	test_vlan();
	test_vlan_list();
	test_bitmap_format();
	test_mac();
	test_port();
	test_ifname();
	test_keywords();
	return tap_exit();
}
