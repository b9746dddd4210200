// SPDX-License-Identifier: GPL-2.0
/*
 * test_config_acl.c - access-lists in the configuration: ip, ipv6 and mac
 * access-list blocks (vsmctl/config_acl.c), their text and JSON
 * (config_acl_print.c), their attachment to profiles and interfaces,
 * inherited (config_eval.c), and the rules of the whole.
 */

#include <errno.h>
#include <arpa/inet.h>
#include <sys/socket.h>

#include "config_tap.h"
#include "parse.h"

/* One entry line in a list of kind: what the running-config says of it. */
static bool entry_prints(const char *kind, const char *line,
			 const char *want, const char *what)
{
	char text[512], expect[512];
	struct config cfg;
	bool ret;

	snprintf(text, sizeof(text), "%s access-list A\n  %s\n", kind, line);
	snprintf(expect, sizeof(expect), "%s access-list A\n  %s\n", kind,
		 want);
	config_init(&cfg);
	if (apply(&cfg, text)) {
		ok(false, "%s", what);
		diag("refused: %s", err.msg);
		config_free(&cfg);
		return false;
	}
	ret = print_is(&cfg, expect, what);
	config_free(&cfg);
	return ret;
}

/* An entry of a list of kind refused with a message that has part. */
static void entry_bad(const char *kind, const char *line, const char *part,
		      const char *what)
{
	char text[512];
	struct config cfg;

	snprintf(text, sizeof(text), "%s access-list A\n  %s\n", kind, line);
	config_init(&cfg);
	refused(apply(&cfg, text), what, "line 2: ", part,
		(const char *)NULL);
	config_free(&cfg);
}

static void test_fields(void)
{
	/* Each field kind, as it is written back. */
	entry_prints("ip", "10 permit ip any any", "10 permit ip any any",
		     "ip any any");
	entry_prints("ip", "10 deny tcp 10.0.0.0/8 192.168.1.0/24",
		     "10 deny tcp 10.0.0.0/8 192.168.1.0/24", "prefixes");
	entry_prints("ip", "10 permit udp host 10.1.1.1 host 10.2.2.2",
		     "10 permit udp 10.1.1.1/32 10.2.2.2/32",
		     "host: a /32, as NX-OS prints it");
	entry_prints("ip", "10 permit ip 10.1.0.0 0.0.255.255 any",
		     "10 permit ip 10.1.0.0/16 any",
		     "a contiguous wildcard: the prefix it is");
	entry_prints("ip", "10 permit ip 10.1.2.3/16 any",
		     "10 permit ip 10.1.0.0/16 any",
		     "host bits of a prefix cleared (the packets NX-OS matches)");
	entry_prints("ip", "10 permit ip 10.1.2.3 0.0.0.255 any",
		     "10 permit ip 10.1.2.0/24 any",
		     "host bits under a wildcard cleared");
	entry_prints("ip", "10 permit ip 0.0.0.0/0 0.0.0.0 255.255.255.255",
		     "10 permit ip any any", "0.0.0.0/0 and its wildcard: any");
	entry_prints("ip", "10 permit tcp any eq 80 any", "10 permit tcp any eq www any",
		     "source port eq, by its NX-OS name");
	entry_prints("ip", "10 permit tcp any any neq 22",
		     "10 permit tcp any any neq 22", "neq; ssh has no NX-OS name");
	entry_prints("ip", "10 permit tcp any lt 1024 any gt 1023",
		     "10 permit tcp any lt 1024 any gt 1023", "lt, gt");
	entry_prints("ip", "10 permit udp any range 1024 65535 any range 53 53",
		     "10 permit udp any range 1024 65535 any range domain domain",
		     "range, udp names");
	entry_prints("ip", "10 permit tcp any any range ftp-data telnet",
		     "10 permit tcp any any range ftp-data telnet",
		     "range of names");
	entry_prints("ip", "10 permit tcp any any eq https",
		     "10 permit tcp any any eq 443",
		     "https read, printed as 443 (no NX-OS name)");
	entry_prints("ip", "10 permit tcp any any eq http",
		     "10 permit tcp any any eq www", "http read as www");
	entry_prints("ip", "10 permit udp any any eq 514",
		     "10 permit udp any any eq syslog", "udp 514 is syslog");
	entry_prints("ip", "10 permit tcp any any eq 514",
		     "10 permit tcp any any eq cmd", "tcp 514 is cmd");
	entry_prints("ip", "10 permit tcp any any established",
		     "10 permit tcp any any established", "established");
	entry_prints("ip", "10 permit ip any any dscp 46",
		     "10 permit ip any any dscp ef", "dscp 46 is ef");
	entry_prints("ip", "10 permit ip any any dscp af11",
		     "10 permit ip any any dscp af11", "dscp af11");
	entry_prints("ip", "10 permit ip any any dscp cs0",
		     "10 permit ip any any dscp default", "dscp cs0 is default");
	entry_prints("ip", "10 permit ip any any dscp 63",
		     "10 permit ip any any dscp 63", "dscp without a name");
	entry_prints("ip", "10 deny ip any any log", "10 deny ip any any log",
		     "log");
	entry_prints("ip", "10 permit tcp any any log established dscp cs3",
		     "10 permit tcp any any dscp cs3 established log",
		     "options in any order, printed in one");
	entry_prints("ip", "10 permit 6 any any", "10 permit tcp any any",
		     "protocol 6 is tcp");
	entry_prints("ip", "10 permit 47 any any", "10 permit gre any any",
		     "protocol 47 is gre");
	entry_prints("ip", "10 permit 250 any any", "10 permit 250 any any",
		     "a protocol without a name");
	entry_prints("ip", "10 permit icmp any any", "10 permit icmp any any",
		     "icmp");
	entry_prints("ip", "10 remark web servers ! only",
		     "10 remark web servers ! only",
		     "remark: the rest of the line, '!' too");
	entry_prints("ip", "10 remark !important", "10 remark !important",
		     "remark starting with '!'");
	entry_prints("ip", "statistics per-entry", "statistics per-entry",
		     "statistics per-entry");
	entry_prints("ipv6", "10 permit ipv6 2001:db8::/32 any",
		     "10 permit ipv6 2001:db8::/32 any", "ipv6 prefix");
	entry_prints("ipv6", "10 permit ipv6 host 2001:DB8:0:0::1 any",
		     "10 permit ipv6 2001:db8::1/128 any",
		     "ipv6 host: /128, compressed, lowercase");
	entry_prints("ipv6", "10 permit ipv6 2001:db8::1/48 fe80::/10",
		     "10 permit ipv6 2001:db8::/48 fe80::/10",
		     "ipv6 host bits cleared");
	entry_prints("ipv6", "10 permit ip ::/0 any", "10 permit ipv6 any any",
		     "ip abbreviates ipv6 in an ipv6 list; ::/0 is any");
	entry_prints("ipv6", "10 permit icmp any any", "10 permit icmp any any",
		     "icmp in an ipv6 list (ICMPv6, as NX-OS writes it)");
	entry_prints("ipv6", "10 permit icmpv6 any any", "10 permit icmp any any",
		     "icmpv6 read as icmp");
	entry_prints("ipv6", "10 permit 58 any any", "10 permit icmp any any",
		     "protocol 58 is icmp in an ipv6 list");
	entry_prints("ipv6", "10 permit tcp any eq 22 ::ffff:10.0.0.0/104 established",
		     "10 permit tcp any eq 22 ::ffff:10.0.0.0/104 established",
		     "ipv6 ports, established, a v4-mapped prefix");
	entry_prints("mac", "10 deny any any 0x8137", "10 deny any any 0x8137",
		     "mac any any ethertype");
	entry_prints("mac", "10 permit any any", "10 permit any any",
		     "mac without ethertype");
	entry_prints("mac", "10 permit 00c0.4f03.0a72 0000.0000.0000 any",
		     "10 permit 00c0.4f03.0a72 0000.0000.0000 any",
		     "mac address with wildcard 0: that address");
	entry_prints("mac", "10 permit host 00:C0:4F:03:0A:72 any ip",
		     "10 permit 00c0.4f03.0a72 0000.0000.0000 any 0x0800",
		     "host MAC, ethertype name: NX-OS forms");
	entry_prints("mac", "10 permit any 0060.3e12.3456 0000.00ff.ffff arp",
		     "10 permit any 0060.3e00.0000 0000.00ff.ffff 0x0806",
		     "vendor code: bits under the wildcard cleared");
	entry_prints("mac", "10 permit 0001.0203.0405 ffff.ffff.ffff any 0x800",
		     "10 permit any any 0x0800", "all-ones wildcard is any");
	entry_prints("mac", "10 permit any 0100.5e00.0000 0000.0000.00ff",
		     "10 permit any 0100.5e00.0000 0000.0000.00ff",
		     "a multicast destination");
	entry_prints("ip", "perm T a a eq WWW est", "10 permit tcp any any eq www established",
		     "abbreviated keywords and names, any case");
}

