// SPDX-License-Identifier: GPL-2.0
/*
 * fake_kernel.c - vsmd's data plane operations over an in-memory kernel
 * that enforces vem.ko's rules, for the unit tests of vsmd.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_kernel.h"
#include "parse.h"

void fake_kernel_reset(struct fake_kernel *fk)
{
	size_t i;

	for (i = 0; i < fk->nacls; i++)
		free(fk->acls[i].entries);
	memset(fk, 0, sizeof(*fk));
	fk->next_counter = 1000;
}

struct fake_port *fake_kernel_port(struct fake_kernel *fk, uint8_t type,
				   uint32_t id)
{
	size_t i;

	for (i = 0; i < fk->nports; i++)
		if (fk->ports[i].p.ref.type == type &&
		    fk->ports[i].p.ref.id == id)
			return &fk->ports[i];
	return NULL;
}

struct profile_info *fake_kernel_profile(struct fake_kernel *fk,
					 const char *name)
{
	size_t i;

	for (i = 0; i < fk->nprofiles; i++)
		if (!strcmp(fk->profiles[i].name, name))
			return &fk->profiles[i];
	return NULL;
}

static uint32_t bound(struct fake_kernel *fk, const char *name)
{
	uint32_t n = 0;
	size_t i;

	for (i = 0; i < fk->nports; i++)
		if (!strcmp(fk->ports[i].p.profile, name))
			n++;
	return n;
}

static void defaults(uint8_t type, struct port_info *p)
{
	unsigned int vid;

	p->mode = type == VEM_PORT_UPLINK ? VEM_PORT_MODE_TRUNK :
					    VEM_PORT_MODE_ACCESS;
	p->access_vlan = 1;
	p->native_vlan = 1;
	memset(p->trunk_vlans, 0, sizeof(p->trunk_vlans));
	for (vid = 1; vid <= VEM_VLAN_MAX; vid++)
		vlan_bitmap_set(p->trunk_vlans, vid);
	p->shutdown = false;
	memset(&p->psec, 0, sizeof(p->psec));
	p->psec.max = 1;
	p->psec.violation = VEM_PSEC_SHUTDOWN;
}

/* The port-security items in mask from src into dst (as vem.ko). */
static void psec_copy(struct psec_info *dst, const struct psec_info *src,
		      uint32_t mask)
{
	if (mask & VEM_CFG_PSEC)
		dst->on = src->on;
	if (mask & VEM_CFG_PSEC_MAX)
		dst->max = src->max;
	if (mask & VEM_CFG_PSEC_VIOLATION)
		dst->violation = src->violation;
	if (mask & VEM_CFG_PSEC_STICKY)
		dst->sticky = src->sticky;
}

#define PSEC_BITS	(VEM_CFG_PSEC | VEM_CFG_PSEC_MAX | \
			 VEM_CFG_PSEC_VIOLATION | VEM_CFG_PSEC_STICKY)

void fake_kernel_view(struct fake_kernel *fk, const struct fake_port *fp,
		      struct port_info *out)
{
	const struct port_info *p = &fp->p;
	const struct profile_info *pp = fake_kernel_profile(fk, p->profile);
	struct port_info base;
	unsigned int slot;

