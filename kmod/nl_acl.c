// SPDX-License-Identifier: GPL-2.0
/*
 * ACL commands of the "vem" family: create, replace the entries, delete,
 * get with per-entry hit counters.
 */

#include <linux/etherdevice.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "netlink.h"

/* enum vem_acl_family (uapi) to the classifier's. */
static u8 vem_acl_cls_family(u8 family)
{
	return family == VEM_ACL_FAMILY_IPV4 ? VEM_ACL_IPV4 :
	       family == VEM_ACL_FAMILY_IPV6 ? VEM_ACL_IPV6 : VEM_ACL_MAC;
}

/* Attributes that only IP entries take, and those only MAC entries take. */
static const u8 vem_ace_ip_only[] = {
	VEM_A_ACE_PROTO, VEM_A_ACE_SRC, VEM_A_ACE_SRC_LEN, VEM_A_ACE_DST,
	VEM_A_ACE_DST_LEN, VEM_A_ACE_SPORT_OP, VEM_A_ACE_SPORT_LO,
	VEM_A_ACE_SPORT_HI, VEM_A_ACE_DPORT_OP, VEM_A_ACE_DPORT_LO,
	VEM_A_ACE_DPORT_HI, VEM_A_ACE_ESTABLISHED, VEM_A_ACE_DSCP,
};
static const u8 vem_ace_mac_only[] = {
	VEM_A_ACE_SRC_MAC, VEM_A_ACE_SRC_MAC_MASK, VEM_A_ACE_DST_MAC,
	VEM_A_ACE_DST_MAC_MASK, VEM_A_ACE_ETHERTYPE,
};

/* An address and its prefix length: both or neither, of the right size. */
static int vem_ace_addr(struct nlattr **tb, int addr_type, int len_type,
			u8 family, u8 *addr, u8 *plen,
			struct netlink_ext_ack *extack)
{
	unsigned int size = family == VEM_ACL_FAMILY_IPV4 ? 4 : 16;

	if (!tb[addr_type] && !tb[len_type])
		return 0;
	if (!tb[addr_type] || !tb[len_type]) {
		NL_SET_ERR_MSG_ATTR_MOD(extack, tb[addr_type] ?: tb[len_type],
					"An address needs its prefix length, and the other way round");
		return -EINVAL;
	}
	if (nla_len(tb[addr_type]) != size) {
		NL_SET_ERR_MSG_ATTR_MOD(extack, tb[addr_type],
					"Address of the wrong size for the ACL's family");
		return -EINVAL;
	}
	*plen = nla_get_u8(tb[len_type]);
	if (*plen > size * 8) {
		NL_SET_ERR_MSG_ATTR_MOD(extack, tb[len_type],
					"Prefix length too long for the ACL's family");
		return -EINVAL;
	}
	memcpy(addr, nla_data(tb[addr_type]), size);
	return 0;
}

/* A port condition: OP, LO, HI as the op needs them. */
static int vem_ace_port(struct nlattr **tb, int op_type,
			struct vem_acl_port *port,
			struct netlink_ext_ack *extack)
{
	struct nlattr *lo = tb[op_type + 1], *hi = tb[op_type + 2];

	if (!tb[op_type]) {
		if (lo || hi) {
			NL_SET_ERR_MSG_ATTR_MOD(extack, lo ?: hi,
						"A port without a port operator");
			return -EINVAL;
		}
		return 0;
	}
	port->op = nla_get_u8(tb[op_type]);
	if (port->op == VEM_ACE_PORT_ANY && (lo || hi)) {
		NL_SET_ERR_MSG_ATTR_MOD(extack, lo ?: hi,
					"Port operator 'any' takes no port");
		return -EINVAL;
	}
	if (port->op == VEM_ACE_PORT_ANY)
		return 0;
	if (!lo || (port->op == VEM_ACE_PORT_RANGE) != !!hi) {
		NL_SET_ERR_MSG_ATTR_MOD(extack, tb[op_type],
					"A port operator needs its port (and a range its end)");
		return -EINVAL;
	}
	port->lo = nla_get_u16(lo);
	if (hi) {
		port->hi = nla_get_u16(hi);
		if (port->hi < port->lo) {
			NL_SET_ERR_MSG_ATTR_MOD(extack, hi,
						"A port range must not end before it starts");
			return -EINVAL;
		}
	}
	return 0;
}

