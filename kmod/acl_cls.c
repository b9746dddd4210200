// SPDX-License-Identifier: GPL-2.0
/*
 * The ACL classifier, its lookup: tuple space search over merged masks.
 *
 * A compiled list (acl_cls_build.c) is a few hash tables, one mask each,
 * keyed by the masked packet key; every slot holds the entries sharing
 * that key, in list order. A packet probes the tables in order of the
 * best entry each holds and stops as soon as no table left can hold a
 * better one than the match it has. The cost per packet follows the
 * number of tables (distinct entry shapes, merged), not of entries. See
 * acl-classifier.md.
 *
 * This file is built in the kernel and in userspace: only
 * acl_cls_compat.h may differ between the two.
 */

#include "acl_cls.h"
#include "acl_cls_int.h"

/* The word of proto, DSCP, L4 presence, established and ports. */
static __always_inline u64 ip_misc(const struct vem_acl_pkt *pkt,
				   struct acl_key *k)
{
	u64 w = (u64)pkt->proto << KEY_PROTO_SHIFT |
		(u64)(pkt->dscp & 0x3f) << KEY_DSCP_SHIFT;

	k->sport = 0;
	k->dport = 0;
	if (!(pkt->flags & VEM_ACL_PKT_L4))
		return w;
	k->sport = pkt->sport;
	k->dport = pkt->dport;
	w |= KEY_L4 | (u64)pkt->sport << KEY_SPORT_SHIFT | pkt->dport;
	if (pkt->proto == VEM_ACL_PROTO_TCP &&
	    (pkt->tcp_flags & (VEM_ACL_TCP_ACK | VEM_ACL_TCP_RST)))
		w |= KEY_EST;
	return w;
}

static __always_inline bool port_ok(u16 port, u16 lo, u16 hi, bool neg)
{
	return (port >= lo && port <= hi) != neg;
}

/* The full check of candidate ci, whose table key matched. */
static __always_inline bool cand_match(const struct vem_acl_cls *cls, u32 ci,
				       const struct acl_key *k,
				       const unsigned int nw)
{
	const struct acl_cand *c = &cls->cands[ci];
	const u64 *cw;
	unsigned int i;

	if (c->flags & CAND_EXACT)
		return true;
	cw = cls->cwords + (size_t)ci * 2 * nw;
	for (i = 0; i < nw; i++)
		if ((k->w[i] & cw[i]) != cw[nw + i])
			return false;
	if ((c->flags & CAND_SRANGE) &&
	    !port_ok(k->sport, c->slo, c->shi, c->flags & CAND_SNEG))
		return false;
	if ((c->flags & CAND_DRANGE) &&
	    !port_ok(k->dport, c->dlo, c->dhi, c->flags & CAND_DNEG))
		return false;
	return true;
}

/*
 * The lowest index of an entry matching k, or ACL_NONE. Inlined once per
 * key width so that the word loops unroll. Bounded: at most ntables
 * tables, max_probe + 1 slots each, the candidates of one slot each.
 */
static __always_inline u32 cls_lookup(const struct vem_acl_cls *cls,
				      const struct acl_key *k,
				      const unsigned int nw)
{
	const struct acl_table *t = cls->tables;
	const struct acl_table *end = t + cls->ntables;
	u32 best = ACL_NONE;

	for (; t < end && t->min_index < best; t++) {
		u64 mk[ACL_WORDS];
		u32 pos, probe, ci, ce;
		unsigned int i;

		for (i = 0; i < nw; i++)
			mk[i] = k->w[i] & t->mask[i];
		pos = acl_hash(mk, nw) >> t->shift;
		for (probe = 0; probe <= t->max_probe; probe++) {
			const u64 *s = t->slots + (size_t)pos * (nw + 1);
			u64 meta = s[nw];

			if (!meta)
				break;
			for (i = 0; i < nw && s[i] == mk[i]; i++)
				;
			if (i < nw) {
				pos = (pos + 1) & t->slot_mask;
				continue;
			}
			ce = (u32)meta + (u32)(meta >> 32);
			for (ci = (u32)meta; ci < ce; ci++) {
				if (cls->cands[ci].index >= best)
					break;
				if (cand_match(cls, ci, k, nw)) {
					best = cls->cands[ci].index;
					break;
				}
			}
			break;
		}
	}
	return best;
}

/*
 * Called under RCU, any context: no allocation, no lock, no recursion.
 * Returns the index of the first entry pkt matches, or -1 (the implicit
 * deny; also for an IP packet of the other family, or not IP).
 */
int vem_acl_cls_match(const struct vem_acl_cls *cls,
		      const struct vem_acl_pkt *pkt)
{
	struct acl_key k;
	u32 best;

	switch (cls->family) {
	case VEM_ACL_IPV4:
		if (pkt->family != VEM_ACL_IPV4)
			return -1;
		k.w[0] = (u64)acl_be32(pkt->src) << 32 | acl_be32(pkt->dst);
		k.w[1] = ip_misc(pkt, &k);
		best = cls_lookup(cls, &k, 2);
		break;
	case VEM_ACL_IPV6:
		if (pkt->family != VEM_ACL_IPV6)
			return -1;
		k.w[0] = acl_be64(pkt->src);
		k.w[1] = acl_be64(pkt->src + 8);
		k.w[2] = acl_be64(pkt->dst);
		k.w[3] = acl_be64(pkt->dst + 8);
		k.w[4] = ip_misc(pkt, &k);
		best = cls_lookup(cls, &k, 5);
		break;
	default:
		k.w[0] = acl_be48(pkt->dst_mac) << 16 | pkt->ethertype;
		k.w[1] = acl_be48(pkt->src_mac);
		k.sport = 0;
		k.dport = 0;
		best = cls_lookup(cls, &k, 2);
		break;
	}
	return best == ACL_NONE ? -1 : (int)best;
}

/*
 * Any context. Whether entry index, as vem_acl_cls_match() returns it,
 * permits; -1 (no entry matched) is the implicit deny.
 */
bool vem_acl_cls_permits(const struct vem_acl_cls *cls, int index)
{
	return index >= 0 && (u32)index < cls->nrules &&
	       cls->actions[index] == VEM_ACL_PERMIT;
}

/* Any context. */
void vem_acl_cls_info(const struct vem_acl_cls *cls,
		      struct vem_acl_cls_info *info)
{
	info->rules = cls->nrules;
	info->tables = cls->ntables;
	info->max_chain = cls->max_chain;
	info->max_probe = cls->max_probe;
	info->bytes = cls->bytes;
}

/*
 * Process context, or an RCU callback (kvfree defers a vfree from
 * softirq), never under a spinlock. One block: once unpublished, free it
 * after a grace period (call_rcu or synchronize_rcu). NULL is fine.
 */
void vem_acl_cls_free(struct vem_acl_cls *cls)
{
	acl_free(cls);
}
