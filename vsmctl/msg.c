// SPDX-License-Identifier: GPL-2.0
/*
 * msg.c - vem generic netlink messages to and from the model.
 *
 * Replies are read strictly: an attribute of a known type with the wrong
 * size makes the whole message malformed (EBADMSG), so that a mismatch
 * between vem.h and the module shows at once. Attributes newer than this
 * vem.h are ignored.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

#include "msg.h"

struct nlmsghdr *msg_start(void *buf, uint16_t family, uint8_t cmd,
			   uint16_t flags)
{
	struct nlmsghdr *nlh;
	struct genlmsghdr *genl;

	memset(buf, 0, MNL_NLMSG_HDRLEN + GENL_HDRLEN);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = family;
	nlh->nlmsg_flags = flags;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = VEM_GENL_VERSION;
	return nlh;
}

void msg_put_switch(struct nlmsghdr *nlh, const struct switch_info *sw)
{
	if (sw->has & SWITCH_HAS_AGEING_TIME)
		mnl_attr_put_u32(nlh, VEM_A_SWITCH_AGEING_TIME,
				 sw->ageing_time);
	if (sw->has & SWITCH_HAS_FDB_MAX)
		mnl_attr_put_u32(nlh, VEM_A_SWITCH_FDB_MAX, sw->fdb_max);
}

void msg_put_port_ref(struct nlmsghdr *nlh, const struct port_ref *ref)
{
	mnl_attr_put_u8(nlh, VEM_A_PORT_TYPE, ref->type);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ID, ref->id);
}

/* The ACL slots whose VEM_CFG_ACL_* bit is in mask, from @first on. */
static void put_acl_slots(struct nlmsghdr *nlh, uint16_t first,
			  const char acl[ACL_SLOTS][VEM_ACL_NAME_MAX + 1],
			  uint32_t mask)
{
	unsigned int i;

	for (i = 0; i < ACL_SLOTS; i++)
		if (mask & (VEM_CFG_ACL_IP_IN << i))
			mnl_attr_put_strz(nlh, first + i, acl[i]);
}

/* The storm-control limits whose VEM_CFG_STORM_* bit is in mask. */
static void put_storm(struct nlmsghdr *nlh, uint16_t first,
		      const uint32_t storm[STORM_KINDS], uint32_t mask)
{
	unsigned int i;

	for (i = 0; i < STORM_KINDS; i++)
		if (mask & (VEM_CFG_STORM_BCAST << i))
			mnl_attr_put_u32(nlh, first + i, storm[i]);
}

/* The QoS slots whose VEM_CFG_QOS_* bit is in mask, from @first on. */
static void put_qos_slots(struct nlmsghdr *nlh, uint16_t first,
			  const char qos[QOS_SLOTS][VEM_QOS_NAME_MAX + 1],
			  uint32_t mask)
{
	unsigned int i;

	for (i = 0; i < QOS_SLOTS; i++)
		if (mask & (VEM_CFG_QOS_IN << i))
			mnl_attr_put_strz(nlh, first + i, qos[i]);
}

/*
 * The port-security items whose VEM_CFG_PSEC* bit is in mask, from
 * attribute first (VEM_A_*_PSEC) on: PSEC, PSEC_MAX, PSEC_VIOLATION,
 * PSEC_STICKY follow each other for ports and profiles alike.
 */
static void put_psec(struct nlmsghdr *nlh, uint16_t first,
		     const struct psec_info *ps, uint32_t mask)
{
	if (mask & VEM_CFG_PSEC)
		mnl_attr_put_u8(nlh, first, ps->on);
	if (mask & VEM_CFG_PSEC_MAX)
		mnl_attr_put_u32(nlh, first + 1, ps->max);
	if (mask & VEM_CFG_PSEC_VIOLATION)
		mnl_attr_put_u8(nlh, first + 2, ps->violation);
	if (mask & VEM_CFG_PSEC_STICKY)
		mnl_attr_put_u8(nlh, first + 3, ps->sticky);
}

void msg_put_port(struct nlmsghdr *nlh, const struct port_info *port)
{
	msg_put_port_ref(nlh, &port->ref);
	if (port->has & PORT_HAS_IFINDEX)
		mnl_attr_put_u32(nlh, VEM_A_PORT_IFINDEX, port->ifindex);
	if (port->has & PORT_HAS_MODE)
		mnl_attr_put_u8(nlh, VEM_A_PORT_MODE, port->mode);
	if (port->has & PORT_HAS_ACCESS_VLAN)
		mnl_attr_put_u16(nlh, VEM_A_PORT_ACCESS_VLAN,
				 port->access_vlan);
	if (port->has & PORT_HAS_NATIVE_VLAN)
		mnl_attr_put_u16(nlh, VEM_A_PORT_NATIVE_VLAN,
				 port->native_vlan);
	if (port->has & PORT_HAS_TRUNK_VLANS)
		mnl_attr_put(nlh, VEM_A_PORT_TRUNK_VLANS,
			     sizeof(port->trunk_vlans), port->trunk_vlans);
	if (port->has & PORT_HAS_SHUTDOWN)
		mnl_attr_put_u8(nlh, VEM_A_PORT_SHUTDOWN, port->shutdown);
	if (port->has & PORT_HAS_PROFILE)
		mnl_attr_put_strz(nlh, VEM_A_PORT_PROFILE, port->profile);
	if (port->has & PORT_HAS_CLEAR)
		mnl_attr_put_u32(nlh, VEM_A_PORT_CLEAR, port->clear);
	/*
	 * A port sets the slots it owns: one it sends, even "", overrides
	 * its profile's.
	 */
	if (port->has & PORT_HAS_ACLS)
		put_acl_slots(nlh, VEM_A_PORT_ACL_IP_IN, port->acl, port->own);
	if (port->has & PORT_HAS_STORM)
		put_storm(nlh, VEM_A_PORT_STORM_BCAST, port->storm, port->own);
	if (port->has & PORT_HAS_QOS)
		put_qos_slots(nlh, VEM_A_PORT_QOS_IN, port->qos, port->own);
	if (port->has & PORT_HAS_PSEC)
		put_psec(nlh, VEM_A_PORT_PSEC, &port->psec, port->own);
}

void msg_put_profile(struct nlmsghdr *nlh, const struct profile_info *pp)
{
	mnl_attr_put_strz(nlh, VEM_A_PROFILE_NAME, pp->name);
	if (pp->has & PROFILE_HAS_TYPE)
		mnl_attr_put_u8(nlh, VEM_A_PROFILE_TYPE, pp->type);
	if (pp->has & PROFILE_HAS_MODE)
		mnl_attr_put_u8(nlh, VEM_A_PROFILE_MODE, pp->mode);
	if (pp->has & PROFILE_HAS_ACCESS_VLAN)
		mnl_attr_put_u16(nlh, VEM_A_PROFILE_ACCESS_VLAN,
				 pp->access_vlan);
	if (pp->has & PROFILE_HAS_NATIVE_VLAN)
		mnl_attr_put_u16(nlh, VEM_A_PROFILE_NATIVE_VLAN,
				 pp->native_vlan);
	if (pp->has & PROFILE_HAS_TRUNK_VLANS)
		mnl_attr_put(nlh, VEM_A_PROFILE_TRUNK_VLANS,
			     sizeof(pp->trunk_vlans), pp->trunk_vlans);
	if (pp->has & PROFILE_HAS_SHUTDOWN)
		mnl_attr_put_u8(nlh, VEM_A_PROFILE_SHUTDOWN, pp->shutdown);
	if (pp->has & PROFILE_HAS_MAX_PORTS)
		mnl_attr_put_u32(nlh, VEM_A_PROFILE_MAX_PORTS, pp->max_ports);
	if (pp->has & PROFILE_HAS_ENABLED)
		mnl_attr_put_u8(nlh, VEM_A_PROFILE_ENABLED, pp->enabled);
	if (pp->has & PROFILE_HAS_ACLS)
		put_acl_slots(nlh, VEM_A_PROFILE_ACL_IP_IN, pp->acl, VEM_CFG_ALL);
	if (pp->has & PROFILE_HAS_STORM)
		put_storm(nlh, VEM_A_PROFILE_STORM_BCAST, pp->storm, VEM_CFG_ALL);
	if (pp->has & PROFILE_HAS_QOS)
		put_qos_slots(nlh, VEM_A_PROFILE_QOS_IN, pp->qos, VEM_CFG_ALL);
	if (pp->has & PROFILE_HAS_PSEC)
		put_psec(nlh, VEM_A_PROFILE_PSEC, &pp->psec, VEM_CFG_ALL);
}

void msg_put_qos_name(struct nlmsghdr *nlh, const char *name)
{
	mnl_attr_put_strz(nlh, VEM_A_QOS_NAME, name);
}

