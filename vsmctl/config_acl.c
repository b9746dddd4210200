// SPDX-License-Identifier: GPL-2.0
/*
 * config_acl.c - access-lists: the lines of an access-list block into
 * entries (config_acl_print.c writes them back).
 *
 * The lines of a block, NX-OS style:
 *
 *   [SEQ] permit|deny PROTO SRC [PORTS] DST [PORTS] [dscp D] [established]
 *         [log]
 *   [SEQ] permit|deny SRC DST [ETHERTYPE]	(mac access-list)
 *   [SEQ] remark TEXT
 *   statistics per-entry
 *   no SEQ | no [SEQ] ENTRY | no statistics per-entry
 *
 * PROTO is ip (ipv6 in an ipv6 list: any protocol), tcp, udp, icmp (ICMPv6
 * in an ipv6 list, as in NX-OS; icmpv6 is read too), another name or a
 * number 0-255. SRC and DST are any, host ADDRESS, ADDRESS/LENGTH or, in
 * an ip list, ADDRESS WILDCARD with a contiguous wildcard (0.0.0.255),
 * read as the prefix it is. PORTS (tcp and udp) are eq|neq|lt|gt PORT or
 * range PORT PORT, a number or a name. In a mac list SRC and DST are any,
 * host MAC or MAC WILDCARD: as in NX-OS, a 1 in the wildcard is a bit not
 * compared (0000.0000.0000: this address only).
 *
 * The model is canonical, so that running-config reads back the same:
 * an address is stored with the bits outside its prefix or wildcard
 * cleared (NX-OS matches the same packets), a host as /32, /128 or
 * wildcard 0000.0000.0000, 0.0.0.0/0 as any, ports, protocols and DSCP
 * values by number, printed by the NX-OS name when there is one.
 */

#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "config.h"
#include "parse.h"

#define TEXT_MAX	512	/* an entry as text, with room */

struct named {
	const char *name;
	unsigned int value;
	bool alias;		/* read, never printed */
};

#define NAME(n, v)	{ n, v, false }
#define ALIAS(n, v)	{ n, v, true }

/* The protocol names of NX-OS; "ip"/"ipv6" (any) is handled apart. */
static const struct named ip_protos[] = {
	NAME("ahp", 51), NAME("eigrp", 88), NAME("esp", 50), NAME("gre", 47),
	NAME("icmp", 1), NAME("igmp", 2), NAME("ip", CONFIG_PROTO_ANY), NAME("nos", 94),
	NAME("ospf", 89), NAME("pcp", 108), NAME("pim", 103), NAME("sctp", 132),
	NAME("tcp", 6), NAME("udp", 17),
};

static const struct named ipv6_protos[] = {
	NAME("ahp", 51), NAME("esp", 50), NAME("icmp", 58), ALIAS("icmpv6", 58),
	NAME("ipv6", CONFIG_PROTO_ANY), NAME("pcp", 108), NAME("sctp", 132), NAME("tcp", 6),
	NAME("udp", 17),
};

#define PROTO_TCP	6
#define PROTO_UDP	17

/* The port names of NX-OS, and a few common ones it lacks (aliases). */
static const struct named tcp_ports[] = {
	NAME("bgp", 179), NAME("chargen", 19), NAME("cmd", 514),
	NAME("daytime", 13), NAME("discard", 9), NAME("domain", 53),
	NAME("drip", 3949), NAME("echo", 7), NAME("exec", 512),
	NAME("finger", 79), NAME("ftp", 21), NAME("ftp-data", 20),
	NAME("gopher", 70), NAME("hostname", 101), NAME("ident", 113),
	NAME("irc", 194), NAME("klogin", 543), NAME("kshell", 544),
	NAME("login", 513), NAME("lpd", 515), NAME("nntp", 119),
	NAME("pim-auto-rp", 496), NAME("pop2", 109), NAME("pop3", 110),
	NAME("smtp", 25), NAME("sunrpc", 111), NAME("tacacs", 49),
	NAME("talk", 517), NAME("telnet", 23), NAME("time", 37),
	NAME("uucp", 540), NAME("whois", 43), NAME("www", 80),
	ALIAS("http", 80), ALIAS("https", 443), ALIAS("ssh", 22),
};

