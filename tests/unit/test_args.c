// SPDX-License-Identifier: GPL-2.0
/*
 * test_args.c - vsmctl/args.c: argv of each command into the model.
 */

#include "args.h"
#include "parse.h"
#include "tap.h"

/* A command line split on blanks, as the shell would. */
struct words {
	int argc;
	char *argv[64];
	char buf[1024];
};

static struct words *split(const char *line)
{
	static struct words w;
	char *p;

	memset(&w, 0, sizeof(w));
	snprintf(w.buf, sizeof(w.buf), "%s", line);
	for (p = strtok(w.buf, " "); p; p = strtok(NULL, " "))
		w.argv[w.argc++] = p;
	return &w;
}

static bool err_has(const char *s)
{
	if (strstr(parse_error(), s))
		return true;
	diag("error \"%s\" does not name \"%s\"", parse_error(), s);
	return false;
}

static int iface(enum iface_op op, const char *line, struct iface_req *req)
{
	struct words *w = split(line);

	return args_interface(w->argc, w->argv, op, req);
}

static unsigned int bits(const uint8_t *bm)
{
	unsigned int i, n = 0;

	for (i = 0; i < VEM_VLAN_BITMAP_LEN * 8; i++)
		n += vlan_bitmap_test(bm, i);
	return n;
}

