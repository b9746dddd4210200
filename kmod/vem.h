/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vem - the vnlink per-host data plane: shared definitions.
 */
#ifndef _VEM_H
#define _VEM_H

#include <linux/if_vlan.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/rhashtable.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>
#include <uapi/linux/vem.h>

#include "acl_cls.h"
#include "compat.h"
#include "meter.h"

/**
 * DOC: Locking
 *
 * Configuration (switches, ports, port config, static MAC entries) is
 * changed only under vem_mutex. Operations that bind or unbind a netdev also
 * need RTNL, which is always taken first: rtnl_lock -> vem_mutex. The netdev
 * notifier runs under RTNL and takes vem_mutex.
 *
 * The datapath runs in the rx handler, under rcu_read_lock with BH disabled,
 * and takes no lock: it reads the port list, each port's config and netdev
 * through RCU pointers. Writers publish a new struct vem_port_cfg and free
 * the old one after a grace period, so a frame sees one config or the other.
 * Ports and switches are freed after a grace period too.
 *
 * The MAC table (struct vem_fdb) is an rhashtable read under RCU. Inserts
 * and removals (learning in softirq, ageing in a work item, netlink in
 * process context) serialise on fdb->lock, a spinlock taken with BH
 * disabled from process context. A learned entry's port and timestamp are
 * updated in place by the datapath with WRITE_ONCE; readers use READ_ONCE.
 *
 * Binding: while a netdev is bound, its rx_handler_data is the port and
 * the port holds a reference on the netdev. Unbinding clears port->dev,
 * unregisters the rx handler (which waits for in-flight frames) and only
 * then drops the reference.
 *
 * Port security: port->fdb_count (the entries pointing at a port) changes
 * only under fdb->lock, with every insert, removal and move: a move takes
 * the lock too. The datapath decides a port-security violation under that
 * lock (vem_fdb_learn), so two CPUs cannot both pass a port's maximum.
 * port->err_disabled is set by the datapath (cmpxchg, once) and cleared
 * under vem_mutex; readers use READ_ONCE.
 */
extern struct mutex vem_mutex;

#define ASSERT_VEM_LOCKED()	lockdep_assert_held(&vem_mutex)
#define vem_dereference(p)	rcu_dereference_protected(p, lockdep_is_held(&vem_mutex))

/* Traffic classes counted separately, by destination address. */
enum vem_class {
	VEM_CLASS_UCAST,
	VEM_CLASS_MCAST,
	VEM_CLASS_BCAST,
	VEM_CLASS_MAX
};

/* Drop reasons; each maps to one VEM_A_STATS_DROP_* attribute. */
enum vem_drop {
	VEM_DROP_VLAN,
	VEM_DROP_SHUTDOWN,
	VEM_DROP_NO_PORT,
	VEM_DROP_LOCAL,
	VEM_DROP_INVALID,
	VEM_DROP_NOMEM,
	VEM_DROP_MTU,
	VEM_DROP_TX_ERROR,
	VEM_DROP_ACL_IN,
	VEM_DROP_ACL_OUT,
	VEM_DROP_STORM_BCAST,		/* VEM_DROP_STORM_BCAST + enum vem_storm */
	VEM_DROP_STORM_MCAST,
	VEM_DROP_STORM_UCAST,
	VEM_DROP_POLICE_IN,
	VEM_DROP_POLICE_OUT,
	VEM_DROP_PSEC,
	VEM_DROP_ERR_DISABLED,
	VEM_DROP_MAX
};

struct vem_pcpu_stats {
	u64_stats_t rx_pkts[VEM_CLASS_MAX];
	u64_stats_t rx_bytes[VEM_CLASS_MAX];
	u64_stats_t tx_pkts[VEM_CLASS_MAX];
	u64_stats_t tx_bytes[VEM_CLASS_MAX];
	u64_stats_t rx_flood;
	u64_stats_t drops[VEM_DROP_MAX];
	u64_stats_t learn_refused;
	u64_stats_t police_marked[2];	/* by direction: in, out */
	u64_stats_t psec_violations;
	struct u64_stats_sync syncp;
};

