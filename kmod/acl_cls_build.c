// SPDX-License-Identifier: GPL-2.0
/*
 * The ACL classifier, its compiler: entries to (mask, value) pairs, pairs
 * grouped by mask into merged tables, tables laid out in one block.
 * Build time only (may sleep); the block is then immutable and read by
 * acl_cls.c. See acl-classifier.md.
 *
 * This file is built in the kernel and in userspace: only
 * acl_cls_compat.h may differ between the two.
 */

#include "acl_cls.h"
#include "acl_cls_int.h"

/*
 * Shapes are merged into one table only if no key then holds more than
 * this many entries (or than it did before): a key hit costs up to this
 * many candidate checks, a table one hash probe per packet.
 */
#define ACL_CHAIN		4
/* Slots are added (up to 8 per key) while a key lies further than this. */
#define ACL_PROBE_GOAL		2
/* Merging visits at most this many entries in all: bounds build time. */
#define ACL_MERGE_BUDGET	(1U << 22)

/* An entry, compiled. */
struct bld_rule {
	u64 mask[ACL_WORDS];
	u64 val[ACL_WORDS];		/* & mask */
	struct acl_cand cand;
};

/* The entries of one mask: a run of bld.r once sorted. */
struct bld_shape {
	u32 first;
	u32 count;
	u32 min_index;
	u32 max_chain;			/* under its own mask */
	u32 next;			/* the next shape of its table */
};

struct bld_table {
	u64 mask[ACL_WORDS];		/* the meet of its shapes' masks */
	u32 shapes;			/* its first shape */
	u32 nrules;
	u32 max_chain;
	u32 min_index;
	u32 nslots;
	u32 max_probe;
};

/* An entry under a table's mask, sorted by key then index. */
struct bld_item {
	u64 key[ACL_WORDS];
	u32 index;
	u32 rule;			/* in bld.r */
};

struct bld {
	u8 family;
	unsigned int nw;		/* key words: 2, or 5 for IPv6 */
	struct bld_rule *r;
	u32 nr;				/* entries that can match */
	struct bld_shape *s;
	u32 ns;
	struct bld_table *t;
	u32 nt;
	struct bld_item *items;		/* scratch, nr */
	u32 *bits;			/* scratch, nr: per table */
	u32 *occupied;			/* scratch, 16 * nr + 2 */
	u32 budget;
};

/* ------------------------------------------------ compiling one entry -- */

/* A mask of the first len bits of a 64-bit word, len 0..64. */
static u64 pfx64(unsigned int len)
{
	return len ? ~0ULL << (64 - len) : 0;
}

/*
 * A port condition as a prefix of the port (mask, value) and, when the
 * set is not one aligned block, a residual range check. Returns false
 * if the condition holds for no port at all.
 */
static bool port_compile(const struct vem_acl_port *p, u16 *mask, u16 *val,
			 u16 *lo, u16 *hi, u8 *flags, u8 range, u8 neg)
{
	u32 l, h, m;

	switch (p->op) {
	case VEM_ACL_PORT_ANY:
		return true;
	case VEM_ACL_PORT_EQ:
		*mask = 0xffff;
		*val = p->lo;
		return true;
	case VEM_ACL_PORT_NEQ:
		*lo = p->lo;
		*hi = p->lo;
		*flags |= range | neg;
		return true;
	case VEM_ACL_PORT_LT:
		if (!p->lo)
			return false;
		l = 0;
		h = p->lo - 1;
		break;
	case VEM_ACL_PORT_GT:
		if (p->lo == 0xffff)
			return false;
		l = p->lo + 1;
		h = 0xffff;
		break;
	default:
		l = p->lo;
		h = p->hi;
		break;
	}
	/* The smallest aligned block holding [l, h]: their common prefix. */
	for (m = 0xffff; (l ^ h) & m; m = (m << 1) & 0xffff)
		;
	*mask = m;
	*val = l & m;
	if (l != (l & m) || h != ((l & m) | (~m & 0xffff))) {
		*lo = l;
		*hi = h;
		*flags |= range;
	}
	return true;
}

