// SPDX-License-Identifier: GPL-2.0
/*
 * show_interface.c - show interface [brief | counters] [<port>].
 */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "args.h"
#include "nl.h"
#include "parse.h"
#include "print.h"
#include "subcommands.h"

/* Uplinks first, as NX-OS lists Ethernet before Vethernet, then by id. */
static int type_rank(uint8_t type)
{
	return type == VEM_PORT_UPLINK ? 0 : type == VEM_PORT_VETH ? 1 : 2;
}

static int port_cmp(const void *a, const void *b)
{
	const struct port_info *p = a, *q = b;

	if (type_rank(p->ref.type) != type_rank(q->ref.type))
		return type_rank(p->ref.type) - type_rank(q->ref.type);
	if (p->ref.type != q->ref.type)
		return p->ref.type - q->ref.type;
	return (p->ref.id > q->ref.id) - (p->ref.id < q->ref.id);
}

static uint64_t stat(const struct port_info *p, unsigned int attr)
{
	return p->stats[attr];
}

static void print_direction(const struct port_info *p, const char *title,
			    unsigned int ucast, bool flood)
{
	static const char *const kinds[] = {
		"unicast", "multicast", "broadcast"
	};
	unsigned int i;

	printf("  %s\n", title);
	/* ucast, then mcast and bcast: packets and bytes attributes. */
	for (i = 0; i < 3; i++)
		printf("    %" PRIu64 " %s packets  %" PRIu64 " %s bytes\n",
		       stat(p, ucast + 2 * i), kinds[i],
		       stat(p, ucast + 2 * i + 1), kinds[i]);
	if (flood)
		printf("    %" PRIu64 " flood packets\n",
		       stat(p, VEM_A_STATS_RX_FLOOD_PKTS));
}

static void print_counters(const struct port_info *p)
{
	unsigned int i, n = 0;

	if (!(p->has & PORT_HAS_STATS))
		return;
	print_direction(p, "RX", VEM_A_STATS_RX_UCAST_PKTS, true);
	print_direction(p, "TX", VEM_A_STATS_TX_UCAST_PKTS, false);
	printf("  Drops\n");
	for (i = 0; i < port_stats_count; i++) {
		if (port_stats[i].group != STAT_DROP)
			continue;
		printf("%s%" PRIu64 " %s", n % 4 ? "  " : "    ",
		       stat(p, port_stats[i].attr), port_stats[i].label);
		if (++n % 4 == 0)
			putchar('\n');
	}
	if (n % 4)
		putchar('\n');
	for (i = 0; i < port_stats_count; i++)
		if (port_stats[i].group == STAT_OTHER)
			printf("  %" PRIu64 " %s\n", stat(p, port_stats[i].attr),
			       port_stats[i].label);
}

/* The storm-control limits in force, if any. */
static void print_storm(const struct port_info *p)
{
	static const char *const kinds[STORM_KINDS] = {
		"broadcast", "multicast", "unknown unicast",
	};
	unsigned int i, n = 0;

	if (!(p->has & PORT_HAS_STORM))
		return;
	for (i = 0; i < STORM_KINDS; i++) {
		if (!p->storm[i])
			continue;
		printf("%s%s %" PRIu32 " pps", n++ ? ", " : "  Storm control: ",
		       kinds[i], p->storm[i]);
	}
	if (n)
		putchar('\n');
}

