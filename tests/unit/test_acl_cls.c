// SPDX-License-Identifier: GPL-2.0
/*
 * test_acl_cls.c - kmod/acl_cls*.c, the ACL classifier, in userspace: the
 * meaning of each kind of condition (a case that matches and one that
 * does not, at the boundaries), first match, the implicit deny, non-first
 * fragments, IPv6, MAC lists, refused lists, and the classifier against
 * the reference linear matcher of acl_ref.h over random lists and
 * packets (fixed seeds).
 */

#include <arpa/inet.h>
#include <errno.h>
#include <time.h>

#include "acl_ref.h"
#include "tap.h"

static struct vem_acl_rule ip4(u8 action, const char *src, unsigned int slen,
			       const char *dst, unsigned int dlen)
{
	struct vem_acl_rule r = {
		.family = VEM_ACL_IPV4, .action = action,
		.src_len = slen, .dst_len = dlen,
	};

	inet_pton(AF_INET, src, r.src);
	inet_pton(AF_INET, dst, r.dst);
	return r;
}

static struct vem_acl_rule ip6(u8 action, const char *src, unsigned int slen,
			       const char *dst, unsigned int dlen)
{
	struct vem_acl_rule r = {
		.family = VEM_ACL_IPV6, .action = action,
		.src_len = slen, .dst_len = dlen,
	};

	inet_pton(AF_INET6, src, r.src);
	inet_pton(AF_INET6, dst, r.dst);
	return r;
}

/* "permit PROTO any any": to add conditions to. */
static struct vem_acl_rule any4(u8 proto)
{
	struct vem_acl_rule r = ip4(VEM_ACL_PERMIT, "0.0.0.0", 0, "0.0.0.0", 0);

	r.match = VEM_ACL_M_PROTO;
	r.proto = proto;
	return r;
}

static struct vem_acl_rule mac(u8 action, const char *src, const char *smask,
			       const char *dst, const char *dmask)
{
	struct vem_acl_rule r = { .family = VEM_ACL_MAC, .action = action };

	sscanf(src, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &r.src_mac[0],
	       &r.src_mac[1], &r.src_mac[2], &r.src_mac[3], &r.src_mac[4],
	       &r.src_mac[5]);
	sscanf(smask, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &r.src_mac_mask[0],
	       &r.src_mac_mask[1], &r.src_mac_mask[2], &r.src_mac_mask[3],
	       &r.src_mac_mask[4], &r.src_mac_mask[5]);
	sscanf(dst, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &r.dst_mac[0],
	       &r.dst_mac[1], &r.dst_mac[2], &r.dst_mac[3], &r.dst_mac[4],
	       &r.dst_mac[5]);
	sscanf(dmask, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &r.dst_mac_mask[0],
	       &r.dst_mac_mask[1], &r.dst_mac_mask[2], &r.dst_mac_mask[3],
	       &r.dst_mac_mask[4], &r.dst_mac_mask[5]);
	return r;
}

/* A first fragment (or whole packet) with its L4 header. */
static struct vem_acl_pkt pkt4(const char *src, const char *dst, u8 proto,
			       u16 sport, u16 dport)
{
	struct vem_acl_pkt p = {
		.family = VEM_ACL_IPV4, .ethertype = 0x0800,
		.proto = proto, .flags = VEM_ACL_PKT_L4,
		.sport = sport, .dport = dport,
	};

	inet_pton(AF_INET, src, p.src);
	inet_pton(AF_INET, dst, p.dst);
	return p;
}

static struct vem_acl_pkt pkt6(const char *src, const char *dst, u8 proto,
			       u16 sport, u16 dport)
{
	struct vem_acl_pkt p = {
		.family = VEM_ACL_IPV6, .ethertype = 0x86dd,
		.proto = proto, .flags = VEM_ACL_PKT_L4,
		.sport = sport, .dport = dport,
	};

	inet_pton(AF_INET6, src, p.src);
	inet_pton(AF_INET6, dst, p.dst);
	return p;
}

static struct vem_acl_pkt pktmac(const char *src, const char *dst, u16 type)
{
	struct vem_acl_pkt p = { .family = VEM_ACL_MAC, .ethertype = type };

	sscanf(src, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &p.src_mac[0],
	       &p.src_mac[1], &p.src_mac[2], &p.src_mac[3], &p.src_mac[4],
	       &p.src_mac[5]);
	sscanf(dst, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &p.dst_mac[0],
	       &p.dst_mac[1], &p.dst_mac[2], &p.dst_mac[3], &p.dst_mac[4],
	       &p.dst_mac[5]);
	return p;
}

/*
 * Builds rules, matches p: the classifier and the reference both say want
 * (a failed build counts as a wrong answer).
 */
static bool expect(const struct vem_acl_rule *rules, unsigned int n,
		   struct vem_acl_pkt p, int want, const char *what)
{
	struct vem_acl_cls *cls = NULL;
	int ret = vem_acl_cls_build(rules, n, &cls);
	int got = ret ? -2 : vem_acl_cls_match(cls, &p);
	int ref = ref_match(rules, n, &p);