	memset(&base, 0, sizeof(base));
	defaults(p->ref.type, &base);
	if (pp) {
		base.mode = pp->mode;
		base.access_vlan = pp->access_vlan;
		base.native_vlan = pp->native_vlan;
		memcpy(base.trunk_vlans, pp->trunk_vlans,
		       sizeof(base.trunk_vlans));
		base.shutdown = pp->shutdown;
		base.psec = pp->psec;
	}
	*out = *p;
	out->has = PORT_HAS_IFINDEX | PORT_HAS_MODE | PORT_HAS_ACCESS_VLAN |
		   PORT_HAS_NATIVE_VLAN | PORT_HAS_TRUNK_VLANS |
		   PORT_HAS_SHUTDOWN | PORT_HAS_PROFILE | PORT_HAS_STATS;
	if (p->ifindex)
		out->has |= PORT_HAS_IFNAME;
	out->clear = 0;
	if (!(p->own & VEM_CFG_MODE))
		out->mode = base.mode;
	if (!(p->own & VEM_CFG_ACCESS_VLAN))
		out->access_vlan = base.access_vlan;
	if (!(p->own & VEM_CFG_NATIVE_VLAN))
		out->native_vlan = base.native_vlan;
	if (!(p->own & VEM_CFG_TRUNK_VLANS))
		memcpy(out->trunk_vlans, base.trunk_vlans,
		       sizeof(out->trunk_vlans));
	if (!(p->own & VEM_CFG_SHUTDOWN))
		out->shutdown = base.shutdown;
	out->has |= PORT_HAS_ACLS | PORT_HAS_STORM;
	psec_copy(&out->psec, &base.psec, ~p->own);
	out->has |= PORT_HAS_PSEC | PORT_HAS_ERR_DISABLED | PORT_HAS_SECURE_MACS;
	out->has |= PORT_HAS_ACLS;
	for (slot = 0; slot < ACL_SLOTS; slot++)
		if (!(p->own & (VEM_CFG_ACL_IP_IN << slot)))
			snprintf(out->acl[slot], sizeof(out->acl[slot]), "%s",
				 pp ? pp->acl[slot] : "");
	for (slot = 0; slot < STORM_KINDS; slot++)
		if (!(p->own & (VEM_CFG_STORM_BCAST << slot)))
			out->storm[slot] = pp ? pp->storm[slot] : 0;
	out->has |= PORT_HAS_QOS;
	for (slot = 0; slot < QOS_SLOTS; slot++)
		if (!(p->own & (VEM_CFG_QOS_IN << slot)))
			snprintf(out->qos[slot], sizeof(out->qos[slot]), "%s",
				 pp ? pp->qos[slot] : "");
	out->stats[VEM_A_STATS_RX_UCAST_PKTS] = fp->counter;
}

static struct fake_kernel *fk_of(struct vsmd_kernel *k)
{
	return k->priv;
}