static const struct named udp_ports[] = {
	NAME("biff", 512), NAME("bootpc", 68), NAME("bootps", 67),
	NAME("discard", 9), NAME("dnsix", 195), NAME("domain", 53),
	NAME("echo", 7), NAME("isakmp", 500), NAME("mobile-ip", 434),
	NAME("nameserver", 42), NAME("netbios-dgm", 138),
	NAME("netbios-ns", 137), NAME("netbios-ss", 139),
	NAME("non500-isakmp", 4500), NAME("ntp", 123), NAME("pim-auto-rp", 496),
	NAME("rip", 520), NAME("snmp", 161), NAME("snmptrap", 162),
	NAME("sunrpc", 111), NAME("syslog", 514), NAME("tacacs", 49),
	NAME("talk", 517), NAME("tftp", 69), NAME("time", 37), NAME("who", 513),
	NAME("xdmcp", 177),
	ALIAS("http", 80), ALIAS("https", 443), ALIAS("ssh", 22),
};

static const struct named dscps[] = {
	NAME("af11", 10), NAME("af12", 12), NAME("af13", 14), NAME("af21", 18),
	NAME("af22", 20), NAME("af23", 22), NAME("af31", 26), NAME("af32", 28),
	NAME("af33", 30), NAME("af41", 34), NAME("af42", 36), NAME("af43", 38),
	NAME("cs1", 8), NAME("cs2", 16), NAME("cs3", 24), NAME("cs4", 32),
	NAME("cs5", 40), NAME("cs6", 48), NAME("cs7", 56), NAME("default", 0),
	NAME("ef", 46), ALIAS("cs0", 0),
};

/* The MAC protocol names of NX-OS, and arp and ipv6; printed in hex. */
static const struct named ethertypes[] = {
	NAME("aarp", 0x80f3), NAME("appletalk", 0x809b), NAME("arp", 0x0806),
	NAME("decnet-iv", 0x6003), NAME("diagnostic", 0x6005),
	NAME("etype-6000", 0x6000), NAME("etype-8042", 0x8042),
	NAME("ip", 0x0800), NAME("ipv6", 0x86dd), NAME("lat", 0x6004),
	NAME("lavc-sca", 0x6007), NAME("mop-console", 0x6002),
	NAME("mop-dump", 0x6001), NAME("vines-echo", 0x0baf),
};

/*
 * The port operators lead the keyword tables of what may follow an
 * address: index i is operator i + CONFIG_PORT_EQ.
 */
#define PORT_OPS	{ "eq" }, { "neq" }, { "lt" }, { "gt" }, { "range" }
#define NPORT_OPS	5

static const struct kw port_ops[] = { PORT_OPS };

static const char *name_of(const struct named *t, size_t n, unsigned int v)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].value == v && !t[i].alias)
			return t[i].name;
	return NULL;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A word that can only be an address: a digit first, or '.', ':', '/'. */
static bool addr_like(const char *s)
{
	return is_digit(s[0]) || strpbrk(s, ".:/");
}

static int missing(const char *what, const char *after)
{
	parse_fail("missing %s after \"%s\"", what, after);
	return -1;
}

/*
 * Cursor over the words of an entry: argv[i] is the next one, argv[i - 1]
 * (or the action) the last one read.
 */
struct cur {
	int argc, i;
	char **argv;
	uint8_t kind;
};

static const char *peek(const struct cur *c)
{
	return c->i < c->argc ? c->argv[c->i] : NULL;
}

static const char *last(const struct cur *c)
{
	return c->argv[c->i - 1];
}

static void prefix_clear(uint8_t *addr, unsigned int len, unsigned int bytes)
{
	unsigned int i;

	for (i = 0; i < bytes; i++) {
		if (len >= 8) {
			len -= 8;
			continue;
		}
		addr[i] &= (uint8_t)(0xff00 >> len);
		len = 0;
	}
}