void msg_put_qos(struct nlmsghdr *nlh, const struct qos_info *qos)
{
	msg_put_qos_name(nlh, qos->name);
	if (qos->cir) {
		mnl_attr_put_u64(nlh, VEM_A_QOS_CIR, qos->cir);
		if (qos->bc)
			mnl_attr_put_u32(nlh, VEM_A_QOS_BC, qos->bc);
		mnl_attr_put_u8(nlh, VEM_A_QOS_VIOLATE, qos->violate);
		if (qos->has_violate_dscp)
			mnl_attr_put_u8(nlh, VEM_A_QOS_VIOLATE_DSCP,
					qos->violate_dscp);
	}
	if (qos->has_cos)
		mnl_attr_put_u8(nlh, VEM_A_QOS_SET_COS, qos->cos);
	if (qos->has_dscp)
		mnl_attr_put_u8(nlh, VEM_A_QOS_SET_DSCP, qos->dscp);
}

void msg_put_fdb(struct nlmsghdr *nlh, const struct fdb_entry *fdb)
{
	if (fdb->has & FDB_HAS_MAC)
		mnl_attr_put(nlh, VEM_A_FDB_MAC, sizeof(fdb->mac), fdb->mac);
	if (fdb->has & FDB_HAS_VLAN)
		mnl_attr_put_u16(nlh, VEM_A_FDB_VLAN, fdb->vlan);
	if (fdb->has & FDB_HAS_PORT) {
		mnl_attr_put_u8(nlh, VEM_A_FDB_PORT_TYPE, fdb->port.type);
		mnl_attr_put_u32(nlh, VEM_A_FDB_PORT_ID, fdb->port.id);
	}
	if (fdb->has & FDB_HAS_FLAGS)
		mnl_attr_put_u32(nlh, VEM_A_FDB_FLAGS, fdb->flags);
}

/* The address size of an ACL family: 4 for IPv4, 16 otherwise. */
static unsigned int acl_addr_len(uint8_t family)
{
	return family == VEM_ACL_FAMILY_IPV4 ? 4 : 16;
}

static bool mac_is_zero(const uint8_t *mac)
{
	static const uint8_t zero[6];

	return !memcmp(mac, zero, sizeof(zero));
}

static void put_port_cond(struct nlmsghdr *nlh, uint16_t op_type, uint8_t op,
			  uint16_t lo, uint16_t hi)
{
	if (op == VEM_ACE_PORT_ANY)
		return;
	mnl_attr_put_u8(nlh, op_type, op);
	mnl_attr_put_u16(nlh, op_type + 1, lo);
	if (op == VEM_ACE_PORT_RANGE)
		mnl_attr_put_u16(nlh, op_type + 2, hi);
}

/*
 * One VEM_A_ACL_ENTRY: the conditions set, whatever the family, so that
 * the kernel refuses (and says why) a condition the family does not take
 * rather than this dropping it. At most MSG_ACE_SIZE_MAX bytes.
 */
static void put_ace(struct nlmsghdr *nlh, uint8_t family,
		    const struct acl_entry_info *e)
{
	unsigned int alen = acl_addr_len(family);
	struct nlattr *nest;

	nest = mnl_attr_nest_start(nlh, VEM_A_ACL_ENTRY);
	nest->nla_type |= NLA_F_NESTED;
	mnl_attr_put_u32(nlh, VEM_A_ACE_SEQ, e->seq);
	mnl_attr_put_u8(nlh, VEM_A_ACE_ACTION, e->action);
	if (e->has_proto)
		mnl_attr_put_u8(nlh, VEM_A_ACE_PROTO, e->proto);
	if (e->src_len) {
		mnl_attr_put(nlh, VEM_A_ACE_SRC, alen, e->src);
		mnl_attr_put_u8(nlh, VEM_A_ACE_SRC_LEN, e->src_len);
	}
	if (e->dst_len) {
		mnl_attr_put(nlh, VEM_A_ACE_DST, alen, e->dst);
		mnl_attr_put_u8(nlh, VEM_A_ACE_DST_LEN, e->dst_len);
	}
	put_port_cond(nlh, VEM_A_ACE_SPORT_OP, e->sport_op, e->sport_lo,
		      e->sport_hi);
	put_port_cond(nlh, VEM_A_ACE_DPORT_OP, e->dport_op, e->dport_lo,
		      e->dport_hi);
	if (e->established)
		mnl_attr_put(nlh, VEM_A_ACE_ESTABLISHED, 0, NULL);
	if (e->has_dscp)
		mnl_attr_put_u8(nlh, VEM_A_ACE_DSCP, e->dscp);
	if (!mac_is_zero(e->src_mac_mask)) {
		mnl_attr_put(nlh, VEM_A_ACE_SRC_MAC, 6, e->src_mac);
		mnl_attr_put(nlh, VEM_A_ACE_SRC_MAC_MASK, 6, e->src_mac_mask);
	}
	if (!mac_is_zero(e->dst_mac_mask)) {
		mnl_attr_put(nlh, VEM_A_ACE_DST_MAC, 6, e->dst_mac);
		mnl_attr_put(nlh, VEM_A_ACE_DST_MAC_MASK, 6, e->dst_mac_mask);
	}
	if (e->has_ethertype)
		mnl_attr_put_u16(nlh, VEM_A_ACE_ETHERTYPE, e->ethertype);
	mnl_attr_nest_end(nlh, nest);
}

size_t msg_acl_size(const struct acl_info *acl)
{
	return MNL_NLMSG_HDRLEN + MNL_ALIGN(GENL_HDRLEN) +
	       MNL_ATTR_HDRLEN + MNL_ALIGN(VEM_ACL_NAME_MAX + 1) +	/* name */
	       MNL_ATTR_HDRLEN + MNL_ALIGN(1) +			/* family */
	       /* VEM_A_ACL_ENTRIES, one per 64 KiB of entries */
	       (acl->n * MSG_ACE_SIZE_MAX / (UINT16_MAX - MSG_ACE_SIZE_MAX) + 1) *
	       MNL_ATTR_HDRLEN +
	       acl->n * MSG_ACE_SIZE_MAX;
}

int msg_put_acl(struct nlmsghdr *nlh, const struct acl_info *acl,
		bool with_family)
{
	struct nlattr *nest;
	size_t i, len;

	msg_put_acl_name(nlh, acl->name);
	if (with_family)
		mnl_attr_put_u8(nlh, VEM_A_ACL_FAMILY, acl->family);
	nest = mnl_attr_nest_start(nlh, VEM_A_ACL_ENTRIES);
	nest->nla_type |= NLA_F_NESTED;
	for (i = 0; i < acl->n; i++) {
		/*
		 * An attribute's length is 16 bits (mnl_attr_nest_end() would
		 * truncate it): a long list goes in several VEM_A_ACL_ENTRIES.
		 */
		len = (char *)mnl_nlmsg_get_payload_tail(nlh) - (char *)nest;
		if (len > UINT16_MAX - MSG_ACE_SIZE_MAX) {
			mnl_attr_nest_end(nlh, nest);
			nest = mnl_attr_nest_start(nlh, VEM_A_ACL_ENTRIES);
			nest->nla_type |= NLA_F_NESTED;
		}
		put_ace(nlh, acl->family, &acl->entries[i]);
	}
	mnl_attr_nest_end(nlh, nest);
	return 0;
}

void msg_put_acl_name(struct nlmsghdr *nlh, const char *name)
{
	mnl_attr_put_strz(nlh, VEM_A_ACL_NAME, name);
}

/*
 * Reading attributes: a policy gives the libmnl type (and the exact length
 * of a binary) of each attribute to keep; the others are skipped.
 */
struct attr_pol {
	enum mnl_attr_data_type type;
	uint16_t len;
};

struct attr_table {
	const struct attr_pol *pol;
	unsigned int max;
	const struct nlattr **tb;
};

static int attr_cb(const struct nlattr *attr, void *data)
{
	struct attr_table *t = data;
	uint16_t type = mnl_attr_get_type(attr);
	const struct attr_pol *p;
	int ret;

	if (type > t->max)
		return MNL_CB_OK;
	p = &t->pol[type];
	if (p->type == MNL_TYPE_UNSPEC)
		return MNL_CB_OK;
	if (p->type == MNL_TYPE_NUL_STRING && p->len)
		ret = mnl_attr_validate(attr, p->type) ||
		      mnl_attr_get_payload_len(attr) > p->len;
	else if (p->len)
		ret = mnl_attr_validate2(attr, p->type, p->len);
	else
		ret = mnl_attr_validate(attr, p->type);
	if (ret) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	t->tb[type] = attr;
	return MNL_CB_OK;
}

