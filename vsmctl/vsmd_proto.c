// SPDX-License-Identifier: GPL-2.0
/*
 * vsmd_proto.c - requests and replies between vsmctl and vsmd, as bytes.
 * The command line of a request is parsed with the same keyword rules as
 * vsmctl's own arguments, so "sh run port" means the same to both.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "parse.h"
#include "vsmd_proto.h"

#define MAX_WORDS	16
/* The header and command lines: names of up to 80 bytes, and keywords. */
#define LINE_MAX_LEN	512

static int extra_word(int argc, char **argv, int used)
{
	if (argc <= used)
		return 0;
	parse_fail("unexpected \"%s\"", argv[used]);
	return -1;
}

static int need(int argc, int i, const char *what, const char *after)
{
	if (argc > i)
		return 0;
	parse_fail("missing %s after \"%s\"", what, after);
	return -1;
}

static int set_name(struct vsmd_req *req, const char *name)
{
	if (config_check_name(name, CONFIG_NAME_MAX, "port-profile name"))
		return -1;
	strcpy(req->name, name);
	return 0;
}

/* A netdev name the kernel would accept (dev_valid_name()). */
static int check_ifname(const char *s)
{
	size_t n = strlen(s);

	if (!n || n >= IFNAMSIZ || !strcmp(s, ".") || !strcmp(s, "..") ||
	    strpbrk(s, "/: \t\n")) {
		parse_fail("invalid device name \"%.*s\"", IFNAMSIZ + 8, s);
		return -1;
	}
	return 0;
}

/*
 * attach vm VM mac MAC dev IFNAME profile NAME | detach vm VM mac MAC:
 * keyword-value pairs in any order, each once, all of them required.
 */
static int parse_vnic(int argc, char **argv, struct vsmd_req *req,
		      bool attach)
{
	static const struct kw keys[] = {
		{ "vm" }, { "mac" }, { "dev" }, { "profile" },
	};
	unsigned int seen = 0, want = attach ? 0xf : 0x3;
	int i, k;

	for (i = 1; i < argc; i += 2) {
		k = kw_lookup(argv[i], keys, attach ? "attach option" :
						      "detach option");
		if (k < 0)
			return -1;
		if (!(want & BIT(k))) {
			parse_fail("\"%s\" does not apply to detach", keys[k].name);
			return -1;
		}
		if (seen & BIT(k)) {
			parse_fail("%s given twice", keys[k].name);
			return -1;
		}
		seen |= BIT(k);
		if (need(argc, i + 1, keys[k].name, argv[i]))
			return -1;
		switch (k) {
		case 0:
			if (config_check_name(argv[i + 1], CONFIG_NAME_MAX,
					      "VM name"))
				return -1;
			strcpy(req->vm, argv[i + 1]);
			break;
		case 1:
			if (parse_mac(argv[i + 1], req->mac))
				return -1;
			if (mac_is_multicast(req->mac) || mac_is_zero(req->mac)) {
				parse_fail("%s is not a unicast MAC address",
					   argv[i + 1]);
				return -1;
			}
			break;
		case 2:
			if (check_ifname(argv[i + 1]))
				return -1;
			strcpy(req->dev, argv[i + 1]);
			break;
		case 3:
			if (set_name(req, argv[i + 1]))
				return -1;
			break;
		}
	}
	for (k = 0; k < 4; k++) {
		if ((want & BIT(k)) && !(seen & BIT(k))) {
			parse_fail("missing %s", keys[k].name);
			return -1;
		}
	}
	req->op = attach ? VSMD_OP_ATTACH : VSMD_OP_DETACH;
	return 0;
}

/* export libvirt-network [name NAME] [bridge IFNAME] */
static int parse_export(int argc, char **argv, struct vsmd_req *req)
{
	static const struct kw what[] = { { "libvirt-network" } };
	static const struct kw keys[] = { { "name" }, { "bridge" } };
	int i, k;

	if (argc < 2)
		return kw_missing(what, "export format");
	if (kw_lookup(argv[1], what, "export format") < 0)
		return -1;
	strcpy(req->net, VSMD_LIBVIRT_NETWORK);
	strcpy(req->bridge, VSMD_LIBVIRT_BRIDGE);
	for (i = 2; i < argc; i += 2) {
		k = kw_lookup(argv[i], keys, "export option");
		if (k < 0 || need(argc, i + 1, keys[k].name, argv[i]))
			return -1;
		if (k == 0) {
			if (config_check_name(argv[i + 1], CONFIG_NAME_MAX,
					      "network name"))
				return -1;
			strcpy(req->net, argv[i + 1]);
		} else {
			if (check_ifname(argv[i + 1]))
				return -1;
			strcpy(req->bridge, argv[i + 1]);
		}
	}
	req->op = VSMD_OP_EXPORT_LIBVIRT;
	return 0;
}


