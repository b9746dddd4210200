// SPDX-License-Identifier: GPL-2.0
/*
 * vsmd_show.c - show running-config, show port-profile and show interface
 * virtual from the model; the profiles exported as libvirt port groups.
 *
 * "show port-profile name web" shows, as the Nexus 1000V does, what the
 * profile sets itself (config attributes), what it ends up with once
 * inheritance is resolved (evaluated config attributes), the interfaces
 * that inherit it and how many of its max-ports they use.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "print.h"
#include "vsmd_show.h"
#include "vsmd_sync.h"

/* A model holding only what the filter selects, for JSON. */
static int filtered(const struct config *cfg,
		    const struct config_filter *filter, struct config *out)
{
	size_t i;

	config_init(out);
	if (config_clone(out, cfg))
		return -ENOMEM;
	if (filter->show == CONFIG_SHOW_ALL)
		return 0;
	while (out->vlans.n)
		config_vlan_del(out, config_vlan_at(out, 0)->id);
	for (i = out->profiles.n; i-- > 0; ) {
		char name[CONFIG_NAME_MAX + 1];

		/* A copy: the name goes with the profile. */
		strcpy(name, config_profile_at(out, i)->name);

		if (filter->show == CONFIG_SHOW_PROFILE &&
		    !strcmp(name, filter->name))
			continue;
		if (filter->show == CONFIG_SHOW_PROFILES)
			continue;
		config_profile_del(out, name);
	}
	for (i = out->ifaces.n; i-- > 0; ) {
		struct port_ref ref = config_iface_at(out, i)->ref;

		if (filter->show == CONFIG_SHOW_IFACE &&
		    ref.type == filter->ref.type && ref.id == filter->ref.id)
			continue;
		config_iface_del(out, &ref);
	}
	return 0;
}

int vsmd_show_running(FILE *f, const struct config *cfg,
		      const struct config_filter *filter, bool json,
		      bool pretty)
{
	struct config sub;
	struct json j;
	int ret;

	if (!json)
		return config_print(f, cfg, filter);
	if (filter->show == CONFIG_SHOW_PROFILE &&
	    !config_profile_find(cfg, filter->name))
		return -ENOENT;
	if (filter->show == CONFIG_SHOW_IFACE &&
	    !config_iface_find(cfg, &filter->ref))
		return -ENOENT;
	ret = filtered(cfg, filter, &sub);
	if (!ret) {
		json_init(&j, f, pretty);
		config_json(&j, &sub);
	}
	config_free(&sub);
	return ret;
}

/* The interfaces that inherit pp (directly). */
static size_t users(const struct config *cfg, const struct config_profile *pp,
		    const struct config_iface **out)
{
	size_t i, n = 0;

	for (i = 0; i < cfg->ifaces.n; i++) {
		const struct config_iface *ifc = config_iface_at(cfg, i);

		if (config_has(&ifc->a, CONFIG_ATTR_INHERIT) &&
		    !strcmp(ifc->a.inherit, pp->name)) {
			if (out)
				out[n] = ifc;
			n++;
		}
	}
	return n;
}

/* The profiles that inherit pp. */
static size_t children(const struct config *cfg,
		       const struct config_profile *pp)
{
	size_t i, n = 0;

	for (i = 0; i < cfg->profiles.n; i++) {
		const struct config_profile *c = config_profile_at(cfg, i);

		if (config_has(&c->a, CONFIG_ATTR_INHERIT) &&
		    !strcmp(c->a.inherit, pp->name))
			n++;
	}
	return n;
}

static unsigned int count_bits(unsigned int v)
{
	return __builtin_popcount(v);
}