	vem_acl_cls_free(cls);
	if (ok(got == want && ref == want, "%s", what))
		return true;
	diag("build %d, classifier %d, reference %d, want %d", ret, got, ref,
	     want);
	return false;
}

/* One rule: p matches it (want true) or not. */
static bool expect1(struct vem_acl_rule r, struct vem_acl_pkt p, bool want,
		    const char *what)
{
	return expect(&r, 1, p, want ? 0 : -1, what);
}

static void test_proto(void)
{
	struct vem_acl_rule r = any4(VEM_ACL_PROTO_TCP);
	struct vem_acl_pkt p = pkt4("10.0.0.1", "10.0.0.2", VEM_ACL_PROTO_TCP, 1, 2);

	expect1(r, p, true, "proto tcp: tcp matches");
	p.proto = VEM_ACL_PROTO_UDP;
	expect1(r, p, false, "proto tcp: udp does not");
	r = any4(47);
	p.proto = 47;
	expect1(r, p, true, "proto 47: GRE matches");
	p.proto = 48;
	expect1(r, p, false, "proto 47: 48 does not");
	r = ip4(VEM_ACL_PERMIT, "0.0.0.0", 0, "0.0.0.0", 0);
	p.proto = 0;
	expect1(r, p, true, "proto ip: protocol 0 matches");
	p.proto = 255;
	expect1(r, p, true, "proto ip: protocol 255 matches");
	r = any4(VEM_ACL_PROTO_ICMP);
	p.proto = VEM_ACL_PROTO_ICMP;
	p.flags = 0;
	expect1(r, p, true, "proto icmp: icmp matches");
	p.proto = VEM_ACL_PROTO_ICMPV6;
	expect1(r, p, false, "proto icmp: icmpv6 does not");
}

static void test_prefix(void)
{
	struct vem_acl_rule r;

	r = ip4(VEM_ACL_DENY, "10.1.2.3", 32, "0.0.0.0", 0);
	expect1(r, pkt4("10.1.2.3", "1.1.1.1", 6, 1, 1), true,
		"src /32: the host matches");
	expect1(r, pkt4("10.1.2.2", "1.1.1.1", 6, 1, 1), false,
		"src /32: its neighbour does not");
	r = ip4(VEM_ACL_DENY, "10.1.2.77", 24, "0.0.0.0", 0);
	expect1(r, pkt4("10.1.2.255", "1.1.1.1", 6, 1, 1), true,
		"src /24: the last address matches (host bits ignored)");
	expect1(r, pkt4("10.1.3.0", "1.1.1.1", 6, 1, 1), false,
		"src /24: the next /24 does not");
	r = ip4(VEM_ACL_DENY, "0.0.0.0", 0, "192.168.1.0", 31);
	expect1(r, pkt4("1.1.1.1", "192.168.1.1", 6, 1, 1), true,
		"dst /31: the second address matches");
	expect1(r, pkt4("1.1.1.1", "192.168.1.2", 6, 1, 1), false,
		"dst /31: the third does not");
	r = ip4(VEM_ACL_DENY, "0.0.0.0", 0, "255.255.255.255", 32);
	expect1(r, pkt4("1.1.1.1", "255.255.255.255", 6, 1, 1), true,
		"dst /32 255.255.255.255 matches");
	expect1(r, pkt4("1.1.1.1", "255.255.255.254", 6, 1, 1), false,
		"dst /32 255.255.255.255: .254 does not");
	r = ip4(VEM_ACL_DENY, "128.0.0.0", 1, "0.0.0.0", 0);
	expect1(r, pkt4("255.1.1.1", "0.0.0.0", 6, 1, 1), true,
		"src /1: 255.x matches 128.0.0.0/1");
	expect1(r, pkt4("127.255.255.255", "0.0.0.0", 6, 1, 1), false,
		"src /1: 127.255.255.255 does not");
	r = ip4(VEM_ACL_DENY, "10.0.0.0", 0, "10.0.0.0", 0);
	expect1(r, pkt4("0.0.0.0", "255.255.255.255", 6, 1, 1), true,
		"/0 and /0: any address matches (value ignored)");
	r = ip4(VEM_ACL_DENY, "10.0.0.0", 8, "172.16.0.0", 12);
	expect1(r, pkt4("10.200.0.1", "172.31.255.255", 6, 1, 1), true,
		"src /8 and dst /12 both hold: matches");
	expect1(r, pkt4("10.200.0.1", "172.32.0.0", 6, 1, 1), false,
		"src /8 holds, dst /12 does not: no match");
}