static bool port_valid(const struct vem_acl_port *p)
{
	return p->op <= VEM_ACL_PORT_RANGE &&
	       (p->op != VEM_ACL_PORT_RANGE || p->lo <= p->hi);
}

static bool mac_mask_zero(const u8 *m)
{
	return !(m[0] | m[1] | m[2] | m[3] | m[4] | m[5]);
}

/* The IP words of r into b: addresses, and the misc word at index nw - 1. */
static int ip_compile(const struct vem_acl_rule *r, struct bld_rule *b,
		      unsigned int nw)
{
	unsigned int max_len = nw == 2 ? 32 : 128;
	bool l4 = r->sport.op || r->dport.op;
	u16 sm = 0, sv = 0, dm = 0, dv = 0;
	u64 *mask = b->mask, *val = b->val;
	unsigned int i;

	if ((r->match & VEM_ACL_M_ETHERTYPE) ||
	    !mac_mask_zero(r->src_mac_mask) || !mac_mask_zero(r->dst_mac_mask))
		return -EINVAL;
	if (r->src_len > max_len || r->dst_len > max_len)
		return -EINVAL;
	if ((r->match & VEM_ACL_M_DSCP) && r->dscp > 63)
		return -EINVAL;
	if (!port_valid(&r->sport) || !port_valid(&r->dport))
		return -EINVAL;
	/* NX-OS has ports for TCP, UDP and SCTP only, established for TCP. */
	if (l4 && (!(r->match & VEM_ACL_M_PROTO) ||
		   (r->proto != VEM_ACL_PROTO_TCP &&
		    r->proto != VEM_ACL_PROTO_UDP &&
		    r->proto != VEM_ACL_PROTO_SCTP)))
		return -EINVAL;
	if ((r->match & VEM_ACL_M_ESTABLISHED) &&
	    (!(r->match & VEM_ACL_M_PROTO) || r->proto != VEM_ACL_PROTO_TCP))
		return -EINVAL;

	if (nw == 2) {
		mask[0] = pfx64(r->src_len) | pfx64(r->dst_len) >> 32;
		val[0] = (u64)acl_be32(r->src) << 32 | acl_be32(r->dst);
	} else {
		for (i = 0; i < 2; i++) {
			unsigned int sl = r->src_len, dl = r->dst_len;

			sl = sl > 64 * i ? sl - 64 * i : 0;
			dl = dl > 64 * i ? dl - 64 * i : 0;
			mask[i] = pfx64(sl < 64 ? sl : 64);
			mask[2 + i] = pfx64(dl < 64 ? dl : 64);
			val[i] = acl_be64(r->src + 8 * i);
			val[2 + i] = acl_be64(r->dst + 8 * i);
		}
	}

	if (!port_compile(&r->sport, &sm, &sv, &b->cand.slo, &b->cand.shi,
			  &b->cand.flags, CAND_SRANGE, CAND_SNEG) ||
	    !port_compile(&r->dport, &dm, &dv, &b->cand.dlo, &b->cand.dhi,
			  &b->cand.flags, CAND_DRANGE, CAND_DNEG))
		return 1;
	mask[nw - 1] = (u64)sm << KEY_SPORT_SHIFT | dm;
	val[nw - 1] = (u64)sv << KEY_SPORT_SHIFT | dv;
	if (r->match & VEM_ACL_M_PROTO) {
		mask[nw - 1] |= 0xffULL << KEY_PROTO_SHIFT;
		val[nw - 1] |= (u64)r->proto << KEY_PROTO_SHIFT;
	}
	if (r->match & VEM_ACL_M_DSCP) {
		mask[nw - 1] |= 0x3fULL << KEY_DSCP_SHIFT;
		val[nw - 1] |= (u64)r->dscp << KEY_DSCP_SHIFT;
	}
	if (l4 || (r->match & VEM_ACL_M_ESTABLISHED)) {
		mask[nw - 1] |= KEY_L4;
		val[nw - 1] |= KEY_L4;
	}
	if (r->match & VEM_ACL_M_ESTABLISHED) {
		mask[nw - 1] |= KEY_EST;
		val[nw - 1] |= KEY_EST;
	}
	return 0;
}

