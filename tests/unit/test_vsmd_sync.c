// SPDX-License-Identifier: GPL-2.0
/*
 * test_vsmd_sync.c - vsmctl/vsmd_sync.c over the fake kernel: the mapping
 * of profiles and interfaces to kernel objects, the fewest operations on
 * a change, reconciliation (matching things left alone, differing things
 * fixed, stale things removed) and orders the kernel accepts.
 */

#include <errno.h>

#include "config.h"
#include "fake_kernel.h"
#include "parse.h"
#include "vsmd_sync.h"
#include "tap.h"

static struct fake_kernel fk;
static struct vsmd_kernel k = { &fake_kernel_ops, &fk };
static struct vsmd_sync_stats st;
static char err[VSMD_ERR_LEN];

static const char base_cfg[] =
	"vlan 10,20,30\n"
	"port-profile type vethernet base\n"
	"  switchport mode access\n"
	"  switchport access vlan 10\n"
	"  state enabled\n"
	"port-profile type vethernet web\n"
	"  inherit port-profile base\n"
	"  max-ports 4\n"
	"  state enabled\n"
	"port-profile type ethernet uplink\n"
	"  switchport mode trunk\n"
	"  switchport trunk allowed vlan 10,20\n"
	"  state enabled\n"
	"interface vethernet 3\n"
	"  inherit port-profile web\n"
	"  switchport access vlan 20\n"
	"interface vethernet 4\n"
	"  inherit port-profile web\n"
	"interface vethernet 9\n"
	"  switchport access vlan 30\n"
	"interface ethernet 1\n"
	"  inherit port-profile uplink\n";

static int apply(struct config *cfg, const char *text)
{
	struct config_error cerr;
	int ret = config_apply(cfg, text, strlen(text), &cerr);

	if (ret)
		diag("config: %s", cerr.msg);
	return ret;
}

static int sync(const struct config *cfg)
{
	fk.log[0] = '\0';
	return vsmd_sync(&k, cfg, &st, err, sizeof(err));
}

static bool ops(unsigned int pn, unsigned int ps, unsigned int pd,
		unsigned int n, unsigned int s, unsigned int d)
{
	if (st.profiles_new == pn && st.profiles_set == ps &&
	    st.profiles_del == pd && st.ports_new == n && st.ports_set == s &&
	    st.ports_del == d)
		return true;
	diag("profiles +%u ~%u -%u, ports +%u ~%u -%u; log:\n%s",
	     st.profiles_new, st.profiles_set, st.profiles_del, st.ports_new,
	     st.ports_set, st.ports_del, fk.log);
	return false;
}

static struct port_info view(uint8_t type, uint32_t id)
{
	struct fake_port *fp = fake_kernel_port(&fk, type, id);
	struct port_info p;

	memset(&p, 0, sizeof(p));
	if (fp)
		fake_kernel_view(&fk, fp, &p);
	return p;
}

static uint64_t counter(uint32_t id)
{
	struct fake_port *fp = fake_kernel_port(&fk, VEM_PORT_VETH, id);

	return fp ? fp->counter : 0;
}

static void test_fresh(struct config *cfg)
{
	struct profile_info *pp;
	struct port_info p;

	fake_kernel_reset(&fk);
	ok(!apply(cfg, base_cfg), "the base configuration applies");
	ok(!sync(cfg) && ops(3, 0, 0, 4, 0, 0),
	   "empty kernel: 3 profiles and 4 ports created");
	pp = fake_kernel_profile(&fk, "web");
	ok(pp && pp->type == VEM_PORT_VETH && pp->mode == VEM_PORT_MODE_ACCESS &&
	   pp->access_vlan == 10 && pp->max_ports == 4 && pp->enabled,
	   "web carries its evaluated attributes (access vlan 10 from base)");
	pp = fake_kernel_profile(&fk, "uplink");
	ok(pp && pp->type == VEM_PORT_UPLINK && pp->mode == VEM_PORT_MODE_TRUNK &&
	   vlan_bitmap_test(pp->trunk_vlans, 20) &&
	   !vlan_bitmap_test(pp->trunk_vlans, 30) &&
	   pp->max_ports == VEM_PROFILE_PORTS_MAX,
	   "an ethernet profile: trunk 10,20, max-ports not limiting");
	p = view(VEM_PORT_VETH, 3);
	ok(!strcmp(p.profile, "web") && p.own == VEM_CFG_ACCESS_VLAN &&
	   p.access_vlan == 20 && p.mode == VEM_PORT_MODE_ACCESS,
	   "vethernet 3: bound to web, sets only its access vlan 20");
	p = view(VEM_PORT_VETH, 4);
	ok(!strcmp(p.profile, "web") && p.own == 0 && p.access_vlan == 10,
	   "vethernet 4: all from web");
	p = view(VEM_PORT_VETH, 9);
	ok(!p.profile[0] && p.own == VSMD_CFG_ITEMS && p.access_vlan == 30,
	   "vethernet 9: no profile, sets every item");
	p = view(VEM_PORT_UPLINK, 1);
	ok(!strcmp(p.profile, "uplink") && p.own == 0,
	   "ethernet 1: bound to uplink");
}

