// SPDX-License-Identifier: GPL-2.0
/*
 * The "vem" generic netlink family: see include/uapi/linux/vem.h for the
 * protocol. Validation lives in the per-command policies; what a policy
 * cannot say is checked in the handlers, each rejection with an extack
 * message. Lookups and locking are done in pre_doit/post_doit.
 */

#include <linux/ctype.h>
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "vem.h"

static struct genl_family vem_genl_family;

/*
 * GENL_REQ_ATTR_CHECK() tells userspace which attribute is missing; this
 * adds the words for a human. True if @attr is missing.
 */
#define VEM_REQUIRE(info, attr, what)					\
	({								\
		bool __missing = GENL_REQ_ATTR_CHECK(info, attr);	\
		if (__missing)						\
			NL_SET_ERR_MSG_MOD((info)->extack,		\
					   "Missing attribute: " what);	\
		__missing;						\
	})

/* ops->internal_flags */
#define VEM_NL_NEED_SWITCH	BIT(0)	/* user_ptr[0]: the netns's switch */
#define VEM_NL_NEED_PORT	BIT(1)	/* user_ptr[1]: port TYPE/ID */
#define VEM_NL_NEED_RTNL	BIT(2)	/* may bind or unbind netdevs */
#define VEM_NL_NEED_PROFILE	BIT(3)	/* user_ptr[1]: profile NAME */

enum vem_nl_groups {
	VEM_NL_GRP_EVENTS,
};

static const struct genl_multicast_group vem_nl_mcgrps[] = {
	[VEM_NL_GRP_EVENTS] = {
		.name = VEM_GENL_MCGRP_EVENTS,
		.flags = GENL_MCAST_CAP_NET_ADMIN,
	},
};

/* Ranges that do not fit the s16 min/max of a plain policy. */
static struct netlink_range_validation vem_ageing_range = {
	.min = 0, .max = VEM_AGEING_TIME_MAX,
};
static struct netlink_range_validation vem_fdb_max_range = {
	.min = 1, .max = VEM_FDB_MAX_LIMIT,
};
static struct netlink_range_validation vem_port_id_range = {
	.min = 1, .max = VEM_PORT_ID_MAX,
};

static const struct nla_policy vem_switch_policy[VEM_A_SWITCH_FDB_MAX + 1] = {
	[VEM_A_SWITCH_AGEING_TIME] = NLA_POLICY_FULL_RANGE(NLA_U32, &vem_ageing_range),
	[VEM_A_SWITCH_FDB_MAX] = NLA_POLICY_FULL_RANGE(NLA_U32, &vem_fdb_max_range),
};

#define VEM_PORT_REF_POLICY(type_attr, id_attr)				\
	[type_attr] = NLA_POLICY_RANGE(NLA_U8, VEM_PORT_VETH, VEM_PORT_TYPE_MAX), \
	[id_attr] = NLA_POLICY_FULL_RANGE(NLA_U32, &vem_port_id_range)

#define VEM_PROFILE_NAME_POLICY \
	{ .type = NLA_NUL_STRING, .len = VEM_PROFILE_NAME_MAX }

/* PORT_NEW, PORT_SET: identity and configuration. */
static const struct nla_policy vem_port_policy[VEM_A_PORT_CLEAR + 1] = {
	VEM_PORT_REF_POLICY(VEM_A_PORT_TYPE, VEM_A_PORT_ID),
	[VEM_A_PORT_IFINDEX] = { .type = NLA_U32 },
	[VEM_A_PORT_MODE] = NLA_POLICY_RANGE(NLA_U8, VEM_PORT_MODE_ACCESS,
					     VEM_PORT_MODE_MAX),
	[VEM_A_PORT_ACCESS_VLAN] = NLA_POLICY_RANGE(NLA_U16, 1, VEM_VLAN_MAX),
	[VEM_A_PORT_NATIVE_VLAN] = NLA_POLICY_MAX(NLA_U16, VEM_VLAN_MAX),
	[VEM_A_PORT_TRUNK_VLANS] = NLA_POLICY_EXACT_LEN(VEM_VLAN_BITMAP_LEN),
	[VEM_A_PORT_SHUTDOWN] = NLA_POLICY_MAX(NLA_U8, 1),
	[VEM_A_PORT_PROFILE] = VEM_PROFILE_NAME_POLICY,
	[VEM_A_PORT_CLEAR] = NLA_POLICY_MASK(NLA_U32, VEM_CFG_ALL),
};

static struct netlink_range_validation vem_profile_ports_range = {
	.min = 1, .max = VEM_PROFILE_PORTS_MAX,
};

/* PROFILE_NEW, PROFILE_SET. */
static const struct nla_policy vem_profile_policy[VEM_A_PROFILE_ENABLED + 1] = {
	[VEM_A_PROFILE_NAME] = VEM_PROFILE_NAME_POLICY,
	[VEM_A_PROFILE_TYPE] = NLA_POLICY_RANGE(NLA_U8, VEM_PORT_VETH,
						VEM_PORT_TYPE_MAX),
	[VEM_A_PROFILE_MODE] = NLA_POLICY_RANGE(NLA_U8, VEM_PORT_MODE_ACCESS,
						VEM_PORT_MODE_MAX),
	[VEM_A_PROFILE_ACCESS_VLAN] = NLA_POLICY_RANGE(NLA_U16, 1, VEM_VLAN_MAX),
	[VEM_A_PROFILE_NATIVE_VLAN] = NLA_POLICY_MAX(NLA_U16, VEM_VLAN_MAX),
	[VEM_A_PROFILE_TRUNK_VLANS] = NLA_POLICY_EXACT_LEN(VEM_VLAN_BITMAP_LEN),
	[VEM_A_PROFILE_SHUTDOWN] = NLA_POLICY_MAX(NLA_U8, 1),
	[VEM_A_PROFILE_MAX_PORTS] = NLA_POLICY_FULL_RANGE(NLA_U32,
							  &vem_profile_ports_range),
	[VEM_A_PROFILE_ENABLED] = NLA_POLICY_MAX(NLA_U8, 1),
};

/* PROFILE_DEL, PROFILE_GET: the name only. */
static const struct nla_policy vem_profile_ref_policy[VEM_A_PROFILE_NAME + 1] = {
	[VEM_A_PROFILE_NAME] = VEM_PROFILE_NAME_POLICY,
};

/* PORT_DEL, PORT_GET: identity only. */
static const struct nla_policy vem_port_ref_policy[VEM_A_PORT_ID + 1] = {
	VEM_PORT_REF_POLICY(VEM_A_PORT_TYPE, VEM_A_PORT_ID),
};

/* FDB_NEW, FDB_GET (the port filters a dump). */
static const struct nla_policy vem_fdb_policy[VEM_A_FDB_PORT_ID + 1] = {
	[VEM_A_FDB_MAC] = NLA_POLICY_ETH_ADDR,
	[VEM_A_FDB_VLAN] = NLA_POLICY_RANGE(NLA_U16, 1, VEM_VLAN_MAX),
	VEM_PORT_REF_POLICY(VEM_A_FDB_PORT_TYPE, VEM_A_FDB_PORT_ID),
};