/* The attributes of a generic netlink message, after its header. */
static int parse_genl(const struct nlmsghdr *nlh, const struct attr_pol *pol,
		      unsigned int max, const struct nlattr **tb)
{
	struct attr_table t = { pol, max, tb };

	memset(tb, 0, (max + 1) * sizeof(*tb));
	/*
	 * libmnl walks attributes up to the aligned end of the message: an
	 * unaligned length (which the kernel never sends) would let it read
	 * past the bytes we were given.
	 */
	if (nlh->nlmsg_len != MNL_ALIGN(nlh->nlmsg_len) ||
	    mnl_nlmsg_get_payload_len(nlh) < GENL_HDRLEN) {
		errno = EBADMSG;
		return -1;
	}
	if (mnl_attr_parse(nlh, GENL_HDRLEN, attr_cb, &t) < 0) {
		errno = EBADMSG;
		return -1;
	}
	return 0;
}

static int parse_nested(const struct nlattr *nest, const struct attr_pol *pol,
			unsigned int max, const struct nlattr **tb)
{
	struct attr_table t = { pol, max, tb };

	memset(tb, 0, (max + 1) * sizeof(*tb));
	if (mnl_attr_parse_nested(nest, attr_cb, &t) < 0) {
		errno = EBADMSG;
		return -1;
	}
	return 0;
}

#define ACL_NAME_POL	{ MNL_TYPE_NUL_STRING, VEM_ACL_NAME_MAX + 1 }
#define QOS_NAME_POL	{ MNL_TYPE_NUL_STRING, VEM_QOS_NAME_MAX + 1 }

static const struct attr_pol switch_pol[VEM_A_SWITCH_MAX + 1] = {
	[VEM_A_SWITCH_AGEING_TIME]	= { MNL_TYPE_U32, 0 },
	[VEM_A_SWITCH_FDB_MAX]		= { MNL_TYPE_U32, 0 },
	[VEM_A_SWITCH_FDB_COUNT]	= { MNL_TYPE_U32, 0 },
	[VEM_A_SWITCH_PORT_COUNT]	= { MNL_TYPE_U32, 0 },
	[VEM_A_SWITCH_LEARN_REFUSED]	= { MNL_TYPE_U64, 0 },
};

int msg_parse_switch(const struct nlmsghdr *nlh, struct switch_info *sw)
{
	const struct nlattr *tb[VEM_A_SWITCH_MAX + 1];

	memset(sw, 0, sizeof(*sw));
	if (parse_genl(nlh, switch_pol, VEM_A_SWITCH_MAX, tb))
		return -1;
	if (tb[VEM_A_SWITCH_AGEING_TIME]) {
		sw->has |= SWITCH_HAS_AGEING_TIME;
		sw->ageing_time = mnl_attr_get_u32(tb[VEM_A_SWITCH_AGEING_TIME]);
	}
	if (tb[VEM_A_SWITCH_FDB_MAX]) {
		sw->has |= SWITCH_HAS_FDB_MAX;
		sw->fdb_max = mnl_attr_get_u32(tb[VEM_A_SWITCH_FDB_MAX]);
	}
	if (tb[VEM_A_SWITCH_FDB_COUNT]) {
		sw->has |= SWITCH_HAS_FDB_COUNT;
		sw->fdb_count = mnl_attr_get_u32(tb[VEM_A_SWITCH_FDB_COUNT]);
	}
	if (tb[VEM_A_SWITCH_PORT_COUNT]) {
		sw->has |= SWITCH_HAS_PORT_COUNT;
		sw->port_count = mnl_attr_get_u32(tb[VEM_A_SWITCH_PORT_COUNT]);
	}
	if (tb[VEM_A_SWITCH_LEARN_REFUSED]) {
		sw->has |= SWITCH_HAS_LEARN_REFUSED;
		sw->learn_refused =
			mnl_attr_get_u64(tb[VEM_A_SWITCH_LEARN_REFUSED]);
	}
	return 0;
}

static const struct attr_pol port_pol[VEM_A_PORT_MAX + 1] = {
	[VEM_A_PORT_TYPE]		= { MNL_TYPE_U8, 0 },
	[VEM_A_PORT_ID]			= { MNL_TYPE_U32, 0 },
	[VEM_A_PORT_IFINDEX]		= { MNL_TYPE_U32, 0 },
	[VEM_A_PORT_IFNAME]		= { MNL_TYPE_NUL_STRING, IFNAMSIZ },
	[VEM_A_PORT_MODE]		= { MNL_TYPE_U8, 0 },
	[VEM_A_PORT_ACCESS_VLAN]	= { MNL_TYPE_U16, 0 },
	[VEM_A_PORT_NATIVE_VLAN]	= { MNL_TYPE_U16, 0 },
	[VEM_A_PORT_TRUNK_VLANS]	= { MNL_TYPE_BINARY,
					    VEM_VLAN_BITMAP_LEN },
	[VEM_A_PORT_SHUTDOWN]		= { MNL_TYPE_U8, 0 },
	[VEM_A_PORT_OPER_UP]		= { MNL_TYPE_U8, 0 },
	[VEM_A_PORT_STATS]		= { MNL_TYPE_NESTED, 0 },
	[VEM_A_PORT_PROFILE]		= { MNL_TYPE_NUL_STRING,
					    VEM_PROFILE_NAME_MAX + 1 },
	[VEM_A_PORT_OWN]		= { MNL_TYPE_U32, 0 },
	[VEM_A_PORT_ACL_IP_IN]		= ACL_NAME_POL,
	[VEM_A_PORT_ACL_IP_OUT]		= ACL_NAME_POL,
	[VEM_A_PORT_ACL_IPV6_IN]	= ACL_NAME_POL,
	[VEM_A_PORT_ACL_IPV6_OUT]	= ACL_NAME_POL,
	[VEM_A_PORT_ACL_MAC_IN]		= ACL_NAME_POL,
	[VEM_A_PORT_ACL_MAC_OUT]	= ACL_NAME_POL,
	[VEM_A_PORT_STORM_BCAST]	= { MNL_TYPE_U32, 0 },
	[VEM_A_PORT_STORM_MCAST]	= { MNL_TYPE_U32, 0 },
	[VEM_A_PORT_STORM_UCAST]	= { MNL_TYPE_U32, 0 },
	[VEM_A_PORT_QOS_IN]		= QOS_NAME_POL,
	[VEM_A_PORT_QOS_OUT]		= QOS_NAME_POL,
	[VEM_A_PORT_PSEC]		= { MNL_TYPE_U8, 0 },
	[VEM_A_PORT_PSEC_MAX]		= { MNL_TYPE_U32, 0 },
	[VEM_A_PORT_PSEC_VIOLATION]	= { MNL_TYPE_U8, 0 },
	[VEM_A_PORT_PSEC_STICKY]	= { MNL_TYPE_U8, 0 },
	[VEM_A_PORT_ERR_DISABLED]	= { MNL_TYPE_U8, 0 },
	[VEM_A_PORT_SECURE_MACS]	= { MNL_TYPE_U32, 0 },
};

/* The two QoS names from tb[first] on; false if the kernel sent none. */
static bool get_qos_slots(const struct nlattr **tb, unsigned int first,
			  char qos[QOS_SLOTS][VEM_QOS_NAME_MAX + 1])
{
	bool any = false;
	unsigned int i;

	for (i = 0; i < QOS_SLOTS; i++) {
		qos[i][0] = '\0';
		if (!tb[first + i])
			continue;
		/* NUL-terminated and short enough: checked. */
		strcpy(qos[i], mnl_attr_get_str(tb[first + i]));
		any = true;
	}
	return any;
}

/* The four port-security items from tb[first] on; false if none was sent. */
static bool get_psec(const struct nlattr **tb, unsigned int first,
		     struct psec_info *ps)
{
	if (!tb[first])
		return false;
	ps->on = mnl_attr_get_u8(tb[first]);
	if (tb[first + 1])
		ps->max = mnl_attr_get_u32(tb[first + 1]);
	if (tb[first + 2])
		ps->violation = mnl_attr_get_u8(tb[first + 2]);
	if (tb[first + 3])
		ps->sticky = mnl_attr_get_u8(tb[first + 3]);
	return true;
}

/*
 * The six ACL names from tb[first] on, "" for those not sent; false if the
 * kernel sent none (it sends all six when it knows ACLs).
 */
static bool get_acl_slots(const struct nlattr **tb, unsigned int first,
			  char acl[ACL_SLOTS][VEM_ACL_NAME_MAX + 1])
{
	bool any = false;
	unsigned int i;

	for (i = 0; i < ACL_SLOTS; i++) {
		acl[i][0] = '\0';
		if (!tb[first + i])
			continue;
		/* NUL-terminated and short enough: checked. */
		strcpy(acl[i], mnl_attr_get_str(tb[first + i]));
		any = true;
	}
	return any;
}

