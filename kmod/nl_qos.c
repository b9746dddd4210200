// SPDX-License-Identifier: GPL-2.0
/*
 * QoS policy commands of the "vem" family (create, replace, delete, get),
 * and the QoS slots of ports and profiles.
 */

#include <net/genetlink.h>
#include <net/sock.h>

#include "netlink.h"

/*
 * The policy a request describes, whole: what the range policies cannot
 * check is checked here, every refusal with a message. Returns a new
 * struct vem_qos_conf or an ERR_PTR.
 */
static struct vem_qos_conf *vem_nl_parse_qos(struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct netlink_ext_ack *extack = info->extack;
	struct vem_qos_conf *conf;

	if (!attrs[VEM_A_QOS_CIR]) {
		static const int police_only[] = {
			VEM_A_QOS_BC, VEM_A_QOS_VIOLATE, VEM_A_QOS_VIOLATE_DSCP,
		};
		unsigned int i;

		for (i = 0; i < ARRAY_SIZE(police_only); i++) {
			if (attrs[police_only[i]]) {
				NL_SET_ERR_MSG_ATTR_MOD(extack, attrs[police_only[i]],
							"Burst and violate action need a policer rate (CIR)");
				return ERR_PTR(-EINVAL);
			}
		}
	}
	if (attrs[VEM_A_QOS_VIOLATE] &&
	    nla_get_u8(attrs[VEM_A_QOS_VIOLATE]) == VEM_QOS_VIOLATE_SET_DSCP) {
		if (!attrs[VEM_A_QOS_VIOLATE_DSCP]) {
			NL_SET_ERR_MSG_ATTR_MOD(extack, attrs[VEM_A_QOS_VIOLATE],
						"violate set-dscp-transmit needs its DSCP");
			return ERR_PTR(-EINVAL);
		}
	} else if (attrs[VEM_A_QOS_VIOLATE_DSCP]) {
		NL_SET_ERR_MSG_ATTR_MOD(extack, attrs[VEM_A_QOS_VIOLATE_DSCP],
					"A violate DSCP needs the violate action set-dscp-transmit");
		return ERR_PTR(-EINVAL);
	}

	conf = kmalloc(sizeof(*conf), GFP_KERNEL);
	if (!conf) {
		NL_SET_ERR_MSG_MOD(extack, "No memory for the QoS policy");
		return ERR_PTR(-ENOMEM);
	}
	vem_qos_conf_init(conf);
	if (attrs[VEM_A_QOS_CIR])
		conf->cir = nla_get_u64(attrs[VEM_A_QOS_CIR]);
	if (attrs[VEM_A_QOS_BC])
		conf->bc = nla_get_u32(attrs[VEM_A_QOS_BC]);
	if (attrs[VEM_A_QOS_VIOLATE])
		conf->violate = nla_get_u8(attrs[VEM_A_QOS_VIOLATE]);
	if (attrs[VEM_A_QOS_VIOLATE_DSCP])
		conf->violate_dscp = nla_get_u8(attrs[VEM_A_QOS_VIOLATE_DSCP]);
	if (attrs[VEM_A_QOS_SET_COS])
		conf->set_cos = nla_get_u8(attrs[VEM_A_QOS_SET_COS]);
	if (attrs[VEM_A_QOS_SET_DSCP])
		conf->set_dscp = nla_get_u8(attrs[VEM_A_QOS_SET_DSCP]);
	vem_qos_conf_derive(conf);
	return conf;
}

/* Must hold vem_mutex. */
static int vem_nl_fill_qos(struct sk_buff *skb, const void *obj, u32 portid,
			   u32 seq, int flags, u8 cmd)
{
	const struct vem_qos *qos = obj;
	const struct vem_qos_conf *conf = vem_dereference(qos->conf);
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &vem_genl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_string(skb, VEM_A_QOS_NAME, qos->name) ||
	    nla_put_u32(skb, VEM_A_QOS_USERS, qos->users) ||
	    (conf->cir &&
	     (nla_put_u64_64bit(skb, VEM_A_QOS_CIR, conf->cir, VEM_A_QOS_PAD) ||
	      nla_put_u32(skb, VEM_A_QOS_BC, conf->bc) ||
	      nla_put_u8(skb, VEM_A_QOS_VIOLATE, conf->violate))) ||
	    (conf->violate_dscp >= 0 &&
	     nla_put_u8(skb, VEM_A_QOS_VIOLATE_DSCP, conf->violate_dscp)) ||
	    (conf->set_cos >= 0 &&
	     nla_put_u8(skb, VEM_A_QOS_SET_COS, conf->set_cos)) ||
	    (conf->set_dscp >= 0 &&
	     nla_put_u8(skb, VEM_A_QOS_SET_DSCP, conf->set_dscp)))
		goto cancel;
	genlmsg_end(skb, hdr);
	return 0;
cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

int vem_nl_qos_new(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_switch *sw = info->user_ptr[0];
	struct nlattr **attrs = info->attrs;
	struct vem_qos_conf *conf;
	struct vem_qos *qos;
	const char *name;

	if (VEM_REQUIRE(info, VEM_A_QOS_NAME, "QoS policy name"))
		return -EINVAL;
	name = nla_data(attrs[VEM_A_QOS_NAME]);
	if (!vem_nl_name_ok(name)) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, attrs[VEM_A_QOS_NAME],
					"A QoS policy name is letters, digits, '-', '_' and '.'");
		return -EINVAL;
	}
	if (vem_qos_find(sw, name)) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, attrs[VEM_A_QOS_NAME],
					"QoS policy already exists");
		return -EEXIST;
	}
	if (sw->n_qos >= VEM_QOS_MAX) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "Too many QoS policies in this switch");
		return -ENOSPC;
	}
	conf = vem_nl_parse_qos(info);
	if (IS_ERR(conf))
		return PTR_ERR(conf);
	qos = vem_qos_create(sw, name, conf);
	if (IS_ERR(qos)) {
		kfree(conf);
		NL_SET_ERR_MSG_MOD(info->extack, "No memory for the QoS policy");
		return PTR_ERR(qos);
	}
	vem_switch_changed(sw);
	vem_nl_notify(sw, vem_nl_fill_qos, qos, VEM_CMD_QOS_NEW, GFP_KERNEL);
	return 0;
}

/* Replaces the whole policy: an attribute absent is absent after. */
int vem_nl_qos_set(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_switch *sw = info->user_ptr[0];
	struct vem_qos *qos = info->user_ptr[1];
	struct vem_qos_conf *conf;

	conf = vem_nl_parse_qos(info);
	if (IS_ERR(conf))
		return PTR_ERR(conf);
	vem_qos_replace(qos, conf);
	vem_switch_changed(sw);
	vem_nl_notify(sw, vem_nl_fill_qos, qos, VEM_CMD_QOS_SET, GFP_KERNEL);
	return 0;
}

int vem_nl_qos_del(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_switch *sw = info->user_ptr[0];
	struct vem_qos *qos = info->user_ptr[1];

	if (qos->users) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, info->attrs[VEM_A_QOS_NAME],
					"QoS policy in use by a port or a profile");
		return -EBUSY;
	}
	vem_nl_notify(sw, vem_nl_fill_qos, qos, VEM_CMD_QOS_DEL, GFP_KERNEL);
	vem_qos_destroy(sw, qos);
	vem_switch_changed(sw);
	return 0;
}

int vem_nl_qos_get(struct sk_buff *skb, struct genl_info *info)
{
	return vem_nl_reply(info, vem_nl_fill_qos, info->user_ptr[1],
			    VEM_CMD_QOS_GET);
}

/* Dump: cb->args[0] counts the policies already sent. */
int vem_nl_qos_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	long idx = 0, skip = cb->args[0];
	struct vem_switch *sw;
	struct vem_qos *qos;
	int err = 0;

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
	list_for_each_entry(qos, &sw->qos, node) {
		if (idx++ < skip)
			continue;
		err = vem_nl_fill_qos(skb, qos, NETLINK_CB(cb->skb).portid,
				      cb->nlh->nlmsg_seq, NLM_F_MULTI,
				      VEM_CMD_QOS_GET);
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

/* Ports and profiles */

/* The policies of a port or profile, by name ("" none), from @first on. */
int vem_nl_put_qos(struct sk_buff *skb, int first, struct vem_qos *const *qos)
{
	unsigned int i;

	for (i = 0; i < VEM_QOS_DIRS; i++)
		if (nla_put_string(skb, first + i, qos[i] ? qos[i]->name : ""))
			return -EMSGSIZE;
	return 0;
}

/*
 * VEM_A_PORT_QOS_IN/OUT (or the profile's, from @first on) into @cfg,
 * marking them in cfg->own. Must hold vem_mutex.
 */
int vem_nl_parse_qos_slots(struct genl_info *info, int first,
			   struct vem_port_cfg *cfg)
{
	struct vem_switch *sw = info->user_ptr[0];
	unsigned int i;

	for (i = 0; i < VEM_QOS_DIRS; i++) {
		struct nlattr *attr = info->attrs[first + i];
		struct vem_qos *qos = NULL;

		if (!attr)
			continue;
		if (nla_len(attr) && *(char *)nla_data(attr)) {
			qos = vem_qos_find(sw, nla_data(attr));
			if (!qos) {
				NL_SET_ERR_MSG_ATTR_MOD(info->extack, attr,
							"No such QoS policy");
				return -ENOENT;
			}
		}
		cfg->qos[i] = qos;
		cfg->own |= VEM_CFG_QOS(i);
	}
	return 0;
}
