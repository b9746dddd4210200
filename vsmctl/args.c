// SPDX-License-Identifier: GPL-2.0
/*
 * args.c - argv into the model, for each command. Pure: no netlink, no I/O.
 */

#include <string.h>
#include <strings.h>

#include "args.h"
#include "parse.h"

/* The value after the keyword argv[0]. */
static int need_value(int argc, char **argv)
{
	if (argc < 2) {
		parse_fail("missing value after \"%s\"", argv[0]);
		return -1;
	}
	return 0;
}

static int twice(const char *word)
{
	parse_fail("\"%s\" given twice", word);
	return -1;
}

/* The keyword "vlan" after argv[0] ("access vlan", "native vlan"...). */
static const struct kw vlan_kw[] = { { "vlan" } };

static int need_vlan_kw(int argc, char **argv)
{
	if (argc < 2) {
		parse_fail("missing \"vlan\" after \"%s\"", argv[0]);
		return -1;
	}
	return kw_lookup(argv[1], vlan_kw, "keyword") < 0 ? -1 : 0;
}

enum { SW_AGING_TIME, SW_MAC_LIMIT };

static const struct kw switch_kws[] = {
	[SW_AGING_TIME]	= { "aging-time" },
	[SW_MAC_LIMIT]	= { "mac-limit" },
};

int args_switch(int argc, char **argv, bool need_one, struct switch_info *sw)
{
	memset(sw, 0, sizeof(*sw));
	while (argc > 0) {
		int kw = kw_lookup(argv[0], switch_kws, "switch option");

		if (kw < 0 || need_value(argc, argv))
			return -1;
		switch (kw) {
		case SW_AGING_TIME:
			if (sw->has & SWITCH_HAS_AGEING_TIME)
				return twice(argv[0]);
			if (parse_u32(argv[1], 0, VEM_AGEING_TIME_MAX,
				      &sw->ageing_time, "aging time"))
				return -1;
			sw->has |= SWITCH_HAS_AGEING_TIME;
			break;
		case SW_MAC_LIMIT:
			if (sw->has & SWITCH_HAS_FDB_MAX)
				return twice(argv[0]);
			if (parse_u32(argv[1], 1, VEM_FDB_MAX_LIMIT,
				      &sw->fdb_max, "MAC limit"))
				return -1;
			sw->has |= SWITCH_HAS_FDB_MAX;
			break;
		}
		argc -= 2;
		argv += 2;
	}
	if (need_one && !sw->has) {
		parse_fail("nothing to set (expected aging-time SEC or mac-limit N)");
		return -1;
	}
	return 0;
}

enum {
	IF_DEV, IF_NODEV, IF_MODE, IF_ACCESS, IF_ALLOWED, IF_NATIVE,
	IF_SHUTDOWN, IF_NO, IF_SWITCHPORT, IF_TRUNK,
};

static const struct kw iface_kws[] = {
	[IF_DEV]	= { "dev" },
	[IF_NODEV]	= { "nodev" },
	[IF_MODE]	= { "mode" },
	[IF_ACCESS]	= { "access" },
	[IF_ALLOWED]	= { "allowed" },
	[IF_NATIVE]	= { "native" },
	[IF_SHUTDOWN]	= { "shutdown" },
	[IF_NO]		= { "no" },
	[IF_SWITCHPORT]	= { "switchport" },
	[IF_TRUNK]	= { "trunk" },
};

static const struct kw mode_kws[] = {
	[0] = { "access" },
	[1] = { "trunk" },
};

static const struct kw no_kws[] = { { "shutdown" } };

/* What follows "trunk" as a prefix: only "allowed" or "native". */
static const struct kw trunk_kws[] = { { "allowed" }, { "native" } };

static int uplink_refuses(const char *what)
{
	parse_fail("an ethernet interface is always a trunk: \"%s\" does not apply",
		   what);
	return -1;
}

/* allowed vlan [add|remove|except] LIST: argv at LIST or its operator. */
static int allowed_vlans(int argc, char **argv, struct iface_req *req,
			 enum iface_op op)
{
	static const struct {
		const char *word;
		enum vlan_op op;
	} ops[] = {
		{ "add", VLAN_OP_ADD },
		{ "remove", VLAN_OP_REMOVE },
		{ "except", VLAN_OP_SET },
	};
	uint8_t *bm = req->port.trunk_vlans;
	enum vlan_op vop = VLAN_OP_SET;
	bool except = false;
	size_t i;
	int used = 1;