static void test_interface_good(void)
{
	struct iface_req r;
	struct port_info *p = &r.port;

	ok(!iface(IFACE_ADD, "vethernet 3", &r) &&
	   p->ref.type == VEM_PORT_VETH && p->ref.id == 3 && p->has == 0 &&
	   r.allowed_op == VLAN_OP_NONE, "iface add: just the port");
	ok(!iface(IFACE_ADD, "veth 3 dev tap0 mode access access vlan 10", &r) &&
	   p->has == (PORT_HAS_IFNAME | PORT_HAS_MODE | PORT_HAS_ACCESS_VLAN) &&
	   !strcmp(p->ifname, "tap0") && p->mode == VEM_PORT_MODE_ACCESS &&
	   p->access_vlan == 10, "iface add: dev, mode access, access vlan");
	ok(!iface(IFACE_ADD,
		  "eth 1 dev eth0 allowed vlan 10,20,30-40 native vlan 10", &r) &&
	   p->ref.type == VEM_PORT_UPLINK && p->ref.id == 1 &&
	   p->has == (PORT_HAS_IFNAME | PORT_HAS_TRUNK_VLANS |
		      PORT_HAS_NATIVE_VLAN) &&
	   bits(p->trunk_vlans) == 13 && vlan_bitmap_test(p->trunk_vlans, 35) &&
	   p->native_vlan == 10 && r.allowed_op == VLAN_OP_SET,
	   "iface add: uplink with allowed and native vlan");
	ok(!iface(IFACE_ADD, "ethernet1 native vlan none", &r) &&
	   p->has == PORT_HAS_NATIVE_VLAN && p->native_vlan == 0,
	   "iface add: native vlan none is 0");
	ok(!iface(IFACE_ADD, "veth 3 shutdown", &r) &&
	   p->has == PORT_HAS_SHUTDOWN && p->shutdown,
	   "iface add: shutdown");
	ok(!iface(IFACE_SET, "veth 3 no shutdown", &r) &&
	   p->has == PORT_HAS_SHUTDOWN && !p->shutdown,
	   "iface set: no shutdown");
	ok(!iface(IFACE_SET, "veth 3 no sh", &r) &&
	   p->has == PORT_HAS_SHUTDOWN && !p->shutdown,
	   "iface set: no sh");
	ok(!iface(IFACE_SET, "veth 3 nodev", &r) &&
	   p->has == PORT_HAS_IFINDEX && p->ifindex == 0,
	   "iface set: nodev is ifindex 0");
	ok(!iface(IFACE_SET, "veth 3 mode trunk", &r) &&
	   p->has == PORT_HAS_MODE && p->mode == VEM_PORT_MODE_TRUNK,
	   "iface set: mode trunk");
	ok(!iface(IFACE_SET, "veth 3 switchport mode trunk switchport trunk allowed vlan all switchport trunk native vlan 5",
		  &r) && p->mode == VEM_PORT_MODE_TRUNK &&
	   bits(p->trunk_vlans) == 4094 && p->native_vlan == 5,
	   "iface set: NX-OS switchport/trunk prefixes");
	ok(!iface(IFACE_SET, "v3 mo tr al vlan 10 na vlan 1 sh", &r) &&
	   p->ref.type == VEM_PORT_VETH && p->ref.id == 3 &&
	   p->mode == VEM_PORT_MODE_TRUNK && bits(p->trunk_vlans) == 1 &&
	   p->native_vlan == 1 && p->shutdown,
	   "iface set: every keyword abbreviated");
	ok(!iface(IFACE_SET, "VETH 3 MODE ACCESS ACCESS VLAN 7", &r) &&
	   p->mode == VEM_PORT_MODE_ACCESS && p->access_vlan == 7,
	   "iface set: keywords in upper case");
	ok(!iface(IFACE_SET, "eth 1 allowed vlan add 50", &r) &&
	   r.allowed_op == VLAN_OP_ADD && bits(r.allowed) == 1 &&
	   vlan_bitmap_test(r.allowed, 50) &&
	   !(p->has & PORT_HAS_TRUNK_VLANS),
	   "iface set: allowed vlan add");
	ok(!iface(IFACE_SET, "eth 1 trunk allowed vlan remove 10-20", &r) &&
	   r.allowed_op == VLAN_OP_REMOVE && bits(r.allowed) == 11,
	   "iface set: allowed vlan remove");
	ok(!iface(IFACE_SET, "eth 1 allowed vlan except 10", &r) &&
	   r.allowed_op == VLAN_OP_SET && (p->has & PORT_HAS_TRUNK_VLANS) &&
	   bits(p->trunk_vlans) == 4093 &&
	   !vlan_bitmap_test(p->trunk_vlans, 10) &&
	   !vlan_bitmap_test(p->trunk_vlans, 0) &&
	   !vlan_bitmap_test(p->trunk_vlans, 4095),
	   "iface set: allowed vlan except, 0 and 4095 stay clear");
	ok(!iface(IFACE_SET, "eth 1 allowed vlan none", &r) &&
	   (p->has & PORT_HAS_TRUNK_VLANS) && bits(p->trunk_vlans) == 0,
	   "iface set: allowed vlan none");
	ok(!iface(IFACE_SET, "eth 1 allowed vlan all", &r) &&
	   bits(p->trunk_vlans) == 4094, "iface set: allowed vlan all");
	ok(!iface(IFACE_SET, "eth 1 mode trunk", &r) &&
	   p->mode == VEM_PORT_MODE_TRUNK, "iface set: uplink mode trunk");
	ok(!iface(IFACE_SET, "veth 3 dev tap1 mode access access vlan 4094 allowed vlan 1-4094 native vlan 4094 no shutdown",
		  &r) && p->has == (PORT_HAS_IFNAME | PORT_HAS_MODE |
				    PORT_HAS_ACCESS_VLAN | PORT_HAS_TRUNK_VLANS |
				    PORT_HAS_NATIVE_VLAN | PORT_HAS_SHUTDOWN),
	   "iface set: every option at once");
}

