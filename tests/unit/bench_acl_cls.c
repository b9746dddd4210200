// SPDX-License-Identifier: GPL-2.0
/*
 * bench_acl_cls.c - what one lookup of kmod/acl_cls.c costs against the
 * number of entries, next to a plain linear scan. Not a test: it prints
 * figures and never fails.
 *
 * The lists are like the one tools/bench will measure: N - 1 entries
 * that do not match the traffic, then one that permits it; the traffic
 * is one UDP flow (pktgen's), or random packets around the list. Two
 * kinds of list: "hosts" (deny ip any host 10.0.99.x, as bridge-policy
 * does with tc flower) and "mixed" (hosts, subnets, services with eq
 * ports, ranges, established, DSCP).
 *
 *   ./bench_acl_cls              time per lookup, N = 1, 10, 100, 1000
 *   ./bench_acl_cls -c KIND N    10^6 lookups of the flow only (-l: by
 *                                the linear scan), for instruction counts
 *                                under callgrind:
 *
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null \
 *     --toggle-collect=vem_acl_cls_match ./bench_acl_cls -c mixed 1000
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null \
 *     --toggle-collect=lin_match ./bench_acl_cls -l mixed 1000
 *
 * (Collected / 10^6 = instructions per lookup.)
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "acl_ref.h"

/* The flow: udp 10.0.0.1:9 -> 10.0.0.2:9 (pktgen's ports). */
static struct vem_acl_pkt flow(void)
{
	struct vem_acl_pkt p = {
		.family = VEM_ACL_IPV4, .ethertype = 0x0800,
		.proto = VEM_ACL_PROTO_UDP, .flags = VEM_ACL_PKT_L4,
		.sport = 9, .dport = 9,
		.src = { 10, 0, 0, 1 }, .dst = { 10, 0, 0, 2 },
	};

	return p;
}

static void set4(u8 *a, u8 x, u8 y, u8 z, u8 w)
{
	a[0] = x;
	a[1] = y;
	a[2] = z;
	a[3] = w;
}

/* Entry i of a list of n that the flow does not match. */
static void other(struct vem_acl_rule *r, unsigned int i, bool mixed)
{
	u8 a = i & 0xff, b = i >> 8;

	memset(r, 0, sizeof(*r));
	r->family = VEM_ACL_IPV4;
	r->action = VEM_ACL_DENY;
	if (!mixed) {
		set4(r->dst, 10, 1 + b, 99, a);
		r->dst_len = 32;
		return;
	}
	switch (i % 10) {
	case 0: case 1: case 2:		/* deny ip host X any */
		set4(r->src, 10, 1 + b, a, i % 7 + 1);
		r->src_len = 32;
		break;
	case 3: case 4:			/* permit tcp any host X eq P */
		r->action = VEM_ACL_PERMIT;
		set4(r->dst, 172, 16, b, a);
		r->dst_len = 32;
		r->match = VEM_ACL_M_PROTO;
		r->proto = VEM_ACL_PROTO_TCP;
		r->dport.op = VEM_ACL_PORT_EQ;
		r->dport.lo = 80 + i % 3 * 363;
		break;
	case 5:				/* deny ip X/24 any */
		set4(r->src, 192, 168, a, 0);
		r->src_len = 24;
		break;
	case 6:				/* permit udp X/16 Y/16 range */
		r->action = VEM_ACL_PERMIT;
		set4(r->src, 10, 100 + b, 0, 0);
		r->src_len = 16;
		set4(r->dst, 10, 250, a, 0);
		r->dst_len = 24;
		r->match = VEM_ACL_M_PROTO;
		r->proto = VEM_ACL_PROTO_UDP;
		r->dport.op = VEM_ACL_PORT_RANGE;
		r->dport.lo = 1000 + a;
		r->dport.hi = 2000 + a;
		break;
	case 7:				/* permit tcp X/24 any established */
		r->action = VEM_ACL_PERMIT;
		set4(r->src, 10, 1 + b, a, 0);
		r->src_len = 24;
		r->match = VEM_ACL_M_PROTO | VEM_ACL_M_ESTABLISHED;
		r->proto = VEM_ACL_PROTO_TCP;
		break;
	case 8:				/* deny udp any host X gt 1023 */
		set4(r->dst, 10, 2, b, a);
		r->dst_len = 32;
		r->match = VEM_ACL_M_PROTO;
		r->proto = VEM_ACL_PROTO_UDP;
		r->dport.op = VEM_ACL_PORT_GT;
		r->dport.lo = 1023;
		break;
	default:			/* deny ip X/8 any dscp */
		set4(r->src, 20 + a % 200, 0, 0, 0);
		r->src_len = 8;
		r->match = VEM_ACL_M_DSCP;
		r->dscp = i % 64;
		break;
	}
}