	if (argc < 1) {
		parse_fail("missing VLAN list after \"allowed vlan\"");
		return -1;
	}
	/* Operators are exact words: "a" would be "add" or "all". */
	for (i = 0; i < ARRAY_SIZE(ops); i++) {
		if (strcasecmp(argv[0], ops[i].word))
			continue;
		if (argc < 2) {
			parse_fail("missing VLAN list after \"%s\"", argv[0]);
			return -1;
		}
		vop = ops[i].op;
		except = !strcasecmp(argv[0], "except");
		used = 2;
		break;
	}
	if (vop != VLAN_OP_SET && op == IFACE_ADD) {
		parse_fail("\"allowed vlan %s\" needs an existing interface: use interface set",
			   argv[0]);
		return -1;
	}
	if (vop != VLAN_OP_SET)
		bm = req->allowed;
	if (parse_vlan_list(argv[used - 1], bm))
		return -1;
	if (except) {
		for (i = 1; i <= VEM_VLAN_MAX; i++) {
			if (vlan_bitmap_test(bm, i))
				vlan_bitmap_clear(bm, i);
			else
				vlan_bitmap_set(bm, i);
		}
	}
	if (vop == VLAN_OP_SET)
		req->port.has |= PORT_HAS_TRUNK_VLANS;
	req->allowed_op = vop;
	return used;
}

int args_interface(int argc, char **argv, enum iface_op op,
		   struct iface_req *req)
{
	struct port_info *port = &req->port;
	bool uplink, after_trunk = false;
	int n;

	memset(req, 0, sizeof(*req));
	n = parse_port(argc, argv, &port->ref);
	if (n < 0)
		return -1;
	argc -= n;
	argv += n;
	uplink = port->ref.type == VEM_PORT_UPLINK;

	while (argc > 0) {
		int kw, used = 2;

		if (after_trunk) {
			kw = kw_lookup(argv[0], trunk_kws, "keyword");
			if (kw >= 0)
				kw = kw ? IF_NATIVE : IF_ALLOWED;
			after_trunk = false;
		} else {
			kw = kw_lookup(argv[0], iface_kws, "interface option");
		}

		switch (kw) {
		case IF_SWITCHPORT:
			/* NX-OS: "switchport mode trunk". A mere prefix. */
			if (argc < 2) {
				parse_fail("missing option after \"%s\"",
					   argv[0]);
				return -1;
			}
			used = 1;
			break;
		case IF_TRUNK:
			/* NX-OS: "switchport trunk allowed vlan 10". */
			if (argc < 2) {
				parse_fail("missing \"allowed\" or \"native\" after \"%s\"",
					   argv[0]);
				return -1;
			}
			after_trunk = true;
			used = 1;
			break;
		case IF_DEV:
			if (port->has & (PORT_HAS_IFNAME | PORT_HAS_IFINDEX))
				return twice(argv[0]);
			if (need_value(argc, argv) ||
			    parse_ifname(argv[1], port->ifname))
				return -1;
			port->has |= PORT_HAS_IFNAME;
			break;
		case IF_NODEV:
			if (op == IFACE_ADD) {
				parse_fail("\"%s\" only applies to interface set",
					   argv[0]);
				return -1;
			}
			if (port->has & (PORT_HAS_IFNAME | PORT_HAS_IFINDEX))
				return twice(argv[0]);
			port->has |= PORT_HAS_IFINDEX;
			port->ifindex = 0;
			used = 1;
			break;
		case IF_MODE:
			if (port->has & PORT_HAS_MODE)
				return twice(argv[0]);
			if (need_value(argc, argv))
				return -1;
			switch (kw_lookup(argv[1], mode_kws, "mode")) {
			case 0:
				if (uplink)
					return uplink_refuses("mode access");
				port->mode = VEM_PORT_MODE_ACCESS;
				break;
			case 1:
				port->mode = VEM_PORT_MODE_TRUNK;
				break;
			default:
				return -1;
			}
			port->has |= PORT_HAS_MODE;
			break;
		case IF_ACCESS:
			if (uplink)
				return uplink_refuses("access vlan");
			if (port->has & PORT_HAS_ACCESS_VLAN)
				return twice("access vlan");
			if (need_vlan_kw(argc, argv))
				return -1;
			if (argc < 3) {
				parse_fail("missing VLAN after \"access vlan\"");
				return -1;
			}
			if (parse_vlan(argv[2], &port->access_vlan))
				return -1;
			port->has |= PORT_HAS_ACCESS_VLAN;
			used = 3;
			break;
		case IF_ALLOWED:
			if ((port->has & PORT_HAS_TRUNK_VLANS) ||
			    req->allowed_op != VLAN_OP_NONE)
				return twice("allowed vlan");
			if (need_vlan_kw(argc, argv))
				return -1;
			n = allowed_vlans(argc - 2, argv + 2, req, op);
			if (n < 0)
				return -1;
			used = 2 + n;
			break;
		case IF_NATIVE:
			if (port->has & PORT_HAS_NATIVE_VLAN)
				return twice("native vlan");
			if (need_vlan_kw(argc, argv))
				return -1;
			if (argc < 3) {
				parse_fail("missing VLAN after \"native vlan\"");
				return -1;
			}
			if (!strcasecmp(argv[2], "none"))
				port->native_vlan = 0;
			else if (parse_vlan(argv[2], &port->native_vlan))
				return -1;
			port->has |= PORT_HAS_NATIVE_VLAN;
			used = 3;
			break;
		case IF_SHUTDOWN:
			if (port->has & PORT_HAS_SHUTDOWN)
				return twice("shutdown");
			port->has |= PORT_HAS_SHUTDOWN;
			port->shutdown = true;
			used = 1;
			break;
		case IF_NO:
			if (argc < 2) {
				parse_fail("missing \"shutdown\" after \"%s\"",
					   argv[0]);
				return -1;
			}
			if (kw_lookup(argv[1], no_kws, "keyword") < 0)
				return -1;
			if (port->has & PORT_HAS_SHUTDOWN)
				return twice("shutdown");
			port->has |= PORT_HAS_SHUTDOWN;
			port->shutdown = false;
			break;
		default:
			return -1;
		}
		argc -= used;
		argv += used;
	}

