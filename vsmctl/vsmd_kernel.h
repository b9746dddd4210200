/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsmd_kernel.h - what vsmd needs from the data plane, and nothing more:
 * read its ACLs, profiles and ports, push or delete one. vsmd_kernel.c speaks generic netlink to vem.ko; the unit tests put
 * an in-memory kernel behind the same operations (tests/unit/fake_kernel.c)
 * so that vsmd's decisions are tested on any host.
 *
 * Every operation returns 0 or a negative errno; ops->strerror() says why
 * the last one failed (the kernel's extended ack message when it has one).
 */

#ifndef VSMCTL_VSMD_KERNEL_H
#define VSMCTL_VSMD_KERNEL_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/* What the kernel holds, or what vsmd wants it to hold. */
struct vsmd_kstate {
	struct profile_info *profiles;
	size_t nprofiles;
	struct port_info *ports;
	size_t nports;
	struct acl_info *acls;		/* with their entries */
	size_t nacls;
	struct qos_info *qos;		/* QoS policies */
	size_t nqos;
};

struct vsmd_kernel;

struct vsmd_kernel_ops {
	/* Make sure there is a switch to configure (create it if not). */
	int (*open)(struct vsmd_kernel *k);
	int (*list_kernel_state)(struct vsmd_kernel *k, struct vsmd_kstate *ks);
	/* create: PROFILE_NEW, else PROFILE_SET. The attributes in pp->has. */
	int (*push_profile)(struct vsmd_kernel *k, const struct profile_info *pp,
			    bool create);
	int (*delete_profile)(struct vsmd_kernel *k, const char *name);
	/* create: ACL_NEW, else ACL_SET (the entries replaced). */
	int (*push_acl)(struct vsmd_kernel *k, const struct acl_info *acl,
			bool create);
	int (*delete_acl)(struct vsmd_kernel *k, const char *name);
	/* create: QOS_NEW, else QOS_SET (the policy replaced whole). */
	int (*push_qos)(struct vsmd_kernel *k, const struct qos_info *qos,
			bool create);
	int (*delete_qos)(struct vsmd_kernel *k, const char *name);
	/* create: PORT_NEW (unbound), else PORT_SET. port->has says what. */
	int (*push_interface)(struct vsmd_kernel *k,
			      const struct port_info *port, bool create);
	int (*delete_interface)(struct vsmd_kernel *k,
				const struct port_ref *ref);
	/*
	 * Bind the port to the netdev named dev in vsmd's namespace, taking
	 * it off the device it is bound to if that is another one; dev NULL
	 * unbinds. Binding is state, not configuration: vsmd_sync() never
	 * touches it.
	 */
	int (*bind_interface)(struct vsmd_kernel *k, const struct port_ref *ref,
			      const char *dev);
	/* The MAC table, static and learned entries; *entries malloc()ed. */
	int (*list_fdb)(struct vsmd_kernel *k, struct fdb_entry **entries,
			size_t *n);
	/* A static entry (FDB_NEW), or the entry of e->mac, e->vlan gone. */
	int (*push_fdb)(struct vsmd_kernel *k, const struct fdb_entry *e);
	int (*delete_fdb)(struct vsmd_kernel *k, const struct fdb_entry *e);
	/*
	 * The kernel's events: events_open() gives a descriptor to poll
	 * (-errno if there is none); events_read() hands every pending
	 * event to fn, and returns -ENOBUFS if some were lost (the caller
	 * then reads the state again).
	 */
	int (*events_open)(struct vsmd_kernel *k);
	int (*events_read)(struct vsmd_kernel *k,
			   int (*fn)(const struct event *ev, void *data),
			   void *data);
	void (*events_close)(struct vsmd_kernel *k);
	const char *(*strerror)(struct vsmd_kernel *k);
	void (*close)(struct vsmd_kernel *k);
};

struct vsmd_kernel {
	const struct vsmd_kernel_ops *ops;
	void *priv;
};

/* vem.ko over generic netlink (nl.c). */
extern const struct vsmd_kernel_ops vsmd_kernel_netlink;

/* vsmd_sync.c */
void vsmd_kstate_free(struct vsmd_kstate *ks);

#endif /* VSMCTL_VSMD_KERNEL_H */
