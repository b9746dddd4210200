// SPDX-License-Identifier: GPL-2.0
/*
 * The "vem" generic netlink family: see include/uapi/linux/vem.h for the
 * protocol. Validation lives in the per-command policies; what a policy
 * cannot say is checked in the handlers, each rejection with an extack
 * message. Lookups and locking are done in pre_doit/post_doit.
 *
 * This file: the family, its policies and operations, pre_doit/post_doit,
 * replies and events. The commands are in nl_switch.c, nl_port.c,
 * nl_fdb.c, nl_profile.c, nl_acl.c and nl_qos.c.
 */

#include <linux/ctype.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "netlink.h"

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

#define VEM_ACL_NAME_POLICY \
	{ .type = NLA_NUL_STRING, .len = VEM_ACL_NAME_MAX }

#define VEM_QOS_NAME_POLICY \
	{ .type = NLA_NUL_STRING, .len = VEM_QOS_NAME_MAX }

static struct netlink_range_validation vem_storm_range = {
	.min = 0, .max = VEM_STORM_PPS_MAX,
};

#define VEM_STORM_POLICY NLA_POLICY_FULL_RANGE(NLA_U32, &vem_storm_range)

/* Port security: on, maximum, violation mode, sticky. */
#define VEM_PSEC_POLICY(on, max, violation, sticky)			\
	[on] = NLA_POLICY_MAX(NLA_U8, 1),				\
	[max] = NLA_POLICY_RANGE(NLA_U32, 1, VEM_PSEC_MAX_LIMIT),	\
	[violation] = NLA_POLICY_MAX(NLA_U8, VEM_PSEC_VIOLATION_MAX),	\
	[sticky] = NLA_POLICY_MAX(NLA_U8, 1)

/* PORT_NEW, PORT_SET: identity and configuration. */
static const struct nla_policy vem_port_policy[VEM_A_PORT_MAX + 1] = {
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
	[VEM_A_PORT_ACL_IP_IN] = VEM_ACL_NAME_POLICY,
	[VEM_A_PORT_ACL_IP_OUT] = VEM_ACL_NAME_POLICY,
	[VEM_A_PORT_ACL_IPV6_IN] = VEM_ACL_NAME_POLICY,
	[VEM_A_PORT_ACL_IPV6_OUT] = VEM_ACL_NAME_POLICY,
	[VEM_A_PORT_ACL_MAC_IN] = VEM_ACL_NAME_POLICY,
	[VEM_A_PORT_ACL_MAC_OUT] = VEM_ACL_NAME_POLICY,
	[VEM_A_PORT_STORM_BCAST] = VEM_STORM_POLICY,
	[VEM_A_PORT_STORM_MCAST] = VEM_STORM_POLICY,
	[VEM_A_PORT_STORM_UCAST] = VEM_STORM_POLICY,
	[VEM_A_PORT_QOS_IN] = VEM_QOS_NAME_POLICY,
	[VEM_A_PORT_QOS_OUT] = VEM_QOS_NAME_POLICY,
	VEM_PSEC_POLICY(VEM_A_PORT_PSEC, VEM_A_PORT_PSEC_MAX,
			VEM_A_PORT_PSEC_VIOLATION, VEM_A_PORT_PSEC_STICKY),
	[VEM_A_PORT_ERR_DISABLED] = { .type = NLA_REJECT },	/* read-only */
	[VEM_A_PORT_SECURE_MACS] = { .type = NLA_REJECT },	/* read-only */
};

static struct netlink_range_validation vem_profile_ports_range = {
	.min = 1, .max = VEM_PROFILE_PORTS_MAX,
};

/* PROFILE_NEW, PROFILE_SET. */
static const struct nla_policy vem_profile_policy[VEM_A_PROFILE_MAX + 1] = {
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
	[VEM_A_PROFILE_PORT_COUNT] = { .type = NLA_REJECT },	/* read-only */
	[VEM_A_PROFILE_ACL_IP_IN] = VEM_ACL_NAME_POLICY,
	[VEM_A_PROFILE_ACL_IP_OUT] = VEM_ACL_NAME_POLICY,
	[VEM_A_PROFILE_ACL_IPV6_IN] = VEM_ACL_NAME_POLICY,
	[VEM_A_PROFILE_ACL_IPV6_OUT] = VEM_ACL_NAME_POLICY,
	[VEM_A_PROFILE_ACL_MAC_IN] = VEM_ACL_NAME_POLICY,
	[VEM_A_PROFILE_ACL_MAC_OUT] = VEM_ACL_NAME_POLICY,
	[VEM_A_PROFILE_STORM_BCAST] = VEM_STORM_POLICY,
	[VEM_A_PROFILE_STORM_MCAST] = VEM_STORM_POLICY,
	[VEM_A_PROFILE_STORM_UCAST] = VEM_STORM_POLICY,
	[VEM_A_PROFILE_QOS_IN] = VEM_QOS_NAME_POLICY,
	[VEM_A_PROFILE_QOS_OUT] = VEM_QOS_NAME_POLICY,
	VEM_PSEC_POLICY(VEM_A_PROFILE_PSEC, VEM_A_PROFILE_PSEC_MAX,
			VEM_A_PROFILE_PSEC_VIOLATION, VEM_A_PROFILE_PSEC_STICKY),
};

