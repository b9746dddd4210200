// SPDX-License-Identifier: GPL-2.0
/*
 * config_eval.c - inheritance: the rules a whole configuration obeys
 * (config_validate()) and the attributes a profile or an interface ends
 * up with (config_eval_*()).
 *
 * Evaluation, nearest wins: an interface's own (manual) attributes, then
 * its profile's, then that profile's parent's, and so on, then the
 * defaults of the port type. Inherited: switchport mode, access VLAN,
 * allowed VLANs, native VLAN, shutdown, max-ports, port-binding, the
 * access-lists of each kind and direction (each slot on its own), the
 * storm-control limits (each kind on its own), the service-policies, the
 * port-security items (not the sticky addresses, which are an
 * interface's own). Not
 * inherited, as in NX-OS: description, the owning VM (vm), and "state
 * enabled", which says
 * whether this very profile is applied to its interfaces.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "parse.h"

/* The attributes that a child takes from its parent. */
#define INHERITED (BIT(CONFIG_ATTR_MODE) | BIT(CONFIG_ATTR_ACCESS_VLAN) | \
		   BIT(CONFIG_ATTR_TRUNK_VLANS) | BIT(CONFIG_ATTR_NATIVE_VLAN) | \
		   BIT(CONFIG_ATTR_SHUTDOWN) | BIT(CONFIG_ATTR_MAX_PORTS) | \
		   BIT(CONFIG_ATTR_BINDING) | ACL_ATTRS | STORM_ATTRS | QOS_ATTRS | \
		   PSEC_ATTRS)

#define QOS_ATTRS (BIT(CONFIG_ATTR_QOS_IN) | BIT(CONFIG_ATTR_QOS_OUT))

#define PSEC_ATTRS (BIT(CONFIG_ATTR_PSEC) | BIT(CONFIG_ATTR_PSEC_MAX) | \
		    BIT(CONFIG_ATTR_PSEC_VIOLATION) | BIT(CONFIG_ATTR_PSEC_STICKY))

#define ACL_ATTRS ((BIT(CONFIG_ACL_BINDS) - 1) << CONFIG_ATTR_ACL_IP_IN)
#define STORM_ATTRS ((BIT(CONFIG_STORM_KINDS) - 1) << CONFIG_ATTR_STORM_BCAST)

/*
 * What the kernel does with a port nobody configured (vem.h): a vEth is
 * an access port in VLAN 1, an uplink a trunk of every VLAN, native 1.
 */
static void eval_defaults(struct config_eval *ev, uint8_t type)
{
	unsigned int vid;

	memset(ev, 0, sizeof(*ev));
	ev->type = type;
	ev->mode = type == VEM_PORT_UPLINK ? VEM_PORT_MODE_TRUNK :
					     VEM_PORT_MODE_ACCESS;
	ev->access_vlan = 1;
	ev->native_vlan = 1;
	for (vid = 1; vid <= VEM_VLAN_MAX; vid++)
		vlan_bitmap_set(ev->trunk_vlans, vid);
	ev->shutdown = false;
	ev->max_ports = CONFIG_MAX_PORTS_DEFAULT;
	ev->binding = CONFIG_BINDING_STATIC;
	ev->psec_max = 1;
	ev->psec_violation = VEM_PSEC_SHUTDOWN;
}

