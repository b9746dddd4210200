// SPDX-License-Identifier: GPL-2.0
/*
 * print.c - names of modes, states and counters; the model in JSON.
 */

#include <stdio.h>

#include "parse.h"
#include "print.h"

const struct stat_desc port_stats[] = {
	{ VEM_A_STATS_RX_UCAST_PKTS,	"rx_ucast_pkts", STAT_RX, NULL },
	{ VEM_A_STATS_RX_UCAST_BYTES,	"rx_ucast_bytes", STAT_RX, NULL },
	{ VEM_A_STATS_RX_MCAST_PKTS,	"rx_mcast_pkts", STAT_RX, NULL },
	{ VEM_A_STATS_RX_MCAST_BYTES,	"rx_mcast_bytes", STAT_RX, NULL },
	{ VEM_A_STATS_RX_BCAST_PKTS,	"rx_bcast_pkts", STAT_RX, NULL },
	{ VEM_A_STATS_RX_BCAST_BYTES,	"rx_bcast_bytes", STAT_RX, NULL },
	{ VEM_A_STATS_TX_UCAST_PKTS,	"tx_ucast_pkts", STAT_TX, NULL },
	{ VEM_A_STATS_TX_UCAST_BYTES,	"tx_ucast_bytes", STAT_TX, NULL },
	{ VEM_A_STATS_TX_MCAST_PKTS,	"tx_mcast_pkts", STAT_TX, NULL },
	{ VEM_A_STATS_TX_MCAST_BYTES,	"tx_mcast_bytes", STAT_TX, NULL },
	{ VEM_A_STATS_TX_BCAST_PKTS,	"tx_bcast_pkts", STAT_TX, NULL },
	{ VEM_A_STATS_TX_BCAST_BYTES,	"tx_bcast_bytes", STAT_TX, NULL },
	{ VEM_A_STATS_RX_FLOOD_PKTS,	"rx_flood_pkts", STAT_RX, NULL },
	{ VEM_A_STATS_DROP_VLAN,	"drop_vlan", STAT_DROP, "vlan" },
	{ VEM_A_STATS_DROP_SHUTDOWN,	"drop_shutdown", STAT_DROP,
					"shutdown" },
	{ VEM_A_STATS_DROP_NO_PORT,	"drop_no_port", STAT_DROP, "no-port" },
	{ VEM_A_STATS_DROP_LOCAL,	"drop_local", STAT_DROP, "local" },
	{ VEM_A_STATS_DROP_INVALID,	"drop_invalid", STAT_DROP, "invalid" },
	{ VEM_A_STATS_DROP_NOMEM,	"drop_nomem", STAT_DROP, "nomem" },
	{ VEM_A_STATS_DROP_MTU,		"drop_mtu", STAT_DROP, "mtu" },
	{ VEM_A_STATS_DROP_TX_ERROR,	"drop_tx_error", STAT_DROP,
					"tx-error" },
	{ VEM_A_STATS_DROP_ACL_IN,	"drop_acl_in", STAT_DROP, "acl-in" },
	{ VEM_A_STATS_DROP_ACL_OUT,	"drop_acl_out", STAT_DROP, "acl-out" },
	{ VEM_A_STATS_DROP_POLICE_IN,	"drop_police_in", STAT_DROP,
					"police-in" },
	{ VEM_A_STATS_DROP_POLICE_OUT,	"drop_police_out", STAT_DROP,
					"police-out" },
	{ VEM_A_STATS_DROP_PSEC,	"drop_port_security", STAT_DROP,
					"port-security" },
	{ VEM_A_STATS_DROP_ERR_DISABLED, "drop_err_disabled", STAT_DROP,
					"err-disabled" },
	{ VEM_A_STATS_DROP_STORM_BCAST,	"drop_storm_broadcast", STAT_DROP,
					"storm-broadcast" },
	{ VEM_A_STATS_DROP_STORM_MCAST,	"drop_storm_multicast", STAT_DROP,
					"storm-multicast" },
	{ VEM_A_STATS_DROP_STORM_UCAST,	"drop_storm_unicast", STAT_DROP,
					"storm-unicast" },
	{ VEM_A_STATS_LEARN_REFUSED,	"learn_refused", STAT_OTHER,
					"learn refused" },
	{ VEM_A_STATS_POLICE_IN_MARKED,	"police_in_marked", STAT_OTHER,
					"police-in marked" },
	{ VEM_A_STATS_POLICE_OUT_MARKED, "police_out_marked", STAT_OTHER,
					"police-out marked" },
	{ VEM_A_STATS_PSEC_VIOLATIONS,	"port_security_violations", STAT_OTHER,
					"port-security violations" },
};

const unsigned int port_stats_count = ARRAY_SIZE(port_stats);

const char *port_mode_name(uint8_t mode)
{
	switch (mode) {
	case VEM_PORT_MODE_ACCESS:
		return "access";
	case VEM_PORT_MODE_TRUNK:
		return "trunk";
	}
	return "unknown";
}

bool port_err_disabled(const struct port_info *p)
{
	return (p->has & PORT_HAS_ERR_DISABLED) &&
	       p->err_disabled != VEM_ERR_NONE;
}

const char *port_err_reason(const struct port_info *p)
{
	switch (p->err_disabled) {
	case VEM_ERR_PSEC:
		return "err-disabled (port-security)";
	}
	return "err-disabled";
}

const char *psec_violation_name(uint8_t v)
{
	switch (v) {
	case VEM_PSEC_SHUTDOWN:
		return "shutdown";
	case VEM_PSEC_RESTRICT:
		return "restrict";
	case VEM_PSEC_PROTECT:
		return "protect";
	}
	return "unknown";
}

