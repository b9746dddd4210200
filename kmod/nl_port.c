// SPDX-License-Identifier: GPL-2.0
/*
 * Port commands of the "vem" family, and the configuration items that
 * ports and port profiles share.
 */

#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "netlink.h"

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
		[VEM_DROP_ACL_IN] = VEM_A_STATS_DROP_ACL_IN,
		[VEM_DROP_ACL_OUT] = VEM_A_STATS_DROP_ACL_OUT,
		[VEM_DROP_STORM_BCAST] = VEM_A_STATS_DROP_STORM_BCAST,
		[VEM_DROP_STORM_MCAST] = VEM_A_STATS_DROP_STORM_MCAST,
		[VEM_DROP_STORM_UCAST] = VEM_A_STATS_DROP_STORM_UCAST,
		[VEM_DROP_POLICE_IN] = VEM_A_STATS_DROP_POLICE_IN,
		[VEM_DROP_POLICE_OUT] = VEM_A_STATS_DROP_POLICE_OUT,
		[VEM_DROP_PSEC] = VEM_A_STATS_DROP_PSEC,
		[VEM_DROP_ERR_DISABLED] = VEM_A_STATS_DROP_ERR_DISABLED,
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
			      VEM_A_STATS_PAD) ||
	    nla_put_u64_64bit(skb, VEM_A_STATS_POLICE_IN_MARKED,
			      st.police_marked[VEM_QOS_IN], VEM_A_STATS_PAD) ||
	    nla_put_u64_64bit(skb, VEM_A_STATS_POLICE_OUT_MARKED,
			      st.police_marked[VEM_QOS_OUT], VEM_A_STATS_PAD) ||
	    nla_put_u64_64bit(skb, VEM_A_STATS_PSEC_VIOLATIONS,
			      st.psec_violations, VEM_A_STATS_PAD))
		goto cancel;
	nla_nest_end(skb, nest);
	return 0;
cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/* A VLAN bitmap in the wire's layout: bit n of byte n / 8. */
int vem_nl_put_vlans(struct sk_buff *skb, int type,
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
	    vem_nl_put_vlans(skb, VEM_A_PORT_TRUNK_VLANS, cfg.trunk_vlans) ||
	    vem_nl_put_acls(skb, VEM_A_PORT_ACL_IP_IN, &cfg) ||
	    vem_nl_put_storm(skb, VEM_A_PORT_STORM_BCAST, &cfg) ||
	    vem_nl_put_qos(skb, VEM_A_PORT_QOS_IN, cfg.qos) ||
	    vem_nl_put_psec(skb, &vem_port_cfg_attrs, cfg.psec, cfg.psec_max,
			    cfg.psec_violation, cfg.psec_sticky) ||
	    vem_nl_put_psec_state(skb, port, &cfg))
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

/* Must hold vem_mutex. */
void vem_nl_notify_port(struct vem_port *port, u8 cmd)
{
	vem_nl_notify(port->sw, vem_nl_fill_port_event, port, cmd, GFP_KERNEL);
}

/* From the datapath: under rcu_read_lock, BH disabled. */
void vem_nl_notify_port_atomic(struct vem_port *port, u8 cmd)
{
	vem_nl_notify(port->sw, vem_nl_fill_port_event, port, cmd, GFP_ATOMIC);
}

/* Port commands */

const struct vem_cfg_attrs vem_port_cfg_attrs = {
	.mode = VEM_A_PORT_MODE,
	.access_vlan = VEM_A_PORT_ACCESS_VLAN,
	.native_vlan = VEM_A_PORT_NATIVE_VLAN,
	.trunk_vlans = VEM_A_PORT_TRUNK_VLANS,
	.shutdown = VEM_A_PORT_SHUTDOWN,
	.acl = VEM_A_PORT_ACL_IP_IN,
	.storm = VEM_A_PORT_STORM_BCAST,
	.qos = VEM_A_PORT_QOS_IN,
	.psec = VEM_A_PORT_PSEC,
	.psec_max = VEM_A_PORT_PSEC_MAX,
	.psec_violation = VEM_A_PORT_PSEC_VIOLATION,
	.psec_sticky = VEM_A_PORT_PSEC_STICKY,
};

