/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ACL classifier: an ordered list of parsed ACL entries (one family:
 * MAC, IPv4 or IPv6) compiled into one immutable block that finds, for a
 * packet's fields, the first entry the packet matches. Portable C, built
 * into vem.ko and into the userspace tests (acl_cls_compat.h). How it
 * works and what it costs: acl-classifier.md.
 *
 * Byte orders: addresses (IP and MAC) are byte arrays in network order;
 * ports and ethertypes are host-order integers.
 */
#ifndef _VEM_ACL_CLS_H
#define _VEM_ACL_CLS_H

#include "acl_cls_compat.h"

/* At most this many entries in one list: vem_acl_cls_build() says -E2BIG. */
#define VEM_ACL_MAX_RULES	4096

/* The list an entry belongs to; also what a packet is (struct vem_acl_pkt). */
enum vem_acl_cls_family {
	VEM_ACL_MAC,		/* MAC list; as a packet's family: not IP */
	VEM_ACL_IPV4,
	VEM_ACL_IPV6,
};

enum vem_acl_action {
	VEM_ACL_PERMIT,
	VEM_ACL_DENY,
};

/* IP protocol numbers the classifier gives a meaning to. */
#define VEM_ACL_PROTO_ICMP	1
#define VEM_ACL_PROTO_TCP	6
#define VEM_ACL_PROTO_UDP	17
#define VEM_ACL_PROTO_ICMPV6	58
#define VEM_ACL_PROTO_SCTP	132

/* TCP header flags (byte 13 of the header). */
#define VEM_ACL_TCP_RST		0x04
#define VEM_ACL_TCP_ACK		0x10

enum vem_acl_port_op {
	VEM_ACL_PORT_ANY,
	VEM_ACL_PORT_EQ,	/* port == lo */
	VEM_ACL_PORT_NEQ,	/* port != lo */
	VEM_ACL_PORT_LT,	/* port < lo: "lt 0" matches nothing */
	VEM_ACL_PORT_GT,	/* port > lo: "gt 65535" matches nothing */
	VEM_ACL_PORT_RANGE,	/* lo <= port <= hi, lo <= hi */
};

/* A source or destination port condition. Host order. */
struct vem_acl_port {
	u8 op;			/* enum vem_acl_port_op */
	u16 lo;
	u16 hi;			/* VEM_ACL_PORT_RANGE only */
};

/* struct vem_acl_rule.match: the optional conditions an entry has. */
#define VEM_ACL_M_PROTO		0x01	/* IP: protocol == proto */
#define VEM_ACL_M_DSCP		0x02	/* IP: DSCP == dscp */
#define VEM_ACL_M_ESTABLISHED	0x04	/* IP, proto TCP: ACK or RST set */
#define VEM_ACL_M_ETHERTYPE	0x08	/* MAC: ethertype == ethertype */

/*
 * One ACL entry, parsed. An IP entry matches a packet when every condition
 * holds: the protocol (if VEM_ACL_M_PROTO; else any IP packet), the first
 * src_len bits of src and dst_len bits of dst (0: any), the port
 * conditions, established, the DSCP. Port conditions need proto TCP, UDP
 * or SCTP; established needs TCP. A port condition or established never
 * matches a packet without its L4 header (VEM_ACL_PKT_L4 clear: a
 * non-first fragment); the other conditions do.
 *
 * A MAC entry matches when (packet MAC & mask) == (rule MAC & mask) for
 * source and destination (a mask bit set to 1 must match: all-zero mask is
 * "any", all-ones is "host"; NX-OS writes wildcard bits, the inverse), and
 * the ethertype, if VEM_ACL_M_ETHERTYPE.
 *
 * Address bits past the prefix length, or outside the MAC mask, are
 * ignored. The conditions of the other family must be absent: an IP
 * entry has zero MAC masks and no VEM_ACL_M_ETHERTYPE, a MAC entry only
 * VEM_ACL_M_ETHERTYPE, zero prefix lengths and VEM_ACL_PORT_ANY; else
 * the build says -EINVAL, as for any value out of range.
 */
struct vem_acl_rule {
	u8 family;		/* enum vem_acl_cls_family, the same in one list */
	u8 action;		/* enum vem_acl_action */
	u8 match;		/* VEM_ACL_M_* */
	/* IPv4 and IPv6 lists */
	u8 proto;
	u8 dscp;		/* 0..63 */
	u8 src_len;		/* 0..32 (IPv4), 0..128 (IPv6) */
	u8 dst_len;
	u8 src[16];		/* IPv4: the first 4 bytes */
	u8 dst[16];
	struct vem_acl_port sport;
	struct vem_acl_port dport;
	/* MAC lists */
	u16 ethertype;
	u8 src_mac[6];
	u8 src_mac_mask[6];
	u8 dst_mac[6];
	u8 dst_mac_mask[6];
};

/* struct vem_acl_pkt.flags */
#define VEM_ACL_PKT_L4		0x01	/* sport, dport, tcp_flags are valid */

/*
 * What the datapath extracts from a frame. family says which fields are
 * valid: an IPv4 or IPv6 list matches only packets of its own family
 * (anything else gets -1), a MAC list any packet.
 *
 * VEM_ACL_PKT_L4: the packet is not a non-first fragment and its L4
 * header is there (in full for TCP: the flags). Without it the ports and
 * tcp_flags are not read. Only meaningful for TCP, UDP and SCTP.
 */
struct vem_acl_pkt {
	u8 dst_mac[6];
	u8 src_mac[6];
	u16 ethertype;		/* after any VLAN tags */
	u8 family;		/* enum vem_acl_cls_family; VEM_ACL_MAC: not IP */
	u8 flags;		/* VEM_ACL_PKT_* */
	u8 proto;		/* IPv4 protocol, IPv6 upper-layer header */
	u8 dscp;		/* the low 6 bits are read */
	u8 tcp_flags;		/* VEM_ACL_TCP_* */
	u16 sport;
	u16 dport;
	u8 src[16];		/* IPv4: the first 4 bytes */
	u8 dst[16];
};

/* A compiled list: one block, immutable once built. */
struct vem_acl_cls;

/* For tests, benchmarks and "show": the shape of a compiled list. */
struct vem_acl_cls_info {
	u32 rules;		/* the entries it was built from */
	u32 tables;		/* hash tables a packet may probe */
	u32 max_chain;		/* the most entries sharing one hash key */
	u32 max_probe;		/* the longest probe sequence of a table */
	size_t bytes;		/* its allocation */
};

int vem_acl_cls_build(const struct vem_acl_rule *rules, unsigned int n,
		      struct vem_acl_cls **out);
int vem_acl_cls_match(const struct vem_acl_cls *cls,
		      const struct vem_acl_pkt *pkt);
bool vem_acl_cls_permits(const struct vem_acl_cls *cls, int index);
void vem_acl_cls_info(const struct vem_acl_cls *cls,
		      struct vem_acl_cls_info *info);
void vem_acl_cls_free(struct vem_acl_cls *cls);

#endif /* _VEM_ACL_CLS_H */
