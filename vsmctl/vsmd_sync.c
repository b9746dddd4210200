// SPDX-License-Identifier: GPL-2.0
/*
 * vsmd_sync.c - the configuration into the kernel, with the fewest
 * operations, in an order the kernel accepts:
 *
 * 1. ports: delete those the configuration does not have; a port that is
 *    to leave its profile (another profile, none, the profile going away
 *    or being disabled) is detached first and sets every item itself, to
 *    the values it is to end with, in one PORT_SET: it forwards as it
 *    should all along, and the profile has one port less;
 * 2. profiles: delete those not configured (or of another type: the kernel
 *    does not change a type), then create and change the others; nothing
 *    the kernel refuses remains (disabling or shrinking a profile in use)
 *    since the ports that leave have left;
 * 3. ports: create the missing ones, then bind, set and clear what
 *    differs, each port in one PORT_SET.
 *
 * ACLs and QoS policies come first (0: created or replaced, before
 * anything names them) and go last (4: deleted once nothing names them).
 * Each named object is pushed as a whole: QOS_SET replaces a policy, and
 * the ports using it keep their policer state.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "vsmd_psec.h"
#include "vsmd_sync.h"

void vsmd_kstate_free(struct vsmd_kstate *ks)
{
	size_t i;

	for (i = 0; i < ks->nacls; i++)
		free(ks->acls[i].entries);
	free(ks->acls);
	free(ks->qos);
	ks->qos = NULL;
	ks->nqos = 0;
	free(ks->profiles);
	free(ks->ports);
	ks->acls = NULL;
	ks->profiles = NULL;
	ks->ports = NULL;
	ks->nacls = ks->nprofiles = ks->nports = 0;
}

/* The configuration attributes that are port items in the kernel. */
static const struct {
	enum config_attr attr;
	uint32_t bit;		/* enum vem_cfg_bits */
	unsigned int has;	/* PORT_HAS_* */
} items[] = {
	{ CONFIG_ATTR_MODE, VEM_CFG_MODE, PORT_HAS_MODE },
	{ CONFIG_ATTR_ACCESS_VLAN, VEM_CFG_ACCESS_VLAN, PORT_HAS_ACCESS_VLAN },
	{ CONFIG_ATTR_NATIVE_VLAN, VEM_CFG_NATIVE_VLAN, PORT_HAS_NATIVE_VLAN },
	{ CONFIG_ATTR_TRUNK_VLANS, VEM_CFG_TRUNK_VLANS, PORT_HAS_TRUNK_VLANS },
	{ CONFIG_ATTR_SHUTDOWN, VEM_CFG_SHUTDOWN, PORT_HAS_SHUTDOWN },
	{ CONFIG_ATTR_PSEC, VEM_CFG_PSEC, PORT_HAS_PSEC },
	{ CONFIG_ATTR_PSEC_MAX, VEM_CFG_PSEC_MAX, PORT_HAS_PSEC },
	{ CONFIG_ATTR_PSEC_VIOLATION, VEM_CFG_PSEC_VIOLATION, PORT_HAS_PSEC },
	{ CONFIG_ATTR_PSEC_STICKY, VEM_CFG_PSEC_STICKY, PORT_HAS_PSEC },
};

#define ACL_BITS	(VEM_CFG_ACL_IP_IN | VEM_CFG_ACL_IP_OUT | \
			 VEM_CFG_ACL_IPV6_IN | VEM_CFG_ACL_IPV6_OUT | \
			 VEM_CFG_ACL_MAC_IN | VEM_CFG_ACL_MAC_OUT)

#define STORM_BITS	(VEM_CFG_STORM_BCAST | VEM_CFG_STORM_MCAST | \
			 VEM_CFG_STORM_UCAST)

/* The VEM_CFG_* bit of storm-control kind k (numbered alike, too). */
static uint32_t storm_bit(unsigned int k)
{
	return VEM_CFG_STORM_BCAST << k;
}

/* The VEM_CFG_* bit of ACL slot b (config and kernel number them alike). */
static uint32_t acl_bit(unsigned int b)
{
	return VEM_CFG_ACL_IP_IN << b;
}