static void test_interface_bad(void)
{
	static const struct {
		enum iface_op op;
		const char *line;
		const char *names;	/* the error must contain this */
	} bad[] = {
		{ IFACE_ADD, "veth 3 nodev", "nodev" },
		{ IFACE_SET, "veth 3", "nothing to change" },
		{ IFACE_SET, "veth 3 mode", "mode" },
		{ IFACE_SET, "veth 3 mode hybrid", "hybrid" },
		{ IFACE_SET, "veth 3 access vlan 4095", "4095" },
		{ IFACE_SET, "veth 3 access vlan 0", "\"0\"" },
		{ IFACE_SET, "veth 3 access vlan 10abc", "10abc" },
		{ IFACE_SET, "veth 3 access 10", "\"10\"" },
		{ IFACE_SET, "veth 3 access vlan", "missing VLAN" },
		{ IFACE_SET, "veth 3 access", "missing \"vlan\"" },
		{ IFACE_SET, "eth 1 mode access", "mode access" },
		{ IFACE_SET, "eth 1 access vlan 10", "access vlan" },
		{ IFACE_SET, "veth 3 mode access mode trunk", "twice" },
		{ IFACE_SET, "veth 3 dev tap0 dev tap1", "twice" },
		{ IFACE_SET, "veth 3 dev tap0 nodev", "twice" },
		{ IFACE_SET, "veth 3 nodev nodev", "twice" },
		{ IFACE_SET, "veth 3 dev", "missing value" },
		{ IFACE_SET, "veth 3 dev averyveryverylongname", "averyvery" },
		{ IFACE_SET, "veth 3 allowed vlan 1,,2", "1,,2" },
		{ IFACE_SET, "veth 3 allowed vlan 10-5", "10-5" },
		{ IFACE_SET, "veth 3 allowed vlan 4095", "4095" },
		{ IFACE_SET, "veth 3 allowed vlan", "missing" },
		{ IFACE_SET, "veth 3 allowed vlan 10 allowed vlan 20", "twice" },
		{ IFACE_SET, "veth 3 allowed vlan add", "missing VLAN list" },
		{ IFACE_SET, "veth 3 allowed vlan add 5000", "5000" },
		{ IFACE_ADD, "eth 1 allowed vlan add 5", "interface set" },
		{ IFACE_ADD, "eth 1 allowed vlan remove 5", "interface set" },
		{ IFACE_SET, "veth 3 native vlan 4095", "4095" },
		{ IFACE_SET, "veth 3 native vlan abc", "abc" },
		{ IFACE_SET, "veth 3 native vlan", "missing VLAN" },
		{ IFACE_SET, "veth 3 no", "missing" },
		{ IFACE_SET, "veth 3 no mode", "mode" },
		{ IFACE_SET, "veth 3 frobnicate", "frobnicate" },
		{ IFACE_SET, "veth 3 trunk mode trunk", "mode" },
		{ IFACE_SET, "veth 3 trunk", "missing" },
		{ IFACE_SET, "veth 3 switchport", "missing" },
		{ IFACE_SET, "veth 3 n", "ambiguous" },
		{ IFACE_SET, "veth 3 a vlan 1", "ambiguous" },
		{ IFACE_SET, "veth", "missing number" },
		{ IFACE_SET, "bogus 3 shutdown", "bogus" },
		{ IFACE_SET, "veth 0 shutdown", "\"0\"" },
		{ IFACE_SET, "veth 3 shutdown no shutdown", "twice" },
		{ IFACE_SET, "", "missing interface" },
	};
	struct iface_req r;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		ok(iface(bad[i].op, bad[i].line, &r) < 0 &&
		   err_has(bad[i].names), "iface %s \"%s\" refused, naming %s",
		   bad[i].op == IFACE_ADD ? "add" : "set", bad[i].line,
		   bad[i].names);
}

static void test_vlan_apply(void)
{
	uint8_t cur[VEM_VLAN_BITMAP_LEN], list[VEM_VLAN_BITMAP_LEN];

	parse_vlan_list("10-20", cur);
	parse_vlan_list("15-30", list);
	vlan_bitmap_apply(cur, list, VLAN_OP_ADD);
	ok(bits(cur) == 21 && vlan_bitmap_test(cur, 10) &&
	   vlan_bitmap_test(cur, 30), "apply: add");
	parse_vlan_list("1-4094", cur);
	parse_vlan_list("100-199", list);
	vlan_bitmap_apply(cur, list, VLAN_OP_REMOVE);
	ok(bits(cur) == 3994 && !vlan_bitmap_test(cur, 150) &&
	   vlan_bitmap_test(cur, 99) && vlan_bitmap_test(cur, 200),
	   "apply: remove");
	vlan_bitmap_apply(cur, list, VLAN_OP_SET);
	ok(!memcmp(cur, list, sizeof(cur)), "apply: set");
	vlan_bitmap_apply(cur, list, VLAN_OP_NONE);
	ok(!memcmp(cur, list, sizeof(cur)), "apply: none changes nothing");
}

static int sw(bool need_one, const char *line, struct switch_info *s)
{
	struct words *w = split(line);

	return args_switch(w->argc, w->argv, need_one, s);
}