/*
 * Entry r (of a list of family) into b. Returns 0, 1 if it can match no
 * packet (then it is left out of the tables), or -EINVAL.
 */
static int rule_compile(const struct vem_acl_rule *r, u8 family, u32 index,
			struct bld_rule *b)
{
	unsigned int i, nw = family == VEM_ACL_IPV6 ? 5 : 2;
	int ret = 0;

	memset(b, 0, sizeof(*b));
	b->cand.index = index;
	if (family > VEM_ACL_IPV6 || r->family != family ||
	    r->action > VEM_ACL_DENY ||
	    (r->match & ~(VEM_ACL_M_PROTO | VEM_ACL_M_DSCP |
			  VEM_ACL_M_ESTABLISHED | VEM_ACL_M_ETHERTYPE)))
		return -EINVAL;
	if (family == VEM_ACL_MAC) {
		if ((r->match & ~VEM_ACL_M_ETHERTYPE) || r->src_len ||
		    r->dst_len || r->sport.op || r->dport.op)
			return -EINVAL;
		b->mask[0] = acl_be48(r->dst_mac_mask) << 16;
		b->val[0] = acl_be48(r->dst_mac) << 16;
		if (r->match & VEM_ACL_M_ETHERTYPE) {
			b->mask[0] |= 0xffff;
			b->val[0] |= r->ethertype;
		}
		b->mask[1] = acl_be48(r->src_mac_mask);
		b->val[1] = acl_be48(r->src_mac);
	} else {
		ret = ip_compile(r, b, nw);
		if (ret)
			return ret;
	}
	for (i = 0; i < nw; i++)
		b->val[i] &= b->mask[i];
	return 0;
}

/* ------------------------------------------------ grouping into tables -- */

static int u32_cmp(u32 a, u32 b)
{
	return (a > b) - (a < b);
}

