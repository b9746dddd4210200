/* SPDX-License-Identifier: GPL-2.0 */
/*
 * config.h - the configuration of a switch as the supervisor keeps it:
 * VLANs, port profiles and interfaces, in NX-OS words. Pure: no netlink,
 * no sockets, no global state; a struct config is passed around.
 *
 * config.c		the model: blocks, their attributes, lookups
 * config_parse.c	config text applied as one batch, all or nothing
 * config_eval.c	inheritance: validation and evaluated attributes
 * config_print.c	running-config text and JSON
 *
 * Every attribute records whether it is set ("own"); what is not set comes
 * from the inherited profiles, then from the defaults (config_eval()).
 */

#ifndef VSMCTL_CONFIG_H
#define VSMCTL_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <linux/vem.h>

#include "json.h"
#include "model.h"

#define CONFIG_NAME_MAX		80	/* port-profile name, [A-Za-z0-9_.-] */
#define CONFIG_VLAN_NAME_MAX	32	/* VLAN name, same characters */
#define CONFIG_DESC_MAX		80	/* description, printable text */
#define CONFIG_INHERIT_MAX	8	/* profiles in one inheritance chain */
#define CONFIG_MAX_PORTS_MAX	1024
#define CONFIG_MAX_PORTS_DEFAULT 32
#define CONFIG_ERR_LEN		512

enum config_binding {
	CONFIG_BINDING_STATIC,		/* vEth kept while the VM exists */
	CONFIG_BINDING_EPHEMERAL,	/* vEth freed when the VM powers off */
};

/* The attributes of a profile or an interface; bit n of attrs.set. */
enum config_attr {
	CONFIG_ATTR_MODE,		/* switchport mode */
	CONFIG_ATTR_ACCESS_VLAN,	/* switchport access vlan */
	CONFIG_ATTR_TRUNK_VLANS,	/* switchport trunk allowed vlan */
	CONFIG_ATTR_NATIVE_VLAN,	/* switchport trunk native vlan */
	CONFIG_ATTR_SHUTDOWN,		/* shutdown, no shutdown */
	CONFIG_ATTR_MAX_PORTS,		/* max-ports (vethernet profiles) */
	CONFIG_ATTR_BINDING,		/* port-binding (vethernet profiles) */
	CONFIG_ATTR_STATE,		/* state enabled (profiles; set = on) */
	CONFIG_ATTR_DESCRIPTION,	/* never inherited */
	CONFIG_ATTR_INHERIT,		/* inherit port-profile */
	CONFIG_ATTR_VM,			/* vm NAME mac MAC (interfaces) */
	CONFIG_ATTR_COUNT
};

struct config_attrs {
	unsigned int set;		/* BIT(enum config_attr) */
	/*
	 * The line of the batch being applied that set each attribute, 0
	 * if it was set before: validation errors point at it.
	 */
	unsigned int line[CONFIG_ATTR_COUNT];
	uint8_t mode;			/* enum vem_port_mode */
	uint16_t access_vlan;
	uint16_t native_vlan;		/* 0: none */
	uint8_t trunk_vlans[VEM_VLAN_BITMAP_LEN];
	bool shutdown;
	uint16_t max_ports;
	uint8_t binding;		/* enum config_binding */
	char description[CONFIG_DESC_MAX + 1];
	char inherit[CONFIG_NAME_MAX + 1];
	/*
	 * The VM vNIC this vEth belongs to: set by vsmctl attach, kept in
	 * the configuration so that the same (VM, MAC) finds the same vEth.
	 */
	char vm[CONFIG_NAME_MAX + 1];
	uint8_t vm_mac[6];
};

static inline bool config_has(const struct config_attrs *a,
			      enum config_attr attr)
{
	return a->set & BIT(attr);
}

struct config_vlan {
	uint16_t id;			/* 1..VEM_VLAN_MAX */
	char name[CONFIG_VLAN_NAME_MAX + 1];	/* "": no name */
};

struct config_profile {
	char name[CONFIG_NAME_MAX + 1];	/* case-sensitive */
	uint8_t type;			/* VEM_PORT_VETH or VEM_PORT_UPLINK */
	struct config_attrs a;
};

struct config_iface {
	struct port_ref ref;
	/* Manual configuration: overrides what the profile says. */
	struct config_attrs a;
};

/*
 * Sorted arrays of pointers: an element does not move when others come
 * and go, so a pointer to it stays valid until it is deleted.
 */
struct config_vec {
	void **items;
	size_t n, cap;
};

struct config {
	struct config_vec vlans;	/* by id */
	struct config_vec profiles;	/* by name (strcmp) */
	struct config_vec ifaces;	/* by type, then id */
};

/* Each returns the i-th element, i < cfg->X.n. */
static inline struct config_vlan *config_vlan_at(const struct config *cfg,
						 size_t i)
{
	return cfg->vlans.items[i];
}

static inline struct config_profile *
config_profile_at(const struct config *cfg, size_t i)
{
	return cfg->profiles.items[i];
}

static inline struct config_iface *config_iface_at(const struct config *cfg,
						   size_t i)
{
	return cfg->ifaces.items[i];
}

/* config.c: the model */

void config_init(struct config *cfg);
void config_free(struct config *cfg);
/* A deep copy into dst (initialised here); -ENOMEM leaves dst empty. */
int config_clone(struct config *dst, const struct config *src);
/* Moves src into dst, freeing what dst held; src is left empty. */
void config_move(struct config *dst, struct config *src);

struct config_vlan *config_vlan_find(const struct config *cfg, uint16_t id);
struct config_profile *config_profile_find(const struct config *cfg,
					   const char *name);
struct config_iface *config_iface_find(const struct config *cfg,
				       const struct port_ref *ref);