const struct vem_cfg_attrs vem_profile_cfg_attrs = {
	.mode = VEM_A_PROFILE_MODE,
	.access_vlan = VEM_A_PROFILE_ACCESS_VLAN,
	.native_vlan = VEM_A_PROFILE_NATIVE_VLAN,
	.trunk_vlans = VEM_A_PROFILE_TRUNK_VLANS,
	.shutdown = VEM_A_PROFILE_SHUTDOWN,
	.acl = VEM_A_PROFILE_ACL_IP_IN,
	.storm = VEM_A_PROFILE_STORM_BCAST,
	.qos = VEM_A_PROFILE_QOS_IN,
	.psec = VEM_A_PROFILE_PSEC,
	.psec_max = VEM_A_PROFILE_PSEC_MAX,
	.psec_violation = VEM_A_PROFILE_PSEC_VIOLATION,
	.psec_sticky = VEM_A_PROFILE_PSEC_STICKY,
};

/* The ACL family each slot takes: IPv4, IPv6, MAC, in and out each. */
static const u8 vem_acl_slot_family[VEM_ACL_SLOTS] = {
	[VEM_ACL_SLOT_IP_IN] = VEM_ACL_FAMILY_IPV4,
	[VEM_ACL_SLOT_IP_OUT] = VEM_ACL_FAMILY_IPV4,
	[VEM_ACL_SLOT_IPV6_IN] = VEM_ACL_FAMILY_IPV6,
	[VEM_ACL_SLOT_IPV6_OUT] = VEM_ACL_FAMILY_IPV6,
	[VEM_ACL_SLOT_MAC_IN] = VEM_ACL_FAMILY_MAC,
	[VEM_ACL_SLOT_MAC_OUT] = VEM_ACL_FAMILY_MAC,
};

/* The ACLs of a view, by name ("" none), from attribute @first on. */
int vem_nl_put_acls(struct sk_buff *skb, int first,
		    const struct vem_cfg_view *view)
{
	unsigned int i;

	for (i = 0; i < VEM_ACL_SLOTS; i++)
		if (nla_put_string(skb, first + i, view->acls & BIT(i) ?
				   vem_view_acl(view, i)->name : ""))
			return -EMSGSIZE;
	return 0;
}

/* The ACL attributes of a request into @cfg. Must hold vem_mutex. */
static int vem_nl_parse_acls(struct genl_info *info,
			     const struct vem_cfg_attrs *a,
			     struct vem_port_cfg *cfg)
{
	struct vem_switch *sw = info->user_ptr[0];
	unsigned int i;

	for (i = 0; i < VEM_ACL_SLOTS; i++) {
		struct nlattr *attr = info->attrs[a->acl + i];
		struct vem_acl *acl = NULL;

		if (!attr)
			continue;
		if (nla_len(attr) && *(char *)nla_data(attr)) {
			acl = vem_acl_find(sw, nla_data(attr));
			if (!acl) {
				NL_SET_ERR_MSG_ATTR_MOD(info->extack, attr,
							"No such ACL");
				return -ENOENT;
			}
			if (acl->family != vem_acl_slot_family[i]) {
				NL_SET_ERR_MSG_ATTR_MOD(info->extack, attr,
							"The ACL is of another family than this attribute takes");
				return -EINVAL;
			}
		}
		cfg->acl[i] = acl;
		cfg->own |= VEM_CFG_ACL(i);
	}
	return 0;
}

/* The storm-control limits of a view (0: none), from attribute @first on. */
int vem_nl_put_storm(struct sk_buff *skb, int first,
		     const struct vem_cfg_view *view)
{
	unsigned int i;

	for (i = 0; i < VEM_STORM_KINDS; i++)
		if (nla_put_u32(skb, first + i, view->storms & BIT(i) ?
				vem_view_storm(view, i)->storm_pps[i] : 0))
			return -EMSGSIZE;
	return 0;
}