static int words_cmp(const u64 *a, const u64 *b)
{
	unsigned int i;

	for (i = 0; i < ACL_WORDS; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

/* By mask, then index: each shape a run, in list order. */
static int rule_cmp(const void *a, const void *b)
{
	const struct bld_rule *x = a, *y = b;
	int c = words_cmp(x->mask, y->mask);

	return c ? c : u32_cmp(x->cand.index, y->cand.index);
}

/* The most populous shapes first; ties in list order. */
static int shape_cmp(const void *a, const void *b)
{
	const struct bld_shape *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return u32_cmp(x->min_index, y->min_index);
}

static int item_cmp(const void *a, const void *b)
{
	const struct bld_item *x = a, *y = b;
	int c = words_cmp(x->key, y->key);

	return c ? c : u32_cmp(x->index, y->index);
}

static int table_cmp(const void *a, const void *b)
{
	const struct bld_table *x = a, *y = b;

	return u32_cmp(x->min_index, y->min_index);
}

/* Appends the entries of shape si, keyed under mask, to b->items[n...]. */
static u32 add_shape(struct bld *b, u32 si, const u64 *mask, u32 n)
{
	const struct bld_shape *s = &b->s[si];
	unsigned int i, w;

	for (i = 0; i < s->count; i++, n++) {
		const struct bld_rule *r = &b->r[s->first + i];
		struct bld_item *it = &b->items[n];

		for (w = 0; w < ACL_WORDS; w++)
			it->key[w] = r->val[w] & mask[w];
		it->index = r->cand.index;
		it->rule = s->first + i;
	}
	return n;
}

/* Item i has the key of item i - 1. */
static bool key_repeats(const struct bld *b, u32 i)
{
	return i && !words_cmp(b->items[i - 1].key, b->items[i].key);
}

/* Sorts b->items[0..n) by key; returns the most entries sharing a key. */
static u32 items_sort(struct bld *b, u32 n)
{
	u32 i, run = 1, max = n ? 1 : 0;

	acl_sort(b->items, n, sizeof(*b->items), item_cmp);
	for (i = 1; i < n; i++) {
		run = key_repeats(b, i) ? run + 1 : 1;
		if (run > max)
			max = run;
	}
	return max;
}

/* b->items: the entries of table t keyed under mask, sorted. */
static u32 table_items(struct bld *b, const struct bld_table *t,
		       const u64 *mask, u32 extra, u32 *max_chain)
{
	u32 si, n = 0;

	for (si = t->shapes; si != ACL_NONE; si = b->s[si].next)
		n = add_shape(b, si, mask, n);
	if (extra != ACL_NONE)
		n = add_shape(b, extra, mask, n);
	*max_chain = items_sort(b, n);
	return n;
}

static unsigned int popcount64(u64 x)
{
	x = x - ((x >> 1) & 0x5555555555555555ULL);
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (x * 0x0101010101010101ULL) >> 56;
}

/* Sorts the live entries by mask into shapes, each with its longest chain. */
static void find_shapes(struct bld *b)
{
	struct bld_table one = { .shapes = ACL_NONE };
	u32 i;

	acl_sort(b->r, b->nr, sizeof(*b->r), rule_cmp);
	for (i = 0; i < b->nr; i++) {
		struct bld_shape *s = &b->s[b->ns];

		if (i && !words_cmp(b->r[i - 1].mask, b->r[i].mask)) {
			s[-1].count++;
			continue;
		}
		s->first = i;
		s->count = 1;
		s->min_index = b->r[i].cand.index;
		b->ns++;
	}
	for (i = 0; i < b->ns; i++)
		table_items(b, &one, b->r[b->s[i].first].mask, i,
			    &b->s[i].max_chain);
	acl_sort(b->s, b->ns, sizeof(*b->s), shape_cmp);
}

/*
 * The table shape si can join, or ACL_NONE: of those under which no key
 * then has more than ACL_CHAIN entries (or than it or the table had), the
 * one whose merged mask keeps the most bits. Tries them finest first.
 */
static u32 find_table(struct bld *b, u32 si, u32 *chain)
{
	const struct bld_shape *s = &b->s[si];
	const u64 *smask = b->r[s->first].mask;
	u32 ti, w, best;
	u64 m[ACL_WORDS];

	if (b->budget < b->nt)
		return ACL_NONE;
	b->budget -= b->nt;
	for (ti = 0; ti < b->nt; ti++) {
		b->bits[ti] = 0;
		for (w = 0; w < ACL_WORDS; w++)
			b->bits[ti] += popcount64(b->t[ti].mask[w] & smask[w]);
	}
	for (;;) {
		const struct bld_table *t;
		u32 limit, cost;

		best = ACL_NONE;
		for (ti = 0; ti < b->nt; ti++)
			if (b->bits[ti] != ACL_NONE &&
			    (best == ACL_NONE || b->bits[ti] > b->bits[best]))
				best = ti;
		if (best == ACL_NONE)
			return ACL_NONE;
		t = &b->t[best];
		b->bits[best] = ACL_NONE;	/* tried */
		cost = b->nt + t->nrules + s->count;
		if (cost > b->budget)
			return ACL_NONE;
		b->budget -= cost;
		for (w = 0; w < ACL_WORDS; w++)
			m[w] = t->mask[w] & smask[w];
		table_items(b, t, m, si, chain);
		limit = ACL_CHAIN;
		if (limit < t->max_chain)
			limit = t->max_chain;
		if (limit < s->max_chain)
			limit = s->max_chain;
		if (*chain <= limit)
			return best;
	}
}

/*
 * Groups the entries into tables: each shape, most populous first, joins
 * the table find_table() gives, under the meet of their masks, or starts
 * a new one. Greedy, and bounded by ACL_MERGE_BUDGET: once it is spent,
 * every shape left gets a table of its own.
 */
static void plan(struct bld *b)
{
	struct bld_table *t;
	u32 si, ti, w, chain;

	find_shapes(b);
	for (si = 0; si < b->ns; si++) {
		struct bld_shape *s = &b->s[si];
		const u64 *smask = b->r[s->first].mask;

		ti = find_table(b, si, &chain);
		if (ti == ACL_NONE) {
			t = &b->t[b->nt++];
			memcpy(t->mask, smask, sizeof(t->mask));
			t->shapes = ACL_NONE;
			t->max_chain = s->max_chain;
			t->min_index = s->min_index;
		} else {
			t = &b->t[ti];
			for (w = 0; w < ACL_WORDS; w++)
				t->mask[w] &= smask[w];
			t->max_chain = chain;
			if (t->min_index > s->min_index)
				t->min_index = s->min_index;
		}
		s->next = t->shapes;
		t->shapes = si;
		t->nrules += s->count;
	}
	acl_sort(b->t, b->nt, sizeof(*b->t), table_cmp);
}

/* ------------------------------------------------------------ layout -- */

static u32 log2_u32(u32 x)
{
	u32 n = 0;

	while (x >>= 1)
		n++;
	return n;
}

/*
 * Sizes table t's slots: a power of two, at least twice its keys, more
 * while a key lies further than ACL_PROBE_GOAL from its hash (up to
 * eight per key). Leaves its sorted entries in b->items.
 */
static u32 table_size(struct bld *b, struct bld_table *t)
{
	u32 n, nkeys = 0, nslots = 2, i, chain;

	n = table_items(b, t, t->mask, ACL_NONE, &chain);
	for (i = 0; i < n; i++)
		nkeys += !key_repeats(b, i);
	while (nslots < 2 * nkeys)
		nslots <<= 1;
	for (;;) {
		u32 shift = 64 - log2_u32(nslots), max_probe = 0;

		memset(b->occupied, 0, nslots * sizeof(*b->occupied));
		for (i = 0; i < n; i++) {
			u32 pos, d;

			if (key_repeats(b, i))
				continue;
			pos = acl_hash(b->items[i].key, b->nw) >> shift;
			for (d = 0; b->occupied[pos]; d++)
				pos = (pos + 1) & (nslots - 1);
			b->occupied[pos] = 1;
			if (d > max_probe)
				max_probe = d;
		}
		t->nslots = nslots;
		t->max_probe = max_probe;
		if (max_probe <= ACL_PROBE_GOAL || nslots >= 8 * nkeys)
			return n;
		nslots <<= 1;
	}
}

/*
 * Writes table t (sized) into at, its slots at slots, its candidates
 * from cands[*ci] and their words from cwords[*ci * 2 * nw]. Returns its
 * longest chain.
 */
static u32 table_fill(struct bld *b, const struct bld_table *t,
		      struct acl_table *at, u64 *slots,
		      struct acl_cand *cands, u64 *cwords, u32 *ci)
{
	unsigned int nw = b->nw, w;
	u32 n, i, j, pos, chain;

	n = table_items(b, t, t->mask, ACL_NONE, &chain);
	memcpy(at->mask, t->mask, sizeof(at->mask));
	at->slots = slots;
	at->min_index = t->min_index;
	at->slot_mask = t->nslots - 1;
	at->max_probe = t->max_probe;
	at->shift = 64 - log2_u32(t->nslots);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && key_repeats(b, j); j++)
			;
		/* The same probe sequence as table_size(): same slots. */
		pos = acl_hash(b->items[i].key, nw) >> at->shift;
		while (slots[(size_t)pos * (nw + 1) + nw])
			pos = (pos + 1) & at->slot_mask;
		memcpy(&slots[(size_t)pos * (nw + 1)], b->items[i].key,
		       nw * sizeof(u64));
		slots[(size_t)pos * (nw + 1) + nw] = *ci | (u64)(j - i) << 32;
		for (; i < j; i++, (*ci)++) {
			const struct bld_rule *r = &b->r[b->items[i].rule];
			struct acl_cand *c = &cands[*ci];
			u64 *cw = &cwords[(size_t)*ci * 2 * nw];

			*c = r->cand;
			if (!(c->flags & (CAND_SRANGE | CAND_DRANGE)) &&
			    !words_cmp(r->mask, t->mask))
				c->flags |= CAND_EXACT;
			for (w = 0; w < nw; w++) {
				cw[w] = r->mask[w];
				cw[nw + w] = r->val[w];
			}
		}
	}
	return chain;
}

