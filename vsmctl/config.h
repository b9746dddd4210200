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
 * config_qos.c		policy-maps (type qos)
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
#define CONFIG_ACL_MAX		1024	/* access-lists, all kinds together */
#define CONFIG_ACL_ENTRIES_MAX	4096	/* of one list (the kernel's bound) */
#define CONFIG_REMARK_MAX	100	/* remark text, printable */
#define CONFIG_QOS_MAX		1024	/* policy-maps */

/* The kinds of access-lists; a name is unique within its kind. */
enum config_acl_kind {
	CONFIG_ACL_IP,			/* ip access-list */
	CONFIG_ACL_IPV6,		/* ipv6 access-list */
	CONFIG_ACL_MAC,			/* mac access-list */
	CONFIG_ACL_KINDS
};

enum config_acl_dir {
	CONFIG_ACL_IN,
	CONFIG_ACL_OUT,
	CONFIG_ACL_DIRS
};

/*
 * The access-list slots of a port: one per kind and direction, numbered
 * kind * CONFIG_ACL_DIRS + dir.
 */
#define CONFIG_ACL_BINDS	(CONFIG_ACL_KINDS * CONFIG_ACL_DIRS)
#define CONFIG_ACL_BIND(kind, dir)	((kind) * CONFIG_ACL_DIRS + (dir))

enum config_binding {
	CONFIG_BINDING_STATIC,		/* vEth kept while the VM exists */
	CONFIG_BINDING_EPHEMERAL,	/* vEth freed when the VM powers off */
};

/* service-policy input|output */
enum config_qos_dir {
	CONFIG_QOS_IN,
	CONFIG_QOS_OUT,
	CONFIG_QOS_DIRS
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
	/* The access-list slots, in CONFIG_ACL_BIND() order. */
	CONFIG_ATTR_ACL_IP_IN,		/* ip port access-group NAME in */
	CONFIG_ATTR_ACL_IP_OUT,		/* ip port access-group NAME out */
	CONFIG_ATTR_ACL_IPV6_IN,	/* ipv6 port traffic-filter NAME in */
	CONFIG_ATTR_ACL_IPV6_OUT,	/* ipv6 port traffic-filter NAME out */
	CONFIG_ATTR_ACL_MAC_IN,		/* mac port access-group NAME in */
	CONFIG_ATTR_ACL_MAC_OUT,	/* mac port access-group NAME out */
	/* storm-control broadcast|multicast|unicast level pps N */
	CONFIG_ATTR_STORM_BCAST,
	CONFIG_ATTR_STORM_MCAST,
	CONFIG_ATTR_STORM_UCAST,
	CONFIG_ATTR_QOS_IN,		/* service-policy input NAME */
	CONFIG_ATTR_QOS_OUT,		/* service-policy output NAME */
	/* Port security (vethernet only). */
	CONFIG_ATTR_PSEC,		/* switchport port-security */
	CONFIG_ATTR_PSEC_MAX,		/* ... maximum N */
	CONFIG_ATTR_PSEC_VIOLATION,	/* ... violation shutdown|restrict|protect */
	CONFIG_ATTR_PSEC_STICKY,	/* ... mac-address sticky */
	CONFIG_ATTR_COUNT
};

/* The attribute of access-list slot b (CONFIG_ACL_BIND()). */
#define CONFIG_ATTR_ACL(b)	((enum config_attr)(CONFIG_ATTR_ACL_IP_IN + (b)))
/* The attribute of service-policy direction d. */
#define CONFIG_ATTR_QOS(d)	((enum config_attr)(CONFIG_ATTR_QOS_IN + (d)))

/* The storm-control kinds, in the kernel's order (VEM_A_PORT_STORM_*). */
#define CONFIG_STORM_KINDS	3
#define CONFIG_ATTR_STORM(k)	((enum config_attr)(CONFIG_ATTR_STORM_BCAST + (k)))

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
	/* The access-list of each slot, CONFIG_ATTR_ACL(slot) says if set. */
	char acl[CONFIG_ACL_BINDS][CONFIG_NAME_MAX + 1];
	/* Storm-control limits, packets per second, CONFIG_ATTR_STORM(k). */
	uint32_t storm[CONFIG_STORM_KINDS];
	/* The policy-map of each direction, CONFIG_ATTR_QOS(dir) if set. */
	char qos[CONFIG_QOS_DIRS][CONFIG_NAME_MAX + 1];
	/* Port security; "no switchport port-security" sets psec false. */
	bool psec;
	bool psec_sticky;
	uint8_t psec_violation;		/* enum vem_psec_violation */
	uint16_t psec_max;		/* 1..VEM_PSEC_MAX_LIMIT */
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