static void test_idempotent(struct config *cfg)
{
	uint64_t c3 = counter(3);

	ok(!sync(cfg) && ops(0, 0, 0, 0, 0, 0) && !fk.log[0],
	   "the same configuration again: no operation at all");
	ok(counter(3) == c3, "vethernet 3 keeps its counters");
}

static void test_change_profile(struct config *cfg)
{
	uint64_t c4 = counter(4);

	ok(!apply(cfg, "port-profile type vethernet base\n  switchport access vlan 30\n"),
	   "change base's access vlan");
	ok(!sync(cfg) && ops(0, 2, 0, 0, 0, 0),
	   "one PROFILE_SET per profile evaluating differently (base, web), no port touched");
	ok(view(VEM_PORT_VETH, 4).access_vlan == 30 && counter(4) == c4,
	   "vethernet 4 follows through its profile, counters kept");
	ok(view(VEM_PORT_VETH, 3).access_vlan == 20,
	   "vethernet 3 keeps its own access vlan");
}

static void test_change_iface(struct config *cfg)
{
	ok(!apply(cfg, "interface vethernet 3\n  no switchport access vlan\n  shutdown\n"),
	   "vethernet 3: drop its access vlan, shut it");
	ok(!sync(cfg) && ops(0, 0, 0, 0, 1, 0), "one PORT_SET");
	ok(view(VEM_PORT_VETH, 3).own == VEM_CFG_SHUTDOWN &&
	   view(VEM_PORT_VETH, 3).access_vlan == 30 &&
	   view(VEM_PORT_VETH, 3).shutdown,
	   "own shutdown, access vlan from the profile again (cleared)");
}

static void test_reconcile(struct config *cfg)
{
	struct fake_port *fp;
	struct profile_info *pp;
	uint64_t c3 = counter(3), c9 = counter(9);

	/* Someone changed the kernel behind vsmd's back. */
	fp = fake_kernel_port(&fk, VEM_PORT_VETH, 4);
	fp->p.own |= VEM_CFG_NATIVE_VLAN;
	fp->p.native_vlan = 99;
	pp = fake_kernel_profile(&fk, "uplink");
	pp->native_vlan = 7;
	pp = &fk.profiles[fk.nprofiles++];
	memset(pp, 0, sizeof(*pp));
	strcpy(pp->name, "stale");
	pp->type = VEM_PORT_VETH;
	pp->enabled = true;
	pp->max_ports = 32;
	fp = &fk.ports[fk.nports++];
	memset(fp, 0, sizeof(*fp));
	fp->p.ref.type = VEM_PORT_VETH;
	fp->p.ref.id = 50;
	strcpy(fp->p.profile, "stale");

	ok(!sync(cfg) && ops(0, 1, 1, 0, 1, 1),
	   "reconcile: uplink fixed, vethernet 4 fixed, stale port and profile removed");
	ok(view(VEM_PORT_VETH, 4).own == 0 &&
	   fake_kernel_profile(&fk, "uplink")->native_vlan == 1 &&
	   !fake_kernel_profile(&fk, "stale") &&
	   !fake_kernel_port(&fk, VEM_PORT_VETH, 50),
	   "the kernel is as configured");
	ok(counter(3) == c3 && counter(9) == c9,
	   "the ports that matched were left alone (counters kept)");
}

