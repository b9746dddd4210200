/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nl.h - the IPC boundary between the commands of vsmctl and vem.ko. The
 * commands speak the model (model.h); netlink stays behind this header.
 *
 * The first call opens a generic netlink socket and resolves the "vem"
 * family, so that nothing is sent before a command has parsed its
 * arguments. Every function returns 0, or -1 with errno set and the reason
 * (the kernel's extended ack message when there is one) kept for
 * ipc_perror().
 */

#ifndef VSMCTL_NL_H
#define VSMCTL_NL_H

#include <stddef.h>

#include "model.h"

int ipc_switch_new(const struct switch_info *sw);
int ipc_switch_set(const struct switch_info *sw);
int ipc_switch_del(void);
int ipc_switch_get(struct switch_info *sw);

/* The configuration attributes in port->has are sent. */
int ipc_port_new(const struct port_info *port);
int ipc_port_set(const struct port_info *port);
int ipc_port_del(const struct port_ref *ref);
int ipc_port_get(const struct port_ref *ref, struct port_info *port);
/* Every port; *ports is malloc()ed, free() it. */
int ipc_port_list(struct port_info **ports, size_t *n);

/* The attributes in pp->has are sent; the name always. */
int ipc_profile_new(const struct profile_info *pp);
int ipc_profile_set(const struct profile_info *pp);
int ipc_profile_del(const char *name);
/* Every profile; *pps is malloc()ed, free() it. */
int ipc_profile_list(struct profile_info **pps, size_t *n);

/* ACLs: acl->entries (n of them) are sent whole; SET replaces them. */
int ipc_acl_new(const struct acl_info *acl);
int ipc_acl_set(const struct acl_info *acl);
int ipc_acl_del(const char *name);
/*
 * Every ACL with its entries and hit counters, malloc()ed (free with
 * acl_info_free()). The kernel may split a big ACL across messages.
 */
int ipc_acl_list(struct acl_info **acls, size_t *n);
void acl_info_free(struct acl_info *acls, size_t n);

/* QoS policies: NEW and SET send the whole policy. */
int ipc_qos_new(const struct qos_info *qos);
int ipc_qos_set(const struct qos_info *qos);
int ipc_qos_del(const char *name);
/* Every QoS policy; *qos is malloc()ed, free() it. */
int ipc_qos_list(struct qos_info **qos, size_t *n);

int ipc_fdb_new(const struct fdb_entry *fdb);
/* fdb->mac and fdb->vlan name the entry. */
int ipc_fdb_del(const struct fdb_entry *fdb);
int ipc_fdb_get(const struct fdb_entry *key, struct fdb_entry *fdb);
/* The vlan, port and flags in filter->has narrow the flush. */
int ipc_fdb_flush(const struct fdb_entry *filter);
/* Every entry; *entries is malloc()ed, free() it. */
int ipc_fdb_list(struct fdb_entry **entries, size_t *n);

/*
 * Join the events group and call fn for each event until fn returns
 * non-zero (then 0 is returned) or receiving fails. Lost events (the
 * socket's buffer overflowed) are reported on stderr and do not stop it.
 */
typedef int (*ipc_event_fn)(const struct event *ev, void *data);
int ipc_monitor(ipc_event_fn fn, void *data);

/*
 * A second socket, joined to the events group and non-blocking, for a
 * poll loop (vsmd): its descriptor, or -1. ipc_events_read() hands every
 * pending event to fn (which returns 0 to go on) and returns 0, or -1
 * with errno (ENOBUFS: events were lost, read the state again).
 */
int ipc_events_open(void);
int ipc_events_read(ipc_event_fn fn, void *data);
void ipc_events_close(void);

/* "vsmctl: <op>: <reason> (<strerror>)" on stderr, for the last failure. */
void ipc_perror(const char *op);

/* The reason of the last failure, as ipc_perror() prints it, no prefix. */
const char *ipc_strerror(void);

void ipc_close(void);

#endif /* VSMCTL_NL_H */