/* The block: header, tables, slots, candidate words, candidates, actions. */
static struct vem_acl_cls *layout(struct bld *b,
				  const struct vem_acl_rule *rules, u32 n)
{
	size_t nslots = 0, bytes;
	struct vem_acl_cls *cls;
	struct acl_cand *cands;
	struct acl_table *at;
	u64 *slots, *cwords;
	u8 *actions;
	u32 ti, ci = 0, chain;

	for (ti = 0; ti < b->nt; ti++) {
		table_size(b, &b->t[ti]);
		nslots += b->t[ti].nslots;
	}
	bytes = sizeof(*cls) + b->nt * sizeof(*at) +
		nslots * (b->nw + 1) * sizeof(u64) +
		(size_t)b->nr * 2 * b->nw * sizeof(u64) +
		(size_t)b->nr * sizeof(struct acl_cand) + n;
	cls = acl_zalloc(bytes);
	if (!cls)
		return NULL;
	cls->bytes = bytes;
	cls->nrules = n;
	cls->ntables = b->nt;
	cls->family = b->family;
	at = (struct acl_table *)cls->data;
	slots = (u64 *)(at + b->nt);
	cwords = slots + nslots * (b->nw + 1);
	cands = (struct acl_cand *)(cwords + (size_t)b->nr * 2 * b->nw);
	actions = (u8 *)(cands + b->nr);
	cls->tables = at;
	cls->cwords = cwords;
	cls->cands = cands;
	cls->actions = actions;
	for (ti = 0; ti < b->nt; ti++) {
		chain = table_fill(b, &b->t[ti], &at[ti], slots, cands, cwords,
				   &ci);
		slots += (size_t)b->t[ti].nslots * (b->nw + 1);
		if (chain > cls->max_chain)
			cls->max_chain = chain;
		if (b->t[ti].max_probe > cls->max_probe)
			cls->max_probe = b->t[ti].max_probe;
	}
	for (ti = 0; ti < n; ti++)
		actions[ti] = rules[ti].action;
	return cls;
}

