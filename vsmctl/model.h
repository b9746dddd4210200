/* SPDX-License-Identifier: GPL-2.0 */
/*
 * model.h - the in-memory model of a switch, its ports and its MAC address
 * table. The argv parsers fill it, the IPC layer (nl.h) turns it into
 * netlink messages and fills it from the replies. A "has" bitmask says
 * which fields are set: in a request, the attributes to send; in a reply,
 * the attributes the kernel sent.
 */

#ifndef VSMCTL_MODEL_H
#define VSMCTL_MODEL_H

#include <stdbool.h>
#include <stdint.h>
#include <net/if.h>

#include <linux/vem.h>

#define BIT(n)	(1u << (n))

struct port_ref {
	uint8_t type;		/* enum vem_port_type */
	uint32_t id;		/* 1..VEM_PORT_ID_MAX */
};

enum {
	SWITCH_HAS_AGEING_TIME	= BIT(0),
	SWITCH_HAS_FDB_MAX	= BIT(1),
	SWITCH_HAS_FDB_COUNT	= BIT(2),
	SWITCH_HAS_PORT_COUNT	= BIT(3),
	SWITCH_HAS_LEARN_REFUSED = BIT(4),
};

struct switch_info {
	unsigned int has;
	uint32_t ageing_time;	/* seconds, 0: no ageing */
	uint32_t fdb_max;
	uint32_t fdb_count;
	uint32_t port_count;
	uint64_t learn_refused;
};

enum {
	PORT_HAS_IFINDEX	= BIT(0),
	PORT_HAS_IFNAME		= BIT(1),
	PORT_HAS_MODE		= BIT(2),
	PORT_HAS_ACCESS_VLAN	= BIT(3),
	PORT_HAS_NATIVE_VLAN	= BIT(4),
	PORT_HAS_TRUNK_VLANS	= BIT(5),
	PORT_HAS_SHUTDOWN	= BIT(6),
	PORT_HAS_OPER_UP	= BIT(7),
	PORT_HAS_STATS		= BIT(8),
	/*
	 * In a reply: the kernel knows profiles (profile and own are
	 * valid). In a request: send VEM_A_PORT_PROFILE (profile, "" for
	 * none).
	 */
	PORT_HAS_PROFILE	= BIT(9),
	PORT_HAS_CLEAR		= BIT(10),	/* request: VEM_A_PORT_CLEAR */
	/*
	 * acl[] holds the six VEM_A_PORT_ACL_* names ("" none): a request
	 * sends the slots whose VEM_CFG_ACL_* bit is in own; in a reply the
	 * kernel sent all six.
	 */
	PORT_HAS_ACLS		= BIT(11),
	/*
	 * storm[] holds the three VEM_A_PORT_STORM_* limits (0 none): sent
	 * and read as acl[] is.
	 */
	PORT_HAS_STORM		= BIT(12),
	/*
	 * qos[] holds the VEM_A_PORT_QOS_IN/OUT names ("" none): a request
	 * sends those whose VEM_CFG_QOS_* bit is in own; a reply had both.
	 */
	PORT_HAS_QOS		= BIT(13),
	/*
	 * psec holds the four VEM_A_PORT_PSEC* items: a request sends those
	 * whose VEM_CFG_PSEC* bit is in own; in a reply the kernel sent all.
	 */
	PORT_HAS_PSEC		= BIT(14),
	PORT_HAS_ERR_DISABLED	= BIT(15),	/* reply: err_disabled */
	PORT_HAS_SECURE_MACS	= BIT(16),	/* reply: secure_macs */
};

/* The port-security items of a port or a profile. */
struct psec_info {
	bool on;
	bool sticky;
	uint8_t violation;	/* enum vem_psec_violation */
	uint32_t max;		/* 1..VEM_PSEC_MAX_LIMIT */
};

/* The QoS directions of a port or a profile: input, output. */
#define QOS_SLOTS	2

/*
 * The ACL slots of a port or a profile, in the order of VEM_A_PORT_ACL_*:
 * ip in, ip out, ipv6 in, ipv6 out, mac in, mac out.
 */
#define ACL_SLOTS	6

/* Storm-control limits: broadcast, multicast, unknown unicast. */
#define STORM_KINDS	3

struct port_info {
	struct port_ref ref;
	unsigned int has;
	uint32_t ifindex;	/* 0: unbound */
	char ifname[IFNAMSIZ];
	uint8_t mode;		/* enum vem_port_mode */
	uint16_t access_vlan;
	uint16_t native_vlan;	/* 0: none */
	uint8_t trunk_vlans[VEM_VLAN_BITMAP_LEN];
	bool shutdown;
	bool oper_up;
	char profile[VEM_PROFILE_NAME_MAX + 1];	/* "": none */
	uint32_t own;		/* enum vem_cfg_bits set by the port itself */
	uint32_t clear;		/* enum vem_cfg_bits to stop setting */
	char acl[ACL_SLOTS][VEM_ACL_NAME_MAX + 1];	/* PORT_HAS_ACLS */
	uint32_t storm[STORM_KINDS];	/* pps, 0 none; PORT_HAS_STORM */
	char qos[QOS_SLOTS][VEM_QOS_NAME_MAX + 1];	/* PORT_HAS_QOS */
	struct psec_info psec;				/* PORT_HAS_PSEC */
	uint8_t err_disabled;		/* enum vem_err_reason */
	uint32_t secure_macs;
	/* Indexed by enum vem_stats_attr; a counter not sent reads 0. */
	uint64_t stats[VEM_A_STATS_MAX + 1];
};