/* The entry struct the kernel will get: explicit fields. */
static void test_model(void)
{
	struct config_acl_entry *e;
	const struct config_acl *acl;
	struct config cfg;
	uint8_t want[16] = { 10, 1, 0, 0 };
	uint16_t lo, hi;
	bool neg;

	config_init(&cfg);
	ok(!apply(&cfg, "ip access-list A\n"
			"  10 deny tcp 10.1.2.3/16 eq 80 any range 1000 2000 dscp 10 established log\n"
			"ipv6 access-list A6\n"
			"  10 permit ipv6 2001:db8::/32 any\n"
			"mac access-list AM\n"
			"  10 permit 00c0.4f00.0000 0000.00ff.ffff any 0x8137\n"),
	   "one list of each kind");
	{
		struct config c2;

		config_init(&c2);
		ok(apply(&c2, "ip access-list A\n  10 permit ip any any\n"
			      "mac access-list A\n  10 permit any any\n") == -EINVAL &&
		   strstr(err.msg, "ip access-list A and mac access-list A") &&
		   !c2.acls.n,
		   "two kinds sharing a name: refused (the kernel knows ACLs by name)");
		config_free(&c2);
	}
	acl = config_acl_find(&cfg, CONFIG_ACL_IP, "A");
	e = acl ? config_acl_entry_find(acl, 10) : NULL;
	ok(e && e->action == CONFIG_ACL_DENY && e->family == AF_INET &&
	   !e->proto_any && e->proto == 6 && !memcmp(e->src, want, 16) &&
	   e->src_len == 16 && e->dst_len == 0 &&
	   e->sport.op == CONFIG_PORT_EQ && e->sport.lo == 80 &&
	   e->sport.hi == 80 && e->dport.op == CONFIG_PORT_RANGE &&
	   e->dport.lo == 1000 && e->dport.hi == 2000 && e->has_dscp &&
	   e->dscp == 10 && e->established && e->log && !e->has_ethertype,
	   "ip entry: every field explicit, address normalised");
	acl = config_acl_find(&cfg, CONFIG_ACL_IPV6, "A6");
	e = acl ? config_acl_entry_find(acl, 10) : NULL;
	ok(e && e->family == AF_INET6 && e->proto_any && e->src_len == 32 &&
	   e->src[0] == 0x20 && e->src[1] == 0x01 && e->src[3] == 0xb8 &&
	   !e->sport.op && !e->has_dscp, "ipv6 entry: any protocol, /32");
	acl = config_acl_find(&cfg, CONFIG_ACL_MAC, "AM");
	e = acl ? config_acl_entry_find(acl, 10) : NULL;
	ok(e && e->family == AF_UNSPEC && e->src_mac[2] == 0x4f &&
	   e->src_mac_mask[0] == 0xff && e->src_mac_mask[2] == 0xff &&
	   e->src_mac_mask[3] == 0 && mac_is_zero(e->dst_mac_mask) &&
	   e->has_ethertype && e->ethertype == 0x8137,
	   "mac entry: masks are care bits, the inverse of the wildcard");
	ok(!config_acl_find(&cfg, CONFIG_ACL_IP, "a"),
	   "names are case-sensitive");

	config_acl_port_range(&(struct config_acl_ports){ CONFIG_PORT_LT, 1024, 1024 },
			      &lo, &hi, &neg);
	ok(lo == 0 && hi == 1023 && !neg, "port range of lt 1024: 0-1023");
	config_acl_port_range(&(struct config_acl_ports){ CONFIG_PORT_GT, 1023, 1023 },
			      &lo, &hi, &neg);
	ok(lo == 1024 && hi == 65535 && !neg, "gt 1023: 1024-65535");
	config_acl_port_range(&(struct config_acl_ports){ CONFIG_PORT_NEQ, 22, 22 },
			      &lo, &hi, &neg);
	ok(lo == 22 && hi == 22 && neg, "neq 22: not 22-22");
	config_acl_port_range(&(struct config_acl_ports){ CONFIG_PORT_ANY, 0, 0 },
			      &lo, &hi, &neg);
	ok(lo == 0 && hi == 65535 && !neg, "no port: 0-65535");
	config_free(&cfg);
}

