// SPDX-License-Identifier: GPL-2.0
/*
 * test_vsmd.c - vsmd's request path whole (vsmd_serve.c, vsmd_show.c)
 * over the fake kernel and a file store in a temporary directory: start
 * (load, reconcile, refuse a corrupt startup-config), configure (all or
 * nothing, kernel included), show running-config and port-profile in text
 * and JSON, copy running-config startup-config.
 */

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "fake_kernel.h"
#include "parse.h"
#include "store.h"
#include "vsmd_proto.h"
#include "vsmd_psec.h"
#include "vsmd_serve.h"
#include "vsmd_sync.h"
#include "tap.h"

static struct fake_kernel fk;
static struct vsmd_kernel k = { &fake_kernel_ops, &fk };
static char dir[256], path[PATH_MAX];

/* The reply to one request: error, line, and the body NUL-terminated. */
struct answer {
	int error;
	unsigned int line;
	char *body;
};

static struct answer ask(struct vsmd *d, const char *cmd, bool json,
			 const char *body)
{
	struct answer a = { EPROTO, 0, NULL };
	char buf[256], *argv[16], *w, *save, *frame, *rframe;
	size_t len, rlen;
	struct vsmd_req req;
	struct vsmd_reply rep;
	int argc = 0;

	memset(&req, 0, sizeof(req));
	snprintf(buf, sizeof(buf), "%s", cmd);
	for (w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
		argv[argc++] = w;
	if (vsmd_req_parse(argc, argv, &req))
		return a;
	req.json = json;
	req.body = body;
	req.body_len = body ? strlen(body) : 0;
	if (vsmd_req_encode(&req, &frame, &len))
		return a;
	if (!vsmd_handle(d, frame + VSMD_HDR_LEN, len - VSMD_HDR_LEN, &rframe,
			 &rlen) &&
	    !vsmd_reply_decode(rframe + VSMD_HDR_LEN, rlen - VSMD_HDR_LEN,
			       &rep)) {
		a.error = rep.error;
		a.line = rep.line;
		a.body = strndup(rep.body, rep.body_len);
		free(rframe);
	}
	free(frame);
	return a;
}

static void write_file(const char *p, const char *text)
{
	FILE *f = fopen(p, "w");

	fputs(text, f);
	fclose(f);
}

static char *read_file(const char *p)
{
	static char buf[8192];
	FILE *f = fopen(p, "r");
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void test_start_corrupt(void)
{
	struct store st;
	struct vsmd d = { .store = &st, .kernel = &k };
	char err[VSMD_ERR_LEN];

	write_file(path, "port-profile type vethernet a\n  state enabled\nbogus line\n");
	fake_kernel_reset(&fk);
	config_init(&d.running);
	store_open(&st, &store_file_ops, path);
	ok(vsmd_start(&d, err, sizeof(err)) == -EINVAL && strstr(err, "line 3"),
	   "a corrupt startup-config: refused, with its line");
	ok(!fk.log[0] && !fk.nprofiles, "and the kernel is not touched");
	ok(strstr(read_file(path), "bogus line") != NULL,
	   "and the file is not wiped");
	store_close(&st);
	config_free(&d.running);
	unlink(path);
}

static void test_start_reconcile(void)
{
	struct store st;
	struct vsmd d = { .store = &st, .kernel = &k };
	char err[VSMD_ERR_LEN];
	struct profile_info *pp;

	write_file(path, "port-profile type vethernet web\n  switchport access vlan 10\n  state enabled\n"
			 "interface vethernet 1\n  inherit port-profile web\n");
	fake_kernel_reset(&fk);
	/* Left by an earlier vsmd: web with another VLAN, and a stale one. */
	pp = &fk.profiles[fk.nprofiles++];
	strcpy(pp->name, "web");
	pp->type = VEM_PORT_VETH;
	pp->mode = VEM_PORT_MODE_ACCESS;
	pp->access_vlan = 11;
	pp->native_vlan = 1;
	pp->max_ports = 32;
	pp->enabled = true;
	pp = &fk.profiles[fk.nprofiles++];
	strcpy(pp->name, "old");
	pp->type = VEM_PORT_VETH;
	config_init(&d.running);
	store_open(&st, &store_file_ops, path);
	ok(!vsmd_start(&d, err, sizeof(err)), "start: load and reconcile");
	ok(fake_kernel_profile(&fk, "web")->access_vlan == 10 &&
	   !fake_kernel_profile(&fk, "old") &&
	   fake_kernel_port(&fk, VEM_PORT_VETH, 1),
	   "the kernel follows the startup-config");
	store_close(&st);
	config_free(&d.running);
}

static void test_requests(void)
{
	struct store st;
	struct vsmd d = { .store = &st, .kernel = &k };
	char err[VSMD_ERR_LEN];
	struct answer a;

	unlink(path);
	fake_kernel_reset(&fk);
	config_init(&d.running);
	store_open(&st, &store_file_ops, path);
	ok(!vsmd_start(&d, err, sizeof(err)), "start without a startup-config");

	a = ask(&d, "configure", false,
		"vlan 10\n"
		"port-profile type vethernet web\n"
		"  switchport access vlan 10\n"
		"  max-ports 2\n"
		"  state enabled\n"
		"interface vethernet 1\n"
		"  inherit port-profile web\n");
	ok(!a.error && !strcmp(a.body, ""), "configure: ok");
	free(a.body);
	ok(fake_kernel_profile(&fk, "web") && fake_kernel_port(&fk, VEM_PORT_VETH, 1),
	   "pushed to the kernel");

	a = ask(&d, "configure", false,
		"interface vethernet 2\n"
		"  inherit port-profile web\n"
		"  switchport mode trunky\n");
	ok(a.error == EINVAL && a.line == 3 && strstr(a.body, "line 3"),
	   "a bad batch: EINVAL at line 3");
	free(a.body);
	ok(!fake_kernel_port(&fk, VEM_PORT_VETH, 2) &&
	   !config_iface_find(&d.running, &(struct port_ref){ VEM_PORT_VETH, 2 }),
	   "nothing of it applied");

	fk.fail_op = "port_new Veth2";
	fk.fail_errno = ENOSPC;
	a = ask(&d, "configure", false,
		"port-profile type vethernet db\n  state enabled\n"
		"interface vethernet 2\n  inherit port-profile web\n");
	ok(a.error == ENOSPC && strstr(a.body, "create interface vethernet 2") &&
	   strstr(a.body, "configuration unchanged"),
	   "a kernel refusal: the error, and the configuration unchanged");
	if (a.body && !strstr(a.body, "unchanged"))
		diag("%s", a.body);
	free(a.body);
	ok(!fake_kernel_profile(&fk, "db") && !config_profile_find(&d.running, "db"),
	   "the kernel was taken back (profile db created then removed)");

	a = ask(&d, "show running-config", false, NULL);
	ok(!a.error && strstr(a.body, "port-profile type vethernet web\n") &&
	   strstr(a.body, "interface vethernet 1\n"), "show running-config");
	free(a.body);
	a = ask(&d, "show running-config port-profile nope", false, NULL);
	ok(a.error == ENOENT && strstr(a.body, "no port-profile nope"),
	   "show running-config of a missing profile: ENOENT");
	free(a.body);
	a = ask(&d, "show running-config interface vethernet 1", true, NULL);
	ok(!a.error && strstr(a.body, "\"interfaces\":[{\"name\":\"vethernet1\"") &&
	   strstr(a.body, "\"port_profiles\":[]"),
	   "show running-config interface, JSON: only that interface");
	if (a.body && a.error == 0 && !strstr(a.body, "vethernet1"))
		diag("%s", a.body);
	free(a.body);

	a = ask(&d, "show port-profile name web", false, NULL);
	ok(!a.error && strstr(a.body, "port-profile web\n") &&
	   strstr(a.body, " max-ports: 2 (1 used)\n") &&
	   strstr(a.body, " evaluated config attributes:\n  switchport mode access\n") &&
	   strstr(a.body, " assigned interfaces:\n  Vethernet1\n"),
	   "show port-profile name web: own, evaluated, interfaces, max-ports use");
	if (a.body && !strstr(a.body, "Vethernet1"))
		diag("%s", a.body);
	free(a.body);
	a = ask(&d, "show port-profile brief", false, NULL);
	ok(!a.error && strstr(a.body, "web") && strstr(a.body, "1/2"),
	   "show port-profile brief");
	free(a.body);
	a = ask(&d, "show port-profile", true, NULL);
	ok(!a.error && a.body[0] == '[' &&
	   strstr(a.body, "\"interfaces\":[\"vethernet1\"]") &&
	   strstr(a.body, "\"ports_used\":1"),
	   "show port-profile, JSON");
	free(a.body);

	ok(!read_file(path), "no startup-config before copy");
	a = ask(&d, "copy running-config startup-config", false, NULL);
	ok(!a.error && read_file(path) &&
	   strstr(read_file(path), "port-profile type vethernet web\n"),
	   "copy running-config startup-config writes it");
	free(a.body);

	a = ask(&d, "show port-profile name nope", false, NULL);
	ok(a.error == ENOENT, "show port-profile name of a missing one: ENOENT");
	free(a.body);
	{
		char *frame, *body;
		size_t flen;
		struct vsmd_reply rep;

		ok(!vsmd_handle(&d, "garbage", 7, &frame, &flen) &&
		   !vsmd_reply_decode(frame + VSMD_HDR_LEN, flen - VSMD_HDR_LEN,
				      &rep) && rep.error == EPROTO,
		   "garbage: EPROTO, and vsmd goes on");
		body = strndup(rep.body, rep.body_len);
		ok(strstr(body, "bad request") != NULL, "the reply says why");
		free(body);
		free(frame);
	}
	store_close(&st);
	config_free(&d.running);
}

static struct fake_port *veth(uint32_t id)
{
	return fake_kernel_port(&fk, VEM_PORT_VETH, id);
}

/* attach, detach, show interface virtual, export libvirt-network */
static void test_attach(void)
{
	static const char *const vm1 = "attach vm web01 mac 52:54:00:00:00:01 dev vnet1 profile web";
	struct store st;
	struct vsmd d = { .store = &st, .kernel = &k };
	char err[VSMD_ERR_LEN], *run;
	struct answer a;
	uint64_t counter;

	unlink(path);
	fake_kernel_reset(&fk);
	config_init(&d.running);
	store_open(&st, &store_file_ops, path);
	vsmd_start(&d, err, sizeof(err));
	a = ask(&d, "configure", false,
		"port-profile type vethernet web\n"
		"  switchport access vlan 10\n  max-ports 2\n  state enabled\n"
		"port-profile type vethernet temp\n"
		"  port-binding ephemeral\n  state enabled\n"
		"port-profile type vethernet off\n"
		"port-profile type ethernet up\n  state enabled\n"
		"interface vethernet 1\n  inherit port-profile temp\n");
	ok(!a.error, "profiles configured");
	free(a.body);

	a = ask(&d, vm1, false, NULL);
	ok(!a.error && !strcmp(a.body, "vethernet 2\n"),
	   "attach: the lowest free number (vethernet 1 is taken)");
	free(a.body);
	ok(veth(2) && !strcmp(veth(2)->p.profile, "web") &&
	   !strcmp(veth(2)->p.ifname, "vnet1"),
	   "in the kernel: on profile web, bound to vnet1");
	ok(read_file(path) && strstr(read_file(path), "interface vethernet 2\n"
				     "  inherit port-profile web\n"
				     "  vm web01 mac 5254.0000.0001\n"),
	   "saved at once, with its owner");
	counter = veth(2) ? veth(2)->counter : 0;

	a = ask(&d, "detach vm web01 mac 5254.0000.0001", false, NULL);
	ok(!a.error && !strcmp(a.body, "vethernet 2\n"), "detach");
	free(a.body);
	ok(veth(2) && !veth(2)->p.ifindex && veth(2)->counter == counter,
	   "static: the vethernet stays, unbound, counters kept");
	a = ask(&d, "attach vm web01 mac 52-54-00-00-00-01 dev vnet9 profile web",
		true, NULL);
	ok(!a.error && strstr(a.body, "\"interface\":\"vethernet2\"") &&
	   strstr(a.body, "\"created\":false"),
	   "re-attach on a new tap: the same vethernet (JSON)");
	free(a.body);
	ok(veth(2) && !strcmp(veth(2)->p.ifname, "vnet9") &&
	   veth(2)->counter == counter, "bound to the new tap, same counters");
	a = ask(&d, "attach vm web01 mac 52:54:00:00:00:01 dev vnet5 profile web",
		false, NULL);
	ok(!a.error && veth(2) && !strcmp(veth(2)->p.ifname, "vnet5"),
	   "attach while bound moves it to the new netdev");
	free(a.body);

	a = ask(&d, "attach vm web02 mac 52:54:00:00:00:02 dev vnet2 profile web",
		false, NULL);
	ok(!a.error && !strcmp(a.body, "vethernet 3\n"), "a second VM: vethernet 3");
	free(a.body);
	run = strdup(read_file(path));
	a = ask(&d, "attach vm web03 mac 52:54:00:00:00:03 dev vnet3 profile web",
		false, NULL);
	ok(a.error == ENOSPC && strstr(a.body, "port-profile web is full: max-ports 2") &&
	   strstr(a.body, "vethernet 2, vethernet 3"),
	   "max-ports: a clear refusal naming the users");
	free(a.body);
	ok(!veth(4) && !config_iface_find_vm(&d.running, "web03",
					     (uint8_t[]){ 0x52, 0x54, 0, 0, 0, 3 }) &&
	   !strcmp(read_file(path), run), "and nothing changed");

	a = ask(&d, "attach vm web03 mac 52:54:00:00:00:03 dev vnet3 profile off",
		false, NULL);
	ok(a.error == EINVAL && strstr(a.body, "not enabled"),
	   "a disabled profile refused");
	free(a.body);
	a = ask(&d, "attach vm web03 mac 52:54:00:00:00:03 dev vnet3 profile up",
		false, NULL);
	ok(a.error == EINVAL && strstr(a.body, "type ethernet"),
	   "an ethernet profile refused");
	free(a.body);
	a = ask(&d, "attach vm web03 mac 52:54:00:00:00:03 dev vnet3 profile nope",
		false, NULL);
	ok(a.error == ENOENT && strstr(a.body, "no port-profile nope"),
	   "a missing profile refused");
	free(a.body);
	a = ask(&d, "attach vm web03 mac 52:54:00:00:00:03 dev gone3 profile temp",
		false, NULL);
	ok(a.error == ENODEV && strstr(a.body, "cannot bind gone3 to vethernet 4: no such device") &&
	   strstr(a.body, "nothing changed"), "a missing netdev refused");
	free(a.body);
	ok(!veth(4) && !strcmp(read_file(path), run),
	   "and the vethernet made for it is gone again");
	a = ask(&d, "attach vm web03 mac 52:54:00:00:00:03 dev vnet2 profile temp",
		false, NULL);
	ok(a.error == EBUSY && !veth(4), "a netdev bound to another vethernet refused");
	free(a.body);
	free(run);

	a = ask(&d, "attach vm tmp01 mac 52:54:00:00:00:04 dev vnet4 profile temp",
		false, NULL);
	ok(!a.error && !strcmp(a.body, "vethernet 4\n"), "attach to an ephemeral profile");
	free(a.body);
	a = ask(&d, "show interface virtual", false, NULL);
	ok(!a.error && strstr(a.body, "Veth2") && strstr(a.body, "web01") &&
	   strstr(a.body, "5254.0000.0001") && strstr(a.body, "vnet5") &&
	   strstr(a.body, "ephemeral") && !strstr(a.body, "Veth1 "),
	   "show interface virtual: the VMs' vethernets only");
	free(a.body);
	a = ask(&d, "show interface virtual", true, NULL);
	ok(!a.error && strstr(a.body, "\"vm\":\"tmp01\"") &&
	   strstr(a.body, "\"dev\":\"vnet4\"") &&
	   strstr(a.body, "\"binding\":\"ephemeral\""),
	   "show interface virtual, JSON");
	free(a.body);
	a = ask(&d, "detach vm tmp01 mac 52:54:00:00:00:04", true, NULL);
	ok(!a.error && strstr(a.body, "\"freed\":true") && !veth(4) &&
	   !strstr(read_file(path), "tmp01"),
	   "ephemeral: detach frees the vethernet, saved");
	free(a.body);
	a = ask(&d, "detach vm tmp01 mac 52:54:00:00:00:04", false, NULL);
	ok(a.error == ENOENT && strstr(a.body, "no vethernet belongs to vm tmp01"),
	   "detach of an unknown vNIC: ENOENT");
	free(a.body);

	a = ask(&d, "configure", false,
		"ip access-list web-in\n"
		"  10 remark web\n"
		"  20 permit tcp any any eq 80\n"
		"port-profile type vethernet web\n"
		"  ip port access-group web-in in\n");
	ok(!a.error && fake_kernel_acl(&fk, "web-in") &&
	   fake_kernel_acl(&fk, "web-in")->n == 1, "an ACL configured");
	free(a.body);
	fake_kernel_acl(&fk, "web-in")->entries[0].hits = 5;
	fake_kernel_acl(&fk, "web-in")->deny_hits = 2;
	a = ask(&d, "show ip access-lists web-in", false, NULL);
	ok(!a.error && strstr(a.body, "IP access list web-in\n") &&
	   strstr(a.body, "        10 remark web\n") &&
	   strstr(a.body, "        20 permit tcp any any eq www [match=5]\n") &&
	   strstr(a.body, "implicit deny [match=2]"),
	   "show ip access-lists: entries with the kernel's counters");
	if (a.body && !strstr(a.body, "match=5"))
		diag("%s", a.body);
	free(a.body);
	a = ask(&d, "show ip access-lists", true, NULL);
	ok(!a.error && strstr(a.body, "\"matches\":5") &&
	   strstr(a.body, "\"implicit_deny_matches\":2"),
	   "show ip access-lists, JSON");
	free(a.body);
	a = ask(&d, "show mac access-lists web-in", false, NULL);
	ok(a.error == ENOENT && strstr(a.body, "no mac access-list web-in"),
	   "show mac access-lists of an ip list: ENOENT");
	free(a.body);

	a = ask(&d, "export libvirt-network", false, NULL);
	ok(!a.error && strstr(a.body, "<name>vnlink</name>") &&
	   strstr(a.body, "<bridge name='vnlink0'/>") &&
	   strstr(a.body, "<portgroup name='web'/>") &&
	   strstr(a.body, "<portgroup name='temp'/>") &&
	   !strstr(a.body, "'off'") && !strstr(a.body, "'up'"),
	   "export: one portgroup per enabled vethernet profile");
	free(a.body);
	a = ask(&d, "export libvirt-network name lab bridge br-park", false, NULL);
	ok(!a.error && strstr(a.body, "<name>lab</name>") &&
	   strstr(a.body, "<bridge name='br-park'/>"), "export: name and bridge");
	free(a.body);
	store_close(&st);
	config_free(&d.running);
}


/* Sticky port security: learned entries become saved configuration. */
static void test_sticky(void)
{
	static const uint8_t a[6] = { 0x02, 0, 0, 0, 0x0d, 1 };
	static const uint8_t b[6] = { 0x02, 0, 0, 0, 0x0d, 2 };
	struct store st;
	struct vsmd d = { .store = &st, .kernel = &k };
	char err[VSMD_ERR_LEN];
	struct fdb_entry learned[3];
	struct config_iface *ifc;

	write_file(path, "interface vethernet 1\n"
			 "  switchport port-security\n"
			 "  switchport port-security maximum 2\n"
			 "  switchport port-security mac-address sticky\n"
			 "interface vethernet 2\n");
	fake_kernel_reset(&fk);
	config_init(&d.running);
	store_open(&st, &store_file_ops, path);
	ok(!vsmd_start(&d, err, sizeof(err)), "sticky: start");
	memset(learned, 0, sizeof(learned));
	learned[0].has = FDB_HAS_MAC | FDB_HAS_VLAN | FDB_HAS_PORT | FDB_HAS_FLAGS;
	memcpy(learned[0].mac, a, 6);
	learned[0].vlan = 1;
	learned[0].port = (struct port_ref){ VEM_PORT_VETH, 1 };
	learned[1] = learned[0];
	memcpy(learned[1].mac, b, 6);
	learned[1].port.id = 2;		/* not a sticky port */
	learned[2] = learned[0];
	learned[2].flags = VEM_FDB_F_STATIC;	/* static: not learned */
	memcpy(learned[2].mac, b, 6);
	ok(!vsmd_psec_adopt(&d, learned, 3, err, sizeof(err)),
	   "sticky: three entries handed over");
	ifc = config_iface_find(&d.running, &learned[0].port);
	ok(ifc->nsticky == 1 && config_sticky_find(ifc, a, 1) == 0,
	   "only the one learned on the sticky port becomes a sticky address");
	ok(strstr(read_file(path),
		  "switchport port-security mac-address sticky 0200.0000.0d01 vlan 1\n") != NULL,
	   "saved at once");
	ok(fake_kernel_fdb(&fk, a, 1) &&
	   (fake_kernel_fdb(&fk, a, 1)->flags & VEM_FDB_F_STATIC),
	   "pushed as a static entry");
	fk.log[0] = '\0';
	ok(!vsmd_psec_adopt(&d, learned, 1, err, sizeof(err)) && !fk.log[0],
	   "a known address again: nothing done");

	/* A learned entry in the kernel's table: taken by a resync. */
	fk.fdb[fk.nfdb] = learned[0];
	memcpy(fk.fdb[fk.nfdb].mac, b, 6);
	fk.nfdb++;
	ok(!vsmd_psec_resync(&d, err, sizeof(err)) &&
	   config_iface_find(&d.running, &learned[0].port)->nsticky == 2 &&
	   (fake_kernel_fdb(&fk, b, 1)->flags & VEM_FDB_F_STATIC),
	   "resync: a learned entry of the table adopted and made static");
	store_close(&st);
	config_free(&d.running);
}

int main(void)
{
	char cmd[PATH_MAX + 16];

	tap_init();
	snprintf(dir, sizeof(dir), "%s/test_vsmd.XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof(path), "%s/startup-config", dir);
	test_start_corrupt();
	test_start_reconcile();
	test_requests();
	test_attach();
	test_sticky();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd))
		diag("cannot remove %s", dir);
	return tap_exit();
}