/* The evaluated attributes as config lines. */
static void print_eval(FILE *f, const struct config_eval *ev)
{
	char list[VLAN_LIST_STRLEN];
	unsigned int b;

	fprintf(f, "  switchport mode %s\n", config_mode_name(ev->mode));
	if (ev->mode == VEM_PORT_MODE_ACCESS) {
		fprintf(f, "  switchport access vlan %u\n", ev->access_vlan);
	} else {
		vlan_bitmap_format(ev->trunk_vlans, list, sizeof(list));
		fprintf(f, "  switchport trunk allowed vlan %s\n", list);
		if (ev->native_vlan)
			fprintf(f, "  switchport trunk native vlan %u\n",
				ev->native_vlan);
		else
			fputs("  switchport trunk native vlan none\n", f);
	}
	for (b = 0; b < CONFIG_ACL_BINDS; b++)
		if (ev->acl[b][0])
			fprintf(f, "  %s %s %s\n",
				config_acl_bind_cmd(b / CONFIG_ACL_DIRS),
				ev->acl[b], config_acl_dir_name(b % CONFIG_ACL_DIRS));
	for (b = 0; b < CONFIG_STORM_KINDS; b++)
		if (ev->storm[b])
			fprintf(f, "  storm-control %s level pps %u\n",
				config_storm_kind_name(b), ev->storm[b]);
	if (ev->type == VEM_PORT_VETH) {
		fprintf(f, "  max-ports %u\n", ev->max_ports);
		fprintf(f, "  port-binding %s\n",
			config_binding_name(ev->binding));
	}
	fputs(ev->shutdown ? "  shutdown\n" : "  no shutdown\n", f);
}

static int show_one(FILE *f, const struct config *cfg,
		    const struct config_profile *pp)
{
	const struct config_iface **ifcs;
	struct config_eval ev;
	char port[PORT_STRLEN];
	size_t n, i;

	n = users(cfg, pp, NULL);
	ifcs = calloc(n ? n : 1, sizeof(*ifcs));
	if (!ifcs)
		return -ENOMEM;
	users(cfg, pp, ifcs);
	config_eval_profile(cfg, pp, &ev);
	fprintf(f, "port-profile %s\n", pp->name);
	fprintf(f, " type: %s\n", pp->type == VEM_PORT_VETH ? "Vethernet" :
							    "Ethernet");
	fprintf(f, " description: %s\n",
		config_has(&pp->a, CONFIG_ATTR_DESCRIPTION) ?
		pp->a.description : "");
	fprintf(f, " status: %s\n", ev.state_enabled ? "enabled" : "disabled");
	if (pp->type == VEM_PORT_VETH)
		fprintf(f, " max-ports: %u (%zu used)\n", ev.max_ports, n);
	fprintf(f, " inherit: %s\n",
		config_has(&pp->a, CONFIG_ATTR_INHERIT) ? pp->a.inherit : "");
	fputs(" config attributes:\n", f);
	config_print_attrs(f, &pp->a);
	fputs(" evaluated config attributes:\n", f);
	print_eval(f, &ev);
	fputs(" assigned interfaces:\n", f);
	for (i = 0; i < n; i++) {
		port_format(&ifcs[i]->ref, PORT_FMT_LONG, port, sizeof(port));
		fprintf(f, "  %s\n", port);
	}
	free(ifcs);
	return 0;
}

static void json_one(struct json *j, const struct config *cfg,
		     const struct config_profile *pp)
{
	char port[PORT_STRLEN];
	struct config_eval ev;
	size_t i;

	config_eval_profile(cfg, pp, &ev);
	json_obj_begin(j);
	json_kv_str(j, "name", pp->name);
	json_kv_str(j, "type", port_type_name(pp->type));
	json_kv_bool(j, "enabled", ev.state_enabled);
	json_key(j, "own");
	json_obj_begin(j);
	config_attrs_json(j, &pp->a);
	json_obj_end(j);
	json_key(j, "evaluated");
	json_obj_begin(j);
	config_eval_json(j, &ev);
	json_obj_end(j);
	json_key(j, "interfaces");
	json_arr_begin(j);
	for (i = 0; i < cfg->ifaces.n; i++) {
		const struct config_iface *ifc = config_iface_at(cfg, i);

		if (!config_has(&ifc->a, CONFIG_ATTR_INHERIT) ||
		    strcmp(ifc->a.inherit, pp->name))
			continue;
		port_format(&ifc->ref, PORT_FMT_JSON, port, sizeof(port));
		json_str(j, port);
	}
	json_arr_end(j);
	if (pp->type == VEM_PORT_VETH)
		json_kv_u64(j, "max_ports", ev.max_ports);
	json_kv_u64(j, "ports_used", users(cfg, pp, NULL));
	json_kv_u64(j, "child_profiles", children(cfg, pp));
	json_obj_end(j);
}