/* The three storm-control limits from tb[first] on; false if none sent. */
static bool get_storm(const struct nlattr **tb, unsigned int first,
		      uint32_t storm[STORM_KINDS])
{
	bool any = false;
	unsigned int i;

	for (i = 0; i < STORM_KINDS; i++) {
		storm[i] = 0;
		if (!tb[first + i])
			continue;
		storm[i] = mnl_attr_get_u32(tb[first + i]);
		any = true;
	}
	return any;
}

/* Every counter is a u64; VEM_A_STATS_PAD and newer counters are skipped. */
static int stats_cb(const struct nlattr *attr, void *data)
{
	struct port_info *port = data;
	uint16_t type = mnl_attr_get_type(attr);

	if (type <= VEM_A_STATS_PAD || type > VEM_A_STATS_MAX)
		return MNL_CB_OK;
	if (mnl_attr_validate(attr, MNL_TYPE_U64)) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	port->stats[type] = mnl_attr_get_u64(attr);
	return MNL_CB_OK;
}

static int parse_stats(const struct nlattr *nest, struct port_info *port)
{
	if (mnl_attr_parse_nested(nest, stats_cb, port) < 0) {
		errno = EBADMSG;
		return -1;
	}
	port->has |= PORT_HAS_STATS;
	return 0;
}

int msg_parse_port(const struct nlmsghdr *nlh, struct port_info *port)
{
	const struct nlattr *tb[VEM_A_PORT_MAX + 1];

	memset(port, 0, sizeof(*port));
	if (parse_genl(nlh, port_pol, VEM_A_PORT_MAX, tb))
		return -1;
	if (!tb[VEM_A_PORT_TYPE] || !tb[VEM_A_PORT_ID]) {
		errno = EBADMSG;
		return -1;
	}
	port->ref.type = mnl_attr_get_u8(tb[VEM_A_PORT_TYPE]);
	port->ref.id = mnl_attr_get_u32(tb[VEM_A_PORT_ID]);
	if (tb[VEM_A_PORT_IFINDEX]) {
		port->has |= PORT_HAS_IFINDEX;
		port->ifindex = mnl_attr_get_u32(tb[VEM_A_PORT_IFINDEX]);
	}
	if (tb[VEM_A_PORT_IFNAME]) {
		port->has |= PORT_HAS_IFNAME;
		/* NUL-terminated and at most IFNAMSIZ bytes: checked. */
		strcpy(port->ifname, mnl_attr_get_str(tb[VEM_A_PORT_IFNAME]));
	}
	if (tb[VEM_A_PORT_MODE]) {
		port->has |= PORT_HAS_MODE;
		port->mode = mnl_attr_get_u8(tb[VEM_A_PORT_MODE]);
	}
	if (tb[VEM_A_PORT_ACCESS_VLAN]) {
		port->has |= PORT_HAS_ACCESS_VLAN;
		port->access_vlan =
			mnl_attr_get_u16(tb[VEM_A_PORT_ACCESS_VLAN]);
	}
	if (tb[VEM_A_PORT_NATIVE_VLAN]) {
		port->has |= PORT_HAS_NATIVE_VLAN;
		port->native_vlan =
			mnl_attr_get_u16(tb[VEM_A_PORT_NATIVE_VLAN]);
	}
	if (tb[VEM_A_PORT_TRUNK_VLANS]) {
		port->has |= PORT_HAS_TRUNK_VLANS;
		memcpy(port->trunk_vlans,
		       mnl_attr_get_payload(tb[VEM_A_PORT_TRUNK_VLANS]),
		       sizeof(port->trunk_vlans));
	}
	if (tb[VEM_A_PORT_SHUTDOWN]) {
		port->has |= PORT_HAS_SHUTDOWN;
		port->shutdown = mnl_attr_get_u8(tb[VEM_A_PORT_SHUTDOWN]);
	}
	if (tb[VEM_A_PORT_OPER_UP]) {
		port->has |= PORT_HAS_OPER_UP;
		port->oper_up = mnl_attr_get_u8(tb[VEM_A_PORT_OPER_UP]);
	}
	/*
	 * A kernel that knows profiles always sends VEM_A_PORT_OWN, and the
	 * profile's name only when there is one.
	 */
	port->profile[0] = '\0';
	if (tb[VEM_A_PORT_OWN]) {
		port->has |= PORT_HAS_PROFILE;
		port->own = mnl_attr_get_u32(tb[VEM_A_PORT_OWN]);
	}
	if (tb[VEM_A_PORT_PROFILE])
		/* NUL-terminated and short enough: checked. */
		strcpy(port->profile, mnl_attr_get_str(tb[VEM_A_PORT_PROFILE]));
	if (get_acl_slots(tb, VEM_A_PORT_ACL_IP_IN, port->acl))
		port->has |= PORT_HAS_ACLS;
	if (get_storm(tb, VEM_A_PORT_STORM_BCAST, port->storm))
		port->has |= PORT_HAS_STORM;
	if (get_qos_slots(tb, VEM_A_PORT_QOS_IN, port->qos))
		port->has |= PORT_HAS_QOS;
	if (get_psec(tb, VEM_A_PORT_PSEC, &port->psec))
		port->has |= PORT_HAS_PSEC;
	if (tb[VEM_A_PORT_ERR_DISABLED]) {
		port->has |= PORT_HAS_ERR_DISABLED;
		port->err_disabled =
			mnl_attr_get_u8(tb[VEM_A_PORT_ERR_DISABLED]);
	}
	if (tb[VEM_A_PORT_SECURE_MACS]) {
		port->has |= PORT_HAS_SECURE_MACS;
		port->secure_macs =
			mnl_attr_get_u32(tb[VEM_A_PORT_SECURE_MACS]);
	}
	if (tb[VEM_A_PORT_STATS] && parse_stats(tb[VEM_A_PORT_STATS], port))
		return -1;
	return 0;
}

static const struct attr_pol fdb_pol[VEM_A_FDB_MAX + 1] = {
	[VEM_A_FDB_MAC]		= { MNL_TYPE_BINARY, 6 },
	[VEM_A_FDB_VLAN]	= { MNL_TYPE_U16, 0 },
	[VEM_A_FDB_PORT_TYPE]	= { MNL_TYPE_U8, 0 },
	[VEM_A_FDB_PORT_ID]	= { MNL_TYPE_U32, 0 },
	[VEM_A_FDB_FLAGS]	= { MNL_TYPE_U32, 0 },
	[VEM_A_FDB_AGE]		= { MNL_TYPE_U32, 0 },
};

int msg_parse_fdb(const struct nlmsghdr *nlh, struct fdb_entry *fdb)
{
	const struct nlattr *tb[VEM_A_FDB_MAX + 1];

	memset(fdb, 0, sizeof(*fdb));
	if (parse_genl(nlh, fdb_pol, VEM_A_FDB_MAX, tb))
		return -1;
	if (!tb[VEM_A_FDB_MAC] || !tb[VEM_A_FDB_VLAN]) {
		errno = EBADMSG;
		return -1;
	}
	fdb->has |= FDB_HAS_MAC | FDB_HAS_VLAN;
	memcpy(fdb->mac, mnl_attr_get_payload(tb[VEM_A_FDB_MAC]), 6);
	fdb->vlan = mnl_attr_get_u16(tb[VEM_A_FDB_VLAN]);
	if (tb[VEM_A_FDB_PORT_TYPE] && tb[VEM_A_FDB_PORT_ID]) {
		fdb->has |= FDB_HAS_PORT;
		fdb->port.type = mnl_attr_get_u8(tb[VEM_A_FDB_PORT_TYPE]);
		fdb->port.id = mnl_attr_get_u32(tb[VEM_A_FDB_PORT_ID]);
	}
	if (tb[VEM_A_FDB_FLAGS]) {
		fdb->has |= FDB_HAS_FLAGS;
		fdb->flags = mnl_attr_get_u32(tb[VEM_A_FDB_FLAGS]);
	}
	if (tb[VEM_A_FDB_AGE]) {
		fdb->has |= FDB_HAS_AGE;
		fdb->age_ms = mnl_attr_get_u32(tb[VEM_A_FDB_AGE]);
	}
	return 0;
}