enum {
	FDB_HAS_MAC		= BIT(0),
	FDB_HAS_VLAN		= BIT(1),
	FDB_HAS_PORT		= BIT(2),
	FDB_HAS_FLAGS		= BIT(3),
	FDB_HAS_AGE		= BIT(4),
};

/* A MAC address table entry; also the filter of a flush. */
struct fdb_entry {
	unsigned int has;
	uint8_t mac[6];
	uint16_t vlan;
	struct port_ref port;
	uint32_t flags;		/* enum vem_fdb_flags */
	uint32_t age_ms;	/* dynamic entries: ms since last frame */
};

enum {
	PROFILE_HAS_TYPE	= BIT(0),
	PROFILE_HAS_MODE	= BIT(1),
	PROFILE_HAS_ACCESS_VLAN	= BIT(2),
	PROFILE_HAS_NATIVE_VLAN	= BIT(3),
	PROFILE_HAS_TRUNK_VLANS	= BIT(4),
	PROFILE_HAS_SHUTDOWN	= BIT(5),
	PROFILE_HAS_MAX_PORTS	= BIT(6),
	PROFILE_HAS_ENABLED	= BIT(7),
	PROFILE_HAS_PORT_COUNT	= BIT(8),
	PROFILE_HAS_ACLS	= BIT(9),	/* acl[], as PORT_HAS_ACLS */
	PROFILE_HAS_STORM	= BIT(10),	/* storm[], as PORT_HAS_STORM */
	PROFILE_HAS_QOS		= BIT(11),	/* qos[], as PORT_HAS_QOS */
	PROFILE_HAS_PSEC	= BIT(12),	/* psec, all four items */
};

/* A port profile as the kernel holds it: already evaluated. */
struct profile_info {
	unsigned int has;
	char name[VEM_PROFILE_NAME_MAX + 1];
	uint8_t type;		/* enum vem_port_type it serves */
	uint8_t mode;		/* enum vem_port_mode */
	uint16_t access_vlan;
	uint16_t native_vlan;	/* 0: none */
	uint8_t trunk_vlans[VEM_VLAN_BITMAP_LEN];
	bool shutdown;
	uint32_t max_ports;
	bool enabled;
	uint32_t port_count;	/* ports bound to it */
	char acl[ACL_SLOTS][VEM_ACL_NAME_MAX + 1];	/* PROFILE_HAS_ACLS */
	uint32_t storm[STORM_KINDS];	/* PROFILE_HAS_STORM */
	char qos[QOS_SLOTS][VEM_QOS_NAME_MAX + 1];	/* PROFILE_HAS_QOS */
	struct psec_info psec;				/* PROFILE_HAS_PSEC */
};

/*
 * A QoS policy as the kernel takes it (VEM_A_QOS_*): what is not set is
 * not sent. bc 0: not sent (the kernel's default burst).
 */
struct qos_info {
	char name[VEM_QOS_NAME_MAX + 1];
	uint64_t cir;		/* bit/s; 0: no policer */
	uint32_t bc;		/* bytes */
	uint8_t violate;	/* enum vem_qos_violate */
	bool has_violate_dscp;
	uint8_t violate_dscp;
	bool has_cos;
	uint8_t cos;
	bool has_dscp;
	uint8_t dscp;
	uint32_t users;		/* replies: ports and profiles naming it */
};

/*
 * One ACL entry as the kernel takes it (VEM_A_ACE_*). A condition that is
 * not set is "any" and not sent: a prefix length of 0, a MAC mask of all
 * zeros, a port op of VEM_ACE_PORT_ANY, the has_* flags false.
 */
struct acl_entry_info {
	uint32_t seq;
	uint8_t action;		/* enum vem_ace_action */
	/* IPv4 and IPv6 ACLs */
	bool has_proto;
	uint8_t proto;
	uint8_t src[16], dst[16];	/* network order; IPv4: 4 bytes */
	uint8_t src_len, dst_len;
	uint8_t sport_op;		/* enum vem_ace_port_op */
	uint16_t sport_lo, sport_hi;
	uint8_t dport_op;
	uint16_t dport_lo, dport_hi;
	bool established;
	bool has_dscp;
	uint8_t dscp;
	/* MAC ACLs */
	uint8_t src_mac[6], src_mac_mask[6];
	uint8_t dst_mac[6], dst_mac_mask[6];
	bool has_ethertype;
	uint16_t ethertype;
	/* In replies */
	uint64_t hits;
};

/* A named ACL as the kernel holds it. */
struct acl_info {
	char name[VEM_ACL_NAME_MAX + 1];
	uint8_t family;		/* enum vem_acl_family */
	uint32_t users;		/* replies: ports and profiles naming it */
	uint64_t deny_hits;	/* replies: the implicit deny */
	struct acl_entry_info *entries;	/* malloc()ed, n of them */
	size_t n;
};

enum event_kind {
	EVENT_SWITCH,
	EVENT_PORT,
	EVENT_FDB,
};

enum event_action {
	EVENT_NEW,
	EVENT_SET,
	EVENT_DEL,
};

struct event {
	enum event_kind kind;
	enum event_action action;
	union {
		struct switch_info sw;
		struct port_info port;
		struct fdb_entry fdb;
	};
};

#endif /* VSMCTL_MODEL_H */