static void test_errors(void)
{
	entry_bad("ip", "10 permit ip 10.0.0.0/33 any", "\"33\": must be 0 to 32",
		  "prefix length 33");
	entry_bad("ipv6", "10 permit ipv6 ::/129 any", "must be 0 to 128",
		  "prefix length 129");
	entry_bad("ip", "10 permit ip 10.0.0.0/x any", "prefix length",
		  "prefix length not a number");
	entry_bad("ip", "10 permit ip 10.0.0.256/24 any",
		  "invalid IPv4 address \"10.0.0.256\"", "bad IPv4 address");
	entry_bad("ip", "10 permit ip 10.0.0.0 any",
		  "missing /LENGTH or wildcard after \"10.0.0.0\"",
		  "address without length or wildcard");
	entry_bad("ip", "10 permit ip 10.0.0.0 0.255.0.255 any",
		  "not contiguous", "non-contiguous wildcard");
	entry_bad("ip", "10 permit ip 10.0.0.0 255.255.255.0 any",
		  "not contiguous", "a netmask where a wildcard goes");
	entry_bad("ipv6", "10 permit ipv6 2001:db8:: any", "missing /LENGTH",
		  "ipv6 address without length");
	entry_bad("ipv6", "10 permit ipv6 10.0.0.0/8 any",
		  "IPv4 address \"10.0.0.0\" in an ipv6 access-list",
		  "v4 in an ipv6 list");
	entry_bad("ipv6", "10 permit ipv6 any host 10.0.0.1",
		  "IPv4 address \"10.0.0.1\" in an ipv6 access-list",
		  "v4 host in an ipv6 list");
	entry_bad("ip", "10 permit ip 2001:db8::/32 any",
		  "IPv6 address \"2001:db8::\" in an ip access-list",
		  "v6 in an ip list");
	entry_bad("ip", "10 permit ip any", "missing destination",
		  "missing destination");
	entry_bad("ip", "10 permit ip", "missing source", "missing source");
	entry_bad("ip", "10 permit ip any host", "missing address",
		  "host without address");
	entry_bad("ip", "10 permit frob any any", "unknown protocol \"frob\"",
		  "unknown protocol");
	entry_bad("ip", "10 permit icmpv6 any any", "unknown protocol",
		  "icmpv6 in an ip list");
	entry_bad("ip", "10 permit 256 any any", "must be 0 to 255",
		  "protocol 256");
	entry_bad("ip", "10 permit tcp any any eq 65536", "must be 0 to 65535",
		  "port 65536");
	entry_bad("ip", "10 permit tcp any any eq frob",
		  "invalid port \"frob\"", "unknown port name");
	entry_bad("ip", "10 permit udp any any eq www", "invalid port \"www\"",
		  "www is no udp name");
	entry_bad("ip", "10 permit tcp any any range 200 100", "goes backwards",
		  "range inverted");
	entry_bad("ip", "10 permit tcp any any range 100", "missing port",
		  "range with one port");
	entry_bad("ip", "10 permit tcp any any lt 0", "lt 0 matches no port",
		  "lt 0");
	entry_bad("ip", "10 permit tcp any any gt 65535", "matches no port",
		  "gt 65535");
	entry_bad("ip", "10 permit icmp any any eq 80",
		  "ports apply to tcp and udp only", "ports on icmp");
	entry_bad("ip", "10 permit ip any eq 80 any",
		  "ports apply to tcp and udp only", "source ports on ip");
	entry_bad("ip", "10 permit udp any any established",
		  "established applies to tcp only", "established on udp");
	entry_bad("ip", "10 permit ip any any established",
		  "established applies to tcp only", "established on ip");
	entry_bad("ip", "10 permit ip any any dscp 64", "must be 0 to 63",
		  "dscp 64");
	entry_bad("ip", "10 permit ip any any dscp af99", "unknown DSCP name",
		  "unknown dscp name");
	entry_bad("ip", "10 permit ip any any dscp 1 dscp 2",
		  "dscp given twice", "dscp twice");
	entry_bad("ip", "10 permit ip any any log log", "log given twice",
		  "log twice");
	entry_bad("ip", "10 permit tcp any any log eq 80",
		  "destination ports come right after the destination",
		  "ports after options");
	entry_bad("ip", "10 permit tcp any any eq 1 eq 2",
		  "destination port given twice", "ports twice");
	entry_bad("ip", "10 permit tcp any any frob", "unknown keyword \"frob\"",
		  "unknown trailing word");
	entry_bad("ip", "10 permit tcp any any e 80", "ambiguous keyword \"e\"",
		  "e is eq or established");
	entry_bad("ip", "0 permit ip any any", "must be 1 to 4294967295",
		  "sequence 0");
	entry_bad("ip", "4294967296 permit ip any any", "must be 1 to 4294967295",
		  "sequence 2^32");
	entry_bad("ip", "10", "missing permit, deny or remark", "sequence alone");
	entry_bad("ip", "10 frob", "unknown entry \"frob\"", "unknown action");
	entry_bad("ip", "10 statistics per-entry", "unknown entry",
		  "statistics has no sequence number");
	entry_bad("ip", "statistics", "missing per-entry", "statistics alone");
	entry_bad("ip", "statistics per-x", "unknown keyword", "statistics typo");
	entry_bad("ip", "frob", "unknown command \"frob\"",
		  "unknown command in an access-list");
	entry_bad("ip", "10 remark", "missing text", "empty remark");
	entry_bad("mac", "10 permit any", "missing destination",
		  "mac: missing destination");
	entry_bad("mac", "10 permit 00c0.4f03.0a72 any",
		  "invalid MAC wildcard \"any\"", "mac: missing wildcard");
	entry_bad("mac", "10 permit 00c0.4f03.0a72", "missing wildcard",
		  "mac: address at the end");
	entry_bad("mac", "10 permit 00c0.4f03.0a7 0000.0000.0000 any",
		  "invalid MAC address", "mac: short address");
	entry_bad("mac", "10 permit 00c0.4f03.0a72 0000.0000.00 any",
		  "invalid MAC wildcard", "mac: short wildcard");
	entry_bad("mac", "10 permit host zz:zz:zz:zz:zz:zz any",
		  "invalid MAC address", "mac: bad host");
	entry_bad("mac", "10 permit frob any", "unknown source \"frob\"",
		  "mac: unknown word");
	entry_bad("mac", "10 permit any any 0x10000", "invalid ethertype",
		  "ethertype over 0xffff");
	entry_bad("mac", "10 permit any any 0xzz", "invalid ethertype",
		  "ethertype not hex");
	entry_bad("mac", "10 permit any any 8137", "invalid ethertype",
		  "ethertype without 0x");
	entry_bad("mac", "10 permit any any ipx", "unknown ethertype",
		  "unknown ethertype name");
	entry_bad("mac", "10 permit any any ip log", "unexpected \"log\"",
		  "mac: a word after the ethertype");
	entry_bad("mac", "10 permit ip any any", "unknown source \"ip\"",
		  "mac: no protocol word");
	{
		char line[200];

		memset(line, 'x', sizeof(line));
		memcpy(line, "10 remark ", 10);
		line[10 + CONFIG_REMARK_MAX + 1] = '\0';
		entry_bad("ip", line, "remark of 101 characters (at most 100)",
			  "remark of 101 characters");
		line[10 + CONFIG_REMARK_MAX] = '\0';
		entry_prints("ip", line, line, "remark of 100 characters");
	}
	BAD("", "ip access-list bad/name\n", "invalid access-list name",
	    "line 1:", "invalid access-list name \"bad/name\"");
	BAD("", "ip access-list\n", "missing name", "line 1:",
	    "missing access-list name");
	BAD("", "ip acc A B\n", "extra word after the name", "line 1:",
	    "unexpected \"B\"");
	BAD("", "ip frob A\n", "ip frob", "line 1:", "keyword \"frob\"");
	BAD("", "ip access-list A\n  permit ip any any\n  20 permit ip any any\n"
		"  20 deny ip any any\n",
	    "duplicate sequence number", "line 4: 20 deny ip any any: ",
	    "duplicate sequence number 20 in ip access-list A",
	    "it is \"permit ip any any\"");
	BAD("ip access-list A\n  10 permit ip any any\n",
	    "ip access-list A\n  no 20\n", "no SEQ of a missing entry",
	    "line 2:", "no entry 20 in ip access-list A");
	BAD("ip access-list A\n  10 permit ip any any\n",
	    "ip access-list A\n  no deny ip any any\n",
	    "no ENTRY of a missing entry", "line 2:", "no such entry");
	BAD("ip access-list A\n  10 permit ip any any\n",
	    "ip access-list A\n  no 10 deny ip any any\n",
	    "no SEQ ENTRY of another entry", "line 2:",
	    "entry 10 of ip access-list A is \"permit ip any any\"");
	BAD("ip access-list A\n  4294967290 permit ip any any\n",
	    "ip access-list A\n  deny ip any any\n",
	    "no sequence number left after 4294967290",
	    "line 2:", "no sequence number after 4294967290");
	BAD("", "no ip access-list A\n", "deleting a missing list",
	    "line 1:", "ip access-list A does not exist");
	BAD("mac access-list A\n", "no ip access-list A\n",
	    "deleting a missing list of another kind",
	    "ip access-list A does not exist (a mac access-list A does)");
}

