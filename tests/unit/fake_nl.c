// SPDX-License-Identifier: GPL-2.0
/*
 * fake_nl.c - the IPC functions of nl.h over canned data (see fake_nl.h).
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_nl.h"
#include "nl.h"

struct fake fake;

static int request(const char *name)
{
	fake.calls++;
	snprintf(fake.last, sizeof(fake.last), "%s", name);
	if (fake.fail_errno) {
		errno = fake.fail_errno;
		return -1;
	}
	return 0;
}

void ipc_perror(const char *op)
{
	if (fake.fail_reason)
		fprintf(stderr, "vsmctl: %s: %s (%s)\n", op, fake.fail_reason,
			strerror(fake.fail_errno));
	else
		fprintf(stderr, "vsmctl: %s: %s\n", op,
			strerror(fake.fail_errno));
}

void ipc_close(void)
{
}

int ipc_switch_new(const struct switch_info *sw)
{
	fake.sw_in = *sw;
	return request("switch_new");
}

int ipc_switch_set(const struct switch_info *sw)
{
	fake.sw_in = *sw;
	return request("switch_set");
}

int ipc_switch_del(void)
{
	return request("switch_del");
}

int ipc_switch_get(struct switch_info *sw)
{
	if (request("switch_get"))
		return -1;
	*sw = fake.sw_out;
	return 0;
}

int ipc_port_new(const struct port_info *port)
{
	fake.port_in = *port;
	return request("port_new");
}

int ipc_port_set(const struct port_info *port)
{
	fake.port_in = *port;
	return request("port_set");
}

int ipc_port_del(const struct port_ref *ref)
{
	fake.ref_in = *ref;
	return request("port_del");
}

int ipc_port_get(const struct port_ref *ref, struct port_info *port)
{
	fake.ref_in = *ref;
	if (request("port_get"))
		return -1;
	*port = fake.port_out;
	return 0;
}

static void *copy(const void *src, size_t n, size_t size)
{
	void *p = malloc(n * size + 1);

	if (n)
		memcpy(p, src, n * size);
	return p;
}

int ipc_port_list(struct port_info **ports, size_t *n)
{
	if (request("port_list"))
		return -1;
	*ports = copy(fake.ports, fake.nports, sizeof(**ports));
	*n = fake.nports;
	return 0;
}

int ipc_fdb_new(const struct fdb_entry *fdb)
{
	fake.fdb_in = *fdb;
	return request("fdb_new");
}

int ipc_fdb_del(const struct fdb_entry *fdb)
{
	fake.fdb_in = *fdb;
	return request("fdb_del");
}

int ipc_fdb_get(const struct fdb_entry *key, struct fdb_entry *fdb)
{
	fake.fdb_in = *key;
	if (request("fdb_get"))
		return -1;
	*fdb = fake.fdb_out;
	return 0;
}

int ipc_fdb_flush(const struct fdb_entry *filter)
{
	fake.fdb_in = *filter;
	return request("fdb_flush");
}

int ipc_fdb_list(struct fdb_entry **entries, size_t *n)
{
	if (request("fdb_list"))
		return -1;
	*entries = copy(fake.fdbs, fake.nfdbs, sizeof(**entries));
	*n = fake.nfdbs;
	return 0;
}

int ipc_monitor(ipc_event_fn fn, void *data)
{
	size_t i;

	if (request("monitor"))
		return -1;
	for (i = 0; i < fake.nevents; i++)
		if (fn(&fake.events[i], data))
			return 0;
	return 0;
}