static const struct nla_policy vem_fdb_del_policy[VEM_A_FDB_VLAN + 1] = {
	[VEM_A_FDB_MAC] = NLA_POLICY_ETH_ADDR,
	[VEM_A_FDB_VLAN] = NLA_POLICY_RANGE(NLA_U16, 1, VEM_VLAN_MAX),
};

/* FDB_FLUSH: filters only, no MAC. */
static const struct nla_policy vem_fdb_flush_policy[VEM_A_FDB_FLAGS + 1] = {
	[VEM_A_FDB_VLAN] = NLA_POLICY_RANGE(NLA_U16, 1, VEM_VLAN_MAX),
	VEM_PORT_REF_POLICY(VEM_A_FDB_PORT_TYPE, VEM_A_FDB_PORT_ID),
	[VEM_A_FDB_FLAGS] = NLA_POLICY_MASK(NLA_U32, VEM_FDB_F_ALL),
};

/* Messages */

static int vem_nl_fill_switch(struct sk_buff *skb, const void *obj,
			      u32 portid, u32 seq, int flags, u8 cmd)
{
	const struct vem_switch *sw = obj;
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &vem_genl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, VEM_A_SWITCH_AGEING_TIME,
			READ_ONCE(sw->fdb.ageing_time) / HZ) ||
	    nla_put_u32(skb, VEM_A_SWITCH_FDB_MAX, READ_ONCE(sw->fdb.max)) ||
	    nla_put_u32(skb, VEM_A_SWITCH_FDB_COUNT, atomic_read(&sw->fdb.count)) ||
	    nla_put_u32(skb, VEM_A_SWITCH_PORT_COUNT, READ_ONCE(sw->n_ports)) ||
	    nla_put_u64_64bit(skb, VEM_A_SWITCH_LEARN_REFUSED,
			      atomic64_read(&sw->fdb.learn_refused),
			      VEM_A_SWITCH_PAD))
		goto cancel;
	genlmsg_end(skb, hdr);
	return 0;
cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