static int vem_ace_ip(struct nlattr **tb, u8 family, struct vem_acl_rule *r,
		      struct netlink_ext_ack *extack)
{
	bool l4;
	int err;

	if (tb[VEM_A_ACE_PROTO]) {
		r->proto = nla_get_u8(tb[VEM_A_ACE_PROTO]);
		r->match |= VEM_ACL_M_PROTO;
	}
	err = vem_ace_addr(tb, VEM_A_ACE_SRC, VEM_A_ACE_SRC_LEN, family,
			   r->src, &r->src_len, extack);
	if (!err)
		err = vem_ace_addr(tb, VEM_A_ACE_DST, VEM_A_ACE_DST_LEN, family,
				   r->dst, &r->dst_len, extack);
	if (!err)
		err = vem_ace_port(tb, VEM_A_ACE_SPORT_OP, &r->sport, extack);
	if (!err)
		err = vem_ace_port(tb, VEM_A_ACE_DPORT_OP, &r->dport, extack);
	if (err)
		return err;
	l4 = (r->match & VEM_ACL_M_PROTO) &&
	     (r->proto == VEM_ACL_PROTO_TCP || r->proto == VEM_ACL_PROTO_UDP ||
	      r->proto == VEM_ACL_PROTO_SCTP);
	if ((r->sport.op || r->dport.op) && !l4) {
		NL_SET_ERR_MSG_ATTR_MOD(extack, tb[VEM_A_ACE_SPORT_OP] ?:
					tb[VEM_A_ACE_DPORT_OP],
					"Port conditions need protocol TCP, UDP or SCTP");
		return -EINVAL;
	}
	if (tb[VEM_A_ACE_ESTABLISHED]) {
		if (!(r->match & VEM_ACL_M_PROTO) ||
		    r->proto != VEM_ACL_PROTO_TCP) {
			NL_SET_ERR_MSG_ATTR_MOD(extack, tb[VEM_A_ACE_ESTABLISHED],
						"established needs protocol TCP");
			return -EINVAL;
		}
		r->match |= VEM_ACL_M_ESTABLISHED;
	}
	if (tb[VEM_A_ACE_DSCP]) {
		r->dscp = nla_get_u8(tb[VEM_A_ACE_DSCP]);
		r->match |= VEM_ACL_M_DSCP;
	}
	return 0;
}

/* A MAC address and its mask: both or neither. */
static int vem_ace_mac(struct nlattr **tb, int mac_type, u8 *mac, u8 *mask,
		       struct netlink_ext_ack *extack)
{
	if (!tb[mac_type] && !tb[mac_type + 1])
		return 0;
	if (!tb[mac_type] || !tb[mac_type + 1]) {
		NL_SET_ERR_MSG_ATTR_MOD(extack, tb[mac_type] ?: tb[mac_type + 1],
					"A MAC address needs its mask, and the other way round");
		return -EINVAL;
	}
	memcpy(mac, nla_data(tb[mac_type]), ETH_ALEN);
	memcpy(mask, nla_data(tb[mac_type + 1]), ETH_ALEN);
	return 0;
}

/* One VEM_A_ACL_ENTRY (validated by the policy) into @ace. */
static int vem_nl_parse_ace(struct nlattr *entry, u8 family,
			    struct vem_acl_ace *ace,
			    struct netlink_ext_ack *extack)
{
	struct nlattr *tb[VEM_A_ACE_ETHERTYPE + 1];
	struct vem_acl_rule *r = &ace->rule;
	const u8 *other;
	unsigned int i, n;
	int err;

