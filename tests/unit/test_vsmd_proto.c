// SPDX-License-Identifier: GPL-2.0
/*
 * test_vsmd_proto.c - vsmctl/vsmd_proto.c: the vsmctl<->vsmd requests and
 * replies, encoded and decoded, and what a malformed one gets.
 */

#include <errno.h>
#include <stdint.h>

#include "parse.h"
#include "vsmd_proto.h"
#include "tap.h"

/* Split s into words (modified in place). */
static int words(char *s, char **argv)
{
	int argc = 0;
	char *w, *save;

	for (w = strtok_r(s, " ", &save); w; w = strtok_r(NULL, " ", &save))
		argv[argc++] = w;
	argv[argc] = NULL;
	return argc;
}

static int parse(const char *cmd, struct vsmd_req *req)
{
	char buf[256], *argv[16];

	snprintf(buf, sizeof(buf), "%s", cmd);
	memset(req, 0, sizeof(*req));
	return vsmd_req_parse(words(buf, argv), argv, req);
}

/* Encode req, check the header, decode the payload into out. */
static int round_trip(const struct vsmd_req *req, struct vsmd_req *out,
		      char **frame)
{
	size_t len;
	uint32_t plen;

	if (vsmd_req_encode(req, frame, &len))
		return -1;
	if (vsmd_frame_len((unsigned char *)*frame, &plen) ||
	    plen != len - VSMD_HDR_LEN)
		return -1;
	return vsmd_req_decode(*frame + VSMD_HDR_LEN, plen, out);
}

static void test_parse(void)
{
	struct vsmd_req req;

	ok(!parse("configure", &req) && req.op == VSMD_OP_CONFIGURE,
	   "configure");
	ok(!parse("conf", &req) && req.op == VSMD_OP_CONFIGURE,
	   "conf (abbreviated)");
	ok(!parse("show running-config", &req) &&
	   req.op == VSMD_OP_SHOW_RUNNING && req.filter.show == CONFIG_SHOW_ALL,
	   "show running-config");
	ok(!parse("sh run port", &req) && req.filter.show == CONFIG_SHOW_PROFILES,
	   "sh run port");
	ok(!parse("show running-config port-profile web", &req) &&
	   req.filter.show == CONFIG_SHOW_PROFILE &&
	   !strcmp(req.filter.name, "web"),
	   "show running-config port-profile web");
	ok(!parse("show run int veth 3", &req) &&
	   req.filter.show == CONFIG_SHOW_IFACE &&
	   req.filter.ref.type == VEM_PORT_VETH && req.filter.ref.id == 3,
	   "show run int veth 3");
	ok(!parse("show port-profile", &req) &&
	   req.op == VSMD_OP_SHOW_PROFILE && req.pp == VSMD_PP_ALL,
	   "show port-profile");
	ok(!parse("show port-profile brief", &req) && req.pp == VSMD_PP_BRIEF,
	   "show port-profile brief");
	ok(!parse("show port-profile name db.1", &req) &&
	   req.pp == VSMD_PP_NAME && !strcmp(req.name, "db.1"),
	   "show port-profile name db.1");
	ok(!parse("copy run start", &req) && req.op == VSMD_OP_COPY_RS,
	   "copy run start");

	ok(parse("", &req) && strstr(parse_error(), "missing command"),
	   "nothing: missing command");
	ok(parse("copy running-config", &req) &&
	   strstr(parse_error(), "destination"), "copy without destination");
	ok(parse("copy startup-config running-config", &req),
	   "copy the other way: not supported");
	ok(parse("show port-profile name", &req) &&
	   strstr(parse_error(), "missing"), "name without a name");
	ok(parse("show port-profile name a/b", &req), "an invalid name");
	ok(parse("show port-profile brief x", &req) &&
	   strstr(parse_error(), "unexpected \"x\""), "a word too many");
	ok(parse("show run interface", &req), "interface without a port");
	ok(parse("configure now", &req), "configure takes no word");
}