/* The sum over CPUs of struct vem_pcpu_stats, for userspace. */
struct vem_stats {
	u64 rx_pkts[VEM_CLASS_MAX];
	u64 rx_bytes[VEM_CLASS_MAX];
	u64 tx_pkts[VEM_CLASS_MAX];
	u64 tx_bytes[VEM_CLASS_MAX];
	u64 rx_flood;
	u64 drops[VEM_DROP_MAX];
	u64 learn_refused;
	u64 police_marked[2];
	u64 psec_violations;
};

/*
 * Where a port or profile names an ACL: family (MAC, IPv4, IPv6) times
 * direction, in the order of VEM_A_PORT_ACL_* and VEM_CFG_ACL_*.
 */
enum vem_acl_slot {
	VEM_ACL_SLOT_IP_IN,
	VEM_ACL_SLOT_IP_OUT,
	VEM_ACL_SLOT_IPV6_IN,
	VEM_ACL_SLOT_IPV6_OUT,
	VEM_ACL_SLOT_MAC_IN,
	VEM_ACL_SLOT_MAC_OUT,
	VEM_ACL_SLOTS
};

#define VEM_CFG_PSEC_ALL	(VEM_CFG_PSEC | VEM_CFG_PSEC_MAX | \
				 VEM_CFG_PSEC_VIOLATION | VEM_CFG_PSEC_STICKY)

/* The VEM_CFG_* bit of an ACL slot. */
#define VEM_CFG_ACL_SHIFT	5
#define VEM_CFG_ACL(slot)	(1U << (VEM_CFG_ACL_SHIFT + (slot)))

struct vem_acl;
struct vem_qos;

/* Where a port or profile names a QoS policy, in the order of
 * VEM_A_PORT_QOS_* and VEM_CFG_QOS_*. */
enum vem_qos_dir {
	VEM_QOS_IN,
	VEM_QOS_OUT,
	VEM_QOS_DIRS
};

/* The VEM_CFG_* bit of a QoS direction. */
#define VEM_CFG_QOS(dir)	(VEM_CFG_QOS_IN << (dir))

/* Storm control: the traffic a port receives that is flooded, by kind. */
enum vem_storm {
	VEM_STORM_BCAST,
	VEM_STORM_MCAST,
	VEM_STORM_UCAST,	/* unknown unicast */
	VEM_STORM_KINDS
};

/* The VEM_CFG_* bit of a storm-control limit. */
#define VEM_CFG_STORM_SHIFT	17
#define VEM_CFG_STORM(kind)	(1U << (VEM_CFG_STORM_SHIFT + (kind)))

/*
 * A burst the storm-control meters let through: 100 ms at the limit
 * (at least one frame), so that the limit is a rate, not a spacing.
 */
#define VEM_STORM_TOLERANCE_NS	(NSEC_PER_SEC / 10)

/*
 * The configuration of a port or a profile. Immutable once published: a
 * change publishes a new copy. Each ACL it names counts it in its users
 * while it is published (vem_acl_cfg_hold/release).
 */
struct vem_port_cfg {
	u32 own;		/* VEM_CFG_* set here, over a port's profile */
	u8 mode;		/* enum vem_port_mode */
	bool shutdown;
	u16 access_vlan;
	u16 native_vlan;	/* 0: untagged frames are dropped on a trunk */
	DECLARE_BITMAP(trunk_vlans, VLAN_N_VID);
	struct vem_acl *acl[VEM_ACL_SLOTS];	/* NULL: none */
	u8 acl_mask;		/* BIT(slot) of each acl[] set */
	/* Storm control: packets per second, 0 none; and ns per packet. */
	u32 storm_pps[VEM_STORM_KINDS];
	u64 storm_ns[VEM_STORM_KINDS];
	u8 storm_mask;		/* BIT(kind) of each storm_pps[] set */
	struct vem_qos *qos[VEM_QOS_DIRS];	/* NULL: none */
	bool psec;		/* port security on */
	bool psec_sticky;
	u8 psec_violation;	/* enum vem_psec_violation */
	u32 psec_max;		/* 1..VEM_PSEC_MAX_LIMIT */
	struct rcu_head rcu;
};

/* Per-CPU hit counters of one ACL version: entries, then the implicit deny. */
struct vem_acl_hits {
	struct u64_stats_sync syncp;
	u64_stats_t hits[];
};

