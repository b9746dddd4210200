/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fake_kernel.h - an in-memory vem.ko behind vsmd_kernel_ops, with the
 * kernel's rules for profiles (vem.h): binding only to an existing,
 * enabled profile of the port's type with room left, no deleting or
 * disabling or shrinking a profile in use, no type change. Each port has
 * a counter that only deleting it resets, to tell "left alone" from
 * "recreated".
 */

#ifndef FAKE_KERNEL_H
#define FAKE_KERNEL_H

#include "vsmd_kernel.h"

#define FAKE_MAX	64

struct fake_port {
	struct port_info p;	/* own values for own items, else unused */
	uint64_t counter;
};

struct fake_kernel {
	struct profile_info profiles[FAKE_MAX];
	size_t nprofiles;
	struct fake_port ports[FAKE_MAX];
	size_t nports;
	struct acl_info acls[FAKE_MAX];		/* entries malloc()ed */
	size_t nacls;
	struct qos_info qos[FAKE_MAX];
	size_t nqos;
	uint64_t next_counter;
	/* Every operation, one per line: "profile_new web", "port_set veth3". */
	char log[8192];
	/* Fail the operation whose log line starts with this, once. */
	const char *fail_op;
	int fail_errno;
	char why[128];
	struct fdb_entry fdb[FAKE_MAX];	/* the MAC table */
	size_t nfdb;
	bool no_switch;		/* open() must create the switch */
	bool switch_created;
};

extern const struct vsmd_kernel_ops fake_kernel_ops;

void fake_kernel_reset(struct fake_kernel *fk);
struct acl_info *fake_kernel_acl(struct fake_kernel *fk, const char *name);
struct qos_info *fake_kernel_qos(struct fake_kernel *fk, const char *name);
struct fake_port *fake_kernel_port(struct fake_kernel *fk, uint8_t type,
				   uint32_t id);
struct profile_info *fake_kernel_profile(struct fake_kernel *fk,
					 const char *name);
/* The MAC table's entry of (mac, vlan), NULL if none. */
struct fdb_entry *fake_kernel_fdb(struct fake_kernel *fk, const uint8_t *mac,
				  uint16_t vlan);
/* The port as list_kernel_state() reports it (effective values). */
void fake_kernel_view(struct fake_kernel *fk, const struct fake_port *fp,
		      struct port_info *out);

#endif /* FAKE_KERNEL_H */
