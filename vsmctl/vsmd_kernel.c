// SPDX-License-Identifier: GPL-2.0
/*
 * vsmd_kernel.c - vsmd's data plane operations over generic netlink: a
 * thin layer over the IPC functions of nl.c, which vsmctl uses too.
 */

#include <errno.h>
#include <stdlib.h>
#include <net/if.h>

#include "nl.h"
#include "vsmd_kernel.h"

static int nl_ret(int ret)
{
	return ret ? -(errno ? errno : EIO) : 0;
}

/*
 * vsmd configures the switch of its namespace; it creates one with the
 * defaults if there is none, so that a fresh host comes up configured.
 */
static int knl_open(struct vsmd_kernel *k)
{
	struct switch_info sw = { .has = 0 };

	(void)k;
	if (!ipc_switch_get(&sw))
		return 0;
	if (errno != ENODEV)
		return -errno;
	return nl_ret(ipc_switch_new(&sw));
}

static int knl_list(struct vsmd_kernel *k, struct vsmd_kstate *ks)
{
	(void)k;
	ks->profiles = NULL;
	ks->ports = NULL;
	if (ipc_profile_list(&ks->profiles, &ks->nprofiles))
		return nl_ret(-1);
	ks->acls = NULL;
	ks->nacls = 0;
	ks->qos = NULL;
	ks->nqos = 0;
	if (ipc_port_list(&ks->ports, &ks->nports) ||
	    ipc_acl_list(&ks->acls, &ks->nacls) ||
	    ipc_qos_list(&ks->qos, &ks->nqos)) {
		int ret = nl_ret(-1);

		vsmd_kstate_free(ks);
		return ret;
	}
	return 0;
}

static int knl_push_profile(struct vsmd_kernel *k,
			    const struct profile_info *pp, bool create)
{
	(void)k;
	return nl_ret(create ? ipc_profile_new(pp) : ipc_profile_set(pp));
}

static int knl_delete_profile(struct vsmd_kernel *k, const char *name)
{
	(void)k;
	return nl_ret(ipc_profile_del(name));
}

static int knl_push_acl(struct vsmd_kernel *k, const struct acl_info *acl,
			bool create)
{
	(void)k;
	return nl_ret(create ? ipc_acl_new(acl) : ipc_acl_set(acl));
}

static int knl_delete_acl(struct vsmd_kernel *k, const char *name)
{
	(void)k;
	return nl_ret(ipc_acl_del(name));
}

static int knl_push_qos(struct vsmd_kernel *k, const struct qos_info *qos,
			bool create)
{
	(void)k;
	return nl_ret(create ? ipc_qos_new(qos) : ipc_qos_set(qos));
}

static int knl_delete_qos(struct vsmd_kernel *k, const char *name)
{
	(void)k;
	return nl_ret(ipc_qos_del(name));
}

static int knl_push_interface(struct vsmd_kernel *k,
			      const struct port_info *port, bool create)
{
	(void)k;
	return nl_ret(create ? ipc_port_new(port) : ipc_port_set(port));
}

static int knl_delete_interface(struct vsmd_kernel *k,
				const struct port_ref *ref)
{
	(void)k;
	return nl_ret(ipc_port_del(ref));
}

static int knl_bind_interface(struct vsmd_kernel *k,
			      const struct port_ref *ref, const char *dev)
{
	struct port_info cur, set = { .ref = *ref, .has = PORT_HAS_IFINDEX };
	unsigned int ifindex = 0;

	(void)k;
	if (dev) {
		ifindex = if_nametoindex(dev);
		if (!ifindex)
			return -ENODEV;
	}
	if (ipc_port_get(ref, &cur))
		return nl_ret(-1);
	if (cur.ifindex == ifindex)
		return 0;
	/* The kernel binds an unbound port only: a new tap replaces the old. */
	if (cur.ifindex && ifindex && ipc_port_set(&set))
		return nl_ret(-1);
	set.ifindex = ifindex;
	return nl_ret(ipc_port_set(&set));
}

static int knl_list_fdb(struct vsmd_kernel *k, struct fdb_entry **entries,
			size_t *n)
{
	(void)k;
	return nl_ret(ipc_fdb_list(entries, n));
}

static int knl_push_fdb(struct vsmd_kernel *k, const struct fdb_entry *e)
{
	(void)k;
	return nl_ret(ipc_fdb_new(e));
}

static int knl_delete_fdb(struct vsmd_kernel *k, const struct fdb_entry *e)
{
	(void)k;
	return nl_ret(ipc_fdb_del(e));
}

static int knl_events_open(struct vsmd_kernel *k)
{
	int fd;

	(void)k;
	fd = ipc_events_open();
	return fd < 0 ? nl_ret(-1) : fd;
}

static int knl_events_read(struct vsmd_kernel *k,
			   int (*fn)(const struct event *ev, void *data),
			   void *data)
{
	(void)k;
	return nl_ret(ipc_events_read(fn, data));
}

static void knl_events_close(struct vsmd_kernel *k)
{
	(void)k;
	ipc_events_close();
}

static const char *knl_strerror(struct vsmd_kernel *k)
{
	(void)k;
	return ipc_strerror();
}

static void knl_close(struct vsmd_kernel *k)
{
	(void)k;
	ipc_events_close();
	ipc_close();
}

const struct vsmd_kernel_ops vsmd_kernel_netlink = {
	.open			= knl_open,
	.list_kernel_state	= knl_list,
	.push_profile		= knl_push_profile,
	.delete_profile		= knl_delete_profile,
	.push_acl		= knl_push_acl,
	.delete_acl		= knl_delete_acl,
	.push_qos		= knl_push_qos,
	.delete_qos		= knl_delete_qos,
	.push_interface		= knl_push_interface,
	.delete_interface	= knl_delete_interface,
	.bind_interface		= knl_bind_interface,
	.list_fdb		= knl_list_fdb,
	.push_fdb		= knl_push_fdb,
	.delete_fdb		= knl_delete_fdb,
	.events_open		= knl_events_open,
	.events_read		= knl_events_read,
	.events_close		= knl_events_close,
	.strerror		= knl_strerror,
	.close			= knl_close,
};
