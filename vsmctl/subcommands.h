/* SPDX-License-Identifier: GPL-2.0 */
/*
 * subcommands.h - the commands of vsmctl and what they share. A command
 * gets the words after its own: "vsmctl switch create aging-time 60" calls
 * switch_main(3, { "create", "aging-time", "60" }), which looks "create"
 * up in its own table.
 */

#ifndef VSMCTL_SUBCOMMANDS_H
#define VSMCTL_SUBCOMMANDS_H

#include <stdbool.h>
#include <stddef.h>

#include "json.h"

/* Exit codes, as ip(8): 1 for bad input, 2 when the kernel refuses. */
#define EXIT_OK		0
#define EXIT_USAGE	1
#define EXIT_FAIL	2

struct global_opts {
	bool json;
	bool pretty;
};

extern struct global_opts opts;
extern struct json json_out;	/* stdout, set up by main() */

struct subcommand {
	const char *name;	/* first, for kw_lookup() */
	int (*fn)(int argc, char **argv);
};

/* Look argv[0] up in table and run it with the words after it. */
int run_subcommand(const struct subcommand *table, size_t n, int argc,
		   char **argv, const char *what);
#define RUN_SUBCOMMAND(table, argc, argv, what) \
	run_subcommand(table, sizeof(table) / sizeof((table)[0]), argc, argv, \
		       what)

/* "vsmctl: <parse_error()>" on stderr; returns EXIT_USAGE. */
int usage_error(void);
/* "vsmctl: <op>: <reason> (<strerror>)" on stderr; returns EXIT_FAIL. */
int op_failed(const char *op);
/* The next word must be kw (or a prefix of it); -1 and a message if not. */
int expect_word(int argc, char **argv, const char *kw);

int switch_main(int argc, char **argv);
int interface_main(int argc, char **argv);
int show_main(int argc, char **argv);
int mac_main(int argc, char **argv);
int no_main(int argc, char **argv);
int clear_main(int argc, char **argv);
int monitor_main(int argc, char **argv);
/* vsmd_client.c: through vsmd */
int configure_main(int argc, char **argv);
int copy_main(int argc, char **argv);
int attach_main(int argc, char **argv);
int detach_main(int argc, char **argv);
int export_main(int argc, char **argv);
int show_interface_virtual(int argc, char **argv);
/* show ip|ipv6|mac access-lists [NAME]: argv[-1] is the kind */
int show_acl(int argc, char **argv);
int show_policy_map(int argc, char **argv);

int show_switch(int argc, char **argv);
int show_interface(int argc, char **argv);
int show_mac(int argc, char **argv);
int show_running(int argc, char **argv);
int show_port_profile(int argc, char **argv);
int show_port_security(int argc, char **argv);	/* show_psec.c */

#endif /* VSMCTL_SUBCOMMANDS_H */