static int vem_nl_put_stats(struct sk_buff *skb, const struct vem_port *port)
{
	static const u8 drop_attr[VEM_DROP_MAX] = {
		[VEM_DROP_VLAN] = VEM_A_STATS_DROP_VLAN,
		[VEM_DROP_SHUTDOWN] = VEM_A_STATS_DROP_SHUTDOWN,
		[VEM_DROP_NO_PORT] = VEM_A_STATS_DROP_NO_PORT,
		[VEM_DROP_LOCAL] = VEM_A_STATS_DROP_LOCAL,
		[VEM_DROP_INVALID] = VEM_A_STATS_DROP_INVALID,
		[VEM_DROP_NOMEM] = VEM_A_STATS_DROP_NOMEM,
		[VEM_DROP_MTU] = VEM_A_STATS_DROP_MTU,
		[VEM_DROP_TX_ERROR] = VEM_A_STATS_DROP_TX_ERROR,
	};
	/* VEM_A_STATS_{RX,TX}_<class>_{PKTS,BYTES} are laid out by class. */
	static const u8 class_off[VEM_CLASS_MAX] = {
		[VEM_CLASS_UCAST] = 0, [VEM_CLASS_MCAST] = 2, [VEM_CLASS_BCAST] = 4,
	};
	struct vem_stats st;
	struct nlattr *nest;
	int i;

	vem_stats_read(port, &st);
	nest = nla_nest_start(skb, VEM_A_PORT_STATS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < VEM_CLASS_MAX; i++) {
		if (nla_put_u64_64bit(skb, VEM_A_STATS_RX_UCAST_PKTS + class_off[i],
				      st.rx_pkts[i], VEM_A_STATS_PAD) ||
		    nla_put_u64_64bit(skb, VEM_A_STATS_RX_UCAST_BYTES + class_off[i],
				      st.rx_bytes[i], VEM_A_STATS_PAD) ||
		    nla_put_u64_64bit(skb, VEM_A_STATS_TX_UCAST_PKTS + class_off[i],
				      st.tx_pkts[i], VEM_A_STATS_PAD) ||
		    nla_put_u64_64bit(skb, VEM_A_STATS_TX_UCAST_BYTES + class_off[i],
				      st.tx_bytes[i], VEM_A_STATS_PAD))
			goto cancel;
	}
	for (i = 0; i < VEM_DROP_MAX; i++)
		if (nla_put_u64_64bit(skb, drop_attr[i], st.drops[i],
				      VEM_A_STATS_PAD))
			goto cancel;
	if (nla_put_u64_64bit(skb, VEM_A_STATS_RX_FLOOD_PKTS, st.rx_flood,
			      VEM_A_STATS_PAD) ||
	    nla_put_u64_64bit(skb, VEM_A_STATS_LEARN_REFUSED, st.learn_refused,
			      VEM_A_STATS_PAD))
		goto cancel;
	nla_nest_end(skb, nest);
	return 0;
cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/* A VLAN bitmap in the wire's layout: bit n of byte n / 8. */
static int vem_nl_put_vlans(struct sk_buff *skb, int type,
			    const unsigned long *vlans)
{
	struct nlattr *attr;
	unsigned int vid;
	u8 *bytes;

	attr = nla_reserve(skb, type, VEM_VLAN_BITMAP_LEN);
	if (!attr)
		return -EMSGSIZE;
	bytes = nla_data(attr);
	memset(bytes, 0, VEM_VLAN_BITMAP_LEN);
	for_each_set_bit(vid, vlans, VLAN_N_VID)
		bytes[vid / 8] |= 1 << (vid % 8);
	return 0;
}

/* Called under RCU or with vem_mutex held. */
static int vem_nl_fill_port(struct sk_buff *skb, const struct vem_port *port,
			    u32 portid, u32 seq, int flags, u8 cmd,
			    bool with_stats)
{
	const struct vem_profile *prof;
	const struct vem_port_cfg *own;
	const struct net_device *dev;
	struct vem_cfg_view cfg;
	void *hdr;

	own = rcu_dereference_check(port->cfg, lockdep_is_held(&vem_mutex));
	prof = rcu_dereference_check(port->profile, lockdep_is_held(&vem_mutex));
	dev = rcu_dereference_check(port->dev, lockdep_is_held(&vem_mutex));
	vem_port_view(port, &cfg);

	hdr = genlmsg_put(skb, portid, seq, &vem_genl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u8(skb, VEM_A_PORT_TYPE, port->type) ||
	    nla_put_u32(skb, VEM_A_PORT_ID, port->id) ||
	    nla_put_u32(skb, VEM_A_PORT_IFINDEX, dev ? dev->ifindex : 0) ||
	    (dev && nla_put_string(skb, VEM_A_PORT_IFNAME, dev->name)) ||
	    nla_put_u8(skb, VEM_A_PORT_MODE, cfg.mode) ||
	    nla_put_u16(skb, VEM_A_PORT_ACCESS_VLAN, cfg.access_vlan) ||
	    nla_put_u16(skb, VEM_A_PORT_NATIVE_VLAN, cfg.native_vlan) ||
	    nla_put_u8(skb, VEM_A_PORT_SHUTDOWN, cfg.shutdown) ||
	    nla_put_u8(skb, VEM_A_PORT_OPER_UP, vem_port_oper_up(port)) ||
	    nla_put_u32(skb, VEM_A_PORT_OWN, own->own) ||
	    (prof && nla_put_string(skb, VEM_A_PORT_PROFILE, prof->name)) ||
	    vem_nl_put_vlans(skb, VEM_A_PORT_TRUNK_VLANS, cfg.trunk_vlans))
		goto cancel;

	if (with_stats && vem_nl_put_stats(skb, port))
		goto cancel;
	genlmsg_end(skb, hdr);
	return 0;
cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/* A port with its counters, as PORT_GET answers. */
static int vem_nl_fill_port_stats(struct sk_buff *skb, const void *obj,
				  u32 portid, u32 seq, int flags, u8 cmd)
{
	return vem_nl_fill_port(skb, obj, portid, seq, flags, cmd, true);
}

/* A port without its counters, as events carry it. */
static int vem_nl_fill_port_event(struct sk_buff *skb, const void *obj,
				  u32 portid, u32 seq, int flags, u8 cmd)
{
	return vem_nl_fill_port(skb, obj, portid, seq, flags, cmd, false);
}

/* Called under RCU or with the FDB lock held. */
static int vem_nl_fill_fdb(struct sk_buff *skb, const void *obj,
			   u32 portid, u32 seq, int flags, u8 cmd)
{
	const struct vem_fdb_entry *e = obj;
	const struct vem_port *port = READ_ONCE(e->port);
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &vem_genl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put(skb, VEM_A_FDB_MAC, ETH_ALEN, e->key.addr) ||
	    nla_put_u16(skb, VEM_A_FDB_VLAN, e->key.vid) ||
	    nla_put_u8(skb, VEM_A_FDB_PORT_TYPE, port->type) ||
	    nla_put_u32(skb, VEM_A_FDB_PORT_ID, port->id) ||
	    nla_put_u32(skb, VEM_A_FDB_FLAGS, e->flags))
		goto cancel;
	if (!(e->flags & VEM_FDB_F_STATIC) &&
	    nla_put_u32(skb, VEM_A_FDB_AGE,
			jiffies_to_msecs(jiffies - READ_ONCE(e->updated))))
		goto cancel;
	genlmsg_end(skb, hdr);
	return 0;
cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/* Must hold vem_mutex. */
static int vem_nl_fill_profile(struct sk_buff *skb, const void *obj,
			       u32 portid, u32 seq, int flags, u8 cmd)
{
	const struct vem_profile *prof = obj;
	const struct vem_port_cfg *cfg = vem_dereference(prof->cfg);
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &vem_genl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_string(skb, VEM_A_PROFILE_NAME, prof->name) ||
	    nla_put_u8(skb, VEM_A_PROFILE_TYPE, prof->type) ||
	    nla_put_u8(skb, VEM_A_PROFILE_MODE, cfg->mode) ||
	    nla_put_u16(skb, VEM_A_PROFILE_ACCESS_VLAN, cfg->access_vlan) ||
	    nla_put_u16(skb, VEM_A_PROFILE_NATIVE_VLAN, cfg->native_vlan) ||
	    vem_nl_put_vlans(skb, VEM_A_PROFILE_TRUNK_VLANS, cfg->trunk_vlans) ||
	    nla_put_u8(skb, VEM_A_PROFILE_SHUTDOWN, cfg->shutdown) ||
	    nla_put_u32(skb, VEM_A_PROFILE_MAX_PORTS, prof->max_ports) ||
	    nla_put_u8(skb, VEM_A_PROFILE_ENABLED, prof->enabled) ||
	    nla_put_u32(skb, VEM_A_PROFILE_PORT_COUNT, prof->n_ports))
		goto cancel;
	genlmsg_end(skb, hdr);
	return 0;
cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/* Events */

/* Writes one object into a message; the fill functions above. */
typedef int (*vem_nl_fill_t)(struct sk_buff *skb, const void *obj,
			     u32 portid, u32 seq, int flags, u8 cmd);

/* Announce @obj to the events group of @sw. Any context; @gfp says which. */
static void vem_nl_notify(struct vem_switch *sw, vem_nl_fill_t fill,
			  const void *obj, u8 cmd, gfp_t gfp)
{
	struct sk_buff *msg;

	if (!genl_has_listeners(&vem_genl_family, sw->net, VEM_NL_GRP_EVENTS))
		return;
	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, gfp);
	if (!msg)
		return;
	if (fill(msg, obj, 0, 0, 0, cmd)) {
		nlmsg_free(msg);
		return;
	}
	genlmsg_multicast_netns(&vem_genl_family, sw->net, msg, 0,
				VEM_NL_GRP_EVENTS, gfp);
}

/* Must hold vem_mutex. */
void vem_nl_notify_switch(struct vem_switch *sw, u8 cmd)
{
	vem_nl_notify(sw, vem_nl_fill_switch, sw, cmd, GFP_KERNEL);
}

/* Must hold vem_mutex. */
void vem_nl_notify_port(struct vem_port *port, u8 cmd)
{
	vem_nl_notify(port->sw, vem_nl_fill_port_event, port, cmd, GFP_KERNEL);
}

/* Must hold vem_mutex. */
static void vem_nl_notify_profile(struct vem_switch *sw,
				  struct vem_profile *prof, u8 cmd)
{
	vem_nl_notify(sw, vem_nl_fill_profile, prof, cmd, GFP_KERNEL);
}

/* Any context; @gfp says which. */
void vem_nl_notify_fdb(struct vem_switch *sw, const struct vem_fdb_entry *e,
		       u8 cmd, gfp_t gfp)
{
	vem_nl_notify(sw, vem_nl_fill_fdb, e, cmd, gfp);
}

/* Answer a do request with @obj, as @fill writes it. */
static int vem_nl_reply(struct genl_info *info, vem_nl_fill_t fill,
			const void *obj, u8 cmd)
{
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	err = fill(msg, obj, info->snd_portid, info->snd_seq, 0, cmd);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/* pre_doit / post_doit */

static int vem_nl_pre_doit(const vem_genl_ops_t *ops, struct sk_buff *skb,
			   struct genl_info *info)
{
	u8 flags = ops->internal_flags;
	struct vem_switch *sw;
	struct vem_port *port;
	int err;

	if (flags & VEM_NL_NEED_RTNL)
		rtnl_lock();
	mutex_lock(&vem_mutex);

	if (flags & (VEM_NL_NEED_SWITCH | VEM_NL_NEED_PORT | VEM_NL_NEED_PROFILE)) {
		sw = vem_switch_get(genl_info_net(info));
		if (!sw) {
			NL_SET_ERR_MSG_MOD(info->extack,
					   "No switch in this network namespace");
			err = -ENODEV;
			goto err_unlock;
		}
		info->user_ptr[0] = sw;
	}
	if (flags & VEM_NL_NEED_PORT) {
		if (VEM_REQUIRE(info, VEM_A_PORT_TYPE, "port type") ||
		    VEM_REQUIRE(info, VEM_A_PORT_ID, "port id")) {
			err = -EINVAL;
			goto err_unlock;
		}
		port = vem_port_find(sw, nla_get_u8(info->attrs[VEM_A_PORT_TYPE]),
				     nla_get_u32(info->attrs[VEM_A_PORT_ID]));
		if (!port) {
			NL_SET_ERR_MSG_ATTR_MOD(info->extack,
						info->attrs[VEM_A_PORT_ID],
						"No such port");
			err = -ENOENT;
			goto err_unlock;
		}
		info->user_ptr[1] = port;
	}
	if (flags & VEM_NL_NEED_PROFILE) {
		struct vem_profile *prof;

		if (VEM_REQUIRE(info, VEM_A_PROFILE_NAME, "profile name")) {
			err = -EINVAL;
			goto err_unlock;
		}
		prof = vem_profile_find(sw, nla_data(info->attrs[VEM_A_PROFILE_NAME]));
		if (!prof) {
			NL_SET_ERR_MSG_ATTR_MOD(info->extack,
						info->attrs[VEM_A_PROFILE_NAME],
						"No such port profile");
			err = -ENOENT;
			goto err_unlock;
		}
		info->user_ptr[1] = prof;
	}
	return 0;

err_unlock:
	mutex_unlock(&vem_mutex);
	if (flags & VEM_NL_NEED_RTNL)
		rtnl_unlock();
	return err;
}

static void vem_nl_post_doit(const vem_genl_ops_t *ops, struct sk_buff *skb,
			     struct genl_info *info)
{
	mutex_unlock(&vem_mutex);
	if (ops->internal_flags & VEM_NL_NEED_RTNL)
		rtnl_unlock();
}

/* Switch commands. Must hold vem_mutex (pre_doit), as all doit below. */

static int vem_nl_switch_new(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	u32 ageing = VEM_AGEING_TIME_DEFAULT, fdb_max = VEM_FDB_MAX_DEFAULT;
	struct vem_switch *sw;

	if (vem_switch_get(net)) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "This network namespace already has a switch");
		return -EEXIST;
	}
	/* Keeps the event group away from anyone but init-ns admins. */
	if (net->user_ns != &init_user_ns) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "A switch needs a network namespace owned by the initial user namespace");
		return -EPERM;
	}
	if (info->attrs[VEM_A_SWITCH_AGEING_TIME])
		ageing = nla_get_u32(info->attrs[VEM_A_SWITCH_AGEING_TIME]);
	if (info->attrs[VEM_A_SWITCH_FDB_MAX])
		fdb_max = nla_get_u32(info->attrs[VEM_A_SWITCH_FDB_MAX]);

	sw = vem_switch_create(net, ageing, fdb_max);
	if (IS_ERR(sw)) {
		NL_SET_ERR_MSG_MOD(info->extack, "Cannot create the switch");
		return PTR_ERR(sw);
	}
	vem_nl_notify_switch(sw, VEM_CMD_SWITCH_NEW);
	return 0;
}

