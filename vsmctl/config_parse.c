// SPDX-License-Identifier: GPL-2.0
/*
 * config_parse.c - config text into the model, one batch at a time, all or
 * nothing: the lines go to a copy of the model, the copy is validated, and
 * only then replaces the original.
 *
 * The text is NX-OS style. A block header (vlan, ip|ipv6|mac access-list,
 * port-profile, interface) opens a block; the lines indented deeper than
 * the header belong to it; a line indented no deeper, "exit" or "end"
 * closes it. Blank lines and lines starting with '!' or '#' are comments,
 * and so is the rest of a line from a word starting with '!' or '#'
 * (except after "description" and "remark", whose text runs to the end of
 * the line). Keywords match in any case and as any unique abbreviation
 * ("sw acc vlan 10"); names are case-sensitive. "no LINE" removes what
 * LINE sets ("no shutdown" sets "up", as in NX-OS), "default LINE" removes
 * it in every case. The lines of an access-list block are read by
 * config_acl.c.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "parse.h"

#define MAX_WORDS	64
#define ECHO_MAX	100	/* characters of a line quoted in an error */

enum block {
	BLOCK_NONE,
	BLOCK_VLAN,
	BLOCK_PROFILE,
	BLOCK_IFACE,
	BLOCK_ACL,
	BLOCK_QOS,
};

enum op {
	OP_SET,		/* LINE */
	OP_NO,		/* no LINE */
	OP_DEFAULT,	/* default LINE */
};

struct parser {
	struct config *cfg;		/* the copy the batch goes to */
	unsigned int lineno;
	const char *line;		/* the line, blanks trimmed */
	int argc;
	char *argv[MAX_WORDS + 1];	/* its words, comment removed */
	size_t off[MAX_WORDS];		/* where each word starts in line */
	bool nomem;

	enum block block;		/* the open block */
	enum block last;		/* the last block closed, for a hint */
	unsigned int indent;		/* columns before the block's header */
	/* BLOCK_VLAN: its VLANs ("vlan 10,20" configures both). */
	uint8_t vlans[VEM_VLAN_BITMAP_LEN];
	unsigned int nvlans;
	uint16_t vlan;			/* the first of them */
	/* BLOCK_PROFILE, BLOCK_IFACE */
	struct config_profile *pp;
	struct config_iface *ifc;
	struct config_attrs *a;		/* of pp or ifc */
	uint8_t type;			/* port type of pp or ifc */
	/* BLOCK_ACL */
	struct config_acl *acl;
	/* BLOCK_QOS: the policy-map, and its class line's indentation. */
	struct config_qos *qos;
	bool in_class;
	unsigned int class_indent;
	unsigned int cur_indent;	/* of the line being read */
};

typedef int cmd_fn(struct parser *p, int argc, char **argv, enum op op);

struct cmd {
	const char *name;		/* first, for kw_lookup() */
	cmd_fn *fn;
};

static int nomem(struct parser *p)
{
	p->nomem = true;
	parse_fail("out of memory");
	return -1;
}

static int extra(int argc, char **argv, int used)
{
	if (argc <= used)
		return 0;
	parse_fail("unexpected \"%s\" after \"%s\"", argv[used],
		   argv[used - 1]);
	return -1;
}

/* argv[i] is the keyword kw (or an abbreviation of it). */
static int need_kw(int argc, char **argv, int i, const char *kw)
{
	const struct kw table[] = { { kw } };

	if (argc <= i) {
		parse_fail("missing \"%s\" after \"%s\"", kw, argv[i - 1]);
		return -1;
	}
	return kw_lookup(argv[i], table, "keyword") < 0 ? -1 : 0;
}

static int need_value(int argc, char **argv, int i, const char *what)
{
	if (argc > i)
		return 0;
	parse_fail("missing %s after \"%s\"", what, argv[i - 1]);
	return -1;
}

static void attr_touch(struct parser *p, enum config_attr attr, bool set)
{
	struct config_attrs *a = p->a;

	a->line[attr] = p->lineno;
	if (set) {
		a->set |= BIT(attr);
		return;
	}
	a->set &= ~BIT(attr);
	/* No stale value behind a cleared bit: models compare equal. */
	switch (attr) {
	case CONFIG_ATTR_MODE:
		a->mode = 0;
		break;
	case CONFIG_ATTR_ACCESS_VLAN:
		a->access_vlan = 0;
		break;
	case CONFIG_ATTR_TRUNK_VLANS:
		memset(a->trunk_vlans, 0, sizeof(a->trunk_vlans));
		break;
	case CONFIG_ATTR_NATIVE_VLAN:
		a->native_vlan = 0;
		break;
	case CONFIG_ATTR_SHUTDOWN:
		a->shutdown = false;
		break;
	case CONFIG_ATTR_MAX_PORTS:
		a->max_ports = 0;
		break;
	case CONFIG_ATTR_BINDING:
		a->binding = 0;
		break;
	case CONFIG_ATTR_DESCRIPTION:
		a->description[0] = '\0';
		break;
	case CONFIG_ATTR_INHERIT:
		a->inherit[0] = '\0';
		break;
	case CONFIG_ATTR_VM:
		a->vm[0] = '\0';
		memset(a->vm_mac, 0, sizeof(a->vm_mac));
		break;
	case CONFIG_ATTR_ACL_IP_IN:
	case CONFIG_ATTR_ACL_IP_OUT:
	case CONFIG_ATTR_ACL_IPV6_IN:
	case CONFIG_ATTR_ACL_IPV6_OUT:
	case CONFIG_ATTR_ACL_MAC_IN:
	case CONFIG_ATTR_ACL_MAC_OUT:
		a->acl[attr - CONFIG_ATTR_ACL_IP_IN][0] = '\0';
		break;
	case CONFIG_ATTR_STORM_BCAST:
	case CONFIG_ATTR_STORM_MCAST:
	case CONFIG_ATTR_STORM_UCAST:
		a->storm[attr - CONFIG_ATTR_STORM_BCAST] = 0;
		break;
	case CONFIG_ATTR_QOS_IN:
	case CONFIG_ATTR_QOS_OUT:
		a->qos[attr - CONFIG_ATTR_QOS_IN][0] = '\0';
		break;
	case CONFIG_ATTR_PSEC:
		a->psec = false;
		break;
	case CONFIG_ATTR_PSEC_MAX:
		a->psec_max = 0;
		break;
	case CONFIG_ATTR_PSEC_VIOLATION:
		a->psec_violation = 0;
		break;
	case CONFIG_ATTR_PSEC_STICKY:
		a->psec_sticky = false;
		break;
	case CONFIG_ATTR_STATE:
	case CONFIG_ATTR_COUNT:
		break;
	}
}