static void test_ipv6(void)
{
	struct vem_acl_rule r;

	r = ip6(VEM_ACL_DENY, "2001:db8::1", 128, "::", 0);
	expect1(r, pkt6("2001:db8::1", "::1", 6, 1, 1), true,
		"ipv6 src /128: the host matches");
	expect1(r, pkt6("2001:db8::", "::1", 6, 1, 1), false,
		"ipv6 src /128: its neighbour does not");
	r = ip6(VEM_ACL_DENY, "::", 0, "2001:db8:0:1::", 64);
	expect1(r, pkt6("::1", "2001:db8:0:1:ffff:ffff:ffff:ffff", 6, 1, 1),
		true, "ipv6 dst /64: the last address matches");
	expect1(r, pkt6("::1", "2001:db8:0:2::", 6, 1, 1), false,
		"ipv6 dst /64: the next /64 does not");
	r = ip6(VEM_ACL_DENY, "::", 0, "2001:db8::", 127);
	expect1(r, pkt6("::1", "2001:db8::1", 6, 1, 1), true,
		"ipv6 dst /127: the pair's second matches");
	expect1(r, pkt6("::1", "2001:db8::2", 6, 1, 1), false,
		"ipv6 dst /127: the next pair does not");
	r = ip6(VEM_ACL_DENY, "2001:db8::", 65, "::", 0);
	expect1(r, pkt6("2001:db8::7fff:0:0:0", "::1", 6, 1, 1), true,
		"ipv6 src /65: bit 64 clear matches");
	expect1(r, pkt6("2001:db8::8000:0:0:0", "::1", 6, 1, 1), false,
		"ipv6 src /65: bit 64 set does not");
	r = ip6(VEM_ACL_PERMIT, "::", 0, "::", 0);
	r.match = VEM_ACL_M_PROTO;
	r.proto = VEM_ACL_PROTO_ICMPV6;
	expect1(r, pkt6("fe80::1", "ff02::1", VEM_ACL_PROTO_ICMPV6, 0, 0), true,
		"ipv6 icmpv6 any any: icmpv6 matches");
	expect1(r, pkt6("fe80::1", "ff02::1", VEM_ACL_PROTO_ICMP, 0, 0), false,
		"ipv6 icmpv6 any any: protocol 1 does not");
	r.proto = VEM_ACL_PROTO_TCP;
	r.dport = (struct vem_acl_port){ VEM_ACL_PORT_RANGE, 1000, 2000 };
	expect1(r, pkt6("fe80::1", "ff02::1", 6, 9, 2000), true,
		"ipv6 tcp range 1000 2000: 2000 matches");
	expect1(r, pkt6("fe80::1", "ff02::1", 6, 9, 2001), false,
		"ipv6 tcp range 1000 2000: 2001 does not");
}

/* One port condition, on the source then the destination port. */
static void port_case(u8 op, u16 lo, u16 hi, u16 port, bool want)
{
	static const char *ops[] = { "any", "eq", "neq", "lt", "gt", "range" };
	struct vem_acl_rule r = any4(VEM_ACL_PROTO_UDP);
	struct vem_acl_port c = { op, lo, hi };
	char what[96], arg[16];

	r.sport = c;
	if (op == VEM_ACL_PORT_RANGE)
		snprintf(arg, sizeof(arg), "%u %u", lo, hi);
	else
		snprintf(arg, sizeof(arg), "%u", lo);
	snprintf(what, sizeof(what), "sport %s %s: %u %s", ops[op], arg, port,
		 want ? "matches" : "does not");
	expect1(r, pkt4("1.1.1.1", "2.2.2.2", VEM_ACL_PROTO_UDP, port, 7),
		want, what);
	r.sport.op = VEM_ACL_PORT_ANY;
	r.dport = c;
	what[0] = 'd';
	expect1(r, pkt4("1.1.1.1", "2.2.2.2", VEM_ACL_PROTO_UDP, 7, port),
		want, what);
}