	if (op == IFACE_SET && !port->has && req->allowed_op == VLAN_OP_NONE) {
		parse_fail("nothing to change (expected dev, nodev, mode, access vlan, allowed vlan, native vlan, shutdown or no shutdown)");
		return -1;
	}
	return 0;
}

void vlan_bitmap_apply(uint8_t *cur, const uint8_t *list, enum vlan_op op)
{
	size_t i;

	for (i = 0; i < VEM_VLAN_BITMAP_LEN; i++) {
		switch (op) {
		case VLAN_OP_SET:
			cur[i] = list[i];
			break;
		case VLAN_OP_ADD:
			cur[i] |= list[i];
			break;
		case VLAN_OP_REMOVE:
			cur[i] &= ~list[i];
			break;
		case VLAN_OP_NONE:
			break;
		}
	}
}

static int no_more(int argc, char **argv)
{
	if (argc > 0) {
		parse_fail("unexpected \"%s\"", argv[0]);
		return -1;
	}
	return 0;
}

int args_port_only(int argc, char **argv, struct port_ref *ref)
{
	int n = parse_port(argc, argv, ref);

	if (n < 0)
		return -1;
	return no_more(argc - n, argv + n);
}

static const struct kw show_iface_kws[] = {
	[0] = { "brief" },
	[1] = { "counters" },
};

int args_show_interface(int argc, char **argv, struct show_iface_args *a)
{
	memset(a, 0, sizeof(*a));
	while (argc > 0) {
		int n, kw = kw_lookup(argv[0], show_iface_kws, "keyword");

		if (kw == 0 || kw == 1) {
			bool *flag = kw ? &a->counters : &a->brief;

			if (*flag)
				return twice(argv[0]);
			*flag = true;
			argc--;
			argv++;
			continue;
		}
		if (a->has_port) {
			parse_fail("unexpected \"%s\"", argv[0]);
			return -1;
		}
		n = parse_port(argc, argv, &a->port);
		if (n < 0) {
			parse_fail("unexpected \"%s\" (expected brief, counters, vethernet N or ethernet N)",
				   argv[0]);
			return -1;
		}
		a->has_port = true;
		argc -= n;
		argv += n;
	}
	if (a->brief && a->counters) {
		parse_fail("\"brief\" and \"counters\" do not go together");
		return -1;
	}
	return 0;
}

enum { MF_ADDRESS, MF_VLAN, MF_INTERFACE, MF_STATIC, MF_DYNAMIC };

static const struct kw show_mac_kws[] = {
	[MF_ADDRESS]	= { "address" },
	[MF_VLAN]	= { "vlan" },
	[MF_INTERFACE]	= { "interface" },
	[MF_STATIC]	= { "static" },
	[MF_DYNAMIC]	= { "dynamic" },
};