/* switchport mode access|trunk */
static int sw_mode(struct parser *p, int argc, char **argv, enum op op)
{
	static const struct kw modes[] = { { "access" }, { "trunk" } };
	int mode;

	if (op == OP_SET && need_value(argc, argv, 1, "access or trunk"))
		return -1;
	if (argc > 1) {
		mode = kw_lookup(argv[1], modes, "switchport mode");
		if (mode < 0 || extra(argc, argv, 2))
			return -1;
		if (op == OP_SET && mode == 0 && p->type == VEM_PORT_UPLINK) {
			parse_fail("an ethernet port is always a trunk: access mode does not apply");
			return -1;
		}
		if (op == OP_SET)
			p->a->mode = mode ? VEM_PORT_MODE_TRUNK :
					    VEM_PORT_MODE_ACCESS;
	}
	attr_touch(p, CONFIG_ATTR_MODE, op == OP_SET);
	return 0;
}

/* switchport access vlan V */
static int sw_access(struct parser *p, int argc, char **argv, enum op op)
{
	uint16_t vid;

	if (need_kw(argc, argv, 1, "vlan"))
		return -1;
	if (op == OP_SET && need_value(argc, argv, 2, "VLAN"))
		return -1;
	if (argc > 2) {
		if (parse_vlan(argv[2], &vid) || extra(argc, argv, 3))
			return -1;
		if (op == OP_SET)
			p->a->access_vlan = vid;
	}
	attr_touch(p, CONFIG_ATTR_ACCESS_VLAN, op == OP_SET);
	return 0;
}

/* A VLAN list word: digits first ("all" and "none" are operators here). */
static int vlan_list(const char *s, uint8_t *bm)
{
	if (*s < '0' || *s > '9') {
		parse_fail("invalid VLAN list \"%s\" (expected a list like 10,20,30-40)",
			   s);
		return -1;
	}
	return parse_vlan_list(s, bm);
}

/* The allowed list the block has now: own, else inherited, else all. */
static void current_allowed(struct parser *p, uint8_t *bm)
{
	struct config_eval ev;

	if (p->block == BLOCK_PROFILE)
		config_eval_profile(p->cfg, p->pp, &ev);
	else
		config_eval_iface(p->cfg, p->ifc, &ev);
	memcpy(bm, ev.trunk_vlans, VEM_VLAN_BITMAP_LEN);
}

/*
 * switchport trunk allowed vlan LIST|add LIST|remove LIST|except LIST|all|
 * none. add, remove and except start from the list the block has at this
 * line: its own, or the one it inherits, or all.
 */
static int sw_allowed(struct parser *p, int argc, char **argv, enum op op)
{
	enum { ADD, REMOVE, EXCEPT, ALL, NONE };
	static const struct kw ops[] = {
		[ADD] = { "add" }, [REMOVE] = { "remove" },
		[EXCEPT] = { "except" }, [ALL] = { "all" }, [NONE] = { "none" },
	};
	uint8_t list[VEM_VLAN_BITMAP_LEN], cur[VEM_VLAN_BITMAP_LEN];
	int kw = -1, used = 3;
	unsigned int vid;
	size_t i;

	if (need_kw(argc, argv, 1, "vlan"))
		return -1;
	if (op == OP_SET && need_value(argc, argv, 2, "VLAN list"))
		return -1;
	if (argc > 2) {
		if (argv[2][0] >= '0' && argv[2][0] <= '9') {
			if (vlan_list(argv[2], list))
				return -1;
		} else {
			kw = kw_lookup(argv[2], ops, "allowed vlan operation");
			if (kw < 0)
				return -1;
			if (kw == ALL || kw == NONE) {
				parse_vlan_list(kw == ALL ? "all" : "none",
						list);
			} else {
				if (need_value(argc, argv, 3, "VLAN list") ||
				    vlan_list(argv[3], list))
					return -1;
				used = 4;
			}
		}
		if (extra(argc, argv, used))
			return -1;
	}
	if (op != OP_SET) {
		attr_touch(p, CONFIG_ATTR_TRUNK_VLANS, false);
		return 0;
	}
	current_allowed(p, cur);
	for (i = 0; i < VEM_VLAN_BITMAP_LEN; i++) {
		switch (kw) {
		case ADD:
			cur[i] |= list[i];
			break;
		case REMOVE:
			cur[i] &= ~list[i];
			break;
		default:
			cur[i] = list[i];
			break;
		}
	}
	if (kw == EXCEPT) {
		for (vid = 1; vid <= VEM_VLAN_MAX; vid++) {
			if (vlan_bitmap_test(list, vid))
				vlan_bitmap_clear(cur, vid);
			else
				vlan_bitmap_set(cur, vid);
		}
	}
	memcpy(p->a->trunk_vlans, cur, sizeof(cur));
	attr_touch(p, CONFIG_ATTR_TRUNK_VLANS, true);
	return 0;
}

/* switchport trunk native vlan V|none */
static int sw_native(struct parser *p, int argc, char **argv, enum op op)
{
	uint16_t vid = 0;

	if (need_kw(argc, argv, 1, "vlan"))
		return -1;
	if (op == OP_SET && need_value(argc, argv, 2, "VLAN or none"))
		return -1;
	if (argc > 2) {
		if (strcasecmp(argv[2], "none") && parse_vlan(argv[2], &vid))
			return -1;
		if (extra(argc, argv, 3))
			return -1;
		if (op == OP_SET)
			p->a->native_vlan = vid;
	}
	attr_touch(p, CONFIG_ATTR_NATIVE_VLAN, op == OP_SET);
	return 0;
}

static const struct cmd trunk_cmds[] = {
	{ "allowed", sw_allowed },
	{ "native", sw_native },
};

static int sw_trunk(struct parser *p, int argc, char **argv, enum op op)
{
	int i;

	if (argc < 2)
		return kw_missing(trunk_cmds, "switchport trunk option");
	i = kw_lookup(argv[1], trunk_cmds, "switchport trunk option");
	return i < 0 ? -1 : trunk_cmds[i].fn(p, argc - 1, argv + 1, op);
}

