// SPDX-License-Identifier: GPL-2.0
/*
 * test_msg.c - vsmctl/msg.c: requests as the kernel will read them,
 * replies and events as the kernel writes them (built here with libmnl the
 * way nla_put_*() lays them out), extended acks capped and not, and the
 * controller's family description.
 */

#include <errno.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

#include "msg.h"
#include "parse.h"
#include "tap.h"

#define FAMILY	0x1d

static uint32_t buf[MSG_REQ_SIZE / 4];
static uint32_t buf2[MSG_REQ_SIZE / 4];

static const struct nlattr *find(const struct nlmsghdr *nlh, uint16_t type)
{
	const struct nlattr *attr;

	mnl_attr_for_each(attr, nlh, GENL_HDRLEN)
		if (mnl_attr_get_type(attr) == type)
			return attr;
	return NULL;
}

static unsigned int count(const struct nlmsghdr *nlh)
{
	const struct nlattr *attr;
	unsigned int n = 0;

	mnl_attr_for_each(attr, nlh, GENL_HDRLEN)
		n++;
	return n;
}

static bool has(const struct nlmsghdr *nlh, uint16_t type, uint16_t len)
{
	const struct nlattr *a = find(nlh, type);

	return a && mnl_attr_get_payload_len(a) == len;
}

static void test_requests(void)
{
	struct switch_info sw = {
		.has = SWITCH_HAS_AGEING_TIME | SWITCH_HAS_FDB_MAX |
		       SWITCH_HAS_FDB_COUNT,
		.ageing_time = 60, .fdb_max = 1000, .fdb_count = 5,
	};
	struct port_info port;
	struct fdb_entry fdb;
	struct nlmsghdr *nlh;
	const struct genlmsghdr *genl;
	const uint8_t *bm;

	nlh = msg_start(buf, FAMILY, VEM_CMD_SWITCH_NEW, NLM_F_ACK);
	genl = mnl_nlmsg_get_payload(nlh);
	ok(nlh->nlmsg_type == FAMILY && nlh->nlmsg_flags == NLM_F_ACK &&
	   genl->cmd == VEM_CMD_SWITCH_NEW &&
	   genl->version == VEM_GENL_VERSION &&
	   nlh->nlmsg_len == NLMSG_HDRLEN + GENL_HDRLEN,
	   "request: netlink and genl headers");

	msg_put_switch(nlh, &sw);
	ok(count(nlh) == 2 && has(nlh, VEM_A_SWITCH_AGEING_TIME, 4) &&
	   mnl_attr_get_u32(find(nlh, VEM_A_SWITCH_AGEING_TIME)) == 60 &&
	   mnl_attr_get_u32(find(nlh, VEM_A_SWITCH_FDB_MAX)) == 1000,
	   "switch: ageing and limit as u32, read-only count not sent");

	nlh = msg_start(buf, FAMILY, VEM_CMD_SWITCH_SET, NLM_F_ACK);
	sw.has = SWITCH_HAS_FDB_MAX;
	msg_put_switch(nlh, &sw);
	ok(count(nlh) == 1 && has(nlh, VEM_A_SWITCH_FDB_MAX, 4),
	   "switch: only what is set");

	memset(&port, 0, sizeof(port));
	port.ref.type = VEM_PORT_VETH;
	port.ref.id = 3;
	nlh = msg_start(buf, FAMILY, VEM_CMD_PORT_NEW, NLM_F_ACK);
	msg_put_port(nlh, &port);
	ok(count(nlh) == 2 && has(nlh, VEM_A_PORT_TYPE, 1) &&
	   has(nlh, VEM_A_PORT_ID, 4) &&
	   mnl_attr_get_u8(find(nlh, VEM_A_PORT_TYPE)) == VEM_PORT_VETH &&
	   mnl_attr_get_u32(find(nlh, VEM_A_PORT_ID)) == 3,
	   "port: type u8 and id u32 only");

	port.has = PORT_HAS_IFINDEX | PORT_HAS_IFNAME | PORT_HAS_MODE |
		   PORT_HAS_ACCESS_VLAN | PORT_HAS_NATIVE_VLAN |
		   PORT_HAS_TRUNK_VLANS | PORT_HAS_SHUTDOWN |
		   PORT_HAS_OPER_UP | PORT_HAS_STATS;
	port.ifindex = 5;
	strcpy(port.ifname, "tap0");
	port.mode = VEM_PORT_MODE_TRUNK;
	port.access_vlan = 10;
	port.native_vlan = 4094;
	parse_vlan_list("1,10,4094", port.trunk_vlans);
	port.shutdown = true;
	port.oper_up = true;
	nlh = msg_start(buf, FAMILY, VEM_CMD_PORT_SET, NLM_F_ACK);
	msg_put_port(nlh, &port);
	ok(count(nlh) == 8, "port: 8 attributes, read-only ones not sent");
	ok(!find(nlh, VEM_A_PORT_IFNAME) && !find(nlh, VEM_A_PORT_OPER_UP) &&
	   !find(nlh, VEM_A_PORT_STATS), "port: no IFNAME, OPER_UP, STATS");
	ok(has(nlh, VEM_A_PORT_IFINDEX, 4) &&
	   mnl_attr_get_u32(find(nlh, VEM_A_PORT_IFINDEX)) == 5,
	   "port: ifindex u32");
	ok(has(nlh, VEM_A_PORT_MODE, 1) &&
	   mnl_attr_get_u8(find(nlh, VEM_A_PORT_MODE)) == VEM_PORT_MODE_TRUNK,
	   "port: mode u8");
	ok(has(nlh, VEM_A_PORT_ACCESS_VLAN, 2) &&
	   mnl_attr_get_u16(find(nlh, VEM_A_PORT_ACCESS_VLAN)) == 10,
	   "port: access vlan u16");
	ok(has(nlh, VEM_A_PORT_NATIVE_VLAN, 2) &&
	   mnl_attr_get_u16(find(nlh, VEM_A_PORT_NATIVE_VLAN)) == 4094,
	   "port: native vlan u16");
	ok(has(nlh, VEM_A_PORT_SHUTDOWN, 1) &&
	   mnl_attr_get_u8(find(nlh, VEM_A_PORT_SHUTDOWN)) == 1,
	   "port: shutdown u8 1");
	ok(has(nlh, VEM_A_PORT_TRUNK_VLANS, VEM_VLAN_BITMAP_LEN),
	   "port: trunk vlans, %d bytes", VEM_VLAN_BITMAP_LEN);
	bm = mnl_attr_get_payload(find(nlh, VEM_A_PORT_TRUNK_VLANS));
	ok(bm[0] == 0x02 && bm[1] == 0x04 && bm[511] == 0x40 && bm[2] == 0,
	   "port: bitmap on the wire, bit n of byte n/8, LSB first");
	ok(nlh->nlmsg_len % 4 == 0 && nlh->nlmsg_len < MSG_REQ_SIZE,
	   "port: biggest request (%u bytes) fits, aligned", nlh->nlmsg_len);

	port.has = PORT_HAS_IFINDEX;
	port.ifindex = 0;
	port.shutdown = false;
	nlh = msg_start(buf, FAMILY, VEM_CMD_PORT_SET, NLM_F_ACK);
	msg_put_port(nlh, &port);
	ok(count(nlh) == 3 && has(nlh, VEM_A_PORT_IFINDEX, 4) &&
	   mnl_attr_get_u32(find(nlh, VEM_A_PORT_IFINDEX)) == 0,
	   "port: nodev is IFINDEX 0");

	port.has = PORT_HAS_SHUTDOWN;
	nlh = msg_start(buf, FAMILY, VEM_CMD_PORT_SET, NLM_F_ACK);
	msg_put_port(nlh, &port);
	ok(has(nlh, VEM_A_PORT_SHUTDOWN, 1) &&
	   mnl_attr_get_u8(find(nlh, VEM_A_PORT_SHUTDOWN)) == 0,
	   "port: no shutdown is SHUTDOWN 0");

	memset(&fdb, 0, sizeof(fdb));
	fdb.has = FDB_HAS_MAC | FDB_HAS_VLAN | FDB_HAS_PORT | FDB_HAS_FLAGS |
		  FDB_HAS_AGE;
	parse_mac("0011.2233.4455", fdb.mac);
	fdb.vlan = 10;
	fdb.port.type = VEM_PORT_UPLINK;
	fdb.port.id = 2;
	fdb.flags = VEM_FDB_F_STATIC;
	fdb.age_ms = 1234;
	nlh = msg_start(buf, FAMILY, VEM_CMD_FDB_NEW, NLM_F_ACK);
	msg_put_fdb(nlh, &fdb);
	ok(count(nlh) == 5 && has(nlh, VEM_A_FDB_MAC, 6) &&
	   !memcmp(mnl_attr_get_payload(find(nlh, VEM_A_FDB_MAC)), fdb.mac, 6) &&
	   has(nlh, VEM_A_FDB_VLAN, 2) && has(nlh, VEM_A_FDB_PORT_TYPE, 1) &&
	   has(nlh, VEM_A_FDB_PORT_ID, 4) && has(nlh, VEM_A_FDB_FLAGS, 4) &&
	   mnl_attr_get_u32(find(nlh, VEM_A_FDB_FLAGS)) == VEM_FDB_F_STATIC &&
	   !find(nlh, VEM_A_FDB_AGE),
	   "fdb: MAC 6 bytes, vlan u16, port u8+u32, flags u32, no age");

	fdb.has = FDB_HAS_VLAN;
	nlh = msg_start(buf, FAMILY, VEM_CMD_FDB_FLUSH, NLM_F_ACK);
	msg_put_fdb(nlh, &fdb);
	ok(count(nlh) == 1 && has(nlh, VEM_A_FDB_VLAN, 2),
	   "fdb: flush by vlan only");
}