/* Log the operation; non-zero if the test asked it to fail. */
static int op(struct fake_kernel *fk, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int op(struct fake_kernel *fk, const char *fmt, ...)
{
	char line[128];
	size_t len = strlen(fk->log);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	snprintf(fk->log + len, sizeof(fk->log) - len, "%s\n", line);
	fk->why[0] = '\0';
	if (fk->fail_op && !strncmp(line, fk->fail_op, strlen(fk->fail_op))) {
		fk->fail_op = NULL;
		snprintf(fk->why, sizeof(fk->why), "injected failure");
		return -fk->fail_errno;
	}
	return 0;
}

static int refuse(struct fake_kernel *fk, int err, const char *why)
{
	snprintf(fk->why, sizeof(fk->why), "%s", why);
	return -err;
}

static int fk_open(struct vsmd_kernel *k)
{
	struct fake_kernel *fk = fk_of(k);

	if (fk->no_switch) {
		fk->no_switch = false;
		fk->switch_created = true;
	}
	return 0;
}

static int fk_list(struct vsmd_kernel *k, struct vsmd_kstate *ks)
{
	struct fake_kernel *fk = fk_of(k);
	size_t i;

	ks->profiles = calloc(fk->nprofiles + 1, sizeof(*ks->profiles));
	ks->ports = calloc(fk->nports + 1, sizeof(*ks->ports));
	for (i = 0; i < fk->nprofiles; i++) {
		ks->profiles[i] = fk->profiles[i];
		ks->profiles[i].has |= PROFILE_HAS_PORT_COUNT;
		ks->profiles[i].port_count = bound(fk, fk->profiles[i].name);
	}
	ks->nprofiles = fk->nprofiles;
	for (i = 0; i < fk->nports; i++)
		fake_kernel_view(fk, &fk->ports[i], &ks->ports[i]);
	ks->nports = fk->nports;
	ks->acls = calloc(fk->nacls + 1, sizeof(*ks->acls));
	for (i = 0; i < fk->nacls; i++) {
		const struct acl_info *a = &fk->acls[i];

		ks->acls[i] = *a;
		ks->acls[i].entries = calloc(a->n + 1, sizeof(*a->entries));
		memcpy(ks->acls[i].entries, a->entries,
		       a->n * sizeof(*a->entries));
	}
	ks->nacls = fk->nacls;
	ks->qos = calloc(fk->nqos + 1, sizeof(*ks->qos));
	memcpy(ks->qos, fk->qos, fk->nqos * sizeof(*ks->qos));
	ks->nqos = fk->nqos;
	return 0;
}

struct qos_info *fake_kernel_qos(struct fake_kernel *fk, const char *name)
{
	size_t i;

	for (i = 0; i < fk->nqos; i++)
		if (!strcmp(fk->qos[i].name, name))
			return &fk->qos[i];
	return NULL;
}

static unsigned int qos_users(struct fake_kernel *fk, const char *name)
{
	unsigned int n = 0, slot;
	size_t i;

	for (i = 0; i < fk->nports; i++)
		for (slot = 0; slot < QOS_SLOTS; slot++)
			n += !strcmp(fk->ports[i].p.qos[slot], name);
	for (i = 0; i < fk->nprofiles; i++)
		for (slot = 0; slot < QOS_SLOTS; slot++)
			n += !strcmp(fk->profiles[i].qos[slot], name);
	return n;
}

static int fk_push_qos(struct vsmd_kernel *k, const struct qos_info *qos,
		       bool create)
{
	struct fake_kernel *fk = fk_of(k);
	struct qos_info *cur = fake_kernel_qos(fk, qos->name);
	int ret;

	ret = op(fk, "qos_%s %s", create ? "new" : "set", qos->name);
	if (ret)
		return ret;
	if (create && cur)
		return refuse(fk, EEXIST, "QoS policy already exists");
	if (!create && !cur)
		return refuse(fk, ENOENT, "No such QoS policy");
	if (!qos->cir && (qos->bc || qos->has_violate_dscp))
		return refuse(fk, EINVAL, "Burst and violate action need a policer rate (CIR)");
	if (create) {
		if (fk->nqos == FAKE_MAX)
			return refuse(fk, ENOSPC, "full");
		cur = &fk->qos[fk->nqos++];
	}
	*cur = *qos;
	cur->users = 0;
	return 0;
}

static int fk_delete_qos(struct vsmd_kernel *k, const char *name)
{
	struct fake_kernel *fk = fk_of(k);
	struct qos_info *cur = fake_kernel_qos(fk, name);
	int ret;

	ret = op(fk, "qos_del %s", name);
	if (ret)
		return ret;
	if (!cur)
		return refuse(fk, ENOENT, "No such QoS policy");
	if (qos_users(fk, name))
		return refuse(fk, EBUSY, "QoS policy in use by a port or a profile");
	*cur = fk->qos[--fk->nqos];
	return 0;
}

struct acl_info *fake_kernel_acl(struct fake_kernel *fk, const char *name)
{
	size_t i;

	for (i = 0; i < fk->nacls; i++)
		if (!strcmp(fk->acls[i].name, name))
			return &fk->acls[i];
	return NULL;
}

/* ACLs named by a port or a profile. */
static unsigned int acl_users(struct fake_kernel *fk, const char *name)
{
	unsigned int n = 0, slot;
	size_t i;

	for (i = 0; i < fk->nports; i++)
		for (slot = 0; slot < ACL_SLOTS; slot++)
			n += !strcmp(fk->ports[i].p.acl[slot], name);
	for (i = 0; i < fk->nprofiles; i++)
		for (slot = 0; slot < ACL_SLOTS; slot++)
			n += !strcmp(fk->profiles[i].acl[slot], name);
	return n;
}

static int fk_push_acl(struct vsmd_kernel *k, const struct acl_info *acl,
		       bool create)
{
	struct fake_kernel *fk = fk_of(k);
	struct acl_info *cur = fake_kernel_acl(fk, acl->name);
	int ret;

	ret = op(fk, "acl_%s %s", create ? "new" : "set", acl->name);
	if (ret)
		return ret;
	if (create && cur)
		return refuse(fk, EEXIST, "ACL already exists");
	if (!create && !cur)
		return refuse(fk, ENOENT, "No such ACL");
	if (!create && cur->family != acl->family)
		return refuse(fk, EINVAL, "An ACL's family cannot change");
	if (create) {
		if (fk->nacls == FAKE_MAX)
			return refuse(fk, ENOSPC, "full");
		cur = &fk->acls[fk->nacls++];
	} else {
		free(cur->entries);
	}
	*cur = *acl;
	cur->entries = calloc(acl->n + 1, sizeof(*acl->entries));
	memcpy(cur->entries, acl->entries, acl->n * sizeof(*acl->entries));
	return 0;
}

static int fk_delete_acl(struct vsmd_kernel *k, const char *name)
{
	struct fake_kernel *fk = fk_of(k);
	struct acl_info *cur = fake_kernel_acl(fk, name);
	int ret;

	ret = op(fk, "acl_del %s", name);
	if (ret)
		return ret;
	if (!cur)
		return refuse(fk, ENOENT, "No such ACL");
	if (acl_users(fk, name))
		return refuse(fk, EBUSY, "ACL in use by a port or a profile");
	free(cur->entries);
	*cur = fk->acls[--fk->nacls];
	return 0;
}

static int fk_push_profile(struct vsmd_kernel *k, const struct profile_info *pp,
			   bool create)
{
	struct fake_kernel *fk = fk_of(k);
	struct profile_info *cur = fake_kernel_profile(fk, pp->name);
	uint32_t n = bound(fk, pp->name);
	unsigned int i;
	int ret;

	ret = op(fk, "profile_%s %s", create ? "new" : "set", pp->name);
	if (ret)
		return ret;
	if (create) {
		if (cur)
			return refuse(fk, EEXIST, "exists");
		if (fk->nprofiles == FAKE_MAX)
			return refuse(fk, ENOSPC, "full");
		cur = &fk->profiles[fk->nprofiles++];
		memset(cur, 0, sizeof(*cur));
		snprintf(cur->name, sizeof(cur->name), "%s", pp->name);
		cur->type = VEM_PORT_VETH;
		{
			struct port_info def;

			defaults(VEM_PORT_VETH, &def);
			cur->mode = def.mode;
			cur->access_vlan = def.access_vlan;
			cur->native_vlan = def.native_vlan;
			memcpy(cur->trunk_vlans, def.trunk_vlans,
			       sizeof(cur->trunk_vlans));
		}
		cur->max_ports = VEM_PROFILE_PORTS_DEFAULT;
		cur->enabled = true;
		cur->psec.max = 1;
		cur->has |= PROFILE_HAS_PSEC;
		cur->has = PROFILE_HAS_TYPE | PROFILE_HAS_MODE |
			   PROFILE_HAS_ACCESS_VLAN | PROFILE_HAS_NATIVE_VLAN |
			   PROFILE_HAS_TRUNK_VLANS | PROFILE_HAS_SHUTDOWN |
			   PROFILE_HAS_MAX_PORTS | PROFILE_HAS_ENABLED;
	} else {
		if (!cur)
			return refuse(fk, ENOENT, "no such profile");
		if ((pp->has & PROFILE_HAS_TYPE) && pp->type != cur->type)
			return refuse(fk, EINVAL, "cannot change the type");
		if ((pp->has & PROFILE_HAS_MAX_PORTS) && pp->max_ports < n)
			return refuse(fk, EBUSY, "max-ports below the ports bound");
		if ((pp->has & PROFILE_HAS_ENABLED) && !pp->enabled && n)
			return refuse(fk, EBUSY, "profile in use");
	}
	if (pp->has & PROFILE_HAS_TYPE)
		cur->type = pp->type;
	if (pp->has & PROFILE_HAS_MODE)
		cur->mode = pp->mode;
	if (pp->has & PROFILE_HAS_ACCESS_VLAN)
		cur->access_vlan = pp->access_vlan;
	if (pp->has & PROFILE_HAS_NATIVE_VLAN)
		cur->native_vlan = pp->native_vlan;
	if (pp->has & PROFILE_HAS_TRUNK_VLANS)
		memcpy(cur->trunk_vlans, pp->trunk_vlans,
		       sizeof(cur->trunk_vlans));
	if (pp->has & PROFILE_HAS_SHUTDOWN)
		cur->shutdown = pp->shutdown;
	if (pp->has & PROFILE_HAS_MAX_PORTS)
		cur->max_ports = pp->max_ports;
	if (pp->has & PROFILE_HAS_ENABLED)
		cur->enabled = pp->enabled;
	if (pp->has & PROFILE_HAS_ACLS) {
		memcpy(cur->acl, pp->acl, sizeof(cur->acl));
		cur->has |= PROFILE_HAS_ACLS;
	}
	if (pp->has & PROFILE_HAS_STORM) {
		memcpy(cur->storm, pp->storm, sizeof(cur->storm));
		cur->has |= PROFILE_HAS_STORM;
	}
	if (pp->has & PROFILE_HAS_QOS) {
		for (i = 0; i < QOS_SLOTS; i++)
			if (pp->qos[i][0] && !fake_kernel_qos(fk, pp->qos[i]))
				return refuse(fk, ENOENT, "No such QoS policy");
		memcpy(cur->qos, pp->qos, sizeof(cur->qos));
		cur->has |= PROFILE_HAS_QOS;
	}
	if (pp->has & PROFILE_HAS_PSEC) {
		cur->psec = pp->psec;
		cur->has |= PROFILE_HAS_PSEC;
	}
	return 0;
}

static int fk_delete_profile(struct vsmd_kernel *k, const char *name)
{
	struct fake_kernel *fk = fk_of(k);
	struct profile_info *cur = fake_kernel_profile(fk, name);
	int ret;

	ret = op(fk, "profile_del %s", name);
	if (ret)
		return ret;
	if (!cur)
		return refuse(fk, ENOENT, "no such profile");
	if (bound(fk, name))
		return refuse(fk, EBUSY, "profile in use");
	*cur = fk->profiles[--fk->nprofiles];
	return 0;
}

static void port_name(const struct port_ref *ref, char *buf)
{
	port_format(ref, PORT_FMT_SHORT, buf, PORT_STRLEN);
}

static int fk_push_interface(struct vsmd_kernel *k,
			     const struct port_info *port, bool create)
{
	struct fake_kernel *fk = fk_of(k);
	struct fake_port *fp = fake_kernel_port(fk, port->ref.type,
						port->ref.id);
	const struct profile_info *pp = NULL;
	char name[PORT_STRLEN];
	struct port_info next, def;
	unsigned int slot;
	int ret;

	port_name(&port->ref, name);
	ret = op(fk, "port_%s %s", create ? "new" : "set", name);
	if (ret)
		return ret;
	if (create && fp)
		return refuse(fk, EEXIST, "exists");
	if (!create && !fp)
		return refuse(fk, ENOENT, "no such port");
	if (create && (port->has & PORT_HAS_CLEAR))
		return refuse(fk, EINVAL, "CLEAR in PORT_NEW");
	if (create) {
		if (fk->nports == FAKE_MAX)
			return refuse(fk, ENOSPC, "full");
		memset(&next, 0, sizeof(next));
		next.ref = port->ref;
		defaults(port->ref.type, &next);
	} else {
		next = fp->p;
	}
	memset(&def, 0, sizeof(def));
	defaults(port->ref.type, &def);
	if (port->has & PORT_HAS_CLEAR) {
		if (port->clear & VEM_CFG_MODE)
			next.mode = def.mode;
		if (port->clear & VEM_CFG_ACCESS_VLAN)
			next.access_vlan = def.access_vlan;
		if (port->clear & VEM_CFG_NATIVE_VLAN)
			next.native_vlan = def.native_vlan;
		if (port->clear & VEM_CFG_TRUNK_VLANS)
			memcpy(next.trunk_vlans, def.trunk_vlans,
			       sizeof(def.trunk_vlans));
		if (port->clear & VEM_CFG_SHUTDOWN)
			next.shutdown = def.shutdown;
		for (slot = 0; slot < ACL_SLOTS; slot++)
			if (port->clear & (VEM_CFG_ACL_IP_IN << slot))
				next.acl[slot][0] = '\0';
		for (slot = 0; slot < STORM_KINDS; slot++)
			if (port->clear & (VEM_CFG_STORM_BCAST << slot))
				next.storm[slot] = 0;
		for (slot = 0; slot < QOS_SLOTS; slot++)
			if (port->clear & (VEM_CFG_QOS_IN << slot))
				next.qos[slot][0] = '\0';
		psec_copy(&next.psec, &def.psec, port->clear);
		next.own &= ~port->clear;
	}
	if (port->has & PORT_HAS_MODE) {
		next.mode = port->mode;
		next.own |= VEM_CFG_MODE;
	}
	if (port->has & PORT_HAS_ACCESS_VLAN) {
		next.access_vlan = port->access_vlan;
		next.own |= VEM_CFG_ACCESS_VLAN;
	}
	if (port->has & PORT_HAS_NATIVE_VLAN) {
		next.native_vlan = port->native_vlan;
		next.own |= VEM_CFG_NATIVE_VLAN;
	}
	if (port->has & PORT_HAS_TRUNK_VLANS) {
		memcpy(next.trunk_vlans, port->trunk_vlans,
		       sizeof(next.trunk_vlans));
		next.own |= VEM_CFG_TRUNK_VLANS;
	}
	if (port->has & PORT_HAS_SHUTDOWN) {
		next.shutdown = port->shutdown;
		next.own |= VEM_CFG_SHUTDOWN;
	}
	/* As msg.c: the port-security items the request owns are sent. */
	if (port->has & PORT_HAS_PSEC) {
		psec_copy(&next.psec, &port->psec, port->own);
		next.own |= port->own & PSEC_BITS;
	}
	/* As vem.ko: the slots the request owns are sent (msg.c). */
	for (slot = 0; slot < ACL_SLOTS; slot++) {
		if (!(port->has & PORT_HAS_ACLS) ||
		    !(port->own & (VEM_CFG_ACL_IP_IN << slot)))
			continue;
		if (port->acl[slot][0] &&
		    !fake_kernel_acl(fk, port->acl[slot]))
			return refuse(fk, ENOENT, "No such ACL");
		memcpy(next.acl[slot], port->acl[slot], sizeof(next.acl[slot]));
		next.own |= VEM_CFG_ACL_IP_IN << slot;
	}
	for (slot = 0; slot < STORM_KINDS; slot++) {
		if (!(port->has & PORT_HAS_STORM) ||
		    !(port->own & (VEM_CFG_STORM_BCAST << slot)))
			continue;
		next.storm[slot] = port->storm[slot];
		next.own |= VEM_CFG_STORM_BCAST << slot;
	}
	for (slot = 0; slot < QOS_SLOTS; slot++) {
		if (!(port->has & PORT_HAS_QOS) ||
		    !(port->own & (VEM_CFG_QOS_IN << slot)))
			continue;
		if (port->qos[slot][0] && !fake_kernel_qos(fk, port->qos[slot]))
			return refuse(fk, ENOENT, "No such QoS policy");
		memcpy(next.qos[slot], port->qos[slot], sizeof(next.qos[slot]));
		next.own |= VEM_CFG_QOS_IN << slot;
	}
	if (port->has & PORT_HAS_PROFILE) {
		snprintf(next.profile, sizeof(next.profile), "%s",
			 port->profile);
		if (port->profile[0]) {
			pp = fake_kernel_profile(fk, port->profile);
			if (!pp)
				return refuse(fk, ENOENT, "No such port profile");
			if (pp->type != port->ref.type)
				return refuse(fk, EINVAL, "profile of another type");
			if (!pp->enabled)
				return refuse(fk, EINVAL, "profile disabled");
			if ((!fp || strcmp(fp->p.profile, pp->name)) &&
			    bound(fk, pp->name) >= pp->max_ports)
				return refuse(fk, ENOSPC, "profile full");
		}
	}
	if (port->ref.type == VEM_PORT_UPLINK &&
	    next.mode == VEM_PORT_MODE_ACCESS && (next.own & VEM_CFG_MODE))
		return refuse(fk, EINVAL, "an uplink is a trunk");
	if (create) {
		fp = &fk->ports[fk->nports++];
		fp->counter = fk->next_counter++;
	}
	fp->p = next;
	return 0;
}

static int fk_delete_interface(struct vsmd_kernel *k,
			       const struct port_ref *ref)
{
	struct fake_kernel *fk = fk_of(k);
	struct fake_port *fp = fake_kernel_port(fk, ref->type, ref->id);
	char name[PORT_STRLEN];
	size_t i;
	int ret;

	port_name(ref, name);
	ret = op(fk, "port_del %s", name);
	if (ret)
		return ret;
	if (!fp)
		return refuse(fk, ENOENT, "no such port");
	*fp = fk->ports[--fk->nports];
	/* Its MAC entries go with it, as in vem.ko. */
	for (i = fk->nfdb; i-- > 0;)
		if (fk->fdb[i].port.type == ref->type &&
		    fk->fdb[i].port.id == ref->id)
			fk->fdb[i] = fk->fdb[--fk->nfdb];
	return 0;
}

/*
 * Devices exist unless their name starts with "gone"; each is bound to one
 * port at most, as in vem.ko.
 */
static int fk_bind_interface(struct vsmd_kernel *k, const struct port_ref *ref,
			     const char *dev)
{
	struct fake_kernel *fk = fk_of(k);
	struct fake_port *fp = fake_kernel_port(fk, ref->type, ref->id);
	char name[PORT_STRLEN];
	size_t i;
	int ret;

	port_name(ref, name);
	ret = op(fk, "port_bind %s %s", name, dev ? dev : "-");
	if (ret)
		return ret;
	if (!fp)
		return refuse(fk, ENOENT, "no such port");
	if (!dev) {
		fp->p.ifindex = 0;
		fp->p.ifname[0] = '\0';
		return 0;
	}
	if (!strncmp(dev, "gone", 4))
		return -ENODEV;
	for (i = 0; i < fk->nports; i++)
		if (&fk->ports[i] != fp && fk->ports[i].p.ifindex &&
		    !strcmp(fk->ports[i].p.ifname, dev))
			return refuse(fk, EBUSY, "device bound to another port");
	fp->p.ifindex = 100 + (fp - fk->ports);
	snprintf(fp->p.ifname, sizeof(fp->p.ifname), "%s", dev);
	return 0;
}

static const char *fk_strerror(struct vsmd_kernel *k)
{
	return fk_of(k)->why;
}

static void fk_close(struct vsmd_kernel *k)
{
	(void)k;
}

static int fk_list_fdb(struct vsmd_kernel *k, struct fdb_entry **entries,
		       size_t *n)
{
	struct fake_kernel *fk = fk_of(k);

	*entries = calloc(fk->nfdb + 1, sizeof(**entries));
	if (!*entries)
		return -ENOMEM;
	memcpy(*entries, fk->fdb, fk->nfdb * sizeof(**entries));
	*n = fk->nfdb;
	return 0;
}

struct fdb_entry *fake_kernel_fdb(struct fake_kernel *fk, const uint8_t *mac,
				  uint16_t vlan)
{
	size_t i;

	for (i = 0; i < fk->nfdb; i++)
		if (fk->fdb[i].vlan == vlan && !memcmp(fk->fdb[i].mac, mac, 6))
			return &fk->fdb[i];
	return NULL;
}

/* As vem.ko: add or replace; the port must exist. */
static int fk_push_fdb(struct vsmd_kernel *k, const struct fdb_entry *e)
{
	struct fake_kernel *fk = fk_of(k);
	struct fdb_entry *cur = fake_kernel_fdb(fk, e->mac, e->vlan);
	char name[PORT_STRLEN];
	int ret;

	port_name(&e->port, name);
	ret = op(fk, "fdb_new %02x%02x vlan %u %s", e->mac[4], e->mac[5],
		 e->vlan, name);
	if (ret)
		return ret;
	if (!fake_kernel_port(fk, e->port.type, e->port.id))
		return refuse(fk, ENOENT, "No such port");
	if (!cur) {
		if (fk->nfdb == FAKE_MAX)
			return refuse(fk, ENOSPC, "table full");
		cur = &fk->fdb[fk->nfdb++];
	}
	*cur = *e;
	cur->flags = VEM_FDB_F_STATIC;
	cur->has |= FDB_HAS_FLAGS | FDB_HAS_PORT;
	return 0;
}

static int fk_delete_fdb(struct vsmd_kernel *k, const struct fdb_entry *e)
{
	struct fake_kernel *fk = fk_of(k);
	struct fdb_entry *cur = fake_kernel_fdb(fk, e->mac, e->vlan);
	int ret;

	ret = op(fk, "fdb_del %02x%02x vlan %u", e->mac[4], e->mac[5], e->vlan);
	if (ret)
		return ret;
	if (!cur)
		return refuse(fk, ENOENT, "No such entry");
	*cur = fk->fdb[--fk->nfdb];
	return 0;
}

static int fk_events_open(struct vsmd_kernel *k)
{
	return refuse(fk_of(k), EOPNOTSUPP, "no events in the fake kernel");
}

static int fk_events_read(struct vsmd_kernel *k,
			  int (*fn)(const struct event *ev, void *data),
			  void *data)
{
	(void)k;
	(void)fn;
	(void)data;
	return 0;
}

static void fk_events_close(struct vsmd_kernel *k)
{
	(void)k;
}

const struct vsmd_kernel_ops fake_kernel_ops = {
	.open			= fk_open,
	.list_kernel_state	= fk_list,
	.push_profile		= fk_push_profile,
	.delete_profile		= fk_delete_profile,
	.push_acl		= fk_push_acl,
	.delete_acl		= fk_delete_acl,
	.push_qos		= fk_push_qos,
	.delete_qos		= fk_delete_qos,
	.push_interface		= fk_push_interface,
	.delete_interface	= fk_delete_interface,
	.bind_interface		= fk_bind_interface,
	.list_fdb		= fk_list_fdb,
	.push_fdb		= fk_push_fdb,
	.delete_fdb		= fk_delete_fdb,
	.events_open		= fk_events_open,
	.events_read		= fk_events_read,
	.events_close		= fk_events_close,
	.strerror		= fk_strerror,
	.close			= fk_close,
};