/* One entry as userspace gave it, for ACL_GET. */
struct vem_acl_ace {
	u32 seq;
	u64 base_hits;		/* carried over from the version before */
	struct vem_acl_rule rule;
};

/*
 * The entries of an ACL and their compiled classifier: replaced whole by
 * ACL_SET (one RCU publish), freed after a grace period.
 */
struct vem_acl_ver {
	struct vem_acl_cls *cls;
	struct vem_acl_hits __percpu *hits;
	u64 base_deny_hits;
	u32 n;
	struct rcu_head rcu;
	struct vem_acl_ace ace[];
};

/* A named access list. Lives while users > 0; freed after a grace period. */
struct vem_acl {
	struct list_head node;			/* in sw->acls, vem_mutex */
	struct vem_acl_ver __rcu *ver;
	u32 users;				/* published configs naming it */
	u8 family;				/* enum vem_acl_family (uapi) */
	char name[VEM_ACL_NAME_MAX + 1];
	struct rcu_head rcu;
};

/*
 * What a QoS policy does (policy-map type qos, class class-default):
 * immutable once published, replaced whole by QOS_SET, freed after a
 * grace period. The policer's state is not here but in each port
 * (struct vem_police), per direction.
 */
struct vem_qos_conf {
	u64 cir;		/* bit/s; 0: no policer */
	u32 bc;			/* bytes */
	u64 ns_per_byte_q16;	/* time one byte takes at cir, << 16 */
	u64 tau_ns;		/* bc in time at cir: the bucket's depth */
	u8 violate;		/* enum vem_qos_violate */
	s8 violate_dscp;	/* -1: none */
	s8 set_cos;		/* -1: unchanged */
	s8 set_dscp;		/* -1: unchanged */
	struct rcu_head rcu;
};

/* A named QoS policy. Lives while users > 0; freed after a grace period. */
struct vem_qos {
	struct list_head node;			/* in sw->qos, vem_mutex */
	struct vem_qos_conf __rcu *conf;
	u32 users;				/* published configs naming it */
	char name[VEM_QOS_NAME_MAX + 1];
	struct rcu_head rcu;
};

/*
 * The policer of one port and direction: GCRA (virtual scheduling) on one
 * "theoretical arrival time" in ns, advanced with cmpxchg by every CPU
 * that sends a conforming frame. No lock, no per-CPU split (a per-CPU
 * bucket would let N CPUs send N times cir).
 */
struct vem_police {
	struct vem_meter meter;
} ____cacheline_aligned_in_smp;

struct vem_switch;

/*
 * A port profile: evaluated configuration shared by the ports bound to it.
 * Updating it publishes one new struct vem_port_cfg.
 */
struct vem_profile {
	struct list_head node;			/* in sw->profiles */
	struct vem_port_cfg __rcu *cfg;
	u32 max_ports;
	u32 n_ports;
	u8 type;				/* enum vem_port_type */
	bool enabled;
	char name[VEM_PROFILE_NAME_MAX + 1];
	struct rcu_head rcu;
};

struct vem_port {
	struct vem_switch *sw;
	struct list_head node;			/* in sw->ports, RCU */
	struct vem_port_cfg __rcu *cfg;		/* its own items */
	struct vem_profile __rcu *profile;	/* the rest, if not NULL */
	struct net_device __rcu *dev;		/* NULL while unbound */
	netdevice_tracker dev_tracker;
	struct vem_pcpu_stats __percpu *stats;
	/* Written by the datapath only: on their own cache line. */
	struct vem_meter storm[VEM_STORM_KINDS] ____cacheline_aligned_in_smp;
	u8 type;				/* enum vem_port_type */
	u32 id;
	struct vem_police police[VEM_QOS_DIRS];
	u32 fdb_count;		/* MAC entries pointing here, fdb->lock */
	u32 err_disabled;	/* enum vem_err_reason, see DOC: Locking */
	unsigned long psec_event;	/* jiffies of the last restrict event */
	struct rcu_head rcu;
};

struct vem_fdb_key {
	u8 addr[ETH_ALEN];
	u16 vid;
} __aligned(2);

