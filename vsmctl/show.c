// SPDX-License-Identifier: GPL-2.0
/*
 * show.c - show switch|interface|mac: the table of the shows.
 */

#include "subcommands.h"

static const struct subcommand show_cmds[] = {
	{ "switch", show_switch },
	{ "interface", show_interface },
	{ "mac", show_mac },
};

int show_main(int argc, char **argv)
{
	return RUN_SUBCOMMAND(show_cmds, argc, argv, "show command");
}