static void test_ports(void)
{
	port_case(VEM_ACL_PORT_EQ, 0, 0, 0, true);
	port_case(VEM_ACL_PORT_EQ, 0, 0, 1, false);
	port_case(VEM_ACL_PORT_EQ, 65535, 0, 65535, true);
	port_case(VEM_ACL_PORT_EQ, 65535, 0, 65534, false);
	port_case(VEM_ACL_PORT_NEQ, 0, 0, 1, true);
	port_case(VEM_ACL_PORT_NEQ, 0, 0, 0, false);
	port_case(VEM_ACL_PORT_NEQ, 65535, 0, 0, true);
	port_case(VEM_ACL_PORT_NEQ, 65535, 0, 65535, false);
	port_case(VEM_ACL_PORT_LT, 1, 0, 0, true);
	port_case(VEM_ACL_PORT_LT, 1, 0, 1, false);
	port_case(VEM_ACL_PORT_LT, 0, 0, 0, false);
	port_case(VEM_ACL_PORT_LT, 65535, 0, 65534, true);
	port_case(VEM_ACL_PORT_LT, 65535, 0, 65535, false);
	port_case(VEM_ACL_PORT_LT, 1024, 0, 1023, true);
	port_case(VEM_ACL_PORT_LT, 1024, 0, 1024, false);
	port_case(VEM_ACL_PORT_GT, 0, 0, 1, true);
	port_case(VEM_ACL_PORT_GT, 0, 0, 0, false);
	port_case(VEM_ACL_PORT_GT, 65534, 0, 65535, true);
	port_case(VEM_ACL_PORT_GT, 65534, 0, 65534, false);
	port_case(VEM_ACL_PORT_GT, 65535, 0, 65535, false);
	port_case(VEM_ACL_PORT_GT, 1023, 0, 1024, true);
	port_case(VEM_ACL_PORT_GT, 1023, 0, 1023, false);
	port_case(VEM_ACL_PORT_RANGE, 0, 65535, 0, true);
	port_case(VEM_ACL_PORT_RANGE, 0, 65535, 65535, true);
	port_case(VEM_ACL_PORT_RANGE, 1000, 2000, 1000, true);
	port_case(VEM_ACL_PORT_RANGE, 1000, 2000, 2000, true);
	port_case(VEM_ACL_PORT_RANGE, 1000, 2000, 999, false);
	port_case(VEM_ACL_PORT_RANGE, 1000, 2000, 2001, false);
	port_case(VEM_ACL_PORT_RANGE, 1024, 2047, 2047, true);
	port_case(VEM_ACL_PORT_RANGE, 1024, 2047, 2048, false);
	port_case(VEM_ACL_PORT_RANGE, 5, 5, 5, true);
	port_case(VEM_ACL_PORT_RANGE, 5, 5, 6, false);
	port_case(VEM_ACL_PORT_RANGE, 65535, 65535, 65535, true);
	port_case(VEM_ACL_PORT_RANGE, 65535, 65535, 65534, false);
}

static void test_established(void)
{
	struct vem_acl_rule r = any4(VEM_ACL_PROTO_TCP);
	struct vem_acl_pkt p = pkt4("1.1.1.1", "2.2.2.2", VEM_ACL_PROTO_TCP, 1, 2);

	r.match |= VEM_ACL_M_ESTABLISHED;
	p.tcp_flags = VEM_ACL_TCP_ACK;
	expect1(r, p, true, "established: ACK matches");
	p.tcp_flags = VEM_ACL_TCP_RST;
	expect1(r, p, true, "established: RST matches");
	p.tcp_flags = 0x02;	/* SYN */
	expect1(r, p, false, "established: SYN alone does not");
	p.tcp_flags = 0xff & ~(VEM_ACL_TCP_ACK | VEM_ACL_TCP_RST);
	expect1(r, p, false, "established: all flags but ACK and RST do not");
	p.tcp_flags = VEM_ACL_TCP_ACK;
	p.flags = 0;
	expect1(r, p, false, "established: ACK in a non-first fragment does not");
}

static void test_dscp(void)
{
	struct vem_acl_rule r = ip4(VEM_ACL_PERMIT, "0.0.0.0", 0, "0.0.0.0", 0);
	struct vem_acl_pkt p = pkt4("1.1.1.1", "2.2.2.2", VEM_ACL_PROTO_UDP, 1, 2);

	r.match = VEM_ACL_M_DSCP;
	r.dscp = 46;
	p.dscp = 46;
	expect1(r, p, true, "dscp 46: ef matches");
	p.dscp = 47;
	expect1(r, p, false, "dscp 46: 47 does not");
	p.dscp = 46 | 0xc0;
	expect1(r, p, true, "dscp 46: high bits of the field are not read");
	r.dscp = 0;
	p.dscp = 0;
	expect1(r, p, true, "dscp 0: 0 matches");
	p.dscp = 63;
	expect1(r, p, false, "dscp 0: 63 does not");
	r.dscp = 63;
	expect1(r, p, true, "dscp 63: 63 matches");
	p.flags = 0;
	expect1(r, p, true, "dscp 63: a non-first fragment matches too");
}

static void test_mac(void)
{
	static const char *any = "00:00:00:00:00:00";
	static const char *host = "ff:ff:ff:ff:ff:ff";
	struct vem_acl_rule r;
	struct vem_acl_pkt p;

	r = mac(VEM_ACL_DENY, "02:00:00:00:00:01", host, any, any);
	p = pktmac("02:00:00:00:00:01", "02:00:00:00:00:02", 0x0806);
	expect1(r, p, true, "mac src host: the host matches");
	p.src_mac[5] = 3;
	expect1(r, p, false, "mac src host: another does not");
	r = mac(VEM_ACL_DENY, any, any, "00:1b:21:00:00:00", "ff:ff:ff:00:00:00");
	p = pktmac("02:00:00:00:00:01", "00:1b:21:12:34:56", 0x0800);
	expect1(r, p, true, "mac dst OUI mask: same OUI matches");
	p.dst_mac[2] = 0x22;
	expect1(r, p, false, "mac dst OUI mask: another OUI does not");
	r = mac(VEM_ACL_DENY, any, any, "01:00:00:00:00:00", "01:00:00:00:00:00");
	p = pktmac("02:00:00:00:00:01", "33:33:00:00:00:01", 0x86dd);
	expect1(r, p, true, "mac dst group bit: multicast matches");
	p.dst_mac[0] = 0x32;
	expect1(r, p, false, "mac dst group bit: unicast does not");
	r = mac(VEM_ACL_PERMIT, any, any, any, any);
	expect1(r, p, true, "mac any any: anything matches");
	r.match = VEM_ACL_M_ETHERTYPE;
	r.ethertype = 0x0806;
	p.ethertype = 0x0806;
	expect1(r, p, true, "mac any any 0x0806: ARP matches");
	p.ethertype = 0x0800;
	expect1(r, p, false, "mac any any 0x0806: IPv4 does not");
	p = pkt4("1.1.1.1", "2.2.2.2", 6, 1, 2);
	memcpy(p.dst_mac, "\x33\x33\0\0\0\1", 6);
	r = mac(VEM_ACL_DENY, any, any, "33:33:00:00:00:01", host);
	expect1(r, p, true, "a MAC list looks at the MACs of an IPv4 packet");
}