static void test_switch(void)
{
	struct switch_info s;

	ok(!sw(false, "", &s) && s.has == 0, "switch create: no option");
	ok(!sw(false, "aging-time 60 mac-limit 1000", &s) &&
	   s.has == (SWITCH_HAS_AGEING_TIME | SWITCH_HAS_FDB_MAX) &&
	   s.ageing_time == 60 && s.fdb_max == 1000, "switch: both options");
	ok(!sw(true, "mac-limit 1048576", &s) && s.has == SWITCH_HAS_FDB_MAX &&
	   s.fdb_max == VEM_FDB_MAX_LIMIT, "switch set: highest mac-limit");
	ok(!sw(true, "aging-time 0", &s) && s.ageing_time == 0 &&
	   s.has == SWITCH_HAS_AGEING_TIME, "switch set: aging-time 0");
	ok(!sw(true, "aging-time 1000000", &s) &&
	   s.ageing_time == VEM_AGEING_TIME_MAX, "switch set: highest aging");
	ok(!sw(true, "a 5 m 7", &s) && s.ageing_time == 5 && s.fdb_max == 7,
	   "switch set: abbreviated");
	ok(sw(true, "", &s) && err_has("nothing to set"),
	   "switch set: needs an option");
	ok(sw(true, "aging-time 1000001", &s) && err_has("1000001"),
	   "switch: aging-time above range");
	ok(sw(true, "aging-time -1", &s) && err_has("-1"),
	   "switch: negative aging-time");
	ok(sw(true, "mac-limit 0", &s) && err_has("\"0\""),
	   "switch: mac-limit 0");
	ok(sw(true, "mac-limit 1048577", &s) && err_has("1048577"),
	   "switch: mac-limit above range");
	ok(sw(true, "mac-limit 99999999999999999999999", &s),
	   "switch: mac-limit overflow");
	ok(sw(true, "aging-time", &s) && err_has("missing value"),
	   "switch: missing value");
	ok(sw(true, "aging-time 1 aging-time 2", &s) && err_has("twice"),
	   "switch: option twice");
	ok(sw(true, "bogus 1", &s) && err_has("bogus"),
	   "switch: unknown option");
}

static void test_port_only(void)
{
	struct port_ref ref;
	struct words *w;

	w = split("veth 3");
	ok(!args_port_only(w->argc, w->argv, &ref) && ref.id == 3,
	   "delete: veth 3");
	w = split("ethernet5");
	ok(!args_port_only(w->argc, w->argv, &ref) &&
	   ref.type == VEM_PORT_UPLINK && ref.id == 5, "delete: ethernet5");
	w = split("veth 3 extra");
	ok(args_port_only(w->argc, w->argv, &ref) && err_has("extra"),
	   "delete: trailing word refused");
	w = split("");
	ok(args_port_only(w->argc, w->argv, &ref), "delete: no port");
}

static int show_if(const char *line, struct show_iface_args *a)
{
	struct words *w = split(line);

	return args_show_interface(w->argc, w->argv, a);
}

static void test_show_interface(void)
{
	struct show_iface_args a;

	ok(!show_if("", &a) && !a.brief && !a.counters && !a.has_port,
	   "show interface");
	ok(!show_if("brief", &a) && a.brief && !a.has_port,
	   "show interface brief");
	ok(!show_if("br", &a) && a.brief, "show interface br");
	ok(!show_if("counters", &a) && a.counters, "show interface counters");
	ok(!show_if("vethernet 3", &a) && a.has_port &&
	   a.port.type == VEM_PORT_VETH && a.port.id == 3,
	   "show interface vethernet 3");
	ok(!show_if("veth3 counters", &a) && a.has_port && a.counters,
	   "show interface veth3 counters");
	ok(!show_if("brief eth 1", &a) && a.brief && a.has_port &&
	   a.port.type == VEM_PORT_UPLINK, "show interface brief eth 1");
	ok(show_if("brief counters", &a) && err_has("brief"),
	   "show interface: brief and counters refused");
	ok(show_if("brief brief", &a) && err_has("twice"),
	   "show interface: brief twice");
	ok(show_if("veth 3 veth 4", &a) && err_has("veth"),
	   "show interface: two ports");
	ok(show_if("bogus", &a) && err_has("bogus"),
	   "show interface: unknown word");
	ok(show_if("veth 0", &a), "show interface: port 0");
}