/* The inherited attributes set in a, over what ev holds. */
static void eval_overlay(struct config_eval *ev, const struct config_attrs *a,
			 enum config_src src,
			 const struct config_profile *from)
{
	unsigned int attr;

	for (attr = 0; attr < CONFIG_ATTR_COUNT; attr++) {
		if (!(a->set & INHERITED & BIT(attr)))
			continue;
		ev->from[attr].src = src;
		ev->from[attr].profile = from;
	}
	if (config_has(a, CONFIG_ATTR_MODE))
		ev->mode = a->mode;
	if (config_has(a, CONFIG_ATTR_ACCESS_VLAN))
		ev->access_vlan = a->access_vlan;
	if (config_has(a, CONFIG_ATTR_TRUNK_VLANS))
		memcpy(ev->trunk_vlans, a->trunk_vlans,
		       sizeof(ev->trunk_vlans));
	if (config_has(a, CONFIG_ATTR_NATIVE_VLAN))
		ev->native_vlan = a->native_vlan;
	if (config_has(a, CONFIG_ATTR_SHUTDOWN))
		ev->shutdown = a->shutdown;
	if (config_has(a, CONFIG_ATTR_MAX_PORTS))
		ev->max_ports = a->max_ports;
	if (config_has(a, CONFIG_ATTR_BINDING))
		ev->binding = a->binding;
	if (config_has(a, CONFIG_ATTR_PSEC))
		ev->psec = a->psec;
	if (config_has(a, CONFIG_ATTR_PSEC_MAX))
		ev->psec_max = a->psec_max;
	if (config_has(a, CONFIG_ATTR_PSEC_VIOLATION))
		ev->psec_violation = a->psec_violation;
	if (config_has(a, CONFIG_ATTR_PSEC_STICKY))
		ev->psec_sticky = a->psec_sticky;
	for (attr = 0; attr < CONFIG_ACL_BINDS; attr++)
		if (config_has(a, CONFIG_ATTR_ACL(attr)))
			strcpy(ev->acl[attr], a->acl[attr]);
	for (attr = 0; attr < CONFIG_STORM_KINDS; attr++)
		if (config_has(a, CONFIG_ATTR_STORM(attr)))
			ev->storm[attr] = a->storm[attr];
	for (attr = 0; attr < CONFIG_QOS_DIRS; attr++)
		if (config_has(a, CONFIG_ATTR_QOS(attr)))
			strcpy(ev->qos[attr], a->qos[attr]);
}

static const struct config_profile *parent_of(const struct config *cfg,
					      const struct config_attrs *a)
{
	if (!config_has(a, CONFIG_ATTR_INHERIT))
		return NULL;
	return config_profile_find(cfg, a->inherit);
}

void config_eval_profile(const struct config *cfg,
			 const struct config_profile *pp,
			 struct config_eval *ev)
{
	const struct config_profile *chain[CONFIG_INHERIT_MAX];
	size_t n = 0;

	/*
	 * Farthest ancestor first, so that nearer ones overwrite it. The
	 * bound keeps an unvalidated model (a cycle in the middle of a
	 * batch) from looping.
	 */
	chain[n++] = pp;
	while (n < CONFIG_INHERIT_MAX && (chain[n] = parent_of(cfg,
							       &chain[n - 1]->a)))
		n++;
	eval_defaults(ev, pp->type);
	while (--n > 0)
		eval_overlay(ev, &chain[n]->a, CONFIG_SRC_PROFILE, chain[n]);
	eval_overlay(ev, &pp->a, CONFIG_SRC_OWN, NULL);
	ev->state_enabled = config_has(&pp->a, CONFIG_ATTR_STATE);
	if (ev->state_enabled)
		ev->from[CONFIG_ATTR_STATE].src = CONFIG_SRC_OWN;
}

void config_eval_iface(const struct config *cfg,
		       const struct config_iface *ifc, struct config_eval *ev)
{
	const struct config_profile *pp = parent_of(cfg, &ifc->a);
	unsigned int attr;

	if (pp) {
		config_eval_profile(cfg, pp, ev);
		/* What the profile holds itself reaches us from it. */
		for (attr = 0; attr < CONFIG_ATTR_COUNT; attr++) {
			if (ev->from[attr].src != CONFIG_SRC_OWN)
				continue;
			ev->from[attr].src = CONFIG_SRC_PROFILE;
			ev->from[attr].profile = pp;
		}
		ev->type = ifc->ref.type;
		ev->profile = pp;
	} else {
		eval_defaults(ev, ifc->ref.type);
		/* Nothing to wait for: manual configuration always applies. */
		ev->state_enabled = true;
	}
	eval_overlay(ev, &ifc->a, CONFIG_SRC_OWN, NULL);
}

static void ref_words(const struct config_iface *ifc, char *buf, size_t len)
{
	port_format(&ifc->ref, PORT_FMT_WORDS, buf, len);
}

static int fail(struct config_error *err, unsigned int line, const char *fmt,
		...) __attribute__((format(printf, 3, 4)));