static struct vem_acl_rule *make_list(unsigned int n, bool mixed)
{
	struct vem_acl_rule *r = calloc(n, sizeof(*r));
	unsigned int i;

	for (i = 0; i + 1 < n; i++)
		other(&r[i], i, mixed);
	/* permit udp any host 10.0.0.2 */
	r[n - 1].family = VEM_ACL_IPV4;
	r[n - 1].action = VEM_ACL_PERMIT;
	r[n - 1].match = VEM_ACL_M_PROTO;
	r[n - 1].proto = VEM_ACL_PROTO_UDP;
	set4(r[n - 1].dst, 10, 0, 0, 2);
	r[n - 1].dst_len = 32;
	return r;
}

/*
 * The linear scan a straightforward implementation would do: masks
 * computed once, then every entry in turn, each condition on its own.
 */
struct lin_rule {
	u32 smask, sval, dmask, dval;
	const struct vem_acl_rule *r;
};

static u32 be32(const u8 *p)
{
	return (u32)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

static struct lin_rule *lin_build(const struct vem_acl_rule *r, unsigned int n)
{
	struct lin_rule *l = calloc(n, sizeof(*l));
	unsigned int i;

	for (i = 0; i < n; i++) {
		l[i].smask = r[i].src_len ? ~0U << (32 - r[i].src_len) : 0;
		l[i].dmask = r[i].dst_len ? ~0U << (32 - r[i].dst_len) : 0;
		l[i].sval = be32(r[i].src) & l[i].smask;
		l[i].dval = be32(r[i].dst) & l[i].dmask;
		l[i].r = &r[i];
	}
	return l;
}

static __attribute__((noinline))
int lin_match(const struct lin_rule *l, unsigned int n,
		     const struct vem_acl_pkt *p)
{
	u32 src = be32(p->src), dst = be32(p->dst);
	bool l4 = p->flags & VEM_ACL_PKT_L4;
	unsigned int i;

	for (i = 0; i < n; i++) {
		const struct vem_acl_rule *r = l[i].r;

		if ((src & l[i].smask) != l[i].sval ||
		    (dst & l[i].dmask) != l[i].dval)
			continue;
		if ((r->match & VEM_ACL_M_PROTO) && p->proto != r->proto)
			continue;
		if ((r->match & VEM_ACL_M_DSCP) && (p->dscp & 63) != r->dscp)
			continue;
		if (r->sport.op && (!l4 || !ref_port(&r->sport, p->sport)))
			continue;
		if (r->dport.op && (!l4 || !ref_port(&r->dport, p->dport)))
			continue;
		if ((r->match & VEM_ACL_M_ESTABLISHED) &&
		    (!l4 || p->proto != VEM_ACL_PROTO_TCP ||
		     !(p->tcp_flags & (VEM_ACL_TCP_ACK | VEM_ACL_TCP_RST))))
			continue;
		return (int)i;
	}
	return -1;
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

#define NPKTS	1024

/* ns per lookup over pkts[0..npkts), best of 5 runs. */
static double time_cls(const struct vem_acl_cls *cls,
		       const struct vem_acl_pkt *pkts, unsigned int npkts,
		       unsigned int iters, long *sink)
{
	double best = 1e9;
	unsigned int run, i;

	for (run = 0; run < 5; run++) {
		double t0 = now(), t;

		for (i = 0; i < iters; i++)
			*sink += vem_acl_cls_match(cls, &pkts[i % npkts]);
		t = (now() - t0) / iters * 1e9;
		if (t < best)
			best = t;
	}
	return best;
}

static double time_lin(const struct lin_rule *l, unsigned int n,
		       const struct vem_acl_pkt *pkts, unsigned int npkts,
		       unsigned int iters, long *sink)
{
	double best = 1e9;
	unsigned int run, i;

	for (run = 0; run < 5; run++) {
		double t0 = now(), t;

		for (i = 0; i < iters; i++) {
			const struct vem_acl_pkt *p = &pkts[i % npkts];

			__asm__ volatile("" : "+r"(p));
			*sink += lin_match(l, n, p);
		}
		t = (now() - t0) / iters * 1e9;
		if (t < best)
			best = t;
	}
	return best;
}

static int calls(bool linear, const char *kind, unsigned int n)
{
	struct vem_acl_rule *r = make_list(n, !strcmp(kind, "mixed"));
	struct lin_rule *l = lin_build(r, n);
	struct vem_acl_pkt p = flow();
	struct vem_acl_cls *cls;
	long sink = 0;
	unsigned int i;

	if (vem_acl_cls_build(r, n, &cls))
		return 1;
	for (i = 0; i < 1000000; i++) {
		const struct vem_acl_pkt *pp = &p;

		__asm__ volatile("" : "+r"(pp));
		sink += linear ? lin_match(l, n, pp) : vem_acl_cls_match(cls, pp);
	}
	printf("%s %u: %ld\n", kind, n, sink / 1000000);
	vem_acl_cls_free(cls);
	free(l);
	free(r);
	return 0;
}

int main(int argc, char **argv)
{
	static const unsigned int sizes[] = { 1, 10, 100, 1000 };
	static const char *kinds[] = { "hosts", "mixed" };
	struct vem_acl_pkt *pkts = calloc(NPKTS, sizeof(*pkts));
	double base_flow = 0, base_mix = 0;
	unsigned int k, s, i;
	long sink = 0;

	if (argc == 4 && (!strcmp(argv[1], "-c") || !strcmp(argv[1], "-l")))
		return calls(argv[1][1] == 'l', argv[2],
			     strtoul(argv[3], NULL, 10));

	printf("ns per lookup (best of 5); flow: one UDP flow matching the last entry;\n"
	       "random: packets around the list; ratio: N entries / 1 entry\n\n");
	printf("%-6s %5s %6s %5s %8s %8s %6s %8s %8s %6s %9s\n", "list", "N",
	       "tables", "chain", "cls flow", "lin flow", "ratio",
	       "cls rand", "lin rand", "ratio", "build ms");
	for (k = 0; k < 2; k++) {
		for (s = 0; s < 4; s++) {
			unsigned int n = sizes[s];
			struct vem_acl_rule *r = make_list(n, k);
			struct lin_rule *l = lin_build(r, n);
			struct acl_src src = { .rng = 1 };
			struct vem_acl_pkt f = flow();
			struct vem_acl_cls_info info;
			struct vem_acl_cls *cls;
			double tf, lf, tr, lr, t0, tb;
			unsigned int iters;

			t0 = now();
			if (vem_acl_cls_build(r, n, &cls))
				return 1;
			tb = (now() - t0) * 1e3;
			vem_acl_cls_info(cls, &info);
			gen_pools(&src);
			set4(src.addr[0], 10, 0, 0, 2);
			for (i = 0; i < NPKTS; i++) {
				gen_pkt(&src, VEM_ACL_IPV4, r, n, &pkts[i]);
				if (vem_acl_cls_match(cls, &pkts[i]) !=
				    ref_match(r, n, &pkts[i]))
					printf("MISMATCH\n");
			}
			iters = n > 100 ? 200000 : 2000000;
			tf = time_cls(cls, &f, 1, 2000000, &sink);
			lf = time_lin(l, n, &f, 1, iters, &sink);
			tr = time_cls(cls, pkts, NPKTS, 2000000, &sink);
			lr = time_lin(l, n, pkts, NPKTS, iters, &sink);
			if (n == 1) {
				base_flow = tf;
				base_mix = tr;
			}
			printf("%-6s %5u %6u %5u %8.1f %8.1f %6.2f %8.1f %8.1f %6.2f %9.2f\n",
			       kinds[k], n, info.tables, info.max_chain, tf, lf,
			       tf / base_flow, tr, lr, tr / base_mix, tb);
			vem_acl_cls_free(cls);
			free(l);
			free(r);
		}
	}
	free(pkts);
	return sink == 42;	/* keeps the lookups; never 42 in practice */
}