/* The vethernet interface of the VM vNIC (vm, mac), NULL if none. */
struct config_iface *config_iface_find_vm(const struct config *cfg,
					  const char *vm, const uint8_t *mac);
/* The index of a profile in cfg->profiles, -1 if there is none. */
long config_profile_index(const struct config *cfg, const char *name);

/* Find or create; NULL if out of memory. A new profile has type 'type'. */
struct config_vlan *config_vlan_get(struct config *cfg, uint16_t id);
struct config_profile *config_profile_get(struct config *cfg,
					  const char *name, uint8_t type);
struct config_iface *config_iface_get(struct config *cfg,
				      const struct port_ref *ref);

/* Delete if present; true if it was. */
bool config_vlan_del(struct config *cfg, uint16_t id);
bool config_profile_del(struct config *cfg, const char *name);
bool config_iface_del(struct config *cfg, const struct port_ref *ref);

/*
 * Who inherits the profile 'name': "port-profile b, interface vethernet 3"
 * into buf (truncated with "..." if long). Returns how many.
 */
size_t config_profile_users(const struct config *cfg, const char *name,
			    char *buf, size_t len);

/*
 * 1 to max characters of [A-Za-z0-9_.-]; -1 with a message naming 'what'
 * in parse_error() otherwise.
 */
int config_check_name(const char *s, size_t max, const char *what);

/* Names of the enumerations, as the config language spells them. */
const char *config_mode_name(uint8_t mode);		/* access, trunk */
const char *config_binding_name(uint8_t binding);	/* static, ephemeral */

/* config_parse.c: text into the model */

struct config_error {
	unsigned int line;		/* 1-based; 0: not tied to a line */
	char msg[CONFIG_ERR_LEN];	/* "line 7: <the line>: <why>" */
};

/*
 * Apply len bytes of config text to cfg as one batch: the lines in order,
 * then config_validate(). On success cfg holds the result; on any error
 * cfg is untouched and err says which line and why. Returns 0, -EINVAL or
 * -ENOMEM. A success replaces every element: pointers into cfg taken
 * before it are stale.
 */
int config_apply(struct config *cfg, const char *text, size_t len,
		 struct config_error *err);

/* config_eval.c: inheritance */

/*
 * The rules a whole configuration obeys: every inherited profile exists
 * and is of the same type, no cycle, chains of at most CONFIG_INHERIT_MAX
 * profiles, no vethernet profile bound to more interfaces than its
 * max-ports. Returns 0 or -EINVAL with err->line the line that broke the
 * rule (0 if none of this batch) and err->msg without the line prefix.
 */
int config_validate(const struct config *cfg, struct config_error *err);

enum config_src {
	CONFIG_SRC_DEFAULT,	/* nobody set it */
	CONFIG_SRC_OWN,		/* the profile or the interface itself */
	CONFIG_SRC_PROFILE,	/* from a profile: config_eval.from[].profile */
};

/*
 * Evaluated attributes: what the port is to do, ready to become netlink
 * attributes. The profile pointers point into the model: valid until it
 * changes.
 */
struct config_eval {
	uint8_t type;			/* VEM_PORT_VETH or VEM_PORT_UPLINK */
	uint8_t mode;			/* enum vem_port_mode */
	uint16_t access_vlan;
	uint16_t native_vlan;		/* 0: none */
	uint8_t trunk_vlans[VEM_VLAN_BITMAP_LEN];
	bool shutdown;
	uint16_t max_ports;
	uint8_t binding;		/* enum config_binding */
	/*
	 * A profile: its own "state enabled" (never inherited, as in
	 * NX-OS). An interface: its profile's, or true without a profile
	 * (manual configuration always applies).
	 */
	bool state_enabled;
	/* An interface: the profile it inherits, NULL if none or missing. */
	const struct config_profile *profile;
	struct {
		enum config_src src;
		const struct config_profile *profile;	/* CONFIG_SRC_PROFILE */
	} from[CONFIG_ATTR_COUNT];
};

void config_eval_profile(const struct config *cfg,
			 const struct config_profile *pp,
			 struct config_eval *ev);
void config_eval_iface(const struct config *cfg,
		       const struct config_iface *ifc, struct config_eval *ev);

/* config_print.c: running-config and JSON */

enum config_show {
	CONFIG_SHOW_ALL,	/* show running-config */
	CONFIG_SHOW_PROFILES,	/* show running-config port-profile */
	CONFIG_SHOW_PROFILE,	/* show running-config port-profile NAME */
	CONFIG_SHOW_IFACE,	/* show running-config interface vethernet N */
};

struct config_filter {
	enum config_show show;
	const char *name;	/* CONFIG_SHOW_PROFILE */
	struct port_ref ref;	/* CONFIG_SHOW_IFACE */
};

/*
 * The configuration as config text that config_apply() reads back to the
 * same model: set attributes only, two-space indentation, VLANs by number,
 * profiles parents first then by name, interfaces by type then number.
 * filter NULL: everything. Returns 0, or -ENOENT if the profile or the
 * interface asked for does not exist (nothing printed).
 */
int config_print(FILE *f, const struct config *cfg,
		 const struct config_filter *filter);

/* The lines of one block's set attributes, indented by two spaces. */
void config_print_attrs(FILE *f, const struct config_attrs *a);
/* The set attributes of one block as JSON members. */
void config_attrs_json(struct json *j, const struct config_attrs *a);

/* The model as one JSON object: own (set) attributes only. */
void config_json(struct json *j, const struct config *cfg);
/* One evaluated attribute set as JSON members, with where each came from. */
void config_eval_json(struct json *j, const struct config_eval *ev);

#endif /* VSMCTL_CONFIG_H */