static const struct attr_pol profile_pol[VEM_A_PROFILE_MAX + 1] = {
	[VEM_A_PROFILE_NAME]		= { MNL_TYPE_NUL_STRING,
					    VEM_PROFILE_NAME_MAX + 1 },
	[VEM_A_PROFILE_TYPE]		= { MNL_TYPE_U8, 0 },
	[VEM_A_PROFILE_MODE]		= { MNL_TYPE_U8, 0 },
	[VEM_A_PROFILE_ACCESS_VLAN]	= { MNL_TYPE_U16, 0 },
	[VEM_A_PROFILE_NATIVE_VLAN]	= { MNL_TYPE_U16, 0 },
	[VEM_A_PROFILE_TRUNK_VLANS]	= { MNL_TYPE_BINARY,
					    VEM_VLAN_BITMAP_LEN },
	[VEM_A_PROFILE_SHUTDOWN]	= { MNL_TYPE_U8, 0 },
	[VEM_A_PROFILE_MAX_PORTS]	= { MNL_TYPE_U32, 0 },
	[VEM_A_PROFILE_ENABLED]		= { MNL_TYPE_U8, 0 },
	[VEM_A_PROFILE_PORT_COUNT]	= { MNL_TYPE_U32, 0 },
	[VEM_A_PROFILE_ACL_IP_IN]	= ACL_NAME_POL,
	[VEM_A_PROFILE_ACL_IP_OUT]	= ACL_NAME_POL,
	[VEM_A_PROFILE_ACL_IPV6_IN]	= ACL_NAME_POL,
	[VEM_A_PROFILE_ACL_IPV6_OUT]	= ACL_NAME_POL,
	[VEM_A_PROFILE_ACL_MAC_IN]	= ACL_NAME_POL,
	[VEM_A_PROFILE_ACL_MAC_OUT]	= ACL_NAME_POL,
	[VEM_A_PROFILE_STORM_BCAST]	= { MNL_TYPE_U32, 0 },
	[VEM_A_PROFILE_STORM_MCAST]	= { MNL_TYPE_U32, 0 },
	[VEM_A_PROFILE_STORM_UCAST]	= { MNL_TYPE_U32, 0 },
	[VEM_A_PROFILE_QOS_IN]		= QOS_NAME_POL,
	[VEM_A_PROFILE_QOS_OUT]		= QOS_NAME_POL,
	[VEM_A_PROFILE_PSEC]		= { MNL_TYPE_U8, 0 },
	[VEM_A_PROFILE_PSEC_MAX]	= { MNL_TYPE_U32, 0 },
	[VEM_A_PROFILE_PSEC_VIOLATION]	= { MNL_TYPE_U8, 0 },
	[VEM_A_PROFILE_PSEC_STICKY]	= { MNL_TYPE_U8, 0 },
};

int msg_parse_profile(const struct nlmsghdr *nlh, struct profile_info *pp)
{
	const struct nlattr *tb[VEM_A_PROFILE_MAX + 1];

	memset(pp, 0, sizeof(*pp));
	if (parse_genl(nlh, profile_pol, VEM_A_PROFILE_MAX, tb))
		return -1;
	if (!tb[VEM_A_PROFILE_NAME]) {
		errno = EBADMSG;
		return -1;
	}
	/* NUL-terminated and short enough: checked. */
	strcpy(pp->name, mnl_attr_get_str(tb[VEM_A_PROFILE_NAME]));
	if (tb[VEM_A_PROFILE_TYPE]) {
		pp->has |= PROFILE_HAS_TYPE;
		pp->type = mnl_attr_get_u8(tb[VEM_A_PROFILE_TYPE]);
	}
	if (tb[VEM_A_PROFILE_MODE]) {
		pp->has |= PROFILE_HAS_MODE;
		pp->mode = mnl_attr_get_u8(tb[VEM_A_PROFILE_MODE]);
	}
	if (tb[VEM_A_PROFILE_ACCESS_VLAN]) {
		pp->has |= PROFILE_HAS_ACCESS_VLAN;
		pp->access_vlan =
			mnl_attr_get_u16(tb[VEM_A_PROFILE_ACCESS_VLAN]);
	}
	if (tb[VEM_A_PROFILE_NATIVE_VLAN]) {
		pp->has |= PROFILE_HAS_NATIVE_VLAN;
		pp->native_vlan =
			mnl_attr_get_u16(tb[VEM_A_PROFILE_NATIVE_VLAN]);
	}
	if (tb[VEM_A_PROFILE_TRUNK_VLANS]) {
		pp->has |= PROFILE_HAS_TRUNK_VLANS;
		memcpy(pp->trunk_vlans,
		       mnl_attr_get_payload(tb[VEM_A_PROFILE_TRUNK_VLANS]),
		       sizeof(pp->trunk_vlans));
	}
	if (tb[VEM_A_PROFILE_SHUTDOWN]) {
		pp->has |= PROFILE_HAS_SHUTDOWN;
		pp->shutdown = mnl_attr_get_u8(tb[VEM_A_PROFILE_SHUTDOWN]);
	}
	if (tb[VEM_A_PROFILE_MAX_PORTS]) {
		pp->has |= PROFILE_HAS_MAX_PORTS;
		pp->max_ports = mnl_attr_get_u32(tb[VEM_A_PROFILE_MAX_PORTS]);
	}
	if (tb[VEM_A_PROFILE_ENABLED]) {
		pp->has |= PROFILE_HAS_ENABLED;
		pp->enabled = mnl_attr_get_u8(tb[VEM_A_PROFILE_ENABLED]);
	}
	if (tb[VEM_A_PROFILE_PORT_COUNT]) {
		pp->has |= PROFILE_HAS_PORT_COUNT;
		pp->port_count =
			mnl_attr_get_u32(tb[VEM_A_PROFILE_PORT_COUNT]);
	}
	if (get_acl_slots(tb, VEM_A_PROFILE_ACL_IP_IN, pp->acl))
		pp->has |= PROFILE_HAS_ACLS;
	if (get_storm(tb, VEM_A_PROFILE_STORM_BCAST, pp->storm))
		pp->has |= PROFILE_HAS_STORM;
	if (get_qos_slots(tb, VEM_A_PROFILE_QOS_IN, pp->qos))
		pp->has |= PROFILE_HAS_QOS;
	if (get_psec(tb, VEM_A_PROFILE_PSEC, &pp->psec))
		pp->has |= PROFILE_HAS_PSEC;
	return 0;
}

static const struct attr_pol qos_pol[VEM_A_QOS_MAX + 1] = {
	[VEM_A_QOS_NAME]		= QOS_NAME_POL,
	[VEM_A_QOS_CIR]			= { MNL_TYPE_U64, 0 },
	[VEM_A_QOS_BC]			= { MNL_TYPE_U32, 0 },
	[VEM_A_QOS_VIOLATE]		= { MNL_TYPE_U8, 0 },
	[VEM_A_QOS_VIOLATE_DSCP]	= { MNL_TYPE_U8, 0 },
	[VEM_A_QOS_SET_COS]		= { MNL_TYPE_U8, 0 },
	[VEM_A_QOS_SET_DSCP]		= { MNL_TYPE_U8, 0 },
	[VEM_A_QOS_USERS]		= { MNL_TYPE_U32, 0 },
};

int msg_parse_qos(const struct nlmsghdr *nlh, struct qos_info *qos)
{
	const struct nlattr *tb[VEM_A_QOS_MAX + 1];

	memset(qos, 0, sizeof(*qos));
	if (parse_genl(nlh, qos_pol, VEM_A_QOS_MAX, tb))
		return -1;
	if (!tb[VEM_A_QOS_NAME]) {
		errno = EBADMSG;
		return -1;
	}
	strcpy(qos->name, mnl_attr_get_str(tb[VEM_A_QOS_NAME]));
	if (tb[VEM_A_QOS_CIR])
		qos->cir = mnl_attr_get_u64(tb[VEM_A_QOS_CIR]);
	if (tb[VEM_A_QOS_BC])
		qos->bc = mnl_attr_get_u32(tb[VEM_A_QOS_BC]);
	if (tb[VEM_A_QOS_VIOLATE])
		qos->violate = mnl_attr_get_u8(tb[VEM_A_QOS_VIOLATE]);
	if (tb[VEM_A_QOS_VIOLATE_DSCP]) {
		qos->has_violate_dscp = true;
		qos->violate_dscp = mnl_attr_get_u8(tb[VEM_A_QOS_VIOLATE_DSCP]);
	}
	if (tb[VEM_A_QOS_SET_COS]) {
		qos->has_cos = true;
		qos->cos = mnl_attr_get_u8(tb[VEM_A_QOS_SET_COS]);
	}
	if (tb[VEM_A_QOS_SET_DSCP]) {
		qos->has_dscp = true;
		qos->dscp = mnl_attr_get_u8(tb[VEM_A_QOS_SET_DSCP]);
	}
	if (tb[VEM_A_QOS_USERS])
		qos->users = mnl_attr_get_u32(tb[VEM_A_QOS_USERS]);
	return 0;
}

static const struct attr_pol acl_pol[VEM_A_ACL_MAX + 1] = {
	[VEM_A_ACL_NAME]	= ACL_NAME_POL,
	[VEM_A_ACL_FAMILY]	= { MNL_TYPE_U8, 0 },
	[VEM_A_ACL_ENTRIES]	= { MNL_TYPE_NESTED, 0 },
	[VEM_A_ACL_USERS]	= { MNL_TYPE_U32, 0 },
	[VEM_A_ACL_DENY_HITS]	= { MNL_TYPE_U64, 0 },
};

