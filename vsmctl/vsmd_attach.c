// SPDX-License-Identifier: GPL-2.0
/*
 * vsmd_attach.c - vsmctl attach and detach: a VM vNIC onto its vethernet
 * and off it. See vsmd_attach.h for the rules.
 *
 * Each is a configuration change (the interface, its profile, its owner),
 * pushed with vsmd_sync() like any other, then a bind or an unbind of the
 * netdev, then a save; a failure at any step takes back the steps before.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "parse.h"
#include "vsmd_attach.h"
#include "vsmd_sync.h"

static int fail(char *err, size_t errlen, int ret, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int fail(char *err, size_t errlen, int ret, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return ret;
}

/* The lowest vethernet number the configuration does not use; 0 if none. */
static uint32_t free_veth(const struct config *cfg)
{
	uint32_t next = 1;
	size_t i;

	/* Interfaces are sorted by type, then number. */
	for (i = 0; i < cfg->ifaces.n; i++) {
		const struct config_iface *ifc = config_iface_at(cfg, i);

		if (ifc->ref.type != VEM_PORT_VETH || ifc->ref.id < next)
			continue;
		if (ifc->ref.id > next)
			break;
		next++;
	}
	return next <= VEM_PORT_ID_MAX ? next : 0;
}

/*
 * The profile a VM may attach to: a vethernet profile, enabled, with room
 * for one more interface than those inheriting it now (self excluded).
 */
static int check_profile(const struct config *cfg, const char *name,
			 const struct config_iface *self, char *err,
			 size_t errlen)
{
	const struct config_profile *pp = config_profile_find(cfg, name);
	char users[256] = "", port[PORT_STRLEN];
	struct config_eval ev;
	unsigned int n = 0;
	size_t i, len = 0;

	if (!pp)
		return fail(err, errlen, -ENOENT, "no port-profile %s", name);
	if (pp->type != VEM_PORT_VETH)
		return fail(err, errlen, -EINVAL,
			    "port-profile %s is of type ethernet: VMs attach to vethernet port-profiles",
			    name);
	config_eval_profile(cfg, pp, &ev);
	if (!ev.state_enabled)
		return fail(err, errlen, -EINVAL,
			    "port-profile %s is not enabled (state enabled)",
			    name);
	for (i = 0; i < cfg->ifaces.n; i++) {
		const struct config_iface *ifc = config_iface_at(cfg, i);

		if (ifc == self || !config_has(&ifc->a, CONFIG_ATTR_INHERIT) ||
		    strcmp(ifc->a.inherit, name))
			continue;
		n++;
		port_format(&ifc->ref, PORT_FMT_WORDS, port, sizeof(port));
		if (len < sizeof(users))
			len += snprintf(users + len, sizeof(users) - len,
					"%s%s", len ? ", " : "", port);
	}
	if (n >= ev.max_ports)
		return fail(err, errlen, -ENOSPC,
			    "port-profile %s is full: max-ports %u, used by %s",
			    name, ev.max_ports, users);
	return 0;
}

/* Put the kernel back to the running configuration after a failure. */
static void undo(struct vsmd *d, char *err, size_t errlen)
{
	char why[VSMD_ERR_LEN];
	size_t n = strlen(err);

	if (vsmd_sync(d->kernel, &d->running, NULL, why, sizeof(why)))
		snprintf(err + n, errlen - n,
			 "; restoring the previous state failed too: %s", why);
	else
		snprintf(err + n, errlen - n, "; nothing changed");
}

/*
 * work becomes the running configuration and is saved. If the save fails
 * the running configuration stays as it was; the caller takes the kernel
 * back.
 */
static int commit(struct vsmd *d, struct config *work, char *err,
		  size_t errlen)
{
	int ret = store_commit_config(d->store, work);

	if (ret)
		return fail(err, errlen, ret, "cannot save the configuration: %s",
			    d->store->err);
	config_move(&d->running, work);
	return 0;
}

int vsmd_attach(struct vsmd *d, const struct vsmd_vnic *v,
		struct vsmd_attach_result *res, char *err, size_t errlen)
{
	const struct config_iface *cur;
	struct config_error cerr;
	struct config_iface *ifc;
	char port[PORT_STRLEN];
	struct config work;
	int ret;