static void test_order(void)
{
	struct vem_acl_rule r[4];
	struct vem_acl_cls *cls = NULL;

	r[0] = ip4(VEM_ACL_DENY, "10.0.0.1", 32, "0.0.0.0", 0);
	r[1] = ip4(VEM_ACL_PERMIT, "0.0.0.0", 0, "0.0.0.0", 0);
	expect(r, 2, pkt4("10.0.0.1", "1.1.1.1", 6, 1, 1), 0,
	       "deny host, permit any: the host gets the deny");
	expect(r, 2, pkt4("10.0.0.2", "1.1.1.1", 6, 1, 1), 1,
	       "deny host, permit any: others get the permit");
	r[0] = r[1];
	r[1] = ip4(VEM_ACL_DENY, "10.0.0.1", 32, "0.0.0.0", 0);
	expect(r, 2, pkt4("10.0.0.1", "1.1.1.1", 6, 1, 1), 0,
	       "permit any, deny host: the host gets the permit");

	/* Four shapes; each packet matches several, the first one wins. */
	r[0] = any4(VEM_ACL_PROTO_TCP);
	r[0].dport = (struct vem_acl_port){ VEM_ACL_PORT_EQ, 22, 0 };
	r[1] = ip4(VEM_ACL_DENY, "10.0.0.0", 8, "0.0.0.0", 0);
	r[2] = ip4(VEM_ACL_PERMIT, "10.1.0.0", 16, "10.2.0.0", 16);
	r[3] = ip4(VEM_ACL_DENY, "0.0.0.0", 0, "10.2.3.4", 32);
	expect(r, 4, pkt4("10.1.1.1", "10.2.3.4", 6, 1, 22), 0,
	       "four shapes: tcp/22 from 10.1/16 to 10.2.3.4 gets entry 0");
	expect(r, 4, pkt4("10.1.1.1", "10.2.3.4", 6, 1, 23), 1,
	       "four shapes: tcp/23 gets entry 1");
	expect(r, 4, pkt4("11.1.1.1", "10.2.3.4", 6, 1, 23), 3,
	       "four shapes: from 11/8 gets entry 3");
	expect(r, 4, pkt4("11.1.1.1", "10.2.3.5", 6, 1, 23), -1,
	       "four shapes: none matches: implicit deny (-1)");

	ok(!vem_acl_cls_build(r, 4, &cls) &&
	   vem_acl_cls_permits(cls, 0) && !vem_acl_cls_permits(cls, 1) &&
	   vem_acl_cls_permits(cls, 2) && !vem_acl_cls_permits(cls, -1) &&
	   !vem_acl_cls_permits(cls, 4),
	   "permits(): the entry's action; -1 and past the end deny");
	vem_acl_cls_free(cls);
}

static void test_fragments(void)
{
	struct vem_acl_rule r = any4(VEM_ACL_PROTO_UDP);
	struct vem_acl_pkt p = pkt4("1.1.1.1", "2.2.2.2", VEM_ACL_PROTO_UDP, 0, 0);

	p.flags = 0;	/* a non-first fragment: no ports */
	expect1(r, p, true, "non-first fragment: matches udp any any");
	r.dport = (struct vem_acl_port){ VEM_ACL_PORT_EQ, 0, 0 };
	expect1(r, p, false, "non-first fragment: not eq 0 (no ports, not 0)");
	r.dport = (struct vem_acl_port){ VEM_ACL_PORT_RANGE, 0, 65535 };
	expect1(r, p, false, "non-first fragment: not range 0 65535");
	r.dport.op = VEM_ACL_PORT_ANY;
	r.sport = (struct vem_acl_port){ VEM_ACL_PORT_NEQ, 53, 0 };
	expect1(r, p, false, "non-first fragment: not sport neq 53");
	p.flags = VEM_ACL_PKT_L4;
	expect1(r, p, true, "the first fragment: sport neq 53 matches 0");
}