/* running-config [port-profile [NAME] | interface PORT] */
static int parse_running(int argc, char **argv, struct vsmd_req *req)
{
	static const struct kw what[] = { { "port-profile" }, { "interface" } };
	int kw, n;

	req->op = VSMD_OP_SHOW_RUNNING;
	req->filter.show = CONFIG_SHOW_ALL;
	if (argc < 2)
		return 0;
	kw = kw_lookup(argv[1], what, "running-config filter");
	if (kw < 0)
		return -1;
	if (kw == 0) {
		req->filter.show = CONFIG_SHOW_PROFILES;
		if (argc < 3)
			return 0;
		if (set_name(req, argv[2]) || extra_word(argc, argv, 3))
			return -1;
		req->filter.show = CONFIG_SHOW_PROFILE;
		req->filter.name = req->name;
		return 0;
	}
	if (need(argc, 2, "interface", argv[1]))
		return -1;
	n = parse_port(argc - 2, argv + 2, &req->filter.ref);
	if (n < 0 || extra_word(argc, argv, 2 + n))
		return -1;
	req->filter.show = CONFIG_SHOW_IFACE;
	return 0;
}

/* port-profile [brief | name NAME] */
static int parse_pp(int argc, char **argv, struct vsmd_req *req)
{
	static const struct kw what[] = { { "brief" }, { "name" } };
	int kw;

	req->op = VSMD_OP_SHOW_PROFILE;
	req->pp = VSMD_PP_ALL;
	if (argc < 2)
		return 0;
	kw = kw_lookup(argv[1], what, "show port-profile option");
	if (kw < 0)
		return -1;
	if (kw == 0) {
		req->pp = VSMD_PP_BRIEF;
		return extra_word(argc, argv, 2);
	}
	if (need(argc, 2, "port-profile name", argv[1]) ||
	    set_name(req, argv[2]) || extra_word(argc, argv, 3))
		return -1;
	req->pp = VSMD_PP_NAME;
	return 0;
}

int vsmd_req_parse(int argc, char **argv, struct vsmd_req *req)
{
	static const struct kw cmds[] = {
		{ "configure" }, { "show" }, { "copy" }, { "attach" },
		{ "detach" }, { "export" },
	};
	static const struct kw shows[] = {
		{ "running-config" }, { "port-profile" }, { "interface" },
		{ "ip" }, { "ipv6" }, { "mac" }, { "policy-map" },
	};
	static const struct kw acls[] = { { "access-lists" } };
	static const struct kw virtual[] = { { "virtual" } };
	static const struct kw running[] = { { "running-config" } };
	static const struct kw startup[] = { { "startup-config" } };
	int kw;

	memset(&req->filter, 0, sizeof(req->filter));
	req->pp = VSMD_PP_ALL;
	req->name[0] = '\0';
	if (argc < 1)
		return kw_missing(cmds, "command");
	kw = kw_lookup(argv[0], cmds, "command");
	switch (kw) {
	case 0:
		req->op = VSMD_OP_CONFIGURE;
		return extra_word(argc, argv, 1);
	case 1:
		if (argc < 2)
			return kw_missing(shows, "show command");
		kw = kw_lookup(argv[1], shows, "show command");
		if (kw < 0)
			return -1;
		if (kw == 6) {
			req->op = VSMD_OP_SHOW_QOS;
			if (argc < 3)
				return 0;
			if (config_check_name(argv[2], CONFIG_NAME_MAX,
					      "policy-map name"))
				return -1;
			strcpy(req->name, argv[2]);
			return extra_word(argc, argv, 3);
		}
		if (kw >= 3) {
			/* ip, ipv6, mac: CONFIG_ACL_IP, _IPV6, _MAC */
			req->op = VSMD_OP_SHOW_ACL;
			req->acl_kind = kw - 3;
			if (argc < 3)
				return kw_missing(acls, "show command");
			if (kw_lookup(argv[2], acls, "show command") < 0)
				return -1;
			if (argc < 4)
				return 0;
			if (config_check_name(argv[3], CONFIG_NAME_MAX,
					      "access-list name"))
				return -1;
			strcpy(req->name, argv[3]);
			return extra_word(argc, argv, 4);
		}
		if (kw == 2) {
			if (argc < 3)
				return kw_missing(virtual, "interface");
			if (kw_lookup(argv[2], virtual, "interface") < 0)
				return -1;
			req->op = VSMD_OP_SHOW_VIRTUAL;
			return extra_word(argc, argv, 3);
		}
		return kw == 0 ? parse_running(argc - 1, argv + 1, req) :
				 parse_pp(argc - 1, argv + 1, req);
	case 2:
		if (argc < 2)
			return kw_missing(running, "source");
		if (kw_lookup(argv[1], running, "source") < 0)
			return -1;
		if (argc < 3)
			return kw_missing(startup, "destination");
		if (kw_lookup(argv[2], startup, "destination") < 0)
			return -1;
		req->op = VSMD_OP_COPY_RS;
		return extra_word(argc, argv, 3);
	case 3:
	case 4:
		return parse_vnic(argc, argv, req, kw == 3);
	case 5:
		return parse_export(argc, argv, req);
	}
	return -1;
}