/* An address of the list's family, with a hint for the other family. */
static int parse_addr(const struct cur *c, const char *s, uint8_t *addr)
{
	uint8_t tmp[16];

	if (c->kind == CONFIG_ACL_IP) {
		if (inet_pton(AF_INET, s, addr) == 1)
			return 0;
		if (inet_pton(AF_INET6, s, tmp) == 1) {
			parse_fail("IPv6 address \"%s\" in an ip access-list (an ipv6 access-list takes it)",
				   s);
			return -1;
		}
		parse_fail("invalid IPv4 address \"%s\"", s);
		return -1;
	}
	if (inet_pton(AF_INET6, s, addr) == 1)
		return 0;
	if (inet_pton(AF_INET, s, tmp) == 1) {
		parse_fail("IPv4 address \"%s\" in an ipv6 access-list (an ip access-list takes it)",
			   s);
		return -1;
	}
	parse_fail("invalid IPv6 address \"%s\"", s);
	return -1;
}

/* An IPv4 wildcard (0.0.0.255), contiguous, as a prefix length. */
static int parse_wildcard(const char *s, uint8_t *len)
{
	uint32_t wc, mask;
	struct in_addr a;
	unsigned int n;

	inet_pton(AF_INET, s, &a);	/* the caller checked it */
	wc = ntohl(a.s_addr);
	mask = ~wc;
	n = __builtin_popcount(mask);
	if (mask != (n ? 0xffffffffu << (32 - n) : 0)) {
		parse_fail("wildcard \"%s\" is not contiguous (only those like 0.0.0.255, the ones at the end, are supported)",
			   s);
		return -1;
	}
	*len = n;
	return 0;
}

/* any | host A | A/LEN | A WILDCARD (ip lists) */
static int parse_ip_side(struct cur *c, const char *side, uint8_t *addr,
			 uint8_t *len)
{
	static const struct kw kws[] = { { "any" }, { "host" } };
	unsigned int bits = c->kind == CONFIG_ACL_IP ? 32 : 128;
	char buf[INET6_ADDRSTRLEN + 8], *slash;
	const char *w = peek(c);
	uint32_t plen;
	int kw;

	if (!w) {
		parse_fail("missing %s after \"%s\" (expected any, host ADDRESS or ADDRESS/LENGTH)",
			   side, last(c));
		return -1;
	}
	c->i++;
	memset(addr, 0, 16);
	if (!addr_like(w)) {
		kw = kw_lookup(w, kws, side);
		if (kw < 0)
			return -1;
		*len = 0;
		if (kw == 0)
			return 0;
		w = peek(c);
		if (!w)
			return missing("address", "host");
		c->i++;
		*len = bits;
		return parse_addr(c, w, addr);
	}
	if (strlen(w) >= sizeof(buf)) {
		parse_fail("invalid address \"%.40s...\"", w);
		return -1;
	}
	strcpy(buf, w);
	slash = strchr(buf, '/');
	if (slash) {
		*slash = '\0';
		if (parse_u32(slash + 1, 0, bits, &plen, "prefix length"))
			return -1;
		*len = plen;
	} else if (c->kind == CONFIG_ACL_IP) {
		struct in_addr a;

		if (!peek(c) || inet_pton(AF_INET, peek(c), &a) != 1) {
			parse_fail("missing /LENGTH or wildcard after \"%s\" (or write host %s)",
				   w, w);
			return -1;
		}
		if (parse_wildcard(peek(c), len))
			return -1;
		c->i++;
	} else {
		parse_fail("missing /LENGTH in \"%s\" (or write host %s)", w,
			   w);
		return -1;
	}
	if (parse_addr(c, buf, addr))
		return -1;
	prefix_clear(addr, *len, 16);
	return 0;
}

static const struct named *port_table(uint8_t proto, size_t *n)
{
	if (proto == PROTO_TCP) {
		*n = ARRAY_SIZE(tcp_ports);
		return tcp_ports;
	}
	*n = ARRAY_SIZE(udp_ports);
	return udp_ports;
}

static int port_value(struct cur *c, uint8_t proto, uint16_t *port)
{
	const char *w = peek(c);
	const struct named *t;
	uint32_t v;
	size_t n;
	int i;

	if (!w)
		return missing("port", last(c));
	c->i++;
	if (is_digit(w[0])) {
		if (parse_u32(w, 0, 65535, &v, "port"))
			return -1;
		*port = v;
		return 0;
	}
	t = port_table(proto, &n);
	i = kw_lookup_table(w, t, n, sizeof(*t), "port name");
	if (i < 0) {
		if (strncmp(parse_error(), "ambiguous", 9))
			parse_fail("invalid port \"%s\" (expected 0 to 65535 or a %s port name like %s)",
				   w, proto == PROTO_TCP ? "tcp" : "udp",
				   proto == PROTO_TCP ? "www, telnet" :
							"domain, ntp");
		return -1;
	}
	*port = t[i].value;
	return 0;
}