/* switchport port-security maximum N */
static int psec_maximum(struct parser *p, int argc, char **argv, enum op op)
{
	uint32_t n;

	if (op == OP_SET && need_value(argc, argv, 1, "maximum number of secure addresses"))
		return -1;
	if (argc > 1) {
		if (parse_u32(argv[1], 1, VEM_PSEC_MAX_LIMIT, &n,
			      "port-security maximum") ||
		    extra(argc, argv, 2))
			return -1;
		if (op == OP_SET)
			p->a->psec_max = n;
	}
	attr_touch(p, CONFIG_ATTR_PSEC_MAX, op == OP_SET);
	return 0;
}

/* switchport port-security violation shutdown|restrict|protect */
static int psec_violation(struct parser *p, int argc, char **argv, enum op op)
{
	static const struct kw modes[] = {
		[VEM_PSEC_SHUTDOWN] = { "shutdown" },
		[VEM_PSEC_RESTRICT] = { "restrict" },
		[VEM_PSEC_PROTECT] = { "protect" },
	};
	int mode;

	if (op == OP_SET &&
	    need_value(argc, argv, 1, "shutdown, restrict or protect"))
		return -1;
	if (argc > 1) {
		mode = kw_lookup(argv[1], modes, "port-security violation");
		if (mode < 0 || extra(argc, argv, 2))
			return -1;
		if (op == OP_SET)
			p->a->psec_violation = mode;
	}
	attr_touch(p, CONFIG_ATTR_PSEC_VIOLATION, op == OP_SET);
	return 0;
}

/*
 * switchport port-security mac-address sticky: learned addresses become
 * configuration. ... sticky MAC vlan V (interfaces only): one of them.
 */
static int psec_mac(struct parser *p, int argc, char **argv, enum op op)
{
	uint8_t mac[6];
	uint16_t vid;

	if (need_kw(argc, argv, 1, "sticky"))
		return -1;
	if (argc == 2) {
		/* As shutdown: "no" turns it off over a profile. */
		p->a->psec_sticky = op == OP_SET;
		attr_touch(p, CONFIG_ATTR_PSEC_STICKY, op != OP_DEFAULT);
		return 0;
	}
	if (p->block != BLOCK_IFACE) {
		parse_fail("sticky addresses belong to an interface, not to a port-profile");
		return -1;
	}
	if (parse_mac(argv[2], mac))
		return -1;
	if (mac_is_multicast(mac) || mac_is_zero(mac)) {
		parse_fail("%s is not a unicast MAC address", argv[2]);
		return -1;
	}
	if (need_kw(argc, argv, 3, "vlan") ||
	    need_value(argc, argv, 4, "VLAN") || parse_vlan(argv[4], &vid) ||
	    extra(argc, argv, 5))
		return -1;
	if (op != OP_SET) {
		if (!config_sticky_del(p->ifc, mac, vid)) {
			parse_fail("%s vlan %u is not a sticky address of this interface",
				   argv[2], vid);
			return -1;
		}
		return 0;
	}
	if (config_sticky_find(p->ifc, mac, vid) < 0 &&
	    p->ifc->nsticky >= VEM_PSEC_MAX_LIMIT) {
		parse_fail("more than %d sticky addresses", VEM_PSEC_MAX_LIMIT);
		return -1;
	}
	if (config_sticky_add(p->ifc, mac, vid))
		return nomem(p);
	return 0;
}

static const struct cmd psec_cmds[] = {
	{ "maximum", psec_maximum },
	{ "violation", psec_violation },
	{ "mac-address", psec_mac },
};

/* switchport port-security [maximum|violation|mac-address ...] */
static int sw_psec(struct parser *p, int argc, char **argv, enum op op)
{
	int i;

	if (p->type != VEM_PORT_VETH) {
		parse_fail("port-security applies to vethernet interfaces and port-profiles only");
		return -1;
	}
	if (argc == 1) {
		/* As shutdown: "no" turns it off, over a profile too. */
		p->a->psec = op == OP_SET;
		attr_touch(p, CONFIG_ATTR_PSEC, op != OP_DEFAULT);
		return 0;
	}
	i = kw_lookup(argv[1], psec_cmds, "switchport port-security option");
	return i < 0 ? -1 : psec_cmds[i].fn(p, argc - 1, argv + 1, op);
}

static const struct cmd switchport_cmds[] = {
	{ "mode", sw_mode },
	{ "access", sw_access },
	{ "trunk", sw_trunk },
	{ "port-security", sw_psec },
};

static int cmd_switchport(struct parser *p, int argc, char **argv, enum op op)
{
	int i;

	if (argc < 2)
		return kw_missing(switchport_cmds, "switchport option");
	i = kw_lookup(argv[1], switchport_cmds, "switchport option");
	return i < 0 ? -1 : switchport_cmds[i].fn(p, argc - 1, argv + 1, op);
}

/* inherit port-profile NAME */
static int cmd_inherit(struct parser *p, int argc, char **argv, enum op op)
{
	struct config_attrs *a = p->a;

	if (need_kw(argc, argv, 1, "port-profile"))
		return -1;
	if (op == OP_SET && need_value(argc, argv, 2, "port-profile name"))
		return -1;
	if (argc > 2) {
		if (config_check_name(argv[2], CONFIG_NAME_MAX,
				      "port-profile name") ||
		    extra(argc, argv, 3))
			return -1;
		if (op != OP_SET && config_has(a, CONFIG_ATTR_INHERIT) &&
		    strcmp(a->inherit, argv[2])) {
			parse_fail("port-profile %s is not inherited here (port-profile %s is)",
				   argv[2], a->inherit);
			return -1;
		}
		if (op == OP_SET)
			strcpy(a->inherit, argv[2]);
	}
	/* Whether it exists and fits is checked once the batch is read. */
	attr_touch(p, CONFIG_ATTR_INHERIT, op == OP_SET);
	return 0;
}

/*
 * vm NAME mac MAC: the VM vNIC that owns this vethernet (vsmctl attach
 * writes it). "no vm" frees the interface from it.
 */