/* One ACL entry; the HITS it carries in replies are read-only. */
const struct nla_policy vem_ace_policy[VEM_A_ACE_ETHERTYPE + 1] = {
	[VEM_A_ACE_SEQ] = { .type = NLA_U32 },
	[VEM_A_ACE_ACTION] = NLA_POLICY_MAX(NLA_U8, VEM_ACE_DENY),
	[VEM_A_ACE_PROTO] = { .type = NLA_U8 },
	[VEM_A_ACE_SRC] = { .type = NLA_BINARY, .len = 16 },
	[VEM_A_ACE_SRC_LEN] = NLA_POLICY_MAX(NLA_U8, 128),
	[VEM_A_ACE_DST] = { .type = NLA_BINARY, .len = 16 },
	[VEM_A_ACE_DST_LEN] = NLA_POLICY_MAX(NLA_U8, 128),
	[VEM_A_ACE_SPORT_OP] = NLA_POLICY_MAX(NLA_U8, VEM_ACE_PORT_OP_MAX),
	[VEM_A_ACE_SPORT_LO] = { .type = NLA_U16 },
	[VEM_A_ACE_SPORT_HI] = { .type = NLA_U16 },
	[VEM_A_ACE_DPORT_OP] = NLA_POLICY_MAX(NLA_U8, VEM_ACE_PORT_OP_MAX),
	[VEM_A_ACE_DPORT_LO] = { .type = NLA_U16 },
	[VEM_A_ACE_DPORT_HI] = { .type = NLA_U16 },
	[VEM_A_ACE_ESTABLISHED] = { .type = NLA_FLAG },
	[VEM_A_ACE_DSCP] = NLA_POLICY_MAX(NLA_U8, 63),
	[VEM_A_ACE_SRC_MAC] = NLA_POLICY_ETH_ADDR,
	[VEM_A_ACE_SRC_MAC_MASK] = NLA_POLICY_ETH_ADDR,
	[VEM_A_ACE_DST_MAC] = NLA_POLICY_ETH_ADDR,
	[VEM_A_ACE_DST_MAC_MASK] = NLA_POLICY_ETH_ADDR,
	[VEM_A_ACE_ETHERTYPE] = NLA_POLICY_MIN(NLA_U16, ETH_P_802_3_MIN),
};

/* ACL_NEW, ACL_SET. */
static const struct nla_policy vem_acl_policy[VEM_A_ACL_ENTRIES + 1] = {
	[VEM_A_ACL_NAME] = VEM_ACL_NAME_POLICY,
	[VEM_A_ACL_FAMILY] = NLA_POLICY_RANGE(NLA_U8, VEM_ACL_FAMILY_MAC,
					      VEM_ACL_FAMILY_MAX),
	[VEM_A_ACL_ENTRIES] = NLA_POLICY_NESTED_ARRAY(vem_ace_policy),
};

static struct netlink_range_validation vem_qos_cir_range = {
	.min = VEM_QOS_CIR_MIN, .max = VEM_QOS_CIR_MAX,
};
static struct netlink_range_validation vem_qos_bc_range = {
	.min = VEM_QOS_BC_MIN, .max = VEM_QOS_BC_MAX,
};

/* QOS_NEW, QOS_SET; USERS is read-only (beyond maxattr: refused). */
static const struct nla_policy vem_qos_policy[VEM_A_QOS_SET_DSCP + 1] = {
	[VEM_A_QOS_NAME] = VEM_QOS_NAME_POLICY,
	[VEM_A_QOS_CIR] = NLA_POLICY_FULL_RANGE(NLA_U64, &vem_qos_cir_range),
	[VEM_A_QOS_BC] = NLA_POLICY_FULL_RANGE(NLA_U32, &vem_qos_bc_range),
	[VEM_A_QOS_VIOLATE] = NLA_POLICY_MAX(NLA_U8, VEM_QOS_VIOLATE_MAX),
	[VEM_A_QOS_VIOLATE_DSCP] = NLA_POLICY_MAX(NLA_U8, 63),
	[VEM_A_QOS_SET_COS] = NLA_POLICY_MAX(NLA_U8, 7),
	[VEM_A_QOS_SET_DSCP] = NLA_POLICY_MAX(NLA_U8, 63),
};