static int vem_nl_switch_set(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_switch *sw = info->user_ptr[0];

	if (!info->attrs[VEM_A_SWITCH_AGEING_TIME] &&
	    !info->attrs[VEM_A_SWITCH_FDB_MAX]) {
		NL_SET_ERR_MSG_MOD(info->extack, "Nothing to change");
		return -EINVAL;
	}
	if (info->attrs[VEM_A_SWITCH_FDB_MAX])
		WRITE_ONCE(sw->fdb.max,
			   nla_get_u32(info->attrs[VEM_A_SWITCH_FDB_MAX]));
	if (info->attrs[VEM_A_SWITCH_AGEING_TIME])
		vem_fdb_set_ageing(&sw->fdb,
				   nla_get_u32(info->attrs[VEM_A_SWITCH_AGEING_TIME]));
	vem_nl_notify_switch(sw, VEM_CMD_SWITCH_SET);
	return 0;
}

static int vem_nl_switch_del(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_switch *sw = info->user_ptr[0];

	vem_nl_notify_switch(sw, VEM_CMD_SWITCH_DEL);
	vem_switch_destroy(sw);
	return 0;
}

static int vem_nl_switch_get(struct sk_buff *skb, struct genl_info *info)
{
	return vem_nl_reply(info, vem_nl_fill_switch, info->user_ptr[0], VEM_CMD_SWITCH_GET);
}

/* Port commands */

/* Where a port's and a profile's messages carry the same items. */
struct vem_cfg_attrs {
	int mode, access_vlan, native_vlan, trunk_vlans, shutdown;
};

static const struct vem_cfg_attrs vem_port_cfg_attrs = {
	.mode = VEM_A_PORT_MODE,
	.access_vlan = VEM_A_PORT_ACCESS_VLAN,
	.native_vlan = VEM_A_PORT_NATIVE_VLAN,
	.trunk_vlans = VEM_A_PORT_TRUNK_VLANS,
	.shutdown = VEM_A_PORT_SHUTDOWN,
};

static const struct vem_cfg_attrs vem_profile_cfg_attrs = {
	.mode = VEM_A_PROFILE_MODE,
	.access_vlan = VEM_A_PROFILE_ACCESS_VLAN,
	.native_vlan = VEM_A_PROFILE_NATIVE_VLAN,
	.trunk_vlans = VEM_A_PROFILE_TRUNK_VLANS,
	.shutdown = VEM_A_PROFILE_SHUTDOWN,
};

/*
 * Apply the configuration items of a request to @cfg, marking them in
 * cfg->own. Checks what the policy cannot; changes nothing else.
 */
static int vem_nl_parse_cfg(struct genl_info *info,
			    const struct vem_cfg_attrs *a,
			    struct vem_port_cfg *cfg)
{
	struct nlattr **attrs = info->attrs;

	if (attrs[a->mode]) {
		cfg->mode = nla_get_u8(attrs[a->mode]);
		cfg->own |= VEM_CFG_MODE;
	}
	if (attrs[a->access_vlan]) {
		cfg->access_vlan = nla_get_u16(attrs[a->access_vlan]);
		cfg->own |= VEM_CFG_ACCESS_VLAN;
	}
	if (attrs[a->native_vlan]) {
		cfg->native_vlan = nla_get_u16(attrs[a->native_vlan]);
		cfg->own |= VEM_CFG_NATIVE_VLAN;
	}
	if (attrs[a->trunk_vlans]) {
		const u8 *bytes = nla_data(attrs[a->trunk_vlans]);
		unsigned int vid;

		if ((bytes[0] & 1) || (bytes[VEM_VLAN_BITMAP_LEN - 1] & 0x80)) {
			NL_SET_ERR_MSG_ATTR_MOD(info->extack, attrs[a->trunk_vlans],
						"VLANs 0 and 4095 are reserved");
			return -EINVAL;
		}
		bitmap_zero(cfg->trunk_vlans, VLAN_N_VID);
		for (vid = 1; vid <= VEM_VLAN_MAX; vid++)
			if (bytes[vid / 8] & (1 << (vid % 8)))
				__set_bit(vid, cfg->trunk_vlans);
		cfg->own |= VEM_CFG_TRUNK_VLANS;
	}
	if (attrs[a->shutdown]) {
		cfg->shutdown = nla_get_u8(attrs[a->shutdown]);
		cfg->own |= VEM_CFG_SHUTDOWN;
	}
	return 0;
}