static void test_sequence(void)
{
	struct config cfg;

	config_init(&cfg);
	ok(!apply(&cfg, "ip access-list A\n"
			"  permit tcp any any\n"
			"  permit udp any any\n"
			"  15 remark between\n"
			"  deny ip any any\n"
			"  5 permit icmp any any\n"),
	   "entries with and without sequence numbers");
	print_is(&cfg, "ip access-list A\n"
		       "  5 permit icmp any any\n"
		       "  10 permit tcp any any\n"
		       "  15 remark between\n"
		       "  20 permit udp any any\n"
		       "  30 deny ip any any\n",
		 "first 10, then the last + 10; sorted by number");
	ok(!apply(&cfg, "ip access-list A\n  20 permit udp any any\n"
			"  remark again\n"),
	   "an entry again, identical: nothing to do");
	ok(!apply(&cfg, "ip access-list A\n"
			"  no 5\n"
			"  no permit udp any any\n"
			"  no 30 deny ip any any\n"
			"  no remark between\n"
			"  no remark again\n"),
	   "no SEQ, no ENTRY, no SEQ ENTRY, no remark TEXT");
	print_is(&cfg, "ip access-list A\n  10 permit tcp any any\n",
		 "... left the one entry");
	ok(!apply(&cfg, "ip access-list A\n  statistics per-entry\n"
			"ip access-list A\n  no statistics per-entry\n"
			"  4294967295 deny ip any any\n"),
	   "statistics per-entry and its no; the last sequence number");
	print_is(&cfg, "ip access-list A\n  10 permit tcp any any\n"
		       "  4294967295 deny ip any any\n", "... printed");
	refused(apply(&cfg, "ip access-list A\n  10 deny tcp any any\n"),
		"an entry over an existing number is refused",
		"duplicate sequence number 10",
		"no 10 first to replace it", (const char *)NULL);
	ok(!apply(&cfg, "ip access-list A\n  no 10\n  10 deny tcp any any\n"),
	   "no SEQ, then the number again: a replacement");
	ok(!apply(&cfg, "no ip access-list A\n"), "no ip access-list");
	print_is(&cfg, "", "... gone");
	ok(!apply(&cfg, "ip access-list E\n"), "an empty access-list");
	print_is(&cfg, "ip access-list E\n", "... printed, header only");
	config_free(&cfg);
}