/*
 * The PORT_HAS_* bits of the items in a vem_cfg_bits mask. PORT_HAS_ACLS
 * sends the ACL slots the port owns (msg.c).
 */
static unsigned int own_to_has(uint32_t own)
{
	unsigned int has = 0;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(items); i++)
		if (own & items[i].bit)
			has |= items[i].has;
	if (own & ACL_BITS)
		has |= PORT_HAS_ACLS;
	if (own & STORM_BITS)
		has |= PORT_HAS_STORM;
	if (own & (VEM_CFG_QOS_IN | VEM_CFG_QOS_OUT))
		has |= PORT_HAS_QOS;
	return has;
}

static void qos_names(const struct config_eval *ev,
		      char out[QOS_SLOTS][VEM_QOS_NAME_MAX + 1])
{
	unsigned int d;

	for (d = 0; d < QOS_SLOTS; d++)
		snprintf(out[d], sizeof(out[d]), "%s", ev->qos[d]);
}

static void acl_names(const struct config_eval *ev,
		      char out[ACL_SLOTS][VEM_ACL_NAME_MAX + 1])
{
	unsigned int b;

	for (b = 0; b < ACL_SLOTS; b++)
		snprintf(out[b], sizeof(out[b]), "%s", ev->acl[b]);
}

static void psec_eval(const struct config_eval *ev, struct psec_info *out)
{
	out->on = ev->psec;
	out->max = ev->psec_max;
	out->violation = ev->psec_violation;
	out->sticky = ev->psec_sticky;
}

/* The port-security items in mask are the same. */
static bool psec_match(const struct psec_info *k, const struct psec_info *w,
		       uint32_t mask)
{
	return (!(mask & VEM_CFG_PSEC) || k->on == w->on) &&
	       (!(mask & VEM_CFG_PSEC_MAX) || k->max == w->max) &&
	       (!(mask & VEM_CFG_PSEC_VIOLATION) ||
		k->violation == w->violation) &&
	       (!(mask & VEM_CFG_PSEC_STICKY) || k->sticky == w->sticky);
}

static void desired_profile(const struct config *cfg,
			    const struct config_profile *pp,
			    struct profile_info *out)
{
	struct config_eval ev;

	config_eval_profile(cfg, pp, &ev);
	memset(out, 0, sizeof(*out));
	out->has = PROFILE_HAS_TYPE | PROFILE_HAS_MODE |
		   PROFILE_HAS_ACCESS_VLAN | PROFILE_HAS_NATIVE_VLAN |
		   PROFILE_HAS_TRUNK_VLANS | PROFILE_HAS_SHUTDOWN |
		   PROFILE_HAS_MAX_PORTS | PROFILE_HAS_ENABLED;
	snprintf(out->name, sizeof(out->name), "%s", pp->name);
	out->type = pp->type;
	out->mode = ev.mode;
	out->access_vlan = ev.access_vlan;
	out->native_vlan = ev.native_vlan;
	memcpy(out->trunk_vlans, ev.trunk_vlans, sizeof(out->trunk_vlans));
	out->shutdown = ev.shutdown;
	out->max_ports = pp->type == VEM_PORT_VETH ? ev.max_ports :
						     VEM_PROFILE_PORTS_MAX;
	out->enabled = ev.state_enabled;
	out->has |= PROFILE_HAS_ACLS | PROFILE_HAS_STORM | PROFILE_HAS_QOS;
	acl_names(&ev, out->acl);
	memcpy(out->storm, ev.storm, sizeof(out->storm));
	qos_names(&ev, out->qos);
	out->has |= PROFILE_HAS_PSEC;
	psec_eval(&ev, &out->psec);
}

/*
 * Every item holds its evaluated value; own (and has) say which the port
 * sends itself.
 */