static int fail(struct config_error *err, unsigned int line, const char *fmt,
		...)
{
	va_list ap;

	err->line = line;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/* Every inherit names an existing profile of the same type. */
static int check_parents(const struct config *cfg, struct config_error *err)
{
	const struct config_profile *parent;
	char port[PORT_STRLEN];
	size_t i;

	for (i = 0; i < cfg->profiles.n; i++) {
		const struct config_profile *pp = config_profile_at(cfg, i);
		unsigned int line = pp->a.line[CONFIG_ATTR_INHERIT];

		if (!config_has(&pp->a, CONFIG_ATTR_INHERIT))
			continue;
		parent = config_profile_find(cfg, pp->a.inherit);
		if (!parent)
			return fail(err, line,
				    "port-profile %s inherits port-profile %s, which does not exist",
				    pp->name, pp->a.inherit);
		if (parent->type != pp->type)
			return fail(err, line,
				    "port-profile %s is of type %s and cannot inherit port-profile %s of type %s",
				    pp->name, port_type_name(pp->type),
				    parent->name, port_type_name(parent->type));
	}
	for (i = 0; i < cfg->ifaces.n; i++) {
		const struct config_iface *ifc = config_iface_at(cfg, i);
		unsigned int line = ifc->a.line[CONFIG_ATTR_INHERIT];

		if (!config_has(&ifc->a, CONFIG_ATTR_INHERIT))
			continue;
		ref_words(ifc, port, sizeof(port));
		parent = config_profile_find(cfg, ifc->a.inherit);
		if (!parent)
			return fail(err, line,
				    "interface %s inherits port-profile %s, which does not exist",
				    port, ifc->a.inherit);
		if (parent->type != ifc->ref.type)
			return fail(err, line,
				    "interface %s cannot inherit port-profile %s of type %s",
				    port, parent->name,
				    port_type_name(parent->type));
	}
	return 0;
}

/*
 * "a inherits b inherits c" into buf: pp, then 'steps' parents up. Returns
 * the latest line of this batch among the inherit lines walked.
 */
static unsigned int chain_text(const struct config *cfg,
			       const struct config_profile *pp,
			       unsigned int steps, char *buf, size_t len)
{
	unsigned int line = 0;
	size_t pos;
	int n;

	n = snprintf(buf, len, "%s", pp->name);
	pos = n < 0 ? len : (size_t)n;
	while (steps-- && pp) {
		if (pp->a.line[CONFIG_ATTR_INHERIT] > line)
			line = pp->a.line[CONFIG_ATTR_INHERIT];
		if (pos < len) {
			n = snprintf(buf + pos, len - pos, " inherits %s",
				     pp->a.inherit);
			pos = n < 0 ? len : pos + n;
		}
		pp = config_profile_find(cfg, pp->a.inherit);
	}
	return line;
}

/*
 * No cycle, no chain longer than CONFIG_INHERIT_MAX profiles. Each profile
 * is walked once: a walk stops at a profile whose depth is known. Parents
 * exist (check_parents() ran first).
 */
static int check_chains(const struct config *cfg, struct config_error *err)
{
	size_t n = cfg->profiles.n, i, len, k;
	enum { NEW, ON_PATH, DONE };
	unsigned int *depth = calloc(n ? n : 1, sizeof(*depth));
	unsigned char *state = calloc(n ? n : 1, 1);
	size_t *path = calloc(n ? n : 1, sizeof(*path));
	char chain[CONFIG_ERR_LEN];
	unsigned int line;
	int ret = 0;

	if (!depth || !state || !path) {
		fail(err, 0, "out of memory");
		ret = -ENOMEM;
		goto out;
	}
	for (i = 0; i < n && !ret; i++) {
		unsigned int base = 0;
		size_t j = i;

		for (len = 0; state[j] != DONE; ) {
			const struct config_profile *pp;
			long parent;

			if (state[j] == ON_PATH) {
				for (k = 0; path[k] != j; k++)
					;
				line = chain_text(cfg, config_profile_at(cfg, j),
						  len - k, chain,
						  sizeof(chain));
				ret = fail(err, line, "inheritance cycle: %s",
					   chain);
				goto out;
			}
			state[j] = ON_PATH;
			path[len++] = j;
			pp = config_profile_at(cfg, j);
			if (!config_has(&pp->a, CONFIG_ATTR_INHERIT))
				break;
			parent = config_profile_index(cfg, pp->a.inherit);
			if (parent < 0)
				break;
			j = parent;
		}
		if (state[j] == DONE)
			base = depth[j];
		for (k = len; k-- > 0; ) {
			depth[path[k]] = ++base;
			state[path[k]] = DONE;
			if (base <= CONFIG_INHERIT_MAX)
				continue;
			/* path[k] heads a chain one profile too long. */
			line = chain_text(cfg, config_profile_at(cfg, path[k]),
					  CONFIG_INHERIT_MAX, chain,
					  sizeof(chain));
			ret = fail(err, line,
				   "inheritance deeper than %d port-profiles: %s",
				   CONFIG_INHERIT_MAX, chain);
			goto out;
		}
	}
out:
	free(depth);
	free(state);
	free(path);
	return ret;
}

/* No vethernet profile is inherited by more interfaces than max-ports. */
static int check_max_ports(const struct config *cfg,
			   struct config_error *err)
{
	size_t n = cfg->profiles.n, i;
	unsigned int *count = calloc(n ? n : 1, sizeof(*count));
	unsigned int *line = calloc(n ? n : 1, sizeof(*line));
	struct config_eval ev;
	int ret = 0;

	if (!count || !line) {
		fail(err, 0, "out of memory");
		ret = -ENOMEM;
		goto out;
	}
	for (i = 0; i < cfg->ifaces.n; i++) {
		const struct config_iface *ifc = config_iface_at(cfg, i);
		long at;

		if (!config_has(&ifc->a, CONFIG_ATTR_INHERIT))
			continue;
		at = config_profile_index(cfg, ifc->a.inherit);
		if (at < 0)
			continue;
		count[at]++;
		if (ifc->a.line[CONFIG_ATTR_INHERIT] > line[at])
			line[at] = ifc->a.line[CONFIG_ATTR_INHERIT];
	}
	for (i = 0; i < n; i++) {
		const struct config_profile *pp = config_profile_at(cfg, i);
		const struct config_profile *from;

		/* Uplink profiles are shared by every host's uplinks. */
		if (pp->type != VEM_PORT_VETH || !count[i])
			continue;
		config_eval_profile(cfg, pp, &ev);
		if (count[i] <= ev.max_ports)
			continue;
		/*
		 * No interface of this batch: blame the max-ports line that
		 * lowered it, here or in the ancestor it comes from.
		 */
		if (!line[i]) {
			from = ev.from[CONFIG_ATTR_MAX_PORTS].profile;
			line[i] = pp->a.line[CONFIG_ATTR_MAX_PORTS];
			if (from && from->a.line[CONFIG_ATTR_MAX_PORTS] > line[i])
				line[i] = from->a.line[CONFIG_ATTR_MAX_PORTS];
		}
		ret = fail(err, line[i],
			   "port-profile %s has max-ports %u but %u interfaces inherit it",
			   pp->name, ev.max_ports, count[i]);
		break;
	}
out:
	free(count);
	free(line);
	return ret;
}

/* The access-list of slot b of a, which names one: whether it exists. */
static int check_acl(const struct config *cfg, const struct config_attrs *a,
		     unsigned int b, const char *who, struct config_error *err)
{
	uint8_t kind = b / CONFIG_ACL_DIRS, other;
	const char *kname = config_acl_kind_name(kind);

	if (config_acl_find(cfg, kind, a->acl[b]))
		return 0;
	for (other = 0; other < CONFIG_ACL_KINDS; other++)
		if (config_acl_find(cfg, other, a->acl[b]))
			return fail(err, a->line[CONFIG_ATTR_ACL(b)],
				    "%s uses %s access-list %s, which does not exist (%s is a %s access-list)",
				    who, kname, a->acl[b], a->acl[b],
				    config_acl_kind_name(other));
	return fail(err, a->line[CONFIG_ATTR_ACL(b)],
		    "%s uses %s access-list %s, which does not exist", who,
		    kname, a->acl[b]);
}

/*
 * Every access-list attached (own attributes) exists, of its kind; no two
 * lists share a name: the kernel knows ACLs by name alone.
 */
static int check_acls(const struct config *cfg, struct config_error *err)
{
	char who[CONFIG_NAME_MAX + 32], port[PORT_STRLEN];
	unsigned int b;
	uint8_t other;
	size_t i;

	for (i = 0; i < cfg->acls.n; i++) {
		const struct config_acl *acl = config_acl_at(cfg, i);

		for (other = acl->kind + 1; other < CONFIG_ACL_KINDS; other++)
			if (config_acl_find(cfg, other, acl->name))
				return fail(err, 0,
					    "%s access-list %s and %s access-list %s: access-lists of different kinds need different names",
					    config_acl_kind_name(acl->kind),
					    acl->name,
					    config_acl_kind_name(other),
					    acl->name);
	}

	for (i = 0; i < cfg->profiles.n; i++) {
		const struct config_profile *pp = config_profile_at(cfg, i);

		snprintf(who, sizeof(who), "port-profile %s", pp->name);
		for (b = 0; b < CONFIG_ACL_BINDS; b++)
			if (config_has(&pp->a, CONFIG_ATTR_ACL(b)) &&
			    check_acl(cfg, &pp->a, b, who, err))
				return -EINVAL;
	}
	for (i = 0; i < cfg->ifaces.n; i++) {
		const struct config_iface *ifc = config_iface_at(cfg, i);

		ref_words(ifc, port, sizeof(port));
		snprintf(who, sizeof(who), "interface %s", port);
		for (b = 0; b < CONFIG_ACL_BINDS; b++)
			if (config_has(&ifc->a, CONFIG_ATTR_ACL(b)) &&
			    check_acl(cfg, &ifc->a, b, who, err))
				return -EINVAL;
	}
	return 0;
}

/* Every policy-map attached (own attributes) exists. */
static int check_qos_attrs(const struct config *cfg,
			   const struct config_attrs *a, const char *who,
			   struct config_error *err)
{
	unsigned int d;

	for (d = 0; d < CONFIG_QOS_DIRS; d++)
		if (config_has(a, CONFIG_ATTR_QOS(d)) &&
		    !config_qos_find(cfg, a->qos[d]))
			return fail(err, a->line[CONFIG_ATTR_QOS(d)],
				    "%s uses policy-map %s, which does not exist",
				    who, a->qos[d]);
	return 0;
}

static int check_qos(const struct config *cfg, struct config_error *err)
{
	char who[CONFIG_NAME_MAX + 32], port[PORT_STRLEN];
	size_t i;

	for (i = 0; i < cfg->profiles.n; i++) {
		const struct config_profile *pp = config_profile_at(cfg, i);

		snprintf(who, sizeof(who), "port-profile %s", pp->name);
		if (check_qos_attrs(cfg, &pp->a, who, err))
			return -EINVAL;
	}
	for (i = 0; i < cfg->ifaces.n; i++) {
		const struct config_iface *ifc = config_iface_at(cfg, i);

		ref_words(ifc, port, sizeof(port));
		snprintf(who, sizeof(who), "interface %s", port);
		if (check_qos_attrs(cfg, &ifc->a, who, err))
			return -EINVAL;
	}
	return 0;
}

/* A VM vNIC owns one vethernet at most. */
static int check_vms(const struct config *cfg, struct config_error *err)
{
	char port[PORT_STRLEN], other[PORT_STRLEN], mac[MAC_STRLEN];
	size_t i;

	for (i = 0; i < cfg->ifaces.n; i++) {
		const struct config_iface *ifc = config_iface_at(cfg, i);
		const struct config_iface *first;

		if (!config_has(&ifc->a, CONFIG_ATTR_VM))
			continue;
		first = config_iface_find_vm(cfg, ifc->a.vm, ifc->a.vm_mac);
		if (first == ifc)
			continue;
		ref_words(first, other, sizeof(other));
		ref_words(ifc, port, sizeof(port));
		mac_format_dotted(ifc->a.vm_mac, mac);
		return fail(err, ifc->a.line[CONFIG_ATTR_VM] >
				 first->a.line[CONFIG_ATTR_VM] ?
				 ifc->a.line[CONFIG_ATTR_VM] :
				 first->a.line[CONFIG_ATTR_VM],
			    "vm %s mac %s belongs to interface %s and interface %s",
			    ifc->a.vm, mac, other, port);
	}
	return 0;
}

int config_validate(const struct config *cfg, struct config_error *err)
{
	int ret;

	err->line = 0;
	err->msg[0] = '\0';
	ret = check_parents(cfg, err);
	if (!ret)
		ret = check_chains(cfg, err);
	if (!ret)
		ret = check_max_ports(cfg, err);
	if (!ret)
		ret = check_vms(cfg, err);
	if (!ret)
		ret = check_acls(cfg, err);
	if (!ret)
		ret = check_qos(cfg, err);
	return ret;
}