/* A reply of the kernel: header, genl header; attributes added by caller. */
static struct nlmsghdr *reply(void *b, uint8_t cmd)
{
	struct nlmsghdr *nlh = msg_start(b, FAMILY, cmd, NLM_F_MULTI);

	nlh->nlmsg_seq = 42;
	return nlh;
}

static struct nlmsghdr *port_reply(void)
{
	struct nlmsghdr *nlh = reply(buf, VEM_CMD_PORT_GET);
	uint8_t bm[VEM_VLAN_BITMAP_LEN];
	struct nlattr *nest;
	unsigned int i;

	parse_vlan_list("1-4094", bm);
	mnl_attr_put_u8(nlh, VEM_A_PORT_TYPE, VEM_PORT_UPLINK);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ID, 65535);
	mnl_attr_put_u32(nlh, VEM_A_PORT_IFINDEX, 7);
	mnl_attr_put_strz(nlh, VEM_A_PORT_IFNAME, "eth0");
	mnl_attr_put_u8(nlh, VEM_A_PORT_MODE, VEM_PORT_MODE_TRUNK);
	mnl_attr_put_u16(nlh, VEM_A_PORT_ACCESS_VLAN, 1);
	mnl_attr_put_u16(nlh, VEM_A_PORT_NATIVE_VLAN, 0);
	mnl_attr_put(nlh, VEM_A_PORT_TRUNK_VLANS, sizeof(bm), bm);
	mnl_attr_put_u8(nlh, VEM_A_PORT_SHUTDOWN, 0);
	mnl_attr_put_u8(nlh, VEM_A_PORT_OPER_UP, 1);
	/* An attribute from a newer vem.h: ignored. */
	mnl_attr_put_u32(nlh, VEM_A_PORT_MAX + 1, 99);
	nest = mnl_attr_nest_start(nlh, VEM_A_PORT_STATS);
	for (i = VEM_A_STATS_RX_UCAST_PKTS; i <= VEM_A_STATS_MAX; i++) {
		/* nla_put_u64_64bit() may put a pad first. */
		mnl_attr_put(nlh, VEM_A_STATS_PAD, 0, NULL);
		mnl_attr_put_u64(nlh, i, 1000 + i);
	}
	mnl_attr_put_u64(nlh, VEM_A_STATS_MAX + 1, 5);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static void test_port_reply(void)
{
	struct port_info p;
	struct nlmsghdr *nlh;
	struct nlattr *attr;
	unsigned int i;
	bool good;

	nlh = port_reply();
	ok(!msg_parse_port(nlh, &p), "port reply: parsed");
	ok(p.ref.type == VEM_PORT_UPLINK && p.ref.id == 65535 &&
	   p.ifindex == 7 && !strcmp(p.ifname, "eth0") &&
	   p.mode == VEM_PORT_MODE_TRUNK && p.access_vlan == 1 &&
	   p.native_vlan == 0 && !p.shutdown && p.oper_up,
	   "port reply: configuration and state");
	ok(p.has == (PORT_HAS_IFINDEX | PORT_HAS_IFNAME | PORT_HAS_MODE |
		     PORT_HAS_ACCESS_VLAN | PORT_HAS_NATIVE_VLAN |
		     PORT_HAS_TRUNK_VLANS | PORT_HAS_SHUTDOWN |
		     PORT_HAS_OPER_UP | PORT_HAS_STATS),
	   "port reply: every field marked present");
	ok(vlan_bitmap_test(p.trunk_vlans, 1) &&
	   vlan_bitmap_test(p.trunk_vlans, 4094) &&
	   !vlan_bitmap_test(p.trunk_vlans, 0), "port reply: bitmap copied");
	good = true;
	for (i = VEM_A_STATS_RX_UCAST_PKTS; i <= VEM_A_STATS_MAX; i++)
		good &= p.stats[i] == 1000 + i;
	ok(good, "port reply: every counter, pads and newer ones skipped");

	/* Malformed: each of these must be refused, not misread. */
	nlh = port_reply();
	attr = (struct nlattr *)find(nlh, VEM_A_PORT_ACCESS_VLAN);
	attr->nla_type = VEM_A_PORT_ID;	/* a u16 where a u32 goes */
	ok(msg_parse_port(nlh, &p) && errno == EBADMSG,
	   "port reply: u16 in a u32 attribute refused");

	nlh = reply(buf, VEM_CMD_PORT_GET);
	mnl_attr_put_u8(nlh, VEM_A_PORT_TYPE, VEM_PORT_VETH);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ID, 1);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ACCESS_VLAN, 10);
	ok(msg_parse_port(nlh, &p) && errno == EBADMSG,
	   "port reply: VLAN as u32 refused");

	nlh = reply(buf, VEM_CMD_PORT_GET);
	mnl_attr_put_u8(nlh, VEM_A_PORT_TYPE, VEM_PORT_VETH);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ID, 1);
	mnl_attr_put(nlh, VEM_A_PORT_TRUNK_VLANS, 511, buf2);
	ok(msg_parse_port(nlh, &p) && errno == EBADMSG,
	   "port reply: 511-byte bitmap refused");

	nlh = reply(buf, VEM_CMD_PORT_GET);
	mnl_attr_put_u8(nlh, VEM_A_PORT_TYPE, VEM_PORT_VETH);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ID, 1);
	mnl_attr_put(nlh, VEM_A_PORT_IFNAME, 4, "tap0");
	ok(msg_parse_port(nlh, &p) && errno == EBADMSG,
	   "port reply: name without NUL refused");

	nlh = reply(buf, VEM_CMD_PORT_GET);
	mnl_attr_put_u8(nlh, VEM_A_PORT_TYPE, VEM_PORT_VETH);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ID, 1);
	mnl_attr_put_strz(nlh, VEM_A_PORT_IFNAME, "abcdefghijklmnop");
	ok(msg_parse_port(nlh, &p) && errno == EBADMSG,
	   "port reply: name longer than IFNAMSIZ refused");

	nlh = reply(buf, VEM_CMD_PORT_GET);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ID, 1);
	ok(msg_parse_port(nlh, &p) && errno == EBADMSG,
	   "port reply: missing type refused");

	nlh = reply(buf, VEM_CMD_PORT_GET);
	mnl_attr_put_u8(nlh, VEM_A_PORT_TYPE, VEM_PORT_VETH);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ID, 1);
	attr = mnl_attr_nest_start(nlh, VEM_A_PORT_STATS);
	mnl_attr_put_u32(nlh, VEM_A_STATS_DROP_VLAN, 1);
	mnl_attr_nest_end(nlh, attr);
	ok(msg_parse_port(nlh, &p) && errno == EBADMSG,
	   "port reply: u32 counter refused");

	nlh = reply(buf, VEM_CMD_PORT_GET);
	nlh->nlmsg_len = NLMSG_HDRLEN + 2;
	ok(msg_parse_port(nlh, &p) && errno == EBADMSG,
	   "port reply: truncated genl header refused");

	nlh = reply(buf, VEM_CMD_PORT_GET);
	mnl_attr_put_u8(nlh, VEM_A_PORT_TYPE, VEM_PORT_VETH);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ID, 1);
	ok(!msg_parse_port(nlh, &p) && p.has == 0,
	   "port reply: bare event-like reply, nothing else present");

	nlh = reply(buf, VEM_CMD_PORT_GET);
	mnl_attr_put_u8(nlh, VEM_A_PORT_TYPE, VEM_PORT_VETH);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ID, 1);
	mnl_attr_put_u32(nlh, VEM_A_PORT_OWN, VEM_CFG_ACCESS_VLAN);
	mnl_attr_put_strz(nlh, VEM_A_PORT_PROFILE, "web-tier");
	ok(!msg_parse_port(nlh, &p) && p.has == PORT_HAS_PROFILE &&
	   !strcmp(p.profile, "web-tier") && p.own == VEM_CFG_ACCESS_VLAN,
	   "port reply: its profile's name and what it sets itself");

	nlh = reply(buf, VEM_CMD_PORT_GET);
	mnl_attr_put_u8(nlh, VEM_A_PORT_TYPE, VEM_PORT_VETH);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ID, 1);
	mnl_attr_put_u32(nlh, VEM_A_PORT_OWN, 0);
	ok(!msg_parse_port(nlh, &p) && p.has == PORT_HAS_PROFILE && !p.profile[0],
	   "port reply: no profile");

	nlh = reply(buf, VEM_CMD_PORT_GET);
	mnl_attr_put_u8(nlh, VEM_A_PORT_TYPE, VEM_PORT_VETH);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ID, 1);
	{
		char longname[VEM_PROFILE_NAME_MAX + 2];

		memset(longname, 'a', sizeof(longname) - 1);
		longname[sizeof(longname) - 1] = '\0';
		mnl_attr_put_strz(nlh, VEM_A_PORT_PROFILE, longname);
	}
	ok(msg_parse_port(nlh, &p), "port reply: profile name too long refused");
}