static int cmd_vm(struct parser *p, int argc, char **argv, enum op op)
{
	uint8_t mac[6];

	if (p->type != VEM_PORT_VETH) {
		parse_fail("vm applies to vethernet interfaces only");
		return -1;
	}
	if (op != OP_SET && argc == 1) {
		attr_touch(p, CONFIG_ATTR_VM, false);
		return 0;
	}
	if (need_value(argc, argv, 1, "VM name or UUID") ||
	    config_check_name(argv[1], CONFIG_NAME_MAX, "VM name") ||
	    need_kw(argc, argv, 2, "mac") ||
	    need_value(argc, argv, 3, "MAC address"))
		return -1;
	if (parse_mac(argv[3], mac))
		return -1;
	if (mac_is_multicast(mac) || mac_is_zero(mac)) {
		parse_fail("%s is not a unicast MAC address", argv[3]);
		return -1;
	}
	if (extra(argc, argv, 4))
		return -1;
	if (op != OP_SET) {
		if (!config_has(p->a, CONFIG_ATTR_VM) ||
		    strcmp(p->a->vm, argv[1]) || memcmp(p->a->vm_mac, mac, 6)) {
			parse_fail("this interface does not belong to vm %s mac %s",
				   argv[1], argv[3]);
			return -1;
		}
	} else {
		strcpy(p->a->vm, argv[1]);
		memcpy(p->a->vm_mac, mac, 6);
	}
	/* That no other interface has it is checked once the batch is read. */
	attr_touch(p, CONFIG_ATTR_VM, op == OP_SET);
	return 0;
}

static const struct kw dirs[] = {
	[CONFIG_ACL_IN] = { "in" }, [CONFIG_ACL_OUT] = { "out" },
};

/* The kind of access-list of the command word w: ip, ipv6 or mac. */
static uint8_t acl_kind(const char *w)
{
	static const struct kw kinds[] = {
		[CONFIG_ACL_IP] = { "ip" }, [CONFIG_ACL_IPV6] = { "ipv6" },
		[CONFIG_ACL_MAC] = { "mac" },
	};

	/* The command tables took w: it is one of them. */
	return kw_lookup(w, kinds, "command");
}

/*
 * ip port access-group NAME in|out, ipv6 port traffic-filter NAME in|out,
 * mac port access-group NAME in|out. "no" takes the name or not.
 */
static int cmd_acl(struct parser *p, int argc, char **argv, enum op op)
{
	uint8_t kind = acl_kind(argv[0]);
	const char *what = kind == CONFIG_ACL_IPV6 ? "traffic-filter" :
						     "access-group";
	const char *name = NULL;
	enum config_attr attr;
	int dir, b;

	if (need_kw(argc, argv, 1, "port") || need_kw(argc, argv, 2, what))
		return -1;
	if (op == OP_SET || argc > 4) {
		if (need_value(argc, argv, 3, "access-list name") ||
		    config_check_name(argv[3], CONFIG_NAME_MAX,
				      "access-list name") ||
		    need_value(argc, argv, 4, "in or out"))
			return -1;
		name = argv[3];
	} else if (need_value(argc, argv, 3, "in or out")) {
		return -1;
	}
	dir = kw_lookup(argv[name ? 4 : 3], dirs, "direction");
	if (dir < 0 || extra(argc, argv, name ? 5 : 4))
		return -1;
	b = CONFIG_ACL_BIND(kind, dir);
	attr = CONFIG_ATTR_ACL(b);
	if (op != OP_SET && name && config_has(p->a, attr) &&
	    strcmp(p->a->acl[b], name)) {
		parse_fail("%s access-list %s is not attached here %s (%s is)",
			   config_acl_kind_name(kind), name, dirs[dir].name,
			   p->a->acl[b]);
		return -1;
	}
	if (op == OP_SET)
		strcpy(p->a->acl[b], name);
	/* Whether it exists is checked once the batch is read. */
	attr_touch(p, attr, op == OP_SET);
	return 0;
}

/*
 * service-policy [type qos] input|output NAME; "no" takes the name or
 * not.
 */
static int cmd_service_policy(struct parser *p, int argc, char **argv,
			      enum op op)
{
	static const struct kw qdirs[] = {
		[CONFIG_QOS_IN] = { "input" }, [CONFIG_QOS_OUT] = { "output" },
	};
	enum config_attr attr;
	const char *name = NULL;
	int i = 1, dir;

	if (argc > 1 && !strcasecmp(argv[1], "type")) {
		if (need_kw(argc, argv, 2, "qos"))
			return -1;
		i = 3;
	}
	if (need_value(argc, argv, i, "input or output"))
		return -1;
	dir = kw_lookup(argv[i], qdirs, "direction");
	if (dir < 0)
		return -1;
	i++;
	if (op == OP_SET || argc > i) {
		if (need_value(argc, argv, i, "policy-map name") ||
		    config_check_name(argv[i], CONFIG_NAME_MAX,
				      "policy-map name") ||
		    extra(argc, argv, i + 1))
			return -1;
		name = argv[i];
	}
	attr = CONFIG_ATTR_QOS(dir);
	if (op != OP_SET && name && config_has(p->a, attr) &&
	    strcmp(p->a->qos[dir], name)) {
		parse_fail("policy-map %s is not attached here as %s (%s is)",
			   name, qdirs[dir].name, p->a->qos[dir]);
		return -1;
	}
	if (op == OP_SET)
		strcpy(p->a->qos[dir], name);
	/* Whether it exists is checked once the batch is read. */
	attr_touch(p, attr, op == OP_SET);
	return 0;
}

static int veth_only(struct parser *p, const char *what)
{
	if (p->type == VEM_PORT_VETH)
		return 0;
	parse_fail("%s applies to vethernet port-profiles only", what);
	return -1;
}

/* max-ports N */
static int cmd_max_ports(struct parser *p, int argc, char **argv, enum op op)
{
	uint32_t n;

	if (veth_only(p, "max-ports"))
		return -1;
	if (op == OP_SET && need_value(argc, argv, 1, "number of ports"))
		return -1;
	if (argc > 1) {
		if (parse_u32(argv[1], 1, CONFIG_MAX_PORTS_MAX, &n,
			      "max-ports") ||
		    extra(argc, argv, 2))
			return -1;
		if (op == OP_SET)
			p->a->max_ports = n;
	}
	attr_touch(p, CONFIG_ATTR_MAX_PORTS, op == OP_SET);
	return 0;
}

/* port-binding static|ephemeral */
static int cmd_binding(struct parser *p, int argc, char **argv, enum op op)
{
	static const struct kw bindings[] = {
		[CONFIG_BINDING_STATIC] = { "static" },
		[CONFIG_BINDING_EPHEMERAL] = { "ephemeral" },
	};
	int b;

	if (veth_only(p, "port-binding"))
		return -1;
	if (op == OP_SET && need_value(argc, argv, 1, "static or ephemeral"))
		return -1;
	if (argc > 1) {
		b = kw_lookup(argv[1], bindings, "port-binding");
		if (b < 0 || extra(argc, argv, 2))
			return -1;
		if (op == OP_SET)
			p->a->binding = b;
	}
	attr_touch(p, CONFIG_ATTR_BINDING, op == OP_SET);
	return 0;
}