/* QOS_DEL, QOS_GET: the name only. */
static const struct nla_policy vem_qos_ref_policy[VEM_A_QOS_NAME + 1] = {
	[VEM_A_QOS_NAME] = VEM_QOS_NAME_POLICY,
};

/* ACL_DEL, ACL_GET: the name only. */
static const struct nla_policy vem_acl_ref_policy[VEM_A_ACL_NAME + 1] = {
	[VEM_A_ACL_NAME] = VEM_ACL_NAME_POLICY,
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

/* Events */

/* Announce @obj to the events group of @sw. Any context; @gfp says which. */
void vem_nl_notify(struct vem_switch *sw, vem_nl_fill_t fill,
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

/* Answer a do request with @obj, as @fill writes it. */
int vem_nl_reply(struct genl_info *info, vem_nl_fill_t fill,
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

bool vem_nl_name_ok(const char *name)
{
	const char *c;

	if (!*name)
		return false;
	for (c = name; *c; c++)
		if (!isalnum(*c) && *c != '-' && *c != '_' && *c != '.')
			return false;
	return true;
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

	if (flags & (VEM_NL_NEED_SWITCH | VEM_NL_NEED_PORT |
		     VEM_NL_NEED_PROFILE | VEM_NL_NEED_ACL |
		     VEM_NL_NEED_QOS)) {
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
	if (flags & VEM_NL_NEED_ACL) {
		struct vem_acl *acl;

		if (VEM_REQUIRE(info, VEM_A_ACL_NAME, "ACL name")) {
			err = -EINVAL;
			goto err_unlock;
		}
		acl = vem_acl_find(sw, nla_data(info->attrs[VEM_A_ACL_NAME]));
		if (!acl) {
			NL_SET_ERR_MSG_ATTR_MOD(info->extack,
						info->attrs[VEM_A_ACL_NAME],
						"No such ACL");
			err = -ENOENT;
			goto err_unlock;
		}
		info->user_ptr[1] = acl;
	}
	if (flags & VEM_NL_NEED_QOS) {
		struct vem_qos *qos;

		if (VEM_REQUIRE(info, VEM_A_QOS_NAME, "QoS policy name")) {
			err = -EINVAL;
			goto err_unlock;
		}
		qos = vem_qos_find(sw, nla_data(info->attrs[VEM_A_QOS_NAME]));
		if (!qos) {
			NL_SET_ERR_MSG_ATTR_MOD(info->extack,
						info->attrs[VEM_A_QOS_NAME],
						"No such QoS policy");
			err = -ENOENT;
			goto err_unlock;
		}
		info->user_ptr[1] = qos;
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
	VEM_OP(VEM_CMD_ACL_NEW, vem_nl_acl_new, NULL, vem_acl_policy,
	       VEM_NL_NEED_SWITCH),
	VEM_OP(VEM_CMD_ACL_DEL, vem_nl_acl_del, NULL, vem_acl_ref_policy,
	       VEM_NL_NEED_ACL),
	VEM_OP(VEM_CMD_ACL_GET, vem_nl_acl_get, vem_nl_acl_dump,
	       vem_acl_ref_policy, VEM_NL_NEED_ACL),
	VEM_OP(VEM_CMD_ACL_SET, vem_nl_acl_set, NULL, vem_acl_policy,
	       VEM_NL_NEED_ACL),
	VEM_OP(VEM_CMD_QOS_NEW, vem_nl_qos_new, NULL, vem_qos_policy,
	       VEM_NL_NEED_SWITCH),
	VEM_OP(VEM_CMD_QOS_DEL, vem_nl_qos_del, NULL, vem_qos_ref_policy,
	       VEM_NL_NEED_QOS),
	VEM_OP(VEM_CMD_QOS_GET, vem_nl_qos_get, vem_nl_qos_dump,
	       vem_qos_ref_policy, VEM_NL_NEED_QOS),
	VEM_OP(VEM_CMD_QOS_SET, vem_nl_qos_set, NULL, vem_qos_policy,
	       VEM_NL_NEED_QOS),
};

struct genl_family vem_genl_family __ro_after_init = {
	.name = VEM_GENL_NAME,
	.version = VEM_GENL_VERSION,
	.netnsok = true,
	.parallel_ops = true,	/* vem_mutex serialises what needs it */
	.pre_doit = vem_nl_pre_doit,
	.post_doit = vem_nl_post_doit,
	.ops = vem_nl_ops,
	.n_ops = ARRAY_SIZE(vem_nl_ops),
	.resv_start_op = VEM_CMD_QOS_SET + 1,	/* every command is strict */
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
