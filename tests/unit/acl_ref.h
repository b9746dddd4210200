/* SPDX-License-Identifier: GPL-2.0 */
/*
 * acl_ref.h - for test_acl_cls.c, fuzz_acl_cls.c and bench_acl_cls.c:
 * the reference ACL matcher (a linear scan, each condition written the
 * way the documentation says it, no masks), the reference validity
 * check, and a generator of random rule lists and packets that reads its
 * choices from a byte string (the fuzzer's input) or from a seeded PRNG.
 */
#ifndef ACL_REF_H
#define ACL_REF_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "acl_cls.h"

/* ------------------------------------------------------ the reference -- */

/* The first len bits of a and b are equal. */
static inline bool ref_prefix(const u8 *a, const u8 *b, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < len; i++) {
		unsigned int bit = 7 - i % 8;

		if (((a[i / 8] >> bit) & 1) != ((b[i / 8] >> bit) & 1))
			return false;
	}
	return true;
}

static inline bool ref_port(const struct vem_acl_port *c, u16 port)
{
	switch (c->op) {
	case VEM_ACL_PORT_ANY:
		return true;
	case VEM_ACL_PORT_EQ:
		return port == c->lo;
	case VEM_ACL_PORT_NEQ:
		return port != c->lo;
	case VEM_ACL_PORT_LT:
		return port < c->lo;
	case VEM_ACL_PORT_GT:
		return port > c->lo;
	case VEM_ACL_PORT_RANGE:
		return port >= c->lo && port <= c->hi;
	}
	return false;
}

static inline bool ref_rule_matches(const struct vem_acl_rule *r,
			     const struct vem_acl_pkt *p)
{
	bool l4 = p->flags & VEM_ACL_PKT_L4;
	unsigned int i;

	if (r->family == VEM_ACL_MAC) {
		for (i = 0; i < 6; i++) {
			if ((p->src_mac[i] ^ r->src_mac[i]) & r->src_mac_mask[i])
				return false;
			if ((p->dst_mac[i] ^ r->dst_mac[i]) & r->dst_mac_mask[i])
				return false;
		}
		return !(r->match & VEM_ACL_M_ETHERTYPE) ||
		       p->ethertype == r->ethertype;
	}
	if (p->family != r->family)
		return false;
	if ((r->match & VEM_ACL_M_PROTO) && p->proto != r->proto)
		return false;
	if (!ref_prefix(p->src, r->src, r->src_len) ||
	    !ref_prefix(p->dst, r->dst, r->dst_len))
		return false;
	if ((r->match & VEM_ACL_M_DSCP) && (p->dscp & 63) != r->dscp)
		return false;
	if (r->sport.op != VEM_ACL_PORT_ANY &&
	    (!l4 || !ref_port(&r->sport, p->sport)))
		return false;
	if (r->dport.op != VEM_ACL_PORT_ANY &&
	    (!l4 || !ref_port(&r->dport, p->dport)))
		return false;
	if ((r->match & VEM_ACL_M_ESTABLISHED) &&
	    (!l4 || p->proto != VEM_ACL_PROTO_TCP ||
	     !(p->tcp_flags & (VEM_ACL_TCP_ACK | VEM_ACL_TCP_RST))))
		return false;
	return true;
}

/* The index of the first rule p matches, or -1. */
static inline int ref_match(const struct vem_acl_rule *rules, unsigned int n,
		     const struct vem_acl_pkt *p)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (ref_rule_matches(&rules[i], p))
			return (int)i;
	return -1;
}

static inline bool ref_mac_zero(const u8 *m)
{
	static const u8 zero[6];

	return !memcmp(m, zero, 6);
}

static inline bool ref_port_valid(const struct vem_acl_port *c)
{
	if (c->op > VEM_ACL_PORT_RANGE)
		return false;
	return c->op != VEM_ACL_PORT_RANGE || c->lo <= c->hi;
}