static void desired_port(const struct config *cfg,
			 const struct config_iface *ifc, struct port_info *out)
{
	struct config_eval ev;
	size_t i;

	config_eval_iface(cfg, ifc, &ev);
	memset(out, 0, sizeof(*out));
	out->ref = ifc->ref;
	out->mode = ev.mode;
	out->access_vlan = ev.access_vlan;
	out->native_vlan = ev.native_vlan;
	memcpy(out->trunk_vlans, ev.trunk_vlans, sizeof(out->trunk_vlans));
	out->shutdown = ev.shutdown;
	acl_names(&ev, out->acl);
	memcpy(out->storm, ev.storm, sizeof(out->storm));
	qos_names(&ev, out->qos);
	psec_eval(&ev, &out->psec);
	if (ev.profile && ev.state_enabled) {
		snprintf(out->profile, sizeof(out->profile), "%s",
			 ev.profile->name);
		for (i = 0; i < ARRAY_SIZE(items); i++)
			if (config_has(&ifc->a, items[i].attr))
				out->own |= items[i].bit;
		for (i = 0; i < ACL_SLOTS; i++)
			if (config_has(&ifc->a, CONFIG_ATTR_ACL(i)))
				out->own |= acl_bit(i);
		for (i = 0; i < STORM_KINDS; i++)
			if (config_has(&ifc->a, CONFIG_ATTR_STORM(i)))
				out->own |= storm_bit(i);
		for (i = 0; i < QOS_SLOTS; i++)
			if (config_has(&ifc->a, CONFIG_ATTR_QOS(i)))
				out->own |= VEM_CFG_QOS_IN << i;
	} else {
		out->own = VSMD_CFG_ITEMS;
		/* A profile that is not enabled applies to nothing yet. */
		if (ev.profile)
			out->shutdown = true;
	}
	out->has = PORT_HAS_PROFILE | own_to_has(out->own);
}

int vsmd_desired(const struct config *cfg, struct vsmd_kstate *want)
{
	size_t i;

	memset(want, 0, sizeof(*want));
	want->acls = calloc(cfg->acls.n ? cfg->acls.n : 1, sizeof(*want->acls));
	if (!want->acls)
		return -ENOMEM;
	for (i = 0; i < cfg->acls.n; i++) {
		if (vsmd_acl_info(config_acl_at(cfg, i), &want->acls[i])) {
			vsmd_kstate_free(want);
			return -ENOMEM;
		}
		want->nacls++;
	}
	want->qos = calloc(cfg->qos.n ? cfg->qos.n : 1, sizeof(*want->qos));
	if (!want->qos) {
		vsmd_kstate_free(want);
		return -ENOMEM;
	}
	for (i = 0; i < cfg->qos.n; i++)
		vsmd_qos_info(config_qos_at(cfg, i), &want->qos[i]);
	want->nqos = cfg->qos.n;
	want->profiles = calloc(cfg->profiles.n ? cfg->profiles.n : 1,
				sizeof(*want->profiles));
	want->ports = calloc(cfg->ifaces.n ? cfg->ifaces.n : 1,
			     sizeof(*want->ports));
	if (!want->profiles || !want->ports) {
		vsmd_kstate_free(want);
		return -ENOMEM;
	}
	for (i = 0; i < cfg->profiles.n; i++)
		desired_profile(cfg, config_profile_at(cfg, i),
				&want->profiles[i]);
	want->nprofiles = cfg->profiles.n;
	for (i = 0; i < cfg->ifaces.n; i++)
		desired_port(cfg, config_iface_at(cfg, i), &want->ports[i]);
	want->nports = cfg->ifaces.n;
	return 0;
}

static struct profile_info *find_profile(const struct vsmd_kstate *ks,
					 const char *name)
{
	size_t i;

	for (i = 0; i < ks->nprofiles; i++)
		if (!strcmp(ks->profiles[i].name, name))
			return &ks->profiles[i];
	return NULL;
}

struct port_info *vsmd_kstate_port(const struct vsmd_kstate *ks,
				   const struct port_ref *ref)
{
	size_t i;

	for (i = 0; i < ks->nports; i++)
		if (ks->ports[i].ref.type == ref->type &&
		    ks->ports[i].ref.id == ref->id)
			return &ks->ports[i];
	return NULL;
}

struct acl_info *vsmd_kstate_acl(const struct vsmd_kstate *ks,
				 const char *name)
{
	size_t i;

	for (i = 0; i < ks->nacls; i++)
		if (!strcmp(ks->acls[i].name, name))
			return &ks->acls[i];
	return NULL;
}

