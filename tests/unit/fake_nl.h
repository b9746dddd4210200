/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fake_nl.h - a stand-in for vsmctl/nl.c: the same IPC functions, which
 * record what the commands ask and answer from canned data, so that the
 * commands can be tested whole without vem.ko.
 */

#ifndef FAKE_NL_H
#define FAKE_NL_H

#include <stddef.h>

#include "model.h"

struct fake {
	/* What the commands sent. */
	int calls;			/* IPC requests made */
	char last[32];			/* name of the last one */
	struct switch_info sw_in;
	struct port_info port_in;
	struct port_ref ref_in;
	struct fdb_entry fdb_in;

	/* What the "kernel" answers. */
	int fail_errno;			/* non-zero: every request fails */
	const char *fail_reason;	/* its extack message, or NULL */
	struct switch_info sw_out;
	struct port_info port_out;	/* ipc_port_get() */
	const struct port_info *ports;	/* ipc_port_list() */
	size_t nports;
	struct fdb_entry fdb_out;	/* ipc_fdb_get() */
	const struct fdb_entry *fdbs;	/* ipc_fdb_list() */
	size_t nfdbs;
	const struct event *events;	/* ipc_monitor() */
	size_t nevents;
};

extern struct fake fake;

#endif /* FAKE_NL_H */
