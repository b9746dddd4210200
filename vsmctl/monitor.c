// SPDX-License-Identifier: GPL-2.0
/*
 * monitor.c - monitor: one line per event of the "events" group, text or
 * one JSON object per line, flushed as it comes, until killed.
 */

#include <stdio.h>

#include "nl.h"
#include "parse.h"
#include "print.h"
#include "subcommands.h"

static const char *const actions[] = {
	[EVENT_NEW] = "new",
	[EVENT_SET] = "set",
	[EVENT_DEL] = "delete",
};

static const char *const kinds[] = {
	[EVENT_SWITCH] = "switch",
	[EVENT_PORT] = "port",
	[EVENT_FDB] = "mac",
};

static void switch_line(const struct switch_info *sw)
{
	if (sw->has & SWITCH_HAS_AGEING_TIME)
		printf(" aging-time %u", sw->ageing_time);
	if (sw->has & SWITCH_HAS_FDB_MAX)
		printf(" mac-limit %u", sw->fdb_max);
}

/* port new vethernet 3 dev tap0 mode access vlan 10 down */
static void port_line(const struct port_info *p)
{
	static char vlans[VLAN_LIST_STRLEN];
	char name[PORT_STRLEN];

	port_format(&p->ref, PORT_FMT_WORDS, name, sizeof(name));
	printf(" %s", name);
	if (p->has & PORT_HAS_IFINDEX) {
		if (!p->ifindex)
			printf(" nodev");
		else if (p->has & PORT_HAS_IFNAME)
			printf(" dev %s", p->ifname);
		else
			printf(" ifindex %u", p->ifindex);
	}
	if (p->has & PORT_HAS_MODE)
		printf(" mode %s", port_mode_name(p->mode));
	if (p->mode == VEM_PORT_MODE_ACCESS) {
		if (p->has & PORT_HAS_ACCESS_VLAN)
			printf(" vlan %u", p->access_vlan);
	} else {
		if (p->has & PORT_HAS_NATIVE_VLAN) {
			if (p->native_vlan)
				printf(" native %u", p->native_vlan);
			else
				printf(" native none");
		}
		if (p->has & PORT_HAS_TRUNK_VLANS) {
			vlan_bitmap_format(p->trunk_vlans, vlans, sizeof(vlans));
			printf(" allowed %s", vlans);
		}
	}
	if ((p->has & PORT_HAS_SHUTDOWN) && p->shutdown)
		printf(" shutdown");
	if (p->has & PORT_HAS_OPER_UP)
		printf(" %s", p->oper_up ? "up" : "down");
}

/* mac new 0011.2233.4455 vlan 10 vethernet 3 [static] */
static void fdb_line(const struct fdb_entry *e)
{
	char mac[MAC_STRLEN], port[PORT_STRLEN];

	mac_format_dotted(e->mac, mac);
	printf(" %s vlan %u", mac, e->vlan);
	if (e->has & FDB_HAS_PORT) {
		port_format(&e->port, PORT_FMT_WORDS, port, sizeof(port));
		printf(" %s", port);
	}
	if (e->flags & VEM_FDB_F_STATIC)
		printf(" static");
}

static int print_event(const struct event *ev, void *data)
{
	bool *failed = data;
	char name[32];

	if (opts.json) {
		snprintf(name, sizeof(name), "%s_%s", kinds[ev->kind],
			 actions[ev->action]);
		json_obj_begin(&json_out);
		json_kv_str(&json_out, "event", name);
		switch (ev->kind) {
		case EVENT_SWITCH:
			switch_json(&json_out, &ev->sw);
			break;
		case EVENT_PORT:
			port_json(&json_out, &ev->port);
			break;
		case EVENT_FDB:
			fdb_json(&json_out, &ev->fdb);
			break;
		}
		json_obj_end(&json_out);
	} else {
		printf("%s %s", kinds[ev->kind], actions[ev->action]);
		switch (ev->kind) {
		case EVENT_SWITCH:
			/* A deleted switch's settings are of no interest. */
			if (ev->action != EVENT_DEL)
				switch_line(&ev->sw);
			break;
		case EVENT_PORT:
			port_line(&ev->port);
			break;
		case EVENT_FDB:
			fdb_line(&ev->fdb);
			break;
		}
		putchar('\n');
	}
	if (fflush(stdout) || ferror(stdout)) {
		*failed = true;
		return 1;
	}
	return 0;
}

int monitor_main(int argc, char **argv)
{
	bool failed = false;

	if (argc > 0) {
		parse_fail("unexpected \"%s\"", argv[0]);
		return usage_error();
	}
	/* One object per line, whatever -p says. */
	json_init(&json_out, stdout, false);
	if (ipc_monitor(print_event, &failed))
		return op_failed("monitor");
	if (failed) {
		perror("vsmctl: monitor");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