/* Set storm-control limit @kind of @cfg to @pps (0: none). */
static void vem_cfg_set_storm(struct vem_port_cfg *cfg, unsigned int kind,
			      u32 pps)
{
	cfg->storm_pps[kind] = pps;
	/* Nanoseconds per frame, rounded down: never stricter than asked. */
	cfg->storm_ns[kind] = pps ? NSEC_PER_SEC / pps : 0;
	if (pps)
		cfg->storm_mask |= BIT(kind);
	else
		cfg->storm_mask &= ~BIT(kind);
}

/* Which ACL slots @cfg fills, for the datapath's quick test. */
void vem_cfg_update_acl_mask(struct vem_port_cfg *cfg)
{
	unsigned int i;

	cfg->acl_mask = 0;
	for (i = 0; i < VEM_ACL_SLOTS; i++)
		if (cfg->acl[i])
			cfg->acl_mask |= BIT(i);
}

/*
 * Apply the configuration items of a request to @cfg, marking them in
 * cfg->own. Checks what the policy cannot; changes nothing else.
 * Must hold vem_mutex.
 */
int vem_nl_parse_cfg(struct genl_info *info,
		     const struct vem_cfg_attrs *a,
		     struct vem_port_cfg *cfg)
{
	struct nlattr **attrs = info->attrs;
	unsigned int i;
	int err;

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
	vem_nl_parse_psec(info, a, cfg);
	err = vem_nl_parse_acls(info, a, cfg);
	if (!err)
		err = vem_nl_parse_qos_slots(info, a->qos, cfg);
	if (err)
		return err;
	vem_cfg_update_acl_mask(cfg);
	for (i = 0; i < VEM_STORM_KINDS; i++) {
		if (!attrs[a->storm + i])
			continue;
		vem_cfg_set_storm(cfg, i, nla_get_u32(attrs[a->storm + i]));
		cfg->own |= VEM_CFG_STORM(i);
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
	unsigned int i;
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
	for (i = 0; i < VEM_ACL_SLOTS; i++)
		if (clear & VEM_CFG_ACL(i))
			cfg->acl[i] = NULL;
	for (i = 0; i < VEM_STORM_KINDS; i++)
		if (clear & VEM_CFG_STORM(i))
			vem_cfg_set_storm(cfg, i, 0);
	for (i = 0; i < VEM_QOS_DIRS; i++)
		if (clear & VEM_CFG_QOS(i))
			cfg->qos[i] = NULL;
	vem_psec_clear(cfg, &def, clear);
	cfg->own &= ~clear;
	vem_cfg_update_acl_mask(cfg);
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

int vem_nl_port_new(struct sk_buff *skb, struct genl_info *info)
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

int vem_nl_port_set(struct sk_buff *skb, struct genl_info *info)
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
	/* The operator's shutdown ends an err-disabled state. */
	if (info->attrs[VEM_A_PORT_SHUTDOWN] &&
	    nla_get_u8(info->attrs[VEM_A_PORT_SHUTDOWN]))
		vem_psec_recover(port);
	vem_nl_notify_port(port, VEM_CMD_PORT_SET);
	return 0;

err_free:
	kfree(cfg);
	return err;
}

int vem_nl_port_del(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_port *port = info->user_ptr[1];

	vem_nl_notify_port(port, VEM_CMD_PORT_DEL);
	vem_port_destroy(port);
	return 0;
}

int vem_nl_port_get(struct sk_buff *skb, struct genl_info *info)
{
	return vem_nl_reply(info, vem_nl_fill_port_stats, info->user_ptr[1], VEM_CMD_PORT_GET);
}

/* Dumps: cb->args[0] counts the objects already sent. Called without locks. */

int vem_nl_port_dump(struct sk_buff *skb, struct netlink_callback *cb)
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