struct qos_info *vsmd_kstate_qos(const struct vsmd_kstate *ks,
				 const char *name)
{
	size_t i;

	for (i = 0; i < ks->nqos; i++)
		if (!strcmp(ks->qos[i].name, name))
			return &ks->qos[i];
	return NULL;
}

/* The QoS slots in mask (VEM_CFG_QOS_* bits) name the same policies. */
static bool qos_match(const char k[QOS_SLOTS][VEM_QOS_NAME_MAX + 1],
		      const char w[QOS_SLOTS][VEM_QOS_NAME_MAX + 1],
		      uint32_t mask)
{
	unsigned int d;

	for (d = 0; d < QOS_SLOTS; d++)
		if ((mask & (VEM_CFG_QOS_IN << d)) && strcmp(k[d], w[d]))
			return false;
	return true;
}

/* The ACL slots in mask (VEM_CFG_ACL_* bits) name the same ACLs. */
static bool acls_match(const char k[ACL_SLOTS][VEM_ACL_NAME_MAX + 1],
		       const char w[ACL_SLOTS][VEM_ACL_NAME_MAX + 1],
		       uint32_t mask)
{
	unsigned int b;

	for (b = 0; b < ACL_SLOTS; b++)
		if ((mask & acl_bit(b)) && strcmp(k[b], w[b]))
			return false;
	return true;
}

/* The storm-control limits in mask (VEM_CFG_STORM_* bits) are equal. */
static bool storm_match(const uint32_t k[STORM_KINDS],
			const uint32_t w[STORM_KINDS], uint32_t mask)
{
	unsigned int i;

	for (i = 0; i < STORM_KINDS; i++)
		if ((mask & storm_bit(i)) && k[i] != w[i])
			return false;
	return true;
}

static bool profile_matches(const struct profile_info *k,
			    const struct profile_info *w)
{
	return acls_match(k->acl, w->acl, ACL_BITS) &&
	       storm_match(k->storm, w->storm, STORM_BITS) &&
	       qos_match(k->qos, w->qos, VEM_CFG_QOS_IN | VEM_CFG_QOS_OUT) &&
	       k->mode == w->mode && k->access_vlan == w->access_vlan &&
	       k->native_vlan == w->native_vlan &&
	       !memcmp(k->trunk_vlans, w->trunk_vlans,
		       sizeof(k->trunk_vlans)) &&
	       k->shutdown == w->shutdown && k->max_ports == w->max_ports &&
	       k->enabled == w->enabled &&
	       psec_match(&k->psec, &w->psec, VSMD_PSEC_BITS);
}

/*
 * The kernel reports each item's effective value; for the items the port
 * sets itself that is its own value. The others come from the profile,
 * which is compared on its own.
 */
static bool port_matches(const struct port_info *k, const struct port_info *w)
{
	uint32_t own = w->own;

	if (strcmp(k->profile, w->profile) || k->own != own)
		return false;
	if ((own & VEM_CFG_MODE) && k->mode != w->mode)
		return false;
	if ((own & VEM_CFG_ACCESS_VLAN) && k->access_vlan != w->access_vlan)
		return false;
	if ((own & VEM_CFG_NATIVE_VLAN) && k->native_vlan != w->native_vlan)
		return false;
	if ((own & VEM_CFG_TRUNK_VLANS) &&
	    memcmp(k->trunk_vlans, w->trunk_vlans, sizeof(k->trunk_vlans)))
		return false;
	if ((own & VEM_CFG_SHUTDOWN) && k->shutdown != w->shutdown)
		return false;
	return psec_match(&k->psec, &w->psec, own) &&
	       acls_match(k->acl, w->acl, own) &&
	       storm_match(k->storm, w->storm, own) &&
	       qos_match(k->qos, w->qos, own);
}

struct sync {
	struct vsmd_kernel *k;
	struct vsmd_sync_stats *stats;
	char *err;
	size_t errlen;
};

