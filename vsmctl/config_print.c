// SPDX-License-Identifier: GPL-2.0
/*
 * config_print.c - the model as running-config text, which config_apply()
 * reads back to the same model, and as JSON. The access-lists' own text
 * and JSON are in config_acl.c.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "parse.h"

/* The lines of a profile or an interface block, in a fixed order. */
void config_print_attrs(FILE *f, const struct config_attrs *a)
{
	char list[VLAN_LIST_STRLEN];
	unsigned int b;

	if (config_has(a, CONFIG_ATTR_DESCRIPTION))
		fprintf(f, "  description %s\n", a->description);
	if (config_has(a, CONFIG_ATTR_INHERIT))
		fprintf(f, "  inherit port-profile %s\n", a->inherit);
	if (config_has(a, CONFIG_ATTR_VM)) {
		char mac[MAC_STRLEN];

		mac_format_dotted(a->vm_mac, mac);
		fprintf(f, "  vm %s mac %s\n", a->vm, mac);
	}
	if (config_has(a, CONFIG_ATTR_MODE))
		fprintf(f, "  switchport mode %s\n", config_mode_name(a->mode));
	if (config_has(a, CONFIG_ATTR_ACCESS_VLAN))
		fprintf(f, "  switchport access vlan %u\n", a->access_vlan);
	if (config_has(a, CONFIG_ATTR_TRUNK_VLANS)) {
		vlan_bitmap_format(a->trunk_vlans, list, sizeof(list));
		fprintf(f, "  switchport trunk allowed vlan %s\n", list);
	}
	if (config_has(a, CONFIG_ATTR_NATIVE_VLAN)) {
		if (a->native_vlan)
			fprintf(f, "  switchport trunk native vlan %u\n",
				a->native_vlan);
		else
			fputs("  switchport trunk native vlan none\n", f);
	}
	for (b = 0; b < CONFIG_ACL_BINDS; b++)
		if (config_has(a, CONFIG_ATTR_ACL(b)))
			fprintf(f, "  %s %s %s\n",
				config_acl_bind_cmd(b / CONFIG_ACL_DIRS),
				a->acl[b],
				config_acl_dir_name(b % CONFIG_ACL_DIRS));
	for (b = 0; b < CONFIG_STORM_KINDS; b++)
		if (config_has(a, CONFIG_ATTR_STORM(b)))
			fprintf(f, "  storm-control %s level pps %u\n",
				config_storm_kind_name(b), a->storm[b]);
	for (b = 0; b < CONFIG_QOS_DIRS; b++)
		if (config_has(a, CONFIG_ATTR_QOS(b)))
			fprintf(f, "  service-policy %s %s\n",
				config_qos_dir_name(b), a->qos[b]);
	if (config_has(a, CONFIG_ATTR_PSEC))
		fputs(a->psec ? "  switchport port-security\n" :
				"  no switchport port-security\n", f);
	if (config_has(a, CONFIG_ATTR_PSEC_MAX))
		fprintf(f, "  switchport port-security maximum %u\n",
			a->psec_max);
	if (config_has(a, CONFIG_ATTR_PSEC_VIOLATION))
		fprintf(f, "  switchport port-security violation %s\n",
			config_psec_violation_name(a->psec_violation));
	if (config_has(a, CONFIG_ATTR_PSEC_STICKY))
		fputs(a->psec_sticky ?
		      "  switchport port-security mac-address sticky\n" :
		      "  no switchport port-security mac-address sticky\n", f);
	if (config_has(a, CONFIG_ATTR_MAX_PORTS))
		fprintf(f, "  max-ports %u\n", a->max_ports);
	if (config_has(a, CONFIG_ATTR_BINDING))
		fprintf(f, "  port-binding %s\n",
			config_binding_name(a->binding));
	if (config_has(a, CONFIG_ATTR_SHUTDOWN))
		fputs(a->shutdown ? "  shutdown\n" : "  no shutdown\n", f);
	if (config_has(a, CONFIG_ATTR_STATE))
		fputs("  state enabled\n", f);
}