static void test_requests(void)
{
	static const char *const cmds[] = {
		"show running-config",
		"show running-config port-profile",
		"show running-config port-profile web",
		"show running-config interface ethernet 2",
		"show port-profile",
		"show port-profile brief",
		"show port-profile name web",
		"copy running-config startup-config",
	};
	struct vsmd_req req, out;
	char *frame;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cmds); i++) {
		parse(cmds[i], &req);
		req.json = i & 1;
		req.pretty = i == 3;
		frame = NULL;
		ok(!round_trip(&req, &out, &frame) && out.op == req.op &&
		   out.json == req.json && out.pretty == req.pretty &&
		   out.pp == req.pp &&
		   out.filter.show == req.filter.show &&
		   !strcmp(out.name, req.name) &&
		   out.filter.ref.type == req.filter.ref.type &&
		   out.filter.ref.id == req.filter.ref.id,
		   "round trip: %s%s", cmds[i], req.json ? " (json)" : "");
		free(frame);
	}

	parse("configure", &req);
	req.body = "vlan 10\n  name web\n";
	req.body_len = strlen(req.body);
	ok(!round_trip(&req, &out, &frame) && out.op == VSMD_OP_CONFIGURE &&
	   out.body_len == req.body_len &&
	   !memcmp(out.body, req.body, req.body_len),
	   "configure carries its batch");
	ok(!memcmp(frame + VSMD_HDR_LEN, "vsmd/1 text\nconfigure\nvlan 10\n",
		   30), "the bytes are readable text");
	free(frame);
}

static int decode_str(const char *s, struct vsmd_req *req)
{
	return vsmd_req_decode(s, strlen(s), req);
}

static void test_bad_requests(void)
{
	struct vsmd_req req;
	unsigned char hdr[4] = { 0x7f, 0xff, 0xff, 0xff };
	uint32_t len;
	char nul[] = "vsmd/1 text\nshow\0 run\n";

	ok(decode_str("", &req) == -EPROTO, "empty: refused");
	ok(decode_str("vsmd/2 text\nconfigure\n", &req) == -EPROTO,
	   "another version: refused");
	ok(decode_str("vsmd/1 text\nconfigure", &req) == -EPROTO,
	   "no end of line: refused");
	ok(decode_str("vsmd/1 text\nshow running-config\nvlan 10\n", &req) ==
	   -EPROTO && strstr(parse_error(), "unexpected text"),
	   "a body where none belongs: refused");
	ok(decode_str("vsmd/1 text\nshow bogus\n", &req) == -EPROTO,
	   "an unknown command: refused");
	ok(decode_str("vsmd/1 text\na b c d e f g h i j\n", &req) == -EPROTO,
	   "too many words: refused");
	ok(vsmd_req_decode(nul, sizeof(nul) - 1, &req) == -EPROTO,
	   "a NUL byte in the command: refused");
	ok(decode_str("vsmd/1 json\nconfigure\n", &req) == 0 && req.json &&
	   req.body_len == 0, "an empty batch is a batch");
	ok(vsmd_frame_len(hdr, &len) == -EMSGSIZE, "a huge frame: refused");
}

static void test_replies(void)
{
	struct vsmd_reply rep = { 0 }, out;
	char *frame;
	size_t len;

	rep.body = "vlan 10\n";
	rep.body_len = 8;
	ok(!vsmd_reply_encode(&rep, &frame, &len) &&
	   !vsmd_reply_decode(frame + VSMD_HDR_LEN, len - VSMD_HDR_LEN, &out) &&
	   !out.error && out.body_len == 8 && !memcmp(out.body, "vlan 10\n", 8),
	   "ok reply with output");
	free(frame);

	rep.error = EINVAL;
	rep.line = 7;
	rep.body = "line 7: switchport mode bogus: unknown mode";
	rep.body_len = strlen(rep.body);
	ok(!vsmd_reply_encode(&rep, &frame, &len) &&
	   !vsmd_reply_decode(frame + VSMD_HDR_LEN, len - VSMD_HDR_LEN, &out) &&
	   out.error == EINVAL && out.line == 7 &&
	   out.body_len == rep.body_len,
	   "error reply with errno, line and message");
	free(frame);

	ok(vsmd_reply_decode("error -1 0\n", 11, &out) == -EPROTO,
	   "a negative errno: refused");
	ok(vsmd_reply_decode("error 22 3x\n", 12, &out) == -EPROTO,
	   "junk after the line: refused");
	ok(vsmd_reply_decode("okay\n", 5, &out) == -EPROTO,
	   "not ok: refused");
}

/* Refused, with a message holding 'part'. */
static void refused(const char *cmd, const char *part)
{
	struct vsmd_req req;
	bool good = parse(cmd, &req) == -1 && strstr(parse_error(), part);

	if (!ok(good, "refused: %s", cmd))
		diag("message: %s", parse_error());
}