/* OP PORT [PORT], OP the word just read. */
static int parse_ports(struct cur *c, uint8_t proto, int op,
		       struct config_acl_ports *p)
{
	p->op = op;
	if (port_value(c, proto, &p->lo))
		return -1;
	p->hi = p->lo;
	switch (op) {
	case CONFIG_PORT_RANGE:
		if (port_value(c, proto, &p->hi))
			return -1;
		if (p->hi < p->lo) {
			parse_fail("range %s %s goes backwards", c->argv[c->i - 2],
				   last(c));
			return -1;
		}
		break;
	case CONFIG_PORT_LT:
		if (!p->lo) {
			parse_fail("lt 0 matches no port");
			return -1;
		}
		break;
	case CONFIG_PORT_GT:
		if (p->lo == 65535) {
			parse_fail("gt 65535 matches no port");
			return -1;
		}
		break;
	}
	return 0;
}

static bool has_ports(const struct config_acl_entry *e)
{
	return !e->proto_any && (e->proto == PROTO_TCP ||
				 e->proto == PROTO_UDP);
}

/*
 * The keyword after an address, in table: a port operator (i below
 * NPORT_OPS) or what may come next. Returns its index, -1 with a message.
 */
static int after_addr(const struct cur *c, const struct config_acl_entry *e,
		      const struct kw *table, size_t n)
{
	int i = kw_lookup_table(peek(c), table, n, sizeof(*table), "keyword");

	if (i >= 0 && i < NPORT_OPS && !has_ports(e)) {
		parse_fail("%s: ports apply to tcp and udp only", peek(c));
		return -1;
	}
	return i;
}

static int parse_proto(struct cur *c, struct config_acl_entry *e)
{
	const struct named *t = c->kind == CONFIG_ACL_IP ? ip_protos :
							    ipv6_protos;
	size_t n = c->kind == CONFIG_ACL_IP ? ARRAY_SIZE(ip_protos) :
					      ARRAY_SIZE(ipv6_protos);
	const char *w = peek(c);
	uint32_t v;
	int i;

	if (!w)
		return missing("protocol", last(c));
	c->i++;
	if (is_digit(w[0])) {
		if (parse_u32(w, 0, 255, &v, "protocol number"))
			return -1;
		e->proto = v;
		return 0;
	}
	i = kw_lookup_table(w, t, n, sizeof(*t), "protocol");
	if (i < 0)
		return -1;
	if (t[i].value == CONFIG_PROTO_ANY)
		e->proto_any = true;
	else
		e->proto = t[i].value;
	return 0;
}

static int parse_dscp(struct cur *c, struct config_acl_entry *e)
{
	const char *w = peek(c);
	uint32_t v;
	int i;

	if (!w)
		return missing("DSCP value", "dscp");
	c->i++;
	if (is_digit(w[0])) {
		if (parse_u32(w, 0, 63, &v, "DSCP value"))
			return -1;
	} else {
		i = kw_lookup_table(w, dscps, ARRAY_SIZE(dscps),
				    sizeof(*dscps), "DSCP name");
		if (i < 0)
			return -1;
		v = dscps[i].value;
	}
	e->has_dscp = true;
	e->dscp = v;
	return 0;
}