/* The canonical command line of req. */
static void command_line(const struct vsmd_req *req, char *buf, size_t len)
{
	char port[PORT_STRLEN], mac[MAC_STRLEN];

	switch (req->op) {
	case VSMD_OP_SHOW_VIRTUAL:
		snprintf(buf, len, "show interface virtual");
		return;
	case VSMD_OP_SHOW_ACL:
		snprintf(buf, len, "show %s access-lists%s%s",
			 config_acl_kind_name(req->acl_kind),
			 req->name[0] ? " " : "", req->name);
		return;
	case VSMD_OP_SHOW_QOS:
		snprintf(buf, len, "show policy-map%s%s",
			 req->name[0] ? " " : "", req->name);
		return;
	case VSMD_OP_ATTACH:
		mac_format_colon(req->mac, mac);
		snprintf(buf, len, "attach vm %s mac %s dev %s profile %s",
			 req->vm, mac, req->dev, req->name);
		return;
	case VSMD_OP_DETACH:
		mac_format_colon(req->mac, mac);
		snprintf(buf, len, "detach vm %s mac %s", req->vm, mac);
		return;
	case VSMD_OP_EXPORT_LIBVIRT:
		snprintf(buf, len, "export libvirt-network name %s bridge %s",
			 req->net, req->bridge);
		return;
	case VSMD_OP_CONFIGURE:
		snprintf(buf, len, "configure");
		return;
	case VSMD_OP_COPY_RS:
		snprintf(buf, len, "copy running-config startup-config");
		return;
	case VSMD_OP_SHOW_RUNNING:
		switch (req->filter.show) {
		case CONFIG_SHOW_ALL:
			snprintf(buf, len, "show running-config");
			return;
		case CONFIG_SHOW_PROFILES:
			snprintf(buf, len, "show running-config port-profile");
			return;
		case CONFIG_SHOW_PROFILE:
			snprintf(buf, len, "show running-config port-profile %s",
				 req->filter.name);
			return;
		case CONFIG_SHOW_IFACE:
			port_format(&req->filter.ref, PORT_FMT_WORDS, port,
				    sizeof(port));
			snprintf(buf, len, "show running-config interface %s",
				 port);
			return;
		}
		break;
	case VSMD_OP_SHOW_PROFILE:
		switch (req->pp) {
		case VSMD_PP_ALL:
			snprintf(buf, len, "show port-profile");
			return;
		case VSMD_PP_BRIEF:
			snprintf(buf, len, "show port-profile brief");
			return;
		case VSMD_PP_NAME:
			snprintf(buf, len, "show port-profile name %s",
				 req->name);
			return;
		}
		break;
	}
	snprintf(buf, len, "?");
}

/* header + head + body into a new frame. */
static int frame(const char *head, size_t head_len, const char *body,
		 size_t body_len, char **out, size_t *out_len)
{
	size_t len = head_len + body_len;
	uint32_t be;
	char *buf;

	if (len > VSMD_MSG_MAX || body_len > VSMD_MSG_MAX)
		return -EMSGSIZE;
	buf = malloc(VSMD_HDR_LEN + len);
	if (!buf)
		return -ENOMEM;
	be = htonl(len);
	memcpy(buf, &be, VSMD_HDR_LEN);
	memcpy(buf + VSMD_HDR_LEN, head, head_len);
	if (body_len)
		memcpy(buf + VSMD_HDR_LEN + head_len, body, body_len);
	*out = buf;
	*out_len = VSMD_HDR_LEN + len;
	return 0;
}