/* shutdown: down; no shutdown: up (an override too); default: unset. */
static int cmd_shutdown(struct parser *p, int argc, char **argv, enum op op)
{
	if (extra(argc, argv, 1))
		return -1;
	p->a->shutdown = op == OP_SET;
	attr_touch(p, CONFIG_ATTR_SHUTDOWN, op != OP_DEFAULT);
	return 0;
}

/*
 * storm-control broadcast|multicast|unicast level pps N, with "no" and
 * "default" taking the line with or without its level. NX-OS's other
 * form, a percentage of the link's bandwidth, means nothing on a vEth
 * (a tap has no line rate): refused with a pointer to the pps form.
 */
static int cmd_storm(struct parser *p, int argc, char **argv, enum op op)
{
	static const struct kw kinds[] = {
		{ "broadcast" }, { "multicast" }, { "unicast" },
	};
	uint32_t pps = 0;
	int k;

	if (need_value(argc, argv, 1, "broadcast, multicast or unicast"))
		return -1;
	k = kw_lookup(argv[1], kinds, "storm-control traffic type");
	if (k < 0)
		return -1;
	if (op == OP_SET || argc > 2) {
		if (need_kw(argc, argv, 2, "level"))
			return -1;
		if (argc > 3 && strcmp(argv[3], "pps") &&
		    strspn(argv[3], "0123456789.") == strlen(argv[3])) {
			parse_fail("storm-control levels are in packets per second: storm-control %s level pps N",
				   kinds[k].name);
			return -1;
		}
		if (need_kw(argc, argv, 3, "pps") ||
		    need_value(argc, argv, 4, "packets per second") ||
		    parse_u32(argv[4], 1, VEM_STORM_PPS_MAX, &pps,
			      "storm-control level") ||
		    extra(argc, argv, 5))
			return -1;
	}
	p->a->storm[k] = op == OP_SET ? pps : 0;
	attr_touch(p, CONFIG_ATTR_STORM(k), op == OP_SET);
	return 0;
}

/* state enabled */
static int cmd_state(struct parser *p, int argc, char **argv, enum op op)
{
	if (op == OP_SET || argc > 1) {
		if (need_kw(argc, argv, 1, "enabled") || extra(argc, argv, 2))
			return -1;
	}
	attr_touch(p, CONFIG_ATTR_STATE, op == OP_SET);
	return 0;
}

/* description TEXT: the rest of the line, as written. */
static int cmd_description(struct parser *p, int argc, char **argv,
			   enum op op)
{
	size_t i = argv - p->argv, n;
	const char *text;

	if (op != OP_SET) {
		attr_touch(p, CONFIG_ATTR_DESCRIPTION, false);
		return 0;
	}
	(void)argc;
	text = p->line + p->off[i] + strlen(argv[0]);
	text += strspn(text, " \t");
	n = strlen(text);
	if (!n) {
		parse_fail("missing text after \"%s\"", argv[0]);
		return -1;
	}
	if (n > CONFIG_DESC_MAX) {
		parse_fail("description of %zu characters (at most %d)", n,
			   CONFIG_DESC_MAX);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if ((unsigned char)text[i] < 0x20 || text[i] == 0x7f) {
			parse_fail("control character in description");
			return -1;
		}
	}
	memcpy(p->a->description, text, n + 1);
	attr_touch(p, CONFIG_ATTR_DESCRIPTION, true);
	return 0;
}

/* vlan block: name WORD */
static int cmd_vlan_name(struct parser *p, int argc, char **argv, enum op op)
{
	struct config_vlan *vlan;
	unsigned int vid;

	if (op == OP_SET) {
		if (need_value(argc, argv, 1, "VLAN name") ||
		    config_check_name(argv[1], CONFIG_VLAN_NAME_MAX,
				      "VLAN name") ||
		    extra(argc, argv, 2))
			return -1;
		if (p->nvlans > 1) {
			parse_fail("a name is for one VLAN, not a list");
			return -1;
		}
	}
	for (vid = 1; vid <= VEM_VLAN_MAX; vid++) {
		if (!vlan_bitmap_test(p->vlans, vid))
			continue;
		vlan = config_vlan_find(p->cfg, vid);
		if (!vlan)	/* deleted since the header */
			continue;
		if (op == OP_SET)
			strcpy(vlan->name, argv[1]);
		else
			vlan->name[0] = '\0';
	}
	return 0;
}

/*
 * The commands of each block; the attributes first, then the words that
 * cannot follow "no" (NEG_END marks where they start).
 */
static const struct cmd vlan_cmds[] = {
	{ "name", cmd_vlan_name },
	{ "no", NULL }, { "default", NULL }, { "exit", NULL }, { "end", NULL },
};

static const struct cmd profile_cmds[] = {
	{ "switchport", cmd_switchport },
	{ "inherit", cmd_inherit },
	{ "ip", cmd_acl },
	{ "ipv6", cmd_acl },
	{ "mac", cmd_acl },
	{ "service-policy", cmd_service_policy },
	{ "max-ports", cmd_max_ports },
	{ "port-binding", cmd_binding },
	{ "shutdown", cmd_shutdown },
	{ "storm-control", cmd_storm },
	{ "state", cmd_state },
	{ "description", cmd_description },
	{ "no", NULL }, { "default", NULL }, { "exit", NULL }, { "end", NULL },
};

static const struct cmd iface_cmds[] = {
	{ "switchport", cmd_switchport },
	{ "inherit", cmd_inherit },
	{ "ip", cmd_acl },
	{ "ipv6", cmd_acl },
	{ "mac", cmd_acl },
	{ "service-policy", cmd_service_policy },
	{ "shutdown", cmd_shutdown },
	{ "storm-control", cmd_storm },
	{ "description", cmd_description },
	{ "vm", cmd_vm },
	{ "no", NULL }, { "default", NULL }, { "exit", NULL }, { "end", NULL },
};

/* For hint_indent() only: config_acl.c reads these lines. */
static const struct cmd acl_cmds[] = {
	{ "permit", NULL }, { "deny", NULL }, { "remark", NULL },
	{ "statistics", NULL },
	{ "no", NULL }, { "default", NULL }, { "exit", NULL }, { "end", NULL },
};