static void test_family(void)
{
	struct vem_acl_rule r4 = ip4(VEM_ACL_PERMIT, "0.0.0.0", 0, "0.0.0.0", 0);
	struct vem_acl_rule r6 = ip6(VEM_ACL_PERMIT, "::", 0, "::", 0);
	struct vem_acl_pkt p;

	expect1(r4, pkt6("::1", "::2", 6, 1, 2), false,
		"ipv4 list: an IPv6 packet gets -1");
	p = pkt4("1.1.1.1", "2.2.2.2", 6, 1, 2);
	expect1(r6, p, false, "ipv6 list: an IPv4 packet gets -1");
	p.family = VEM_ACL_MAC;
	expect1(r4, p, false, "ipv4 list: a non-IP packet gets -1");
}

static void test_empty(void)
{
	struct vem_acl_cls *cls = NULL;
	struct vem_acl_cls_info info;
	struct vem_acl_pkt p4 = pkt4("1.1.1.1", "2.2.2.2", 6, 1, 2);
	struct vem_acl_pkt p6 = pkt6("::1", "::2", 6, 1, 2);
	struct vem_acl_pkt pm = pktmac("02:00:00:00:00:01", "ff:ff:ff:ff:ff:ff",
				       0x0806);
	int ret = vem_acl_cls_build(NULL, 0, &cls);

	if (!ok(!ret && cls, "empty list: builds"))
		return;
	vem_acl_cls_info(cls, &info);
	ok(vem_acl_cls_match(cls, &p4) == -1 && vem_acl_cls_match(cls, &p6) == -1 &&
	   vem_acl_cls_match(cls, &pm) == -1 && info.rules == 0 &&
	   info.tables == 0,
	   "empty list: matches nothing (implicit deny), no table");
	vem_acl_cls_free(cls);
	vem_acl_cls_free(NULL);
}

/*
 * Entry r, second in a list of family: the build says -EINVAL and leaves
 * *out alone.
 */
static void refused(u8 family, struct vem_acl_rule r, const char *what)
{
	struct vem_acl_rule two[2] = { any4(VEM_ACL_PROTO_TCP), r };
	struct vem_acl_cls *cls = NULL;
	int ret;

	if (family == VEM_ACL_MAC)
		two[0] = mac(VEM_ACL_PERMIT, "0:0:0:0:0:0", "0:0:0:0:0:0",
			     "0:0:0:0:0:0", "0:0:0:0:0:0");
	else if (family == VEM_ACL_IPV6)
		two[0] = ip6(VEM_ACL_PERMIT, "::", 0, "::", 0);
	ret = vem_acl_cls_build(two, 2, &cls);
	if (!ok(ret == -EINVAL && !cls && !ref_valid(two, 2), "refused: %s",
		what))
		diag("build %d, reference valid %d", ret, ref_valid(two, 2));
	vem_acl_cls_free(cls);
}

static void test_refused(void)
{
	struct vem_acl_rule r;

	r = ip4(0, "0.0.0.0", 33, "0.0.0.0", 0);
	refused(VEM_ACL_IPV4, r, "ipv4 src /33");
	r = ip6(0, "::", 0, "::", 129);
	refused(VEM_ACL_IPV6, r, "ipv6 dst /129");
	r = any4(VEM_ACL_PROTO_TCP);
	r.match |= VEM_ACL_M_DSCP;
	r.dscp = 64;
	refused(VEM_ACL_IPV4, r, "dscp 64");
	r = any4(VEM_ACL_PROTO_TCP);
	r.dport = (struct vem_acl_port){ VEM_ACL_PORT_RANGE, 2, 1 };
	refused(VEM_ACL_IPV4, r, "range 2 1");
	r.dport = (struct vem_acl_port){ 6, 1, 1 };
	refused(VEM_ACL_IPV4, r, "port op 6");
	r = any4(VEM_ACL_PROTO_ICMP);
	r.dport = (struct vem_acl_port){ VEM_ACL_PORT_EQ, 1, 0 };
	refused(VEM_ACL_IPV4, r, "icmp with a port");
	r.match = 0;
	refused(VEM_ACL_IPV4, r, "a port without a protocol");
	r = any4(VEM_ACL_PROTO_UDP);
	r.match |= VEM_ACL_M_ESTABLISHED;
	refused(VEM_ACL_IPV4, r, "udp established");
	r = any4(VEM_ACL_PROTO_TCP);
	r.match |= VEM_ACL_M_ETHERTYPE;
	refused(VEM_ACL_IPV4, r, "ipv4 entry with an ethertype");
	r = any4(VEM_ACL_PROTO_TCP);
	r.dst_mac_mask[0] = 1;
	refused(VEM_ACL_IPV4, r, "ipv4 entry with a MAC mask");
	r = any4(VEM_ACL_PROTO_TCP);
	r.action = 2;
	refused(VEM_ACL_IPV4, r, "action 2");
	r.action = 0;
	r.match |= 0x80;
	refused(VEM_ACL_IPV4, r, "unknown condition bit");
	r = mac(0, "0:0:0:0:0:0", "0:0:0:0:0:0", "0:0:0:0:0:0", "0:0:0:0:0:0");
	r.match = VEM_ACL_M_PROTO;
	refused(VEM_ACL_MAC, r, "MAC entry with a protocol");
	r = mac(0, "0:0:0:0:0:0", "0:0:0:0:0:0", "0:0:0:0:0:0", "0:0:0:0:0:0");
	r.src_len = 8;
	refused(VEM_ACL_MAC, r, "MAC entry with a prefix length");
	r = ip4(0, "0.0.0.0", 0, "0.0.0.0", 0);
	refused(VEM_ACL_IPV6, r, "an ipv4 entry in an ipv6 list");
	r.family = 3;
	refused(VEM_ACL_IPV4, r, "family 3");
	{
		struct vem_acl_cls *cls = NULL;

		ok(vem_acl_cls_build(&r, 1, &cls) == -EINVAL && !cls,
		   "refused: a list of family 3");
	}
}