/*
 * Drop the items VEM_A_PORT_CLEAR names: the port takes its profile's
 * again (or the defaults, without a profile).
 */
static void vem_nl_clear_cfg(struct genl_info *info, u8 type,
			     struct vem_port_cfg *cfg)
{
	struct vem_port_cfg def;
	u32 clear;

	if (!info->attrs[VEM_A_PORT_CLEAR])
		return;
	clear = nla_get_u32(info->attrs[VEM_A_PORT_CLEAR]);
	vem_port_cfg_default(&def, type);
	if (clear & VEM_CFG_MODE)
		cfg->mode = def.mode;
	if (clear & VEM_CFG_ACCESS_VLAN)
		cfg->access_vlan = def.access_vlan;
	if (clear & VEM_CFG_NATIVE_VLAN)
		cfg->native_vlan = def.native_vlan;
	if (clear & VEM_CFG_TRUNK_VLANS)
		bitmap_copy(cfg->trunk_vlans, def.trunk_vlans, VLAN_N_VID);
	if (clear & VEM_CFG_SHUTDOWN)
		cfg->shutdown = def.shutdown;
	cfg->own &= ~clear;
}

/* The mode a port would have with @cfg as its own and @prof as profile. */
static u8 vem_effective_mode(const struct vem_port_cfg *cfg,
			     struct vem_profile *prof)
{
	if (!prof || (cfg->own & VEM_CFG_MODE))
		return cfg->mode;
	return vem_dereference(prof->cfg)->mode;
}

/*
 * The profile VEM_A_PORT_PROFILE names: NULL for "" (none), @cur when the
 * attribute is absent, an ERR_PTR if there is no such profile.
 * Must hold vem_mutex.
 */
static struct vem_profile *vem_nl_get_profile(struct vem_switch *sw,
					      struct genl_info *info,
					      struct vem_profile *cur)
{
	struct nlattr *attr = info->attrs[VEM_A_PORT_PROFILE];
	struct vem_profile *prof;

	if (!attr)
		return cur;
	if (!nla_len(attr) || !*(char *)nla_data(attr))
		return NULL;
	prof = vem_profile_find(sw, nla_data(attr));
	if (!prof) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, attr, "No such port profile");
		return ERR_PTR(-ENOENT);
	}
	return prof;
}

/*
 * Build the configuration a PORT_NEW/PORT_SET asks for in @cfg, which holds
 * the port's current one, and check it against the profile it will have.
 */
static int vem_nl_parse_port_cfg(struct genl_info *info, u8 type,
				 struct vem_profile *prof,
				 struct vem_port_cfg *cfg)
{
	int err;

	vem_nl_clear_cfg(info, type, cfg);
	err = vem_nl_parse_cfg(info, &vem_port_cfg_attrs, cfg);
	if (err)
		return err;
	if (type == VEM_PORT_UPLINK &&
	    vem_effective_mode(cfg, prof) != VEM_PORT_MODE_TRUNK) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, info->attrs[VEM_A_PORT_MODE],
					"An uplink is always a trunk");
		return -EINVAL;
	}
	return 0;
}

/*
 * The netdev VEM_A_PORT_IFINDEX names, if any, in @sw's namespace.
 * Must hold RTNL. Returns NULL for ifindex 0, an ERR_PTR if there is none.
 */
static struct net_device *vem_nl_get_dev(struct vem_switch *sw,
					 struct genl_info *info)
{
	struct nlattr *attr = info->attrs[VEM_A_PORT_IFINDEX];
	struct net_device *dev;
	u32 ifindex = nla_get_u32(attr);

	if (!ifindex)
		return NULL;
	dev = __dev_get_by_index(sw->net, ifindex);
	if (!dev) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, attr,
					"No such device in the switch's network namespace");
		return ERR_PTR(-ENODEV);
	}
	return dev;
}

static int vem_nl_port_new(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_switch *sw = info->user_ptr[0];
	struct vem_profile *prof;
	struct net_device *dev = NULL;
	struct vem_port_cfg *cfg;
	struct vem_port *port;
	u32 id;
	u8 type;
	int err;

	if (VEM_REQUIRE(info, VEM_A_PORT_TYPE, "port type") ||
	    VEM_REQUIRE(info, VEM_A_PORT_ID, "port id"))
		return -EINVAL;
	type = nla_get_u8(info->attrs[VEM_A_PORT_TYPE]);
	id = nla_get_u32(info->attrs[VEM_A_PORT_ID]);
	if (vem_port_find(sw, type, id)) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, info->attrs[VEM_A_PORT_ID],
					"Port already exists");
		return -EEXIST;
	}
	if (info->attrs[VEM_A_PORT_IFINDEX]) {
		dev = vem_nl_get_dev(sw, info);
		if (IS_ERR(dev))
			return PTR_ERR(dev);
	}

	prof = vem_nl_get_profile(sw, info, NULL);
	if (IS_ERR(prof))
		return PTR_ERR(prof);

	cfg = kmalloc(sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;
	vem_port_cfg_default(cfg, type);
	err = vem_nl_parse_port_cfg(info, type, prof, cfg);
	if (err)
		goto out;

	port = vem_port_create(sw, type, id, cfg);
	if (IS_ERR(port)) {
		NL_SET_ERR_MSG_MOD(info->extack, "Cannot create the port");
		err = PTR_ERR(port);
		goto out;
	}
	err = vem_port_set_profile(port, prof, info->extack);
	if (err) {
		vem_port_destroy(port);
		goto out;
	}
	if (dev) {
		err = vem_port_bind(port, dev, info->extack);
		if (err) {
			/* All or nothing: no port without its netdev. */
			vem_port_destroy(port);
			goto out;
		}
	}
	vem_nl_notify_port(port, VEM_CMD_PORT_NEW);
out:
	kfree(cfg);
	return err;
}

