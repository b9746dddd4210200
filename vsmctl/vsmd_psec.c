// SPDX-License-Identifier: GPL-2.0
/*
 * vsmd_psec.c - the sticky addresses of port security as static MAC
 * entries in the kernel: the last phase of vsmd_sync().
 *
 * Every "switchport port-security mac-address sticky MAC vlan V" of an
 * interface is a static entry of its port (so that it counts towards the
 * maximum and survives unbinding, flushes of learned entries and restarts
 * of vsmd). On a port whose configuration has sticky port security on,
 * vsmd owns the static entries: one that is not a sticky address of the
 * interface goes ("no switchport port-security mac-address sticky MAC
 * vlan V" removes it from the kernel too).
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "vsmd_psec.h"

bool vsmd_psec_sticky_on(const struct config *cfg,
			 const struct config_iface *ifc)
{
	struct config_eval ev;

	if (ifc->ref.type != VEM_PORT_VETH)
		return false;
	config_eval_iface(cfg, ifc, &ev);
	return ev.psec && ev.psec_sticky;
}

static bool same_port(const struct fdb_entry *e, const struct port_ref *ref)
{
	return (e->has & FDB_HAS_PORT) && e->port.type == ref->type &&
	       e->port.id == ref->id;
}

static const struct fdb_entry *find_entry(const struct fdb_entry *e, size_t n,
					  const uint8_t *mac, uint16_t vlan)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (e[i].vlan == vlan && !memcmp(e[i].mac, mac, 6))
			return &e[i];
	return NULL;
}

static int failed(struct vsmd_kernel *k, int ret, char *err, size_t errlen,
		  const char *what, const uint8_t *mac, uint16_t vlan,
		  const struct port_ref *ref)
{
	char m[MAC_STRLEN], port[PORT_STRLEN];

	mac_format_dotted(mac, m);
	port_format(ref, PORT_FMT_WORDS, port, sizeof(port));
	snprintf(err, errlen, "%s sticky address %s vlan %u of %s: %s", what,
		 m, vlan, port, k->ops->strerror(k));
	return ret;
}

int vsmd_sync_sticky(struct vsmd_kernel *k, const struct config *cfg,
		     char *err, size_t errlen)
{
	struct fdb_entry *table = NULL;
	bool need = false;
	size_t i, j, n = 0;
	int ret = 0;

	for (i = 0; i < cfg->ifaces.n && !need; i++) {
		const struct config_iface *ifc = config_iface_at(cfg, i);

		need = ifc->nsticky || vsmd_psec_sticky_on(cfg, ifc);
	}
	if (!need)
		return 0;
	ret = k->ops->list_fdb(k, &table, &n);
	if (ret) {
		snprintf(err, errlen, "read the MAC address table: %s",
			 k->ops->strerror(k));
		return ret;
	}
	for (i = 0; i < cfg->ifaces.n && !ret; i++) {
		const struct config_iface *ifc = config_iface_at(cfg, i);

		for (j = 0; j < ifc->nsticky && !ret; j++) {
			const struct config_sticky *s = &ifc->sticky[j];
			const struct fdb_entry *e = find_entry(table, n, s->mac,
							       s->vlan);
			struct fdb_entry add = {
				.has = FDB_HAS_MAC | FDB_HAS_VLAN | FDB_HAS_PORT,
				.vlan = s->vlan, .port = ifc->ref,
			};

			if (e && (e->flags & VEM_FDB_F_STATIC) &&
			    same_port(e, &ifc->ref))
				continue;
			memcpy(add.mac, s->mac, 6);
			ret = k->ops->push_fdb(k, &add);
			if (ret)
				failed(k, ret, err, errlen, "add", s->mac,
				       s->vlan, &ifc->ref);
		}
		if (ret || !vsmd_psec_sticky_on(cfg, ifc))
			continue;
		for (j = 0; j < n && !ret; j++) {
			const struct fdb_entry *e = &table[j];

			if (!(e->flags & VEM_FDB_F_STATIC) ||
			    !same_port(e, &ifc->ref) ||
			    config_sticky_find(ifc, e->mac, e->vlan) >= 0)
				continue;
			ret = k->ops->delete_fdb(k, e);
			if (ret == -ENOENT)
				ret = 0;	/* gone meanwhile */
			if (ret)
				failed(k, ret, err, errlen, "remove the", e->mac,
				       e->vlan, &ifc->ref);
		}
	}
	free(table);
	return ret;
}