	err = nla_parse_nested(tb, VEM_A_ACE_ETHERTYPE, entry, vem_ace_policy,
			       extack);
	if (err)
		return err;
	if (!tb[VEM_A_ACE_SEQ] || !tb[VEM_A_ACE_ACTION]) {
		NL_SET_ERR_MSG_ATTR_MOD(extack, entry,
					"An entry needs a sequence number and an action");
		return -EINVAL;
	}
	other = family == VEM_ACL_FAMILY_MAC ? vem_ace_ip_only : vem_ace_mac_only;
	n = family == VEM_ACL_FAMILY_MAC ? ARRAY_SIZE(vem_ace_ip_only) :
					  ARRAY_SIZE(vem_ace_mac_only);
	for (i = 0; i < n; i++) {
		if (tb[other[i]]) {
			NL_SET_ERR_MSG_ATTR_MOD(extack, tb[other[i]],
						"This condition does not apply to the ACL's family");
			return -EINVAL;
		}
	}
	memset(ace, 0, sizeof(*ace));
	ace->seq = nla_get_u32(tb[VEM_A_ACE_SEQ]);
	r->family = vem_acl_cls_family(family);
	r->action = nla_get_u8(tb[VEM_A_ACE_ACTION]) == VEM_ACE_DENY ?
		    VEM_ACL_DENY : VEM_ACL_PERMIT;
	if (family != VEM_ACL_FAMILY_MAC)
		return vem_ace_ip(tb, family, r, extack);

	err = vem_ace_mac(tb, VEM_A_ACE_SRC_MAC, r->src_mac, r->src_mac_mask,
			  extack);
	if (!err)
		err = vem_ace_mac(tb, VEM_A_ACE_DST_MAC, r->dst_mac,
				  r->dst_mac_mask, extack);
	if (!err && tb[VEM_A_ACE_ETHERTYPE]) {
		r->ethertype = nla_get_u16(tb[VEM_A_ACE_ETHERTYPE]);
		r->match |= VEM_ACL_M_ETHERTYPE;
	}
	return err;
}

/*
 * VEM_A_ACL_ENTRIES of a request, compiled into a new version. Returns an
 * ERR_PTR with an extack message on any refusal. May sleep.
 */
static struct vem_acl_ver *vem_nl_parse_entries(struct genl_info *info,
						 u8 family)
{
	struct vem_acl_ace *ace = NULL;
	struct nlattr *list, *entry;
	struct vem_acl_ver *ver;
	unsigned int n = 0, max = 0;
	int rem, lrem, err = 0;

	/*
	 * An attribute holds 64 KiB at most: a long list comes in several
	 * VEM_A_ACL_ENTRIES, one after the other (info->attrs has the last).
	 * Count them first, for one allocation of the right size.
	 */
	nla_for_each_attr(list, genlmsg_data(info->genlhdr),
			  genlmsg_len(info->genlhdr), lrem)
		if (nla_type(list) == VEM_A_ACL_ENTRIES)
			nla_for_each_nested(entry, list, rem)
				max++;
	if (max > VEM_ACL_ENTRIES_MAX) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack,
					info->attrs[VEM_A_ACL_ENTRIES],
					"Too many entries in one ACL");
		return ERR_PTR(-E2BIG);
	}
	if (max) {
		ace = kvmalloc_array(max, sizeof(*ace), GFP_KERNEL);
		if (!ace)
			return ERR_PTR(-ENOMEM);
	}
	nla_for_each_attr(list, genlmsg_data(info->genlhdr),
			  genlmsg_len(info->genlhdr), lrem) {
		if (nla_type(list) != VEM_A_ACL_ENTRIES)
			continue;
		nla_for_each_nested(entry, list, rem) {
			err = vem_nl_parse_ace(entry, family, &ace[n],
					       info->extack);
			if (err)
				goto out;
			if (n && ace[n].seq <= ace[n - 1].seq) {
				NL_SET_ERR_MSG_ATTR_MOD(info->extack, entry,
							"Sequence numbers must increase");
				err = -EINVAL;
				goto out;
			}
			n++;
		}
	}
	ver = vem_acl_ver_build(ace, n);
	if (IS_ERR(ver)) {
		err = PTR_ERR(ver);
		if (err == -ENOMEM)
			NL_SET_ERR_MSG_MOD(info->extack, "No memory for the ACL");
		else
			NL_SET_ERR_MSG_MOD(info->extack,
					   "The ACL's entries cannot be compiled");
	}
out:
	kvfree(ace);
	return err ? ERR_PTR(err) : ver;
}