static int vem_nl_port_set(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_port *port = info->user_ptr[1];
	struct net_device *dev = NULL, *cur;
	struct vem_profile *prof;
	struct vem_port_cfg *cfg;
	bool bind_attr = info->attrs[VEM_A_PORT_IFINDEX];
	int err;

	prof = vem_nl_get_profile(port->sw, info, vem_dereference(port->profile));
	if (IS_ERR(prof))
		return PTR_ERR(prof);
	err = vem_profile_may_bind(port, prof, info->extack);
	if (err)
		return err;

	cur = vem_dereference(port->dev);
	if (bind_attr) {
		dev = vem_nl_get_dev(port->sw, info);
		if (IS_ERR(dev))
			return PTR_ERR(dev);
		if (dev && cur && dev != cur) {
			NL_SET_ERR_MSG_ATTR_MOD(info->extack,
						info->attrs[VEM_A_PORT_IFINDEX],
						"Port is bound to another device: unbind it first");
			return -EBUSY;
		}
	}

	/* Everything that can fail happens before anything changes. */
	cfg = kmemdup(vem_dereference(port->cfg), sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;
	err = vem_nl_parse_port_cfg(info, port->type, prof, cfg);
	if (err)
		goto err_free;
	if (bind_attr && dev && !cur) {
		err = vem_port_bind(port, dev, info->extack);
		if (err)
			goto err_free;
	}

	/* From here on nothing fails. */
	if (bind_attr && !dev)
		vem_port_unbind(port);
	vem_port_set_profile(port, prof, NULL);
	vem_port_set_cfg(port, cfg);
	vem_nl_notify_port(port, VEM_CMD_PORT_SET);
	return 0;

err_free:
	kfree(cfg);
	return err;
}

static int vem_nl_port_del(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_port *port = info->user_ptr[1];

	vem_nl_notify_port(port, VEM_CMD_PORT_DEL);
	vem_port_destroy(port);
	return 0;
}

static int vem_nl_port_get(struct sk_buff *skb, struct genl_info *info)
{
	return vem_nl_reply(info, vem_nl_fill_port_stats, info->user_ptr[1], VEM_CMD_PORT_GET);
}

/* Dumps: cb->args[0] counts the objects already sent. Called without locks. */

static int vem_nl_port_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **attrs = vem_dump_attrs(cb);
	struct vem_switch *sw;
	struct vem_port *port;
	long idx = 0, skip = cb->args[0];
	u8 type = 0;
	int err = 0;

	if (attrs[VEM_A_PORT_ID]) {
		NL_SET_ERR_MSG_ATTR_MOD(cb->extack, attrs[VEM_A_PORT_ID],
					"A dump takes no port id: ask for one port without NLM_F_DUMP");
		return -EINVAL;
	}
	if (attrs[VEM_A_PORT_TYPE])
		type = nla_get_u8(attrs[VEM_A_PORT_TYPE]);

	rcu_read_lock();
	sw = vem_switch_get(sock_net(skb->sk));
	if (!sw) {
		rcu_read_unlock();
		if (skip)
			return 0;	/* deleted during the dump */
		NL_SET_ERR_MSG_MOD(cb->extack, "No switch in this network namespace");
		return -ENODEV;
	}
	cb->seq = READ_ONCE(sw->gen);
	list_for_each_entry_rcu(port, &sw->ports, node) {
		if (type && port->type != type)
			continue;
		if (idx++ < skip)
			continue;
		err = vem_nl_fill_port(skb, port, NETLINK_CB(cb->skb).portid,
				       cb->nlh->nlmsg_seq, NLM_F_MULTI,
				       VEM_CMD_PORT_GET, true);
		if (err) {
			idx--;
			break;
		}
		genl_dump_check_consistent(cb, nlmsg_data(nlmsg_hdr(skb)));
	}
	rcu_read_unlock();
	cb->args[0] = idx;
	/* A full skb is not an error: the dump goes on in the next one. */
	return err == -EMSGSIZE && skb->len ? skb->len : err ?: skb->len;
}

static int vem_nl_fdb_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **attrs = vem_dump_attrs(cb);
	struct vem_fdb_entry *e;
	struct vem_switch *sw;
	long idx = 0, skip = cb->args[0];
	u32 port_id = 0;
	u8 port_type = 0;
	u16 vid = 0;
	int err = 0;

	if (attrs[VEM_A_FDB_MAC]) {
		NL_SET_ERR_MSG_ATTR_MOD(cb->extack, attrs[VEM_A_FDB_MAC],
					"A dump takes no MAC: ask for one entry without NLM_F_DUMP");
		return -EINVAL;
	}
	if (!attrs[VEM_A_FDB_PORT_TYPE] != !attrs[VEM_A_FDB_PORT_ID]) {
		NL_SET_ERR_MSG_MOD(cb->extack, "Port type and port id go together");
		return -EINVAL;
	}
	if (attrs[VEM_A_FDB_VLAN])
		vid = nla_get_u16(attrs[VEM_A_FDB_VLAN]);
	if (attrs[VEM_A_FDB_PORT_TYPE]) {
		port_type = nla_get_u8(attrs[VEM_A_FDB_PORT_TYPE]);
		port_id = nla_get_u32(attrs[VEM_A_FDB_PORT_ID]);
	}

	rcu_read_lock();
	sw = vem_switch_get(sock_net(skb->sk));
	if (!sw) {
		rcu_read_unlock();
		if (skip)
			return 0;
		NL_SET_ERR_MSG_MOD(cb->extack, "No switch in this network namespace");
		return -ENODEV;
	}
	cb->seq = atomic_read(&sw->fdb.gen);
	hlist_for_each_entry_rcu(e, &sw->fdb.entries, node) {
		const struct vem_port *port = READ_ONCE(e->port);

		if (vid && e->key.vid != vid)
			continue;
		if (port_type && (port->type != port_type || port->id != port_id))
			continue;
		if (idx++ < skip)
			continue;
		err = vem_nl_fill_fdb(skb, e, NETLINK_CB(cb->skb).portid,
				      cb->nlh->nlmsg_seq, NLM_F_MULTI,
				      VEM_CMD_FDB_GET);
		if (err) {
			idx--;
			break;
		}
		genl_dump_check_consistent(cb, nlmsg_data(nlmsg_hdr(skb)));
	}
	rcu_read_unlock();
	cb->args[0] = idx;
	return err == -EMSGSIZE && skb->len ? skb->len : err ?: skb->len;
}

/* FDB commands */

static int vem_nl_fdb_new(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_switch *sw = info->user_ptr[0];
	struct nlattr **attrs = info->attrs;
	struct vem_port *port;
	const u8 *addr;
	int err;

	if (VEM_REQUIRE(info, VEM_A_FDB_MAC, "MAC address") ||
	    VEM_REQUIRE(info, VEM_A_FDB_VLAN, "VLAN") ||
	    VEM_REQUIRE(info, VEM_A_FDB_PORT_TYPE, "port type") ||
	    VEM_REQUIRE(info, VEM_A_FDB_PORT_ID, "port id"))
		return -EINVAL;
	addr = nla_data(attrs[VEM_A_FDB_MAC]);
	if (!is_valid_ether_addr(addr)) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, attrs[VEM_A_FDB_MAC],
					"MAC address must be unicast and not zero");
		return -EINVAL;
	}
	port = vem_port_find(sw, nla_get_u8(attrs[VEM_A_FDB_PORT_TYPE]),
			     nla_get_u32(attrs[VEM_A_FDB_PORT_ID]));
	if (!port) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, attrs[VEM_A_FDB_PORT_ID],
					"No such port");
		return -ENOENT;
	}
	err = vem_fdb_add_static(sw, port, addr,
				 nla_get_u16(attrs[VEM_A_FDB_VLAN]));
	if (err == -ENOSPC)
		NL_SET_ERR_MSG_MOD(info->extack, "MAC address table is full");
	else if (err)
		NL_SET_ERR_MSG_MOD(info->extack, "Cannot add the MAC address");
	return err;
}

static int vem_nl_fdb_del(struct sk_buff *skb, struct genl_info *info)
{
	int err;

	if (VEM_REQUIRE(info, VEM_A_FDB_MAC, "MAC address") ||
	    VEM_REQUIRE(info, VEM_A_FDB_VLAN, "VLAN"))
		return -EINVAL;
	err = vem_fdb_delete(info->user_ptr[0],
			     nla_data(info->attrs[VEM_A_FDB_MAC]),
			     nla_get_u16(info->attrs[VEM_A_FDB_VLAN]));
	if (err)
		NL_SET_ERR_MSG_MOD(info->extack, "No such MAC address entry");
	return err;
}