struct vem_fdb_entry {
	struct rhash_head rhnode;
	struct vem_fdb_key key;
	struct vem_port *port;		/* WRITE_ONCE/READ_ONCE */
	unsigned long updated;		/* jiffies, WRITE_ONCE/READ_ONCE */
	u32 flags;			/* VEM_FDB_F_*, set before publication */
	struct hlist_node node;		/* in fdb->entries, RCU */
	struct rcu_head rcu;
};

struct vem_fdb {
	struct rhashtable table;
	struct hlist_head entries;	/* every entry, for dumps and ageing */
	spinlock_t lock;		/* inserts and removals */
	atomic_t count;
	atomic_t gen;			/* bumped on every change, for dumps */
	u32 max;
	unsigned long ageing_time;	/* jiffies; 0 disables ageing */
	struct delayed_work gc_work;
	atomic64_t learn_refused;
};

/* One per network namespace that has one, see switch.c. */
struct vem_switch {
	struct net *net;
	struct list_head ports;		/* RCU; writers hold vem_mutex */
	struct xarray port_index;	/* vem_port_key() -> port */
	struct list_head profiles;	/* writers and readers hold vem_mutex */
	struct list_head acls;		/* writers and readers hold vem_mutex */
	u32 n_acls;
	struct list_head qos;		/* writers and readers hold vem_mutex */
	u32 n_qos;
	u32 n_ports;
	u32 gen;			/* bumped on port changes, for dumps */
	struct vem_fdb fdb;
	struct rcu_head rcu;
};

/* What a frame sees of a port's configuration: its own items over its
 * profile's. */
struct vem_cfg_view {
	u8 mode;
	bool shutdown;
	u16 access_vlan;
	u16 native_vlan;
	const unsigned long *trunk_vlans;
	u8 acls;				/* BIT(slot) of the ACLs in force */
	u8 storms;				/* BIT(kind) of the limits in force */
	struct vem_qos *qos[VEM_QOS_DIRS];	/* the QoS policies in force */
	/* For vem_view_acl(), vem_view_storm(): where items come from. */
	bool psec;
	bool psec_sticky;
	u8 psec_violation;
	u32 psec_max;
	u32 mine;
	const struct vem_port_cfg *own, *prof;
};

/*
 * Called under RCU (the datapath) or with vem_mutex held. Each item is
 * read from one config or the other: a profile update in between is seen
 * item by item in the worst case, never as a torn item.
 */
static inline void vem_port_view(const struct vem_port *port,
				 struct vem_cfg_view *v)
{
	const struct vem_port_cfg *own, *prof;
	const struct vem_profile *pp;
	u32 mine;

	own = rcu_dereference_check(port->cfg, lockdep_is_held(&vem_mutex));
	pp = rcu_dereference_check(port->profile, lockdep_is_held(&vem_mutex));
	if (likely(!pp)) {
		prof = own;
		mine = VEM_CFG_ALL;
	} else {
		prof = rcu_dereference_check(pp->cfg, lockdep_is_held(&vem_mutex));
		mine = own->own;
	}
	v->mode = (mine & VEM_CFG_MODE ? own : prof)->mode;
	v->shutdown = (mine & VEM_CFG_SHUTDOWN ? own : prof)->shutdown;
	v->access_vlan = (mine & VEM_CFG_ACCESS_VLAN ? own : prof)->access_vlan;
	v->native_vlan = (mine & VEM_CFG_NATIVE_VLAN ? own : prof)->native_vlan;
	v->trunk_vlans = (mine & VEM_CFG_TRUNK_VLANS ? own : prof)->trunk_vlans;
	v->psec = (mine & VEM_CFG_PSEC ? own : prof)->psec;
	v->psec_max = (mine & VEM_CFG_PSEC_MAX ? own : prof)->psec_max;
	v->psec_violation = (mine & VEM_CFG_PSEC_VIOLATION ? own : prof)->psec_violation;
	v->psec_sticky = (mine & VEM_CFG_PSEC_STICKY ? own : prof)->psec_sticky;
	/* ACLs: only which slots are in force; vem_view_acl() finds them. */
	v->acls = (own->acl_mask & (mine >> VEM_CFG_ACL_SHIFT)) |
		  (prof->acl_mask & ~(mine >> VEM_CFG_ACL_SHIFT));
	v->storms = (own->storm_mask & (mine >> VEM_CFG_STORM_SHIFT)) |
		    (prof->storm_mask & ~(mine >> VEM_CFG_STORM_SHIFT));
	v->qos[VEM_QOS_IN] = (mine & VEM_CFG_QOS_IN ? own : prof)->qos[VEM_QOS_IN];
	v->qos[VEM_QOS_OUT] = (mine & VEM_CFG_QOS_OUT ? own : prof)->qos[VEM_QOS_OUT];
	v->mine = mine;
	v->own = own;
	v->prof = prof;
}