/* For hint_indent() only: config_qos.c reads these lines. */
static const struct cmd qos_cmds[] = {
	{ "class", NULL }, { "police", NULL }, { "set", NULL },
	{ "no", NULL }, { "default", NULL }, { "exit", NULL }, { "end", NULL },
};

#define CONTROL_WORDS	4	/* no, default, exit, end */

static void block_table(enum block b, const struct cmd **table, size_t *n)
{
	switch (b) {
	case BLOCK_VLAN:
		*table = vlan_cmds;
		*n = ARRAY_SIZE(vlan_cmds);
		break;
	case BLOCK_PROFILE:
		*table = profile_cmds;
		*n = ARRAY_SIZE(profile_cmds);
		break;
	case BLOCK_ACL:
		*table = acl_cmds;
		*n = ARRAY_SIZE(acl_cmds);
		break;
	case BLOCK_QOS:
		*table = qos_cmds;
		*n = ARRAY_SIZE(qos_cmds);
		break;
	default:
		*table = iface_cmds;
		*n = ARRAY_SIZE(iface_cmds);
		break;
	}
}

/* A line of an access-list block. */
static int acl_line(struct parser *p)
{
	int ret = config_acl_line(p->acl, p->argc, p->argv, p->line, p->off);

	if (ret == 1) {			/* exit, end */
		p->last = BLOCK_NONE;
		p->block = BLOCK_NONE;
		return 0;
	}
	if (ret == -ENOMEM)
		p->nomem = true;
	return ret ? -1 : 0;
}

/*
 * A line of a policy-map block. "exit" leaves the class if in it, else
 * the block; "end" leaves the block.
 */
static int qos_line(struct parser *p)
{
	bool opens;

	if (p->in_class && p->cur_indent <= p->class_indent)
		p->in_class = false;
	if (!strcasecmp(p->argv[0], "exit") || !strcasecmp(p->argv[0], "end")) {
		if (extra(p->argc, p->argv, 1))
			return -1;
		if (p->in_class && !strcasecmp(p->argv[0], "exit")) {
			p->in_class = false;
			return 0;
		}
		p->last = BLOCK_NONE;
		p->block = BLOCK_NONE;
		return 0;
	}
	if (config_qos_line(p->qos, p->in_class, &opens, p->argc, p->argv))
		return -1;
	if (opens) {
		p->in_class = true;
		p->class_indent = p->cur_indent;
	}
	return 0;
}

static int block_line(struct parser *p)
{
	const struct cmd *table;
	char **argv = p->argv;
	int argc = p->argc, i;
	enum op op = OP_SET;
	size_t n;

	if (p->block == BLOCK_ACL)
		return acl_line(p);
	if (p->block == BLOCK_QOS)
		return qos_line(p);
	block_table(p->block, &table, &n);
	i = kw_lookup_table(argv[0], table, n, sizeof(*table), "command");
	if (i < 0)
		return -1;
	if (!table[i].fn) {
		if (!strcmp(table[i].name, "exit") ||
		    !strcmp(table[i].name, "end")) {
			if (extra(argc, argv, 1))
				return -1;
			p->last = BLOCK_NONE;	/* left on purpose: no hint */
			p->block = BLOCK_NONE;
			return 0;
		}
		op = strcmp(table[i].name, "no") ? OP_DEFAULT : OP_NO;
		if (argc < 2)
			return kw_missing_table(table, n - CONTROL_WORDS,
						sizeof(*table), "command");
		argc--;
		argv++;
		i = kw_lookup_table(argv[0], table, n - CONTROL_WORDS,
				    sizeof(*table), "command");
		if (i < 0)
			return -1;
	}
	return table[i].fn(p, argc, argv, op);
}

/* vlan LIST */
static int top_vlan(struct parser *p, int argc, char **argv, enum op op)
{
	unsigned int vid;

	if (need_value(argc, argv, 1, "VLAN list") ||
	    vlan_list(argv[1], p->vlans) || extra(argc, argv, 2))
		return -1;
	p->nvlans = 0;
	for (vid = 1; vid <= VEM_VLAN_MAX; vid++) {
		if (!vlan_bitmap_test(p->vlans, vid))
			continue;
		if (op != OP_SET) {
			/* NX-OS allows unknown VLANs on ports: no check. */
			config_vlan_del(p->cfg, vid);
			continue;
		}
		if (!config_vlan_get(p->cfg, vid))
			return nomem(p);
		if (!p->nvlans++)
			p->vlan = vid;
	}
	if (op == OP_SET)
		p->block = BLOCK_VLAN;
	return 0;
}

static const struct kw port_type_kws[] = {
	{ "vethernet" }, { "ethernet" },
};

static uint8_t port_type_of(int kw)
{
	return kw == 0 ? VEM_PORT_VETH : VEM_PORT_UPLINK;
}

/* port-profile [type vethernet|ethernet] NAME */
static int top_profile(struct parser *p, int argc, char **argv, enum op op)
{
	char users[256];
	struct config_profile *pp;
	uint8_t type = 0;
	const char *name;
	int kw;

	if (argc == 4) {
		if (need_kw(argc, argv, 1, "type"))
			return -1;
		kw = kw_lookup(argv[2], port_type_kws, "port-profile type");
		if (kw < 0)
			return -1;
		type = port_type_of(kw);
	} else if (argc != 2) {
		parse_fail(argc < 2 ? "missing port-profile name" :
		   "expected port-profile [type vethernet|ethernet] NAME");
		return -1;
	}
	name = argv[argc - 1];
	if (config_check_name(name, CONFIG_NAME_MAX, "port-profile name"))
		return -1;
	pp = config_profile_find(p->cfg, name);
	if (pp && type && pp->type != type) {
		parse_fail("port-profile %s exists with type %s", name,
			   port_type_name(pp->type));
		return -1;
	}
	if (op != OP_SET) {
		if (!pp) {
			parse_fail("port-profile %s does not exist", name);
			return -1;
		}
		if (config_profile_users(p->cfg, name, users, sizeof(users))) {
			parse_fail("port-profile %s is still inherited by %s",
				   name, users);
			return -1;
		}
		config_profile_del(p->cfg, name);
		return 0;
	}
	/* A new profile is for VMs unless told otherwise, as in NX-OS. */
	pp = config_profile_get(p->cfg, name, type ? type : VEM_PORT_VETH);
	if (!pp)
		return nomem(p);
	p->block = BLOCK_PROFILE;
	p->pp = pp;
	p->ifc = NULL;
	p->a = &pp->a;
	p->type = pp->type;
	return 0;
}