static int show_mac(const char *line, struct mac_filter *f)
{
	struct words *w = split(line);

	return args_show_mac(w->argc, w->argv, f);
}

static void test_show_mac(void)
{
	static const char *const bad[] = {
		"vlan 4095", "vlan", "address zz", "address", "interface",
		"interface bogus 1", "static dynamic", "vlan 1 vlan 2",
		"frob", "vlan 0", "address 0011.2233.4455 address 0011.2233.4455",
	};
	struct mac_filter f;
	unsigned int i;

	ok(!show_mac("", &f) && f.has == 0 && f.type == MAC_TYPE_ANY,
	   "show mac: no filter");
	ok(!show_mac("vlan 10 interface veth 3 address 0011.2233.4455 static",
		     &f) &&
	   f.has == (FDB_HAS_VLAN | FDB_HAS_PORT | FDB_HAS_MAC) &&
	   f.vlan == 10 && f.port.id == 3 && f.mac[5] == 0x55 &&
	   f.type == MAC_TYPE_STATIC, "show mac: every filter");
	ok(!show_mac("dynamic interface vethernet7", &f) &&
	   f.type == MAC_TYPE_DYNAMIC && f.port.id == 7,
	   "show mac: dynamic, joined interface");
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		ok(show_mac(bad[i], &f) < 0, "show mac: \"%s\" refused",
		   bad[i]);
}

static void test_mac_filter(void)
{
	struct fdb_entry dyn = {
		.has = FDB_HAS_MAC | FDB_HAS_VLAN | FDB_HAS_PORT | FDB_HAS_AGE,
		.mac = { 0, 0x11, 0x22, 0x33, 0x44, 0x55 },
		.vlan = 10,
		.port = { VEM_PORT_VETH, 3 },
	};
	struct fdb_entry stat = dyn, noport = dyn;
	struct mac_filter f;

	stat.flags = VEM_FDB_F_STATIC;
	noport.has &= ~FDB_HAS_PORT;

	show_mac("", &f);
	ok(mac_filter_match(&f, &dyn) && mac_filter_match(&f, &stat),
	   "filter: none matches all");
	show_mac("vlan 10", &f);
	ok(mac_filter_match(&f, &dyn), "filter: vlan matches");
	show_mac("vlan 11", &f);
	ok(!mac_filter_match(&f, &dyn), "filter: other vlan");
	show_mac("interface veth 3", &f);
	ok(mac_filter_match(&f, &dyn), "filter: port matches");
	show_mac("interface eth 3", &f);
	ok(!mac_filter_match(&f, &dyn), "filter: same id, other type");
	show_mac("interface veth 4", &f);
	ok(!mac_filter_match(&f, &dyn), "filter: other port");
	show_mac("interface veth 3", &f);
	ok(!mac_filter_match(&f, &noport), "filter: entry without port");
	show_mac("address 00:11:22:33:44:55", &f);
	ok(mac_filter_match(&f, &dyn), "filter: address matches");
	show_mac("address 00:11:22:33:44:56", &f);
	ok(!mac_filter_match(&f, &dyn), "filter: other address");
	show_mac("static", &f);
	ok(mac_filter_match(&f, &stat) && !mac_filter_match(&f, &dyn),
	   "filter: static");
	show_mac("dynamic", &f);
	ok(!mac_filter_match(&f, &stat) && mac_filter_match(&f, &dyn),
	   "filter: dynamic");
	show_mac("vlan 10 dynamic interface veth 3 address 0011.2233.4455", &f);
	ok(mac_filter_match(&f, &dyn) && !mac_filter_match(&f, &stat),
	   "filter: all at once");
}

static int mac_static(bool del, const char *line, struct fdb_entry *e)
{
	struct words *w = split(line);

	return args_mac_static(w->argc, w->argv, del, e);
}