/* The ACL in @slot of a view (BIT(slot) set in v->acls). Same context. */
static inline struct vem_acl *vem_view_acl(const struct vem_cfg_view *v,
					   unsigned int slot)
{
	return (v->mine & VEM_CFG_ACL(slot) ? v->own : v->prof)->acl[slot];
}

/* The config a storm-control limit of a view comes from. Same context. */
static inline const struct vem_port_cfg *
vem_view_storm(const struct vem_cfg_view *v, unsigned int kind)
{
	return v->mine & VEM_CFG_STORM(kind) ? v->own : v->prof;
}

static inline unsigned long vem_port_key(u8 type, u32 id)
{
	return ((unsigned long)type << 16) | id;
}

/* Must hold vem_mutex. Dumps in progress see NLM_F_DUMP_INTR. */
static inline void vem_switch_changed(struct vem_switch *sw)
{
	WRITE_ONCE(sw->gen, sw->gen + 1);
}

/* switch.c */
int vem_switch_init(void);
void vem_switch_uninit(void);
struct vem_switch *vem_switch_get(struct net *net);
struct vem_switch *vem_switch_create(struct net *net, u32 ageing_s, u32 fdb_max);
void vem_switch_destroy(struct vem_switch *sw);

/* port.c */
int vem_port_init(void);
void vem_port_uninit(void);
struct vem_port *vem_port_find(struct vem_switch *sw, u8 type, u32 id);
struct vem_port *vem_port_create(struct vem_switch *sw, u8 type, u32 id,
				 const struct vem_port_cfg *cfg);
void vem_port_destroy(struct vem_port *port);
int vem_port_bind(struct vem_port *port, struct net_device *dev,
		  struct netlink_ext_ack *extack);
void vem_port_unbind(struct vem_port *port);
void vem_port_set_cfg(struct vem_port *port, struct vem_port_cfg *cfg);
void vem_port_cfg_default(struct vem_port_cfg *cfg, u8 type);
bool vem_port_oper_up(const struct vem_port *port);

/* profile.c */
struct vem_profile *vem_profile_find(struct vem_switch *sw, const char *name);
struct vem_profile *vem_profile_create(struct vem_switch *sw, const char *name,
				       u8 type, const struct vem_port_cfg *cfg);
void vem_profile_destroy(struct vem_profile *prof);
void vem_profile_set_cfg(struct vem_profile *prof, struct vem_port_cfg *cfg);
int vem_profile_may_bind(const struct vem_port *port, struct vem_profile *prof,
			 struct netlink_ext_ack *extack);
int vem_port_set_profile(struct vem_port *port, struct vem_profile *prof,
			 struct netlink_ext_ack *extack);

/* stats.c */
void vem_stats_read(const struct vem_port *port, struct vem_stats *sum);

static inline void vem_stats_drop(struct vem_port *port, enum vem_drop reason)
{
	struct vem_pcpu_stats *s = this_cpu_ptr(port->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->drops[reason]);
	u64_stats_update_end(&s->syncp);
}

/* fdb.c */
int vem_fdb_init(struct vem_fdb *fdb, struct vem_switch *sw, u32 ageing_s, u32 max);
void vem_fdb_uninit(struct vem_fdb *fdb);
struct vem_fdb_entry *vem_fdb_lookup(struct vem_fdb *fdb, const u8 *addr, u16 vid);
bool vem_fdb_learn(struct vem_switch *sw, struct vem_port *port,
		   const u8 *addr, u16 vid, u32 psec_max);