static void brief(FILE *f, const struct config *cfg)
{
	size_t i;

	fprintf(f, "%-24s %-9s %-8s %5s %5s %6s %5s %9s\n", "Port-profile",
		"Type", "State", "Conf", "Eval", "Intfs", "Child", "Max-ports");
	fprintf(f, "%-24s %-9s %-8s %5s %5s %6s %5s %9s\n", "Name", "", "",
		"Items", "Items", "", "Profs", "Used/Max");
	for (i = 0; i < cfg->profiles.n; i++) {
		const struct config_profile *pp = config_profile_at(cfg, i);
		struct config_eval ev;
		char max[32] = "-";
		size_t n = users(cfg, pp, NULL);
		unsigned int eval_items = 0, attr;

		config_eval_profile(cfg, pp, &ev);
		for (attr = 0; attr < CONFIG_ATTR_COUNT; attr++)
			if (ev.from[attr].src != CONFIG_SRC_DEFAULT)
				eval_items++;
		if (pp->type == VEM_PORT_VETH)
			snprintf(max, sizeof(max), "%zu/%u", n, ev.max_ports);
		fprintf(f, "%-24s %-9s %-8s %5u %5u %6zu %5zu %9s\n", pp->name,
			pp->type == VEM_PORT_VETH ? "Vethernet" : "Ethernet",
			ev.state_enabled ? "enabled" : "disabled",
			count_bits(pp->a.set), eval_items, n,
			children(cfg, pp), max);
	}
}

int vsmd_show_profiles(FILE *f, const struct config *cfg,
		       enum vsmd_pp_show what, const char *name, bool json,
		       bool pretty)
{
	const struct config_profile *pp = NULL;
	struct json j;
	size_t i;
	int ret;

	if (what == VSMD_PP_NAME) {
		pp = config_profile_find(cfg, name);
		if (!pp)
			return -ENOENT;
	}
	if (json) {
		json_init(&j, f, pretty);
		if (pp) {
			json_one(&j, cfg, pp);
			return 0;
		}
		json_arr_begin(&j);
		for (i = 0; i < cfg->profiles.n; i++)
			json_one(&j, cfg, config_profile_at(cfg, i));
		json_arr_end(&j);
		return 0;
	}
	if (pp)
		return show_one(f, cfg, pp);
	if (what == VSMD_PP_BRIEF) {
		brief(f, cfg);
		return 0;
	}
	for (i = 0; i < cfg->profiles.n; i++) {
		if (i)
			fputc('\n', f);
		ret = show_one(f, cfg, config_profile_at(cfg, i));
		if (ret)
			return ret;
	}
	return 0;
}

static const char *kport_dev(const struct port_info *kp)
{
	return kp && kp->ifindex && (kp->has & PORT_HAS_IFNAME) ?
	       kp->ifname : NULL;
}

/* As "show interface brief" says it: up, or down (and why, in JSON). */
static bool kport_up(const struct port_info *kp)
{
	return kp && !port_down_reason(kp);
}

int vsmd_show_virtual(FILE *f, const struct config *cfg,
		      const struct vsmd_kstate *ks, bool json, bool pretty)
{
	char port[PORT_STRLEN], mac[MAC_STRLEN];
	struct config_eval ev;
	struct json j;
	size_t i;

	if (json) {
		json_init(&j, f, pretty);
		json_arr_begin(&j);
	} else {
		fprintf(f, "%-10s %-24s %-14s %-15s %-20s %-9s %s\n", "Port",
			"VM", "MAC", "Device", "Port-profile", "Binding",
			"Status");
	}
	for (i = 0; i < cfg->ifaces.n; i++) {
		const struct config_iface *ifc = config_iface_at(cfg, i);
		const struct port_info *kp = vsmd_kstate_port(ks, &ifc->ref);
		const char *dev = kport_dev(kp), *down;

		if (!config_has(&ifc->a, CONFIG_ATTR_VM))
			continue;
		config_eval_iface(cfg, ifc, &ev);
		if (json) {
			port_format(&ifc->ref, PORT_FMT_JSON, port,
				    sizeof(port));
			mac_format_colon(ifc->a.vm_mac, mac);
			down = kp ? port_down_reason(kp) : "not in the kernel";
			json_obj_begin(&j);
			json_kv_str(&j, "interface", port);
			json_kv_u64(&j, "id", ifc->ref.id);
			json_kv_str(&j, "vm", ifc->a.vm);
			json_kv_str(&j, "mac", mac);
			if (dev)
				json_kv_str(&j, "dev", dev);
			else
				json_kv_null(&j, "dev");
			if (ev.profile)
				json_kv_str(&j, "profile", ev.profile->name);
			else
				json_kv_null(&j, "profile");
			json_kv_str(&j, "binding",
				    config_binding_name(ev.binding));
			json_kv_bool(&j, "up", !down);
			if (down)
				json_kv_str(&j, "down_reason", down);
			json_obj_end(&j);
			continue;
		}
		port_format(&ifc->ref, PORT_FMT_SHORT, port, sizeof(port));
		mac_format_dotted(ifc->a.vm_mac, mac);
		fprintf(f, "%-10s %-24s %-14s %-15s %-20s %-9s %s\n", port,
			ifc->a.vm, mac, dev ? dev : "--",
			ev.profile ? ev.profile->name : "--",
			config_binding_name(ev.binding),
			kp && port_err_disabled(kp) ? port_err_reason(kp) :
			kport_up(kp) ? "up" : "down");
	}
	if (json)
		json_arr_end(&j);
	return 0;
}