static void print_profile(FILE *f, const struct config_profile *pp)
{
	fprintf(f, "port-profile type %s %s\n", port_type_name(pp->type),
		pp->name);
	config_print_attrs(f, &pp->a);
}

/* The sticky addresses of an interface, by VLAN then MAC. */
static void print_sticky(FILE *f, const struct config_iface *ifc)
{
	char mac[MAC_STRLEN];
	size_t i;

	for (i = 0; i < ifc->nsticky; i++) {
		mac_format_dotted(ifc->sticky[i].mac, mac);
		fprintf(f, "  switchport port-security mac-address sticky %s vlan %u\n",
			mac, ifc->sticky[i].vlan);
	}
}

static void print_iface(FILE *f, const struct config_iface *ifc)
{
	char port[PORT_STRLEN];

	port_format(&ifc->ref, PORT_FMT_WORDS, port, sizeof(port));
	fprintf(f, "interface %s\n", port);
	config_print_attrs(f, &ifc->a);
	print_sticky(f, ifc);
}

/* NX-OS habit: every VLAN on one line, then a block for each named one. */
static void print_vlans(FILE *f, const struct config *cfg)
{
	uint8_t bm[VEM_VLAN_BITMAP_LEN] = { 0 };
	char list[VLAN_LIST_STRLEN];
	size_t i;

	if (!cfg->vlans.n)
		return;
	for (i = 0; i < cfg->vlans.n; i++)
		vlan_bitmap_set(bm, config_vlan_at(cfg, i)->id);
	vlan_bitmap_format(bm, list, sizeof(list));
	fprintf(f, "vlan %s\n", list);
	for (i = 0; i < cfg->vlans.n; i++) {
		const struct config_vlan *vlan = config_vlan_at(cfg, i);

		if (vlan->name[0])
			fprintf(f, "vlan %u\n  name %s\n", vlan->id,
				vlan->name);
	}
}

struct ranked {
	unsigned int depth;
	const struct config_profile *pp;
};

static int ranked_cmp(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->depth != y->depth)
		return x->depth < y->depth ? -1 : 1;
	return strcmp(x->pp->name, y->pp->name);
}

/*
 * Parents first: by the number of ancestors, then by name. Reading the
 * text back then never meets an inherit of a profile not yet defined.
 */
static int print_profiles(FILE *f, const struct config *cfg)
{
	size_t n = cfg->profiles.n, i;
	struct ranked *r;

	if (!n)
		return 0;
	r = calloc(n, sizeof(*r));
	if (!r)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		const struct config_profile *pp = config_profile_at(cfg, i);

		r[i].pp = pp;
		/* Bounded: a valid model has no cycle, but be safe. */
		while (r[i].depth < CONFIG_INHERIT_MAX &&
		       config_has(&pp->a, CONFIG_ATTR_INHERIT) &&
		       (pp = config_profile_find(cfg, pp->a.inherit)))
			r[i].depth++;
	}
	qsort(r, n, sizeof(*r), ranked_cmp);
	for (i = 0; i < n; i++)
		print_profile(f, r[i].pp);
	free(r);
	return 0;
}

int config_print(FILE *f, const struct config *cfg,
		 const struct config_filter *filter)
{
	enum config_show show = filter ? filter->show : CONFIG_SHOW_ALL;
	const struct config_profile *pp;
	const struct config_iface *ifc;
	size_t i;
	int ret;

	switch (show) {
	case CONFIG_SHOW_PROFILE:
		pp = config_profile_find(cfg, filter->name);
		if (!pp)
			return -ENOENT;
		print_profile(f, pp);
		return 0;
	case CONFIG_SHOW_IFACE:
		ifc = config_iface_find(cfg, &filter->ref);
		if (!ifc)
			return -ENOENT;
		print_iface(f, ifc);
		return 0;
	case CONFIG_SHOW_PROFILES:
		return print_profiles(f, cfg);
	case CONFIG_SHOW_ALL:
		break;
	}
	print_vlans(f, cfg);
	/* Before the profiles and interfaces that attach them. */
	for (i = 0; i < cfg->acls.n; i++)
		config_acl_print(f, config_acl_at(cfg, i));
	for (i = 0; i < cfg->qos.n; i++)
		config_qos_print(f, config_qos_at(cfg, i));
	ret = print_profiles(f, cfg);
	if (ret)
		return ret;
	for (i = 0; i < cfg->ifaces.n; i++)
		print_iface(f, config_iface_at(cfg, i));
	return 0;
}