/* What the header says an entry of a list of family may be. */
static inline bool ref_rule_valid(const struct vem_acl_rule *r, u8 family)
{
	bool tcp = (r->match & VEM_ACL_M_PROTO) && r->proto == VEM_ACL_PROTO_TCP;
	bool ports = (r->match & VEM_ACL_M_PROTO) &&
		     (r->proto == VEM_ACL_PROTO_TCP ||
		      r->proto == VEM_ACL_PROTO_UDP ||
		      r->proto == VEM_ACL_PROTO_SCTP);
	unsigned int max_len = family == VEM_ACL_IPV6 ? 128 : 32;

	if (r->family != family || family > VEM_ACL_IPV6 ||
	    r->action > VEM_ACL_DENY || (r->match & ~0x0f))
		return false;
	if (family == VEM_ACL_MAC)
		return !(r->match & ~VEM_ACL_M_ETHERTYPE) && !r->src_len &&
		       !r->dst_len && r->sport.op == VEM_ACL_PORT_ANY &&
		       r->dport.op == VEM_ACL_PORT_ANY;
	if ((r->match & VEM_ACL_M_ETHERTYPE) ||
	    !ref_mac_zero(r->src_mac_mask) || !ref_mac_zero(r->dst_mac_mask))
		return false;
	if (r->src_len > max_len || r->dst_len > max_len)
		return false;
	if ((r->match & VEM_ACL_M_DSCP) && r->dscp > 63)
		return false;
	if (!ref_port_valid(&r->sport) || !ref_port_valid(&r->dport))
		return false;
	if ((r->sport.op || r->dport.op) && !ports)
		return false;
	if ((r->match & VEM_ACL_M_ESTABLISHED) && !tcp)
		return false;
	return true;
}

static inline bool ref_valid(const struct vem_acl_rule *rules, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!ref_rule_valid(&rules[i], rules[0].family))
			return false;
	return true;
}

/* ------------------------------------------------------ the generator -- */

/*
 * Choices: from data while it lasts, then from a PRNG (xorshift64*, which
 * rng seeds: never 0). A fuzzer's short input so still makes long lists,
 * the same every time.
 */
struct acl_src {
	const uint8_t *data;
	size_t len;
	size_t pos;
	uint64_t rng;
	bool invalid;		/* may generate entries that are not valid */
	/* Addresses, ports and MACs a list and its packets share. */
	u8 addr[4][16];
	u8 mac[4][6];
};

static inline uint8_t src_u8(struct acl_src *s)
{
	if (s->pos < s->len)
		return s->data[s->pos++];
	s->rng ^= s->rng >> 12;
	s->rng ^= s->rng << 25;
	s->rng ^= s->rng >> 27;
	return (uint8_t)((s->rng * 0x2545f4914f6cdd1dULL) >> 56);
}

/* A seed from data (FNV-1a), for what comes after it. */
static inline uint64_t src_seed(const uint8_t *data, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ data[i]) * 0x100000001b3ULL;
	return h | 1;
}

static inline uint16_t src_u16(struct acl_src *s)
{
	uint16_t hi = src_u8(s);

	return (uint16_t)(hi << 8 | src_u8(s));
}

/* 0..n-1, n <= 65536. */
static inline unsigned int src_below(struct acl_src *s, unsigned int n)
{
	return n <= 256 ? src_u8(s) % n : src_u16(s) % n;
}

static inline void src_bytes(struct acl_src *s, u8 *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = src_u8(s);
}

/* New shared addresses for a list: some close to others. */
static inline void gen_pools(struct acl_src *s)
{
	unsigned int i;

	for (i = 0; i < 4; i++) {
		src_bytes(s, s->addr[i], 16);
		src_bytes(s, s->mac[i], 6);
	}
	s->addr[1][0] = s->addr[0][0];	/* a common first byte */
	memcpy(s->mac[1], s->mac[0], 3);	/* a common OUI */
}

/* An address from the pool, maybe with some bits changed. */
static inline void gen_addr(struct acl_src *s, u8 *a, unsigned int len)
{
	memcpy(a, s->addr[src_below(s, 4)], 16);
	switch (src_below(s, 4)) {
	case 0:
		break;
	case 1:		/* a neighbour */
		a[len - 1] ^= 1 << src_below(s, 8);
		break;
	case 2:		/* any bit */
		a[src_below(s, len)] ^= 1 << src_below(s, 8);
		break;
	default:
		src_bytes(s, a, len);
		break;
	}
}