static void test_blocks(void)
{
	struct config cfg;

	config_init(&cfg);
	ok(!apply(&cfg, "IP ACC A\n"
			"  10 permit ip any any\n"
			"  exit\n"
			"mac access-list M\n"
			"\t10 deny any any 0x8137\n"
			"  end\n"
			"ipv6 access-list V\n"
			"  10 permit ipv6 any any ! a comment\n"
			"port-profile web\n"),
	   "blocks: exit, end, tabs, comments, abbreviations");
	print_is(&cfg, "ip access-list A\n  10 permit ip any any\n"
		       "ipv6 access-list V\n  10 permit ipv6 any any\n"
		       "mac access-list M\n  10 deny any any 0x8137\n"
		       "port-profile type vethernet web\n",
		 "printed by kind, then name, before the profiles");
	refused(apply(&cfg, "ip access-list A\n  10 permit ip any any\n"
			    "20 permit ip any any\n"),
		"an entry without indentation: a hint", "line 3:",
		"indent it to put it in the block above", (const char *)NULL);
	refused(apply(&cfg, "ip access-list A\ndeny ip any any\n"),
		"deny without indentation: a hint", "line 2:", "indent it",
		(const char *)NULL);
	refused(apply(&cfg, "i access-list A\n"), "i is ambiguous at the top",
		"ambiguous command \"i\": ip, ipv6, interface",
		(const char *)NULL);
	refused(apply(&cfg, "port-profile web\n  m 10\n"),
		"m is ambiguous in a profile: max-ports, mac",
		"ambiguous command \"m\"", (const char *)NULL);
	config_free(&cfg);
}

static void test_limits(void)
{
	size_t len = 64 + CONFIG_ACL_ENTRIES_MAX * 24, pos;
	char *text = malloc(len);
	struct config cfg;
	int i;

	config_init(&cfg);
	pos = snprintf(text, len, "ip access-list BIG\n");
	for (i = 0; i < CONFIG_ACL_ENTRIES_MAX; i++)
		pos += snprintf(text + pos, len - pos,
				"  deny ip any any\n");
	ok(!apply(&cfg, text), "%d entries in one list",
	   CONFIG_ACL_ENTRIES_MAX);
	refused(apply(&cfg, "ip access-list BIG\n  remark one more\n"),
		"one more refused", "line 2:",
		"ip access-list BIG is full (at most 4096 entries)",
		(const char *)NULL);
	ok(config_acl_find(&cfg, CONFIG_ACL_IP, "BIG")->n ==
	   CONFIG_ACL_ENTRIES_MAX, "... and the list unchanged");
	config_free(&cfg);

	config_init(&cfg);
	len = CONFIG_ACL_MAX * 32;
	text = realloc(text, len);
	for (pos = 0, i = 0; i < CONFIG_ACL_MAX; i++)
		pos += snprintf(text + pos, len - pos, "%s access-list L%d\n",
				i % 3 == 0 ? "ip" : i % 3 == 1 ? "ipv6" : "mac",
				i);
	ok(!apply(&cfg, text), "%d access-lists", CONFIG_ACL_MAX);
	refused(apply(&cfg, "mac access-list one-more\n"),
		"one more refused", "line 1:",
		"too many access-lists (at most 1024)", (const char *)NULL);
	ok(!apply(&cfg, "ip access-list L0\n  permit ip any any\n"),
	   "an existing one still takes entries");
	config_free(&cfg);
	free(text);
}