static void json_allowed(struct json *j, const uint8_t *bm)
{
	char list[VLAN_LIST_STRLEN];

	vlan_bitmap_format(bm, list, sizeof(list));
	json_kv_str(j, "allowed_vlans", list);
}

static void json_native(struct json *j, uint16_t vid)
{
	if (vid)
		json_kv_u64(j, "native_vlan", vid);
	else
		json_kv_null(j, "native_vlan");
}

/* The JSON names of the access-list slots, in CONFIG_ACL_BIND() order. */
static const char *const acl_keys[CONFIG_ACL_BINDS] = {
	"ip_access_group_in", "ip_access_group_out",
	"ipv6_traffic_filter_in", "ipv6_traffic_filter_out",
	"mac_access_group_in", "mac_access_group_out",
};

static const char *const storm_keys[CONFIG_STORM_KINDS] = {
	"storm_control_broadcast_pps", "storm_control_multicast_pps",
	"storm_control_unicast_pps",
};

/* The JSON names of the service-policy directions. */
static const char *const qos_keys[CONFIG_QOS_DIRS] = {
	"service_policy_input", "service_policy_output",
};

/* The set attributes, named like vsmctl's other JSON (print.c). */
void config_attrs_json(struct json *j, const struct config_attrs *a)
{
	unsigned int b;

	if (config_has(a, CONFIG_ATTR_DESCRIPTION))
		json_kv_str(j, "description", a->description);
	if (config_has(a, CONFIG_ATTR_INHERIT))
		json_kv_str(j, "inherit", a->inherit);
	if (config_has(a, CONFIG_ATTR_VM)) {
		char mac[MAC_STRLEN];

		mac_format_colon(a->vm_mac, mac);
		json_kv_str(j, "vm", a->vm);
		json_kv_str(j, "vm_mac", mac);
	}
	if (config_has(a, CONFIG_ATTR_MODE))
		json_kv_str(j, "mode", config_mode_name(a->mode));
	if (config_has(a, CONFIG_ATTR_ACCESS_VLAN))
		json_kv_u64(j, "access_vlan", a->access_vlan);
	if (config_has(a, CONFIG_ATTR_TRUNK_VLANS))
		json_allowed(j, a->trunk_vlans);
	if (config_has(a, CONFIG_ATTR_NATIVE_VLAN))
		json_native(j, a->native_vlan);
	for (b = 0; b < CONFIG_ACL_BINDS; b++)
		if (config_has(a, CONFIG_ATTR_ACL(b)))
			json_kv_str(j, acl_keys[b], a->acl[b]);
	for (b = 0; b < CONFIG_STORM_KINDS; b++)
		if (config_has(a, CONFIG_ATTR_STORM(b)))
			json_kv_u64(j, storm_keys[b], a->storm[b]);
	for (b = 0; b < CONFIG_QOS_DIRS; b++)
		if (config_has(a, CONFIG_ATTR_QOS(b)))
			json_kv_str(j, qos_keys[b], a->qos[b]);
	if (config_has(a, CONFIG_ATTR_PSEC))
		json_kv_bool(j, "port_security", a->psec);
	if (config_has(a, CONFIG_ATTR_PSEC_MAX))
		json_kv_u64(j, "port_security_maximum", a->psec_max);
	if (config_has(a, CONFIG_ATTR_PSEC_VIOLATION))
		json_kv_str(j, "port_security_violation",
			    config_psec_violation_name(a->psec_violation));
	if (config_has(a, CONFIG_ATTR_PSEC_STICKY))
		json_kv_bool(j, "port_security_sticky", a->psec_sticky);
	if (config_has(a, CONFIG_ATTR_MAX_PORTS))
		json_kv_u64(j, "max_ports", a->max_ports);
	if (config_has(a, CONFIG_ATTR_BINDING))
		json_kv_str(j, "port_binding",
			    config_binding_name(a->binding));
	if (config_has(a, CONFIG_ATTR_SHUTDOWN))
		json_kv_bool(j, "shutdown", a->shutdown);
	if (config_has(a, CONFIG_ATTR_STATE))
		json_kv_bool(j, "state_enabled", true);
}