static void test_fdb_switch_reply(void)
{
	const uint8_t mac[6] = { 2, 0, 0, 0, 0, 9 };
	struct switch_info sw;
	struct fdb_entry e;
	struct nlmsghdr *nlh;

	nlh = reply(buf, VEM_CMD_FDB_GET);
	mnl_attr_put(nlh, VEM_A_FDB_MAC, 6, mac);
	mnl_attr_put_u16(nlh, VEM_A_FDB_VLAN, 4094);
	mnl_attr_put_u8(nlh, VEM_A_FDB_PORT_TYPE, VEM_PORT_VETH);
	mnl_attr_put_u32(nlh, VEM_A_FDB_PORT_ID, 3);
	mnl_attr_put_u32(nlh, VEM_A_FDB_FLAGS, 0);
	mnl_attr_put_u32(nlh, VEM_A_FDB_AGE, 12345);
	ok(!msg_parse_fdb(nlh, &e) && !memcmp(e.mac, mac, 6) &&
	   e.vlan == 4094 && e.port.type == VEM_PORT_VETH && e.port.id == 3 &&
	   e.flags == 0 && e.age_ms == 12345 &&
	   e.has == (FDB_HAS_MAC | FDB_HAS_VLAN | FDB_HAS_PORT |
		     FDB_HAS_FLAGS | FDB_HAS_AGE), "fdb reply: dynamic entry");

	nlh = reply(buf, VEM_CMD_FDB_GET);
	mnl_attr_put(nlh, VEM_A_FDB_MAC, 6, mac);
	mnl_attr_put_u16(nlh, VEM_A_FDB_VLAN, 1);
	mnl_attr_put_u32(nlh, VEM_A_FDB_FLAGS, VEM_FDB_F_STATIC);
	ok(!msg_parse_fdb(nlh, &e) && !(e.has & FDB_HAS_AGE) &&
	   !(e.has & FDB_HAS_PORT) && e.flags == VEM_FDB_F_STATIC,
	   "fdb reply: static entry, no age");

	nlh = reply(buf, VEM_CMD_FDB_GET);
	mnl_attr_put_u16(nlh, VEM_A_FDB_VLAN, 1);
	ok(msg_parse_fdb(nlh, &e) && errno == EBADMSG,
	   "fdb reply: missing MAC refused");

	nlh = reply(buf, VEM_CMD_FDB_GET);
	mnl_attr_put(nlh, VEM_A_FDB_MAC, 5, mac);
	mnl_attr_put_u16(nlh, VEM_A_FDB_VLAN, 1);
	ok(msg_parse_fdb(nlh, &e) && errno == EBADMSG,
	   "fdb reply: 5-byte MAC refused");

	nlh = reply(buf, VEM_CMD_SWITCH_GET);
	mnl_attr_put_u32(nlh, VEM_A_SWITCH_AGEING_TIME, 300);
	mnl_attr_put_u32(nlh, VEM_A_SWITCH_FDB_MAX, 65536);
	mnl_attr_put_u32(nlh, VEM_A_SWITCH_FDB_COUNT, 3);
	mnl_attr_put_u32(nlh, VEM_A_SWITCH_PORT_COUNT, 4);
	mnl_attr_put(nlh, VEM_A_SWITCH_PAD, 0, NULL);
	mnl_attr_put_u64(nlh, VEM_A_SWITCH_LEARN_REFUSED, 1ULL << 40);
	ok(!msg_parse_switch(nlh, &sw) && sw.ageing_time == 300 &&
	   sw.fdb_max == 65536 && sw.fdb_count == 3 && sw.port_count == 4 &&
	   sw.learn_refused == 1ULL << 40 && sw.has == 0x1f,
	   "switch reply: every field, u64 counter");

	nlh = reply(buf, VEM_CMD_SWITCH_GET);
	mnl_attr_put_u32(nlh, VEM_A_SWITCH_LEARN_REFUSED, 1);
	ok(msg_parse_switch(nlh, &sw) && errno == EBADMSG,
	   "switch reply: u32 learn_refused refused");
}

static void test_events(void)
{
	const uint8_t mac[6] = { 2, 0, 0, 0, 0, 9 };
	struct nlmsghdr *nlh;
	struct event ev;

	nlh = port_reply();
	((struct genlmsghdr *)mnl_nlmsg_get_payload(nlh))->cmd =
		VEM_CMD_PORT_NEW;
	ok(!msg_parse_event(nlh, &ev) && ev.kind == EVENT_PORT &&
	   ev.action == EVENT_NEW && ev.port.ref.id == 65535,
	   "event: port new");

	nlh = reply(buf, VEM_CMD_FDB_DEL);
	mnl_attr_put(nlh, VEM_A_FDB_MAC, 6, mac);
	mnl_attr_put_u16(nlh, VEM_A_FDB_VLAN, 7);
	ok(!msg_parse_event(nlh, &ev) && ev.kind == EVENT_FDB &&
	   ev.action == EVENT_DEL && ev.fdb.vlan == 7, "event: mac delete");

	nlh = reply(buf, VEM_CMD_SWITCH_DEL);
	ok(!msg_parse_event(nlh, &ev) && ev.kind == EVENT_SWITCH &&
	   ev.action == EVENT_DEL && ev.sw.has == 0,
	   "event: switch delete without attributes");

	nlh = reply(buf, VEM_CMD_PORT_SET);
	mnl_attr_put_u8(nlh, VEM_A_PORT_TYPE, VEM_PORT_VETH);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ID, 4);
	mnl_attr_put_u32(nlh, VEM_A_PORT_IFINDEX, 0);
	ok(!msg_parse_event(nlh, &ev) && ev.kind == EVENT_PORT &&
	   ev.action == EVENT_SET && (ev.port.has & PORT_HAS_IFINDEX) &&
	   ev.port.ifindex == 0, "event: port unbound");

	nlh = reply(buf, VEM_CMD_PORT_GET);
	ok(msg_parse_event(nlh, &ev) && errno == EOPNOTSUPP,
	   "event: a GET is not an event");
	nlh = reply(buf, 200);
	ok(msg_parse_event(nlh, &ev) && errno == EOPNOTSUPP,
	   "event: unknown command skipped");
}

/*
 * An NLMSG_ERROR as netlink_ack() writes it for the request req: the
 * nlmsgerr, the request's payload unless capped, then the TLVs.
 */
static struct nlmsghdr *error_msg(const struct nlmsghdr *req, int error,
				  bool capped, const char *msg, int offs,
				  int miss_type)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf2);
	struct nlmsgerr *err;

	nlh->nlmsg_type = NLMSG_ERROR;
	nlh->nlmsg_seq = req->nlmsg_seq;
	err = mnl_nlmsg_put_extra_header(nlh, sizeof(*err));
	err->error = error;
	err->msg = *req;
	if (capped || !error)
		nlh->nlmsg_flags |= NLM_F_CAPPED;
	else
		memcpy(mnl_nlmsg_put_extra_header(nlh, req->nlmsg_len -
						  NLMSG_HDRLEN),
		       mnl_nlmsg_get_payload(req), req->nlmsg_len - NLMSG_HDRLEN);
	if (msg || offs >= 0 || miss_type >= 0)
		nlh->nlmsg_flags |= NLM_F_ACK_TLVS;
	if (msg)
		mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, msg);
	if (offs >= 0)
		mnl_attr_put_u32(nlh, NLMSGERR_ATTR_OFFS, offs);
	if (miss_type >= 0)
		mnl_attr_put_u32(nlh, NLMSGERR_ATTR_MISS_TYPE, miss_type);
	return nlh;
}