static const char *tree =
	"ip access-list WEB\n  10 permit tcp any any eq www\n"
	"ip access-list BASE\n  10 permit ip any any\n"
	"ip access-list OUT\n  10 deny ip any any\n"
	"ip access-list OVR\n  10 permit tcp any any eq 22\n"
	"ipv6 access-list V6\n  10 permit ipv6 any any\n"
	"mac access-list M\n  10 permit any any\n"
	"port-profile base\n"
	"  ip port access-group BASE in\n"
	"  ip port access-group OUT out\n"
	"  mac port access-group M in\n"
	"port-profile mid\n"
	"  inherit port-profile base\n"
	"  ip port access-group WEB in\n"
	"  ipv6 port traffic-filter V6 out\n"
	"port-profile leaf\n"
	"  inherit port-profile mid\n"
	"interface vethernet 3\n"
	"  inherit port-profile leaf\n"
	"  ip port access-group OVR in\n"
	"interface vethernet 4\n"
	"  inherit port-profile leaf\n";

static bool slot_is(const struct config_eval *ev, unsigned int b,
		    const char *name, enum config_src src, const char *from)
{
	enum config_attr attr = CONFIG_ATTR_ACL(b);

	if (strcmp(ev->acl[b], name) || ev->from[attr].src != src)
		return false;
	return src != CONFIG_SRC_PROFILE ||
	       !strcmp(ev->from[attr].profile->name, from);
}

static void test_inheritance(void)
{
	struct port_ref v3 = { VEM_PORT_VETH, 3 }, v4 = { VEM_PORT_VETH, 4 };
	const unsigned int ip_in = CONFIG_ACL_BIND(CONFIG_ACL_IP, CONFIG_ACL_IN),
		ip_out = CONFIG_ACL_BIND(CONFIG_ACL_IP, CONFIG_ACL_OUT),
		v6_in = CONFIG_ACL_BIND(CONFIG_ACL_IPV6, CONFIG_ACL_IN),
		v6_out = CONFIG_ACL_BIND(CONFIG_ACL_IPV6, CONFIG_ACL_OUT),
		mac_in = CONFIG_ACL_BIND(CONFIG_ACL_MAC, CONFIG_ACL_IN);
	struct config_eval ev;
	struct config cfg;

	config_init(&cfg);
	if (!ok(!apply(&cfg, tree), "access-groups through 3 profile levels"))
		diag("%s", err.msg);
	config_eval_profile(&cfg, config_profile_find(&cfg, "leaf"), &ev);
	ok(slot_is(&ev, ip_in, "WEB", CONFIG_SRC_PROFILE, "mid") &&
	   slot_is(&ev, ip_out, "OUT", CONFIG_SRC_PROFILE, "base") &&
	   slot_is(&ev, v6_out, "V6", CONFIG_SRC_PROFILE, "mid") &&
	   slot_is(&ev, mac_in, "M", CONFIG_SRC_PROFILE, "base") &&
	   slot_is(&ev, v6_in, "", CONFIG_SRC_DEFAULT, NULL),
	   "leaf: ip in from mid over base, each slot on its own");
	config_eval_iface(&cfg, config_iface_find(&cfg, &v3), &ev);
	ok(slot_is(&ev, ip_in, "OVR", CONFIG_SRC_OWN, NULL) &&
	   slot_is(&ev, ip_out, "OUT", CONFIG_SRC_PROFILE, "base") &&
	   slot_is(&ev, mac_in, "M", CONFIG_SRC_PROFILE, "base") &&
	   ev.profile && !strcmp(ev.profile->name, "leaf"),
	   "vethernet 3: its own ip in overrides, the rest through leaf");
	config_eval_iface(&cfg, config_iface_find(&cfg, &v4), &ev);
	ok(slot_is(&ev, ip_in, "WEB", CONFIG_SRC_PROFILE, "mid"),
	   "vethernet 4: WEB from mid, through leaf");

	ok(!apply(&cfg, "port-profile mid\n  no ip port access-group WEB in\n"
			"interface vethernet 3\n  no ip port access-group in\n"),
	   "no ip port access-group, with and without the name");
	config_eval_iface(&cfg, config_iface_find(&cfg, &v3), &ev);
	ok(slot_is(&ev, ip_in, "BASE", CONFIG_SRC_PROFILE, "base"),
	   "vethernet 3: back to BASE from base");
	refused(apply(&cfg, "port-profile base\n"
			    "  no ip port access-group OTHER in\n"),
		"no of another list refused", "line 2:",
		"ip access-list OTHER is not attached here in (BASE is)",
		(const char *)NULL);
	ok(!apply(&cfg, "port-profile base\n"
			"  ip port access-group WEB in\n"),
	   "a second access-group of a slot replaces the first");
	config_eval_profile(&cfg, config_profile_find(&cfg, "base"), &ev);
	ok(slot_is(&ev, ip_in, "WEB", CONFIG_SRC_OWN, NULL), "... WEB now");
	ok(!apply(&cfg, "port-profile base\n  default ip port access-group in\n"),
	   "default ip port access-group in");
	config_free(&cfg);
}