/* interface vethernet N | ethernet N */
static int top_iface(struct parser *p, int argc, char **argv, enum op op)
{
	struct config_iface *ifc;
	struct port_ref ref;
	char port[PORT_STRLEN];
	int used;

	used = parse_port(argc - 1, argv + 1, &ref);
	if (used < 0 || extra(argc, argv, used + 1))
		return -1;
	if (op != OP_SET) {
		if (!config_iface_del(p->cfg, &ref)) {
			port_format(&ref, PORT_FMT_WORDS, port, sizeof(port));
			parse_fail("interface %s does not exist", port);
			return -1;
		}
		return 0;
	}
	ifc = config_iface_get(p->cfg, &ref);
	if (!ifc)
		return nomem(p);
	p->block = BLOCK_IFACE;
	p->ifc = ifc;
	p->pp = NULL;
	p->a = &ifc->a;
	p->type = ref.type;
	return 0;
}

/* ip|ipv6|mac access-list NAME */
static int top_acl(struct parser *p, int argc, char **argv, enum op op)
{
	uint8_t kind = acl_kind(argv[0]);
	const char *kname = config_acl_kind_name(kind);
	struct config_acl *acl;
	char users[256];
	uint8_t other;

	if (need_kw(argc, argv, 1, "access-list") ||
	    need_value(argc, argv, 2, "access-list name") ||
	    config_check_name(argv[2], CONFIG_NAME_MAX, "access-list name") ||
	    extra(argc, argv, 3))
		return -1;
	acl = config_acl_find(p->cfg, kind, argv[2]);
	if (op != OP_SET) {
		if (!acl) {
			for (other = 0; other < CONFIG_ACL_KINDS; other++)
				if (config_acl_find(p->cfg, other, argv[2]))
					break;
			if (other < CONFIG_ACL_KINDS)
				parse_fail("%s access-list %s does not exist (a %s access-list %s does)",
					   kname, argv[2],
					   config_acl_kind_name(other),
					   argv[2]);
			else
				parse_fail("%s access-list %s does not exist",
					   kname, argv[2]);
			return -1;
		}
		if (config_acl_users(p->cfg, kind, argv[2], users,
				     sizeof(users))) {
			parse_fail("%s access-list %s is still used by %s",
				   kname, argv[2], users);
			return -1;
		}
		config_acl_del(p->cfg, kind, argv[2]);
		return 0;
	}
	if (!acl && p->cfg->acls.n >= CONFIG_ACL_MAX) {
		parse_fail("too many access-lists (at most %d)", CONFIG_ACL_MAX);
		return -1;
	}
	acl = config_acl_get(p->cfg, kind, argv[2]);
	if (!acl)
		return nomem(p);
	p->block = BLOCK_ACL;
	p->acl = acl;
	return 0;
}

/* policy-map [type qos] NAME */
static int top_qos(struct parser *p, int argc, char **argv, enum op op)
{
	struct config_qos *q;
	char users[256];
	int i = 1;

	if (argc > 1 && !strcasecmp(argv[1], "type")) {
		if (need_kw(argc, argv, 2, "qos"))
			return -1;
		i = 3;
	}
	if (need_value(argc, argv, i, "policy-map name") ||
	    config_check_name(argv[i], CONFIG_NAME_MAX, "policy-map name") ||
	    extra(argc, argv, i + 1))
		return -1;
	q = config_qos_find(p->cfg, argv[i]);
	if (op != OP_SET) {
		if (!q) {
			parse_fail("policy-map %s does not exist", argv[i]);
			return -1;
		}
		if (config_qos_users(p->cfg, argv[i], users, sizeof(users))) {
			parse_fail("policy-map %s is still used by %s",
				   argv[i], users);
			return -1;
		}
		config_qos_del(p->cfg, argv[i]);
		return 0;
	}
	if (!q && p->cfg->qos.n >= CONFIG_QOS_MAX) {
		parse_fail("too many policy-maps (at most %d)", CONFIG_QOS_MAX);
		return -1;
	}
	q = config_qos_get(p->cfg, argv[i]);
	if (!q)
		return nomem(p);
	p->block = BLOCK_QOS;
	p->qos = q;
	p->in_class = false;
	return 0;
}

static const struct cmd top_cmds[] = {
	{ "vlan", top_vlan },
	{ "policy-map", top_qos },
	{ "ip", top_acl },
	{ "ipv6", top_acl },
	{ "mac", top_acl },
	{ "port-profile", top_profile },
	{ "interface", top_iface },
	{ "no", NULL }, { "exit", NULL }, { "end", NULL },
};

#define TOP_CONTROL_WORDS	3	/* no, exit, end */

/*
 * An unknown word at the top that a block would take: the line is most
 * likely meant for the block above and lacks its indentation.
 */
static void hint_indent(struct parser *p, const char *word)
{
	char msg[CONFIG_ERR_LEN];
	const struct cmd *table;
	size_t n;

	if (p->last == BLOCK_NONE)
		return;
	snprintf(msg, sizeof(msg), "%s", parse_error());
	block_table(p->last, &table, &n);
	if ((p->last == BLOCK_ACL && word[0] >= '0' && word[0] <= '9') ||
	    kw_lookup_table(word, table, n - CONTROL_WORDS, sizeof(*table),
			    "command") >= 0)
		parse_fail("%s; indent it to put it in the block above", msg);
	else
		parse_fail("%s", msg);
}