int vem_nl_acl_new(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_switch *sw = info->user_ptr[0];
	struct nlattr **attrs = info->attrs;
	struct vem_acl_ver *ver;
	struct vem_acl *acl;
	const char *name;
	u8 family;

	if (VEM_REQUIRE(info, VEM_A_ACL_NAME, "ACL name") ||
	    VEM_REQUIRE(info, VEM_A_ACL_FAMILY, "ACL family"))
		return -EINVAL;
	name = nla_data(attrs[VEM_A_ACL_NAME]);
	if (!vem_nl_name_ok(name)) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, attrs[VEM_A_ACL_NAME],
					"An ACL name is letters, digits, '-', '_' and '.'");
		return -EINVAL;
	}
	if (vem_acl_find(sw, name)) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, attrs[VEM_A_ACL_NAME],
					"ACL already exists");
		return -EEXIST;
	}
	if (sw->n_acls >= VEM_ACL_MAX) {
		NL_SET_ERR_MSG_MOD(info->extack, "Too many ACLs in this switch");
		return -ENOSPC;
	}
	family = nla_get_u8(attrs[VEM_A_ACL_FAMILY]);
	ver = vem_nl_parse_entries(info, family);
	if (IS_ERR(ver))
		return PTR_ERR(ver);
	acl = vem_acl_create(sw, name, family, ver);
	if (IS_ERR(acl)) {
		vem_acl_ver_free(ver);
		NL_SET_ERR_MSG_MOD(info->extack, "No memory for the ACL");
		return PTR_ERR(acl);
	}
	vem_switch_changed(sw);
	vem_nl_notify(sw, vem_nl_fill_acl_event, acl, VEM_CMD_ACL_NEW,
		      GFP_KERNEL);
	return 0;
}

int vem_nl_acl_set(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_switch *sw = info->user_ptr[0];
	struct vem_acl *acl = info->user_ptr[1];
	struct vem_acl_ver *ver;

	if (info->attrs[VEM_A_ACL_FAMILY] &&
	    nla_get_u8(info->attrs[VEM_A_ACL_FAMILY]) != acl->family) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, info->attrs[VEM_A_ACL_FAMILY],
					"An ACL's family cannot change");
		return -EINVAL;
	}
	if (VEM_REQUIRE(info, VEM_A_ACL_ENTRIES, "ACL entries"))
		return -EINVAL;
	ver = vem_nl_parse_entries(info, acl->family);
	if (IS_ERR(ver))
		return PTR_ERR(ver);
	vem_acl_replace(acl, ver);
	vem_switch_changed(sw);
	vem_nl_notify(sw, vem_nl_fill_acl_event, acl, VEM_CMD_ACL_SET,
		      GFP_KERNEL);
	return 0;
}

int vem_nl_acl_del(struct sk_buff *skb, struct genl_info *info)
{
	struct vem_switch *sw = info->user_ptr[0];
	struct vem_acl *acl = info->user_ptr[1];

	if (acl->users) {
		NL_SET_ERR_MSG_ATTR_MOD(info->extack, info->attrs[VEM_A_ACL_NAME],
					"ACL in use by a port or a profile");
		return -EBUSY;
	}
	vem_nl_notify(sw, vem_nl_fill_acl_event, acl, VEM_CMD_ACL_DEL,
		      GFP_KERNEL);
	vem_acl_destroy(sw, acl);
	vem_switch_changed(sw);
	return 0;
}

/* Messages */