static int vem_nl_fdb_get(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_switch *sw = info->user_ptr[0];
	struct vem_fdb_entry *e;
	struct sk_buff *msg;
	int err = -ENOENT;

	if (VEM_REQUIRE(info, VEM_A_FDB_MAC, "MAC address") ||
	    VEM_REQUIRE(info, VEM_A_FDB_VLAN, "VLAN"))
		return -EINVAL;
	if (info->attrs[VEM_A_FDB_PORT_TYPE] || info->attrs[VEM_A_FDB_PORT_ID]) {
		NL_SET_ERR_MSG_MOD(info->extack, "A port filters dumps only");
		return -EINVAL;
	}
	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	rcu_read_lock();
	e = vem_fdb_lookup(&sw->fdb, nla_data(info->attrs[VEM_A_FDB_MAC]),
			   nla_get_u16(info->attrs[VEM_A_FDB_VLAN]));
	if (e)
		err = vem_nl_fill_fdb(msg, e, info->snd_portid, info->snd_seq,
				      0, VEM_CMD_FDB_GET);
	rcu_read_unlock();
	if (err) {
		if (err == -ENOENT)
			NL_SET_ERR_MSG_MOD(info->extack, "No such MAC address entry");
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

static int vem_nl_fdb_flush(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_switch *sw = info->user_ptr[0];
	struct nlattr **attrs = info->attrs;
	struct vem_port *port = NULL;
	u16 vid = 0;
	u32 flags = 0;

	if (!attrs[VEM_A_FDB_PORT_TYPE] != !attrs[VEM_A_FDB_PORT_ID]) {
		NL_SET_ERR_MSG_MOD(info->extack, "Port type and port id go together");
		return -EINVAL;
	}
	if (attrs[VEM_A_FDB_PORT_TYPE]) {
		port = vem_port_find(sw, nla_get_u8(attrs[VEM_A_FDB_PORT_TYPE]),
				     nla_get_u32(attrs[VEM_A_FDB_PORT_ID]));
		if (!port) {
			NL_SET_ERR_MSG_ATTR_MOD(info->extack,
						attrs[VEM_A_FDB_PORT_ID],
						"No such port");
			return -ENOENT;
		}
	}
	if (attrs[VEM_A_FDB_VLAN])
		vid = nla_get_u16(attrs[VEM_A_FDB_VLAN]);
	if (attrs[VEM_A_FDB_FLAGS])
		flags = nla_get_u32(attrs[VEM_A_FDB_FLAGS]);
	vem_fdb_flush(sw, port, vid, flags & VEM_FDB_F_STATIC);
	return 0;
}

/* Profile commands */

static bool vem_profile_name_ok(const char *name)
{
	const char *c;

	if (!*name)
		return false;
	for (c = name; *c; c++)
		if (!isalnum(*c) && *c != '-' && *c != '_' && *c != '.')
			return false;
	return true;
}

/* Check a profile's configuration as a whole; @type: the ports it serves. */
static int vem_nl_check_profile(struct genl_info *info, u8 type,
				const struct vem_port_cfg *cfg)
{
	if (type == VEM_PORT_UPLINK && cfg->mode != VEM_PORT_MODE_TRUNK) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack,
					info->attrs[VEM_A_PROFILE_MODE],
					"An ethernet profile is always a trunk");
		return -EINVAL;
	}
	return 0;
}

static int vem_nl_profile_new(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_switch *sw = info->user_ptr[0];
	struct nlattr **attrs = info->attrs;
	struct vem_profile *prof;
	struct vem_port_cfg cfg;
	const char *name;
	u8 type = VEM_PORT_VETH;
	int err;

	if (VEM_REQUIRE(info, VEM_A_PROFILE_NAME, "profile name"))
		return -EINVAL;
	name = nla_data(attrs[VEM_A_PROFILE_NAME]);
	if (!vem_profile_name_ok(name)) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, attrs[VEM_A_PROFILE_NAME],
					"A profile name is letters, digits, '-', '_' and '.'");
		return -EINVAL;
	}
	if (vem_profile_find(sw, name)) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, attrs[VEM_A_PROFILE_NAME],
					"Port profile already exists");
		return -EEXIST;
	}
	if (attrs[VEM_A_PROFILE_TYPE])
		type = nla_get_u8(attrs[VEM_A_PROFILE_TYPE]);
	vem_port_cfg_default(&cfg, type);
	err = vem_nl_parse_cfg(info, &vem_profile_cfg_attrs, &cfg);
	if (err)
		return err;
	err = vem_nl_check_profile(info, type, &cfg);
	if (err)
		return err;
	cfg.own = 0;	/* meaningless in a profile */

	prof = vem_profile_create(sw, name, type, &cfg);
	if (IS_ERR(prof)) {
		NL_SET_ERR_MSG_MOD(info->extack, "Cannot create the profile");
		return PTR_ERR(prof);
	}
	if (attrs[VEM_A_PROFILE_MAX_PORTS])
		prof->max_ports = nla_get_u32(attrs[VEM_A_PROFILE_MAX_PORTS]);
	if (attrs[VEM_A_PROFILE_ENABLED])
		prof->enabled = nla_get_u8(attrs[VEM_A_PROFILE_ENABLED]);
	vem_nl_notify_profile(sw, prof, VEM_CMD_PROFILE_NEW);
	return 0;
}

static int vem_nl_profile_set(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_switch *sw = info->user_ptr[0];
	struct vem_profile *prof = info->user_ptr[1];
	struct nlattr **attrs = info->attrs;
	struct vem_port_cfg *cfg;
	u32 max_ports = prof->max_ports;
	bool enabled = prof->enabled;
	int err;

	if (attrs[VEM_A_PROFILE_TYPE] &&
	    nla_get_u8(attrs[VEM_A_PROFILE_TYPE]) != prof->type) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, attrs[VEM_A_PROFILE_TYPE],
					"A profile's type cannot change");
		return -EINVAL;
	}
	if (attrs[VEM_A_PROFILE_MAX_PORTS])
		max_ports = nla_get_u32(attrs[VEM_A_PROFILE_MAX_PORTS]);
	if (max_ports < prof->n_ports) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, attrs[VEM_A_PROFILE_MAX_PORTS],
					"More ports are bound to the profile than that");
		return -EBUSY;
	}
	if (attrs[VEM_A_PROFILE_ENABLED])
		enabled = nla_get_u8(attrs[VEM_A_PROFILE_ENABLED]);
	if (!enabled && prof->n_ports) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, attrs[VEM_A_PROFILE_ENABLED],
					"Ports are bound to the profile: it cannot be disabled");
		return -EBUSY;
	}

	cfg = kmemdup(vem_dereference(prof->cfg), sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;
	err = vem_nl_parse_cfg(info, &vem_profile_cfg_attrs, cfg);
	if (!err)
		err = vem_nl_check_profile(info, prof->type, cfg);
	if (err) {
		kfree(cfg);
		return err;
	}
	cfg->own = 0;

	prof->max_ports = max_ports;
	prof->enabled = enabled;
	/* One publish: every bound port sees the new config at once. */
	vem_profile_set_cfg(prof, cfg);
	vem_switch_changed(sw);
	vem_nl_notify_profile(sw, prof, VEM_CMD_PROFILE_SET);
	return 0;
}