static void test_extack(void)
{
	struct port_info port;
	struct nlmsghdr *req, *nlh;
	const struct nlattr *bad;
	struct extack ea;
	int offs;
	int32_t done_err = -ENOENT;

	memset(&port, 0, sizeof(port));
	port.ref.type = VEM_PORT_VETH;
	port.ref.id = 3;
	port.has = PORT_HAS_MODE | PORT_HAS_ACCESS_VLAN | PORT_HAS_TRUNK_VLANS;
	port.access_vlan = 10;
	req = msg_start(buf, FAMILY, VEM_CMD_PORT_SET, NLM_F_ACK);
	msg_put_port(req, &port);
	req->nlmsg_seq = 7;
	bad = find(req, VEM_A_PORT_ACCESS_VLAN);
	offs = (const char *)bad - (const char *)req;

	nlh = error_msg(req, -ERANGE, false, "VLAN out of range", offs, -1);
	ok(!msg_parse_extack(nlh, &ea) && ea.error == ERANGE &&
	   !strcmp(ea.msg, "VLAN out of range") && ea.has_offs &&
	   ea.offs == (uint32_t)offs,
	   "extack: uncapped error (request echoed, %u bytes), message, offset",
	   req->nlmsg_len);
	ok(msg_attr_at(req, ea.offs) &&
	   !strcmp(msg_attr_at(req, ea.offs), "VEM_A_PORT_ACCESS_VLAN"),
	   "extack: the offset names the attribute of the request");

	nlh = error_msg(req, -ERANGE, true, "VLAN out of range", offs, -1);
	ok(!msg_parse_extack(nlh, &ea) && ea.error == ERANGE &&
	   !strcmp(ea.msg, "VLAN out of range") && ea.offs == (uint32_t)offs,
	   "extack: capped error");

	nlh = error_msg(req, -EINVAL, true, NULL, -1, VEM_A_PORT_ID);
	ok(!msg_parse_extack(nlh, &ea) && ea.error == EINVAL && !*ea.msg &&
	   ea.has_miss_type && ea.miss_type == VEM_A_PORT_ID &&
	   !ea.has_miss_nest, "extack: missing attribute type");
	ok(!strcmp(msg_attr_name(VEM_CMD_PORT_SET, ea.miss_type),
		   "VEM_A_PORT_ID"), "extack: missing attribute named");
	ok(!strcmp(msg_attr_name(VEM_CMD_FDB_FLUSH, VEM_A_FDB_VLAN),
		   "VEM_A_FDB_VLAN") &&
	   !strcmp(msg_attr_name(VEM_CMD_SWITCH_SET, VEM_A_SWITCH_FDB_MAX),
		   "VEM_A_SWITCH_FDB_MAX") &&
	   !msg_attr_name(VEM_CMD_PORT_SET, VEM_A_PORT_MAX + 1) &&
	   !msg_attr_name(VEM_CMD_UNSPEC, 1),
	   "extack: attribute names per command family");
	ok(!msg_attr_at(req, offs + 2) && !msg_attr_at(req, 0),
	   "extack: an offset off any attribute names nothing");

	nlh = error_msg(req, -EEXIST, false, NULL, -1, -1);
	ok(!msg_parse_extack(nlh, &ea) && ea.error == EEXIST && !*ea.msg &&
	   !ea.has_offs, "extack: plain error without TLVs");

	nlh = error_msg(req, 0, false, NULL, -1, -1);
	ok(!msg_parse_extack(nlh, &ea) && ea.error == 0 && !*ea.msg,
	   "extack: ACK");

	nlh = error_msg(req, 0, false, "port is down\n", -1, -1);
	ok(!msg_parse_extack(nlh, &ea) && ea.error == 0 &&
	   !strcmp(ea.msg, "port is down"),
	   "extack: warning on success, trailing newline trimmed");

	nlh = error_msg(req, -EINVAL, false, NULL, -1, -1);
	nlh->nlmsg_len = NLMSG_HDRLEN + 8;
	ok(msg_parse_extack(nlh, &ea) && errno == EBADMSG,
	   "extack: truncated nlmsgerr refused");

	nlh = error_msg(req, 5, false, NULL, -1, -1);
	ok(msg_parse_extack(nlh, &ea) && errno == EBADMSG,
	   "extack: positive error refused");
	nlh = error_msg(req, INT32_MIN, false, NULL, -1, -1);
	ok(msg_parse_extack(nlh, &ea) && errno == EBADMSG,
	   "extack: error beyond any errno refused");

	/* NLMSG_DONE: the int of the dump, then TLVs. */
	nlh = mnl_nlmsg_put_header(buf2);
	nlh->nlmsg_type = NLMSG_DONE;
	nlh->nlmsg_flags = NLM_F_MULTI | NLM_F_ACK_TLVS;
	memcpy(mnl_nlmsg_put_extra_header(nlh, 4), &done_err, 4);
	mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, "no switch in this namespace");
	ok(!msg_parse_extack(nlh, &ea) && ea.error == ENOENT &&
	   !strcmp(ea.msg, "no switch in this namespace"),
	   "extack: dump ending in error, with message");

	nlh = mnl_nlmsg_put_header(buf2);
	nlh->nlmsg_type = NLMSG_DONE;
	done_err = 0;
	memcpy(mnl_nlmsg_put_extra_header(nlh, 4), &done_err, 4);
	ok(!msg_parse_extack(nlh, &ea) && ea.error == 0,
	   "extack: dump done");
}

static void test_family(void)
{
	struct family_info fi;
	struct nlmsghdr *nlh;
	struct nlattr *groups, *grp;

	nlh = msg_start(buf, GENL_ID_CTRL, CTRL_CMD_NEWFAMILY, 0);
	mnl_attr_put_u16(nlh, CTRL_ATTR_FAMILY_ID, 0x20);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, VEM_GENL_NAME);
	mnl_attr_put_u32(nlh, CTRL_ATTR_VERSION, 1);
	mnl_attr_put_u32(nlh, CTRL_ATTR_HDRSIZE, 0);
	groups = mnl_attr_nest_start(nlh, CTRL_ATTR_MCAST_GROUPS);
	grp = mnl_attr_nest_start(nlh, 1);
	mnl_attr_put_u32(nlh, CTRL_ATTR_MCAST_GRP_ID, 3);
	mnl_attr_put_strz(nlh, CTRL_ATTR_MCAST_GRP_NAME, "other");
	mnl_attr_nest_end(nlh, grp);
	grp = mnl_attr_nest_start(nlh, 2);
	mnl_attr_put_u32(nlh, CTRL_ATTR_MCAST_GRP_ID, 7);
	mnl_attr_put_strz(nlh, CTRL_ATTR_MCAST_GRP_NAME, "events");
	mnl_attr_nest_end(nlh, grp);
	mnl_attr_nest_end(nlh, groups);
	ok(!msg_parse_family(nlh, VEM_GENL_MCGRP_EVENTS, &fi) &&
	   fi.id == 0x20 && fi.version == 1 && fi.events_group == 7,
	   "family: id, version, the events group among others");

	nlh = msg_start(buf, GENL_ID_CTRL, CTRL_CMD_NEWFAMILY, 0);
	mnl_attr_put_u16(nlh, CTRL_ATTR_FAMILY_ID, 0x21);
	ok(!msg_parse_family(nlh, VEM_GENL_MCGRP_EVENTS, &fi) &&
	   fi.id == 0x21 && fi.events_group == 0,
	   "family: no groups, events group 0");

	nlh = msg_start(buf, GENL_ID_CTRL, CTRL_CMD_NEWFAMILY, 0);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, VEM_GENL_NAME);
	ok(msg_parse_family(nlh, VEM_GENL_MCGRP_EVENTS, &fi) &&
	   errno == EBADMSG, "family: missing id refused");
}

static void test_profiles(void)
{
	struct profile_info pp = {
		.has = PROFILE_HAS_TYPE | PROFILE_HAS_MODE |
		       PROFILE_HAS_ACCESS_VLAN | PROFILE_HAS_NATIVE_VLAN |
		       PROFILE_HAS_TRUNK_VLANS | PROFILE_HAS_SHUTDOWN |
		       PROFILE_HAS_MAX_PORTS | PROFILE_HAS_ENABLED,
		.name = "web",
		.type = VEM_PORT_VETH,
		.mode = VEM_PORT_MODE_ACCESS,
		.access_vlan = 10,
		.native_vlan = 0,
		.max_ports = 64,
		.enabled = true,
	};
	struct port_info port = { .ref = { VEM_PORT_VETH, 3 } };
	struct profile_info out;
	struct nlmsghdr *nlh;
	const struct nlattr *a;

	vlan_bitmap_set(pp.trunk_vlans, 20);
	nlh = msg_start(buf, FAMILY, VEM_CMD_PROFILE_NEW, NLM_F_ACK);
	msg_put_profile(nlh, &pp);
	a = find(nlh, VEM_A_PROFILE_NAME);
	ok(a && !strcmp(mnl_attr_get_str(a), "web") && count(nlh) == 9 &&
	   has(nlh, VEM_A_PROFILE_TRUNK_VLANS, VEM_VLAN_BITMAP_LEN) &&
	   mnl_attr_get_u32(find(nlh, VEM_A_PROFILE_MAX_PORTS)) == 64 &&
	   mnl_attr_get_u16(find(nlh, VEM_A_PROFILE_ACCESS_VLAN)) == 10,
	   "PROFILE_NEW: the name and every attribute asked");
	pp.has = 0;
	nlh = msg_start(buf, FAMILY, VEM_CMD_PROFILE_DEL, NLM_F_ACK);
	msg_put_profile(nlh, &pp);
	ok(count(nlh) == 1, "PROFILE_DEL: the name only");

	/* The reply, as the kernel fills it: every attribute. */
	nlh = reply(buf, VEM_CMD_PROFILE_GET);
	mnl_attr_put_strz(nlh, VEM_A_PROFILE_NAME, "web");
	mnl_attr_put_u8(nlh, VEM_A_PROFILE_TYPE, VEM_PORT_UPLINK);
	mnl_attr_put_u8(nlh, VEM_A_PROFILE_MODE, VEM_PORT_MODE_TRUNK);
	mnl_attr_put_u16(nlh, VEM_A_PROFILE_ACCESS_VLAN, 1);
	mnl_attr_put_u16(nlh, VEM_A_PROFILE_NATIVE_VLAN, 7);
	mnl_attr_put(nlh, VEM_A_PROFILE_TRUNK_VLANS, VEM_VLAN_BITMAP_LEN,
		     pp.trunk_vlans);
	mnl_attr_put_u8(nlh, VEM_A_PROFILE_SHUTDOWN, 1);
	mnl_attr_put_u32(nlh, VEM_A_PROFILE_MAX_PORTS, 1024);
	mnl_attr_put_u8(nlh, VEM_A_PROFILE_ENABLED, 0);
	mnl_attr_put_u32(nlh, VEM_A_PROFILE_PORT_COUNT, 5);
	ok(!msg_parse_profile(nlh, &out) && !strcmp(out.name, "web") &&
	   out.type == VEM_PORT_UPLINK && out.mode == VEM_PORT_MODE_TRUNK &&
	   out.native_vlan == 7 && vlan_bitmap_test(out.trunk_vlans, 20) &&
	   out.shutdown && out.max_ports == 1024 && !out.enabled &&
	   out.port_count == 5 && out.has == (PROFILE_HAS_TYPE |
	   PROFILE_HAS_MODE | PROFILE_HAS_ACCESS_VLAN |
	   PROFILE_HAS_NATIVE_VLAN | PROFILE_HAS_TRUNK_VLANS |
	   PROFILE_HAS_SHUTDOWN | PROFILE_HAS_MAX_PORTS |
	   PROFILE_HAS_ENABLED | PROFILE_HAS_PORT_COUNT),
	   "profile reply: every attribute read");

	nlh = reply(buf, VEM_CMD_PROFILE_GET);
	mnl_attr_put_u8(nlh, VEM_A_PROFILE_TYPE, VEM_PORT_UPLINK);
	ok(msg_parse_profile(nlh, &out) && errno == EBADMSG,
	   "profile reply without a name: refused");
	nlh = reply(buf, VEM_CMD_PROFILE_GET);
	mnl_attr_put_strz(nlh, VEM_A_PROFILE_NAME, "web");
	mnl_attr_put_u16(nlh, VEM_A_PROFILE_MAX_PORTS, 5);
	ok(msg_parse_profile(nlh, &out) && errno == EBADMSG,
	   "profile reply: a u16 max-ports refused");

	/* A port bound to a profile, with items cleared. */
	port.has = PORT_HAS_PROFILE | PORT_HAS_CLEAR | PORT_HAS_ACCESS_VLAN;
	strcpy(port.profile, "web");
	port.clear = VEM_CFG_MODE | VEM_CFG_SHUTDOWN;
	port.access_vlan = 20;
	nlh = msg_start(buf, FAMILY, VEM_CMD_PORT_SET, NLM_F_ACK);
	msg_put_port(nlh, &port);
	a = find(nlh, VEM_A_PORT_PROFILE);
	ok(a && !strcmp(mnl_attr_get_str(a), "web") &&
	   mnl_attr_get_u32(find(nlh, VEM_A_PORT_CLEAR)) ==
	   (VEM_CFG_MODE | VEM_CFG_SHUTDOWN) && count(nlh) == 5,
	   "PORT_SET: profile, clear and the port's own item");
	port.profile[0] = '\0';
	port.has = PORT_HAS_PROFILE;
	nlh = msg_start(buf, FAMILY, VEM_CMD_PORT_SET, NLM_F_ACK);
	msg_put_port(nlh, &port);
	a = find(nlh, VEM_A_PORT_PROFILE);
	ok(a && mnl_attr_get_payload_len(a) == 1, "PORT_SET: \"\" unbinds");
	ok(!strcmp(msg_attr_name(VEM_CMD_PROFILE_SET, VEM_A_PROFILE_MAX_PORTS),
		   "VEM_A_PROFILE_MAX_PORTS"), "profile attributes have names");
}