static void test_move_and_rename(struct config *cfg)
{
	uint64_t c3 = counter(3), c4 = counter(4);

	ok(!apply(cfg,
		  "port-profile type vethernet web2\n"
		  "  inherit port-profile base\n"
		  "  switchport access vlan 20\n"
		  "  state enabled\n"
		  "interface vethernet 3\n  inherit port-profile web2\n"
		  "interface vethernet 4\n  inherit port-profile web2\n"
		  "no port-profile web\n"),
	   "rename web to web2 (new profile, ports move, web removed)");
	ok(!sync(cfg), "the kernel accepts the order of operations");
	if (err[0])
		diag("%s", err);
	ok(!fake_kernel_profile(&fk, "web") &&
	   !strcmp(view(VEM_PORT_VETH, 3).profile, "web2") &&
	   !strcmp(view(VEM_PORT_VETH, 4).profile, "web2") &&
	   view(VEM_PORT_VETH, 4).access_vlan == 20 &&
	   view(VEM_PORT_VETH, 4).own == 0,
	   "both ports on web2, web gone");
	ok(counter(3) == c3 && counter(4) == c4, "ports moved, not recreated");
}

static void test_disable(struct config *cfg)
{
	struct port_info p;

	ok(!apply(cfg, "port-profile type vethernet web2\n  no state enabled\n"),
	   "disable web2 while two interfaces inherit it");
	ok(!sync(cfg), "the kernel accepts it (ports detached first)");
	if (err[0])
		diag("%s", err);
	p = view(VEM_PORT_VETH, 4);
	ok(!fake_kernel_profile(&fk, "web2")->enabled && !p.profile[0] &&
	   p.own == VSMD_CFG_ITEMS && p.shutdown,
	   "web2 disabled; vethernet 4 unbound and shut");
	ok(!apply(cfg, "port-profile type vethernet web2\n  state enabled\n") &&
	   !sync(cfg) && ops(0, 1, 0, 0, 2, 0) &&
	   !strcmp(view(VEM_PORT_VETH, 4).profile, "web2") &&
	   view(VEM_PORT_VETH, 4).own == 0 && !view(VEM_PORT_VETH, 4).shutdown,
	   "enable it again: both rebound, own items cleared");
}

static void test_retype(struct config *cfg)
{
	ok(!apply(cfg,
		  "interface vethernet 3\n  no inherit port-profile web2\n"
		  "interface vethernet 4\n  no inherit port-profile web2\n"
		  "no port-profile web2\n"
		  "port-profile type ethernet web2\n  state enabled\n"
		  "interface ethernet 2\n  inherit port-profile web2\n"),
	   "web2 becomes an ethernet profile");
	ok(!sync(cfg), "the kernel accepts the order");
	if (err[0])
		diag("%s", err);
	ok(fake_kernel_profile(&fk, "web2")->type == VEM_PORT_UPLINK &&
	   !strcmp(view(VEM_PORT_UPLINK, 2).profile, "web2") &&
	   !view(VEM_PORT_VETH, 3).profile[0],
	   "recreated with its new type, ethernet 2 bound");
}

static void test_refusal(struct config *cfg)
{
	ok(!apply(cfg, "port-profile type vethernet db\n  state enabled\n"),
	   "a new profile");
	fk.fail_op = "profile_new db";
	fk.fail_errno = ENOMEM;
	ok(sync(cfg) == -ENOMEM &&
	   !strcmp(err, "create port-profile db: injected failure"),
	   "a kernel refusal comes back with what and why");
	ok(!sync(cfg) && ops(1, 0, 0, 0, 0, 0), "and the next sync finishes the job");
}

static void test_empty(struct config *cfg)
{
	config_free(cfg);
	config_init(cfg);
	ok(!sync(cfg) && !fk.nports && !fk.nprofiles,
	   "an empty configuration empties the kernel");
}

static void test_desired_max(void)
{
	struct vsmd_kstate want;
	struct config cfg;

	config_init(&cfg);
	ok(!apply(&cfg, "port-profile type vethernet p\n  max-ports 2\n  state enabled\n"
			"interface vethernet 1\n  inherit port-profile p\n"
			"interface vethernet 2\n  inherit port-profile p\n") &&
	   !vsmd_desired(&cfg, &want) && want.nprofiles == 1 &&
	   want.profiles[0].max_ports == 2 && want.nports == 2,
	   "vsmd_desired: one profile, two ports");
	vsmd_kstate_free(&want);
	fake_kernel_reset(&fk);
	ok(!sync(&cfg), "a full profile");
	ok(!apply(&cfg, "interface vethernet 2\n  no inherit port-profile p\n"
			"port-profile type vethernet p\n  max-ports 1\n") &&
	   !sync(&cfg) && fake_kernel_profile(&fk, "p")->max_ports == 1,
	   "shrinking it while a port leaves: the port leaves first");
	if (err[0])
		diag("%s", err);
	config_free(&cfg);
}

