/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The inside of a compiled ACL (struct vem_acl_cls): shared by the lookup
 * (acl_cls.c) and the compiler (acl_cls_build.c), private to them.
 */
#ifndef _VEM_ACL_CLS_INT_H
#define _VEM_ACL_CLS_INT_H

#include "acl_cls_compat.h"

/*
 * The packet key: up to five 64-bit words, addresses loaded big-endian so
 * that a prefix is the high bits of a word.
 *
 *   IPv4: w0 = src:32 dst:32            w1 = misc
 *   IPv6: w0 w1 = src  w2 w3 = dst      w4 = misc
 *   MAC:  w0 = dst:48 ethertype:16      w1 = 0:16 src:48
 *
 *   misc = proto:8 dscp:8 0:6 est:1 l4:1 0:8 sport:16 dport:16
 *
 * l4 is set when the L4 header is there (not a non-first fragment); the
 * ports and est (TCP with ACK or RST) are zero without it. A rule with a
 * port condition or "established" has l4 in its mask: it cannot match a
 * packet without ports.
 */
#define ACL_WORDS		5
#define KEY_PROTO_SHIFT		56
#define KEY_DSCP_SHIFT		48
#define KEY_EST			(1ULL << 41)
#define KEY_L4			(1ULL << 40)
#define KEY_SPORT_SHIFT		16

#define ACL_NONE		0xffffffffU	/* no entry */

struct acl_key {
	u64 w[ACL_WORDS];
	u16 sport;		/* again, for the range checks */
	u16 dport;
};

/* struct acl_cand.flags */
#define CAND_SRANGE	0x01	/* sport in [slo, shi] ... */
#define CAND_SNEG	0x02	/* ... or, with this, not in it */
#define CAND_DRANGE	0x04
#define CAND_DNEG	0x08
#define CAND_EXACT	0x10	/* its mask is its table's: a key hit matches */

/*
 * A candidate: one entry in a table slot. Its mask and value words are
 * in vem_acl_cls.cwords (nw mask words, then nw value words, per
 * candidate), apart so that a candidate stays small.
 */
struct acl_cand {
	u32 index;		/* in the caller's list */
	u8 flags;		/* CAND_* */
	u16 slo, shi;
	u16 dlo, dhi;
};

/*
 * One hash table: open addressing, linear probing, a power of two slots
 * of nw key words and a meta word (first candidate | count << 32; zero:
 * empty). Every key is found within max_probe + 1 slots of its hash.
 */
struct acl_table {
	u64 mask[ACL_WORDS];
	const u64 *slots;
	u32 min_index;		/* its best entry: tables go in this order */
	u32 slot_mask;
	u32 max_probe;
	u32 shift;		/* 64 - log2(slots): the hash's top bits */
};

/* One allocation: this header, then the arrays it points into. */
struct vem_acl_cls {
	size_t bytes;
	u32 nrules;		/* as given, dead entries included */
	u32 ntables;
	u32 max_chain;
	u32 max_probe;
	u8 family;
	const struct acl_table *tables;
	const struct acl_cand *cands;	/* table by table, slot by slot */
	const u64 *cwords;
	const u8 *actions;		/* per entry, enum vem_acl_action */
	u64 data[];
};

/* Fibonacci hashing: multiply, keep the top bits. */
#define ACL_HASH_MUL	0x9e3779b97f4a7c15ULL

static __always_inline u64 acl_hash(const u64 *mk, const unsigned int nw)
{
	u64 h = 0;
	unsigned int i;

	for (i = 0; i < nw; i++)
		h = (h ^ mk[i]) * ACL_HASH_MUL;
	return h;
}

/* Big-endian loads, written so that compilers make one load and a bswap. */
static __always_inline u32 acl_be32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static __always_inline u64 acl_be64(const u8 *p)
{
	return (u64)acl_be32(p) << 32 | acl_be32(p + 4);
}

static __always_inline u64 acl_be48(const u8 *p)
{
	return (u64)acl_be32(p) << 16 | (u32)p[4] << 8 | p[5];
}

#endif /* _VEM_ACL_CLS_INT_H */