/* The attributes of a nest, as find() and count() do for a message. */
static const struct nlattr *nfind(const struct nlattr *nest, uint16_t type)
{
	const struct nlattr *attr;

	mnl_attr_for_each_nested(attr, nest)
		if (mnl_attr_get_type(attr) == type)
			return attr;
	return NULL;
}

static unsigned int ncount(const struct nlattr *nest)
{
	const struct nlattr *attr;
	unsigned int n = 0;

	mnl_attr_for_each_nested(attr, nest)
		n++;
	return n;
}

/* The i-th VEM_A_ACL_ENTRY of a request. */
static const struct nlattr *entry_at(const struct nlmsghdr *nlh,
				     unsigned int i)
{
	const struct nlattr *list = find(nlh, VEM_A_ACL_ENTRIES), *attr;

	if (!list)
		return NULL;
	mnl_attr_for_each_nested(attr, list)
		if (!i--)
			return attr;
	return NULL;
}

static void free_acls(struct acl_info *acls, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(acls[i].entries);
	free(acls);
}

/* An IPv4 entry with every condition. */
static void ace_ipv4_full(struct acl_entry_info *e, uint32_t seq)
{
	static const uint8_t src[4] = { 10, 0, 0, 0 };
	static const uint8_t dst[4] = { 192, 168, 1, 1 };

	memset(e, 0, sizeof(*e));
	e->seq = seq;
	e->action = VEM_ACE_DENY;
	e->has_proto = true;
	e->proto = 6;
	memcpy(e->src, src, 4);
	e->src_len = 8;
	memcpy(e->dst, dst, 4);
	e->dst_len = 32;
	e->sport_op = VEM_ACE_PORT_RANGE;
	e->sport_lo = 1000;
	e->sport_hi = 2000;
	e->dport_op = VEM_ACE_PORT_EQ;
	e->dport_lo = 80;
	e->established = true;
	e->has_dscp = true;
	e->dscp = 46;
}

static void test_acl_requests(void)
{
	struct acl_entry_info e[3];
	struct acl_info acl = { .name = "web-in", .family = VEM_ACL_FAMILY_IPV4,
				.entries = e, .n = 2 };
	const struct nlattr *list, *a;
	struct acl_info back;
	struct nlmsghdr *nlh;
	bool good;

	ace_ipv4_full(&e[0], 10);
	memset(&e[1], 0, sizeof(e[1]));
	e[1].seq = 20;
	e[1].action = VEM_ACE_PERMIT;
	/* Set, but "any": none of it is sent. */
	e[1].src[0] = 1;
	e[1].sport_lo = 5;
	e[1].dport_hi = 6;
	e[1].src_mac[0] = 1;

	nlh = msg_start(buf, FAMILY, VEM_CMD_ACL_NEW, NLM_F_ACK);
	ok(!msg_put_acl(nlh, &acl, true), "ACL_NEW: built");
	ok(nlh->nlmsg_len <= msg_acl_size(&acl), "ACL_NEW: within its bound");
	a = find(nlh, VEM_A_ACL_NAME);
	list = find(nlh, VEM_A_ACL_ENTRIES);
	ok(count(nlh) == 3 && a && !strcmp(mnl_attr_get_str(a), "web-in") &&
	   mnl_attr_get_u8(find(nlh, VEM_A_ACL_FAMILY)) == VEM_ACL_FAMILY_IPV4 &&
	   list && (list->nla_type & NLA_F_NESTED) && ncount(list) == 2,
	   "ACL_NEW: name, family, a nested list of two entries");
	a = entry_at(nlh, 0);
	good = a && mnl_attr_get_type(a) == VEM_A_ACL_ENTRY &&
	       (a->nla_type & NLA_F_NESTED) && ncount(a) == 14;
	ok(good, "IPv4 entry: nested, the 14 attributes of its conditions");
	good = good &&
	       mnl_attr_get_u32(nfind(a, VEM_A_ACE_SEQ)) == 10 &&
	       mnl_attr_get_u8(nfind(a, VEM_A_ACE_ACTION)) == VEM_ACE_DENY &&
	       mnl_attr_get_u8(nfind(a, VEM_A_ACE_PROTO)) == 6 &&
	       mnl_attr_get_payload_len(nfind(a, VEM_A_ACE_SRC)) == 4 &&
	       mnl_attr_get_u8(nfind(a, VEM_A_ACE_SRC_LEN)) == 8 &&
	       mnl_attr_get_payload_len(nfind(a, VEM_A_ACE_DST)) == 4 &&
	       mnl_attr_get_u8(nfind(a, VEM_A_ACE_DST_LEN)) == 32 &&
	       mnl_attr_get_u8(nfind(a, VEM_A_ACE_SPORT_OP)) ==
	       VEM_ACE_PORT_RANGE &&
	       mnl_attr_get_u16(nfind(a, VEM_A_ACE_SPORT_LO)) == 1000 &&
	       mnl_attr_get_u16(nfind(a, VEM_A_ACE_SPORT_HI)) == 2000 &&
	       mnl_attr_get_u8(nfind(a, VEM_A_ACE_DPORT_OP)) ==
	       VEM_ACE_PORT_EQ &&
	       mnl_attr_get_u16(nfind(a, VEM_A_ACE_DPORT_LO)) == 80 &&
	       !nfind(a, VEM_A_ACE_DPORT_HI) &&
	       mnl_attr_get_payload_len(nfind(a, VEM_A_ACE_ESTABLISHED)) == 0 &&
	       mnl_attr_get_u8(nfind(a, VEM_A_ACE_DSCP)) == 46 &&
	       !memcmp(mnl_attr_get_payload(nfind(a, VEM_A_ACE_DST)),
		       "\xc0\xa8\x01\x01", 4) &&
	       !nfind(a, VEM_A_ACE_HITS) && !nfind(a, VEM_A_ACE_SRC_MAC);
	ok(good, "IPv4 entry: every condition, HI only for the range");
	a = entry_at(nlh, 1);
	ok(a && ncount(a) == 2 && nfind(a, VEM_A_ACE_SEQ) &&
	   nfind(a, VEM_A_ACE_ACTION),
	   "entry of \"any\": sequence and action only");

	/* The request reads back as a reply would. */
	ok(!msg_parse_acl(nlh, &back) && back.n == 2 &&
	   !strcmp(back.name, "web-in") &&
	   back.family == VEM_ACL_FAMILY_IPV4 &&
	   !memcmp(&back.entries[0], &e[0], sizeof(e[0])) &&
	   back.entries[1].seq == 20 && !back.entries[1].src_len &&
	   !back.entries[1].sport_op && !back.entries[1].has_proto,
	   "ACL_NEW: reads back the same");
	free(back.entries);

	/* ACL_SET: no family; an empty list is sent (deny all). */
	nlh = msg_start(buf, FAMILY, VEM_CMD_ACL_SET, NLM_F_ACK);
	acl.n = 0;
	ok(!msg_put_acl(nlh, &acl, false) && count(nlh) == 2 &&
	   !find(nlh, VEM_A_ACL_FAMILY) && find(nlh, VEM_A_ACL_ENTRIES) &&
	   ncount(find(nlh, VEM_A_ACL_ENTRIES)) == 0,
	   "ACL_SET: name and an empty list, no family");
	nlh = msg_start(buf, FAMILY, VEM_CMD_ACL_DEL, NLM_F_ACK);
	msg_put_acl_name(nlh, "web-in");
	ok(count(nlh) == 1 && find(nlh, VEM_A_ACL_NAME), "ACL_DEL: the name");

	/* IPv6: addresses of 16 bytes. */
	memset(&e[0], 0, sizeof(e[0]));
	e[0].seq = 1;
	e[0].src[0] = 0x20;
	e[0].src[1] = 0x01;
	e[0].src[15] = 0x01;
	e[0].src_len = 64;
	e[0].dst_len = 0;
	acl.family = VEM_ACL_FAMILY_IPV6;
	acl.n = 1;
	nlh = msg_start(buf, FAMILY, VEM_CMD_ACL_NEW, NLM_F_ACK);
	msg_put_acl(nlh, &acl, true);
	a = entry_at(nlh, 0);
	ok(a && ncount(a) == 4 &&
	   mnl_attr_get_payload_len(nfind(a, VEM_A_ACE_SRC)) == 16 &&
	   mnl_attr_get_u8(nfind(a, VEM_A_ACE_SRC_LEN)) == 64 &&
	   !nfind(a, VEM_A_ACE_DST),
	   "IPv6 entry: a 16-byte source, no destination");
	ok(!msg_parse_acl(nlh, &back) && back.n == 1 &&
	   !memcmp(&back.entries[0], &e[0], sizeof(e[0])),
	   "IPv6 entry: reads back the same");
	free(back.entries);

	/* MAC: a pair is sent only under a non-zero mask. */
	memset(&e[0], 0, sizeof(e[0]));
	e[0].seq = 5;
	e[0].action = VEM_ACE_DENY;
	memcpy(e[0].src_mac, "\x02\x00\x00\x00\x00\x01", 6);
	memcpy(e[0].src_mac_mask, "\xff\xff\xff\xff\xff\xff", 6);
	memcpy(e[0].dst_mac, "\x01\x00\x5e\x00\x00\x00", 6);
	e[0].has_ethertype = true;
	e[0].ethertype = 0x0806;
	acl.family = VEM_ACL_FAMILY_MAC;
	nlh = msg_start(buf, FAMILY, VEM_CMD_ACL_NEW, NLM_F_ACK);
	msg_put_acl(nlh, &acl, true);
	a = entry_at(nlh, 0);
	ok(a && ncount(a) == 5 &&
	   !memcmp(mnl_attr_get_payload(nfind(a, VEM_A_ACE_SRC_MAC)),
		   e[0].src_mac, 6) &&
	   mnl_attr_get_payload_len(nfind(a, VEM_A_ACE_SRC_MAC_MASK)) == 6 &&
	   !nfind(a, VEM_A_ACE_DST_MAC) && !nfind(a, VEM_A_ACE_DST_MAC_MASK) &&
	   mnl_attr_get_u16(nfind(a, VEM_A_ACE_ETHERTYPE)) == 0x0806,
	   "MAC entry: source under its mask, no destination (zero mask), ethertype");
	e[0].dst_mac[0] = 0;	/* not sent: reads back as zeros */
	ok(!msg_parse_acl(nlh, &back) && back.n == 1 &&
	   (memcpy(e[0].dst_mac, back.entries[0].dst_mac, 6),
	    !memcmp(&back.entries[0], &e[0], sizeof(e[0]))),
	   "MAC entry: reads back the same");
	free(back.entries);
	ok(!strcmp(msg_attr_name(VEM_CMD_ACL_SET, VEM_A_ACL_ENTRIES),
		   "VEM_A_ACL_ENTRIES"), "ACL attributes have names");
}