/* Access-lists: created first, named by profiles and ports, replaced
 * when edited, left alone when unchanged, deleted last. */
static void test_acls(void)
{
	struct acl_info *a;
	struct port_info p;
	struct config cfg;

	config_init(&cfg);
	fake_kernel_reset(&fk);
	ok(!apply(&cfg, "ip access-list web-in\n"
			"  10 remark the web servers\n"
			"  20 permit tcp any 10.0.0.0/24 eq 80\n"
			"  30 deny ip any any\n"
			"mac access-list no-ipx\n"
			"  10 deny any any 0x8137\n"
			"  20 permit any any\n"
			"port-profile type vethernet web\n"
			"  ip port access-group web-in in\n"
			"  state enabled\n"
			"interface vethernet 1\n"
			"  inherit port-profile web\n"
			"interface vethernet 2\n"
			"  inherit port-profile web\n"
			"  mac port access-group no-ipx out\n") &&
	   !sync(&cfg) && st.acls_new == 2, "two ACLs created");
	if (err[0])
		diag("%s", err);
	a = fake_kernel_acl(&fk, "web-in");
	ok(a && a->family == VEM_ACL_FAMILY_IPV4 && a->n == 2 &&
	   a->entries[0].seq == 20 && a->entries[0].has_proto &&
	   a->entries[0].proto == 6 && a->entries[0].dst_len == 24 &&
	   a->entries[0].dport_op == VEM_ACE_PORT_EQ &&
	   a->entries[0].dport_lo == 80 && a->entries[0].dport_hi == 0 &&
	   a->entries[1].action == VEM_ACE_DENY && !a->entries[1].has_proto,
	   "web-in: the remark left out, the entries mapped");
	a = fake_kernel_acl(&fk, "no-ipx");
	ok(a && a->family == VEM_ACL_FAMILY_MAC && a->n == 2 &&
	   a->entries[0].has_ethertype && a->entries[0].ethertype == 0x8137,
	   "no-ipx: a MAC ACL with its ethertype");
	ok(!strcmp(fake_kernel_profile(&fk, "web")->acl[0], "web-in"),
	   "the profile names web-in (ip in)");
	p = view(VEM_PORT_VETH, 1);
	ok(!strcmp(p.acl[0], "web-in") && !p.acl[5][0] &&
	   !(p.own & VEM_CFG_ACL_IP_IN), "vethernet 1 has it from the profile");
	p = view(VEM_PORT_VETH, 2);
	ok(!strcmp(p.acl[0], "web-in") && !strcmp(p.acl[5], "no-ipx") &&
	   (p.own & VEM_CFG_ACL_MAC_OUT), "vethernet 2 adds its own mac out");

	ok(!sync(&cfg) && !st.acls_new && !st.acls_set && !st.acls_del &&
	   ops(0, 0, 0, 0, 0, 0), "in sync: nothing done");
	ok(!apply(&cfg, "ip access-list web-in\n  25 permit udp any any\n") &&
	   !sync(&cfg) && st.acls_set == 1 && !st.acls_new &&
	   ops(0, 0, 0, 0, 0, 0), "an entry added: the ACL replaced, nothing else");
	ok(fake_kernel_acl(&fk, "web-in")->n == 3, "with three entries");
	ok(!apply(&cfg, "mac access-list no-ipx2\n  10 permit any any\n"
			"interface vethernet 2\n  mac port access-group no-ipx2 out\n") &&
	   !sync(&cfg) && st.acls_new == 1 && ops(0, 0, 0, 0, 1, 0),
	   "a port's own slot names another ACL: the port set");
	p = view(VEM_PORT_VETH, 2);
	ok(!strcmp(p.acl[5], "no-ipx2"), "vethernet 2 now names no-ipx2");
	ok(!apply(&cfg, "interface vethernet 2\n  mac port access-group no-ipx out\n"
			"no mac access-list no-ipx2\n") &&
	   !sync(&cfg) && st.acls_del == 1 && !strcmp(view(VEM_PORT_VETH, 2).acl[5], "no-ipx"),
	   "and back, the other one deleted");
	ok(!apply(&cfg, "interface vethernet 2\n  no mac port access-group no-ipx out\n"
			"no mac access-list no-ipx\n") &&
	   !sync(&cfg) && st.acls_del == 1 && !fake_kernel_acl(&fk, "no-ipx"),
	   "unattached and deleted in one batch: the port first, then the ACL");
	if (err[0])
		diag("%s", err);
	p = view(VEM_PORT_VETH, 2);
	ok(!p.acl[5][0] && !(p.own & VEM_CFG_ACL_MAC_OUT),
	   "vethernet 2 no longer owns the slot");
	config_free(&cfg);
	fake_kernel_reset(&fk);
}