/*
 * The port-profiles VMs can use (vethernet, enabled) as the port groups of
 * a libvirt network. Its bridge is a parking place: libvirt enslaves each
 * tap to it, the bridge stays down so that a parked tap forwards nothing,
 * and the hook (tools/libvirt-hook) moves the tap to its vethernet.
 * Names are [A-Za-z0-9_.-] (config_check_name()): nothing to escape.
 */
int vsmd_export_libvirt(FILE *f, const struct config *cfg, const char *net,
			const char *bridge)
{
	struct config_eval ev;
	size_t i;

	fprintf(f, "<!-- vnlink port-profiles as libvirt port groups: "
		   "virsh net-define FILE; virsh net-start %s -->\n", net);
	fprintf(f, "<network>\n");
	fprintf(f, "  <name>%s</name>\n", net);
	fprintf(f, "  <forward mode='bridge'/>\n");
	fprintf(f, "  <bridge name='%s'/>\n", bridge);
	for (i = 0; i < cfg->profiles.n; i++) {
		const struct config_profile *pp = config_profile_at(cfg, i);

		if (pp->type != VEM_PORT_VETH)
			continue;
		config_eval_profile(cfg, pp, &ev);
		if (ev.state_enabled)
			fprintf(f, "  <portgroup name='%s'/>\n", pp->name);
	}
	fprintf(f, "</network>\n");
	return 0;
}

/* The hits of entry seq in the kernel's ACL, -1 if it has no such entry. */
static long long khits(const struct acl_info *ka, uint32_t seq)
{
	size_t i;

	for (i = 0; ka && i < ka->n; i++)
		if (ka->entries[i].seq == seq)
			return (long long)ka->entries[i].hits;
	return -1;
}

static void acl_json(struct json *j, const struct config_acl *acl,
		     const struct acl_info *ka)
{
	char text[256];
	long long hits;
	size_t i;

	json_obj_begin(j);
	json_kv_str(j, "name", acl->name);
	json_kv_str(j, "kind", config_acl_kind_name(acl->kind));
	json_key(j, "entries");
	json_arr_begin(j);
	for (i = 0; i < acl->n; i++) {
		const struct config_acl_entry *e = &acl->entries[i];

		config_acl_entry_text(e, acl->kind, text, sizeof(text));
		json_obj_begin(j);
		json_kv_u64(j, "seq", e->seq);
		json_kv_str(j, "entry", text);
		hits = khits(ka, e->seq);
		if (e->action == CONFIG_ACL_REMARK)
			;
		else if (hits >= 0)
			json_kv_u64(j, "matches", hits);
		else
			json_kv_null(j, "matches");
		json_obj_end(j);
	}
	json_arr_end(j);
	if (ka)
		json_kv_u64(j, "implicit_deny_matches", ka->deny_hits);
	else
		json_kv_null(j, "implicit_deny_matches");
	json_obj_end(j);
}