/* PROTO SRC [PORTS] DST [PORTS] [dscp D] [established] [log] */
static int parse_ip_rule(struct cur *c, struct config_acl_entry *e)
{
	enum { DSCP = NPORT_OPS, ESTABLISHED, LOG };
	static const struct kw after_src[] = {
		PORT_OPS, { "any" }, { "host" },
	};
	static const struct kw after_dst[] = {
		PORT_OPS, [DSCP] = { "dscp" },
		[ESTABLISHED] = { "established" }, [LOG] = { "log" },
	};
	unsigned int seen = 0;
	const char *w;
	int i;

	e->family = c->kind == CONFIG_ACL_IP ? AF_INET : AF_INET6;
	if (parse_proto(c, e) ||
	    parse_ip_side(c, "source", e->src, &e->src_len))
		return -1;
	w = peek(c);
	if (w && !addr_like(w)) {
		i = after_addr(c, e, after_src, ARRAY_SIZE(after_src));
		if (i < 0)
			return -1;
		if (i < NPORT_OPS) {
			c->i++;
			if (parse_ports(c, e->proto, i + CONFIG_PORT_EQ,
					&e->sport))
				return -1;
		}
	}
	if (parse_ip_side(c, "destination", e->dst, &e->dst_len))
		return -1;
	while ((w = peek(c))) {
		unsigned int bit;

		i = after_addr(c, e, after_dst, ARRAY_SIZE(after_dst));
		if (i < 0)
			return -1;
		c->i++;
		/* One bit for the ports, one for each other keyword. */
		bit = i < NPORT_OPS ? 0 : i - NPORT_OPS + 1;
		if (seen & BIT(bit)) {
			parse_fail("%s given twice", bit ? after_dst[i].name :
					"destination port");
			return -1;
		}
		if (!bit && seen) {
			parse_fail("destination ports come right after the destination");
			return -1;
		}
		seen |= BIT(bit);
		if (i < NPORT_OPS) {
			if (parse_ports(c, e->proto, i + CONFIG_PORT_EQ,
					&e->dport))
				return -1;
		} else if (i == DSCP) {
			if (parse_dscp(c, e))
				return -1;
		} else if (i == ESTABLISHED) {
			if (e->proto_any || e->proto != PROTO_TCP) {
				parse_fail("established applies to tcp only");
				return -1;
			}
			e->established = true;
		} else {
			e->log = true;
		}
	}
	return 0;
}

/* any | host MAC | MAC WILDCARD */
static int parse_mac_side(struct cur *c, const char *side, uint8_t *mac,
			  uint8_t *mask)
{
	static const struct kw kws[] = { { "any" }, { "host" } };
	uint8_t wc[6];
	const char *w = peek(c);
	int i, kw;

	if (!w) {
		parse_fail("missing %s after \"%s\" (expected any, host MAC or MAC WILDCARD)",
			   side, last(c));
		return -1;
	}
	c->i++;
	memset(mac, 0, 6);
	memset(mask, 0, 6);
	if (!addr_like(w) && !strchr(w, '-')) {
		kw = kw_lookup(w, kws, side);
		if (kw < 0)
			return -1;
		if (kw == 0)
			return 0;
		w = peek(c);
		if (!w)
			return missing("MAC address", "host");
		c->i++;
		memset(mask, 0xff, 6);
		return parse_mac(w, mac);
	}
	if (parse_mac(w, mac))
		return -1;
	w = peek(c);
	if (!w)
		return missing("wildcard (like 0000.00ff.ffff, or host MAC)",
			       last(c));
	c->i++;
	if (parse_mac(w, wc)) {
		parse_fail("invalid MAC wildcard \"%s\" (expected one like 0000.00ff.ffff)",
			   w);
		return -1;
	}
	for (i = 0; i < 6; i++) {
		mask[i] = ~wc[i];
		mac[i] &= mask[i];
	}
	return 0;
}

static int parse_ethertype(const char *w, uint16_t *type)
{
	unsigned long v = 0;
	size_t i, n = strlen(w);
	int k;

	if (n > 2 && w[0] == '0' && (w[1] == 'x' || w[1] == 'X')) {
		if (n > 6)
			goto bad;
		for (i = 2; i < n; i++) {
			char d = w[i];

			if (is_digit(d))
				v = v * 16 + (d - '0');
			else if ((d | 0x20) >= 'a' && (d | 0x20) <= 'f')
				v = v * 16 + ((d | 0x20) - 'a' + 10);
			else
				goto bad;
		}
		*type = v;
		return 0;
	}
	if (is_digit(w[0]))
		goto bad;
	k = kw_lookup_table(w, ethertypes, ARRAY_SIZE(ethertypes),
			    sizeof(*ethertypes), "ethertype");
	if (k < 0)
		return -1;
	*type = ethertypes[k].value;
	return 0;
bad:
	parse_fail("invalid ethertype \"%s\" (expected 0x0 to 0xffff or a name like ip, arp)",
		   w);
	return -1;
}