/* A sticky secure address of an interface (never in a profile). */
struct config_sticky {
	uint8_t mac[6];
	uint16_t vlan;
};

struct config_iface {
	struct port_ref ref;
	/* Manual configuration: overrides what the profile says. */
	struct config_attrs a;
	/*
	 * switchport port-security mac-address sticky MAC vlan V: learned
	 * by vsmd (or written by hand), sorted by VLAN then MAC; malloc()ed.
	 */
	struct config_sticky *sticky;
	size_t nsticky, sticky_cap;
};

/*
 * Sorted arrays of pointers: an element does not move when others come
 * and go, so a pointer to it stays valid until it is deleted.
 */
struct config_vec {
	void **items;
	size_t n, cap;
};

enum config_acl_action {
	CONFIG_ACL_PERMIT,
	CONFIG_ACL_DENY,
	CONFIG_ACL_REMARK,		/* a comment: matches nothing */
};

enum config_port_op {
	CONFIG_PORT_ANY,		/* no port match */
	CONFIG_PORT_EQ,			/* eq P:	lo = hi = P */
	CONFIG_PORT_NEQ,		/* neq P:	lo = hi = P */
	CONFIG_PORT_LT,			/* lt P:	lo = hi = P (P >= 1) */
	CONFIG_PORT_GT,			/* gt P:	lo = hi = P (P <= 65534) */
	CONFIG_PORT_RANGE,		/* range LO HI:	lo <= hi */
};

/* The TCP or UDP ports of one side of an entry. */
struct config_acl_ports {
	uint8_t op;			/* enum config_port_op */
	uint16_t lo, hi;
};

/*
 * One entry (ACE) of an access-list, with explicit fields that map one to
 * one onto what the kernel classifier takes. What an entry does not match
 * on is zero. The parser normalises: an address has no bit set outside its
 * prefix or mask, a prefix of length 0 is "any".
 */
struct config_acl_entry {
	uint32_t seq;			/* 1..UINT32_MAX, unique in the list */
	uint8_t action;			/* enum config_acl_action */
	/* AF_INET (ip lists), AF_INET6 (ipv6 lists), AF_UNSPEC (mac lists) */
	uint8_t family;

	/* ip and ipv6 lists */
	bool proto_any;			/* "ip" or "ipv6": every protocol */
	uint8_t proto;			/* IP protocol number, if !proto_any */
	uint8_t src[16], dst[16];	/* network byte order; IPv4: 4 bytes */
	uint8_t src_len, dst_len;	/* prefix lengths; 0: any */
	struct config_acl_ports sport, dport;	/* tcp and udp only */
	bool established;		/* tcp only: ACK or RST set */
	bool has_dscp;
	uint8_t dscp;			/* 0..63 */
	bool log;

	/*
	 * mac lists. A mask has a 1 for each bit compared: the inverse of
	 * the NX-OS wildcard written in the config (all ones: one address,
	 * all zeros: any).
	 */
	uint8_t src_mac[6], src_mac_mask[6];
	uint8_t dst_mac[6], dst_mac_mask[6];
	bool has_ethertype;
	uint16_t ethertype;

	/* CONFIG_ACL_REMARK */
	char remark[CONFIG_REMARK_MAX + 1];
};

/*
 * An access-list: entries in sequence order, then the implicit deny of
 * everything (not stored).
 */
struct config_acl {
	uint8_t kind;			/* enum config_acl_kind */
	char name[CONFIG_NAME_MAX + 1];	/* case-sensitive */
	bool stats;			/* statistics per-entry */
	struct config_acl_entry *entries;	/* by seq */
	size_t n, cap;
};

/* police cir RATE UNIT: the unit it was written in, for printing back. */
enum config_rate_unit {
	CONFIG_RATE_BPS,
	CONFIG_RATE_KBPS,
	CONFIG_RATE_MBPS,
	CONFIG_RATE_GBPS,
};

/* police ... bc BURST UNIT: bytes, or time at the rate. */
enum config_burst_unit {
	CONFIG_BURST_BYTES,
	CONFIG_BURST_KBYTES,
	CONFIG_BURST_MBYTES,
	CONFIG_BURST_MS,
	CONFIG_BURST_US,
};