/* "port_security_sticky_macs": [{"mac": ..., "vlan": ...}, ...] */
static void sticky_json(struct json *j, const struct config_iface *ifc)
{
	char mac[MAC_STRLEN];
	size_t i;

	json_key(j, "port_security_sticky_macs");
	json_arr_begin(j);
	for (i = 0; i < ifc->nsticky; i++) {
		mac_format_colon(ifc->sticky[i].mac, mac);
		json_obj_begin(j);
		json_kv_str(j, "mac", mac);
		json_kv_u64(j, "vlan", ifc->sticky[i].vlan);
		json_obj_end(j);
	}
	json_arr_end(j);
}

void config_json(struct json *j, const struct config *cfg)
{
	char port[PORT_STRLEN];
	size_t i;

	json_obj_begin(j);
	json_key(j, "vlans");
	json_arr_begin(j);
	for (i = 0; i < cfg->vlans.n; i++) {
		const struct config_vlan *vlan = config_vlan_at(cfg, i);

		json_obj_begin(j);
		json_kv_u64(j, "id", vlan->id);
		if (vlan->name[0])
			json_kv_str(j, "name", vlan->name);
		json_obj_end(j);
	}
	json_arr_end(j);

	json_key(j, "access_lists");
	json_arr_begin(j);
	for (i = 0; i < cfg->acls.n; i++)
		config_acl_json(j, config_acl_at(cfg, i));
	json_arr_end(j);

	json_key(j, "policy_maps");
	json_arr_begin(j);
	for (i = 0; i < cfg->qos.n; i++)
		config_qos_json(j, config_qos_at(cfg, i));
	json_arr_end(j);

	json_key(j, "port_profiles");
	json_arr_begin(j);
	for (i = 0; i < cfg->profiles.n; i++) {
		const struct config_profile *pp = config_profile_at(cfg, i);

		json_obj_begin(j);
		json_kv_str(j, "name", pp->name);
		json_kv_str(j, "type", port_type_name(pp->type));
		config_attrs_json(j, &pp->a);
		json_obj_end(j);
	}
	json_arr_end(j);

	json_key(j, "interfaces");
	json_arr_begin(j);
	for (i = 0; i < cfg->ifaces.n; i++) {
		const struct config_iface *ifc = config_iface_at(cfg, i);

		json_obj_begin(j);
		port_format(&ifc->ref, PORT_FMT_JSON, port, sizeof(port));
		json_kv_str(j, "name", port);
		json_kv_str(j, "type", port_type_name(ifc->ref.type));
		json_kv_u64(j, "id", ifc->ref.id);
		config_attrs_json(j, &ifc->a);
		if (ifc->nsticky)
			sticky_json(j, ifc);
		json_obj_end(j);
	}
	json_arr_end(j);
	json_obj_end(j);
}