/* SRC DST [ETHERTYPE] */
static int parse_mac_rule(struct cur *c, struct config_acl_entry *e)
{
	e->family = AF_UNSPEC;
	if (parse_mac_side(c, "source", e->src_mac, e->src_mac_mask) ||
	    parse_mac_side(c, "destination", e->dst_mac, e->dst_mac_mask))
		return -1;
	if (peek(c)) {
		if (parse_ethertype(peek(c), &e->ethertype))
			return -1;
		e->has_ethertype = true;
		c->i++;
	}
	if (peek(c)) {
		parse_fail("unexpected \"%s\" after \"%s\"", peek(c), last(c));
		return -1;
	}
	return 0;
}

/* argv[0] is permit or deny (action). */
static int parse_rule(uint8_t kind, int argc, char **argv, int action,
		      struct config_acl_entry *e)
{
	struct cur c = { .argc = argc, .i = 1, .argv = argv, .kind = kind };

	e->action = action;
	if (kind == CONFIG_ACL_MAC)
		return parse_mac_rule(&c, e);
	return parse_ip_rule(&c, e);
}

/* The text of a remark: the rest of the line after argv[i], as written. */
static int parse_remark(const char *line, const size_t *off, char **argv,
			int i, struct config_acl_entry *e)
{
	const char *text = line + off[i] + strlen(argv[i]);
	size_t n, k;

	text += strspn(text, " \t");
	n = strlen(text);
	if (!n)
		return missing("text", argv[i]);
	if (n > CONFIG_REMARK_MAX) {
		parse_fail("remark of %zu characters (at most %d)", n,
			   CONFIG_REMARK_MAX);
		return -1;
	}
	for (k = 0; k < n; k++) {
		if ((unsigned char)text[k] < 0x20 || text[k] == 0x7f) {
			parse_fail("control character in remark");
			return -1;
		}
	}
	e->action = CONFIG_ACL_REMARK;
	memcpy(e->remark, text, n + 1);
	return 0;
}

static bool ports_same(const struct config_acl_ports *a,
		       const struct config_acl_ports *b)
{
	return a->op == b->op && a->lo == b->lo && a->hi == b->hi;
}

/* The same entry but for the sequence number. */
static bool entry_same(const struct config_acl_entry *a,
		       const struct config_acl_entry *b)
{
	return a->action == b->action && a->family == b->family &&
	       a->proto_any == b->proto_any && a->proto == b->proto &&
	       !memcmp(a->src, b->src, 16) && !memcmp(a->dst, b->dst, 16) &&
	       a->src_len == b->src_len && a->dst_len == b->dst_len &&
	       ports_same(&a->sport, &b->sport) &&
	       ports_same(&a->dport, &b->dport) &&
	       a->established == b->established &&
	       a->has_dscp == b->has_dscp && a->dscp == b->dscp &&
	       a->log == b->log &&
	       !memcmp(a->src_mac, b->src_mac, 6) &&
	       !memcmp(a->src_mac_mask, b->src_mac_mask, 6) &&
	       !memcmp(a->dst_mac, b->dst_mac, 6) &&
	       !memcmp(a->dst_mac_mask, b->dst_mac_mask, 6) &&
	       a->has_ethertype == b->has_ethertype &&
	       a->ethertype == b->ethertype &&
	       !strcmp(a->remark, b->remark);
}

