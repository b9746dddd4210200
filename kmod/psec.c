// SPDX-License-Identifier: GPL-2.0
/*
 * Port security: a port with port security on forwards frames only from
 * its secure MAC addresses, the MAC table entries pointing at it (learned
 * or static), at most psec_max of them. The decision is taken where the
 * entries are counted, under fdb->lock (fdb.c, vem_fdb_learn); this file
 * holds what follows a violation, the err-disabled state and the netlink
 * items.
 */

#include <linux/jiffies.h>
#include <net/genetlink.h>

#include "netlink.h"

/* A restrict port announces its violations at most this often. */
#define VEM_PSEC_EVENT_INTERVAL	HZ

static void vem_psec_count_violation(struct vem_port *port)
{
	struct vem_pcpu_stats *s = this_cpu_ptr(port->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->psec_violations);
	u64_stats_update_end(&s->syncp);
}

/*
 * A frame from a source @port may not learn: it is dropped, and the
 * violation mode says what else happens. Called under rcu_read_lock with
 * BH disabled, from the datapath.
 */
void vem_psec_violation(struct vem_port *port, const struct vem_cfg_view *cfg)
{
	unsigned long now = jiffies;

	vem_stats_drop(port, VEM_DROP_PSEC);
	switch (cfg->psec_violation) {
	case VEM_PSEC_PROTECT:
		break;
	case VEM_PSEC_RESTRICT:
		vem_psec_count_violation(port);
		/* Listeners re-read the counters; a flood must not flood them. */
		if (time_after(now, READ_ONCE(port->psec_event) +
				    VEM_PSEC_EVENT_INTERVAL)) {
			WRITE_ONCE(port->psec_event, now);
			vem_nl_notify_port_atomic(port, VEM_CMD_PORT_SET);
		}
		break;
	default:	/* VEM_PSEC_SHUTDOWN */
		vem_psec_count_violation(port);
		/* Once: the first CPU to get here announces it. */
		if (cmpxchg(&port->err_disabled, VEM_ERR_NONE, VEM_ERR_PSEC) ==
		    VEM_ERR_NONE)
			vem_nl_notify_port_atomic(port, VEM_CMD_PORT_SET);
		break;
	}
}

/*
 * Whether entries learned on @port stay (sticky port security): they do
 * not age. Called under RCU.
 */
bool vem_psec_sticky(const struct vem_port *port)
{
	struct vem_cfg_view v;

	vem_port_view(port, &v);
	return v.psec && v.psec_sticky;
}

/*
 * The operator's shutdown: an err-disabled port is enabled again, without
 * the addresses it learned (its static ones, sticky addresses among them,
 * stay). Must hold vem_mutex.
 */
void vem_psec_recover(struct vem_port *port)
{
	ASSERT_VEM_LOCKED();

	if (!vem_port_err_disabled(port))
		return;
	vem_fdb_flush(port->sw, port, 0, false);
	WRITE_ONCE(port->err_disabled, VEM_ERR_NONE);
	vem_switch_changed(port->sw);
}

/* The port-security items of a request into @cfg, marked in cfg->own. */
void vem_nl_parse_psec(struct genl_info *info, const struct vem_cfg_attrs *a,
		       struct vem_port_cfg *cfg)
{
	struct nlattr **attrs = info->attrs;

	if (attrs[a->psec]) {
		cfg->psec = nla_get_u8(attrs[a->psec]);
		cfg->own |= VEM_CFG_PSEC;
	}
	if (attrs[a->psec_max]) {
		cfg->psec_max = nla_get_u32(attrs[a->psec_max]);
		cfg->own |= VEM_CFG_PSEC_MAX;
	}
	if (attrs[a->psec_violation]) {
		cfg->psec_violation = nla_get_u8(attrs[a->psec_violation]);
		cfg->own |= VEM_CFG_PSEC_VIOLATION;
	}
	if (attrs[a->psec_sticky]) {
		cfg->psec_sticky = nla_get_u8(attrs[a->psec_sticky]);
		cfg->own |= VEM_CFG_PSEC_STICKY;
	}
}

/* Drop the port-security items in @clear: @def's values again. */
void vem_psec_clear(struct vem_port_cfg *cfg, const struct vem_port_cfg *def,
		    u32 clear)
{
	if (clear & VEM_CFG_PSEC)
		cfg->psec = def->psec;
	if (clear & VEM_CFG_PSEC_MAX)
		cfg->psec_max = def->psec_max;
	if (clear & VEM_CFG_PSEC_VIOLATION)
		cfg->psec_violation = def->psec_violation;
	if (clear & VEM_CFG_PSEC_STICKY)
		cfg->psec_sticky = def->psec_sticky;
}

/* The four port-security items, as the attributes @a names say. */
int vem_nl_put_psec(struct sk_buff *skb, const struct vem_cfg_attrs *a,
		    bool psec, u32 max, u8 violation, bool sticky)
{
	if (nla_put_u8(skb, a->psec, psec) ||
	    nla_put_u32(skb, a->psec_max, max) ||
	    nla_put_u8(skb, a->psec_violation, violation) ||
	    nla_put_u8(skb, a->psec_sticky, sticky))
		return -EMSGSIZE;
	return 0;
}

/*
 * The port's own state: err-disabled, and its secure MACs (the entries
 * pointing at it while port security is on). Under RCU or vem_mutex.
 */
int vem_nl_put_psec_state(struct sk_buff *skb, const struct vem_port *port,
			  const struct vem_cfg_view *cfg)
{
	if (nla_put_u8(skb, VEM_A_PORT_ERR_DISABLED,
		       READ_ONCE(port->err_disabled)) ||
	    nla_put_u32(skb, VEM_A_PORT_SECURE_MACS,
			cfg->psec ? READ_ONCE(port->fdb_count) : 0))
		return -EMSGSIZE;
	return 0;
}
