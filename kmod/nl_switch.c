// SPDX-License-Identifier: GPL-2.0
/*
 * Switch commands of the "vem" family: create, change, delete, get.
 */

#include <linux/rtnetlink.h>
#include <net/genetlink.h>

#include "netlink.h"

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

/* Must hold vem_mutex. */
void vem_nl_notify_switch(struct vem_switch *sw, u8 cmd)
{
	vem_nl_notify(sw, vem_nl_fill_switch, sw, cmd, GFP_KERNEL);
}

/* Switch commands. Must hold vem_mutex (pre_doit), as all doit below. */

int vem_nl_switch_new(struct sk_buff *skb, struct genl_info *info)
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

int vem_nl_switch_set(struct sk_buff *skb, struct genl_info *info)
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

int vem_nl_switch_del(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_switch *sw = info->user_ptr[0];

	vem_nl_notify_switch(sw, VEM_CMD_SWITCH_DEL);
	vem_switch_destroy(sw);
	return 0;
}

int vem_nl_switch_get(struct sk_buff *skb, struct genl_info *info)
{
	return vem_nl_reply(info, vem_nl_fill_switch, info->user_ptr[0], VEM_CMD_SWITCH_GET);
}