static int vem_nl_put_ace(struct sk_buff *skb, u8 family,
			  const struct vem_acl_ace *ace, const u64 *hits)
{
	const struct vem_acl_rule *r = &ace->rule;
	unsigned int alen = family == VEM_ACL_FAMILY_IPV4 ? 4 : 16;
	struct nlattr *nest;

	nest = nla_nest_start(skb, VEM_A_ACL_ENTRY);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, VEM_A_ACE_SEQ, ace->seq) ||
	    nla_put_u8(skb, VEM_A_ACE_ACTION, r->action == VEM_ACL_DENY ?
		       VEM_ACE_DENY : VEM_ACE_PERMIT) ||
	    (hits && nla_put_u64_64bit(skb, VEM_A_ACE_HITS, *hits,
				       VEM_A_ACE_PAD)))
		goto cancel;
	if (family == VEM_ACL_FAMILY_MAC) {
		if ((!is_zero_ether_addr(r->src_mac_mask) &&
		     (nla_put(skb, VEM_A_ACE_SRC_MAC, ETH_ALEN, r->src_mac) ||
		      nla_put(skb, VEM_A_ACE_SRC_MAC_MASK, ETH_ALEN,
			      r->src_mac_mask))) ||
		    (!is_zero_ether_addr(r->dst_mac_mask) &&
		     (nla_put(skb, VEM_A_ACE_DST_MAC, ETH_ALEN, r->dst_mac) ||
		      nla_put(skb, VEM_A_ACE_DST_MAC_MASK, ETH_ALEN,
			      r->dst_mac_mask))) ||
		    ((r->match & VEM_ACL_M_ETHERTYPE) &&
		     nla_put_u16(skb, VEM_A_ACE_ETHERTYPE, r->ethertype)))
			goto cancel;
		nla_nest_end(skb, nest);
		return 0;
	}
	if (((r->match & VEM_ACL_M_PROTO) &&
	     nla_put_u8(skb, VEM_A_ACE_PROTO, r->proto)) ||
	    (r->src_len && (nla_put(skb, VEM_A_ACE_SRC, alen, r->src) ||
			    nla_put_u8(skb, VEM_A_ACE_SRC_LEN, r->src_len))) ||
	    (r->dst_len && (nla_put(skb, VEM_A_ACE_DST, alen, r->dst) ||
			    nla_put_u8(skb, VEM_A_ACE_DST_LEN, r->dst_len))) ||
	    (r->sport.op && (nla_put_u8(skb, VEM_A_ACE_SPORT_OP, r->sport.op) ||
			     nla_put_u16(skb, VEM_A_ACE_SPORT_LO, r->sport.lo) ||
			     (r->sport.op == VEM_ACE_PORT_RANGE &&
			      nla_put_u16(skb, VEM_A_ACE_SPORT_HI, r->sport.hi)))) ||
	    (r->dport.op && (nla_put_u8(skb, VEM_A_ACE_DPORT_OP, r->dport.op) ||
			     nla_put_u16(skb, VEM_A_ACE_DPORT_LO, r->dport.lo) ||
			     (r->dport.op == VEM_ACE_PORT_RANGE &&
			      nla_put_u16(skb, VEM_A_ACE_DPORT_HI, r->dport.hi)))) ||
	    ((r->match & VEM_ACL_M_ESTABLISHED) &&
	     nla_put_flag(skb, VEM_A_ACE_ESTABLISHED)) ||
	    ((r->match & VEM_ACL_M_DSCP) &&
	     nla_put_u8(skb, VEM_A_ACE_DSCP, r->dscp)))
		goto cancel;
	nla_nest_end(skb, nest);
	return 0;
cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/*
 * An ACL with entries from *@from on, as many as fit; *@from is left at
 * the first entry not sent (ver->n: all sent). @hits: the counters, or
 * NULL (events). Must hold vem_mutex.
 */
static int vem_nl_fill_acl(struct sk_buff *skb, const struct vem_acl *acl,
			   u32 portid, u32 seq, int flags, u8 cmd,
			   const u64 *hits, unsigned int *from)
{
	const struct vem_acl_ver *ver = vem_dereference(acl->ver);
	struct nlattr *entries;
	unsigned int first = *from;
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &vem_genl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_string(skb, VEM_A_ACL_NAME, acl->name) ||
	    nla_put_u8(skb, VEM_A_ACL_FAMILY, acl->family) ||
	    nla_put_u32(skb, VEM_A_ACL_USERS, acl->users) ||
	    (hits && nla_put_u64_64bit(skb, VEM_A_ACL_DENY_HITS, hits[ver->n],
				       VEM_A_ACL_PAD)))
		goto cancel;
	entries = nla_nest_start(skb, VEM_A_ACL_ENTRIES);
	if (!entries)
		goto cancel;
	for (; *from < ver->n; (*from)++) {
		/* An attribute's length is 16 bits: start another one. */
		if (skb_tail_pointer(skb) - (unsigned char *)entries >
		    U16_MAX - 1024) {
			nla_nest_end(skb, entries);
			entries = nla_nest_start(skb, VEM_A_ACL_ENTRIES);
			if (!entries)
				break;
		}
		if (vem_nl_put_ace(skb, acl->family, &ver->ace[*from],
				   hits ? &hits[*from] : NULL))
			break;
	}
	/* Not one entry fits: the message is of no use. */
	if (*from == first && first < ver->n)
		goto cancel;
	if (entries)
		nla_nest_end(skb, entries);
	genlmsg_end(skb, hdr);
	return 0;