/* The biggest lists: the buffer bound, and the 16-bit attribute length. */
static void test_acl_big(void)
{
	struct acl_info acl = { .family = VEM_ACL_FAMILY_IPV6 };
	struct acl_entry_info *e;
	struct nlmsghdr *nlh;
	void *b;
	size_t i;

	memset(acl.name, 'b', VEM_ACL_NAME_MAX);	/* the longest name */
	acl.n = VEM_ACL_ENTRIES_MAX;
	e = calloc(acl.n, sizeof(*e));
	acl.entries = e;
	/* Everything set, both families' conditions: the worst case. */
	for (i = 0; i < acl.n; i++) {
		ace_ipv4_full(&e[i], i + 1);
		e[i].src_len = e[i].dst_len = 128;
		e[i].dport_op = VEM_ACE_PORT_RANGE;
		e[i].dport_hi = 90;
		e[i].src_mac_mask[0] = e[i].dst_mac_mask[0] = 0xff;
		e[i].has_ethertype = true;
		e[i].ethertype = 0x0800;
	}
	b = malloc(msg_acl_size(&acl));
	nlh = msg_start(b, FAMILY, VEM_CMD_ACL_NEW, NLM_F_ACK);
	ok(!msg_put_acl(nlh, &acl, true) && nlh->nlmsg_len <= msg_acl_size(&acl),
	   "ACL of 4096 worst-case entries: built within msg_acl_size()");
	{
		const struct nlattr *attr;
		unsigned int lists = 0;
		struct acl_info back;

		mnl_attr_for_each(attr, nlh, GENL_HDRLEN)
			lists += mnl_attr_get_type(attr) == VEM_A_ACL_ENTRIES;
		ok(lists > 1, "split into %u VEM_A_ACL_ENTRIES", lists);
		/* A truncated length would lose entries on the way back. */
		ok(!msg_parse_acl(nlh, &back) && back.n == acl.n &&
		   back.entries[acl.n - 1].seq == acl.n &&
		   back.entries[0].seq == 1,
		   "and read back whole, in order");
		free(back.entries);
	}
	free(b);
	free(e);
}

/* An ACL_GET reply as vem_nl_fill_acl() lays it out. */
static struct nlmsghdr *acl_reply(void *b, const char *name, uint8_t family,
				  uint32_t first, uint32_t n)
{
	struct nlmsghdr *nlh = reply(b, VEM_CMD_ACL_GET);
	struct nlattr *list, *ent;
	uint32_t i;

	mnl_attr_put_strz(nlh, VEM_A_ACL_NAME, name);
	mnl_attr_put_u8(nlh, VEM_A_ACL_FAMILY, family);
	mnl_attr_put_u32(nlh, VEM_A_ACL_USERS, 3);
	mnl_attr_put(nlh, VEM_A_ACL_PAD, 0, NULL);
	mnl_attr_put_u64(nlh, VEM_A_ACL_DENY_HITS, 777);
	list = mnl_attr_nest_start(nlh, VEM_A_ACL_ENTRIES);
	for (i = first; i < first + n; i++) {
		ent = mnl_attr_nest_start(nlh, VEM_A_ACL_ENTRY);
		mnl_attr_put_u32(nlh, VEM_A_ACE_SEQ, i * 10);
		mnl_attr_put_u8(nlh, VEM_A_ACE_ACTION, VEM_ACE_PERMIT);
		mnl_attr_put(nlh, VEM_A_ACE_PAD, 0, NULL);
		mnl_attr_put_u64(nlh, VEM_A_ACE_HITS, 1000 + i);
		if (family == VEM_ACL_FAMILY_IPV4) {
			mnl_attr_put_u8(nlh, VEM_A_ACE_PROTO, 17);
			mnl_attr_put_u8(nlh, VEM_A_ACE_DPORT_OP,
					VEM_ACE_PORT_GT);
			mnl_attr_put_u16(nlh, VEM_A_ACE_DPORT_LO, 1023);
		}
		mnl_attr_nest_end(nlh, ent);
	}
	mnl_attr_nest_end(nlh, list);
	return nlh;
}

