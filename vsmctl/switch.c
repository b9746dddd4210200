// SPDX-License-Identifier: GPL-2.0
/*
 * switch.c - switch create|set|delete, show switch.
 */

#include <stdio.h>
#include <inttypes.h>

#include "args.h"
#include "nl.h"
#include "parse.h"
#include "print.h"
#include "subcommands.h"

static int switch_create(int argc, char **argv)
{
	struct switch_info sw;

	if (args_switch(argc, argv, false, &sw))
		return usage_error();
	if (ipc_switch_new(&sw))
		return op_failed("switch create");
	return EXIT_OK;
}

static int switch_set(int argc, char **argv)
{
	struct switch_info sw;

	if (args_switch(argc, argv, true, &sw))
		return usage_error();
	if (ipc_switch_set(&sw))
		return op_failed("switch set");
	return EXIT_OK;
}

static int switch_delete(int argc, char **argv)
{
	if (argc > 0) {
		parse_fail("unexpected \"%s\"", argv[0]);
		return usage_error();
	}
	if (ipc_switch_del())
		return op_failed("switch delete");
	return EXIT_OK;
}

static const struct subcommand switch_cmds[] = {
	{ "create", switch_create },
	{ "delete", switch_delete },
	{ "set", switch_set },
};

int switch_main(int argc, char **argv)
{
	return RUN_SUBCOMMAND(switch_cmds, argc, argv, "switch command");
}

int show_switch(int argc, char **argv)
{
	struct switch_info sw;

	if (argc > 0) {
		parse_fail("unexpected \"%s\"", argv[0]);
		return usage_error();
	}
	if (ipc_switch_get(&sw))
		return op_failed("show switch");

	if (opts.json) {
		json_obj_begin(&json_out);
		switch_json(&json_out, &sw);
		json_obj_end(&json_out);
		return EXIT_OK;
	}
	printf("Switch\n");
	if (sw.has & SWITCH_HAS_AGEING_TIME) {
		if (sw.ageing_time)
			printf("  MAC address aging time: %" PRIu32 " seconds\n",
			       sw.ageing_time);
		else
			printf("  MAC address aging time: 0 (aging disabled)\n");
	}
	if (sw.has & SWITCH_HAS_FDB_MAX)
		printf("  MAC address limit: %" PRIu32 "\n", sw.fdb_max);
	if (sw.has & SWITCH_HAS_FDB_COUNT)
		printf("  MAC addresses: %" PRIu32 "\n", sw.fdb_count);
	if (sw.has & SWITCH_HAS_PORT_COUNT)
		printf("  Ports: %" PRIu32 "\n", sw.port_count);
	if (sw.has & SWITCH_HAS_LEARN_REFUSED)
		printf("  Learn refused: %" PRIu64 "\n", sw.learn_refused);
	return EXIT_OK;
}