/* SRC and DST: their size depends on the family, checked apart. */
static const struct attr_pol ace_pol[VEM_A_ACE_MAX + 1] = {
	[VEM_A_ACE_SEQ]			= { MNL_TYPE_U32, 0 },
	[VEM_A_ACE_ACTION]		= { MNL_TYPE_U8, 0 },
	[VEM_A_ACE_PROTO]		= { MNL_TYPE_U8, 0 },
	[VEM_A_ACE_SRC]			= { MNL_TYPE_BINARY, 0 },
	[VEM_A_ACE_SRC_LEN]		= { MNL_TYPE_U8, 0 },
	[VEM_A_ACE_DST]			= { MNL_TYPE_BINARY, 0 },
	[VEM_A_ACE_DST_LEN]		= { MNL_TYPE_U8, 0 },
	[VEM_A_ACE_SPORT_OP]		= { MNL_TYPE_U8, 0 },
	[VEM_A_ACE_SPORT_LO]		= { MNL_TYPE_U16, 0 },
	[VEM_A_ACE_SPORT_HI]		= { MNL_TYPE_U16, 0 },
	[VEM_A_ACE_DPORT_OP]		= { MNL_TYPE_U8, 0 },
	[VEM_A_ACE_DPORT_LO]		= { MNL_TYPE_U16, 0 },
	[VEM_A_ACE_DPORT_HI]		= { MNL_TYPE_U16, 0 },
	[VEM_A_ACE_ESTABLISHED]		= { MNL_TYPE_FLAG, 0 },
	[VEM_A_ACE_DSCP]		= { MNL_TYPE_U8, 0 },
	[VEM_A_ACE_SRC_MAC]		= { MNL_TYPE_BINARY, 6 },
	[VEM_A_ACE_SRC_MAC_MASK]	= { MNL_TYPE_BINARY, 6 },
	[VEM_A_ACE_DST_MAC]		= { MNL_TYPE_BINARY, 6 },
	[VEM_A_ACE_DST_MAC_MASK]	= { MNL_TYPE_BINARY, 6 },
	[VEM_A_ACE_ETHERTYPE]		= { MNL_TYPE_U16, 0 },
	[VEM_A_ACE_HITS]		= { MNL_TYPE_U64, 0 },
};

/* An address and its prefix length: both or neither, of the family's size. */
static int get_prefix(const struct nlattr *addr, const struct nlattr *plen,
		      uint8_t family, uint8_t *out, uint8_t *out_len)
{
	unsigned int alen = acl_addr_len(family);

	if (!addr && !plen)
		return 0;
	if (!addr || !plen || mnl_attr_get_payload_len(addr) != alen ||
	    mnl_attr_get_u8(plen) > alen * 8)
		return -1;
	memcpy(out, mnl_attr_get_payload(addr), alen);
	*out_len = mnl_attr_get_u8(plen);
	return 0;
}

/* A port condition: LO with any operator but "any", HI with a range. */
static int get_port_cond(const struct nlattr **tb, unsigned int op_type,
			 uint8_t *op, uint16_t *lo, uint16_t *hi)
{
	const struct nlattr *a_lo = tb[op_type + 1], *a_hi = tb[op_type + 2];

	*op = tb[op_type] ? mnl_attr_get_u8(tb[op_type]) : VEM_ACE_PORT_ANY;
	if (*op == VEM_ACE_PORT_ANY)
		return a_lo || a_hi ? -1 : 0;
	if (*op > VEM_ACE_PORT_OP_MAX || !a_lo ||
	    (*op == VEM_ACE_PORT_RANGE) != !!a_hi)
		return -1;
	*lo = mnl_attr_get_u16(a_lo);
	if (a_hi)
		*hi = mnl_attr_get_u16(a_hi);
	return 0;
}

/* A MAC address and its mask: both or neither. */
static int get_mac(const struct nlattr *mac, const struct nlattr *mask,
		   uint8_t *out, uint8_t *out_mask)
{
	if (!mac && !mask)
		return 0;
	if (!mac || !mask)
		return -1;
	memcpy(out, mnl_attr_get_payload(mac), 6);
	memcpy(out_mask, mnl_attr_get_payload(mask), 6);
	return 0;
}

/* One VEM_A_ACL_ENTRY into e. */
static int parse_ace(const struct nlattr *nest, uint8_t family,
		     struct acl_entry_info *e)
{
	const struct nlattr *tb[VEM_A_ACE_MAX + 1];

	memset(e, 0, sizeof(*e));
	if (parse_nested(nest, ace_pol, VEM_A_ACE_MAX, tb))
		return -1;
	if (!tb[VEM_A_ACE_SEQ] || !tb[VEM_A_ACE_ACTION])
		goto bad;
	e->seq = mnl_attr_get_u32(tb[VEM_A_ACE_SEQ]);
	e->action = mnl_attr_get_u8(tb[VEM_A_ACE_ACTION]);
	if (tb[VEM_A_ACE_PROTO]) {
		e->has_proto = true;
		e->proto = mnl_attr_get_u8(tb[VEM_A_ACE_PROTO]);
	}
	if (get_prefix(tb[VEM_A_ACE_SRC], tb[VEM_A_ACE_SRC_LEN], family,
		       e->src, &e->src_len) ||
	    get_prefix(tb[VEM_A_ACE_DST], tb[VEM_A_ACE_DST_LEN], family,
		       e->dst, &e->dst_len) ||
	    get_port_cond(tb, VEM_A_ACE_SPORT_OP, &e->sport_op, &e->sport_lo,
			  &e->sport_hi) ||
	    get_port_cond(tb, VEM_A_ACE_DPORT_OP, &e->dport_op, &e->dport_lo,
			  &e->dport_hi) ||
	    get_mac(tb[VEM_A_ACE_SRC_MAC], tb[VEM_A_ACE_SRC_MAC_MASK],
		    e->src_mac, e->src_mac_mask) ||
	    get_mac(tb[VEM_A_ACE_DST_MAC], tb[VEM_A_ACE_DST_MAC_MASK],
		    e->dst_mac, e->dst_mac_mask))
		goto bad;
	e->established = tb[VEM_A_ACE_ESTABLISHED] != NULL;
	if (tb[VEM_A_ACE_DSCP]) {
		e->has_dscp = true;
		e->dscp = mnl_attr_get_u8(tb[VEM_A_ACE_DSCP]);
	}
	if (tb[VEM_A_ACE_ETHERTYPE]) {
		e->has_ethertype = true;
		e->ethertype = mnl_attr_get_u16(tb[VEM_A_ACE_ETHERTYPE]);
	}
	if (tb[VEM_A_ACE_HITS])
		e->hits = mnl_attr_get_u64(tb[VEM_A_ACE_HITS]);
	return 0;
bad:
	errno = EBADMSG;
	return -1;
}

int msg_parse_acl(const struct nlmsghdr *nlh, struct acl_info *acl)
{
	const struct nlattr *tb[VEM_A_ACL_MAX + 1];
	const struct nlattr *entry, *list;
	size_t n = 0;

	memset(acl, 0, sizeof(*acl));
	if (parse_genl(nlh, acl_pol, VEM_A_ACL_MAX, tb))
		return -1;
	if (!tb[VEM_A_ACL_NAME] || !tb[VEM_A_ACL_FAMILY]) {
		errno = EBADMSG;
		return -1;
	}
	/* NUL-terminated and short enough: checked. */
	strcpy(acl->name, mnl_attr_get_str(tb[VEM_A_ACL_NAME]));
	acl->family = mnl_attr_get_u8(tb[VEM_A_ACL_FAMILY]);
	if (tb[VEM_A_ACL_USERS])
		acl->users = mnl_attr_get_u32(tb[VEM_A_ACL_USERS]);
	if (tb[VEM_A_ACL_DENY_HITS])
		acl->deny_hits = mnl_attr_get_u64(tb[VEM_A_ACL_DENY_HITS]);
	if (!tb[VEM_A_ACL_ENTRIES])
		return 0;

	/*
	 * A long list comes in several VEM_A_ACL_ENTRIES (tb[] has the
	 * last): walk them all. Count first: one allocation.
	 */
	mnl_attr_for_each(list, nlh, GENL_HDRLEN) {
		if (mnl_attr_get_type(list) != VEM_A_ACL_ENTRIES)
			continue;
		mnl_attr_for_each_nested(entry, list)
			if (mnl_attr_get_type(entry) == VEM_A_ACL_ENTRY)
				n++;
	}
	if (!n)
		return 0;
	acl->entries = calloc(n, sizeof(*acl->entries));
	if (!acl->entries)
		return -1;
	mnl_attr_for_each(list, nlh, GENL_HDRLEN) {
		if (mnl_attr_get_type(list) != VEM_A_ACL_ENTRIES)
			continue;
		mnl_attr_for_each_nested(entry, list) {
			if (mnl_attr_get_type(entry) != VEM_A_ACL_ENTRY)
				continue;
			if (parse_ace(entry, acl->family,
				      &acl->entries[acl->n])) {
				free(acl->entries);
				acl->entries = NULL;
				acl->n = 0;
				return -1;
			}
			acl->n++;
		}
	}
	return 0;
}