/* Policy-maps: created before what names them, deleted after. */
static void test_qos(void)
{
	struct qos_info *q;
	struct port_info p;
	struct config cfg;

	config_init(&cfg);
	fake_kernel_reset(&fk);
	ok(!apply(&cfg, "policy-map type qos GOLD\n"
			"  class class-default\n"
			"    police cir 10 mbps conform transmit violate drop\n"
			"    set cos 5\n"
			"port-profile type vethernet voip\n"
			"  service-policy input GOLD\n"
			"  state enabled\n"
			"interface vethernet 1\n"
			"  inherit port-profile voip\n"
			"interface vethernet 2\n"
			"  inherit port-profile voip\n"
			"  service-policy output GOLD\n") &&
	   !sync(&cfg) && st.qos_new == 1, "a policy-map created");
	if (err[0])
		diag("%s", err);
	ok(!strncmp(fk.log, "qos_new GOLD\n", 13),
	   "created first, before the profile and ports that name it");
	q = fake_kernel_qos(&fk, "GOLD");
	ok(q && q->cir == 10000000 && q->bc == 625000 && q->has_cos &&
	   q->cos == 5 && !q->has_dscp, "GOLD: 10 Mbit/s, the default burst explicit, cos 5");
	ok(!strcmp(fake_kernel_profile(&fk, "voip")->qos[0], "GOLD"),
	   "the profile names it as input");
	p = view(VEM_PORT_VETH, 2);
	ok(!strcmp(p.qos[0], "GOLD") && !strcmp(p.qos[1], "GOLD") &&
	   (p.own & VEM_CFG_QOS_OUT) && !(p.own & VEM_CFG_QOS_IN),
	   "vethernet 2: input from the profile, output its own");
	ok(!sync(&cfg) && !st.qos_new && !st.qos_set && !st.qos_del &&
	   ops(0, 0, 0, 0, 0, 0), "in sync: nothing done");
	ok(!apply(&cfg, "policy-map type qos GOLD\n  class class-default\n"
			"    set dscp 46\n") &&
	   !sync(&cfg) && st.qos_set == 1 && ops(0, 0, 0, 0, 0, 0) &&
	   fake_kernel_qos(&fk, "GOLD")->has_dscp,
	   "a change: the policy replaced, nothing else");
	ok(!apply(&cfg, "interface vethernet 2\n  no service-policy output\n"
			"port-profile type vethernet voip\n  no service-policy input\n"
			"no policy-map GOLD\n") &&
	   !sync(&cfg) && st.qos_del == 1 && !fake_kernel_qos(&fk, "GOLD"),
	   "unattached and deleted in one batch: the users first");
	if (err[0])
		diag("%s", err);
	p = view(VEM_PORT_VETH, 2);
	ok(!p.qos[0][0] && !p.qos[1][0] && !(p.own & VEM_CFG_QOS_OUT),
	   "vethernet 2 names none");
	config_free(&cfg);
	fake_kernel_reset(&fk);
}