/* Where seq is or would go in acl->entries. */
static size_t entry_search(const struct config_acl *acl, uint32_t seq,
			   bool *found)
{
	size_t lo = 0, hi = acl->n;

	*found = false;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (acl->entries[mid].seq == seq) {
			*found = true;
			return mid;
		}
		if (acl->entries[mid].seq < seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct config_acl_entry *config_acl_entry_find(const struct config_acl *acl,
					       uint32_t seq)
{
	bool found;
	size_t at = entry_search(acl, seq, &found);

	return found ? &acl->entries[at] : NULL;
}

/* Returns 0, -1 with a message, or -ENOMEM. */
static int entry_insert(struct config_acl *acl,
			const struct config_acl_entry *e)
{
	bool found;
	size_t at = entry_search(acl, e->seq, &found);

	if (acl->n >= CONFIG_ACL_ENTRIES_MAX) {
		parse_fail("%s access-list %s is full (at most %d entries)",
			   config_acl_kind_name(acl->kind), acl->name,
			   CONFIG_ACL_ENTRIES_MAX);
		return -1;
	}
	if (acl->n == acl->cap) {
		size_t cap = acl->cap ? acl->cap * 2 : 8;
		struct config_acl_entry *n;

		n = realloc(acl->entries, cap * sizeof(*n));
		if (!n) {
			parse_fail("out of memory");
			return -ENOMEM;
		}
		acl->entries = n;
		acl->cap = cap;
	}
	memmove(acl->entries + at + 1, acl->entries + at,
		(acl->n - at) * sizeof(*acl->entries));
	acl->entries[at] = *e;
	acl->n++;
	return 0;
}

static void entry_remove(struct config_acl *acl,
			 const struct config_acl_entry *e)
{
	size_t at = e - acl->entries;

	memmove(acl->entries + at, acl->entries + at + 1,
		(acl->n - at - 1) * sizeof(*acl->entries));
	acl->n--;
}

/*
 * The entry e (with e->seq if has_seq) into acl, or out of it (no).
 * Returns 0, -1 with a message, or -ENOMEM.
 */
static int apply_entry(struct config_acl *acl, struct config_acl_entry *e,
		       bool has_seq, bool no)
{
	const char *kind = config_acl_kind_name(acl->kind);
	char text[TEXT_MAX];
	struct config_acl_entry *old = has_seq ?
		config_acl_entry_find(acl, e->seq) : NULL;
	size_t i;

	if (no) {
		for (i = 0; !has_seq && !old && i < acl->n; i++)
			if (entry_same(&acl->entries[i], e))
				old = &acl->entries[i];
		if (old && entry_same(old, e)) {
			entry_remove(acl, old);
			return 0;
		}
		if (!old && has_seq) {
			parse_fail("no entry %u in %s access-list %s", e->seq,
				   kind, acl->name);
			return -1;
		}
		if (!old) {
			parse_fail("no such entry in %s access-list %s", kind,
				   acl->name);
			return -1;
		}
		config_acl_entry_text(old, acl->kind, text, sizeof(text));
		parse_fail("entry %u of %s access-list %s is \"%s\"", old->seq,
			   kind, acl->name, text);
		return -1;
	}
	if (old) {
		if (entry_same(old, e))
			return 0;	/* the same line again */
		config_acl_entry_text(old, acl->kind, text, sizeof(text));
		parse_fail("duplicate sequence number %u in %s access-list %s (it is \"%s\"; no %u first to replace it)",
			   e->seq, kind, acl->name, text, e->seq);
		return -1;
	}
	if (!has_seq) {
		uint64_t seq = acl->n ? acl->entries[acl->n - 1].seq + 10ull :
					10;

		if (seq > UINT32_MAX) {
			parse_fail("no sequence number after %u is left for this entry: give one",
				   acl->entries[acl->n - 1].seq);
			return -1;
		}
		e->seq = seq;
	}
	return entry_insert(acl, e);
}

/* statistics per-entry */
static int cmd_stats(struct config_acl *acl, int argc, char **argv, bool no)
{
	static const struct kw per[] = { { "per-entry" } };

	if (argc < 2)
		return missing("per-entry", argv[0]);
	if (kw_lookup(argv[1], per, "keyword") < 0)
		return -1;
	if (argc > 2) {
		parse_fail("unexpected \"%s\" after \"%s\"", argv[2], argv[1]);
		return -1;
	}
	acl->stats = !no;
	return 0;
}

/* no SEQ */
static int remove_seq(struct config_acl *acl, uint32_t seq)
{
	struct config_acl_entry *e = config_acl_entry_find(acl, seq);

	if (!e) {
		parse_fail("no entry %u in %s access-list %s", seq,
			   config_acl_kind_name(acl->kind), acl->name);
		return -1;
	}
	entry_remove(acl, e);
	return 0;
}

/* The line in config_acl_line(), -1 on a parse error. */
static int acl_line(struct config_acl *acl, int argc, char **argv,
		    const char *line, const size_t *off)
{
	enum { PERMIT, DENY, REMARK, STATISTICS, NO, EXIT, END };
	static const struct kw cmds[] = {
		[PERMIT] = { "permit" }, [DENY] = { "deny" },
		[REMARK] = { "remark" }, [STATISTICS] = { "statistics" },
		[NO] = { "no" }, [EXIT] = { "exit" }, [END] = { "end" },
	};
	struct config_acl_entry e;
	bool no = false, has_seq = false;
	uint32_t seq;
	int i = 0, cmd;

	memset(&e, 0, sizeof(e));
	if (!is_digit(argv[0][0])) {
		cmd = kw_lookup(argv[0], cmds, "command");
		if (cmd < 0)
			return -1;
		if (cmd == EXIT || cmd == END) {
			if (argc > 1) {
				parse_fail("unexpected \"%s\" after \"%s\"",
					   argv[1], argv[0]);
				return -1;
			}
			return 1;
		}
		if (cmd == NO) {
			if (argc < 2)
				return missing("sequence number or entry",
					       argv[0]);
			no = true;
			i = 1;
		}
	}
	if (is_digit(argv[i][0])) {
		if (parse_u32(argv[i], 1, UINT32_MAX, &seq, "sequence number"))
			return -1;
		e.seq = seq;
		has_seq = true;
		if (++i == argc)
			return no ? remove_seq(acl, seq) :
				    missing("permit, deny or remark",
					    argv[i - 1]);
	}
	/* permit, deny, remark; statistics has no sequence number. */
	cmd = kw_lookup_table(argv[i], cmds, has_seq ? 3 : 4, sizeof(*cmds),
			      has_seq ? "entry" : "command");
	if (cmd < 0)
		return -1;
	if (cmd == STATISTICS)
		return cmd_stats(acl, argc - i, argv + i, no);
	if (cmd == REMARK) {
		if (parse_remark(line, off, argv, i, &e))
			return -1;
	} else if (parse_rule(acl->kind, argc - i, argv + i,
			      cmd == PERMIT ? CONFIG_ACL_PERMIT :
					      CONFIG_ACL_DENY, &e)) {
		return -1;
	}
	return apply_entry(acl, &e, has_seq, no);
}

int config_acl_line(struct config_acl *acl, int argc, char **argv,
		    const char *line, const size_t *off)
{
	int ret = acl_line(acl, argc, argv, line, off);

	if (ret == -1)
		return -EINVAL;
	return ret;	/* 0, 1, or -ENOMEM from entry_insert() */
}

void config_acl_port_range(const struct config_acl_ports *ports,
			   uint16_t *lo, uint16_t *hi, bool *negate)
{
	*negate = false;
	*lo = ports->lo;
	*hi = ports->hi;
	switch (ports->op) {
	case CONFIG_PORT_ANY:
		*lo = 0;
		*hi = 65535;
		break;
	case CONFIG_PORT_NEQ:
		*negate = true;
		break;
	case CONFIG_PORT_LT:
		*lo = 0;
		*hi = ports->lo - 1;
		break;
	case CONFIG_PORT_GT:
		*lo = ports->lo + 1;
		*hi = 65535;
		break;
	}
}

const char *config_acl_proto_name(uint8_t kind, unsigned int proto)
{
	if (kind == CONFIG_ACL_IP)
		return name_of(ip_protos, ARRAY_SIZE(ip_protos), proto);
	return name_of(ipv6_protos, ARRAY_SIZE(ipv6_protos), proto);
}

const char *config_acl_port_name(uint8_t proto, uint16_t port)
{
	const struct named *t;
	size_t n;

	t = port_table(proto, &n);
	return name_of(t, n, port);
}

const char *config_acl_dscp_name(uint8_t dscp)
{
	return name_of(dscps, ARRAY_SIZE(dscps), dscp);
}

/* The DSCP names and numbers ACL entries take; policy-maps take them too. */
int config_dscp_parse(const char *w, uint8_t *v)
{
	uint32_t n;
	int i;

	if (is_digit(w[0])) {
		if (parse_u32(w, 0, 63, &n, "DSCP value"))
			return -1;
		*v = n;
		return 0;
	}
	i = kw_lookup_table(w, dscps, ARRAY_SIZE(dscps), sizeof(*dscps),
			    "DSCP name");
	if (i < 0)
		return -1;
	*v = dscps[i].value;
	return 0;
}

const char *config_port_op_name(uint8_t op)
{
	return op >= CONFIG_PORT_EQ && op <= CONFIG_PORT_RANGE ?
	       port_ops[op - CONFIG_PORT_EQ].name : "any";
}