static inline unsigned int gen_len(struct acl_src *s, u8 family)
{
	static const u8 v4[] = { 0, 8, 16, 24, 31, 32, 32, 32 };
	static const u8 v6[] = { 0, 32, 48, 64, 127, 128, 128, 128 };
	unsigned int max = family == VEM_ACL_IPV6 ? 128 : 32;
	unsigned int c = src_below(s, 10);

	if (c < 8)
		return family == VEM_ACL_IPV6 ? v6[c] : v4[c];
	if (s->invalid && c == 9 && !src_below(s, 8))
		return max + 1 + src_below(s, 3);
	return src_below(s, max + 1);
}

static inline u16 gen_port(struct acl_src *s)
{
	static const u16 pool[] = { 0, 1, 22, 80, 443, 1023, 1024, 2000,
				    65534, 65535 };
	unsigned int c = src_below(s, 14);

	return c < 10 ? pool[c] : src_u16(s);
}

static inline void gen_port_cond(struct acl_src *s, struct vem_acl_port *c)
{
	c->op = src_below(s, 8);
	if (c->op > VEM_ACL_PORT_RANGE)
		c->op = VEM_ACL_PORT_ANY;
	if (s->invalid && !src_below(s, 64))
		c->op = 6 + src_below(s, 4);
	c->lo = gen_port(s);
	c->hi = c->op == VEM_ACL_PORT_RANGE ? gen_port(s) : 0;
	if (c->op == VEM_ACL_PORT_RANGE && c->lo > c->hi &&
	    !(s->invalid && !src_below(s, 16))) {
		u16 t = c->lo;

		c->lo = c->hi;
		c->hi = t;
	}
}

static const u8 gen_protos[] = {
	VEM_ACL_PROTO_TCP, VEM_ACL_PROTO_TCP, VEM_ACL_PROTO_UDP,
	VEM_ACL_PROTO_ICMP, VEM_ACL_PROTO_ICMPV6, VEM_ACL_PROTO_SCTP, 47, 0,
};

static const u16 gen_types[] = { 0x0800, 0x86dd, 0x0806 };

