// SPDX-License-Identifier: GPL-2.0
/*
 * Port profile commands of the "vem" family.
 */

#include <linux/ctype.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "netlink.h"

/* Must hold vem_mutex. */
static int vem_nl_fill_profile(struct sk_buff *skb, const void *obj,
			       u32 portid, u32 seq, int flags, u8 cmd)
{
	const struct vem_profile *prof = obj;
	const struct vem_port_cfg *cfg = vem_dereference(prof->cfg);
	/* Every item of a profile is its own. */
	const struct vem_cfg_view view = {
		.acls = cfg->acl_mask, .storms = cfg->storm_mask,
		.mine = VEM_CFG_ALL, .own = cfg, .prof = cfg,
	};
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
	    nla_put_u32(skb, VEM_A_PROFILE_PORT_COUNT, prof->n_ports) ||
	    vem_nl_put_acls(skb, VEM_A_PROFILE_ACL_IP_IN, &view) ||
	    vem_nl_put_storm(skb, VEM_A_PROFILE_STORM_BCAST, &view) ||
	    vem_nl_put_qos(skb, VEM_A_PROFILE_QOS_IN, cfg->qos) ||
	    vem_nl_put_psec(skb, &vem_profile_cfg_attrs, cfg->psec,
			    cfg->psec_max, cfg->psec_violation,
			    cfg->psec_sticky))
		goto cancel;
	genlmsg_end(skb, hdr);
	return 0;
cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/* Must hold vem_mutex. */
static void vem_nl_notify_profile(struct vem_switch *sw,
				  struct vem_profile *prof, u8 cmd)
{
	vem_nl_notify(sw, vem_nl_fill_profile, prof, cmd, GFP_KERNEL);
}

/* Profile commands */


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

int vem_nl_profile_new(struct sk_buff *skb, struct genl_info *info)
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
	if (!vem_nl_name_ok(name)) {
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

int vem_nl_profile_set(struct sk_buff *skb, struct genl_info *info)
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

int vem_nl_profile_del(struct sk_buff *skb, struct genl_info *info)
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

int vem_nl_profile_get(struct sk_buff *skb, struct genl_info *info)
{
	return vem_nl_reply(info, vem_nl_fill_profile, info->user_ptr[1], VEM_CMD_PROFILE_GET);
}

/*
 * Profiles are few and change rarely: the dump holds vem_mutex, which
 * keeps them simple (a plain list, no RCU) and consistent.
 */
int vem_nl_profile_dump(struct sk_buff *skb, struct netlink_callback *cb)
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