const char *port_down_reason(const struct port_info *p)
{
	if (p->oper_up)
		return NULL;
	if (port_err_disabled(p))
		return port_err_reason(p);
	if (p->shutdown)
		return "Administratively down";
	if (!p->ifindex)
		return "Not bound";
	return "Link not connected";
}

void port_json(struct json *j, const struct port_info *p)
{
	static char vlans[VLAN_LIST_STRLEN];
	char name[PORT_STRLEN];
	unsigned int i;

	port_format(&p->ref, PORT_FMT_JSON, name, sizeof(name));
	json_kv_str(j, "name", name);
	json_kv_str(j, "type", port_type_name(p->ref.type));
	json_kv_u64(j, "id", p->ref.id);
	/* Unbound (ifindex 0) or name unknown: null. */
	if ((p->has & PORT_HAS_IFNAME) &&
	    !((p->has & PORT_HAS_IFINDEX) && !p->ifindex))
		json_kv_str(j, "ifname", p->ifname);
	else if (p->has & (PORT_HAS_IFINDEX | PORT_HAS_IFNAME))
		json_kv_null(j, "ifname");
	if (p->has & PORT_HAS_IFINDEX)
		json_kv_u64(j, "ifindex", p->ifindex);
	if (p->has & PORT_HAS_MODE)
		json_kv_str(j, "mode", port_mode_name(p->mode));
	if (p->has & PORT_HAS_ACCESS_VLAN)
		json_kv_u64(j, "access_vlan", p->access_vlan);
	if (p->has & PORT_HAS_NATIVE_VLAN) {
		if (p->native_vlan)
			json_kv_u64(j, "native_vlan", p->native_vlan);
		else
			json_kv_null(j, "native_vlan");
	}
	if (p->has & PORT_HAS_TRUNK_VLANS) {
		vlan_bitmap_format(p->trunk_vlans, vlans, sizeof(vlans));
		json_kv_str(j, "allowed_vlans", vlans);
	}
	if (p->has & PORT_HAS_SHUTDOWN)
		json_kv_bool(j, "shutdown", p->shutdown);
	if (p->has & PORT_HAS_OPER_UP)
		json_kv_bool(j, "oper_up", p->oper_up);
	if (p->has & PORT_HAS_STORM) {
		/* 0: no limit. */
		json_kv_u64(j, "storm_control_broadcast_pps", p->storm[0]);
		json_kv_u64(j, "storm_control_multicast_pps", p->storm[1]);
		json_kv_u64(j, "storm_control_unicast_pps", p->storm[2]);
	}
	if ((p->has & PORT_HAS_PROFILE) && p->profile[0])
		json_kv_str(j, "profile", p->profile);
	else if (p->has & PORT_HAS_PROFILE)
		json_kv_null(j, "profile");
	if (p->has & PORT_HAS_ERR_DISABLED) {
		if (p->err_disabled == VEM_ERR_PSEC)
			json_kv_str(j, "err_disabled", "port-security");
		else if (p->err_disabled)
			json_kv_u64(j, "err_disabled", p->err_disabled);
		else
			json_kv_null(j, "err_disabled");
	}
	if (p->has & PORT_HAS_PSEC) {
		json_key(j, "port_security");
		json_obj_begin(j);
		json_kv_bool(j, "enabled", p->psec.on);
		json_kv_u64(j, "maximum", p->psec.max);
		json_kv_str(j, "violation", psec_violation_name(p->psec.violation));
		json_kv_bool(j, "sticky", p->psec.sticky);
		if (p->has & PORT_HAS_SECURE_MACS)
			json_kv_u64(j, "secure_macs", p->secure_macs);
		json_obj_end(j);
	}
	if (p->has & PORT_HAS_STATS) {
		json_key(j, "stats");
		json_obj_begin(j);
		for (i = 0; i < port_stats_count; i++)
			json_kv_u64(j, port_stats[i].json,
				    p->stats[port_stats[i].attr]);
		json_obj_end(j);
	}
}

void fdb_json(struct json *j, const struct fdb_entry *e)
{
	char buf[PORT_STRLEN > MAC_STRLEN ? PORT_STRLEN : MAC_STRLEN];

	mac_format_colon(e->mac, buf);
	json_kv_u64(j, "vlan", e->vlan);
	json_kv_str(j, "mac", buf);
	json_kv_str(j, "type", e->flags & VEM_FDB_F_STATIC ? "static" :
							      "dynamic");
	if (e->has & FDB_HAS_AGE)
		json_kv_u64(j, "age", e->age_ms / 1000);
	else
		json_kv_null(j, "age");
	if (e->has & FDB_HAS_PORT) {
		port_format(&e->port, PORT_FMT_JSON, buf, sizeof(buf));
		json_kv_str(j, "port", buf);
		json_kv_str(j, "port_type", port_type_name(e->port.type));
		json_kv_u64(j, "port_id", e->port.id);
	}
}

void switch_json(struct json *j, const struct switch_info *sw)
{
	if (sw->has & SWITCH_HAS_AGEING_TIME)
		json_kv_u64(j, "aging_time", sw->ageing_time);
	if (sw->has & SWITCH_HAS_FDB_MAX)
		json_kv_u64(j, "mac_limit", sw->fdb_max);
	if (sw->has & SWITCH_HAS_FDB_COUNT)
		json_kv_u64(j, "mac_count", sw->fdb_count);
	if (sw->has & SWITCH_HAS_PORT_COUNT)
		json_kv_u64(j, "port_count", sw->port_count);
	if (sw->has & SWITCH_HAS_LEARN_REFUSED)
		json_kv_u64(j, "learn_refused", sw->learn_refused);
}