static void test_references(void)
{
	BAD("", "port-profile web\n  ip port access-group NOPE in\n",
	    "a missing access-list refused", "line 2: ip port access-group NOPE in: ",
	    "port-profile web uses ip access-list NOPE, which does not exist");
	BAD("mac access-list M\n",
	    "interface vethernet 5\n  ip port access-group M out\n",
	    "an access-list of another kind refused", "line 2:",
	    "interface vethernet 5 uses ip access-list M, which does not exist (M is a mac access-list)");
	BAD("ip access-list web\n",
	    "port-profile p\n  ipv6 port traffic-filter web in\n",
	    "an ip list as an ipv6 traffic-filter refused", "line 2:",
	    "ipv6 access-list web, which does not exist");
	BAD("ip access-list WEB\n",
	    "port-profile p\n  ip port access-group web in\n",
	    "names are case-sensitive", "line 2:", "ip access-list web");
	BAD("ip access-list A\nport-profile p\n  ip port access-group A in\n"
	    "interface vethernet 1\n  ip port access-group A out\n",
	    "no ip access-list A\n", "deleting a list in use refused",
	    "line 1: no ip access-list A: ",
	    "ip access-list A is still used by port-profile p, interface vethernet 1");
	BAD("", "port-profile p\n  ip port access-group A\n",
	    "direction missing", "line 2:", "missing in or out");
	BAD("", "port-profile p\n  ip port access-group A both\n",
	    "direction unknown", "line 2:", "unknown direction \"both\"");
	BAD("", "port-profile p\n  ip port access-group A in x\n",
	    "extra word", "line 2:", "unexpected \"x\"");
	BAD("", "port-profile p\n  ip port access-group\n",
	    "name missing", "line 2:", "missing access-list name");
	BAD("", "port-profile p\n  ipv6 port access-group A in\n",
	    "ipv6 takes traffic-filter", "line 2:", "\"access-group\"");
	BAD("", "port-profile p\n  ip port traffic-filter A in\n",
	    "ip takes access-group", "line 2:", "\"traffic-filter\"");
	BAD("", "port-profile p\n  ip port access-group a/b in\n",
	    "bad name", "line 2:", "invalid access-list name");
	{
		struct config cfg;

		config_init(&cfg);
		ok(!apply(&cfg, "port-profile p\n  ip port access-group A in\n"
				"ip access-list A\n  permit ip any any\n"),
		   "attaching a list defined further down the batch");
		ok(!apply(&cfg, "port-profile p\n  no ip port access-group A in\n"
				"no ip access-list A\n"),
		   "deleting it once detached, in the same batch");
		config_free(&cfg);
	}
	{
		struct config cfg;
		char *before, *after;

		config_init(&cfg);
		apply(&cfg, tree);
		before = printed(&cfg, NULL);
		refused(apply(&cfg, "ip access-list WEB\n  20 deny ip any any\n"
				    "  no 10\n"
				    "ip access-list NEW\n  permit ip any any\n"
				    "port-profile mid\n  ip port access-group GONE in\n"),
			"a batch of ACL edits failing in validation", "line 7:",
			(const char *)NULL);
		after = printed(&cfg, NULL);
		ok_str(after, before, "... changed no list: the edit is atomic");
		free(after);
		free(before);
		config_free(&cfg);
	}
}

static const char *rich =
	"vlan 10\n"
	"ip access-list WEB-IN\n"
	"  statistics per-entry\n"
	"  10 remark web tier\n"
	"  20 permit tcp any 10.0.0.0/24 eq www\n"
	"  30 permit tcp any any established\n"
	"  40 permit udp 10.1.0.0/16 range 1024 65535 8.8.8.8/32 eq domain dscp af21\n"
	"  50 deny ip 192.168.0.0/16 any log\n"
	"  60 permit 47 any any\n"
	"ip access-list empty\n"
	"ipv6 access-list V6-IN\n"
	"  10 permit icmp any any\n"
	"  20 permit tcp 2001:db8::/32 lt 1024 ::1/128 neq 22 dscp 3 log\n"
	"mac access-list NO-IPX\n"
	"  10 deny any any 0x8137\n"
	"  20 permit 00c0.4f00.0000 0000.00ff.ffff any\n"
	"  30 permit any 0100.5e00.0000 0000.007f.ffff 0x0800\n"
	"port-profile type vethernet web\n"
	"  switchport access vlan 10\n"
	"  ip port access-group WEB-IN in\n"
	"  ip port access-group empty out\n"
	"  ipv6 port traffic-filter V6-IN in\n"
	"  mac port access-group NO-IPX in\n"
	"port-profile type ethernet up\n"
	"  mac port access-group NO-IPX out\n"
	"interface vethernet 3\n"
	"  inherit port-profile web\n"
	"  ipv6 port traffic-filter V6-IN out\n";

/* rich as the running-config prints it. */
static const char *rich_printed =
	"vlan 10\n"
	"ip access-list WEB-IN\n"
	"  statistics per-entry\n"
	"  10 remark web tier\n"
	"  20 permit tcp any 10.0.0.0/24 eq www\n"
	"  30 permit tcp any any established\n"
	"  40 permit udp 10.1.0.0/16 range 1024 65535 8.8.8.8/32 eq domain dscp af21\n"
	"  50 deny ip 192.168.0.0/16 any log\n"
	"  60 permit gre any any\n"
	"ip access-list empty\n"
	"ipv6 access-list V6-IN\n"
	"  10 permit icmp any any\n"
	"  20 permit tcp 2001:db8::/32 lt 1024 ::1/128 neq 22 dscp 3 log\n"
	"mac access-list NO-IPX\n"
	"  10 deny any any 0x8137\n"
	"  20 permit 00c0.4f00.0000 0000.00ff.ffff any\n"
	"  30 permit any 0100.5e00.0000 0000.007f.ffff 0x0800\n"
	"port-profile type ethernet up\n"
	"  mac port access-group NO-IPX out\n"
	"port-profile type vethernet web\n"
	"  switchport access vlan 10\n"
	"  ip port access-group WEB-IN in\n"
	"  ip port access-group empty out\n"
	"  ipv6 port traffic-filter V6-IN in\n"
	"  mac port access-group NO-IPX in\n"
	"interface vethernet 3\n"
	"  inherit port-profile web\n"
	"  ipv6 port traffic-filter V6-IN out\n";