static void test_acl_replies(void)
{
	static uint32_t b3[MSG_REQ_SIZE / 4];
	struct acl_info acl, *acls = NULL;
	const struct acl_entry_info *e;
	struct nlmsghdr *nlh;
	struct nlattr *list, *ent;
	size_t n = 0, i;
	bool good;

	nlh = acl_reply(buf, "web-in", VEM_ACL_FAMILY_IPV4, 1, 3);
	ok(!msg_parse_acl(nlh, &acl) && !strcmp(acl.name, "web-in") &&
	   acl.family == VEM_ACL_FAMILY_IPV4 && acl.users == 3 &&
	   acl.deny_hits == 777 && acl.n == 3,
	   "ACL reply: name, family, users, deny hits, entries");
	e = acl.entries;
	ok(e && e[0].seq == 10 && e[2].seq == 30 && e[1].hits == 1002 &&
	   e[0].has_proto && e[0].proto == 17 &&
	   e[0].dport_op == VEM_ACE_PORT_GT && e[0].dport_lo == 1023 &&
	   !e[0].sport_op && !e[0].src_len && !e[0].established,
	   "ACL reply: entries with their conditions and hits");
	free(acl.entries);

	/* A dump: web-in split over two messages, then mac-in. */
	ok(!msg_join_acl(acl_reply(buf, "web-in", VEM_ACL_FAMILY_IPV4, 1, 2),
			 &acls, &n) &&
	   !msg_join_acl(acl_reply(buf2, "web-in", VEM_ACL_FAMILY_IPV4, 3, 3),
			 &acls, &n) &&
	   !msg_join_acl(acl_reply(b3, "mac-in", VEM_ACL_FAMILY_MAC, 1, 1),
			 &acls, &n), "dump: three messages joined");
	good = n == 2 && acls[0].n == 5 && acls[1].n == 1 &&
	       !strcmp(acls[1].name, "mac-in") &&
	       acls[1].family == VEM_ACL_FAMILY_MAC;
	for (i = 0; good && i < 5; i++)
		good = acls[0].entries[i].seq == (i + 1) * 10 &&
		       acls[0].entries[i].hits == 1001 + i;
	ok(good, "dump: the split ACL whole and in order, the next apart");
	/* A message naming the same ACL with another family: malformed. */
	ok(msg_join_acl(acl_reply(buf, "mac-in", VEM_ACL_FAMILY_IPV4, 2, 1),
			&acls, &n) && errno == EBADMSG && n == 2 &&
	   acls[1].n == 1, "dump: a family change refused, the list kept");
	/* A message with no entry (the ACL is empty) still names it. */
	ok(!msg_join_acl(acl_reply(buf, "empty", VEM_ACL_FAMILY_IPV6, 1, 0),
			 &acls, &n) && n == 3 && acls[2].n == 0 &&
	   !acls[2].entries, "dump: an empty ACL");
	free_acls(acls, n);

	/* Malformed entries. */
	nlh = reply(buf, VEM_CMD_ACL_GET);
	mnl_attr_put_strz(nlh, VEM_A_ACL_NAME, "x");
	mnl_attr_put_u8(nlh, VEM_A_ACL_FAMILY, VEM_ACL_FAMILY_IPV4);
	list = mnl_attr_nest_start(nlh, VEM_A_ACL_ENTRIES);
	ent = mnl_attr_nest_start(nlh, VEM_A_ACL_ENTRY);
	mnl_attr_put_u32(nlh, VEM_A_ACE_SEQ, 1);
	mnl_attr_put_u8(nlh, VEM_A_ACE_ACTION, 0);
	mnl_attr_put(nlh, VEM_A_ACE_SRC, 16, buf2);
	mnl_attr_put_u8(nlh, VEM_A_ACE_SRC_LEN, 8);
	mnl_attr_nest_end(nlh, ent);
	mnl_attr_nest_end(nlh, list);
	ok(msg_parse_acl(nlh, &acl) && errno == EBADMSG && !acl.entries,
	   "ACL reply: a 16-byte address in an IPv4 ACL refused");

	nlh = reply(buf, VEM_CMD_ACL_GET);
	mnl_attr_put_strz(nlh, VEM_A_ACL_NAME, "x");
	mnl_attr_put_u8(nlh, VEM_A_ACL_FAMILY, VEM_ACL_FAMILY_IPV4);
	list = mnl_attr_nest_start(nlh, VEM_A_ACL_ENTRIES);
	ent = mnl_attr_nest_start(nlh, VEM_A_ACL_ENTRY);
	mnl_attr_put_u32(nlh, VEM_A_ACE_SEQ, 1);
	mnl_attr_put_u8(nlh, VEM_A_ACE_ACTION, 0);
	mnl_attr_put_u8(nlh, VEM_A_ACE_SPORT_OP, VEM_ACE_PORT_RANGE);
	mnl_attr_put_u16(nlh, VEM_A_ACE_SPORT_LO, 1);
	mnl_attr_nest_end(nlh, ent);
	mnl_attr_nest_end(nlh, list);
	ok(msg_parse_acl(nlh, &acl) && errno == EBADMSG,
	   "ACL reply: a range without its end refused");

	nlh = reply(buf, VEM_CMD_ACL_GET);
	mnl_attr_put_strz(nlh, VEM_A_ACL_NAME, "x");
	mnl_attr_put_u8(nlh, VEM_A_ACL_FAMILY, VEM_ACL_FAMILY_MAC);
	list = mnl_attr_nest_start(nlh, VEM_A_ACL_ENTRIES);
	ent = mnl_attr_nest_start(nlh, VEM_A_ACL_ENTRY);
	mnl_attr_put_u8(nlh, VEM_A_ACE_ACTION, 0);
	mnl_attr_nest_end(nlh, ent);
	mnl_attr_nest_end(nlh, list);
	ok(msg_parse_acl(nlh, &acl) && errno == EBADMSG,
	   "ACL reply: an entry without a sequence number refused");

	nlh = reply(buf, VEM_CMD_ACL_GET);
	mnl_attr_put_strz(nlh, VEM_A_ACL_NAME, "x");
	ok(msg_parse_acl(nlh, &acl) && errno == EBADMSG,
	   "ACL reply without a family refused");
}

/* Ports and profiles name their ACLs. */
static void test_acl_slots(void)
{
	static const char *const names[ACL_SLOTS] = {
		"v4-in", "", "v6-in", "v6-out", "", "mac-out",
	};
	struct port_info port = { .ref = { VEM_PORT_VETH, 3 } }, p;
	struct profile_info pp = { .name = "web" }, pout;
	struct nlmsghdr *nlh;
	const struct nlattr *a;
	unsigned int i;
	bool good;

	for (i = 0; i < ACL_SLOTS; i++)
		strcpy(port.acl[i], names[i]);
	nlh = msg_start(buf, FAMILY, VEM_CMD_PORT_SET, NLM_F_ACK);
	msg_put_port(nlh, &port);
	ok(count(nlh) == 2, "PORT_SET without PORT_HAS_ACLS: no ACL names");
	port.has = PORT_HAS_ACLS;
	port.own = VEM_CFG_ACL_IPV6_OUT;
	nlh = msg_start(buf, FAMILY, VEM_CMD_PORT_SET, NLM_F_ACK);
	msg_put_port(nlh, &port);
	a = find(nlh, VEM_A_PORT_ACL_IPV6_OUT);
	ok(count(nlh) == 3 && a && !strcmp(mnl_attr_get_str(a), names[3]),
	   "PORT_SET: only the ACL slots the port owns");
	port.own = VEM_CFG_ALL;
	nlh = msg_start(buf, FAMILY, VEM_CMD_PORT_SET, NLM_F_ACK);
	msg_put_port(nlh, &port);
	good = count(nlh) == 2 + ACL_SLOTS;
	for (i = 0; good && i < ACL_SLOTS; i++) {
		a = find(nlh, VEM_A_PORT_ACL_IP_IN + i);
		good = a && !strcmp(mnl_attr_get_str(a), names[i]) &&
		       mnl_attr_get_payload_len(a) == strlen(names[i]) + 1;
	}
	ok(good, "PORT_SET: the six ACL names, \"\" for none");

	/* The request reads back as the kernel's reply would. */
	ok(!msg_parse_port(nlh, &p) && (p.has & PORT_HAS_ACLS) &&
	   !memcmp(p.acl, port.acl, sizeof(p.acl)),
	   "port reply: ACL names read, PORT_HAS_ACLS set");
	nlh = port_reply();
	ok(!msg_parse_port(nlh, &p) && !(p.has & PORT_HAS_ACLS),
	   "port reply without ACL names: PORT_HAS_ACLS clear");
	nlh = reply(buf, VEM_CMD_PORT_GET);
	mnl_attr_put_u8(nlh, VEM_A_PORT_TYPE, VEM_PORT_VETH);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ID, 1);
	memset(buf2, 'a', VEM_ACL_NAME_MAX + 1);
	((char *)buf2)[VEM_ACL_NAME_MAX + 1] = '\0';
	mnl_attr_put_strz(nlh, VEM_A_PORT_ACL_MAC_IN, (char *)buf2);
	ok(msg_parse_port(nlh, &p) && errno == EBADMSG,
	   "port reply: an ACL name too long refused");
	ok(!strcmp(msg_attr_name(VEM_CMD_PORT_SET, VEM_A_PORT_ACL_MAC_OUT),
		   "VEM_A_PORT_ACL_MAC_OUT"), "port ACL attributes have names");

	for (i = 0; i < ACL_SLOTS; i++)
		strcpy(pp.acl[i], names[ACL_SLOTS - 1 - i]);
	pp.has = PROFILE_HAS_ACLS;
	nlh = msg_start(buf, FAMILY, VEM_CMD_PROFILE_SET, NLM_F_ACK);
	msg_put_profile(nlh, &pp);
	good = count(nlh) == 1 + ACL_SLOTS;
	for (i = 0; good && i < ACL_SLOTS; i++) {
		a = find(nlh, VEM_A_PROFILE_ACL_IP_IN + i);
		good = a && !strcmp(mnl_attr_get_str(a),
				    names[ACL_SLOTS - 1 - i]);
	}
	ok(good, "PROFILE_SET: the six ACL names");
	ok(!msg_parse_profile(nlh, &pout) && pout.has == PROFILE_HAS_ACLS &&
	   !memcmp(pout.acl, pp.acl, sizeof(pp.acl)),
	   "profile reply: ACL names read, PROFILE_HAS_ACLS set");
}