/* Port security: items through profiles, sticky addresses as static entries. */
static void test_psec(void)
{
	static const uint8_t a[6] = { 0, 0x50, 0x56, 0xa1, 0, 1 };
	static const uint8_t b[6] = { 0, 0x50, 0x56, 0xa1, 0, 2 };
	static const uint8_t other[6] = { 0, 0x50, 0x56, 0xa1, 0, 9 };
	struct config cfg;
	struct profile_info *pp;
	struct fdb_entry *e;
	struct port_info p;

	fake_kernel_reset(&fk);
	config_init(&cfg);
	ok(!apply(&cfg, "port-profile type vethernet secure\n"
			"  switchport port-security\n"
			"  switchport port-security maximum 2\n"
			"  switchport port-security violation restrict\n"
			"  state enabled\n"
			"interface vethernet 1\n"
			"  inherit port-profile secure\n"
			"  switchport port-security mac-address sticky\n"
			"  switchport port-security mac-address sticky 0050.56a1.0001 vlan 1\n"
			"interface vethernet 2\n"
			"  switchport port-security\n"
			"  switchport port-security maximum 5\n"),
	   "port security in a profile and on interfaces");
	ok(!sync(&cfg), "pushed");
	pp = fake_kernel_profile(&fk, "secure");
	ok(pp && pp->psec.on && pp->psec.max == 2 &&
	   pp->psec.violation == VEM_PSEC_RESTRICT && !pp->psec.sticky,
	   "the profile carries its port-security items");
	p = view(VEM_PORT_VETH, 1);
	ok(p.own == VEM_CFG_PSEC_STICKY && p.psec.on && p.psec.max == 2 &&
	   p.psec.sticky, "vethernet 1: owns sticky only, the rest from the profile");
	p = view(VEM_PORT_VETH, 2);
	ok(p.own == VSMD_CFG_ITEMS && p.psec.on && p.psec.max == 5 &&
	   p.psec.violation == VEM_PSEC_SHUTDOWN,
	   "vethernet 2: no profile, every item its own (shutdown by default)");
	e = fake_kernel_fdb(&fk, a, 1);
	ok(e && (e->flags & VEM_FDB_F_STATIC) && e->port.id == 1 &&
	   fk.nfdb == 1, "the sticky address is a static entry of vethernet 1");
	ok(!sync(&cfg) && !fk.log[0], "in sync: nothing done");

	/* A stray static entry on the sticky port goes; the kernel lost one. */
	fk.fdb[0].port.id = 2;
	fk.fdb[1] = fk.fdb[0];
	memcpy(fk.fdb[1].mac, other, 6);
	fk.fdb[1].port.id = 1;
	fk.nfdb = 2;
	ok(!sync(&cfg) && strstr(fk.log, "fdb_new 0001 vlan 1 Veth1") &&
	   strstr(fk.log, "fdb_del 0009 vlan 1"),
	   "reconcile: the sticky address moved back, a stray static removed");
	ok(fk.nfdb == 1 && fake_kernel_fdb(&fk, a, 1)->port.id == 1,
	   "only the sticky address is left");

	ok(!apply(&cfg, "interface vethernet 1\n"
			"  switchport port-security mac-address sticky 0050.56a1.0002 vlan 1\n"
			"  no switchport port-security mac-address sticky 0050.56a1.0001 vlan 1\n"),
	   "one sticky address replaced by another");
	ok(!sync(&cfg) && fk.nfdb == 1 && fake_kernel_fdb(&fk, b, 1) &&
	   !fake_kernel_fdb(&fk, a, 1), "the kernel follows");
	ok(!apply(&cfg, "interface vethernet 1\n"
			"  no switchport port-security\n"), "port security off");
	ok(!sync(&cfg) && fake_kernel_port(&fk, VEM_PORT_VETH, 1)->p.own ==
	   (VEM_CFG_PSEC | VEM_CFG_PSEC_STICKY) && fk.nfdb == 1,
	   "off over the profile; the configured address stays static");
	ok(!apply(&cfg, "no interface vethernet 1\n"), "vethernet 1 removed");
	ok(!sync(&cfg) && fk.nfdb == 0, "its entries go with it");
	config_free(&cfg);
}

int main(void)
{
	struct config cfg;

	tap_init();
	config_init(&cfg);
	test_fresh(&cfg);
	test_idempotent(&cfg);
	test_change_profile(&cfg);
	test_change_iface(&cfg);
	test_reconcile(&cfg);
	test_move_and_rename(&cfg);
	test_disable(&cfg);
	test_retype(&cfg);
	test_refusal(&cfg);
	test_empty(&cfg);
	test_desired_max();
	test_acls();
	test_qos();
	test_psec();
	config_free(&cfg);
	return tap_exit();
}
