// SPDX-License-Identifier: GPL-2.0
/*
 * vsmd_psec_learn.c - sticky port security: the addresses the kernel
 * learns on a port whose configuration has "switchport port-security
 * mac-address sticky" become configuration lines of its interface
 * ("switchport port-security mac-address sticky MAC vlan V"). vsmd hears
 * of them from the kernel's FDB_NEW events; after a change of the
 * configuration, at start, and when events were lost it reads the whole
 * table instead. A new line is pushed (the entry becomes static: it
 * counts towards the maximum, as before, and no longer ages) and saved at
 * once: an address must outlive a restart.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "vsmd_psec.h"
#include "vsmd_serve.h"
#include "vsmd_sync.h"

/* The interface an entry would be a new sticky address of, or NULL. */
static struct config_iface *candidate(const struct config *cfg,
				      const struct fdb_entry *e)
{
	struct config_iface *ifc;

	if ((e->flags & VEM_FDB_F_STATIC) || !(e->has & FDB_HAS_PORT) ||
	    e->port.type != VEM_PORT_VETH)
		return NULL;
	ifc = config_iface_find(cfg, &e->port);
	if (!ifc || !vsmd_psec_sticky_on(cfg, ifc) ||
	    config_sticky_find(ifc, e->mac, e->vlan) >= 0 ||
	    ifc->nsticky >= VEM_PSEC_MAX_LIMIT)
		return NULL;
	return ifc;
}

int vsmd_psec_adopt(struct vsmd *d, const struct fdb_entry *entries,
		    size_t n, char *err, size_t errlen)
{
	struct config work;
	struct config_iface *ifc;
	bool any = false;
	size_t i;
	int ret;

	err[0] = '\0';
	for (i = 0; i < n && !any; i++)
		any = candidate(&d->running, &entries[i]);
	if (!any)
		return 0;
	if (config_clone(&work, &d->running)) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	for (i = 0; i < n; i++) {
		ifc = candidate(&work, &entries[i]);
		if (ifc && config_sticky_add(ifc, entries[i].mac,
					     entries[i].vlan)) {
			config_free(&work);
			snprintf(err, errlen, "out of memory");
			return -ENOMEM;
		}
	}
	ret = vsmd_sync(d->kernel, &work, NULL, err, errlen);
	if (!ret) {
		ret = store_commit_config(d->store, &work);
		if (ret)
			snprintf(err, errlen, "cannot save the configuration: %s",
				 d->store->err);
	}
	if (ret) {
		/* The entries stay learned (and do not age): next time, then. */
		config_free(&work);
		return ret;
	}
	config_move(&d->running, &work);
	return 0;
}

bool vsmd_psec_any_sticky(const struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->ifaces.n; i++)
		if (vsmd_psec_sticky_on(cfg, config_iface_at(cfg, i)))
			return true;
	return false;
}

int vsmd_psec_resync(struct vsmd *d, char *err, size_t errlen)
{
	struct fdb_entry *table = NULL;
	size_t n = 0;
	int ret;

	err[0] = '\0';
	if (!vsmd_psec_any_sticky(&d->running))
		return 0;
	ret = d->kernel->ops->list_fdb(d->kernel, &table, &n);
	if (ret) {
		snprintf(err, errlen, "read the MAC address table: %s",
			 d->kernel->ops->strerror(d->kernel));
		return ret;
	}
	ret = vsmd_psec_adopt(d, table, n, err, errlen);
	free(table);
	return ret;
}

struct learned {
	struct fdb_entry *e;
	size_t n, cap;
	bool nomem;
};

static int on_event(const struct event *ev, void *data)
{
	struct learned *l = data;

	if (ev->kind != EVENT_FDB || ev->action != EVENT_NEW ||
	    (ev->fdb.flags & VEM_FDB_F_STATIC))
		return 0;
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;
		struct fdb_entry *e = realloc(l->e, cap * sizeof(*e));

		if (!e) {
			l->nomem = true;
			return 0;
		}
		l->e = e;
		l->cap = cap;
	}
	l->e[l->n++] = ev->fdb;
	return 0;
}

int vsmd_psec_events(struct vsmd *d, char *err, size_t errlen)
{
	struct learned l = { NULL, 0, 0, false };
	int ret;

	err[0] = '\0';
	ret = d->kernel->ops->events_read(d->kernel, on_event, &l);
	if (ret == -ENOBUFS || l.nomem) {
		/* Some were lost: the table says what is learned. */
		free(l.e);
		return vsmd_psec_resync(d, err, errlen);
	}
	if (ret) {
		snprintf(err, errlen, "kernel events: %s",
			 d->kernel->ops->strerror(d->kernel));
	} else if (l.n && vsmd_psec_any_sticky(&d->running)) {
		ret = vsmd_psec_adopt(d, l.e, l.n, err, errlen);
	}
	free(l.e);
	return ret;
}