int msg_join_acl(const struct nlmsghdr *nlh, struct acl_info **acls,
		 size_t *n)
{
	struct acl_info acl, *last, *grown;

	if (msg_parse_acl(nlh, &acl))
		return -1;
	last = *n ? &(*acls)[*n - 1] : NULL;
	if (last && !strcmp(last->name, acl.name)) {
		struct acl_entry_info *entries;

		if (last->family != acl.family) {
			free(acl.entries);
			errno = EBADMSG;
			return -1;
		}
		if (acl.n) {
			entries = realloc(last->entries, (last->n + acl.n) *
						 sizeof(*entries));
			if (!entries) {
				free(acl.entries);
				return -1;
			}
			memcpy(entries + last->n, acl.entries,
			       acl.n * sizeof(*entries));
			last->entries = entries;
			last->n += acl.n;
		}
		/* The counters as last read. */
		last->users = acl.users;
		last->deny_hits = acl.deny_hits;
		free(acl.entries);
		return 0;
	}
	grown = realloc(*acls, (*n + 1) * sizeof(**acls));
	if (!grown) {
		free(acl.entries);
		return -1;
	}
	grown[*n] = acl;
	*acls = grown;
	(*n)++;
	return 0;
}

static uint8_t genl_cmd(const struct nlmsghdr *nlh)
{
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);

	return genl->cmd;
}

int msg_parse_event(const struct nlmsghdr *nlh, struct event *ev)
{
	static const struct {
		enum event_kind kind;
		enum event_action action;
	} cmds[VEM_CMD_MAX + 1] = {
		[VEM_CMD_SWITCH_NEW]	= { EVENT_SWITCH, EVENT_NEW },
		[VEM_CMD_SWITCH_SET]	= { EVENT_SWITCH, EVENT_SET },
		[VEM_CMD_SWITCH_DEL]	= { EVENT_SWITCH, EVENT_DEL },
		[VEM_CMD_PORT_NEW]	= { EVENT_PORT, EVENT_NEW },
		[VEM_CMD_PORT_SET]	= { EVENT_PORT, EVENT_SET },
		[VEM_CMD_PORT_DEL]	= { EVENT_PORT, EVENT_DEL },
		[VEM_CMD_FDB_NEW]	= { EVENT_FDB, EVENT_NEW },
		[VEM_CMD_FDB_DEL]	= { EVENT_FDB, EVENT_DEL },
	};
	uint8_t cmd;

	memset(ev, 0, sizeof(*ev));
	if (mnl_nlmsg_get_payload_len(nlh) < GENL_HDRLEN) {
		errno = EBADMSG;
		return -1;
	}
	cmd = genl_cmd(nlh);
	switch (cmd) {
	case VEM_CMD_SWITCH_NEW:
	case VEM_CMD_SWITCH_SET:
	case VEM_CMD_SWITCH_DEL:
	case VEM_CMD_PORT_NEW:
	case VEM_CMD_PORT_SET:
	case VEM_CMD_PORT_DEL:
	case VEM_CMD_FDB_NEW:
	case VEM_CMD_FDB_DEL:
		break;
	default:
		errno = EOPNOTSUPP;
		return -1;
	}
	ev->kind = cmds[cmd].kind;
	ev->action = cmds[cmd].action;
	switch (ev->kind) {
	case EVENT_SWITCH:
		return msg_parse_switch(nlh, &ev->sw);
	case EVENT_PORT:
		return msg_parse_port(nlh, &ev->port);
	case EVENT_FDB:
		return msg_parse_fdb(nlh, &ev->fdb);
	}
	return 0;
}

static const struct attr_pol extack_pol[NLMSGERR_ATTR_MAX + 1] = {
	[NLMSGERR_ATTR_MSG]		= { MNL_TYPE_NUL_STRING, 0 },
	[NLMSGERR_ATTR_OFFS]		= { MNL_TYPE_U32, 0 },
	[NLMSGERR_ATTR_MISS_TYPE]	= { MNL_TYPE_U32, 0 },
	[NLMSGERR_ATTR_MISS_NEST]	= { MNL_TYPE_U32, 0 },
};

int msg_parse_extack(const struct nlmsghdr *nlh, struct extack *ea)
{
	const struct nlattr *tb[NLMSGERR_ATTR_MAX + 1] = { NULL };
	struct attr_table t = { extack_pol, NLMSGERR_ATTR_MAX, tb };
	size_t len = mnl_nlmsg_get_payload_len(nlh), off;
	const char *payload = mnl_nlmsg_get_payload(nlh);
	int32_t error;

	memset(ea, 0, sizeof(*ea));
	if (nlh->nlmsg_type == NLMSG_ERROR) {
		const struct nlmsgerr *err = (const void *)payload;

		if (len < sizeof(*err))
			goto bad;
		error = err->error;
		off = sizeof(*err);
		/* Unless capped, the request follows, then the TLVs. */
		if (!(nlh->nlmsg_flags & NLM_F_CAPPED)) {
			if (err->msg.nlmsg_len < sizeof(struct nlmsghdr))
				goto bad;
			off += MNL_ALIGN(err->msg.nlmsg_len -
					 sizeof(struct nlmsghdr));
		}
	} else if (nlh->nlmsg_type == NLMSG_DONE) {
		/* The int that ends a dump: 0 or the error of the dump. */
		if (len < sizeof(error))
			return 0;
		memcpy(&error, payload, sizeof(error));
		off = sizeof(error);
	} else {
		goto bad;
	}
	/* 0 or a negative errno; anything else is not from the kernel. */
	if (error > 0 || error < -4095)
		goto bad;
	ea->error = -error;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) || off >= len)
		return 0;
	if (mnl_attr_parse_payload(payload + off, len - off, attr_cb, &t) < 0)
		goto bad;
	if (tb[NLMSGERR_ATTR_MSG]) {
		snprintf(ea->msg, sizeof(ea->msg), "%s",
			 mnl_attr_get_str(tb[NLMSGERR_ATTR_MSG]));
		/* No trailing newline or blank: we print our own. */
		len = strlen(ea->msg);
		while (len && (ea->msg[len - 1] == '\n' ||
			       ea->msg[len - 1] == ' '))
			ea->msg[--len] = '\0';
	}
	if (tb[NLMSGERR_ATTR_OFFS]) {
		ea->has_offs = true;
		ea->offs = mnl_attr_get_u32(tb[NLMSGERR_ATTR_OFFS]);
	}
	if (tb[NLMSGERR_ATTR_MISS_TYPE]) {
		ea->has_miss_type = true;
		ea->miss_type = mnl_attr_get_u32(tb[NLMSGERR_ATTR_MISS_TYPE]);
	}
	if (tb[NLMSGERR_ATTR_MISS_NEST]) {
		ea->has_miss_nest = true;
		ea->miss_nest = mnl_attr_get_u32(tb[NLMSGERR_ATTR_MISS_NEST]);
	}
	return 0;
bad:
	errno = EBADMSG;
	return -1;
}

#define NAME(x) [x] = #x

static const char *const switch_names[VEM_A_SWITCH_MAX + 1] = {
	NAME(VEM_A_SWITCH_AGEING_TIME),
	NAME(VEM_A_SWITCH_FDB_MAX),
	NAME(VEM_A_SWITCH_FDB_COUNT),
	NAME(VEM_A_SWITCH_PORT_COUNT),
	NAME(VEM_A_SWITCH_LEARN_REFUSED),
	NAME(VEM_A_SWITCH_PAD),
};

static const char *const port_names[VEM_A_PORT_MAX + 1] = {
	NAME(VEM_A_PORT_TYPE),
	NAME(VEM_A_PORT_ID),
	NAME(VEM_A_PORT_IFINDEX),
	NAME(VEM_A_PORT_IFNAME),
	NAME(VEM_A_PORT_MODE),
	NAME(VEM_A_PORT_ACCESS_VLAN),
	NAME(VEM_A_PORT_NATIVE_VLAN),
	NAME(VEM_A_PORT_TRUNK_VLANS),
	NAME(VEM_A_PORT_SHUTDOWN),
	NAME(VEM_A_PORT_OPER_UP),
	NAME(VEM_A_PORT_STATS),
	NAME(VEM_A_PORT_PAD),
	NAME(VEM_A_PORT_PROFILE),
	NAME(VEM_A_PORT_OWN),
	NAME(VEM_A_PORT_CLEAR),
	NAME(VEM_A_PORT_ACL_IP_IN),
	NAME(VEM_A_PORT_ACL_IP_OUT),
	NAME(VEM_A_PORT_ACL_IPV6_IN),
	NAME(VEM_A_PORT_ACL_IPV6_OUT),
	NAME(VEM_A_PORT_ACL_MAC_IN),
	NAME(VEM_A_PORT_ACL_MAC_OUT),
	NAME(VEM_A_PORT_STORM_BCAST),
	NAME(VEM_A_PORT_STORM_MCAST),
	NAME(VEM_A_PORT_STORM_UCAST),
	NAME(VEM_A_PORT_QOS_IN),
	NAME(VEM_A_PORT_QOS_OUT),
	NAME(VEM_A_PORT_PSEC),
	NAME(VEM_A_PORT_PSEC_MAX),
	NAME(VEM_A_PORT_PSEC_VIOLATION),
	NAME(VEM_A_PORT_PSEC_STICKY),
	NAME(VEM_A_PORT_ERR_DISABLED),
	NAME(VEM_A_PORT_SECURE_MACS),
};