int vsmd_req_encode(const struct vsmd_req *req, char **out, size_t *len)
{
	char head[LINE_MAX_LEN + 32], cmd[LINE_MAX_LEN];
	int n;

	command_line(req, cmd, sizeof(cmd));
	n = snprintf(head, sizeof(head), VSMD_MAGIC " %s\n%s\n",
		     !req->json ? "text" : req->pretty ? "json-pretty" : "json",
		     cmd);
	return frame(head, n, req->op == VSMD_OP_CONFIGURE ? req->body : NULL,
		     req->op == VSMD_OP_CONFIGURE ? req->body_len : 0, out,
		     len);
}

int vsmd_reply_encode(const struct vsmd_reply *rep, char **out, size_t *len)
{
	char head[64];
	int n;

	if (rep->error)
		n = snprintf(head, sizeof(head), "error %d %u\n", rep->error,
			     rep->line);
	else
		n = snprintf(head, sizeof(head), "ok\n");
	return frame(head, n, rep->body, rep->body_len, out, len);
}

/* The line at *pos (without its '\n') into buf; -1 if none fits. */
static int take_line(const char *p, size_t len, size_t *pos, char *buf,
		     size_t buflen)
{
	const char *nl = memchr(p + *pos, '\n', len - *pos);
	size_t n;

	if (!nl) {
		parse_fail("truncated message");
		return -1;
	}
	n = nl - (p + *pos);
	if (n >= buflen) {
		parse_fail("line too long");
		return -1;
	}
	memcpy(buf, p + *pos, n);
	buf[n] = '\0';
	if (memchr(buf, '\0', n)) {
		parse_fail("NUL byte in the header");
		return -1;
	}
	*pos += n + 1;
	return 0;
}

int vsmd_req_decode(const char *payload, size_t len, struct vsmd_req *req)
{
	char line[LINE_MAX_LEN], *argv[MAX_WORDS + 1], *save, *w;
	size_t pos = 0;
	int argc = 0;

	memset(req, 0, sizeof(*req));
	if (take_line(payload, len, &pos, line, sizeof(line)))
		return -EPROTO;
	if (!strcmp(line, VSMD_MAGIC " json")) {
		req->json = true;
	} else if (!strcmp(line, VSMD_MAGIC " json-pretty")) {
		req->json = true;
		req->pretty = true;
	} else if (strcmp(line, VSMD_MAGIC " text")) {
		parse_fail("not a vsmd/1 request");
		return -EPROTO;
	}
	if (take_line(payload, len, &pos, line, sizeof(line)))
		return -EPROTO;
	for (w = strtok_r(line, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		if (argc == MAX_WORDS) {
			parse_fail("too many words in the command");
			return -EPROTO;
		}
		argv[argc++] = w;
	}
	argv[argc] = NULL;
	if (vsmd_req_parse(argc, argv, req))
		return -EPROTO;
	if (req->op == VSMD_OP_CONFIGURE) {
		req->body = payload + pos;
		req->body_len = len - pos;
	} else if (pos != len) {
		parse_fail("unexpected text after the command");
		return -EPROTO;
	}
	return 0;
}

int vsmd_reply_decode(const char *payload, size_t len, struct vsmd_reply *rep)
{
	char line[64], end;
	unsigned int line_no;
	size_t pos = 0;
	int error;

	memset(rep, 0, sizeof(*rep));
	if (take_line(payload, len, &pos, line, sizeof(line)))
		return -EPROTO;
	if (!strcmp(line, "ok")) {
		rep->error = 0;
	} else if (sscanf(line, "error %d %u%c", &error, &line_no, &end) == 2 &&
		   error > 0 && error < 4096) {
		rep->error = error;
		rep->line = line_no;
	} else {
		parse_fail("not a vsmd/1 reply");
		return -EPROTO;
	}
	rep->body = payload + pos;
	rep->body_len = len - pos;
	return 0;
}

int vsmd_frame_len(const unsigned char hdr[VSMD_HDR_LEN], uint32_t *len)
{
	uint32_t be;

	memcpy(&be, hdr, sizeof(be));
	*len = ntohl(be);
	return *len > VSMD_MSG_MAX ? -EMSGSIZE : 0;
}