cancel:
	*from = first;
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/* An event: the ACL and its entries, as many as fit, without counters. */
int vem_nl_fill_acl_event(struct sk_buff *skb, const void *obj, u32 portid,
			  u32 seq, int flags, u8 cmd)
{
	unsigned int from = 0;

	return vem_nl_fill_acl(skb, obj, portid, seq, flags, cmd, NULL, &from);
}

/* The counters of @acl, kvmalloc()ed; NULL if no memory. */
static u64 *vem_acl_hits(const struct vem_acl *acl)
{
	const struct vem_acl_ver *ver = vem_dereference(acl->ver);
	u64 *hits = kvmalloc_array(ver->n + 1, sizeof(*hits), GFP_KERNEL);

	if (hits)
		vem_acl_hits_read(ver, hits);
	return hits;
}

/* One message, whole: a do request. */
int vem_nl_acl_get(struct sk_buff *skb, struct genl_info *info)
{
	const struct vem_acl *acl = info->user_ptr[1];
	const struct vem_acl_ver *ver = vem_dereference(acl->ver);
	unsigned int from = 0;
	struct sk_buff *msg;
	u64 *hits;
	int err;

	hits = vem_acl_hits(acl);
	if (!hits)
		return -ENOMEM;
	/* Each entry takes at most ~200 bytes on the wire. */
	msg = genlmsg_new(NLMSG_DEFAULT_SIZE + ver->n * 200, GFP_KERNEL);
	if (!msg) {
		kvfree(hits);
		return -ENOMEM;
	}
	err = vem_nl_fill_acl(msg, acl, info->snd_portid, info->snd_seq, 0,
			      VEM_CMD_ACL_GET, hits, &from);
	kvfree(hits);
	if (err || from < ver->n) {
		nlmsg_free(msg);
		return err ?: -EMSGSIZE;
	}
	return genlmsg_reply(msg, info);
}

/*
 * Dump: cb->args[0] the ACLs already sent whole, cb->args[1] the entries
 * of the next one already sent. An ACL too big for one message goes in
 * several, each with the name: userspace joins consecutive ones.
 */
int vem_nl_acl_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	long idx = 0, skip = cb->args[0];
	struct vem_switch *sw;
	struct vem_acl *acl;
	int err = 0;

	mutex_lock(&vem_mutex);
	sw = vem_switch_get(sock_net(skb->sk));
	if (!sw) {
		mutex_unlock(&vem_mutex);
		return -ENODEV;
	}
	cb->seq = READ_ONCE(sw->gen);
	list_for_each_entry(acl, &sw->acls, node) {
		unsigned int from = cb->args[1];
		u64 *hits;

		if (idx++ < skip)
			continue;
		hits = vem_acl_hits(acl);
		if (!hits) {
			err = -ENOMEM;
			break;
		}
		err = vem_nl_fill_acl(skb, acl, NETLINK_CB(cb->skb).portid,
				      cb->nlh->nlmsg_seq, NLM_F_MULTI,
				      VEM_CMD_ACL_GET, hits, &from);
		kvfree(hits);
		if (!err)
			genl_dump_check_consistent(cb, nlmsg_data(nlmsg_hdr(skb)));
		cb->args[1] = from;
		if (err || from < vem_dereference(acl->ver)->n) {
			err = -EMSGSIZE;
			break;
		}
		cb->args[0] = idx;
		cb->args[1] = 0;
	}
	mutex_unlock(&vem_mutex);
	return err == -EMSGSIZE && skb->len ? skb->len : err ?: skb->len;
}