static void test_bounds(void)
{
	unsigned int n = VEM_ACL_MAX_RULES + 1, i;
	struct vem_acl_rule *r = calloc(n, sizeof(*r));
	struct vem_acl_cls *cls = NULL;
	struct vem_acl_cls_info info;
	struct vem_acl_pkt p;

	for (i = 0; i < n; i++) {
		r[i] = any4(VEM_ACL_PROTO_UDP);
		r[i].dport = (struct vem_acl_port){ VEM_ACL_PORT_EQ, i, 0 };
	}
	ok(vem_acl_cls_build(r, n, &cls) == -E2BIG && !cls,
	   "%u entries: -E2BIG", n);
	if (ok(!vem_acl_cls_build(r, n - 1, &cls), "%u entries: builds", n - 1)) {
		p = pkt4("1.1.1.1", "2.2.2.2", VEM_ACL_PROTO_UDP, 1, n - 2);
		vem_acl_cls_info(cls, &info);
		ok(vem_acl_cls_match(cls, &p) == (int)n - 2 && info.tables == 1,
		   "%u entries: the last matches, one table", n - 1);
		vem_acl_cls_free(cls);
	}
	free(r);
}

/*
 * A list like an operator's: hosts, subnets, services, a few ranges and
 * "established", then permit any. It must compile to a few tables and
 * match the way the reference does.
 */
static void test_realistic(void)
{
	unsigned int n = 1000, i, agree = 0, npkts = 20000;
	struct vem_acl_rule *r = calloc(n, sizeof(*r));
	struct acl_src s = { .rng = 42 };
	struct vem_acl_cls *cls = NULL;
	struct vem_acl_cls_info info;

	for (i = 0; i < n - 1; i++) {
		u8 a = i & 0xff, b = (i >> 8) & 0xff;
		char addr[32];

		switch (i % 8) {
		case 0: case 1: case 2:		/* deny ip host X any */
			snprintf(addr, sizeof(addr), "10.%u.%u.%u", b, a, i % 7 + 1);
			r[i] = ip4(VEM_ACL_DENY, addr, 32, "0.0.0.0", 0);
			break;
		case 3: case 4:			/* permit tcp any host X eq P */
			snprintf(addr, sizeof(addr), "172.16.%u.%u", b, a);
			r[i] = ip4(VEM_ACL_PERMIT, "0.0.0.0", 0, addr, 32);
			r[i].match = VEM_ACL_M_PROTO;
			r[i].proto = VEM_ACL_PROTO_TCP;
			r[i].dport = (struct vem_acl_port){
				VEM_ACL_PORT_EQ, 80 + i % 3 * 363, 0 };
			break;
		case 5:				/* deny ip X/24 any */
			snprintf(addr, sizeof(addr), "192.168.%u.0", a);
			r[i] = ip4(VEM_ACL_DENY, addr, 24, "0.0.0.0", 0);
			break;
		case 6:				/* udp X/16 Y/16 range */
			snprintf(addr, sizeof(addr), "10.%u.0.0", a);
			r[i] = ip4(VEM_ACL_PERMIT, addr, 16, "10.250.0.0", 16);
			r[i].match = VEM_ACL_M_PROTO;
			r[i].proto = VEM_ACL_PROTO_UDP;
			r[i].dport = (struct vem_acl_port){
				VEM_ACL_PORT_RANGE, 1000 + a, 2000 + a };
			break;
		default:			/* tcp X/24 any established */
			snprintf(addr, sizeof(addr), "10.%u.%u.0", b, a);
			r[i] = ip4(VEM_ACL_PERMIT, addr, 24, "0.0.0.0", 0);
			r[i].match = VEM_ACL_M_PROTO | VEM_ACL_M_ESTABLISHED;
			r[i].proto = VEM_ACL_PROTO_TCP;
			break;
		}
	}
	r[n - 1] = ip4(VEM_ACL_PERMIT, "0.0.0.0", 0, "0.0.0.0", 0);
	if (!ok(!vem_acl_cls_build(r, n, &cls), "1000-entry list: builds"))
		goto out;
	vem_acl_cls_info(cls, &info);
	if (!ok(info.tables <= 6 && info.max_chain <= 4,
		"1000-entry list: %u tables, chains of %u at most",
		info.tables, info.max_chain))
		diag("expected at most 6 tables and chains of 4");
	memcpy(s.addr[0], "\x0a\0\x07\x01", 4);
	memcpy(s.addr[1], "\xac\x10\x00\x04", 4);
	memcpy(s.addr[2], "\xc0\xa8\x05\x00", 4);
	memcpy(s.addr[3], "\x0a\xfa\x00\x00", 4);
	for (i = 0; i < npkts; i++) {
		struct vem_acl_pkt p;

		gen_pkt(&s, VEM_ACL_IPV4, r, n, &p);
		agree += vem_acl_cls_match(cls, &p) == ref_match(r, n, &p);
	}
	ok(agree == npkts, "1000-entry list: %u of %u packets as the reference",
	   agree, npkts);
	vem_acl_cls_free(cls);
out:
	free(r);
}