	memset(res, 0, sizeof(*res));
	cur = config_iface_find_vm(&d->running, v->vm, v->mac);
	ret = check_profile(&d->running, v->profile, cur, err, errlen);
	if (ret)
		return ret;
	if (cur) {
		res->ref = cur->ref;
	} else {
		res->ref.type = VEM_PORT_VETH;
		res->ref.id = free_veth(&d->running);
		if (!res->ref.id)
			return fail(err, errlen, -ENOSPC,
				    "every vethernet number is in use");
		res->created = true;
	}
	port_format(&res->ref, PORT_FMT_WORDS, port, sizeof(port));

	if (config_clone(&work, &d->running))
		return fail(err, errlen, -ENOMEM, "out of memory");
	ifc = config_iface_get(&work, &res->ref);
	if (!ifc) {
		config_free(&work);
		return fail(err, errlen, -ENOMEM, "out of memory");
	}
	snprintf(ifc->a.inherit, sizeof(ifc->a.inherit), "%s", v->profile);
	snprintf(ifc->a.vm, sizeof(ifc->a.vm), "%s", v->vm);
	memcpy(ifc->a.vm_mac, v->mac, sizeof(ifc->a.vm_mac));
	ifc->a.set |= BIT(CONFIG_ATTR_INHERIT) | BIT(CONFIG_ATTR_VM);
	/* The checks above make this a formality; it keeps the rules whole. */
	ret = config_validate(&work, &cerr);
	if (ret) {
		config_free(&work);
		return fail(err, errlen, ret, "%s", cerr.msg);
	}

	ret = vsmd_sync(d->kernel, &work, NULL, err, errlen);
	if (ret)
		goto undo;
	ret = d->kernel->ops->bind_interface(d->kernel, &res->ref, v->dev);
	if (ret) {
		fail(err, errlen, ret, "cannot bind %s to %s: %s", v->dev, port,
		     ret == -ENODEV ? "no such device" :
				      d->kernel->ops->strerror(d->kernel));
		goto undo;
	}
	ret = commit(d, &work, err, errlen);
	if (ret) {
		/* Take the netdev off again: the old state had it unbound. */
		d->kernel->ops->bind_interface(d->kernel, &res->ref, NULL);
		goto undo;
	}
	return 0;
undo:
	undo(d, err, errlen);
	config_free(&work);
	return ret;
}

int vsmd_detach(struct vsmd *d, const struct vsmd_vnic *v,
		struct vsmd_attach_result *res, char *err, size_t errlen)
{
	const struct config_iface *cur;
	char port[PORT_STRLEN], mac[MAC_STRLEN];
	struct config_eval ev;
	struct config work;
	int ret;

	memset(res, 0, sizeof(*res));
	cur = config_iface_find_vm(&d->running, v->vm, v->mac);
	if (!cur) {
		mac_format_dotted(v->mac, mac);
		return fail(err, errlen, -ENOENT,
			    "no vethernet belongs to vm %s mac %s", v->vm, mac);
	}
	res->ref = cur->ref;
	port_format(&res->ref, PORT_FMT_WORDS, port, sizeof(port));
	config_eval_iface(&d->running, cur, &ev);

	/* The netdev may be gone already (the VM is off): then it is unbound. */
	ret = d->kernel->ops->bind_interface(d->kernel, &res->ref, NULL);
	if (ret && ret != -ENOENT)
		return fail(err, errlen, ret, "cannot unbind %s: %s", port,
			    d->kernel->ops->strerror(d->kernel));
	if (ev.binding != CONFIG_BINDING_EPHEMERAL)
		return 0;

	/* Ephemeral: the vethernet goes, and its number is free again. */
	if (config_clone(&work, &d->running))
		return fail(err, errlen, -ENOMEM, "out of memory");
	config_iface_del(&work, &res->ref);
	ret = vsmd_sync(d->kernel, &work, NULL, err, errlen);
	if (!ret)
		ret = commit(d, &work, err, errlen);
	if (ret) {
		undo(d, err, errlen);
		config_free(&work);
		return ret;
	}
	res->freed = true;
	return 0;
}