int args_show_mac(int argc, char **argv, struct mac_filter *f)
{
	memset(f, 0, sizeof(*f));
	while (argc > 0) {
		int kw = kw_lookup(argv[0], show_mac_kws, "filter");
		int n, used = 2;

		switch (kw) {
		case MF_ADDRESS:
			if (f->has & FDB_HAS_MAC)
				return twice(argv[0]);
			if (need_value(argc, argv) || parse_mac(argv[1], f->mac))
				return -1;
			f->has |= FDB_HAS_MAC;
			break;
		case MF_VLAN:
			if (f->has & FDB_HAS_VLAN)
				return twice(argv[0]);
			if (need_value(argc, argv) || parse_vlan(argv[1], &f->vlan))
				return -1;
			f->has |= FDB_HAS_VLAN;
			break;
		case MF_INTERFACE:
			if (f->has & FDB_HAS_PORT)
				return twice(argv[0]);
			n = parse_port(argc - 1, argv + 1, &f->port);
			if (n < 0)
				return -1;
			f->has |= FDB_HAS_PORT;
			used = 1 + n;
			break;
		case MF_STATIC:
		case MF_DYNAMIC:
			if (f->type != MAC_TYPE_ANY) {
				parse_fail("\"%s\": the type is already given",
					   argv[0]);
				return -1;
			}
			f->type = kw == MF_STATIC ? MAC_TYPE_STATIC :
						    MAC_TYPE_DYNAMIC;
			used = 1;
			break;
		default:
			return -1;
		}
		argc -= used;
		argv += used;
	}
	return 0;
}

bool mac_filter_match(const struct mac_filter *f, const struct fdb_entry *e)
{
	bool is_static = e->flags & VEM_FDB_F_STATIC;

	if ((f->has & FDB_HAS_MAC) && memcmp(f->mac, e->mac, 6))
		return false;
	if ((f->has & FDB_HAS_VLAN) && f->vlan != e->vlan)
		return false;
	if ((f->has & FDB_HAS_PORT) &&
	    (!(e->has & FDB_HAS_PORT) || f->port.type != e->port.type ||
	     f->port.id != e->port.id))
		return false;
	if (f->type == MAC_TYPE_STATIC && !is_static)
		return false;
	if (f->type == MAC_TYPE_DYNAMIC && is_static)
		return false;
	return true;
}

enum { ME_VLAN, ME_INTERFACE };

static const struct kw entry_kws[] = {
	[ME_VLAN]	= { "vlan" },
	[ME_INTERFACE]	= { "interface" },
};

/* [vlan V] [interface <port>] in any order, into e. */
static int vlan_and_port(int argc, char **argv, struct fdb_entry *e)
{
	while (argc > 0) {
		int kw = kw_lookup(argv[0], entry_kws, "keyword");
		int n;

		switch (kw) {
		case ME_VLAN:
			if (e->has & FDB_HAS_VLAN)
				return twice(argv[0]);
			if (need_value(argc, argv) || parse_vlan(argv[1], &e->vlan))
				return -1;
			e->has |= FDB_HAS_VLAN;
			n = 2;
			break;
		case ME_INTERFACE:
			if (e->has & FDB_HAS_PORT)
				return twice(argv[0]);
			n = parse_port(argc - 1, argv + 1, &e->port);
			if (n < 0)
				return -1;
			e->has |= FDB_HAS_PORT;
			n++;
			break;
		default:
			return -1;
		}
		argc -= n;
		argv += n;
	}
	return 0;
}

int args_mac_static(int argc, char **argv, bool del, struct fdb_entry *e)
{
	memset(e, 0, sizeof(*e));
	if (argc < 1) {
		parse_fail("missing MAC address");
		return -1;
	}
	if (parse_mac(argv[0], e->mac))
		return -1;
	e->has |= FDB_HAS_MAC;
	if (!del) {
		if (mac_is_multicast(e->mac)) {
			parse_fail("MAC address %s is multicast: a static entry needs a unicast address",
				   argv[0]);
			return -1;
		}
		if (mac_is_zero(e->mac)) {
			parse_fail("MAC address %s is all zero: a static entry needs a unicast address",
				   argv[0]);
			return -1;
		}
	}
	if (vlan_and_port(argc - 1, argv + 1, e))
		return -1;
	if (!(e->has & FDB_HAS_VLAN)) {
		parse_fail("missing \"vlan V\" after the MAC address");
		return -1;
	}
	if (!del && !(e->has & FDB_HAS_PORT)) {
		parse_fail("missing \"interface vethernet|ethernet N\"");
		return -1;
	}
	/* FDB_NEW adds static entries: no flags to send (none accepted). */
	return 0;
}

static const struct kw clear_kws[] = {
	[0] = { "dynamic" },
	[1] = { "all" },
};

int args_clear_mac(int argc, char **argv, struct fdb_entry *filter)
{
	int kw;

	memset(filter, 0, sizeof(*filter));
	if (argc < 1) {
		parse_fail("missing \"dynamic\" or \"all\"");
		return -1;
	}
	kw = kw_lookup(argv[0], clear_kws, "keyword");
	if (kw < 0)
		return -1;
	if (kw == 1) {
		filter->has |= FDB_HAS_FLAGS;
		filter->flags = VEM_FDB_F_STATIC;
	}
	return vlan_and_port(argc - 1, argv + 1, filter);
}
