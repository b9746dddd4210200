// SPDX-License-Identifier: GPL-2.0
/*
 * MAC address table commands of the "vem" family.
 */

#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "netlink.h"

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

/* Any context; @gfp says which. */
void vem_nl_notify_fdb(struct vem_switch *sw, const struct vem_fdb_entry *e,
		       u8 cmd, gfp_t gfp)
{
	vem_nl_notify(sw, vem_nl_fill_fdb, e, cmd, gfp);
}

int vem_nl_fdb_dump(struct sk_buff *skb, struct netlink_callback *cb)
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

int vem_nl_fdb_new(struct sk_buff *skb, struct genl_info *info)
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

int vem_nl_fdb_del(struct sk_buff *skb, struct genl_info *info)
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

int vem_nl_fdb_get(struct sk_buff *skb, struct genl_info *info)
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

int vem_nl_fdb_flush(struct sk_buff *skb, struct genl_info *info)
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