static const char *const fdb_names[VEM_A_FDB_MAX + 1] = {
	NAME(VEM_A_FDB_MAC),
	NAME(VEM_A_FDB_VLAN),
	NAME(VEM_A_FDB_PORT_TYPE),
	NAME(VEM_A_FDB_PORT_ID),
	NAME(VEM_A_FDB_FLAGS),
	NAME(VEM_A_FDB_AGE),
};

static const char *const profile_names[VEM_A_PROFILE_MAX + 1] = {
	NAME(VEM_A_PROFILE_NAME),
	NAME(VEM_A_PROFILE_TYPE),
	NAME(VEM_A_PROFILE_MODE),
	NAME(VEM_A_PROFILE_ACCESS_VLAN),
	NAME(VEM_A_PROFILE_NATIVE_VLAN),
	NAME(VEM_A_PROFILE_TRUNK_VLANS),
	NAME(VEM_A_PROFILE_SHUTDOWN),
	NAME(VEM_A_PROFILE_MAX_PORTS),
	NAME(VEM_A_PROFILE_ENABLED),
	NAME(VEM_A_PROFILE_PORT_COUNT),
	NAME(VEM_A_PROFILE_ACL_IP_IN),
	NAME(VEM_A_PROFILE_ACL_IP_OUT),
	NAME(VEM_A_PROFILE_ACL_IPV6_IN),
	NAME(VEM_A_PROFILE_ACL_IPV6_OUT),
	NAME(VEM_A_PROFILE_ACL_MAC_IN),
	NAME(VEM_A_PROFILE_ACL_MAC_OUT),
	NAME(VEM_A_PROFILE_STORM_BCAST),
	NAME(VEM_A_PROFILE_STORM_MCAST),
	NAME(VEM_A_PROFILE_STORM_UCAST),
	NAME(VEM_A_PROFILE_QOS_IN),
	NAME(VEM_A_PROFILE_QOS_OUT),
	NAME(VEM_A_PROFILE_PSEC),
	NAME(VEM_A_PROFILE_PSEC_MAX),
	NAME(VEM_A_PROFILE_PSEC_VIOLATION),
	NAME(VEM_A_PROFILE_PSEC_STICKY),
};

static const char *const acl_names[VEM_A_ACL_MAX + 1] = {
	NAME(VEM_A_ACL_NAME),
	NAME(VEM_A_ACL_FAMILY),
	NAME(VEM_A_ACL_ENTRIES),
	NAME(VEM_A_ACL_ENTRY),
	NAME(VEM_A_ACL_USERS),
	NAME(VEM_A_ACL_DENY_HITS),
	NAME(VEM_A_ACL_PAD),
};

static const char *const qos_names[VEM_A_QOS_MAX + 1] = {
	NAME(VEM_A_QOS_NAME),
	NAME(VEM_A_QOS_CIR),
	NAME(VEM_A_QOS_BC),
	NAME(VEM_A_QOS_VIOLATE),
	NAME(VEM_A_QOS_VIOLATE_DSCP),
	NAME(VEM_A_QOS_SET_COS),
	NAME(VEM_A_QOS_SET_DSCP),
	NAME(VEM_A_QOS_USERS),
	NAME(VEM_A_QOS_PAD),
};

const char *msg_attr_name(uint8_t cmd, uint32_t type)
{
	switch (cmd) {
	case VEM_CMD_SWITCH_NEW:
	case VEM_CMD_SWITCH_DEL:
	case VEM_CMD_SWITCH_GET:
	case VEM_CMD_SWITCH_SET:
		return type <= VEM_A_SWITCH_MAX ? switch_names[type] : NULL;
	case VEM_CMD_PORT_NEW:
	case VEM_CMD_PORT_DEL:
	case VEM_CMD_PORT_GET:
	case VEM_CMD_PORT_SET:
		return type <= VEM_A_PORT_MAX ? port_names[type] : NULL;
	case VEM_CMD_FDB_NEW:
	case VEM_CMD_FDB_DEL:
	case VEM_CMD_FDB_GET:
	case VEM_CMD_FDB_FLUSH:
		return type <= VEM_A_FDB_MAX ? fdb_names[type] : NULL;
	case VEM_CMD_PROFILE_NEW:
	case VEM_CMD_PROFILE_DEL:
	case VEM_CMD_PROFILE_GET:
	case VEM_CMD_PROFILE_SET:
		return type <= VEM_A_PROFILE_MAX ? profile_names[type] : NULL;
	case VEM_CMD_ACL_NEW:
	case VEM_CMD_ACL_DEL:
	case VEM_CMD_ACL_GET:
	case VEM_CMD_ACL_SET:
		return type <= VEM_A_ACL_MAX ? acl_names[type] : NULL;
	case VEM_CMD_QOS_NEW:
	case VEM_CMD_QOS_DEL:
	case VEM_CMD_QOS_GET:
	case VEM_CMD_QOS_SET:
		return type <= VEM_A_QOS_MAX ? qos_names[type] : NULL;
	}
	return NULL;
}

const char *msg_attr_at(const struct nlmsghdr *req, uint32_t offs)
{
	const struct nlattr *attr;

	if (mnl_nlmsg_get_payload_len(req) < GENL_HDRLEN)
		return NULL;
	mnl_attr_for_each(attr, req, GENL_HDRLEN) {
		if ((const char *)attr - (const char *)req == (long)offs)
			return msg_attr_name(genl_cmd(req),
					     mnl_attr_get_type(attr));
	}
	return NULL;
}

static const struct attr_pol ctrl_pol[CTRL_ATTR_MAX + 1] = {
	[CTRL_ATTR_FAMILY_ID]		= { MNL_TYPE_U16, 0 },
	[CTRL_ATTR_VERSION]		= { MNL_TYPE_U32, 0 },
	[CTRL_ATTR_MCAST_GROUPS]	= { MNL_TYPE_NESTED, 0 },
};

static const struct attr_pol grp_pol[CTRL_ATTR_MCAST_GRP_MAX + 1] = {
	[CTRL_ATTR_MCAST_GRP_NAME]	= { MNL_TYPE_NUL_STRING, 0 },
	[CTRL_ATTR_MCAST_GRP_ID]	= { MNL_TYPE_U32, 0 },
};

int msg_parse_family(const struct nlmsghdr *nlh, const char *group,
		     struct family_info *fi)
{
	const struct nlattr *tb[CTRL_ATTR_MAX + 1];
	const struct nlattr *grp;

	memset(fi, 0, sizeof(*fi));
	if (parse_genl(nlh, ctrl_pol, CTRL_ATTR_MAX, tb))
		return -1;
	if (!tb[CTRL_ATTR_FAMILY_ID]) {
		errno = EBADMSG;
		return -1;
	}
	fi->id = mnl_attr_get_u16(tb[CTRL_ATTR_FAMILY_ID]);
	if (tb[CTRL_ATTR_VERSION])
		fi->version = mnl_attr_get_u32(tb[CTRL_ATTR_VERSION]);
	if (!tb[CTRL_ATTR_MCAST_GROUPS])
		return 0;
	mnl_attr_for_each_nested(grp, tb[CTRL_ATTR_MCAST_GROUPS]) {
		const struct nlattr *gtb[CTRL_ATTR_MCAST_GRP_MAX + 1];

		if (parse_nested(grp, grp_pol, CTRL_ATTR_MCAST_GRP_MAX, gtb))
			return -1;
		if (!gtb[CTRL_ATTR_MCAST_GRP_NAME] ||
		    !gtb[CTRL_ATTR_MCAST_GRP_ID])
			continue;
		if (!strcmp(mnl_attr_get_str(gtb[CTRL_ATTR_MCAST_GRP_NAME]),
			    group))
			fi->events_group =
				mnl_attr_get_u32(gtb[CTRL_ATTR_MCAST_GRP_ID]);
	}
	return 0;
}