/* "own", "default" or "port-profile NAME" (names have no blank). */
static void json_from(struct json *j, const char *key,
		      const struct config_eval *ev, enum config_attr attr)
{
	char buf[CONFIG_NAME_MAX + 16];

	switch (ev->from[attr].src) {
	case CONFIG_SRC_OWN:
		json_kv_str(j, key, "own");
		break;
	case CONFIG_SRC_PROFILE:
		snprintf(buf, sizeof(buf), "port-profile %s",
			 ev->from[attr].profile->name);
		json_kv_str(j, key, buf);
		break;
	case CONFIG_SRC_DEFAULT:
		json_kv_str(j, key, "default");
		break;
	}
}

void config_eval_json(struct json *j, const struct config_eval *ev)
{
	static const struct {
		const char *key;
		enum config_attr attr;
	} attrs[] = {
		{ "mode", CONFIG_ATTR_MODE },
		{ "access_vlan", CONFIG_ATTR_ACCESS_VLAN },
		{ "allowed_vlans", CONFIG_ATTR_TRUNK_VLANS },
		{ "native_vlan", CONFIG_ATTR_NATIVE_VLAN },
		{ "shutdown", CONFIG_ATTR_SHUTDOWN },
		{ "max_ports", CONFIG_ATTR_MAX_PORTS },
		{ "port_binding", CONFIG_ATTR_BINDING },
		{ "state_enabled", CONFIG_ATTR_STATE },
		{ "port_security", CONFIG_ATTR_PSEC },
		{ "port_security_maximum", CONFIG_ATTR_PSEC_MAX },
		{ "port_security_violation", CONFIG_ATTR_PSEC_VIOLATION },
		{ "port_security_sticky", CONFIG_ATTR_PSEC_STICKY },
	};
	size_t i;
	unsigned int b;

	json_kv_str(j, "type", port_type_name(ev->type));
	json_kv_str(j, "mode", config_mode_name(ev->mode));
	json_kv_u64(j, "access_vlan", ev->access_vlan);
	json_allowed(j, ev->trunk_vlans);
	json_native(j, ev->native_vlan);
	json_kv_bool(j, "shutdown", ev->shutdown);
	json_kv_u64(j, "max_ports", ev->max_ports);
	json_kv_str(j, "port_binding", config_binding_name(ev->binding));
	json_kv_bool(j, "state_enabled", ev->state_enabled);
	json_kv_bool(j, "port_security", ev->psec);
	json_kv_u64(j, "port_security_maximum", ev->psec_max);
	json_kv_str(j, "port_security_violation",
		    config_psec_violation_name(ev->psec_violation));
	json_kv_bool(j, "port_security_sticky", ev->psec_sticky);
	for (b = 0; b < CONFIG_ACL_BINDS; b++) {
		if (ev->acl[b][0])
			json_kv_str(j, acl_keys[b], ev->acl[b]);
		else
			json_kv_null(j, acl_keys[b]);
	}
	/* 0: no limit, as the kernel has it. */
	for (b = 0; b < CONFIG_STORM_KINDS; b++)
		json_kv_u64(j, storm_keys[b], ev->storm[b]);
	for (b = 0; b < CONFIG_QOS_DIRS; b++) {
		if (ev->qos[b][0])
			json_kv_str(j, qos_keys[b], ev->qos[b]);
		else
			json_kv_null(j, qos_keys[b]);
	}
	if (ev->profile)
		json_kv_str(j, "port_profile", ev->profile->name);
	json_key(j, "from");
	json_obj_begin(j);
	for (i = 0; i < ARRAY_SIZE(attrs); i++)
		json_from(j, attrs[i].key, ev, attrs[i].attr);
	for (b = 0; b < CONFIG_ACL_BINDS; b++)
		json_from(j, acl_keys[b], ev, CONFIG_ATTR_ACL(b));
	for (b = 0; b < CONFIG_STORM_KINDS; b++)
		json_from(j, storm_keys[b], ev, CONFIG_ATTR_STORM(b));
	for (b = 0; b < CONFIG_QOS_DIRS; b++)
		json_from(j, qos_keys[b], ev, CONFIG_ATTR_QOS(b));
	json_obj_end(j);
}
