// SPDX-License-Identifier: GPL-2.0
/*
 * parse.c - pure parsers and formatters: numbers, VLAN lists, MAC
 * addresses, interface names, keywords.
 */

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "parse.h"

static char err_buf[512];

const char *parse_error(void)
{
	return err_buf;
}

void parse_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err_buf, sizeof(err_buf), fmt, ap);
	va_end(ap);
}

/* Strict decimal of the n bytes at s; 0, or -1 if not a number or too big. */
static int decimal(const char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (!n)
		return -1;
	for (i = 0; i < n; i++) {
		unsigned int d;

		if (s[i] < '0' || s[i] > '9')
			return -1;
		d = s[i] - '0';
		if (v > (UINT64_MAX - d) / 10)
			return -2;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

int parse_u64(const char *s, uint64_t min, uint64_t max, uint64_t *out,
	      const char *what)
{
	uint64_t v = 0;
	int ret;

	ret = decimal(s, strlen(s), &v);
	if (ret == -1) {
		parse_fail("invalid %s \"%s\": not a decimal number", what, s);
		return -1;
	}
	if (ret < 0 || v < min || v > max) {
		parse_fail("invalid %s \"%s\": must be %llu to %llu", what, s,
			   (unsigned long long)min, (unsigned long long)max);
		return -1;
	}
	*out = v;
	return 0;
}

int parse_u32(const char *s, uint32_t min, uint32_t max, uint32_t *out,
	      const char *what)
{
	uint64_t v = 0;

	if (parse_u64(s, min, max, &v, what))
		return -1;
	*out = v;
	return 0;
}

int parse_vlan(const char *s, uint16_t *vid)
{
	uint64_t v = 0;

	if (parse_u64(s, 1, VEM_VLAN_MAX, &v, "VLAN"))
		return -1;
	*vid = v;
	return 0;
}

/* One VLAN of a list: the n bytes at s. */
static int list_vlan(const char *list, const char *s, size_t n,
		     unsigned int *vid)
{
	uint64_t v = 0;
	int ret;

	ret = decimal(s, n, &v);
	if (ret == -1) {
		parse_fail("invalid VLAN list \"%s\": \"%.*s\" is not a VLAN",
			   list, (int)n, s);
		return -1;
	}
	if (ret < 0 || v < 1 || v > VEM_VLAN_MAX) {
		parse_fail("invalid VLAN list \"%s\": VLAN %.*s is not in 1-%d",
			   list, (int)n, s, VEM_VLAN_MAX);
		return -1;
	}
	*vid = v;
	return 0;
}

int parse_vlan_list(const char *s, uint8_t *bm)
{
	const char *p = s;
	unsigned int vid;

	memset(bm, 0, VEM_VLAN_BITMAP_LEN);
	if (!strcasecmp(s, "none"))
		return 0;
	if (!strcasecmp(s, "all")) {
		for (vid = 1; vid <= VEM_VLAN_MAX; vid++)
			vlan_bitmap_set(bm, vid);
		return 0;
	}
	if (!*s) {
		parse_fail("empty VLAN list (expected a list like 10,20,30-40, all or none)");
		return -1;
	}

	for (;;) {
		const char *end = strchr(p, ',');
		const char *dash;
		unsigned int lo, hi;
		size_t n;

		n = end ? (size_t)(end - p) : strlen(p);
		if (!n) {
			parse_fail("invalid VLAN list \"%s\": empty element", s);
			goto err;
		}
		dash = memchr(p, '-', n);
		if (dash) {
			if (list_vlan(s, p, dash - p, &lo) ||
			    list_vlan(s, dash + 1, n - (dash - p) - 1, &hi))
				goto err;
			if (lo > hi) {
				parse_fail("invalid VLAN list \"%s\": range \"%.*s\" goes backwards",
					   s, (int)n, p);
				goto err;
			}
		} else {
			if (list_vlan(s, p, n, &lo))
				goto err;
			hi = lo;
		}
		for (vid = lo; vid <= hi; vid++)
			vlan_bitmap_set(bm, vid);
		if (!end)
			return 0;
		p = end + 1;
	}
err:
	memset(bm, 0, VEM_VLAN_BITMAP_LEN);
	return -1;
}

size_t vlan_bitmap_format(const uint8_t *bm, char *buf, size_t len)
{
	size_t pos = 0;
	unsigned int vid = 0;

	if (len)
		buf[0] = '\0';
	while (vid < VEM_VLAN_BITMAP_LEN * 8) {
		unsigned int lo, hi;
		char item[16];
		size_t n;

		if (!vlan_bitmap_test(bm, vid)) {
			vid++;
			continue;
		}
		lo = vid;
		while (vid + 1 < VEM_VLAN_BITMAP_LEN * 8 &&
		       vlan_bitmap_test(bm, vid + 1))
			vid++;
		hi = vid++;
		if (lo == hi)
			n = snprintf(item, sizeof(item), "%s%u", pos ? "," : "",
				     lo);
		else
			n = snprintf(item, sizeof(item), "%s%u-%u",
				     pos ? "," : "", lo, hi);
		if (pos + n < len)
			memcpy(buf + pos, item, n + 1);
		else if (len && pos < len)
			buf[pos] = '\0';
		pos += n;
	}
	if (!pos) {
		snprintf(buf, len, "none");
		return 4;
	}
	return pos;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* n hex digits at s into the bytes at out (n even). */
static int hex_bytes(const char *s, size_t n, uint8_t *out)
{
	size_t i;

	for (i = 0; i < n; i += 2) {
		int hi = hex_digit(s[i]), lo = hex_digit(s[i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		out[i / 2] = hi << 4 | lo;
	}
	return 0;
}

int parse_mac(const char *s, uint8_t *mac)
{
	size_t len = strlen(s);
	uint8_t m[6];
	int i;

	if (len == 17 && (s[2] == ':' || s[2] == '-')) {
		for (i = 0; i < 6; i++) {
			if (i < 5 && s[i * 3 + 2] != s[2])
				goto err;
			if (hex_bytes(s + i * 3, 2, m + i))
				goto err;
		}
	} else if (len == 14 && s[4] == '.' && s[9] == '.') {
		for (i = 0; i < 3; i++)
			if (hex_bytes(s + i * 5, 4, m + i * 2))
				goto err;
	} else {
		goto err;
	}
	memcpy(mac, m, 6);
	return 0;
err:
	parse_fail("invalid MAC address \"%s\" (expected aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff or aabb.ccdd.eeff)",
		   s);
	return -1;
}

void mac_format_dotted(const uint8_t *mac, char *buf)
{
	snprintf(buf, MAC_STRLEN, "%02x%02x.%02x%02x.%02x%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
}

void mac_format_colon(const uint8_t *mac, char *buf)
{
	snprintf(buf, MAC_STRLEN, "%02x:%02x:%02x:%02x:%02x:%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
}

static const struct {
	const char *name;	/* the keyword, first for kw_lookup() */
	uint8_t type;
	const char *lng;
	const char *shrt;
} port_types[] = {
	{ "vethernet", VEM_PORT_VETH, "Vethernet", "Veth" },
	{ "ethernet", VEM_PORT_UPLINK, "Ethernet", "Eth" },
};

int parse_port(int argc, char **argv, struct port_ref *ref)
{
	const char *word, *num;
	char type[16];
	size_t n;
	int i, used = 1;
	uint32_t id;

	if (argc < 1) {
		parse_fail("missing interface (expected vethernet N or ethernet N)");
		return -1;
	}
	word = argv[0];
	for (n = 0; isalpha((unsigned char)word[n]); n++)
		;
	if (!n || n >= sizeof(type))
		goto bad;
	memcpy(type, word, n);
	type[n] = '\0';
	for (i = 0; i < (int)ARRAY_SIZE(port_types); i++)
		if (!strncasecmp(type, port_types[i].name, n))
			break;
	if (i == (int)ARRAY_SIZE(port_types))
		goto bad;

	num = word + n;
	if (!*num) {
		if (argc < 2) {
			parse_fail("missing number after \"%s\"", word);
			return -1;
		}
		num = argv[1];
		used = 2;
	}
	if (parse_u32(num, 1, VEM_PORT_ID_MAX, &id, "interface number"))
		return -1;
	ref->type = port_types[i].type;
	ref->id = id;
	return used;
bad:
	parse_fail("invalid interface \"%s\" (expected vethernet N or ethernet N)",
		   word);
	return -1;
}

const char *port_type_name(uint8_t type)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(port_types); i++)
		if (port_types[i].type == type)
			return port_types[i].name;
	return "unknown";
}

void port_format(const struct port_ref *ref, enum port_fmt fmt, char *buf,
		 size_t len)
{
	const char *lng = "Unknown", *shrt = "Unknown", *name = "unknown";
	size_t i;

	for (i = 0; i < ARRAY_SIZE(port_types); i++) {
		if (port_types[i].type == ref->type) {
			lng = port_types[i].lng;
			shrt = port_types[i].shrt;
			name = port_types[i].name;
		}
	}
	switch (fmt) {
	case PORT_FMT_LONG:
		snprintf(buf, len, "%s%u", lng, ref->id);
		break;
	case PORT_FMT_SHORT:
		snprintf(buf, len, "%s%u", shrt, ref->id);
		break;
	case PORT_FMT_JSON:
		snprintf(buf, len, "%s%u", name, ref->id);
		break;
	case PORT_FMT_WORDS:
		snprintf(buf, len, "%s %u", name, ref->id);
		break;
	}
}

int parse_ifname(const char *s, char *ifname)
{
	const char *p;

	if (!*s || strlen(s) >= IFNAMSIZ || !strcmp(s, ".") ||
	    !strcmp(s, "..")) {
		parse_fail("invalid device name \"%s\" (1 to %d characters)", s,
			   IFNAMSIZ - 1);
		return -1;
	}
	for (p = s; *p; p++) {
		if (*p == '/' || *p == ':' || isspace((unsigned char)*p)) {
			parse_fail("invalid device name \"%s\": no '/', ':' or blank allowed",
				   s);
			return -1;
		}
	}
	strcpy(ifname, s);
	return 0;
}

static const char *kw_at(const void *table, size_t stride, size_t i)
{
	return *(const char *const *)((const char *)table + i * stride);
}

/* "a, b, c" into buf: the keywords of a table, or those matching word. */
static void kw_list(const void *table, size_t n, size_t stride,
		    const char *word, char *buf, size_t len)
{
	size_t i, pos = 0;

	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		const char *name = kw_at(table, stride, i);
		int ret;

		if (word && strncasecmp(word, name, strlen(word)))
			continue;
		ret = snprintf(buf + pos, len - pos, "%s%s", pos ? ", " : "",
			       name);
		if (ret < 0 || (size_t)ret >= len - pos)
			return;
		pos += ret;
	}
}

int kw_lookup_table(const char *word, const void *table, size_t n,
		    size_t stride, const char *what)
{
	size_t i, len = strlen(word);
	int found = -1, matches = 0;
	char list[256];

	for (i = 0; len && i < n; i++) {
		const char *name = kw_at(table, stride, i);

		if (!strcasecmp(word, name))
			return i;
		if (!strncasecmp(word, name, len)) {
			found = i;
			matches++;
		}
	}
	if (matches == 1)
		return found;
	if (matches > 1) {
		kw_list(table, n, stride, word, list, sizeof(list));
		parse_fail("ambiguous %s \"%s\": %s", what, word, list);
		return -1;
	}
	kw_list(table, n, stride, NULL, list, sizeof(list));
	parse_fail("unknown %s \"%s\" (expected %s)", what, word, list);
	return -1;
}

int kw_missing_table(const void *table, size_t n, size_t stride,
		     const char *what)
{
	char list[256];

	kw_list(table, n, stride, NULL, list, sizeof(list));
	parse_fail("missing %s (expected %s)", what, list);
	return -1;
}