static int vem_nl_profile_del(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_profile *prof = info->user_ptr[1];

	if (prof->n_ports) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "Ports are bound to the profile: it cannot be deleted");
		return -EBUSY;
	}
	vem_nl_notify_profile(info->user_ptr[0], prof, VEM_CMD_PROFILE_DEL);
	vem_profile_destroy(prof);
	return 0;
}

static int vem_nl_profile_get(struct sk_buff *skb, struct genl_info *info)
{
	return vem_nl_reply(info, vem_nl_fill_profile, info->user_ptr[1], VEM_CMD_PROFILE_GET);
}

/*
 * Profiles are few and change rarely: the dump holds vem_mutex, which
 * keeps them simple (a plain list, no RCU) and consistent.
 */
static int vem_nl_profile_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct vem_profile *prof;
	struct vem_switch *sw;
	long idx = 0, skip = cb->args[0];
	int err = 0;

	if (vem_dump_attrs(cb)[VEM_A_PROFILE_NAME]) {
		NL_SET_ERR_MSG_MOD(cb->extack,
				   "A dump takes no name: ask for one profile without NLM_F_DUMP");
		return -EINVAL;
	}
	mutex_lock(&vem_mutex);
	sw = vem_switch_get(sock_net(skb->sk));
	if (!sw) {
		mutex_unlock(&vem_mutex);
		if (skip)
			return 0;
		NL_SET_ERR_MSG_MOD(cb->extack, "No switch in this network namespace");
		return -ENODEV;
	}
	cb->seq = READ_ONCE(sw->gen);
	list_for_each_entry(prof, &sw->profiles, node) {
		if (idx++ < skip)
			continue;
		err = vem_nl_fill_profile(skb, prof, NETLINK_CB(cb->skb).portid,
					  cb->nlh->nlmsg_seq, NLM_F_MULTI,
					  VEM_CMD_PROFILE_GET);
		if (err) {
			idx--;
			break;
		}
		genl_dump_check_consistent(cb, nlmsg_data(nlmsg_hdr(skb)));
	}
	mutex_unlock(&vem_mutex);
	cb->args[0] = idx;
	return err == -EMSGSIZE && skb->len ? skb->len : err ?: skb->len;
}

#define VEM_OP(_cmd, _doit, _dumpit, _policy, _flags)			\
	{								\
		.cmd = _cmd,						\
		.doit = _doit,						\
		.dumpit = _dumpit,					\
		.policy = _policy,					\
		.maxattr = ARRAY_SIZE(_policy) - 1,			\
		.flags = GENL_ADMIN_PERM,				\
		.internal_flags = _flags,				\
	}

/*
 * Commands that take no attribute. Without a policy the 6.1 core would
 * ignore whatever is sent; with this one, strict validation refuses any
 * attribute: type 1 as unsupported, the others as unknown.
 */
static const struct nla_policy vem_noattr_policy[2] = {};

#define VEM_OP_NOATTR(_cmd, _doit, _flags)				\
	VEM_OP(_cmd, _doit, NULL, vem_noattr_policy, _flags)

static const struct genl_ops vem_nl_ops[] = {
	VEM_OP(VEM_CMD_SWITCH_NEW, vem_nl_switch_new, NULL, vem_switch_policy, 0),
	VEM_OP_NOATTR(VEM_CMD_SWITCH_DEL, vem_nl_switch_del,
		      VEM_NL_NEED_SWITCH | VEM_NL_NEED_RTNL),
	VEM_OP_NOATTR(VEM_CMD_SWITCH_GET, vem_nl_switch_get, VEM_NL_NEED_SWITCH),
	VEM_OP(VEM_CMD_SWITCH_SET, vem_nl_switch_set, NULL, vem_switch_policy,
	       VEM_NL_NEED_SWITCH),
	VEM_OP(VEM_CMD_PORT_NEW, vem_nl_port_new, NULL, vem_port_policy,
	       VEM_NL_NEED_SWITCH | VEM_NL_NEED_RTNL),
	VEM_OP(VEM_CMD_PORT_DEL, vem_nl_port_del, NULL, vem_port_ref_policy,
	       VEM_NL_NEED_PORT | VEM_NL_NEED_RTNL),
	VEM_OP(VEM_CMD_PORT_GET, vem_nl_port_get, vem_nl_port_dump,
	       vem_port_ref_policy, VEM_NL_NEED_PORT),
	VEM_OP(VEM_CMD_PORT_SET, vem_nl_port_set, NULL, vem_port_policy,
	       VEM_NL_NEED_PORT | VEM_NL_NEED_RTNL),
	VEM_OP(VEM_CMD_FDB_NEW, vem_nl_fdb_new, NULL, vem_fdb_policy,
	       VEM_NL_NEED_SWITCH),
	VEM_OP(VEM_CMD_FDB_DEL, vem_nl_fdb_del, NULL, vem_fdb_del_policy,
	       VEM_NL_NEED_SWITCH),
	VEM_OP(VEM_CMD_FDB_GET, vem_nl_fdb_get, vem_nl_fdb_dump, vem_fdb_policy,
	       VEM_NL_NEED_SWITCH),
	VEM_OP(VEM_CMD_FDB_FLUSH, vem_nl_fdb_flush, NULL, vem_fdb_flush_policy,
	       VEM_NL_NEED_SWITCH),
	VEM_OP(VEM_CMD_PROFILE_NEW, vem_nl_profile_new, NULL, vem_profile_policy,
	       VEM_NL_NEED_SWITCH),
	VEM_OP(VEM_CMD_PROFILE_DEL, vem_nl_profile_del, NULL,
	       vem_profile_ref_policy, VEM_NL_NEED_PROFILE),
	VEM_OP(VEM_CMD_PROFILE_GET, vem_nl_profile_get, vem_nl_profile_dump,
	       vem_profile_ref_policy, VEM_NL_NEED_PROFILE),
	VEM_OP(VEM_CMD_PROFILE_SET, vem_nl_profile_set, NULL, vem_profile_policy,
	       VEM_NL_NEED_PROFILE),
};

static struct genl_family vem_genl_family __ro_after_init = {
	.name = VEM_GENL_NAME,
	.version = VEM_GENL_VERSION,
	.netnsok = true,
	.parallel_ops = true,	/* vem_mutex serialises what needs it */
	.pre_doit = vem_nl_pre_doit,
	.post_doit = vem_nl_post_doit,
	.ops = vem_nl_ops,
	.n_ops = ARRAY_SIZE(vem_nl_ops),
	.resv_start_op = VEM_CMD_PROFILE_SET + 1,	/* every command is strict */
	.mcgrps = vem_nl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(vem_nl_mcgrps),
	.module = THIS_MODULE,
};

int __init vem_genl_init(void)
{
	return genl_register_family(&vem_genl_family);
}

void vem_genl_uninit(void)
{
	genl_unregister_family(&vem_genl_family);
}
