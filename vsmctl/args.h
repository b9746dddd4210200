/* SPDX-License-Identifier: GPL-2.0 */
/*
 * args.h - the argv parsers of the commands: words into the model
 * (model.h), no netlink, no I/O. Each returns 0, or -1 with a message in
 * parse_error(). argv starts after the command words ("interface add").
 */

#ifndef VSMCTL_ARGS_H
#define VSMCTL_ARGS_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"

/* switch create|set: [aging-time SEC] [mac-limit N]; set needs one. */
int args_switch(int argc, char **argv, bool need_one, struct switch_info *sw);

enum iface_op {
	IFACE_ADD,
	IFACE_SET,
};

enum vlan_op {
	VLAN_OP_NONE,
	VLAN_OP_SET,		/* allowed vlan LIST|all|none|except LIST */
	VLAN_OP_ADD,		/* allowed vlan add LIST */
	VLAN_OP_REMOVE,		/* allowed vlan remove LIST */
};

struct iface_req {
	/*
	 * The port and the options given, in port.has: PORT_HAS_IFNAME for
	 * "dev IFNAME" (the caller resolves it to an ifindex),
	 * PORT_HAS_IFINDEX with ifindex 0 for "nodev", PORT_HAS_TRUNK_VLANS
	 * for a whole allowed list.
	 */
	struct port_info port;
	/* allowed vlan add|remove LIST: to apply to the current list. */
	enum vlan_op allowed_op;
	uint8_t allowed[VEM_VLAN_BITMAP_LEN];
};

/*
 * interface add|set <port> [dev IFNAME | nodev] [mode access|trunk]
 *	[access vlan V] [allowed vlan LIST|add LIST|remove LIST|except LIST]
 *	[native vlan V|none] [shutdown | no shutdown]
 * Each option at most once; "switchport" and "trunk" may prefix them, as
 * in NX-OS ("switchport trunk allowed vlan 10"). Set needs an option.
 */
int args_interface(int argc, char **argv, enum iface_op op,
		   struct iface_req *req);

/* Apply an allowed vlan add|remove list to the bitmap cur. */
void vlan_bitmap_apply(uint8_t *cur, const uint8_t *list, enum vlan_op op);

/* interface delete <port> */
int args_port_only(int argc, char **argv, struct port_ref *ref);

struct show_iface_args {
	bool brief;
	bool counters;
	bool has_port;
	struct port_ref port;
};

/* show interface [brief | counters] [<port>], in any order */
int args_show_interface(int argc, char **argv, struct show_iface_args *a);

enum mac_type {
	MAC_TYPE_ANY,
	MAC_TYPE_STATIC,
	MAC_TYPE_DYNAMIC,
};

struct mac_filter {
	unsigned int has;	/* FDB_HAS_MAC, FDB_HAS_VLAN, FDB_HAS_PORT */
	uint8_t mac[6];
	uint16_t vlan;
	struct port_ref port;
	enum mac_type type;
};

/*
 * show mac address-table [address MAC] [vlan V] [interface <port>]
 *	[static|dynamic], in any order
 */
int args_show_mac(int argc, char **argv, struct mac_filter *f);
bool mac_filter_match(const struct mac_filter *f, const struct fdb_entry *e);

/*
 * mac address-table static MAC vlan V interface <port>		(add)
 * no mac address-table static MAC vlan V [interface <port>]	(del)
 * argv starts at MAC. A static entry needs a unicast, non-zero MAC.
 */
int args_mac_static(int argc, char **argv, bool del, struct fdb_entry *e);

/*
 * clear mac address-table dynamic|all [vlan V] [interface <port>]
 * into the filter of a flush.
 */
int args_clear_mac(int argc, char **argv, struct fdb_entry *filter);

#endif /* VSMCTL_ARGS_H */