/*
 * Random lists (valid ones, of each family) and random packets, many of
 * them on the edges of the lists' entries: the classifier must agree with
 * the reference on every packet.
 */
static void test_random(u8 family, unsigned int lists, uint64_t seed)
{
	static const char *names[] = { "mac", "ipv4", "ipv6" };
	unsigned int l, i, n, npkts = 0, nmatch = 0, bad = 0;
	struct vem_acl_rule *r = calloc(600, sizeof(*r));
	struct acl_src s = { .rng = seed };

	for (l = 0; l < lists && !bad; l++) {
		struct vem_acl_cls *cls = NULL;
		int ret;

		gen_pools(&s);
		n = src_below(&s, 8) ? src_below(&s, 40) : src_below(&s, 600);
		for (i = 0; i < n; i++)
			gen_rule(&s, family, &r[i]);
		ret = vem_acl_cls_build(r, n, &cls);
		if (ret) {
			diag("list %u: build says %d", l, ret);
			bad++;
			break;
		}
		for (i = 0; i < 300; i++) {
			struct vem_acl_pkt p;
			int got, want;

			gen_pkt(&s, family, r, n, &p);
			got = vem_acl_cls_match(cls, &p);
			want = ref_match(r, n, &p);
			npkts++;
			nmatch += want >= 0;
			if (got != want) {
				diag("list %u (%u entries), packet %u: classifier %d, reference %d",
				     l, n, i, got, want);
				bad++;
				break;
			}
		}
		vem_acl_cls_free(cls);
	}
	ok(!bad, "random %s lists: %u lists, %u packets (%u matched), as the reference",
	   names[family], l, npkts, nmatch);
	free(r);
}

/* Every entry a shape of its own: the build stays bounded and right. */
static void test_many_shapes(void)
{
	unsigned int n = VEM_ACL_MAX_RULES, i, agree = 0;
	struct vem_acl_rule *r = calloc(n, sizeof(*r));
	struct acl_src s = { .rng = 7 };
	struct vem_acl_cls *cls = NULL;
	struct vem_acl_cls_info info;
	struct timespec t0, t1;
	double ms;
	int ret;

	for (i = 0; i < n; i++) {
		r[i] = ip6(VEM_ACL_DENY, "2001:db8::", i % 129, "2001:db8::",
			   i / 129 % 129);
		src_bytes(&s, r[i].src, 16);
	}
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
	ret = vem_acl_cls_build(r, n, &cls);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
	if (!ok(!ret, "%u entries of %u shapes: builds (%.0f ms of CPU)", n, n,
		ms))
		goto out;
	vem_acl_cls_info(cls, &info);
	diag("%u shapes: %u tables, chains of %u at most, %zu bytes", n,
	     info.tables, info.max_chain, info.bytes);
	gen_pools(&s);
	memcpy(s.addr[0], r[5].src, 16);
	memcpy(s.addr[1], "\x20\x01\x0d\xb8", 4);
	for (i = 0; i < 2000; i++) {
		struct vem_acl_pkt p;

		gen_pkt(&s, VEM_ACL_IPV6, r, n, &p);
		agree += vem_acl_cls_match(cls, &p) == ref_match(r, n, &p);
	}
	ok(agree == 2000, "%u shapes: %u of 2000 packets as the reference", n,
	   agree);
	vem_acl_cls_free(cls);
out:
	free(r);
}

int main(void)
{
	tap_init();
	test_proto();
	test_prefix();
	test_ipv6();
	test_ports();
	test_established();
	test_dscp();
	test_mac();
	test_order();
	test_fragments();
	test_family();
	test_empty();
	test_refused();
	test_bounds();
	test_realistic();
	test_many_shapes();
	test_random(VEM_ACL_IPV4, 2000, 1);
	test_random(VEM_ACL_IPV6, 1000, 2);
	test_random(VEM_ACL_MAC, 1000, 3);
	return tap_exit();
}