static int failed(struct sync *s, int ret, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int failed(struct sync *s, int ret, const char *fmt, ...)
{
	char what[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(s->err, s->errlen, "%s: %s", what, s->k->ops->strerror(s->k));
	return ret;
}

static int push_port(struct sync *s, const struct port_info *p, bool create)
{
	char name[PORT_STRLEN];
	int ret;

	ret = s->k->ops->push_interface(s->k, p, create);
	if (ret) {
		port_format(&p->ref, PORT_FMT_WORDS, name, sizeof(name));
		return failed(s, ret, "%s interface %s",
			      create ? "create" : "configure", name);
	}
	if (create)
		s->stats->ports_new++;
	else
		s->stats->ports_set++;
	return 0;
}

/* Phase 1: stale ports go, leaving ports detach from their profile. */
static int release_ports(struct sync *s, struct vsmd_kstate *ks,
			 const struct vsmd_kstate *want)
{
	char name[PORT_STRLEN];
	size_t i;
	int ret;

	for (i = 0; i < ks->nports; i++) {
		struct port_info *kp = &ks->ports[i];
		const struct port_info *wp = vsmd_kstate_port(want, &kp->ref);
		struct port_info detach;

		if (!wp) {
			ret = s->k->ops->delete_interface(s->k, &kp->ref);
			if (ret) {
				port_format(&kp->ref, PORT_FMT_WORDS, name,
					    sizeof(name));
				return failed(s, ret, "delete interface %s",
					      name);
			}
			s->stats->ports_del++;
			/* Gone: phase 3 must not look at it. */
			kp->ref.type = VEM_PORT_UNSPEC;
			continue;
		}
		if (!kp->profile[0] || !strcmp(kp->profile, wp->profile))
			continue;
		detach = *wp;
		detach.profile[0] = '\0';
		detach.own = VSMD_CFG_ITEMS;
		detach.has = PORT_HAS_PROFILE | own_to_has(VSMD_CFG_ITEMS);
		ret = push_port(s, &detach, false);
		if (ret)
			return ret;
		detach.has = kp->has;
		*kp = detach;
	}
	return 0;
}

/* Phase 0: every ACL configured is in the kernel, as configured. */
static int sync_acls(struct sync *s, const struct vsmd_kstate *ks,
		     const struct vsmd_kstate *want)
{
	size_t i;
	int ret;

	for (i = 0; i < want->nacls; i++) {
		const struct acl_info *wa = &want->acls[i];
		const struct acl_info *ka = vsmd_kstate_acl(ks, wa->name);

		if (ka && vsmd_acl_same(ka, wa))
			continue;
		ret = s->k->ops->push_acl(s->k, wa, !ka);
		if (ret)
			return failed(s, ret, "%s access-list %s",
				      ka ? "configure" : "create", wa->name);
		if (ka)
			s->stats->acls_set++;
		else
			s->stats->acls_new++;
	}
	return 0;
}

/* Phase 4: ACLs nobody configures go, now that nothing names them. */
static int drop_acls(struct sync *s, const struct vsmd_kstate *ks,
		     const struct vsmd_kstate *want)
{
	size_t i;
	int ret;

	for (i = 0; i < ks->nacls; i++) {
		if (vsmd_kstate_acl(want, ks->acls[i].name))
			continue;
		ret = s->k->ops->delete_acl(s->k, ks->acls[i].name);
		if (ret)
			return failed(s, ret, "delete access-list %s",
				      ks->acls[i].name);
		s->stats->acls_del++;
	}
	return 0;
}

/* Phase 0: every policy-map configured is a kernel QoS policy. */
static int sync_qos(struct sync *s, const struct vsmd_kstate *ks,
		    const struct vsmd_kstate *want)
{
	size_t i;
	int ret;

	for (i = 0; i < want->nqos; i++) {
		const struct qos_info *wq = &want->qos[i];
		const struct qos_info *kq = vsmd_kstate_qos(ks, wq->name);

		if (kq && vsmd_qos_same(kq, wq))
			continue;
		ret = s->k->ops->push_qos(s->k, wq, !kq);
		if (ret)
			return failed(s, ret, "%s policy-map %s",
				      kq ? "configure" : "create", wq->name);
		if (kq)
			s->stats->qos_set++;
		else
			s->stats->qos_new++;
	}
	return 0;
}

/* Phase 4: QoS policies nobody configures go. */
static int drop_qos(struct sync *s, const struct vsmd_kstate *ks,
		    const struct vsmd_kstate *want)
{
	size_t i;
	int ret;

	for (i = 0; i < ks->nqos; i++) {
		if (vsmd_kstate_qos(want, ks->qos[i].name))
			continue;
		ret = s->k->ops->delete_qos(s->k, ks->qos[i].name);
		if (ret)
			return failed(s, ret, "delete policy-map %s",
				      ks->qos[i].name);
		s->stats->qos_del++;
	}
	return 0;
}

/* Phase 2 */
static int sync_profiles(struct sync *s, struct vsmd_kstate *ks,
			 const struct vsmd_kstate *want)
{
	size_t i;
	int ret;

	for (i = 0; i < ks->nprofiles; i++) {
		struct profile_info *kp = &ks->profiles[i];
		const struct profile_info *wp = find_profile(want, kp->name);

		if (wp && wp->type == kp->type)
			continue;
		ret = s->k->ops->delete_profile(s->k, kp->name);
		if (ret)
			return failed(s, ret, "delete port-profile %s",
				      kp->name);
		s->stats->profiles_del++;
		kp->name[0] = '\0';	/* names are never empty */
	}
	for (i = 0; i < want->nprofiles; i++) {
		const struct profile_info *wp = &want->profiles[i];
		const struct profile_info *kp = find_profile(ks, wp->name);
		struct profile_info set;

		if (!kp) {
			ret = s->k->ops->push_profile(s->k, wp, true);
			if (ret)
				return failed(s, ret, "create port-profile %s",
					      wp->name);
			s->stats->profiles_new++;
			continue;
		}
		if (profile_matches(kp, wp))
			continue;
		set = *wp;
		set.has &= ~PROFILE_HAS_TYPE;	/* refused in PROFILE_SET */
		ret = s->k->ops->push_profile(s->k, &set, false);
		if (ret)
			return failed(s, ret, "configure port-profile %s",
				      wp->name);
		s->stats->profiles_set++;
	}
	return 0;
}

/* Phase 3 */
static int sync_ports(struct sync *s, const struct vsmd_kstate *ks,
		      const struct vsmd_kstate *want)
{
	size_t i;
	int ret;

	for (i = 0; i < want->nports; i++) {
		const struct port_info *wp = &want->ports[i];
		const struct port_info *kp = vsmd_kstate_port(ks, &wp->ref);
		struct port_info set;

		if (!kp) {
			set = *wp;
			/* A new port has no profile to drop. */
			if (!set.profile[0])
				set.has &= ~PORT_HAS_PROFILE;
			ret = push_port(s, &set, true);
		} else if (!port_matches(kp, wp)) {
			set = *wp;
			set.clear = kp->own & ~wp->own;
			if (set.clear)
				set.has |= PORT_HAS_CLEAR;
			ret = push_port(s, &set, false);
		} else {
			ret = 0;
		}
		if (ret)
			return ret;
	}
	return 0;
}

int vsmd_sync(struct vsmd_kernel *k, const struct config *cfg,
	      struct vsmd_sync_stats *stats, char *err, size_t errlen)
{
	struct vsmd_sync_stats dummy;
	struct vsmd_kstate ks, want;
	struct sync s = { k, stats ? stats : &dummy, err, errlen };
	int ret;

	memset(s.stats, 0, sizeof(*s.stats));
	err[0] = '\0';
	ret = vsmd_desired(cfg, &want);
	if (ret) {
		snprintf(err, errlen, "out of memory");
		return ret;
	}
	ret = k->ops->list_kernel_state(k, &ks);
	if (ret) {
		failed(&s, ret, "read the kernel's state");
		vsmd_kstate_free(&want);
		return ret;
	}
	ret = sync_acls(&s, &ks, &want);
	if (!ret)
		ret = sync_qos(&s, &ks, &want);
	if (!ret)
		ret = release_ports(&s, &ks, &want);
	if (!ret)
		ret = sync_profiles(&s, &ks, &want);
	if (!ret)
		ret = sync_ports(&s, &ks, &want);
	if (!ret)
		ret = vsmd_sync_sticky(k, cfg, err, errlen);
	if (!ret)
		ret = drop_acls(&s, &ks, &want);
	if (!ret)
		ret = drop_qos(&s, &ks, &want);
	vsmd_kstate_free(&ks);
	vsmd_kstate_free(&want);
	return ret;
}