/* As NX-OS prints it: "IP access list NAME", entries with [match=N]. */
static void acl_text(FILE *f, const struct config_acl *acl,
		     const struct acl_info *ka)
{
	static const char *const title[CONFIG_ACL_KINDS] = {
		[CONFIG_ACL_IP] = "IP", [CONFIG_ACL_IPV6] = "IPv6",
		[CONFIG_ACL_MAC] = "MAC",
	};
	char text[256];
	long long hits;
	size_t i;

	fprintf(f, "%s access list %s\n", title[acl->kind], acl->name);
	if (acl->stats)
		fputs("        statistics per-entry\n", f);
	for (i = 0; i < acl->n; i++) {
		const struct config_acl_entry *e = &acl->entries[i];

		config_acl_entry_text(e, acl->kind, text, sizeof(text));
		fprintf(f, "        %u %s", e->seq, text);
		hits = khits(ka, e->seq);
		if (e->action != CONFIG_ACL_REMARK && hits >= 0)
			fprintf(f, " [match=%lld]", hits);
		fputc('\n', f);
	}
	if (ka)
		fprintf(f, "        implicit deny [match=%llu]\n",
			(unsigned long long)ka->deny_hits);
}

/* As NX-OS's show policy-map, the users and the kernel's view added. */
static void qos_text(FILE *f, const struct config *cfg,
		     const struct config_qos *q, const struct qos_info *kq)
{
	char text[160], users[512];

	fprintf(f, "  policy-map type qos %s\n", q->name);
	fprintf(f, "    class class-default\n");
	if (q->police) {
		config_qos_police_text(q, text, sizeof(text));
		fprintf(f, "      %s\n", text);
	}
	if (q->has_cos)
		fprintf(f, "      set cos %u\n", q->cos);
	if (q->has_dscp)
		fprintf(f, "      set dscp %u\n", q->dscp);
	config_qos_users(cfg, q->name, users, sizeof(users));
	fprintf(f, "    used by: %s\n", users[0] ? users : "none");
	if (kq)
		fprintf(f, "    in the kernel: %u users\n", kq->users);
	else
		fprintf(f, "    not in the kernel\n");
}

int vsmd_show_qos(FILE *f, const struct config *cfg,
		  const struct vsmd_kstate *ks, const char *name, bool json,
		  bool pretty)
{
	char users[512];
	bool first = true;
	struct json j;
	size_t i;

	if (name[0] && !config_qos_find(cfg, name))
		return -ENOENT;
	if (json) {
		json_init(&j, f, pretty);
		json_arr_begin(&j);
	}
	for (i = 0; i < cfg->qos.n; i++) {
		const struct config_qos *q = config_qos_at(cfg, i);
		const struct qos_info *kq = vsmd_kstate_qos(ks, q->name);

		if (name[0] && strcmp(q->name, name))
			continue;
		if (!json) {
			if (!first)
				fputc('\n', f);
			first = false;
			qos_text(f, cfg, q, kq);
			continue;
		}
		/* config_qos_json() with the users and the kernel's burst. */
		json_obj_begin(&j);
		json_kv_str(&j, "name", q->name);
		json_key(&j, "config");
		config_qos_json(&j, q);
		config_qos_users(cfg, q->name, users, sizeof(users));
		json_kv_str(&j, "used_by", users);
		if (kq) {
			json_key(&j, "kernel");
			json_obj_begin(&j);
			json_kv_u64(&j, "users", kq->users);
			json_kv_u64(&j, "cir_bps", kq->cir);
			json_kv_u64(&j, "bc_bytes", kq->bc);
			json_obj_end(&j);
		} else {
			json_kv_null(&j, "kernel");
		}
		json_obj_end(&j);
	}
	if (json)
		json_arr_end(&j);
	return 0;
}

int vsmd_show_acls(FILE *f, const struct config *cfg,
		   const struct vsmd_kstate *ks, uint8_t kind,
		   const char *name, bool json, bool pretty)
{
	struct json j;
	bool first = true;
	size_t i;

	if (name[0] && !config_acl_find(cfg, kind, name))
		return -ENOENT;
	if (json) {
		json_init(&j, f, pretty);
		json_arr_begin(&j);
	}
	for (i = 0; i < cfg->acls.n; i++) {
		const struct config_acl *acl = config_acl_at(cfg, i);

		if (acl->kind != kind || (name[0] && strcmp(acl->name, name)))
			continue;
		if (json) {
			acl_json(&j, acl, vsmd_kstate_acl(ks, acl->name));
			continue;
		}
		if (!first)
			fputc('\n', f);
		first = false;
		acl_text(f, acl, vsmd_kstate_acl(ks, acl->name));
	}
	if (json)
		json_arr_end(&j);
	return 0;
}