static int top_line(struct parser *p)
{
	char **argv = p->argv;
	int argc = p->argc, i;
	enum op op = OP_SET;
	size_t n = ARRAY_SIZE(top_cmds);

	i = kw_lookup(argv[0], top_cmds, "command");
	if (i < 0) {
		hint_indent(p, argv[0]);
		return -1;
	}
	if (!top_cmds[i].fn) {
		if (strcmp(top_cmds[i].name, "no"))	/* exit, end */
			return extra(argc, argv, 1);
		op = OP_NO;
		if (argc < 2)
			return kw_missing_table(top_cmds,
						n - TOP_CONTROL_WORDS,
						sizeof(*top_cmds), "command");
		argc--;
		argv++;
		i = kw_lookup_table(argv[0], top_cmds, n - TOP_CONTROL_WORDS,
				    sizeof(*top_cmds), "command");
		if (i < 0)
			return -1;
	}
	p->last = BLOCK_NONE;
	return top_cmds[i].fn(p, argc, argv, op);
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/*
 * Splits the trimmed line into p->argv (words in buf, a copy of it) up to
 * a comment. Returns -1 if it has too many words.
 */
static int split(struct parser *p, char *buf)
{
	size_t i = 0;

	p->argc = 0;
	for (;;) {
		while (buf[i] && blank(buf[i]))
			i++;
		if (!buf[i] || buf[i] == '!' || buf[i] == '#')
			break;
		if (p->argc == MAX_WORDS) {
			parse_fail("too many words (at most %d)", MAX_WORDS);
			return -1;
		}
		p->off[p->argc] = i;
		p->argv[p->argc++] = buf + i;
		while (buf[i] && !blank(buf[i]))
			i++;
		if (buf[i])
			buf[i++] = '\0';
	}
	p->argv[p->argc] = NULL;
	return 0;
}

/* "line N: TEXT: why" into err, TEXT shortened and made printable. */
static void line_error(struct config_error *err, unsigned int lineno,
		       const char *text, size_t len, const char *why)
{
	char echo[ECHO_MAX + 4];
	size_t i, n;

	while (len && blank(*text)) {
		text++;
		len--;
	}
	while (len && blank(text[len - 1]))
		len--;
	n = len > ECHO_MAX ? ECHO_MAX : len;
	for (i = 0; i < n; i++)
		echo[i] = (unsigned char)text[i] < 0x20 || text[i] == 0x7f ?
			  '?' : text[i];
	strcpy(echo + n, len > n ? "..." : "");
	err->line = lineno;
	snprintf(err->msg, sizeof(err->msg), "line %u: %s: %s", lineno, echo,
		 why);
	/*
	 * The reason quotes words of the line too: nothing of it may reach
	 * the operator's terminal as a control sequence.
	 */
	for (i = 0; err->msg[i]; i++)
		if ((unsigned char)err->msg[i] < 0x20 || err->msg[i] == 0x7f)
			err->msg[i] = '?';
}

/* Columns before the first word; a tab goes to the next multiple of 8. */
static unsigned int indentation(const char *s, const char **rest)
{
	unsigned int col = 0;

	for (; blank(*s); s++)
		col = *s == '\t' ? (col / 8 + 1) * 8 : col + 1;
	*rest = s;
	return col;
}

/* One line of len bytes at s (no newline); 0 or -1 with parse_error(). */
static int one_line(struct parser *p, const char *s, size_t len, char *raw,
		    char *words)
{
	unsigned int indent;
	const char *start;

	if (memchr(s, '\0', len)) {
		parse_fail("NUL byte in the line");
		return -1;
	}
	memcpy(raw, s, len);
	raw[len] = '\0';
	while (len && blank(raw[len - 1]))
		raw[--len] = '\0';
	indent = indentation(raw, &start);
	p->line = start;
	p->cur_indent = indent;
	strcpy(words, start);
	if (split(p, words))
		return -1;
	if (!p->argc)
		return 0;
	if (p->block != BLOCK_NONE && indent > p->indent)
		return block_line(p);
	if (p->block != BLOCK_NONE)
		p->last = p->block;
	p->block = BLOCK_NONE;
	p->indent = indent;
	return top_line(p);
}

/* The line number lineno of text, for an error found after the batch. */
static void find_line(const char *text, size_t len, unsigned int lineno,
		      const char **s, size_t *n)
{
	const char *end = text + len, *nl;

	while (--lineno > 0) {
		nl = memchr(text, '\n', end - text);
		if (!nl) {
			text = end;
			break;
		}
		text = nl + 1;
	}
	nl = memchr(text, '\n', end - text);
	*s = text;
	*n = (nl ? nl : end) - text;
}

/* Every line of text into cfg, then the rules of the whole. */
static int parse_all(struct config *cfg, const char *text, size_t len,
		     struct config_error *err)
{
	struct parser p = { .cfg = cfg };
	const char *s = text, *end = text + len, *nl;
	char *raw = NULL, *words = NULL;
	size_t cap = 0;
	int ret = 0;

	while (s < end) {
		size_t n;

		nl = memchr(s, '\n', end - s);
		n = (nl ? nl : end) - s;
		p.lineno++;
		if (n + 1 > cap) {
			char *r = realloc(raw, n + 1), *w;

			if (r)
				raw = r;
			w = r ? realloc(words, n + 1) : NULL;
			if (w)
				words = w;
			if (!r || !w) {
				ret = -ENOMEM;
				snprintf(err->msg, sizeof(err->msg),
					 "line %u: out of memory", p.lineno);
				err->line = p.lineno;
				goto out;
			}
			cap = n + 1;
		}
		if (one_line(&p, s, n, raw, words)) {
			ret = p.nomem ? -ENOMEM : -EINVAL;
			line_error(err, p.lineno, s, n, parse_error());
			goto out;
		}
		s = nl ? nl + 1 : end;
	}
	ret = config_validate(cfg, err);
	if (ret && err->line) {
		char why[CONFIG_ERR_LEN];
		const char *line;
		size_t n;

		snprintf(why, sizeof(why), "%s", err->msg);
		find_line(text, len, err->line, &line, &n);
		line_error(err, err->line, line, n, why);
	}
out:
	free(raw);
	free(words);
	return ret;
}

/* Lines that set something in an earlier batch do not belong to this one. */
static void forget_lines(struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->profiles.n; i++)
		memset(config_profile_at(cfg, i)->a.line, 0,
		       sizeof(config_profile_at(cfg, i)->a.line));
	for (i = 0; i < cfg->ifaces.n; i++)
		memset(config_iface_at(cfg, i)->a.line, 0,
		       sizeof(config_iface_at(cfg, i)->a.line));
}

int config_apply(struct config *cfg, const char *text, size_t len,
		 struct config_error *err)
{
	struct config work;
	int ret;

	err->line = 0;
	err->msg[0] = '\0';
	if (config_clone(&work, cfg)) {
		snprintf(err->msg, sizeof(err->msg), "out of memory");
		return -ENOMEM;
	}
	forget_lines(&work);
	ret = parse_all(&work, text, len, err);
	if (ret) {
		config_free(&work);
		return ret;
	}
	config_move(cfg, &work);
	return 0;
}