static inline void gen_mac_mask(struct acl_src *s, u8 *m)
{
	static const u8 masks[][6] = {
		{ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
		{ 0, 0, 0, 0, 0, 0 },
		{ 0xff, 0xff, 0xff, 0, 0, 0 },
		{ 0x01, 0, 0, 0, 0, 0 },
	};
	unsigned int c = src_below(s, 6);

	if (c < 4)
		memcpy(m, masks[c], 6);
	else
		src_bytes(s, m, 6);
}

static inline void gen_rule(struct acl_src *s, u8 family, struct vem_acl_rule *r)
{
	unsigned int alen = family == VEM_ACL_IPV6 ? 16 : 4;
	bool ports;

	memset(r, 0, sizeof(*r));
	r->family = family;
	r->action = src_below(s, 2);
	if (family == VEM_ACL_MAC) {
		memcpy(r->src_mac, s->mac[src_below(s, 4)], 6);
		memcpy(r->dst_mac, s->mac[src_below(s, 4)], 6);
		gen_mac_mask(s, r->src_mac_mask);
		gen_mac_mask(s, r->dst_mac_mask);
		if (src_below(s, 2)) {
			unsigned int c = src_below(s, 4);

			r->match |= VEM_ACL_M_ETHERTYPE;
			r->ethertype = c < 3 ? gen_types[c] : src_u16(s);
		}
	} else {
		gen_addr(s, r->src, alen);
		gen_addr(s, r->dst, alen);
		r->src_len = gen_len(s, family);
		r->dst_len = gen_len(s, family);
		if (src_below(s, 4)) {
			unsigned int c = src_below(s, 9);

			r->match |= VEM_ACL_M_PROTO;
			r->proto = c < 8 ? gen_protos[c] : src_u8(s);
		}
		ports = (r->match & VEM_ACL_M_PROTO) &&
			(r->proto == VEM_ACL_PROTO_TCP ||
			 r->proto == VEM_ACL_PROTO_UDP ||
			 r->proto == VEM_ACL_PROTO_SCTP);
		if (ports || (s->invalid && !src_below(s, 32))) {
			gen_port_cond(s, &r->sport);
			gen_port_cond(s, &r->dport);
			if (src_below(s, 2))
				r->sport.op = VEM_ACL_PORT_ANY;
		}
		if ((r->match & VEM_ACL_M_PROTO &&
		     r->proto == VEM_ACL_PROTO_TCP && !src_below(s, 4)) ||
		    (s->invalid && !src_below(s, 64)))
			r->match |= VEM_ACL_M_ESTABLISHED;
		if (!src_below(s, 4)) {
			r->match |= VEM_ACL_M_DSCP;
			r->dscp = src_below(s, 64);
			if (s->invalid && !src_below(s, 32))
				r->dscp = 64 + src_below(s, 192);
		}
	}
	if (s->invalid && !src_below(s, 128)) {
		/* Something an entry must not have. */
		switch (src_below(s, 6)) {
		case 0:
			r->family = 1 + src_below(s, 3);
			break;
		case 1:
			r->action = 2 + src_below(s, 10);
			break;
		case 2:
			r->match |= 0x10 << src_below(s, 4);
			break;
		case 3:
			r->match |= VEM_ACL_M_ETHERTYPE | VEM_ACL_M_PROTO;
			break;
		case 4:
			r->src_mac_mask[src_below(s, 6)] |= 1;
			r->src_len = 1;
			break;
		default:
			r->dport.op = VEM_ACL_PORT_EQ;
			break;
		}
	}
}

/*
 * A packet: random, or made to sit on the edge of one of the rules (its
 * addresses, a port at or next to a bound) so that lists match often.
 */
static inline void gen_pkt(struct acl_src *s, u8 family,
		    const struct vem_acl_rule *rules, unsigned int n,
		    struct vem_acl_pkt *p)
{
	unsigned int alen = family == VEM_ACL_IPV6 ? 16 : 4;
	const struct vem_acl_rule *r = NULL;
	unsigned int c;

	memset(p, 0, sizeof(*p));
	p->family = family;
	if (family == VEM_ACL_MAC)
		p->family = src_below(s, 3);
	else if (!src_below(s, 16))
		p->family = src_below(s, 3);
	memcpy(p->src_mac, s->mac[src_below(s, 4)], 6);
	memcpy(p->dst_mac, s->mac[src_below(s, 4)], 6);
	if (!src_below(s, 4))
		p->dst_mac[src_below(s, 6)] ^= 1 << src_below(s, 8);
	c = src_below(s, 5);
	p->ethertype = c < 3 ? gen_types[c] : src_u16(s);
	gen_addr(s, p->src, alen);
	gen_addr(s, p->dst, alen);
	c = src_below(s, 9);
	p->proto = c < 8 ? gen_protos[c] : src_u8(s);
	p->dscp = src_u8(s);
	if (src_below(s, 4))
		p->dscp &= 63;
	p->flags = src_below(s, 4) ? VEM_ACL_PKT_L4 : 0;
	p->tcp_flags = src_u8(s);
	p->sport = gen_port(s);
	p->dport = gen_port(s);

	if (n && src_below(s, 2))
		r = &rules[src_below(s, n)];
	if (!r || r->family > VEM_ACL_IPV6)
		return;
	if (r->family == VEM_ACL_MAC) {
		if (src_below(s, 2))
			memcpy(p->src_mac, r->src_mac, 6);
		if (src_below(s, 2))
			memcpy(p->dst_mac, r->dst_mac, 6);
		if (r->match & VEM_ACL_M_ETHERTYPE && src_below(s, 2))
			p->ethertype = r->ethertype;
		return;
	}
	if (src_below(s, 4))
		memcpy(p->src, r->src, alen);
	if (src_below(s, 4))
		memcpy(p->dst, r->dst, alen);
	if (r->match & VEM_ACL_M_PROTO && src_below(s, 4))
		p->proto = r->proto;
	if (r->match & VEM_ACL_M_DSCP && src_below(s, 2))
		p->dscp = r->dscp;
	c = src_below(s, 6);
	if (c < 4) {
		const struct vem_acl_port *pc = c & 1 ? &r->dport : &r->sport;
		u16 v = c & 2 ? pc->hi : pc->lo;
		u16 *port = c & 1 ? &p->dport : &p->sport;

		switch (src_below(s, 3)) {
		case 0:
			*port = v;
			break;
		case 1:
			*port = (u16)(v + 1);
			break;
		default:
			*port = (u16)(v - 1);
			break;
		}
	}
}

#endif /* ACL_REF_H */