/*
 * A policy-map type qos: one class, class-default (the only one there
 * is: vnlink has no class-maps), with a policer and marking.
 */
struct config_qos {
	char name[CONFIG_NAME_MAX + 1];	/* case-sensitive */
	bool has_class;			/* "class class-default" written */
	bool police;
	uint64_t cir;			/* in cir_unit; bit/s within limits */
	uint8_t cir_unit;		/* enum config_rate_unit */
	bool has_bc;			/* else the kernel's default burst */
	uint64_t bc;			/* in bc_unit */
	uint8_t bc_unit;		/* enum config_burst_unit */
	uint8_t violate;		/* enum vem_qos_violate */
	uint8_t violate_dscp;		/* VEM_QOS_VIOLATE_SET_DSCP */
	bool has_cos;
	uint8_t cos;			/* set cos 0..7 */
	bool has_dscp;
	uint8_t dscp;			/* set dscp 0..63 */
};

struct config {
	struct config_vec vlans;	/* by id */
	struct config_vec acls;		/* by kind, then name (strcmp) */
	struct config_vec qos;		/* policy-maps, by name (strcmp) */
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

static inline struct config_acl *config_acl_at(const struct config *cfg,
					       size_t i)
{
	return cfg->acls.items[i];
}

static inline struct config_qos *config_qos_at(const struct config *cfg,
					       size_t i)
{
	return cfg->qos.items[i];
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
struct config_acl *config_acl_find(const struct config *cfg, uint8_t kind,
				   const char *name);
struct config_qos *config_qos_find(const struct config *cfg, const char *name);
/* The index of (mac, vlan) in ifc->sticky, -1 if it is not there. */
long config_sticky_find(const struct config_iface *ifc, const uint8_t *mac,
			uint16_t vlan);
/* Add (mac, vlan) to ifc's sticky addresses: 0, or -ENOMEM. */
int config_sticky_add(struct config_iface *ifc, const uint8_t *mac,
		      uint16_t vlan);
/* Remove it; true if it was there. */
bool config_sticky_del(struct config_iface *ifc, const uint8_t *mac,
		       uint16_t vlan);

/* Find or create; NULL if out of memory. A new profile has type 'type'. */
struct config_vlan *config_vlan_get(struct config *cfg, uint16_t id);
struct config_profile *config_profile_get(struct config *cfg,
					  const char *name, uint8_t type);
struct config_iface *config_iface_get(struct config *cfg,
				      const struct port_ref *ref);
/* An access-list, created empty; NULL if out of memory. */
struct config_acl *config_acl_get(struct config *cfg, uint8_t kind,
				  const char *name);
/* A policy-map, created empty; NULL if out of memory. */
struct config_qos *config_qos_get(struct config *cfg, const char *name);

/* Delete if present; true if it was. */
bool config_vlan_del(struct config *cfg, uint16_t id);
bool config_profile_del(struct config *cfg, const char *name);
bool config_iface_del(struct config *cfg, const struct port_ref *ref);
bool config_acl_del(struct config *cfg, uint8_t kind, const char *name);
bool config_qos_del(struct config *cfg, const char *name);

/*
 * Who inherits the profile 'name': "port-profile b, interface vethernet 3"
 * into buf (truncated with "..." if long). Returns how many.
 */
size_t config_profile_users(const struct config *cfg, const char *name,
			    char *buf, size_t len);
/* Who attaches the access-list (kind, name) in either direction, likewise. */
size_t config_acl_users(const struct config *cfg, uint8_t kind,
			const char *name, char *buf, size_t len);

/*
 * 1 to max characters of [A-Za-z0-9_.-]; -1 with a message naming 'what'
 * in parse_error() otherwise.
 */
int config_check_name(const char *s, size_t max, const char *what);

/* Names of the enumerations, as the config language spells them. */
const char *config_mode_name(uint8_t mode);		/* access, trunk */
const char *config_binding_name(uint8_t binding);	/* static, ephemeral */
const char *config_acl_kind_name(uint8_t kind);		/* ip, ipv6, mac */
/* "ip port access-group", "ipv6 port traffic-filter", "mac port access-group" */
const char *config_acl_bind_cmd(uint8_t kind);
const char *config_acl_dir_name(uint8_t dir);		/* in, out */
/* broadcast, multicast, unicast */
const char *config_storm_kind_name(unsigned int kind);
const char *config_psec_violation_name(uint8_t v);	/* shutdown, ... */

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
 * max-ports, every access-list attached exists and is of its slot's kind.
 * Returns 0 or -EINVAL with err->line the line that broke the rule (0 if
 * none of this batch) and err->msg without the line prefix.
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
	/* The access-list name of each slot (CONFIG_ACL_BIND()), "": none. */
	char acl[CONFIG_ACL_BINDS][CONFIG_NAME_MAX + 1];
	uint32_t storm[CONFIG_STORM_KINDS];	/* pps, 0: no limit */
	/* The policy-map of each direction, "": none. */
	char qos[CONFIG_QOS_DIRS][CONFIG_NAME_MAX + 1];
	bool psec;			/* default off */
	bool psec_sticky;		/* default off */
	uint8_t psec_violation;		/* default VEM_PSEC_SHUTDOWN */
	uint16_t psec_max;		/* default 1 */
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

/* config_acl.c: access-lists */

/*
 * One line of the block of access-list acl: "[SEQ] permit|deny ...",
 * "[SEQ] remark TEXT", "statistics per-entry", "no ..." of each, "no SEQ",
 * "exit", "end". line is the line as written (blanks trimmed) and off[i]
 * where argv[i] starts in it. Returns 0, 1 if the line closes the block,
 * -EINVAL or -ENOMEM with a message in parse_error().
 */
int config_acl_line(struct config_acl *acl, int argc, char **argv,
		    const char *line, const size_t *off);
/* The entry with sequence number seq, NULL if none. */
struct config_acl_entry *config_acl_entry_find(const struct config_acl *acl,
					       uint32_t seq);
/*
 * The ports of one side as one range [*lo, *hi], matched when *negate is
 * false, or when not in it (neq). CONFIG_PORT_ANY: 0-65535.
 */
void config_acl_port_range(const struct config_acl_ports *ports,
			   uint16_t *lo, uint16_t *hi, bool *negate);
/* The name of a protocol, CONFIG_PROTO_ANY, port, DSCP value; NULL if none. */
#define CONFIG_PROTO_ANY	256
const char *config_acl_proto_name(uint8_t kind, unsigned int proto);
const char *config_acl_port_name(uint8_t proto, uint16_t port);
const char *config_acl_dscp_name(uint8_t dscp);
const char *config_port_op_name(uint8_t op);		/* eq, neq, ... */

/* config_acl_print.c: access-lists as text and JSON */

/*
 * An entry as the config language writes it, without its sequence
 * number: "permit tcp any 10.0.0.0/24 eq www". Returns the length like
 * snprintf().
 */
size_t config_acl_entry_text(const struct config_acl_entry *e, uint8_t kind,
			     char *buf, size_t len);
/* The block of one access-list, header and entries. */
void config_acl_print(FILE *f, const struct config_acl *acl);
/* One access-list as a JSON object. */
void config_acl_json(struct json *j, const struct config_acl *acl);

/* config_qos.c: policy-maps type qos */

/*
 * One line of the block of policy-map q. in_class: whether the line is
 * inside its "class class-default" (more indented than it); *opens_class
 * is set when the line is that class line. Lines: "class class-default",
 * "police cir RATE [UNIT] [bc BURST [UNIT]] [conform transmit]
 * [violate drop|set-dscp-transmit DSCP]", "set cos N", "set dscp D", "no"
 * of each. Returns 0, or -1 with a message in parse_error().
 */
int config_qos_line(struct config_qos *q, bool in_class, bool *opens_class,
		    int argc, char **argv);
/* Who attaches policy-map name (either direction), as config_acl_users(). */
size_t config_qos_users(const struct config *cfg, const char *name,
			char *buf, size_t len);
/* A DSCP value or name (af11, ef, cs1...) into *v; -1 with parse_error(). */
int config_dscp_parse(const char *w, uint8_t *v);
/* The policer's rate in bit/s and burst in bytes (0: kernel default). */
uint64_t config_qos_cir_bps(const struct config_qos *q);
uint32_t config_qos_bc_bytes(const struct config_qos *q);
/* The block of one policy-map, as config_apply() reads it back. */
void config_qos_print(FILE *f, const struct config_qos *q);
/* "police cir 10 mbps bc 200 kbytes conform transmit violate drop" */
size_t config_qos_police_text(const struct config_qos *q, char *buf,
			      size_t len);
/* One policy-map as a JSON object. */
void config_qos_json(struct json *j, const struct config_qos *q);
const char *config_qos_dir_name(uint8_t dir);		/* input, output */

#endif /* VSMCTL_CONFIG_H */
