// SPDX-License-Identifier: GPL-2.0
/*
 * test_cli.c - vsmctl whole (vsmctl.c and every command file) over the
 * fake IPC layer: what each command line asks of the kernel, what it
 * prints, its exit code, and that a bad command line asks nothing.
 */

#include <errno.h>
#include <getopt.h>
#include <unistd.h>
#include <net/if.h>

#include "fake_nl.h"
#include "parse.h"
#include "subcommands.h"
#include "tap.h"

int vsmctl_main(int argc, char **argv);	/* vsmctl.c's main(), renamed */

static char out[65536], err[4096];

static void slurp(FILE *f, char *buf, size_t len)
{
	size_t n;

	rewind(f);
	n = fread(buf, 1, len - 1, f);
	buf[n] = '\0';
	fclose(f);
}

/* Run "vsmctl <line>"; its stdout and stderr land in out and err. */
static int run(const char *line)
{
	char copy[1024], *argv[64], *p;
	int argc = 0, rc, so, se;
	FILE *fo = tmpfile(), *fe = tmpfile();

	snprintf(copy, sizeof(copy), "%s", line);
	argv[argc++] = "vsmctl";
	for (p = strtok(copy, " "); p; p = strtok(NULL, " "))
		argv[argc++] = p;
	argv[argc] = NULL;

	fake.calls = 0;
	fake.last[0] = '\0';
	optind = 0;
	memset(&opts, 0, sizeof(opts));

	fflush(stdout);
	fflush(stderr);
	so = dup(1);
	se = dup(2);
	dup2(fileno(fo), 1);
	dup2(fileno(fe), 2);
	rc = vsmctl_main(argc, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(so, 1);
	dup2(se, 2);
	close(so);
	close(se);
	slurp(fo, out, sizeof(out));
	slurp(fe, err, sizeof(err));
	return rc;
}

static bool has_line(const char *buf, const char *line)
{
	const char *p = buf;
	size_t n = strlen(line);

	while ((p = strstr(p, line))) {
		if ((p == buf || p[-1] == '\n') && (p[n] == '\n' || !p[n]))
			return true;
		p++;
	}
	diag("no line \"%s\" in:", line);
	diag("%s", buf);
	return false;
}

static struct port_info veth3, eth1;

static void make_ports(void)
{
	memset(&veth3, 0, sizeof(veth3));
	veth3.ref.type = VEM_PORT_VETH;
	veth3.ref.id = 3;
	veth3.has = PORT_HAS_IFINDEX | PORT_HAS_IFNAME | PORT_HAS_MODE |
		    PORT_HAS_ACCESS_VLAN | PORT_HAS_NATIVE_VLAN |
		    PORT_HAS_TRUNK_VLANS | PORT_HAS_SHUTDOWN |
		    PORT_HAS_OPER_UP | PORT_HAS_STATS;
	veth3.ifindex = 5;
	strcpy(veth3.ifname, "tap0");
	veth3.mode = VEM_PORT_MODE_ACCESS;
	veth3.access_vlan = 10;
	veth3.native_vlan = 1;
	parse_vlan_list("all", veth3.trunk_vlans);
	veth3.oper_up = true;
	veth3.stats[VEM_A_STATS_RX_UCAST_PKTS] = 100;
	veth3.stats[VEM_A_STATS_RX_UCAST_BYTES] = 6400;
	veth3.stats[VEM_A_STATS_RX_MCAST_PKTS] = 3;
	veth3.stats[VEM_A_STATS_RX_MCAST_BYTES] = 300;
	veth3.stats[VEM_A_STATS_RX_BCAST_PKTS] = 4;
	veth3.stats[VEM_A_STATS_RX_BCAST_BYTES] = 256;
	veth3.stats[VEM_A_STATS_TX_UCAST_PKTS] = 7;
	veth3.stats[VEM_A_STATS_TX_UCAST_BYTES] = 700;
	veth3.stats[VEM_A_STATS_RX_FLOOD_PKTS] = 5;
	veth3.stats[VEM_A_STATS_DROP_VLAN] = 2;
	veth3.stats[VEM_A_STATS_DROP_TX_ERROR] = 9;
	veth3.stats[VEM_A_STATS_LEARN_REFUSED] = 1;

	memset(&eth1, 0, sizeof(eth1));
	eth1.ref.type = VEM_PORT_UPLINK;
	eth1.ref.id = 1;
	eth1.has = PORT_HAS_IFINDEX | PORT_HAS_MODE | PORT_HAS_ACCESS_VLAN |
		   PORT_HAS_NATIVE_VLAN | PORT_HAS_TRUNK_VLANS |
		   PORT_HAS_SHUTDOWN | PORT_HAS_OPER_UP | PORT_HAS_STATS;
	eth1.mode = VEM_PORT_MODE_TRUNK;
	eth1.access_vlan = 1;
	parse_vlan_list("10,20,30-40", eth1.trunk_vlans);
}

static void test_switch(void)
{
	fake.sw_out = (struct switch_info){
		.has = 0x1f, .ageing_time = 300, .fdb_max = 65536,
		.fdb_count = 3, .port_count = 2, .learn_refused = 7,
	};

	ok(run("switch create aging-time 60 mac-limit 100") == 0 &&
	   fake.calls == 1 && !strcmp(fake.last, "switch_new") &&
	   fake.sw_in.ageing_time == 60 && fake.sw_in.fdb_max == 100 &&
	   !*out && !*err, "switch create: one request, silent");
	ok(run("switch create") == 0 && fake.sw_in.has == 0,
	   "switch create: defaults");
	ok(run("sw set aging-time 0") == 0 && !strcmp(fake.last, "switch_set") &&
	   fake.sw_in.has == SWITCH_HAS_AGEING_TIME,
	   "switch set: abbreviated command");
	ok(run("switch delete") == 0 && !strcmp(fake.last, "switch_del"),
	   "switch delete");

	ok(run("show switch") == 0 &&
	   !strcmp(out, "Switch\n"
			"  MAC address aging time: 300 seconds\n"
			"  MAC address limit: 65536\n"
			"  MAC addresses: 3\n"
			"  Ports: 2\n"
			"  Learn refused: 7\n"), "show switch: text");
	ok(run("-j show switch") == 0 &&
	   !strcmp(out, "{\"aging_time\":300,\"mac_limit\":65536,\"mac_count\":3,\"port_count\":2,\"learn_refused\":7}\n"),
	   "show switch: JSON object");
	ok(run("-p show switch") == 0 &&
	   !strcmp(out, "{\n  \"aging_time\": 300,\n  \"mac_limit\": 65536,\n  \"mac_count\": 3,\n  \"port_count\": 2,\n  \"learn_refused\": 7\n}\n"),
	   "show switch: pretty JSON (-p implies -j)");
	fake.sw_out.ageing_time = 0;
	ok(run("show switch") == 0 &&
	   has_line(out, "  MAC address aging time: 0 (aging disabled)"),
	   "show switch: aging disabled");
}

static void test_interface(void)
{
	uint8_t bm[VEM_VLAN_BITMAP_LEN];

	ok(run("interface add vethernet 3 dev lo mode access access vlan 10") == 0 &&
	   fake.calls == 1 && !strcmp(fake.last, "port_new") &&
	   fake.port_in.ref.type == VEM_PORT_VETH &&
	   fake.port_in.ref.id == 3 &&
	   (fake.port_in.has & PORT_HAS_IFINDEX) &&
	   fake.port_in.ifindex == if_nametoindex("lo") &&
	   fake.port_in.access_vlan == 10,
	   "interface add: dev resolved to its ifindex");
	ok(run("interface add veth 3 dev nosuchdev0") == 1 && fake.calls == 0 &&
	   strstr(err, "nosuchdev0"), "interface add: unknown dev, nothing sent");
	ok(run("int set eth1 nodev") == 0 && !strcmp(fake.last, "port_set") &&
	   fake.port_in.has == PORT_HAS_IFINDEX && fake.port_in.ifindex == 0,
	   "interface set: nodev");
	ok(run("interface delete veth 9") == 0 &&
	   !strcmp(fake.last, "port_del") && fake.ref_in.id == 9,
	   "interface delete");

	fake.port_out = eth1;
	ok(run("interface set eth 1 switchport trunk allowed vlan add 50,41") == 0 &&
	   fake.calls == 2 && !strcmp(fake.last, "port_set") &&
	   (fake.port_in.has & PORT_HAS_TRUNK_VLANS) &&
	   !parse_vlan_list("10,20,30-41,50", bm) &&
	   !memcmp(bm, fake.port_in.trunk_vlans, sizeof(bm)),
	   "interface set: allowed vlan add reads then writes the list");
	ok(run("interface set eth 1 allowed vlan remove 30-35") == 0 &&
	   !parse_vlan_list("10,20,36-40", bm) &&
	   !memcmp(bm, fake.port_in.trunk_vlans, sizeof(bm)),
	   "interface set: allowed vlan remove");

	fake.fail_errno = ENOENT;
	fake.fail_reason = "no such port";
	ok(run("interface delete veth 9") == 2 && !*out &&
	   !strcmp(err, "vsmctl: interface delete: no such port (No such file or directory)\n"),
	   "kernel refusal: extack message and strerror, exit 2");
	ok(run("interface set eth 1 allowed vlan add 5") == 2 &&
	   fake.calls == 1 && !strcmp(fake.last, "port_get"),
	   "allowed vlan add: nothing set when the read fails");
	fake.fail_reason = NULL;
	fake.fail_errno = EPERM;
	ok(run("switch delete") == 2 &&
	   !strcmp(err, "vsmctl: switch delete: Operation not permitted\n"),
	   "kernel refusal without message: strerror alone");
	fake.fail_errno = 0;
}

static void test_show_interface(void)
{
	struct port_info ports[2];

	make_ports();
	ports[0] = veth3;
	ports[1] = eth1;
	fake.ports = ports;
	fake.nports = 2;
	fake.port_out = veth3;

	ok(run("show interface vethernet 3") == 0 &&
	   !strcmp(fake.last, "port_get") && fake.ref_in.id == 3 &&
	   !strcmp(out,
		   "Vethernet3 is up\n"
		   "  Bound to device tap0 (ifindex 5)\n"
		   "  Port mode is access\n"
		   "  Access VLAN: 10\n"
		   "  Native VLAN: 1\n"
		   "  Allowed VLANs: 1-4094\n"
		   "  RX\n"
		   "    100 unicast packets  6400 unicast bytes\n"
		   "    3 multicast packets  300 multicast bytes\n"
		   "    4 broadcast packets  256 broadcast bytes\n"
		   "    5 flood packets\n"
		   "  TX\n"
		   "    7 unicast packets  700 unicast bytes\n"
		   "    0 multicast packets  0 multicast bytes\n"
		   "    0 broadcast packets  0 broadcast bytes\n"
		   "  Drops\n"
		   "    2 vlan  0 shutdown  0 no-port  0 local\n"
		   "    0 invalid  0 nomem  0 mtu  9 tx-error\n"
		   "    0 acl-in  0 acl-out  0 police-in  0 police-out\n"
		   "    0 port-security  0 err-disabled  0 storm-broadcast  0 storm-multicast\n"
		   "    0 storm-unicast\n"
		   "  1 learn refused\n"
		   "  0 police-in marked\n"
		   "  0 police-out marked\n"
		   "  0 port-security violations\n"), "show interface <port>: text");
	if (strncmp(out, "Vethernet3", 10))
		diag("%s", out);

	ok(run("-j show interface veth3") == 0 &&
	   !strcmp(out,
		   "[{\"name\":\"vethernet3\",\"type\":\"vethernet\",\"id\":3,"
		   "\"ifname\":\"tap0\",\"ifindex\":5,\"mode\":\"access\","
		   "\"access_vlan\":10,\"native_vlan\":1,"
		   "\"allowed_vlans\":\"1-4094\",\"shutdown\":false,"
		   "\"oper_up\":true,\"stats\":{\"rx_ucast_pkts\":100,"
		   "\"rx_ucast_bytes\":6400,\"rx_mcast_pkts\":3,"
		   "\"rx_mcast_bytes\":300,\"rx_bcast_pkts\":4,"
		   "\"rx_bcast_bytes\":256,\"tx_ucast_pkts\":7,"
		   "\"tx_ucast_bytes\":700,\"tx_mcast_pkts\":0,"
		   "\"tx_mcast_bytes\":0,\"tx_bcast_pkts\":0,"
		   "\"tx_bcast_bytes\":0,\"rx_flood_pkts\":5,\"drop_vlan\":2,"
		   "\"drop_shutdown\":0,\"drop_no_port\":0,\"drop_local\":0,"
		   "\"drop_invalid\":0,\"drop_nomem\":0,\"drop_mtu\":0,"
		   "\"drop_tx_error\":9,\"drop_acl_in\":0,\"drop_acl_out\":0,"
		   "\"drop_police_in\":0,\"drop_police_out\":0,"
		   "\"drop_port_security\":0,\"drop_err_disabled\":0,"
		   "\"drop_storm_broadcast\":0,\"drop_storm_multicast\":0,"
		   "\"drop_storm_unicast\":0,\"learn_refused\":1,"
		   "\"police_in_marked\":0,\"police_out_marked\":0,"
		   "\"port_security_violations\":0}}]\n"),
	   "show interface <port>: JSON array of one");
	if (out[0] != '[')
		diag("%s", out);

	ok(run("show interface") == 0 && !strcmp(fake.last, "port_list") &&
	   strstr(out, "Ethernet1 is down (Not bound)") &&
	   strstr(out, "Vethernet3 is up") &&
	   strstr(out, "Ethernet1") < strstr(out, "Vethernet3") &&
	   has_line(out, "  Not bound to a device") &&
	   has_line(out, "  Native VLAN: none") &&
	   has_line(out, "  Allowed VLANs: 10,20,30-40") &&
	   has_line(out, "  Port mode is trunk"),
	   "show interface: every port, uplinks first");

	ok(run("-j show interface") == 0 &&
	   !strncmp(out, "[{\"name\":\"ethernet1\",\"type\":\"ethernet\",\"id\":1,\"ifname\":null,\"ifindex\":0,\"mode\":\"trunk\",\"access_vlan\":1,\"native_vlan\":null,\"allowed_vlans\":\"10,20,30-40\",\"shutdown\":false,\"oper_up\":false,",
		    170) && strstr(out, "},{\"name\":\"vethernet3\""),
	   "show interface: JSON, unbound ifname and no native VLAN are null");

	ok(run("show interface brief") == 0 &&
	   strstr(out, "Port") && strstr(out, "Status") &&
	   strstr(out, "Eth1 ") && strstr(out, "Veth3 ") &&
	   strstr(out, "Not bound") && strstr(out, "tap0") &&
	   strstr(out, "Eth1") < strstr(out, "Veth3"),
	   "show interface brief: one line each");

	eth1.shutdown = true;
	eth1.ifindex = 9;
	strcpy(eth1.ifname, "eth0");
	eth1.has |= PORT_HAS_IFNAME;
	ports[1] = eth1;
	ok(run("show interface brief") == 0 &&
	   strstr(out, "Administratively down") && strstr(out, "eth0"),
	   "show interface brief: shut port");
	eth1.shutdown = false;
	ports[1] = eth1;
	ok(run("show interface") == 0 &&
	   strstr(out, "Ethernet1 is down (Link not connected)"),
	   "show interface: bound, link down");

	ok(run("show interface counters") == 0 && has_line(out, "Vethernet3") &&
	   has_line(out, "    2 vlan  0 shutdown  0 no-port  0 local") &&
	   !strstr(out, "Port mode"), "show interface counters: counters only");

	fake.nports = 0;
	ok(run("-j show interface") == 0 && !strcmp(out, "[]\n"),
	   "show interface: no port is an empty JSON array");
}

static void test_mac(void)
{
	struct fdb_entry fdbs[3] = {
		{ .has = FDB_HAS_MAC | FDB_HAS_VLAN | FDB_HAS_PORT |
			 FDB_HAS_FLAGS | FDB_HAS_AGE,
		  .mac = { 0, 0x11, 0x22, 0x33, 0x44, 0x55 }, .vlan = 20,
		  .port = { VEM_PORT_VETH, 3 }, .age_ms = 12345 },
		{ .has = FDB_HAS_MAC | FDB_HAS_VLAN | FDB_HAS_PORT |
			 FDB_HAS_FLAGS,
		  .mac = { 0, 0x11, 0x22, 0x33, 0x44, 0x66 }, .vlan = 10,
		  .port = { VEM_PORT_UPLINK, 1 }, .flags = VEM_FDB_F_STATIC },
		{ .has = FDB_HAS_MAC | FDB_HAS_VLAN | FDB_HAS_PORT |
			 FDB_HAS_FLAGS | FDB_HAS_AGE,
		  .mac = { 0, 0, 0, 0, 0, 1 }, .vlan = 10,
		  .port = { VEM_PORT_VETH, 3 }, .age_ms = 999 },
	};

	fake.fdbs = fdbs;
	fake.nfdbs = 3;
	ok(run("show mac address-table") == 0 &&
	   !strcmp(fake.last, "fdb_list") &&
	   !strcmp(out,
		   "VLAN      MAC Address       Type    Age       Port\n"
		   "---------+-----------------+-------+---------+------------------------------\n"
		   "10        0000.0000.0001    dynamic 0         Veth3\n"
		   "10        0011.2233.4466    static  -         Eth1\n"
		   "20        0011.2233.4455    dynamic 12        Veth3\n"
		   "Total MAC Addresses: 3\n"),
	   "show mac address-table: NX-OS table, sorted by VLAN and MAC");
	if (strncmp(out, "VLAN", 4))
		diag("%s", out);

	ok(run("show mac address-table vlan 10 dynamic") == 0 &&
	   strstr(out, "0000.0000.0001") && !strstr(out, "0011.2233.4466") &&
	   !strstr(out, "0011.2233.4455") &&
	   has_line(out, "Total MAC Addresses: 1"),
	   "show mac address-table: filters combine");
	ok(run("show mac address-table interface veth 3") == 0 &&
	   has_line(out, "Total MAC Addresses: 2"),
	   "show mac address-table: interface filter");
	ok(run("show mac address-table address 00:11:22:33:44:66") == 0 &&
	   strstr(out, "static") && has_line(out, "Total MAC Addresses: 1"),
	   "show mac address-table: address filter, colon form");
	ok(run("-j show mac address-table static") == 0 &&
	   !strcmp(out, "[{\"vlan\":10,\"mac\":\"00:11:22:33:44:66\",\"type\":\"static\",\"age\":null,\"port\":\"ethernet1\",\"port_type\":\"ethernet\",\"port_id\":1}]\n"),
	   "show mac address-table: JSON, colon MAC, static age null");
	ok(run("-j show mac address-table vlan 20") == 0 &&
	   strstr(out, "\"type\":\"dynamic\",\"age\":12,"),
	   "show mac address-table: JSON age in seconds");
	ok(run("-j sh mac address-table vlan 99") == 0 && !strcmp(out, "[]\n"),
	   "show mac address-table: nothing matches, empty array");

	ok(run("mac address-table static 0011.2233.4455 vlan 10 interface vethernet 3") == 0 &&
	   fake.calls == 1 && !strcmp(fake.last, "fdb_new") &&
	   fake.fdb_in.vlan == 10 &&
	   fake.fdb_in.has == (FDB_HAS_MAC | FDB_HAS_VLAN | FDB_HAS_PORT) &&
	   fake.fdb_in.port.id == 3 && fake.fdb_in.mac[5] == 0x55,
	   "mac address-table static: FDB_NEW");
	ok(run("no mac address-table static 0011.2233.4455 vlan 10") == 0 &&
	   fake.calls == 1 && !strcmp(fake.last, "fdb_del") &&
	   fake.fdb_in.vlan == 10, "no mac address-table static: FDB_DEL");

	fake.fdb_out = fdbs[0];
	ok(run("no mac address-table static 0011.2233.4455 vlan 20 interface veth 3") == 0 &&
	   fake.calls == 2 && !strcmp(fake.last, "fdb_del"),
	   "no mac ... interface: checked, then deleted");
	ok(run("no mac address-table static 0011.2233.4455 vlan 20 interface veth 4") == 2 &&
	   fake.calls == 1 && !strcmp(fake.last, "fdb_get") &&
	   strstr(err, "vethernet 3") && strstr(err, "vethernet 4"),
	   "no mac ... interface: other port, nothing deleted");

	ok(run("clear mac address-table dynamic") == 0 &&
	   !strcmp(fake.last, "fdb_flush") && fake.fdb_in.has == 0,
	   "clear mac address-table dynamic: no filter");
	ok(run("clear mac address-table all vlan 10 interface eth 2") == 0 &&
	   fake.fdb_in.has == (FDB_HAS_FLAGS | FDB_HAS_VLAN | FDB_HAS_PORT) &&
	   fake.fdb_in.flags == VEM_FDB_F_STATIC && fake.fdb_in.vlan == 10 &&
	   fake.fdb_in.port.type == VEM_PORT_UPLINK,
	   "clear mac address-table all: static flag and filters");
}

static void test_monitor(void)
{
	struct event evs[6];

	make_ports();
	memset(evs, 0, sizeof(evs));
	evs[0].kind = EVENT_PORT;
	evs[0].action = EVENT_NEW;
	evs[0].port = veth3;
	evs[0].port.has &= ~PORT_HAS_STATS;
	evs[1].kind = EVENT_FDB;
	evs[1].action = EVENT_NEW;
	evs[1].fdb = (struct fdb_entry){
		.has = FDB_HAS_MAC | FDB_HAS_VLAN | FDB_HAS_PORT,
		.mac = { 0, 0x11, 0x22, 0x33, 0x44, 0x55 }, .vlan = 10,
		.port = { VEM_PORT_VETH, 3 },
	};
	evs[2] = evs[1];
	evs[2].action = EVENT_DEL;
	evs[2].fdb.flags = VEM_FDB_F_STATIC;
	evs[2].fdb.port.type = VEM_PORT_UPLINK;
	evs[2].fdb.port.id = 1;
	evs[3].kind = EVENT_PORT;
	evs[3].action = EVENT_SET;
	evs[3].port = eth1;
	evs[3].port.has &= ~PORT_HAS_STATS;
	evs[4].kind = EVENT_SWITCH;
	evs[4].action = EVENT_NEW;
	evs[4].sw.has = SWITCH_HAS_AGEING_TIME | SWITCH_HAS_FDB_MAX;
	evs[4].sw.ageing_time = 300;
	evs[4].sw.fdb_max = 65536;
	evs[5] = evs[4];
	evs[5].action = EVENT_DEL;
	fake.events = evs;
	fake.nevents = 6;

	ok(run("monitor") == 0 &&
	   !strcmp(out,
		   "port new vethernet 3 dev tap0 mode access vlan 10 up\n"
		   "mac new 0011.2233.4455 vlan 10 vethernet 3\n"
		   "mac delete 0011.2233.4455 vlan 10 ethernet 1 static\n"
		   "port set ethernet 1 nodev mode trunk native none allowed 10,20,30-40 down\n"
		   "switch new aging-time 300 mac-limit 65536\n"
		   "switch delete\n"), "monitor: one line per event");
	if (strncmp(out, "port new", 8))
		diag("%s", out);

	ok(run("-p monitor") == 0 &&
	   has_line(out, "{\"event\":\"mac_new\",\"vlan\":10,\"mac\":\"00:11:22:33:44:55\",\"type\":\"dynamic\",\"age\":null,\"port\":\"vethernet3\",\"port_type\":\"vethernet\",\"port_id\":3}") &&
	   has_line(out, "{\"event\":\"switch_delete\",\"aging_time\":300,\"mac_limit\":65536}") &&
	   has_line(out, "{\"event\":\"switch_new\",\"aging_time\":300,\"mac_limit\":65536}") &&
	   strstr(out, "{\"event\":\"port_new\",\"name\":\"vethernet3\",") &&
	   !strstr(out, "\"stats\""),
	   "monitor -j: one JSON object per line, even with -p");
}

static void test_bad_input(void)
{
	static const char *const bad[] = {
		"", "bogus", "s", "show", "show bogus", "switch",
		"switch create aging-time 1000001", "switch create mac-limit 0",
		"switch create aging-time 5x", "switch set", "switch delete now",
		"interface", "interface add", "interface add veth",
		"interface add veth 0", "interface add veth 65536",
		"interface add veth 3 nodev", "interface add eth 1 mode access",
		"interface add veth 3 access vlan 4095",
		"interface set veth 3", "interface set veth 3 allowed vlan 1,,2",
		"interface set veth 3 allowed vlan 10-5",
		"interface set veth 3 native vlan 0",
		"interface set veth 3 dev tap0 nodev",
		"interface set veth 3 dev lo dev lo",
		"interface delete veth 3 now", "interface delete",
		"show interface bogus", "show interface brief counters",
		"show switch now", "show mac", "show mac table",
		"show mac address-table vlan 4095",
		"show mac address-table address 0011.2233",
		"mac", "mac address-table", "mac address-table static",
		"mac address-table static 0100.5e00.0001 vlan 1 interface veth 1",
		"mac address-table static 0000.0000.0000 vlan 1 interface veth 1",
		"mac address-table static 0011.2233.4455 vlan 1",
		"mac address-table static 0011.2233.4455 interface veth 1",
		"no", "no mac address-table static 0011.2233.4455",
		"no shutdown", "clear", "clear mac address-table",
		"clear mac address-table everything",
		"clear mac address-table dynamic vlan 0",
		"monitor now", "-x show switch", "show interface -j",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		ok(run(bad[i]) == 1 && fake.calls == 0 && *err && !*out,
		   "bad input \"vsmctl %s\": exit 1, a message, nothing sent",
		   bad[i]);

	ok(run("interface add veth 3 access vlan 4095") == 1 &&
	   !strcmp(err, "vsmctl: invalid VLAN \"4095\": must be 1 to 4094\n"),
	   "bad input: the message names the word");
	ok(run("frobnicate") == 1 &&
	   strstr(err, "\"frobnicate\"") && strstr(err, "switch, interface"),
	   "bad input: unknown command lists the commands");
	ok(run("-h") == 0 && strstr(out, "Usage: vsmctl") && fake.calls == 0,
	   "-h: usage on stdout, exit 0");
	ok(run("help") == 0 && strstr(out, "show mac address-table"),
	   "help command");
	ok(run("-V") == 0 && !strncmp(out, "vsmctl ", 7), "-V: version");
}

/* The commands that go to vsmd: parsed here, refused before any socket. */
static void test_vsmd_commands(void)
{
	setenv("VSMD_SOCKET", "/nonexistent/vsmd.sock", 1);
	ok(run("show running-config") == EXIT_FAIL &&
	   strstr(err, "cannot reach vsmd at /nonexistent/vsmd.sock") &&
	   strstr(err, "is vsmd running?") && fake.calls == 0,
	   "show running-config without vsmd: exit 2, says where it looked");
	ok(run("sh port-profile bogus") == EXIT_USAGE &&
	   strstr(err, "show port-profile option"),
	   "show port-profile bogus: a usage error, no socket");
	ok(run("copy running-config") == EXIT_USAGE &&
	   strstr(err, "missing destination"),
	   "copy without a destination: a usage error");
	ok(run("configure /nonexistent/file") == EXIT_USAGE &&
	   strstr(err, "/nonexistent/file"), "configure of a missing file");
	ok(run("configure a b") == EXIT_USAGE, "configure takes one file");
	unsetenv("VSMD_SOCKET");
}

int main(void)
{
	tap_init();
	make_ports();
	test_switch();
	test_interface();
	test_show_interface();
	test_mac();
	test_monitor();
	test_bad_input();
	test_vsmd_commands();
	return tap_exit();
}