/*
 * May sleep. Compiles rules[0..n), in order (the first match wins), all
 * of one family, into *out: one block, to be freed with
 * vem_acl_cls_free(). Returns 0, -EINVAL for an entry that is not valid
 * (see struct vem_acl_rule), -E2BIG for more than VEM_ACL_MAX_RULES,
 * -ENOMEM. n == 0 gives a list that matches nothing.
 */
int vem_acl_cls_build(const struct vem_acl_rule *rules, unsigned int n,
		      struct vem_acl_cls **out)
{
	struct bld b = { .budget = ACL_MERGE_BUDGET };
	struct vem_acl_cls *cls = NULL;
	int ret = -ENOMEM;
	u32 i;

	if (n > VEM_ACL_MAX_RULES)
		return -E2BIG;
	if (n && !rules)
		return -EINVAL;
	b.family = n ? rules[0].family : VEM_ACL_MAC;
	b.nw = b.family == VEM_ACL_IPV6 ? 5 : 2;
	/* n + 1: no zero-sized allocation, whatever calloc(1, 0) does. */
	b.r = acl_zalloc((n + 1) * sizeof(*b.r));
	b.s = acl_zalloc((n + 1) * sizeof(*b.s));
	b.t = acl_zalloc((n + 1) * sizeof(*b.t));
	b.items = acl_zalloc((n + 1) * sizeof(*b.items));
	b.bits = acl_zalloc((n + 1) * sizeof(*b.bits));
	b.occupied = acl_zalloc((16 * n + 2) * sizeof(*b.occupied));
	if (!b.r || !b.s || !b.t || !b.items || !b.bits || !b.occupied)
		goto out;
	for (i = 0; i < n; i++) {
		ret = rule_compile(&rules[i], b.family, i, &b.r[b.nr]);
		if (ret < 0)
			goto out;
		if (!ret)
			b.nr++;
	}
	plan(&b);
	ret = -ENOMEM;
	cls = layout(&b, rules, n);
	if (cls) {
		*out = cls;
		ret = 0;
	}
out:
	acl_free(b.occupied);
	acl_free(b.bits);
	acl_free(b.items);
	acl_free(b.t);
	acl_free(b.s);
	acl_free(b.r);
	return ret;
}