int vem_fdb_add_static(struct vem_switch *sw, struct vem_port *port,
		       const u8 *addr, u16 vid);
int vem_fdb_delete(struct vem_switch *sw, const u8 *addr, u16 vid);
void vem_fdb_flush(struct vem_switch *sw, const struct vem_port *port,
		   u16 vid, bool with_static);
void vem_fdb_set_ageing(struct vem_fdb *fdb, u32 ageing_s);

/* acl.c */
struct vem_acl *vem_acl_find(struct vem_switch *sw, const char *name);
struct vem_acl *vem_acl_create(struct vem_switch *sw, const char *name,
			       u8 family, struct vem_acl_ver *ver);
void vem_acl_destroy(struct vem_switch *sw, struct vem_acl *acl);
struct vem_acl_ver *vem_acl_ver_build(const struct vem_acl_ace *ace,
				      unsigned int n);
void vem_acl_ver_free(struct vem_acl_ver *ver);
void vem_acl_replace(struct vem_acl *acl, struct vem_acl_ver *ver);
void vem_acl_hits_read(const struct vem_acl_ver *ver, u64 *hits);
void vem_acl_cfg_hold(const struct vem_port_cfg *cfg);
void vem_acl_cfg_release(const struct vem_port_cfg *cfg);

/*
 * A frame's fields as the ACLs see them, extracted once per frame when a
 * port it meets has an ACL.
 */
struct vem_acl_frame {
	bool parsed;
	bool nd;		/* IPv6 neighbour discovery (ICMPv6 133-137) */
	struct vem_acl_pkt pkt;
};

bool vem_acl_check(const struct vem_cfg_view *view, bool out,
		   struct sk_buff *skb, struct vem_acl_frame *frame);

/* qos.c */
struct vem_qos *vem_qos_find(struct vem_switch *sw, const char *name);
struct vem_qos *vem_qos_create(struct vem_switch *sw, const char *name,
			       struct vem_qos_conf *conf);
void vem_qos_destroy(struct vem_switch *sw, struct vem_qos *qos);
void vem_qos_conf_init(struct vem_qos_conf *conf);
void vem_qos_conf_derive(struct vem_qos_conf *conf);
void vem_qos_replace(struct vem_qos *qos, struct vem_qos_conf *conf);
void vem_qos_cfg_hold(const struct vem_port_cfg *cfg);
void vem_qos_cfg_release(const struct vem_port_cfg *cfg);

/*
 * What a QoS policy decided for one frame at one port: pass, drop, and
 * the marks to write into its copy (-1: none).
 */
struct vem_qos_mark {
	s8 dscp;
	s8 cos;
};

enum vem_qos_verdict {
	VEM_QOS_PASS,
	VEM_QOS_MARKED,		/* violate set-dscp-transmit */
	VEM_QOS_DROP,		/* violate drop */
};

enum vem_qos_verdict vem_qos_police(const struct vem_qos *qos,
				    struct vem_police *pol,
				    const struct sk_buff *skb,
				    struct vem_qos_mark *mark);
int vem_qos_set_dscp(struct sk_buff *skb, u8 dscp);
/* psec.c: port security */
void vem_psec_violation(struct vem_port *port, const struct vem_cfg_view *cfg);
bool vem_psec_sticky(const struct vem_port *port);
void vem_psec_recover(struct vem_port *port);

static inline bool vem_port_err_disabled(const struct vem_port *port)
{
	return unlikely(READ_ONCE(port->err_disabled) != VEM_ERR_NONE);
}

/* datapath.c */
rx_handler_result_t vem_handle_frame(struct sk_buff **pskb);
unsigned int vem_skb_wire_len(const struct sk_buff *skb);

/* netlink.c */
int vem_genl_init(void);
void vem_genl_uninit(void);
void vem_nl_notify_switch(struct vem_switch *sw, u8 cmd);
void vem_nl_notify_port(struct vem_port *port, u8 cmd);
void vem_nl_notify_port_atomic(struct vem_port *port, u8 cmd);
void vem_nl_notify_fdb(struct vem_switch *sw, const struct vem_fdb_entry *e,
		       u8 cmd, gfp_t gfp);

#endif /* _VEM_H */
