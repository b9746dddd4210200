// SPDX-License-Identifier: GPL-2.0
/*
 * interface.c - interface add|set|delete.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <net/if.h>

#include "args.h"
#include "nl.h"
#include "parse.h"
#include "subcommands.h"

/* "dev IFNAME": the name into an ifindex, before anything is sent. */
static int resolve_dev(struct port_info *port, const char *op)
{
	unsigned int ifindex;

	if (!(port->has & PORT_HAS_IFNAME))
		return 0;
	ifindex = if_nametoindex(port->ifname);
	if (!ifindex) {
		fprintf(stderr, "vsmctl: %s: device \"%s\" not found (%s)\n",
			op, port->ifname, strerror(errno));
		return -1;
	}
	port->ifindex = ifindex;
	port->has |= PORT_HAS_IFINDEX;
	return 0;
}

static int interface_add(int argc, char **argv)
{
	struct iface_req req;

	if (args_interface(argc, argv, IFACE_ADD, &req))
		return usage_error();
	if (resolve_dev(&req.port, "interface add"))
		return EXIT_USAGE;
	if (ipc_port_new(&req.port))
		return op_failed("interface add");
	return EXIT_OK;
}

static int interface_set(int argc, char **argv)
{
	struct iface_req req;

	if (args_interface(argc, argv, IFACE_SET, &req))
		return usage_error();
	if (resolve_dev(&req.port, "interface set"))
		return EXIT_USAGE;

	/*
	 * "allowed vlan add|remove": read, change, write. The kernel takes
	 * a whole list; a concurrent change in between would be lost.
	 */
	if (req.allowed_op == VLAN_OP_ADD || req.allowed_op == VLAN_OP_REMOVE) {
		struct port_info cur;

		if (ipc_port_get(&req.port.ref, &cur))
			return op_failed("interface set");
		if (!(cur.has & PORT_HAS_TRUNK_VLANS)) {
			fprintf(stderr, "vsmctl: interface set: the kernel did not report the allowed VLANs\n");
			return EXIT_FAIL;
		}
		vlan_bitmap_apply(cur.trunk_vlans, req.allowed, req.allowed_op);
		memcpy(req.port.trunk_vlans, cur.trunk_vlans,
		       sizeof(req.port.trunk_vlans));
		req.port.has |= PORT_HAS_TRUNK_VLANS;
	}
	if (ipc_port_set(&req.port))
		return op_failed("interface set");
	return EXIT_OK;
}

static int interface_delete(int argc, char **argv)
{
	struct port_ref ref;

	if (args_port_only(argc, argv, &ref))
		return usage_error();
	if (ipc_port_del(&ref))
		return op_failed("interface delete");
	return EXIT_OK;
}

static const struct subcommand interface_cmds[] = {
	{ "add", interface_add },
	{ "set", interface_set },
	{ "delete", interface_delete },
};

int interface_main(int argc, char **argv)
{
	return RUN_SUBCOMMAND(interface_cmds, argc, argv, "interface command");
}
