/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * vem.h - the generic netlink protocol between vem.ko (the per-host data
 * plane of vnlink, the "VEM") and its userspace (vsmctl, vsmd).
 *
 * This header is the one contract between kernel and userspace.
 *
 * Documentation
 * =============
 *
 * Family name: VEM_GENL_NAME ("vem"), version VEM_GENL_VERSION.
 * Multicast group: VEM_GENL_MCGRP_EVENTS ("events").
 *
 * Every operation and the event group require CAP_NET_ADMIN in the initial
 * user namespace. A switch may only be created in a network namespace owned
 * by the initial user namespace, so that the events of a switch never reach
 * a socket whose owner lacks that capability.
 *
 * Every attribute is validated strictly: an unknown attribute, an attribute
 * the command does not list (read-only ones included), a value out of range
 * or a missing attribute is refused with an extended ack message
 * (NLMSGERR_ATTR_MSG) and, where it names one, the offending attribute
 * (NLMSGERR_ATTR_OFFS/MISS_TYPE). A refused request changes nothing.
 *
 * The switch
 * ----------
 *
 * There is at most one switch instance per network namespace: the namespace
 * of the netlink socket that sends the request. It goes away with its
 * namespace or with VEM_CMD_SWITCH_DEL.
 *
 * VEM_CMD_SWITCH_NEW: create the switch of this namespace.
 *	Optional: VEM_A_SWITCH_AGEING_TIME, VEM_A_SWITCH_FDB_MAX.
 *	-EEXIST if the namespace already has a switch.
 * VEM_CMD_SWITCH_SET: change VEM_A_SWITCH_AGEING_TIME and/or
 *	VEM_A_SWITCH_FDB_MAX. Lowering FDB_MAX below the number of entries
 *	does not evict any; new learning is refused until the table shrinks.
 * VEM_CMD_SWITCH_DEL: unbind every port, destroy the switch. No attributes.
 * VEM_CMD_SWITCH_GET (do): reply with every VEM_A_SWITCH_* attribute.
 *
 * Ports
 * -----
 *
 * A port is named by (VEM_A_PORT_TYPE, VEM_A_PORT_ID):
 *	VEM_PORT_VETH   "vethernet N": a VM interface. It is an identity: it
 *			exists without a netdev, can be bound to one (a tap or a
 *			veth end), unbound, and bound again to another netdev,
 *			keeping its configuration and its counters. When its
 *			netdev is unregistered (the VM is gone) the vEth is
 *			unbound, not deleted.
 *	VEM_PORT_UPLINK "ethernet N": a netdev towards the physical network,
 *			always an 802.1Q trunk. Frames are never forwarded from
 *			one uplink to another (no loops without spanning tree).
 * N is chosen by userspace, 1 to VEM_PORT_ID_MAX.
 *
 * VEM_CMD_PORT_NEW: create a port.
 *	Required: VEM_A_PORT_TYPE, VEM_A_PORT_ID.
 *	Optional: VEM_A_PORT_IFINDEX (bind at once) and the configuration
 *	attributes below. A vEth defaults to access mode in VLAN 1; an uplink
 *	is a trunk allowing every VLAN with native VLAN 1.
 * VEM_CMD_PORT_SET: change a port.
 *	Required: VEM_A_PORT_TYPE, VEM_A_PORT_ID.
 *	Optional: VEM_A_PORT_IFINDEX (bind; 0 unbinds), VEM_A_PORT_MODE,
 *	VEM_A_PORT_ACCESS_VLAN, VEM_A_PORT_NATIVE_VLAN, VEM_A_PORT_TRUNK_VLANS,
 *	VEM_A_PORT_SHUTDOWN, VEM_A_PORT_PSEC*. An uplink refuses
 *	VEM_PORT_MODE_ACCESS. VEM_A_PORT_SHUTDOWN = 1 also ends an
 *	err-disabled state (see Port security).
 *	The new configuration is published at once: a frame sees the old one
 *	or the new one, never a mix.
 * VEM_CMD_PORT_DEL: unbind and delete a port; its MAC entries go with it.
 *	Required: VEM_A_PORT_TYPE, VEM_A_PORT_ID.
 * VEM_CMD_PORT_GET: do (TYPE and ID required) or dump (optional
 *	VEM_A_PORT_TYPE narrows it to one type; consistency-checked, see
 *	below). Replies carry every
 *	VEM_A_PORT_* attribute, VEM_A_PORT_STATS included.
 *
 * Port profiles
 * -------------
 *
 * A port profile is a named set of port configuration, already evaluated
 * by userspace (inheritance between profiles is resolved in vsmd). A port
 * names at most one profile (VEM_A_PORT_PROFILE); each configuration item
 * comes from the port itself if it sets it (VEM_A_PORT_OWN) or else from
 * its profile. Changing a profile publishes its new configuration once:
 * every port bound to it sees it for the next frame, with no message per
 * port. A profile serves one port type (VEM_A_PROFILE_TYPE), binds at most
 * VEM_A_PROFILE_MAX_PORTS ports, and ports bind only while it is enabled.
 *
 * VEM_CMD_PROFILE_NEW: create a profile.
 *	Required: VEM_A_PROFILE_NAME. Optional: every other writable
 *	VEM_A_PROFILE_* (defaults: vethernet, access VLAN 1, trunk of every
 *	VLAN with native VLAN 1, max-ports VEM_PROFILE_PORTS_DEFAULT,
 *	enabled). -EEXIST if the name is taken.
 * VEM_CMD_PROFILE_SET: change a profile. Required: VEM_A_PROFILE_NAME.
 *	Refused: lowering MAX_PORTS below the ports bound, disabling a
 *	profile in use, changing TYPE.
 * VEM_CMD_PROFILE_DEL: delete a profile; -EBUSY while ports are bound.
 * VEM_CMD_PROFILE_GET: do (NAME) or dump.
 * Events: VEM_CMD_PROFILE_NEW / _SET / _DEL.
 *
 * In PORT_NEW and PORT_SET, the configuration attributes of a port bound
 * to a profile set that item over the profile; VEM_A_PORT_CLEAR drops
 * them (naming an item the kernel does not implement is refused). Binding to a profile that is full: -ENOSPC.
 *
 * Binding a netdev: it must be an Ethernet device in the switch's namespace,
 * not a loopback, not bound to another port or claimed by another rx
 * handler (a bridge, a bond, Open vSwitch...): -EBUSY. While bound, the
 * netdev is in promiscuous mode, LRO is off, and every frame it receives
 * belongs to the switch (link-local 01:80:c2:00:00:0X frames excepted:
 * those reach the host stack).
 *
 * VLANs
 * -----
 *
 * Access port: untagged (or priority-tagged, VID 0) frames belong to the
 * access VLAN; a frame the VM sends tagged is dropped (VEM_A_STATS_DROP_VLAN).
 * Frames leave untagged.
 * Trunk port: a tagged frame is accepted if its VLAN is allowed; an untagged
 * frame belongs to the native VLAN if one is set (VEM_A_PORT_NATIVE_VLAN
 * not 0) and allowed, else it is dropped. Frames in the native VLAN leave
 * untagged, the others tagged.
 * Flooding (broadcast, multicast, unknown unicast) stays within the VLAN and
 * never goes back out of the port a frame came in on.
 *
 * MAC address table (FDB)
 * -----------------------
 *
 * Entries are keyed by (VLAN, MAC). Dynamic entries are learned from the
 * source address of frames received on a port (an address seen on another
 * port moves there) and age out after VEM_A_SWITCH_AGEING_TIME seconds
 * without a frame. Static entries are added by userspace, never age and
 * never move. At VEM_A_SWITCH_FDB_MAX entries new addresses are not
 * learned (frames to them are flooded) and each refusal is counted in
 * VEM_A_STATS_LEARN_REFUSED of the port and VEM_A_SWITCH_LEARN_REFUSED.
 * Unbinding a port removes the dynamic entries learned on it.
 *
 * VEM_CMD_FDB_NEW: add or replace a static entry.
 *	Required: VEM_A_FDB_MAC, VEM_A_FDB_VLAN, VEM_A_FDB_PORT_TYPE,
 *	VEM_A_FDB_PORT_ID. The MAC must be unicast and not all-zero.
 * VEM_CMD_FDB_DEL: delete an entry (static or dynamic).
 *	Required: VEM_A_FDB_MAC, VEM_A_FDB_VLAN.
 * VEM_CMD_FDB_FLUSH: delete entries; every attribute given narrows it:
 *	VEM_A_FDB_VLAN, VEM_A_FDB_PORT_TYPE + VEM_A_FDB_PORT_ID,
 *	VEM_A_FDB_FLAGS (VEM_FDB_F_STATIC: static entries too; without it only
 *	dynamic ones go).
 * VEM_CMD_FDB_GET: do (MAC and VLAN required) or dump (consistency-checked;
 *	optional VEM_A_FDB_VLAN and VEM_A_FDB_PORT_TYPE + _PORT_ID narrow it).
 *	Replies carry MAC, VLAN, PORT_TYPE, PORT_ID, FLAGS and, for dynamic
 *	entries, VEM_A_FDB_AGE.
 *
 * Access lists (ACLs)
 * -------------------
 *
 * An ACL is a named, ordered list of entries of one family
 * (VEM_A_ACL_FAMILY): MAC, IPv4 or IPv6. A frame is checked against the
 * entries in order; the first that matches decides (permit or deny); a
 * frame no entry matches is denied (the implicit deny, counted apart).
 * A port or a profile names up to one ACL per family and direction
 * (VEM_A_PORT_ACL_* and VEM_A_PROFILE_ACL_*, inherited and overridden like
 * the other items): "in" checks the frames the switch receives from the
 * port, "out" the frames it sends to it. An IPv4 frame is checked by the
 * port's IPv4 ACL of that direction if it has one, else by its MAC ACL;
 * IPv6 likewise; any other frame (ARP among them) only by the MAC ACL: an
 * IP ACL never blocks ARP. An IPv6 ACL permits neighbour discovery
 * (ICMPv6 types 133 to 137) that no entry matched, before its implicit
 * deny, as NX-OS does. A frame denied is dropped and counted in
 * VEM_A_STATS_DROP_ACL_IN (of the ingress port) or VEM_A_STATS_DROP_ACL_OUT
 * (of the egress port).
 *
 * Entries (VEM_A_ACL_ENTRIES: a nest of VEM_A_ACL_ENTRY nests, each with
 * VEM_A_ACE_* attributes; an attribute holds 64 KiB at most, so a long
 * list comes as several VEM_A_ACL_ENTRIES in a row, in requests and in
 * replies, to be read as one) hold the sequence number userspace shows, the
 * action and the conditions, every one optional ("any"): for IP families
 * the protocol, source and destination prefixes, L4 port conditions
 * (TCP, UDP, SCTP; a non-first fragment matches no port condition),
 * established (TCP with ACK or RST), DSCP; for MAC the source and
 * destination addresses under masks (a mask bit 1 must match) and the
 * ethertype. Sequence numbers increase strictly within a list.
 *
 * VEM_CMD_ACL_NEW: create an ACL. Required: VEM_A_ACL_NAME,
 *	VEM_A_ACL_FAMILY. Optional: VEM_A_ACL_ENTRIES (none: deny all).
 *	-EEXIST if the name is taken.
 * VEM_CMD_ACL_SET: replace the entries. Required: VEM_A_ACL_NAME,
 *	VEM_A_ACL_ENTRIES. One publish: a frame sees the old list or the new
 *	one. An entry whose sequence number and conditions are unchanged keeps
 *	its hit counter.
 * VEM_CMD_ACL_DEL: delete an ACL; -EBUSY while a port or profile names it.
 * VEM_CMD_ACL_GET: do (NAME) or dump. Replies carry every VEM_A_ACL_*
 *	attribute, with VEM_A_ACE_HITS per entry and VEM_A_ACL_DENY_HITS.
 *	A dump may split one ACL across consecutive messages, each with its
 *	NAME; it is consistency-checked like the port dump.
 * Events: VEM_CMD_ACL_NEW / _SET / _DEL, without hit counters.
 * At most VEM_ACL_ENTRIES_MAX entries per list, VEM_ACL_MAX lists.
 *
 * Storm control
 * -------------
 *
 * VEM_A_PORT_STORM_BCAST, _MCAST and _UCAST (and the same items of a
 * profile, inherited and overridden like the others) limit the broadcast,
 * multicast and unknown-unicast frames the switch accepts from a port, in
 * packets per second; 0 is no limit. A frame over its limit is dropped and
 * counted in VEM_A_STATS_DROP_STORM_BCAST, _MCAST or _UCAST. Each limit is
 * metered on its own, without a lock, allowing a burst of 100 ms at the
 * limit. A broadcast or multicast frame over the limit is dropped before
 * its source is learned; an unknown-unicast one after (its source is
 * learned: learning happens before the destination lookup). A GSO packet
 * counts as the frames it becomes.
 *
 * QoS policies
 * ------------
 *
 * A QoS policy is a named policy-map type qos with one class,
 * class-default, which every frame belongs to. It may police and mark:
 * VEM_A_QOS_CIR (bit/s) and VEM_A_QOS_BC (bytes) make a single-rate,
 * two-colour policer; a frame within the rate conforms and is sent; a
 * frame over it violates and is dropped (VEM_QOS_VIOLATE_DROP, counted in
 * VEM_A_STATS_DROP_POLICE_IN/_OUT) or re-marked with VEM_A_QOS_VIOLATE_DSCP
 * and sent (VEM_QOS_VIOLATE_SET_DSCP, counted in
 * VEM_A_STATS_POLICE_IN/OUT_MARKED). A violating frame takes no tokens.
 * VEM_A_QOS_SET_DSCP rewrites the DSCP of every IPv4 and IPv6 frame the
 * class sends (the ECN bits kept, the IPv4 header checksum fixed; the
 * violate DSCP wins for a violating frame); other frames are left alone.
 * VEM_A_QOS_SET_COS sets the priority (PCP) of the 802.1Q tag a frame
 * leaves with: a frame that leaves untagged (access port, native VLAN)
 * carries no CoS. The switch does not keep the PCP a frame came in with:
 * without set cos a frame leaves with PCP 0.
 *
 * A port or a profile names up to one policy per direction
 * (VEM_A_PORT_QOS_IN/_OUT, VEM_A_PROFILE_QOS_IN/_OUT; "" none; VEM_CFG_QOS_IN
 * and _OUT inherited, set over and cleared like the ACL slots). "in" acts
 * on the frames the switch receives from the port, after its in ACLs and
 * before forwarding: what it marks, every copy carries. "out" acts on each
 * frame sent to the port, each flooded copy on its own, after the port's
 * out ACLs; an "out" set cos overrides an "in" one.
 *
 * The policer belongs to the port and direction, not to the policy: each
 * port naming a policy gets its rate. Bytes are counted as the port
 * counters count them (Ethernet frame without FCS and 802.1Q tag; a GSO
 * packet counts the headers of every segment it becomes). The bucket is
 * BC bytes deep and fills at CIR (a GCRA, lock-free, per port and
 * direction); it starts full; replacing or rebinding a policy keeps it.
 *
 * VEM_CMD_QOS_NEW: create a policy. Required: VEM_A_QOS_NAME. Optional:
 *	VEM_A_QOS_CIR; with it VEM_A_QOS_BC (absent: VEM_QOS_BC_DEFAULT_MS
 *	of CIR, within VEM_QOS_BC_MIN..MAX) and VEM_A_QOS_VIOLATE (absent:
 *	drop), VEM_A_QOS_VIOLATE_DSCP (required with, and only with,
 *	VEM_QOS_VIOLATE_SET_DSCP); VEM_A_QOS_SET_COS, VEM_A_QOS_SET_DSCP.
 *	BC, VIOLATE or VIOLATE_DSCP without CIR: -EINVAL. -EEXIST if the name
 *	is taken; at most VEM_QOS_MAX policies (-ENOSPC).
 * VEM_CMD_QOS_SET: replace the whole policy (an attribute absent is
 *	absent after), same attributes and rules as QOS_NEW. One publish: a
 *	frame sees the old policy or the new one.
 * VEM_CMD_QOS_DEL: delete a policy; -EBUSY while a port or profile names it.
 * VEM_CMD_QOS_GET: do (NAME) or dump (consistency-checked). Replies carry
 *	NAME, USERS and what the policy does; with a policer, CIR, BC (the
 *	default made explicit) and VIOLATE.
 * Events: VEM_CMD_QOS_NEW / _SET / _DEL.
 *
 * Port security
 * -------------
 *
 * VEM_A_PORT_PSEC (and the other VEM_A_PORT_PSEC_* / VEM_A_PROFILE_PSEC_*
 * items, inherited and overridden like the others: VEM_CFG_PSEC,
 * _PSEC_MAX, _PSEC_VIOLATION, _PSEC_STICKY) limits the source addresses a
 * port forwards from. Its secure MACs are its MAC table entries, learned
 * and static alike (VEM_A_PORT_SECURE_MACS counts them while port
 * security is on). A frame whose source is an entry of the port is
 * forwarded as usual. A new source is learned while the port has fewer
 * than VEM_A_PORT_PSEC_MAX entries; at the maximum, when the table is full
 * (VEM_A_SWITCH_FDB_MAX), or when the address is a static entry of another
 * port, the frame is a violation. An address moving in from another port
 * is new on this one. The count and the decision are taken under one lock:
 * two frames on two CPUs cannot both take the last place. A violation
 * drops the frame (VEM_A_STATS_DROP_PSEC) and, by VEM_A_PORT_PSEC_VIOLATION:
 *	VEM_PSEC_PROTECT	nothing more: silent.
 *	VEM_PSEC_RESTRICT	counts it (VEM_A_STATS_PSEC_VIOLATIONS) and
 *				sends a VEM_CMD_PORT_SET event for the port
 *				(at most one a second per port: listeners
 *				re-read the counters).
 *	VEM_PSEC_SHUTDOWN	counts it and err-disables the port:
 *				VEM_A_PORT_ERR_DISABLED = VEM_ERR_PSEC, one
 *				VEM_CMD_PORT_SET event, OPER_UP 0, and every
 *				frame from or to the port is dropped and counted
 *				on it (VEM_A_STATS_DROP_ERR_DISABLED).
 * Err-disabled ends only with a PORT_SET carrying VEM_A_PORT_SHUTDOWN = 1
 * (the operator's "shutdown", then "no shutdown"), which also removes the
 * port's learned entries (its static ones stay). It survives unbinding and
 * binding again (unbinding removes the learned entries, as for any port),
 * profile changes and turning port security off.
 * Entries learned on a port with VEM_A_PORT_PSEC_STICKY (and port security
 * on) do not age: userspace is expected to make them static (its sticky
 * configuration; vsmd listens to VEM_CMD_FDB_NEW events for that).
 * Changing the configuration removes no entry: lowering the maximum below
 * the entries a port has refuses new sources until it has fewer, as
 * NX-OS does; turning port security off makes them ordinary entries.
 * Static entries (VEM_CMD_FDB_NEW) are added whatever the maximum; they
 * count towards it.
 *
 * Dumps
 * -----
 *
 * PORT_GET and FDB_GET dumps set NLM_F_DUMP_INTR on a message when the table
 * changed during the dump; userspace should then dump again.
 *
 * Events (multicast group "events")
 * ---------------------------------
 *
 * VEM_CMD_SWITCH_NEW / _SET / _DEL: a switch was created / changed /
 *	destroyed; the message carries every VEM_A_SWITCH_* attribute.
 * VEM_CMD_PORT_NEW / _SET / _DEL: a port was created / changed (config,
 *	bind, unbind, its netdev going away) / deleted; the message carries the
 *	port's attributes without VEM_A_PORT_STATS.
 * VEM_CMD_FDB_NEW / _DEL: a MAC entry was learned, moved or added / aged
 *	out or deleted. Events are sent only while someone listens.
 * VEM_CMD_ACL_* and VEM_CMD_QOS_* events: see their sections.
 */

#ifndef _UAPI_LINUX_VEM_H
#define _UAPI_LINUX_VEM_H

#define VEM_GENL_NAME		"vem"
#define VEM_GENL_VERSION	1
#define VEM_GENL_MCGRP_EVENTS	"events"

#define VEM_PORT_ID_MAX		65535
#define VEM_VLAN_MAX		4094
/* VEM_A_PORT_TRUNK_VLANS: one bit per VLAN id 0..4095, bit n of byte n / 8 */
#define VEM_VLAN_BITMAP_LEN	(4096 / 8)
#define VEM_AGEING_TIME_MAX	1000000	/* seconds; 0 disables ageing */
#define VEM_AGEING_TIME_DEFAULT	300
#define VEM_FDB_MAX_LIMIT	1048576
#define VEM_FDB_MAX_DEFAULT	65536
#define VEM_PROFILE_NAME_MAX	80	/* bytes, without the NUL */
#define VEM_PROFILE_PORTS_MAX	1024
#define VEM_PROFILE_PORTS_DEFAULT 32
#define VEM_ACL_NAME_MAX	80	/* bytes, without the NUL */
#define VEM_ACL_ENTRIES_MAX	4096
#define VEM_ACL_MAX		1024	/* ACLs in one switch */
#define VEM_QOS_NAME_MAX	80	/* bytes, without the NUL */
#define VEM_QOS_MAX		1024	/* QoS policies in one switch */
#define VEM_QOS_CIR_MIN		8000ULL		/* bits per second */
#define VEM_QOS_CIR_MAX		100000000000ULL	/* 100 Gbit/s */
#define VEM_QOS_BC_MIN		1514		/* bytes: one full frame */
#define VEM_QOS_BC_MAX		(512U << 20)	/* bytes */
/*
 * Absent BC: 500 ms of CIR. Longer than TCP's minimum retransmission
 * timeout (200 ms): a TCP flow that times out after a burst of drops gets
 * back the tokens of its idle time, and reaches CIR (with 200 ms, as NX-OS
 * has it, it stays 2-6% under).
 */
#define VEM_QOS_BC_DEFAULT_MS	500
#define VEM_PSEC_MAX_LIMIT	4096	/* secure MACs on one port */
#define VEM_STORM_PPS_MAX	100000000

enum vem_cmd {
	VEM_CMD_UNSPEC,
	VEM_CMD_SWITCH_NEW,
	VEM_CMD_SWITCH_DEL,
	VEM_CMD_SWITCH_GET,
	VEM_CMD_SWITCH_SET,
	VEM_CMD_PORT_NEW,
	VEM_CMD_PORT_DEL,
	VEM_CMD_PORT_GET,
	VEM_CMD_PORT_SET,
	VEM_CMD_FDB_NEW,
	VEM_CMD_FDB_DEL,
	VEM_CMD_FDB_GET,
	VEM_CMD_FDB_FLUSH,
	VEM_CMD_PROFILE_NEW,
	VEM_CMD_PROFILE_DEL,
	VEM_CMD_PROFILE_GET,
	VEM_CMD_PROFILE_SET,
	VEM_CMD_ACL_NEW,
	VEM_CMD_ACL_DEL,
	VEM_CMD_ACL_GET,
	VEM_CMD_ACL_SET,
	VEM_CMD_QOS_NEW,
	VEM_CMD_QOS_DEL,
	VEM_CMD_QOS_GET,
	VEM_CMD_QOS_SET,
	__VEM_CMD_MAX
};
#define VEM_CMD_MAX (__VEM_CMD_MAX - 1)

/* Attributes of the SWITCH_* commands. */
enum vem_switch_attr {
	VEM_A_SWITCH_UNSPEC,
	VEM_A_SWITCH_AGEING_TIME,	/* u32, seconds, 0..VEM_AGEING_TIME_MAX */
	VEM_A_SWITCH_FDB_MAX,		/* u32, 1..VEM_FDB_MAX_LIMIT */
	VEM_A_SWITCH_FDB_COUNT,		/* u32, read-only: entries now */
	VEM_A_SWITCH_PORT_COUNT,	/* u32, read-only */
	VEM_A_SWITCH_LEARN_REFUSED,	/* u64, read-only: learns refused, full */
	VEM_A_SWITCH_PAD,
	__VEM_A_SWITCH_MAX
};
#define VEM_A_SWITCH_MAX (__VEM_A_SWITCH_MAX - 1)

enum vem_port_type {
	VEM_PORT_UNSPEC,
	VEM_PORT_VETH,		/* vethernet N */
	VEM_PORT_UPLINK,	/* ethernet N */
	__VEM_PORT_TYPE_MAX
};
#define VEM_PORT_TYPE_MAX (__VEM_PORT_TYPE_MAX - 1)

enum vem_port_mode {
	VEM_PORT_MODE_UNSPEC,
	VEM_PORT_MODE_ACCESS,
	VEM_PORT_MODE_TRUNK,
	__VEM_PORT_MODE_MAX
};
#define VEM_PORT_MODE_MAX (__VEM_PORT_MODE_MAX - 1)

/* Attributes of the PORT_* commands. */
enum vem_port_attr {
	VEM_A_PORT_UNSPEC,
	VEM_A_PORT_TYPE,	/* u8, enum vem_port_type */
	VEM_A_PORT_ID,		/* u32, 1..VEM_PORT_ID_MAX */
	VEM_A_PORT_IFINDEX,	/* u32, bound netdev; 0 = unbound */
	VEM_A_PORT_IFNAME,	/* string, read-only: name of the bound netdev */
	VEM_A_PORT_MODE,	/* u8, enum vem_port_mode */
	VEM_A_PORT_ACCESS_VLAN,	/* u16, 1..VEM_VLAN_MAX */
	VEM_A_PORT_NATIVE_VLAN,	/* u16, 0 (none)..VEM_VLAN_MAX */
	VEM_A_PORT_TRUNK_VLANS,	/* binary, VEM_VLAN_BITMAP_LEN bytes; bits 0
				 * and 4095 must be clear */
	VEM_A_PORT_SHUTDOWN,	/* u8, 0 or 1: administratively down */
	VEM_A_PORT_OPER_UP,	/* u8, read-only: bound, netdev up, not shut */
	VEM_A_PORT_STATS,	/* nest, read-only: enum vem_stats_attr */
	VEM_A_PORT_PAD,
	VEM_A_PORT_PROFILE,	/* string: the port profile it inherits from;
				 * "" in PORT_SET: none */
	VEM_A_PORT_OWN,		/* u32, read-only: enum vem_cfg_bits the port
				 * sets itself, over its profile */
	VEM_A_PORT_CLEAR,	/* u32, PORT_SET only: enum vem_cfg_bits to
				 * stop setting, taking the profile's again */
	/* string: the ACL of that family and direction; "" none */
	VEM_A_PORT_ACL_IP_IN,
	VEM_A_PORT_ACL_IP_OUT,
	VEM_A_PORT_ACL_IPV6_IN,
	VEM_A_PORT_ACL_IPV6_OUT,
	VEM_A_PORT_ACL_MAC_IN,
	VEM_A_PORT_ACL_MAC_OUT,
	/* string: the QoS policy of that direction; "" none */
	VEM_A_PORT_QOS_IN,
	VEM_A_PORT_QOS_OUT,
	VEM_A_PORT_PSEC,		/* u8, 0 or 1: port security on */
	VEM_A_PORT_PSEC_MAX,		/* u32, 1..VEM_PSEC_MAX_LIMIT; default 1 */
	VEM_A_PORT_PSEC_VIOLATION,	/* u8, enum vem_psec_violation */
	VEM_A_PORT_PSEC_STICKY,		/* u8, 0 or 1 */
	/* u32, packets per second, 0 (no limit)..VEM_STORM_PPS_MAX */
	VEM_A_PORT_STORM_BCAST,
	VEM_A_PORT_STORM_MCAST,
	VEM_A_PORT_STORM_UCAST,		/* unknown unicast */
	VEM_A_PORT_ERR_DISABLED,	/* u8, read-only: enum vem_err_reason */
	VEM_A_PORT_SECURE_MACS,		/* u32, read-only: MAC entries on the
					 * port while port security is on */
	__VEM_A_PORT_MAX
};
#define VEM_A_PORT_MAX (__VEM_A_PORT_MAX - 1)

/*
 * Counters of a port (VEM_A_PORT_STATS), all u64. They belong to the port,
 * not to its netdev: they keep counting across unbind and rebind. "rx" is
 * what the switch received from the port, "tx" what it sent to it. Bytes
 * count the Ethernet frame without FCS and without the 802.1Q tag (a GSO
 * packet: the frames it becomes, each with its headers).
 */
enum vem_stats_attr {
	VEM_A_STATS_UNSPEC,
	VEM_A_STATS_PAD,
	VEM_A_STATS_RX_UCAST_PKTS,
	VEM_A_STATS_RX_UCAST_BYTES,
	VEM_A_STATS_RX_MCAST_PKTS,
	VEM_A_STATS_RX_MCAST_BYTES,
	VEM_A_STATS_RX_BCAST_PKTS,
	VEM_A_STATS_RX_BCAST_BYTES,
	VEM_A_STATS_TX_UCAST_PKTS,
	VEM_A_STATS_TX_UCAST_BYTES,
	VEM_A_STATS_TX_MCAST_PKTS,
	VEM_A_STATS_TX_MCAST_BYTES,
	VEM_A_STATS_TX_BCAST_PKTS,
	VEM_A_STATS_TX_BCAST_BYTES,
	/* Unknown unicast frames received and flooded. */
	VEM_A_STATS_RX_FLOOD_PKTS,
	/* Drops, counted on the port the frame came in on unless noted. */
	VEM_A_STATS_DROP_VLAN,		/* VLAN not allowed on the port, tagged
					 * frame on an access port, untagged
					 * frame on a trunk without native VLAN */
	VEM_A_STATS_DROP_SHUTDOWN,	/* port administratively down */
	VEM_A_STATS_DROP_NO_PORT,	/* destination port unbound or down */
	VEM_A_STATS_DROP_LOCAL,		/* destination is the ingress port */
	VEM_A_STATS_DROP_INVALID,	/* multicast or zero source address */
	VEM_A_STATS_DROP_NOMEM,		/* no memory to clone a flooded frame */
	VEM_A_STATS_DROP_MTU,		/* too big for the egress netdev
					 * (counted on the egress port) */
	VEM_A_STATS_DROP_TX_ERROR,	/* egress netdev refused the frame
					 * (counted on the egress port) */
	VEM_A_STATS_LEARN_REFUSED,	/* source not learned: table full (the
					 * frame itself is forwarded) */
	VEM_A_STATS_DROP_ACL_IN,	/* denied by the port's "in" ACL */
	VEM_A_STATS_DROP_ACL_OUT,	/* denied by the egress port's "out"
					 * ACL (counted on the egress port) */
	VEM_A_STATS_DROP_POLICE_IN,	/* input policer: violate drop */
	VEM_A_STATS_DROP_POLICE_OUT,	/* output policer: violate drop
					 * (counted on the egress port) */
	VEM_A_STATS_POLICE_IN_MARKED,	/* input policer: violate
					 * set-dscp-transmit */
	VEM_A_STATS_POLICE_OUT_MARKED,	/* output policer: likewise */
	VEM_A_STATS_DROP_PSEC,		/* port security: unknown source over
					 * the maximum (every violation mode) */
	VEM_A_STATS_PSEC_VIOLATIONS,	/* violations counted (restrict and
					 * shutdown; protect is silent) */
	VEM_A_STATS_DROP_ERR_DISABLED,	/* port err-disabled */
	VEM_A_STATS_DROP_STORM_BCAST,	/* over the storm-control limits */
	VEM_A_STATS_DROP_STORM_MCAST,
	VEM_A_STATS_DROP_STORM_UCAST,
	__VEM_A_STATS_MAX
};
#define VEM_A_STATS_MAX (__VEM_A_STATS_MAX - 1)

/*
 * The configuration items a port profile carries and a port may set over
 * it (VEM_A_PORT_OWN, VEM_A_PORT_CLEAR).
 */
enum vem_cfg_bits {
	VEM_CFG_MODE		= 1U << 0,
	VEM_CFG_ACCESS_VLAN	= 1U << 1,
	VEM_CFG_NATIVE_VLAN	= 1U << 2,
	VEM_CFG_TRUNK_VLANS	= 1U << 3,
	VEM_CFG_SHUTDOWN	= 1U << 4,
	VEM_CFG_ACL_IP_IN	= 1U << 5,
	VEM_CFG_ACL_IP_OUT	= 1U << 6,
	VEM_CFG_ACL_IPV6_IN	= 1U << 7,
	VEM_CFG_ACL_IPV6_OUT	= 1U << 8,
	VEM_CFG_ACL_MAC_IN	= 1U << 9,
	VEM_CFG_ACL_MAC_OUT	= 1U << 10,
	VEM_CFG_QOS_IN		= 1U << 11,
	VEM_CFG_QOS_OUT		= 1U << 12,
	VEM_CFG_PSEC		= 1U << 13,
	VEM_CFG_PSEC_MAX	= 1U << 14,
	VEM_CFG_PSEC_VIOLATION	= 1U << 15,
	VEM_CFG_PSEC_STICKY	= 1U << 16,
	VEM_CFG_STORM_BCAST	= 1U << 17,
	VEM_CFG_STORM_MCAST	= 1U << 18,
	VEM_CFG_STORM_UCAST	= 1U << 19,
};
#define VEM_CFG_ALL	0xfffff

enum vem_psec_violation {
	VEM_PSEC_SHUTDOWN,	/* err-disable the port (the default) */
	VEM_PSEC_RESTRICT,	/* drop, count the violation, send an event */
	VEM_PSEC_PROTECT,	/* drop silently */
	__VEM_PSEC_VIOLATION_MAX
};
#define VEM_PSEC_VIOLATION_MAX (__VEM_PSEC_VIOLATION_MAX - 1)

enum vem_err_reason {
	VEM_ERR_NONE,
	VEM_ERR_PSEC,		/* port security violation, mode shutdown */
	__VEM_ERR_REASON_MAX
};

/* Attributes of the PROFILE_* commands. */
enum vem_profile_attr {
	VEM_A_PROFILE_UNSPEC,
	VEM_A_PROFILE_NAME,		/* string, 1..VEM_PROFILE_NAME_MAX */
	VEM_A_PROFILE_TYPE,		/* u8, enum vem_port_type it serves */
	VEM_A_PROFILE_MODE,		/* u8, enum vem_port_mode */
	VEM_A_PROFILE_ACCESS_VLAN,	/* u16, 1..VEM_VLAN_MAX */
	VEM_A_PROFILE_NATIVE_VLAN,	/* u16, 0 (none)..VEM_VLAN_MAX */
	VEM_A_PROFILE_TRUNK_VLANS,	/* binary, as VEM_A_PORT_TRUNK_VLANS */
	VEM_A_PROFILE_SHUTDOWN,		/* u8, 0 or 1 */
	VEM_A_PROFILE_MAX_PORTS,	/* u32, 1..VEM_PROFILE_PORTS_MAX */
	VEM_A_PROFILE_ENABLED,		/* u8, 0 or 1 */
	VEM_A_PROFILE_PORT_COUNT,	/* u32, read-only: ports bound to it */
	/* string: as VEM_A_PORT_ACL_* */
	VEM_A_PROFILE_ACL_IP_IN,
	VEM_A_PROFILE_ACL_IP_OUT,
	VEM_A_PROFILE_ACL_IPV6_IN,
	VEM_A_PROFILE_ACL_IPV6_OUT,
	VEM_A_PROFILE_ACL_MAC_IN,
	VEM_A_PROFILE_ACL_MAC_OUT,
	/* as VEM_A_PORT_QOS_* .. VEM_A_PORT_STORM_* */
	VEM_A_PROFILE_QOS_IN,
	VEM_A_PROFILE_QOS_OUT,
	VEM_A_PROFILE_PSEC,
	VEM_A_PROFILE_PSEC_MAX,
	VEM_A_PROFILE_PSEC_VIOLATION,
	VEM_A_PROFILE_PSEC_STICKY,
	VEM_A_PROFILE_STORM_BCAST,
	VEM_A_PROFILE_STORM_MCAST,
	VEM_A_PROFILE_STORM_UCAST,
	__VEM_A_PROFILE_MAX
};
#define VEM_A_PROFILE_MAX (__VEM_A_PROFILE_MAX - 1)

enum vem_fdb_flags {
	VEM_FDB_F_STATIC = 1U << 0,
};
#define VEM_FDB_F_ALL	(VEM_FDB_F_STATIC)

/* Attributes of the FDB_* commands. */
enum vem_fdb_attr {
	VEM_A_FDB_UNSPEC,
	VEM_A_FDB_MAC,		/* binary, 6 bytes */
	VEM_A_FDB_VLAN,		/* u16, 1..VEM_VLAN_MAX */
	VEM_A_FDB_PORT_TYPE,	/* u8, enum vem_port_type */
	VEM_A_FDB_PORT_ID,	/* u32, 1..VEM_PORT_ID_MAX */
	VEM_A_FDB_FLAGS,	/* u32, enum vem_fdb_flags; read-only but in
				 * FDB_FLUSH (FDB_NEW adds static entries) */
	VEM_A_FDB_AGE,		/* u32, read-only: milliseconds since the last
				 * frame from the address */
	__VEM_A_FDB_MAX
};
#define VEM_A_FDB_MAX (__VEM_A_FDB_MAX - 1)

enum vem_acl_family {
	VEM_ACL_FAMILY_UNSPEC,
	VEM_ACL_FAMILY_MAC,
	VEM_ACL_FAMILY_IPV4,
	VEM_ACL_FAMILY_IPV6,
	__VEM_ACL_FAMILY_MAX
};
#define VEM_ACL_FAMILY_MAX (__VEM_ACL_FAMILY_MAX - 1)

/* Attributes of the ACL_* commands. */
enum vem_acl_attr {
	VEM_A_ACL_UNSPEC,
	VEM_A_ACL_NAME,		/* string, 1..VEM_ACL_NAME_MAX */
	VEM_A_ACL_FAMILY,	/* u8, enum vem_acl_family */
	VEM_A_ACL_ENTRIES,	/* nest of VEM_A_ACL_ENTRY */
	VEM_A_ACL_ENTRY,	/* nest of enum vem_ace_attr, in ENTRIES only */
	VEM_A_ACL_USERS,	/* u32, read-only: ports and profiles naming it */
	VEM_A_ACL_DENY_HITS,	/* u64, read-only: frames no entry matched */
	VEM_A_ACL_PAD,
	__VEM_A_ACL_MAX
};
#define VEM_A_ACL_MAX (__VEM_A_ACL_MAX - 1)

enum vem_ace_action {
	VEM_ACE_PERMIT,
	VEM_ACE_DENY,
	__VEM_ACE_ACTION_MAX
};

enum vem_ace_port_op {
	VEM_ACE_PORT_ANY,
	VEM_ACE_PORT_EQ,	/* port == LO */
	VEM_ACE_PORT_NEQ,	/* port != LO */
	VEM_ACE_PORT_LT,	/* port < LO */
	VEM_ACE_PORT_GT,	/* port > LO */
	VEM_ACE_PORT_RANGE,	/* LO <= port <= HI */
	__VEM_ACE_PORT_OP_MAX
};
#define VEM_ACE_PORT_OP_MAX (__VEM_ACE_PORT_OP_MAX - 1)

/* Attributes of one ACL entry (in VEM_A_ACL_ENTRY). */
enum vem_ace_attr {
	VEM_A_ACE_UNSPEC,
	VEM_A_ACE_SEQ,		/* u32, required: the entry's number */
	VEM_A_ACE_ACTION,	/* u8, required: enum vem_ace_action */
	/* IPv4 and IPv6 ACLs */
	VEM_A_ACE_PROTO,	/* u8: IP protocol; absent: any */
	VEM_A_ACE_SRC,		/* binary, 4 (IPv4) or 16 (IPv6) bytes */
	VEM_A_ACE_SRC_LEN,	/* u8, prefix length; required with SRC */
	VEM_A_ACE_DST,		/* binary, as SRC */
	VEM_A_ACE_DST_LEN,	/* u8 */
	VEM_A_ACE_SPORT_OP,	/* u8, enum vem_ace_port_op; TCP, UDP, SCTP */
	VEM_A_ACE_SPORT_LO,	/* u16 */
	VEM_A_ACE_SPORT_HI,	/* u16, RANGE only */
	VEM_A_ACE_DPORT_OP,	/* u8 */
	VEM_A_ACE_DPORT_LO,	/* u16 */
	VEM_A_ACE_DPORT_HI,	/* u16 */
	VEM_A_ACE_ESTABLISHED,	/* flag: TCP with ACK or RST */
	VEM_A_ACE_DSCP,		/* u8, 0..63 */
	/* MAC ACLs */
	VEM_A_ACE_SRC_MAC,	/* binary, 6 bytes */
	VEM_A_ACE_SRC_MAC_MASK,	/* binary, 6 bytes: 1 bits must match;
				 * required with SRC_MAC */
	VEM_A_ACE_DST_MAC,
	VEM_A_ACE_DST_MAC_MASK,
	VEM_A_ACE_ETHERTYPE,	/* u16, 0x0600..0xffff */
	VEM_A_ACE_HITS,		/* u64, read-only: frames it decided */
	VEM_A_ACE_PAD,
	__VEM_A_ACE_MAX
};
#define VEM_A_ACE_MAX (__VEM_A_ACE_MAX - 1)

enum vem_qos_violate {
	VEM_QOS_VIOLATE_DROP,
	VEM_QOS_VIOLATE_SET_DSCP,	/* set-dscp-transmit */
	__VEM_QOS_VIOLATE_MAX
};
#define VEM_QOS_VIOLATE_MAX (__VEM_QOS_VIOLATE_MAX - 1)

/* Attributes of the QOS_* commands: a policy-map type qos with one class
 * (class-default). */
enum vem_qos_attr {
	VEM_A_QOS_UNSPEC,
	VEM_A_QOS_NAME,		/* string, 1..VEM_QOS_NAME_MAX */
	VEM_A_QOS_CIR,		/* u64, bits per second, VEM_QOS_CIR_MIN..MAX;
				 * absent: no policer */
	VEM_A_QOS_BC,		/* u32, bytes, VEM_QOS_BC_MIN..MAX; with CIR
				 * only; absent: VEM_QOS_BC_DEFAULT_MS of CIR */
	VEM_A_QOS_VIOLATE,	/* u8, enum vem_qos_violate; with CIR only */
	VEM_A_QOS_VIOLATE_DSCP,	/* u8, 0..63; with VIOLATE_SET_DSCP only */
	VEM_A_QOS_SET_COS,	/* u8, 0..7; absent: unchanged */
	VEM_A_QOS_SET_DSCP,	/* u8, 0..63; absent: unchanged */
	VEM_A_QOS_USERS,	/* u32, read-only: ports and profiles naming it */
	VEM_A_QOS_PAD,
	__VEM_A_QOS_MAX
};
#define VEM_A_QOS_MAX (__VEM_A_QOS_MAX - 1)

#endif /* _UAPI_LINUX_VEM_H */
