/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsmd_proto.h - the protocol between vsmctl and vsmd over vsmd's UNIX
 * stream socket. Pure encoding and decoding; no I/O (vsmd_io.c moves the
 * bytes).
 *
 * One request, one reply, each a frame: a 4-byte length in network byte
 * order, then that many bytes of payload, at most VSMD_MSG_MAX.
 *
 * A request payload is text:
 *	line 1: "vsmd/1 text", "vsmd/1 json" or "vsmd/1 json-pretty"
 *		(the output wanted)
 *	line 2: the command, words separated by one space:
 *		configure
 *		show running-config [port-profile [NAME] |
 *				     interface vethernet|ethernet N]
 *		show port-profile [brief | name NAME]
 *		show interface virtual
 *		show ip|ipv6|mac access-lists [NAME]
 *		show policy-map [NAME]
 *		copy running-config startup-config
 *		attach vm VM mac MAC dev IFNAME profile NAME
 *		detach vm VM mac MAC
 *		export libvirt-network [name NAME] [bridge IFNAME]
 *	then, for configure, the config text: one batch, all or nothing.
 * Keywords may be abbreviated as in the config language ("sh run").
 *
 * A reply payload:
 *	line 1: "ok", or "error ERRNO LINE" (a positive errno; LINE the line
 *		of the batch that failed, 0 if none)
 *	then the output (text or JSON) or the error message.
 */

#ifndef VSMCTL_VSMD_PROTO_H
#define VSMCTL_VSMD_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <net/if.h>

#include "config.h"

#define VSMD_HDR_LEN		4
/* A startup-config may be this big (STORE_TEXT_MAX); so may its echo. */
#define VSMD_MSG_MAX		(16u << 20)
#define VSMD_MAGIC		"vsmd/1"
#define VSMD_SOCKET_PATH	"/run/vnlink/vsmd.sock"

enum vsmd_op {
	VSMD_OP_CONFIGURE,
	VSMD_OP_SHOW_RUNNING,		/* show running-config [filter] */
	VSMD_OP_SHOW_PROFILE,		/* show port-profile ... */
	VSMD_OP_COPY_RS,		/* copy running-config startup-config */
	VSMD_OP_SHOW_VIRTUAL,		/* show interface virtual */
	VSMD_OP_ATTACH,			/* a VM vNIC onto a vethernet */
	VSMD_OP_DETACH,			/* and off it */
	VSMD_OP_EXPORT_LIBVIRT,		/* profiles as a libvirt network */
	VSMD_OP_SHOW_ACL,		/* show ip access-lists [NAME] */
	VSMD_OP_SHOW_QOS,		/* show policy-map [NAME] */
};

#define VSMD_LIBVIRT_NETWORK	"vnlink"
#define VSMD_LIBVIRT_BRIDGE	"vnlink0"


enum vsmd_pp_show {
	VSMD_PP_ALL,			/* show port-profile */
	VSMD_PP_BRIEF,			/* show port-profile brief */
	VSMD_PP_NAME,			/* show port-profile name NAME */
};

struct vsmd_req {
	enum vsmd_op op;
	bool json;
	bool pretty;			/* json, indented */
	/* VSMD_OP_SHOW_RUNNING; filter.name points to name. */
	struct config_filter filter;
	/* VSMD_OP_SHOW_PROFILE */
	enum vsmd_pp_show pp;
	/* VSMD_OP_SHOW_PROFILE and VSMD_OP_ATTACH: the profile */
	char name[CONFIG_NAME_MAX + 1];
	/* VSMD_OP_ATTACH, VSMD_OP_DETACH: the VM vNIC, and its netdev */
	char vm[CONFIG_NAME_MAX + 1];
	uint8_t mac[6];
	char dev[IFNAMSIZ];
	/* VSMD_OP_SHOW_ACL: enum config_acl_kind; name "" for every list */
	uint8_t acl_kind;
	/* VSMD_OP_EXPORT_LIBVIRT: the network's name and parking bridge */
	char net[CONFIG_NAME_MAX + 1];
	char bridge[IFNAMSIZ];
	/* VSMD_OP_CONFIGURE: the batch; points into the decoded payload. */
	const char *body;
	size_t body_len;
};

struct vsmd_reply {
	int error;			/* 0 or a positive errno */
	unsigned int line;		/* of the batch, for configure */
	const char *body;		/* output or message, not NUL-terminated */
	size_t body_len;
};

/*
 * The command words (argv without "vsmctl") into req; json and body are
 * left as they are. -1 with parse_error() set if they are not a command.
 */
int vsmd_req_parse(int argc, char **argv, struct vsmd_req *req);

/*
 * A whole frame, header included, malloc()ed into *frame. -ENOMEM, or
 * -EMSGSIZE if it would exceed VSMD_MSG_MAX.
 */
int vsmd_req_encode(const struct vsmd_req *req, char **frame, size_t *len);
int vsmd_reply_encode(const struct vsmd_reply *rep, char **frame,
		      size_t *len);

/*
 * A payload (without the header) into req/rep; pointers into payload.
 * -EPROTO with a reason in parse_error() if malformed.
 */
int vsmd_req_decode(const char *payload, size_t len, struct vsmd_req *req);
int vsmd_reply_decode(const char *payload, size_t len,
		      struct vsmd_reply *rep);

/* The payload length a header announces; -EMSGSIZE if over VSMD_MSG_MAX. */
int vsmd_frame_len(const unsigned char hdr[VSMD_HDR_LEN], uint32_t *len);

#endif /* VSMCTL_VSMD_PROTO_H */