static void test_round_trip(void)
{
	struct config cfg, back, copy;
	char *one, *two;

	config_init(&cfg);
	config_init(&back);
	if (!ok(!apply(&cfg, rich), "a config using every ACL line"))
		diag("%s", err.msg);
	one = printed(&cfg, NULL);
	ok_str(one, rich_printed, "running-config: canonical form and order");
	ok(!apply(&back, one), "running-config parses back");
	two = printed(&back, NULL);
	ok_str(two, one, "print -> parse -> print: identical");
	free(two);
	ok(!apply(&cfg, one), "applying its own running-config");
	two = printed(&cfg, NULL);
	ok_str(two, one, "... changes nothing (identical entries are no-ops)");
	free(two);
	ok(!config_clone(&copy, &cfg), "clone");
	apply(&copy, "ip access-list WEB-IN\n  no 20\n");
	two = printed(&cfg, NULL);
	ok_str(two, one, "a clone's entries are its own");
	free(two);
	config_free(&copy);
	free(one);
	config_free(&back);
	config_free(&cfg);
}

static void test_filters(void)
{
	struct config_filter f = { .show = CONFIG_SHOW_PROFILE, .name = "web" };
	struct config cfg;
	char *out;

	config_init(&cfg);
	apply(&cfg, rich);
	out = printed(&cfg, &f);
	ok(!strstr(out, "access-list") &&
	   strstr(out, "  ip port access-group WEB-IN in\n"),
	   "running-config port-profile web: its lines, not the lists");
	free(out);
	f.show = CONFIG_SHOW_PROFILES;
	out = printed(&cfg, &f);
	ok(!strstr(out, "access-list "), "running-config port-profile: no lists");
	free(out);
	f.show = CONFIG_SHOW_IFACE;
	f.ref = (struct port_ref){ VEM_PORT_VETH, 3 };
	out = printed(&cfg, &f);
	ok_str(out, "interface vethernet 3\n  inherit port-profile web\n"
		    "  ipv6 port traffic-filter V6-IN out\n",
	       "running-config interface vethernet 3");
	free(out);
	config_free(&cfg);
}

static char *json_of(const struct config *cfg, const struct config_eval *ev)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	struct json j;

	json_init(&j, f, false);
	if (ev) {
		json_obj_begin(&j);
		config_eval_json(&j, ev);
		json_obj_end(&j);
	} else {
		config_json(&j, cfg);
	}
	fclose(f);
	return out;
}

static void test_json(void)
{
	struct config_eval ev;
	struct config cfg;
	char *out;

	config_init(&cfg);
	apply(&cfg, "ip access-list A\n"
		    "  statistics per-entry\n"
		    "  10 remark say \"hi\"\n"
		    "  20 permit tcp 10.0.0.0/8 range 1 2 any eq 80 dscp 46 established log\n"
		    "  30 deny ip any host 10.0.0.1\n"
		    "mac access-list M\n"
		    "  10 permit 00c0.4f00.0000 0000.00ff.ffff any 0x8137\n"
		    "port-profile p\n  ip port access-group A in\n"
		    "interface vethernet 2\n  inherit port-profile p\n"
		    "  mac port access-group M out\n");
	out = json_of(&cfg, NULL);
	ok_str(out,
	       "{\"vlans\":[],\"access_lists\":["
	       "{\"type\":\"ip\",\"name\":\"A\",\"statistics_per_entry\":true,"
	       "\"entries\":["
	       "{\"seq\":10,\"action\":\"remark\",\"remark\":\"say \\\"hi\\\"\"},"
	       "{\"seq\":20,\"action\":\"permit\",\"protocol\":\"tcp\","
	       "\"source\":\"10.0.0.0/8\","
	       "\"source_port\":{\"op\":\"range\",\"first\":1,\"last\":2},"
	       "\"destination\":\"any\","
	       "\"destination_port\":{\"op\":\"eq\",\"port\":80},"
	       "\"dscp\":46,\"established\":true,\"log\":true},"
	       "{\"seq\":30,\"action\":\"deny\",\"protocol\":\"ip\","
	       "\"source\":\"any\",\"destination\":\"10.0.0.1/32\"}]},"
	       "{\"type\":\"mac\",\"name\":\"M\",\"statistics_per_entry\":false,"
	       "\"entries\":[{\"seq\":10,\"action\":\"permit\","
	       "\"source\":\"00c0.4f00.0000 0000.00ff.ffff\","
	       "\"destination\":\"any\",\"ethertype\":\"0x8137\"}]}],"
	       "\"policy_maps\":[],"
	       "\"port_profiles\":[{\"name\":\"p\",\"type\":\"vethernet\","
	       "\"ip_access_group_in\":\"A\"}],"
	       "\"interfaces\":[{\"name\":\"vethernet2\",\"type\":\"vethernet\","
	       "\"id\":2,\"inherit\":\"p\",\"mac_access_group_out\":\"M\"}]}\n",
	       "JSON: the lists, their entries, the own access-groups");
	free(out);
	config_eval_iface(&cfg, config_iface_find(&cfg,
			  &(struct port_ref){ VEM_PORT_VETH, 2 }), &ev);
	out = json_of(&cfg, &ev);
	ok(strstr(out, "\"ip_access_group_in\":\"A\",\"ip_access_group_out\":null,"
		       "\"ipv6_traffic_filter_in\":null,"
		       "\"ipv6_traffic_filter_out\":null,"
		       "\"mac_access_group_in\":null,"
		       "\"mac_access_group_out\":\"M\"") &&
	   strstr(out, "\"ip_access_group_in\":\"port-profile p\","
		       "\"ip_access_group_out\":\"default\"") &&
	   strstr(out, "\"mac_access_group_out\":\"own\","),
	   "evaluated JSON: every slot, null if none, and where it comes from");
	free(out);
	config_free(&cfg);
}

int main(void)
{
	tap_init();
	test_fields();
	test_model();
	test_errors();
	test_sequence();
	test_blocks();
	test_limits();
	test_inheritance();
	test_references();
	test_round_trip();
	test_filters();
	test_json();
	return tap_exit();
}