static void test_vnic(void)
{
	static const char long_vm[] =
		"attach vm aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		" mac 52:54:00:00:00:01 dev vnet0 profile web";
	struct vsmd_req req, out;
	char *frame;

	ok(!parse("attach vm 6f1c0e4e-3b1d-4c1e-9c55-0123456789ab mac 5254.0000.0001 dev vnet0 profile web",
		  &req) && req.op == VSMD_OP_ATTACH &&
	   !strcmp(req.vm, "6f1c0e4e-3b1d-4c1e-9c55-0123456789ab") &&
	   req.mac[5] == 1 && !strcmp(req.dev, "vnet0") &&
	   !strcmp(req.name, "web"), "attach: every field");
	ok(!round_trip(&req, &out, &frame) && out.op == VSMD_OP_ATTACH &&
	   !strcmp(out.vm, req.vm) && !memcmp(out.mac, req.mac, 6) &&
	   !strcmp(out.dev, "vnet0") && !strcmp(out.name, "web"),
	   "attach: encoded and decoded");
	free(frame);
	ok(!parse("attach profile web dev vnet0 mac 52:54:00:00:00:01 vm a", &req) &&
	   req.op == VSMD_OP_ATTACH, "attach: options in any order");
	ok(!parse("detach vm a mac 52:54:00:00:00:01", &req) &&
	   req.op == VSMD_OP_DETACH && !round_trip(&req, &out, &frame) &&
	   out.op == VSMD_OP_DETACH && !strcmp(out.vm, "a"), "detach");
	free(frame);
	ok(!parse("show interface virtual", &req) &&
	   req.op == VSMD_OP_SHOW_VIRTUAL, "show interface virtual");
	ok(!parse("export libvirt-network", &req) &&
	   req.op == VSMD_OP_EXPORT_LIBVIRT && !strcmp(req.net, "vnlink") &&
	   !strcmp(req.bridge, "vnlink0"), "export: the defaults");
	ok(!parse("export libvirt-network bridge br1 name lab", &req) &&
	   !round_trip(&req, &out, &frame) && !strcmp(out.net, "lab") &&
	   !strcmp(out.bridge, "br1"), "export: name and bridge");
	free(frame);

	refused("attach vm a mac 52:54:00:00:00:01 dev vnet0", "missing profile");
	refused("attach vm a mac 52:54:00:00:00:01 profile web", "missing dev");
	refused("attach vm a mac 52:54:00:00:00:01 dev vnet0 profile", "missing profile after");
	refused("attach vm a vm b mac 52:54:00:00:00:01 dev vnet0 profile web", "given twice");
	refused("attach vm a mac 52:54:00:00:00:0g dev vnet0 profile web", "invalid MAC");
	refused("attach vm a mac 01:00:5e:00:00:01 dev vnet0 profile web", "not a unicast");
	refused("attach vm a mac 00:00:00:00:00:00 dev vnet0 profile web", "not a unicast");
	refused("attach vm a/b mac 52:54:00:00:00:01 dev vnet0 profile web", "VM name");
	refused(long_vm, "VM name");
	refused("attach vm a mac 52:54:00:00:00:01 dev 0123456789abcdef profile web",
		"invalid device name");
	refused("attach vm a mac 52:54:00:00:00:01 dev a/b profile web",
		"invalid device name");
	refused("attach vm a mac 52:54:00:00:00:01 dev .. profile web",
		"invalid device name");
	refused("attach vm a mac 52:54:00:00:00:01 dev vnet0 profile w$b",
		"port-profile name");
	refused("attach vm a mac 52:54:00:00:00:01 dev vnet0 profile web color red",
		"unknown attach option");
	refused("detach vm a mac 52:54:00:00:00:01 dev vnet0", "does not apply to detach");
	refused("detach vm a", "missing mac");
	refused("show interface", "missing interface");
	refused("show interface virtual x", "unexpected");
	refused("export", "missing export format");
	refused("export libvirt-network name a/b", "network name");
	refused("export libvirt-network bridge", "missing bridge");
}

int main(void)
{
	tap_init();
	test_parse();
	test_requests();
	test_bad_requests();
	test_replies();
	test_vnic();
	return tap_exit();
}