static void test_storm(void)
{
	struct port_info port = {
		.ref = { VEM_PORT_VETH, 3 }, .storm = { 1000, 0, 7 },
	}, p;
	struct profile_info pp = { .name = "web", .storm = { 0, 5, 100000000 } };
	struct profile_info pout;
	struct nlmsghdr *nlh;
	const struct nlattr *a;

	nlh = msg_start(buf, FAMILY, VEM_CMD_PORT_SET, NLM_F_ACK);
	msg_put_port(nlh, &port);
	ok(count(nlh) == 2, "PORT_SET without PORT_HAS_STORM: no limits");
	port.has = PORT_HAS_STORM;
	port.own = VEM_CFG_STORM_UCAST;
	nlh = msg_start(buf, FAMILY, VEM_CMD_PORT_SET, NLM_F_ACK);
	msg_put_port(nlh, &port);
	a = find(nlh, VEM_A_PORT_STORM_UCAST);
	ok(count(nlh) == 3 && a && mnl_attr_get_u32(a) == 7,
	   "PORT_SET: only the limits the port owns");
	port.own = VEM_CFG_STORM_BCAST | VEM_CFG_STORM_MCAST |
		   VEM_CFG_STORM_UCAST;
	nlh = msg_start(buf, FAMILY, VEM_CMD_PORT_SET, NLM_F_ACK);
	msg_put_port(nlh, &port);
	ok(count(nlh) == 5 && has(nlh, VEM_A_PORT_STORM_BCAST, 4) &&
	   mnl_attr_get_u32(find(nlh, VEM_A_PORT_STORM_MCAST)) == 0,
	   "PORT_SET: all three, 0 for none");
	ok(!msg_parse_port(nlh, &p) && (p.has & PORT_HAS_STORM) &&
	   !memcmp(p.storm, port.storm, sizeof(p.storm)),
	   "port reply: limits read, PORT_HAS_STORM set");
	nlh = port_reply();
	ok(!msg_parse_port(nlh, &p) && !(p.has & PORT_HAS_STORM),
	   "port reply without limits: PORT_HAS_STORM clear");
	nlh = reply(buf, VEM_CMD_PORT_GET);
	mnl_attr_put_u8(nlh, VEM_A_PORT_TYPE, VEM_PORT_VETH);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ID, 1);
	mnl_attr_put_u16(nlh, VEM_A_PORT_STORM_MCAST, 5);
	ok(msg_parse_port(nlh, &p) && errno == EBADMSG,
	   "port reply: a limit of the wrong size refused");
	ok(!strcmp(msg_attr_name(VEM_CMD_PORT_SET, VEM_A_PORT_STORM_UCAST),
		   "VEM_A_PORT_STORM_UCAST") &&
	   !strcmp(msg_attr_name(VEM_CMD_PROFILE_SET, VEM_A_PROFILE_STORM_BCAST),
		   "VEM_A_PROFILE_STORM_BCAST"),
	   "storm attributes have names");

	pp.has = PROFILE_HAS_STORM;
	nlh = msg_start(buf, FAMILY, VEM_CMD_PROFILE_SET, NLM_F_ACK);
	msg_put_profile(nlh, &pp);
	ok(count(nlh) == 4 &&
	   mnl_attr_get_u32(find(nlh, VEM_A_PROFILE_STORM_UCAST)) == 100000000,
	   "PROFILE_SET: the three limits");
	ok(!msg_parse_profile(nlh, &pout) && pout.has == PROFILE_HAS_STORM &&
	   !memcmp(pout.storm, pp.storm, sizeof(pp.storm)),
	   "profile reply: limits read, PROFILE_HAS_STORM set");
}

static void test_psec(void)
{
	struct port_info port = {
		.ref = { VEM_PORT_VETH, 3 },
		.has = PORT_HAS_PSEC | PORT_HAS_PROFILE,
		.own = VEM_CFG_PSEC_MAX | VEM_CFG_PSEC_STICKY,
		.psec = { .on = true, .max = 2, .violation = VEM_PSEC_RESTRICT,
			  .sticky = true },
		.profile = "web",
	};
	struct profile_info pp = {
		.has = PROFILE_HAS_PSEC, .name = "web",
		.psec = { .on = true, .max = 4096,
			  .violation = VEM_PSEC_PROTECT },
	};
	struct port_info p;
	struct profile_info out;
	struct nlmsghdr *nlh;

	nlh = msg_start(buf, FAMILY, VEM_CMD_PORT_SET, NLM_F_ACK);
	msg_put_port(nlh, &port);
	ok(count(nlh) == 5 && !find(nlh, VEM_A_PORT_PSEC) &&
	   !find(nlh, VEM_A_PORT_PSEC_VIOLATION) &&
	   mnl_attr_get_u32(find(nlh, VEM_A_PORT_PSEC_MAX)) == 2 &&
	   mnl_attr_get_u8(find(nlh, VEM_A_PORT_PSEC_STICKY)) == 1,
	   "PORT_SET: the port-security items the port owns, only");
	port.own = VEM_CFG_ALL;
	port.has = PORT_HAS_PSEC;
	nlh = msg_start(buf, FAMILY, VEM_CMD_PORT_SET, NLM_F_ACK);
	msg_put_port(nlh, &port);
	ok(count(nlh) == 6 &&
	   mnl_attr_get_u8(find(nlh, VEM_A_PORT_PSEC)) == 1 &&
	   mnl_attr_get_u8(find(nlh, VEM_A_PORT_PSEC_VIOLATION)) ==
	   VEM_PSEC_RESTRICT, "PORT_SET: all four when it owns all");

	nlh = msg_start(buf, FAMILY, VEM_CMD_PROFILE_SET, NLM_F_ACK);
	msg_put_profile(nlh, &pp);
	ok(count(nlh) == 5 &&
	   mnl_attr_get_u32(find(nlh, VEM_A_PROFILE_PSEC_MAX)) == 4096 &&
	   mnl_attr_get_u8(find(nlh, VEM_A_PROFILE_PSEC_VIOLATION)) ==
	   VEM_PSEC_PROTECT && mnl_attr_get_u8(find(nlh, VEM_A_PROFILE_PSEC_STICKY)) == 0,
	   "PROFILE_SET: the four port-security items");

	nlh = reply(buf, VEM_CMD_PORT_GET);
	mnl_attr_put_u8(nlh, VEM_A_PORT_TYPE, VEM_PORT_VETH);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ID, 3);
	mnl_attr_put_u8(nlh, VEM_A_PORT_PSEC, 1);
	mnl_attr_put_u32(nlh, VEM_A_PORT_PSEC_MAX, 2);
	mnl_attr_put_u8(nlh, VEM_A_PORT_PSEC_VIOLATION, VEM_PSEC_SHUTDOWN);
	mnl_attr_put_u8(nlh, VEM_A_PORT_PSEC_STICKY, 0);
	mnl_attr_put_u8(nlh, VEM_A_PORT_ERR_DISABLED, VEM_ERR_PSEC);
	mnl_attr_put_u32(nlh, VEM_A_PORT_SECURE_MACS, 2);
	ok(!msg_parse_port(nlh, &p) && p.psec.on && p.psec.max == 2 &&
	   p.psec.violation == VEM_PSEC_SHUTDOWN && !p.psec.sticky &&
	   p.err_disabled == VEM_ERR_PSEC && p.secure_macs == 2 &&
	   p.has == (PORT_HAS_PSEC | PORT_HAS_ERR_DISABLED |
		     PORT_HAS_SECURE_MACS),
	   "port reply: port security, err-disabled, secure MACs");
	nlh = reply(buf, VEM_CMD_PORT_GET);
	mnl_attr_put_u8(nlh, VEM_A_PORT_TYPE, VEM_PORT_VETH);
	mnl_attr_put_u32(nlh, VEM_A_PORT_ID, 3);
	mnl_attr_put_u16(nlh, VEM_A_PORT_PSEC_MAX, 2);
	ok(msg_parse_port(nlh, &p) && errno == EBADMSG,
	   "port reply: a u16 PSEC_MAX refused");
	nlh = reply(buf, VEM_CMD_PROFILE_GET);
	mnl_attr_put_strz(nlh, VEM_A_PROFILE_NAME, "web");
	mnl_attr_put_u8(nlh, VEM_A_PROFILE_PSEC, 0);
	mnl_attr_put_u32(nlh, VEM_A_PROFILE_PSEC_MAX, 1);
	mnl_attr_put_u8(nlh, VEM_A_PROFILE_PSEC_VIOLATION, VEM_PSEC_PROTECT);
	mnl_attr_put_u8(nlh, VEM_A_PROFILE_PSEC_STICKY, 1);
	ok(!msg_parse_profile(nlh, &out) && out.has == PROFILE_HAS_PSEC &&
	   !out.psec.on && out.psec.max == 1 &&
	   out.psec.violation == VEM_PSEC_PROTECT && out.psec.sticky,
	   "profile reply: port security");
	ok(!strcmp(msg_attr_name(VEM_CMD_PORT_SET, VEM_A_PORT_SECURE_MACS),
		   "VEM_A_PORT_SECURE_MACS") &&
	   !strcmp(msg_attr_name(VEM_CMD_PROFILE_SET, VEM_A_PROFILE_PSEC_STICKY),
		   "VEM_A_PROFILE_PSEC_STICKY"),
	   "port-security attributes have names");
}

int main(void)
{
	tap_init();
	test_requests();
	test_port_reply();
	test_fdb_switch_reply();
	test_events();
	test_extack();
	test_family();
	test_profiles();
	test_acl_requests();
	test_acl_big();
	test_acl_replies();
	test_storm();
	test_acl_slots();
	test_psec();
	return tap_exit();
}