static void test_mac_static(void)
{
	static const struct {
		const char *line;
		const char *names;
	} bad[] = {
		{ "0100.5e00.0001 vlan 10 interface veth 3", "multicast" },
		{ "ffff.ffff.ffff vlan 10 interface veth 3", "multicast" },
		{ "0000.0000.0000 vlan 10 interface veth 3", "all zero" },
		{ "0011.2233.4455 interface veth 3", "missing \"vlan" },
		{ "0011.2233.4455 vlan 10", "missing \"interface" },
		{ "0011.2233 vlan 10 interface veth 3", "0011.2233" },
		{ "0011.2233.4455 vlan 4095 interface veth 3", "4095" },
		{ "0011.2233.4455 vlan 10 interface veth 3 foo", "foo" },
		{ "0011.2233.4455 vlan 10 interface veth", "missing number" },
		{ "0011.2233.4455 vlan 10 vlan 11 interface veth 3", "twice" },
		{ "", "missing MAC" },
	};
	struct fdb_entry e;
	unsigned int i;

	ok(!mac_static(false, "0011.2233.4455 vlan 10 interface veth 3", &e) &&
	   e.has == (FDB_HAS_MAC | FDB_HAS_VLAN | FDB_HAS_PORT) &&
	   e.vlan == 10 &&
	   e.port.type == VEM_PORT_VETH && e.port.id == 3 && e.mac[1] == 0x11,
	   "mac static: add (MAC, VLAN, port; no flags: FDB_NEW takes none)");
	ok(!mac_static(false, "00-11-22-33-44-55 interface eth 1 vlan 20", &e) &&
	   e.port.type == VEM_PORT_UPLINK && e.vlan == 20,
	   "mac static: any order, dashed MAC");
	ok(!mac_static(false, "02:00:00:00:00:01 vl 5 int veth9", &e) &&
	   e.vlan == 5 && e.port.id == 9, "mac static: abbreviated");
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		ok(mac_static(false, bad[i].line, &e) < 0 &&
		   err_has(bad[i].names), "mac static: \"%s\" refused",
		   bad[i].line);

	ok(!mac_static(true, "0011.2233.4455 vlan 10", &e) &&
	   e.has == (FDB_HAS_MAC | FDB_HAS_VLAN) && e.vlan == 10,
	   "no mac static: MAC and VLAN only, no flags");
	ok(!mac_static(true, "0011.2233.4455 vlan 10 interface veth 3", &e) &&
	   e.has == (FDB_HAS_MAC | FDB_HAS_VLAN | FDB_HAS_PORT),
	   "no mac static: with the interface of the line");
	ok(mac_static(true, "0011.2233.4455", &e) && err_has("vlan"),
	   "no mac static: missing vlan");
	ok(mac_static(true, "0011.2233.4455 vlan 0", &e),
	   "no mac static: vlan 0");
}

static int clear(const char *line, struct fdb_entry *f)
{
	struct words *w = split(line);

	return args_clear_mac(w->argc, w->argv, f);
}

static void test_clear(void)
{
	struct fdb_entry f;

	ok(!clear("dynamic", &f) && f.has == 0, "clear: dynamic, no filter");
	ok(!clear("all", &f) && f.has == FDB_HAS_FLAGS &&
	   f.flags == VEM_FDB_F_STATIC, "clear: all sets the static flag");
	ok(!clear("dynamic vlan 10 interface veth 3", &f) &&
	   f.has == (FDB_HAS_VLAN | FDB_HAS_PORT) && f.vlan == 10 &&
	   f.port.id == 3, "clear: vlan and interface");
	ok(!clear("all interface eth 2", &f) &&
	   f.has == (FDB_HAS_FLAGS | FDB_HAS_PORT) &&
	   f.port.type == VEM_PORT_UPLINK, "clear: all on an interface");
	ok(!clear("dyn vl 7", &f) && f.vlan == 7, "clear: abbreviated");
	ok(clear("", &f) && err_has("dynamic"), "clear: missing type");
	ok(clear("everything", &f) && err_has("everything"),
	   "clear: unknown type");
	ok(clear("dynamic vlan 0", &f), "clear: vlan 0");
	ok(clear("dynamic frob", &f) && err_has("frob"), "clear: junk");
	ok(clear("dynamic interface", &f), "clear: interface without port");
}

int main(void)
{
	tap_init();
	test_interface_good();
	test_interface_bad();
	test_vlan_apply();
	test_switch();
	test_port_only();
	test_show_interface();
	test_show_mac();
	test_mac_filter();
	test_mac_static();
	test_clear();
	return tap_exit();
}