static void print_detail(const struct port_info *p)
{
	static char vlans[VLAN_LIST_STRLEN];
	char name[PORT_STRLEN];
	const char *reason = port_down_reason(p);

	port_format(&p->ref, PORT_FMT_LONG, name, sizeof(name));
	if (reason)
		printf("%s is down (%s)\n", name, reason);
	else
		printf("%s is up\n", name);
	if (p->ifindex)
		printf("  Bound to device %s (ifindex %" PRIu32 ")\n",
		       p->has & PORT_HAS_IFNAME ? p->ifname : "?", p->ifindex);
	else
		printf("  Not bound to a device\n");
	if (p->has & PORT_HAS_MODE)
		printf("  Port mode is %s\n", port_mode_name(p->mode));
	if ((p->has & PORT_HAS_PROFILE) && p->profile[0])
		printf("  Port-profile: %s\n", p->profile);
	/* An uplink is always a trunk: its access VLAN means nothing. */
	if ((p->has & PORT_HAS_ACCESS_VLAN) && p->ref.type != VEM_PORT_UPLINK)
		printf("  Access VLAN: %u\n", p->access_vlan);
	if (p->has & PORT_HAS_NATIVE_VLAN) {
		if (p->native_vlan)
			printf("  Native VLAN: %u\n", p->native_vlan);
		else
			printf("  Native VLAN: none\n");
	}
	if (p->has & PORT_HAS_TRUNK_VLANS) {
		vlan_bitmap_format(p->trunk_vlans, vlans, sizeof(vlans));
		printf("  Allowed VLANs: %s\n", vlans);
	}
	print_storm(p);
	if ((p->has & PORT_HAS_PSEC) && p->psec.on)
		printf("  Port security: maximum %" PRIu32 ", violation %s%s, %" PRIu32 " secure MAC addresses\n",
		       p->psec.max, psec_violation_name(p->psec.violation),
		       p->psec.sticky ? ", sticky" : "", p->secure_macs);
	print_counters(p);
}

static const char brief_rule[] =
	"--------------------------------------------------------------------------------\n";

static void print_brief(const struct port_info *ports, size_t n)
{
	size_t i;

	fputs(brief_rule, stdout);
	printf("%-14s %-16s %-7s %-5s %-7s %s\n", "Port", "Device", "Mode",
	       "VLAN", "Status", "Reason");
	fputs(brief_rule, stdout);
	for (i = 0; i < n; i++) {
		const struct port_info *p = &ports[i];
		const char *reason = port_down_reason(p);
		char name[PORT_STRLEN], vlan[8] = "--";

		port_format(&p->ref, PORT_FMT_SHORT, name, sizeof(name));
		if (p->mode == VEM_PORT_MODE_ACCESS)
			snprintf(vlan, sizeof(vlan), "%u", p->access_vlan);
		else if (p->native_vlan)
			snprintf(vlan, sizeof(vlan), "%u", p->native_vlan);
		printf("%-14s %-16s %-7s %-5s %-7s %s\n", name,
		       p->ifindex && (p->has & PORT_HAS_IFNAME) ? p->ifname :
								   "--",
		       port_mode_name(p->mode), vlan,
		       port_err_disabled(p) ? "err-dis" : reason ? "down" : "up",
		       reason ? reason : "none");
	}
}

int show_interface(int argc, char **argv)
{
	struct port_info *ports = NULL, one;
	const struct port_info *list;
	struct show_iface_args a;
	size_t i, n;

	/* "virtual" (at least "vi": "ve" is vethernet) is vsmd's. */
	if (argc > 0 && strlen(argv[0]) >= 2 &&
	    !strncasecmp(argv[0], "virtual", strlen(argv[0])))
		return show_interface_virtual(argc, argv);
	if (args_show_interface(argc, argv, &a))
		return usage_error();
	if (a.has_port) {
		if (ipc_port_get(&a.port, &one))
			return op_failed("show interface");
		list = &one;
		n = 1;
	} else {
		if (ipc_port_list(&ports, &n))
			return op_failed("show interface");
		qsort(ports, n, sizeof(*ports), port_cmp);
		list = ports;
	}

	if (opts.json) {
		json_arr_begin(&json_out);
		for (i = 0; i < n; i++) {
			json_obj_begin(&json_out);
			port_json(&json_out, &list[i]);
			json_obj_end(&json_out);
		}
		json_arr_end(&json_out);
	} else if (a.brief) {
		print_brief(list, n);
	} else {
		for (i = 0; i < n; i++) {
			char name[PORT_STRLEN];

			if (i)
				putchar('\n');
			if (!a.counters) {
				print_detail(&list[i]);
				continue;
			}
			port_format(&list[i].ref, PORT_FMT_LONG, name,
				    sizeof(name));
			printf("%s\n", name);
			print_counters(&list[i]);
		}
	}
	free(ports);
	return EXIT_OK;
}
