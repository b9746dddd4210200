// SPDX-License-Identifier: GPL-2.0
/*
 * show.c - show switch|interface|mac|running-config|port-profile: the
 * table of the shows. The last two ask vsmd (vsmd_client.c).
 */

#include "subcommands.h"

static const struct subcommand show_cmds[] = {
	{ "switch", show_switch },
	{ "interface", show_interface },
	{ "mac", show_mac },
	{ "running-config", show_running },
	{ "port-profile", show_port_profile },
	{ "port-security", show_port_security },
	{ "ip", show_acl },
	{ "ipv6", show_acl },
	{ "policy-map", show_policy_map },
};

int show_main(int argc, char **argv)
{
	return RUN_SUBCOMMAND(show_cmds, argc, argv, "show command");
}
