// SPDX-License-Identifier: GPL-2.0
/*
 * nl.c - the generic netlink socket of vsmctl: family resolution, request
 * and reply with extended ack, consistent dumps, the events group.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

#include <linux/vem.h>

#include "msg.h"
#include "nl.h"

/* A dump that keeps being interrupted is returned as is after this. */
#define DUMP_TRIES	8
/*
 * The biggest datagram a dump sends is 32 KiB; ask for room to spare. The
 * buffer grows for a bigger one (a GET "do" reply of a big ACL, an error
 * that echoes a big request).
 */
#define RX_SIZE		65536
#define MONITOR_RCVBUF	(4 << 20)

static struct {
	struct mnl_socket *sock;
	unsigned int portid;
	unsigned int seq;
	struct family_info family;
	int errnum;		/* errno of the last failure */
	char reason[512];	/* its reason, "" if strerror() says it all */
} nl;

/* The last request, kept to name the attribute an extended ack points at. */
static uint32_t req_buf[MSG_REQ_SIZE / sizeof(uint32_t)];
static void *rx_buf;
static size_t rx_size;

static void set_reason(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static void set_reason(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(nl.reason, sizeof(nl.reason), fmt, ap);
	va_end(ap);
}

/* Fail with errno e (and the reason set, if any). */
static int fail(int e)
{
	nl.errnum = e;
	errno = e;
	return -1;
}

void ipc_perror(const char *op)
{
	const char *reason = nl.reason;

	if (!*reason && nl.errnum == EPERM)
		reason = "CAP_NET_ADMIN is required";
	if (*reason)
		fprintf(stderr, "vsmctl: %s: %s (%s)\n", op, reason,
			strerror(nl.errnum));
	else
		fprintf(stderr, "vsmctl: %s: %s\n", op, strerror(nl.errnum));
}

const char *ipc_strerror(void)
{
	static char buf[sizeof(nl.reason) + 64];
	const char *reason = nl.reason;

	if (!*reason && nl.errnum == EPERM)
		reason = "CAP_NET_ADMIN is required";
	if (*reason)
		snprintf(buf, sizeof(buf), "%s (%s)", reason,
			 strerror(nl.errnum));
	else
		snprintf(buf, sizeof(buf), "%s", strerror(nl.errnum));
	return buf;
}

/* The reason of a failed request, from the kernel's extended ack. */
static void extack_reason(const struct nlmsghdr *req, const struct extack *ea)
{
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(req);
	const char *attr;

	if (*ea->msg) {
		set_reason("%s", ea->msg);
	} else if (ea->has_offs && (attr = msg_attr_at(req, ea->offs))) {
		set_reason("invalid attribute %s", attr);
	} else if (ea->has_miss_type && !ea->has_miss_nest &&
		   (attr = msg_attr_name(genl->cmd, ea->miss_type))) {
		set_reason("missing attribute %s", attr);
	}
}

typedef int (*reply_fn)(const struct nlmsghdr *nlh, void *data);

/*
 * Receive one datagram into rx_buf, grown first to the size the kernel
 * says it has (MSG_PEEK | MSG_TRUNC), so that none is ever cut.
 */
static ssize_t recv_datagram(void)
{
	ssize_t len;

	len = recv(mnl_socket_get_fd(nl.sock), NULL, 0, MSG_PEEK | MSG_TRUNC);
	if (len < 0)
		return -1;
	if (!rx_buf || (size_t)len > rx_size) {
		size_t size = (size_t)len > RX_SIZE ? (size_t)len : RX_SIZE;
		void *buf = realloc(rx_buf, size);

		if (!buf)
			return -1;
		rx_buf = buf;
		rx_size = size;
	}
	return mnl_socket_recvfrom(nl.sock, rx_buf, rx_size);
}

/*
 * netlink refuses a message longer than the socket's send buffer less 32
 * bytes: grow the buffer for a big request (an ACL), past the sysctl
 * wmem_max if we may (SO_SNDBUFFORCE needs CAP_NET_ADMIN, which vem
 * requires anyway). The kernel doubles what it is given.
 */
static void fit_sndbuf(size_t len)
{
	int fd = mnl_socket_get_fd(nl.sock), size;
	socklen_t size_len = sizeof(size);

	if (!getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, &size_len) &&
	    size >= 0 && (size_t)size >= len + 32)
		return;
	size = len + 32;
	if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof(size)))
		setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof(size));
}

/*
 * Send the request in req_buf and read until its ACK, error or end of
 * dump, giving each reply to fn. *intr tells whether a dump was
 * interrupted (NLM_F_DUMP_INTR). The whole answer is always read, so that
 * the socket is clean for the next request.
 */
static int transact(struct nlmsghdr *req, reply_fn fn, void *data, bool *intr)
{
	unsigned int seq = ++nl.seq;
	int fn_err = 0, err = 0;
	bool done = false;

	nl.reason[0] = '\0';
	if (intr)
		*intr = false;
	req->nlmsg_seq = seq;
	req->nlmsg_flags |= NLM_F_REQUEST;
	if (req->nlmsg_len > MSG_REQ_SIZE)
		fit_sndbuf(req->nlmsg_len);
	if (mnl_socket_sendto(nl.sock, req, req->nlmsg_len) < 0) {
		if (errno == EMSGSIZE)
			set_reason("a request of %u bytes does not fit the socket's send buffer",
				   req->nlmsg_len);
		return fail(errno);
	}

	while (!done) {
		const struct nlmsghdr *nlh;
		ssize_t ret;
		int len;

		ret = recv_datagram();
		if (ret < 0) {
			if (errno == EINTR)
				continue;
			return fail(errno);
		}
		nlh = rx_buf;
		len = ret;
		for (; !done && mnl_nlmsg_ok(nlh, len);
		     nlh = mnl_nlmsg_next(nlh, &len)) {
			struct extack ea;

			/* Left over from an earlier request: not ours. */
			if (nlh->nlmsg_seq != seq || nlh->nlmsg_pid != nl.portid)
				continue;
			if ((nlh->nlmsg_flags & NLM_F_DUMP_INTR) && intr)
				*intr = true;

			switch (nlh->nlmsg_type) {
			case NLMSG_NOOP:
				break;
			case NLMSG_OVERRUN:
				if (!fn_err)
					fn_err = EOVERFLOW;
				break;
			case NLMSG_ERROR:
			case NLMSG_DONE:
				done = true;
				if (msg_parse_extack(nlh, &ea)) {
					err = EBADMSG;
					set_reason("malformed acknowledgment from the kernel");
				} else if (ea.error) {
					err = ea.error;
					extack_reason(req, &ea);
				} else if (*ea.msg) {
					fprintf(stderr, "vsmctl: warning: %s\n",
						ea.msg);
				}
				break;
			default:
				if (fn && !fn_err && fn(nlh, data) < 0)
					fn_err = errno ? errno : EBADMSG;
				break;
			}
		}
	}
	if (err)
		return fail(err);
	if (fn_err) {
		if (fn_err == EBADMSG)
			set_reason("malformed reply from the kernel (does vem.ko match this vsmctl?)");
		return fail(fn_err);
	}
	return 0;
}

static int family_cb(const struct nlmsghdr *nlh, void *data)
{
	return msg_parse_family(nlh, VEM_GENL_MCGRP_EVENTS, data);
}

static int nl_open(void)
{
	struct genlmsghdr *genl;
	struct nlmsghdr *req;
	int one = 1;

	nl.reason[0] = '\0';
	if (nl.sock)
		return 0;
	nl.sock = mnl_socket_open(NETLINK_GENERIC);
	if (!nl.sock) {
		set_reason("cannot open a generic netlink socket");
		return fail(errno);
	}
	/* Both are optional: without them, errors are just less precise. */
	mnl_socket_setsockopt(nl.sock, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl.sock, NETLINK_CAP_ACK, &one, sizeof(one));
	if (mnl_socket_bind(nl.sock, 0, MNL_SOCKET_AUTOPID) < 0) {
		set_reason("cannot bind the generic netlink socket");
		goto err;
	}
	nl.portid = mnl_socket_get_portid(nl.sock);
	nl.seq = time(NULL);

	req = msg_start(req_buf, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, NLM_F_ACK);
	genl = mnl_nlmsg_get_payload(req);
	genl->version = 1;
	mnl_attr_put_strz(req, CTRL_ATTR_FAMILY_NAME, VEM_GENL_NAME);
	if (transact(req, family_cb, &nl.family, NULL))
		goto err;
	if (!nl.family.id) {
		set_reason("no reply from the generic netlink controller");
		errno = EBADMSG;
		goto err;
	}
	return 0;
err:
	if (errno == ENOENT)
		set_reason("generic netlink family \"%s\" not found (is vem.ko loaded?)",
			   VEM_GENL_NAME);
	nl.errnum = errno;
	mnl_socket_close(nl.sock);
	nl.sock = NULL;
	errno = nl.errnum;
	return -1;
}

void ipc_close(void)
{
	if (nl.sock)
		mnl_socket_close(nl.sock);
	nl.sock = NULL;
	free(rx_buf);
	rx_buf = NULL;
	rx_size = 0;
}

/* A new request of the vem family in req_buf; NULL if the socket failed. */
static struct nlmsghdr *request(uint8_t cmd, uint16_t flags)
{
	if (nl_open())
		return NULL;
	return msg_start(req_buf, nl.family.id, cmd, flags);
}

static int do_request(struct nlmsghdr *req, reply_fn fn, void *data)
{
	if (!req)
		return -1;
	return transact(req, fn, data, NULL);
}

int ipc_switch_new(const struct switch_info *sw)
{
	struct nlmsghdr *req = request(VEM_CMD_SWITCH_NEW, NLM_F_ACK);

	if (req)
		msg_put_switch(req, sw);
	return do_request(req, NULL, NULL);
}

int ipc_switch_set(const struct switch_info *sw)
{
	struct nlmsghdr *req = request(VEM_CMD_SWITCH_SET, NLM_F_ACK);

	if (req)
		msg_put_switch(req, sw);
	return do_request(req, NULL, NULL);
}

int ipc_switch_del(void)
{
	return do_request(request(VEM_CMD_SWITCH_DEL, NLM_F_ACK), NULL, NULL);
}

/* The one reply of a "do" GET, parsed by parse into obj. */
struct get_ctx {
	int (*parse)(const struct nlmsghdr *nlh, void *obj);
	void *obj;
	bool got;
};

static int get_cb(const struct nlmsghdr *nlh, void *data)
{
	struct get_ctx *ctx = data;

	if (nlh->nlmsg_type != nl.family.id || ctx->got)
		return 0;
	if (ctx->parse(nlh, ctx->obj))
		return -1;
	ctx->got = true;
	return 0;
}

static int get(struct nlmsghdr *req, struct get_ctx *ctx)
{
	if (do_request(req, get_cb, ctx))
		return -1;
	if (!ctx->got) {
		set_reason("no reply from the kernel");
		return fail(EBADMSG);
	}
	return 0;
}

static int parse_switch(const struct nlmsghdr *nlh, void *obj)
{
	return msg_parse_switch(nlh, obj);
}

static int parse_port(const struct nlmsghdr *nlh, void *obj)
{
	return msg_parse_port(nlh, obj);
}

static int parse_fdb(const struct nlmsghdr *nlh, void *obj)
{
	return msg_parse_fdb(nlh, obj);
}

int ipc_switch_get(struct switch_info *sw)
{
	struct get_ctx ctx = { parse_switch, sw, false };

	return get(request(VEM_CMD_SWITCH_GET, NLM_F_ACK), &ctx);
}

int ipc_port_new(const struct port_info *port)
{
	struct nlmsghdr *req = request(VEM_CMD_PORT_NEW, NLM_F_ACK);

	if (req)
		msg_put_port(req, port);
	return do_request(req, NULL, NULL);
}

int ipc_port_set(const struct port_info *port)
{
	struct nlmsghdr *req = request(VEM_CMD_PORT_SET, NLM_F_ACK);

	if (req)
		msg_put_port(req, port);
	return do_request(req, NULL, NULL);
}

int ipc_port_del(const struct port_ref *ref)
{
	struct nlmsghdr *req = request(VEM_CMD_PORT_DEL, NLM_F_ACK);

	if (req)
		msg_put_port_ref(req, ref);
	return do_request(req, NULL, NULL);
}

int ipc_port_get(const struct port_ref *ref, struct port_info *port)
{
	struct nlmsghdr *req = request(VEM_CMD_PORT_GET, NLM_F_ACK);
	struct get_ctx ctx = { parse_port, port, false };

	if (req)
		msg_put_port_ref(req, ref);
	return get(req, &ctx);
}

static int profile_request(uint8_t cmd, const struct profile_info *pp)
{
	struct nlmsghdr *req = request(cmd, NLM_F_ACK);

	if (req)
		msg_put_profile(req, pp);
	return do_request(req, NULL, NULL);
}

int ipc_profile_new(const struct profile_info *pp)
{
	return profile_request(VEM_CMD_PROFILE_NEW, pp);
}

int ipc_profile_set(const struct profile_info *pp)
{
	return profile_request(VEM_CMD_PROFILE_SET, pp);
}

int ipc_profile_del(const char *name)
{
	struct profile_info pp = { .has = 0 };

	snprintf(pp.name, sizeof(pp.name), "%s", name);
	return profile_request(VEM_CMD_PROFILE_DEL, &pp);
}

int ipc_fdb_new(const struct fdb_entry *fdb)
{
	struct nlmsghdr *req = request(VEM_CMD_FDB_NEW, NLM_F_ACK);
	struct fdb_entry e = *fdb;

	/* MAC, VLAN and port; the entry is static by nature, no flags. */
	e.has &= FDB_HAS_MAC | FDB_HAS_VLAN | FDB_HAS_PORT;
	if (req)
		msg_put_fdb(req, &e);
	return do_request(req, NULL, NULL);
}

int ipc_fdb_del(const struct fdb_entry *fdb)
{
	struct nlmsghdr *req = request(VEM_CMD_FDB_DEL, NLM_F_ACK);
	struct fdb_entry key = {
		.has = FDB_HAS_MAC | FDB_HAS_VLAN,
		.vlan = fdb->vlan,
	};

	memcpy(key.mac, fdb->mac, sizeof(key.mac));
	if (req)
		msg_put_fdb(req, &key);
	return do_request(req, NULL, NULL);
}

int ipc_fdb_get(const struct fdb_entry *key, struct fdb_entry *fdb)
{
	struct nlmsghdr *req = request(VEM_CMD_FDB_GET, NLM_F_ACK);
	struct get_ctx ctx = { parse_fdb, fdb, false };
	struct fdb_entry k = {
		.has = FDB_HAS_MAC | FDB_HAS_VLAN,
		.vlan = key->vlan,
	};

	memcpy(k.mac, key->mac, sizeof(k.mac));
	if (req)
		msg_put_fdb(req, &k);
	return get(req, &ctx);
}

int ipc_fdb_flush(const struct fdb_entry *filter)
{
	struct nlmsghdr *req = request(VEM_CMD_FDB_FLUSH, NLM_F_ACK);
	struct fdb_entry f = *filter;

	f.has &= FDB_HAS_VLAN | FDB_HAS_PORT | FDB_HAS_FLAGS;
	if (req)
		msg_put_fdb(req, &f);
	return do_request(req, NULL, NULL);
}

/* The replies of a dump, gathered in a growing array. */
struct dump_ctx {
	int (*parse)(const struct nlmsghdr *nlh, void *obj);
	size_t size;		/* of one object */
	char *objs;
	size_t n, cap;
};

static int dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *ctx = data;

	if (nlh->nlmsg_type != nl.family.id)
		return 0;
	if (ctx->n == ctx->cap) {
		size_t cap = ctx->cap ? ctx->cap * 2 : 64;
		char *objs = realloc(ctx->objs, cap * ctx->size);

		if (!objs)
			return -1;
		ctx->objs = objs;
		ctx->cap = cap;
	}
	if (ctx->parse(nlh, ctx->objs + ctx->n * ctx->size))
		return -1;
	ctx->n++;
	return 0;
}

/*
 * Dump, again while the kernel says the table changed under the dump; a
 * table that never holds still (learning under heavy traffic) is returned
 * as last seen, with a warning.
 */
static int dump(uint8_t cmd, struct dump_ctx *ctx, const char *what)
{
	bool intr;
	int i;

	for (i = 0; i < DUMP_TRIES; i++) {
		struct nlmsghdr *req = request(cmd, NLM_F_DUMP);

		ctx->n = 0;
		if (!req || transact(req, dump_cb, ctx, &intr)) {
			free(ctx->objs);
			ctx->objs = NULL;
			return -1;
		}
		if (!intr)
			return 0;
	}
	fprintf(stderr, "vsmctl: warning: the %s kept changing during the dump; it may be inconsistent\n",
		what);
	return 0;
}

int ipc_port_list(struct port_info **ports, size_t *n)
{
	struct dump_ctx ctx = { parse_port, sizeof(**ports), NULL, 0, 0 };

	if (dump(VEM_CMD_PORT_GET, &ctx, "port table"))
		return -1;
	*ports = (struct port_info *)ctx.objs;
	*n = ctx.n;
	return 0;
}

static int parse_profile(const struct nlmsghdr *nlh, void *obj)
{
	return msg_parse_profile(nlh, obj);
}

int ipc_profile_list(struct profile_info **pps, size_t *n)
{
	struct dump_ctx ctx = { parse_profile, sizeof(**pps), NULL, 0, 0 };

	if (dump(VEM_CMD_PROFILE_GET, &ctx, "profile table"))
		return -1;
	*pps = (struct profile_info *)ctx.objs;
	*n = ctx.n;
	return 0;
}

int ipc_fdb_list(struct fdb_entry **entries, size_t *n)
{
	struct dump_ctx ctx = { parse_fdb, sizeof(**entries), NULL, 0, 0 };

	if (dump(VEM_CMD_FDB_GET, &ctx, "MAC address table"))
		return -1;
	*entries = (struct fdb_entry *)ctx.objs;
	*n = ctx.n;
	return 0;
}

/*
 * ACL_NEW and ACL_SET: the request grows with the entries, up to ~600 KiB
 * for VEM_ACL_ENTRIES_MAX of them, so it is built in a buffer of its own.
 */
static int acl_request(uint8_t cmd, const struct acl_info *acl,
		       bool with_family)
{
	size_t size = msg_acl_size(acl);
	struct nlmsghdr *req;
	void *buf;
	int ret;

	if (nl_open())
		return -1;
	buf = size <= sizeof(req_buf) ? (void *)req_buf : malloc(size);
	if (!buf)
		return fail(errno);
	req = msg_start(buf, nl.family.id, cmd, NLM_F_ACK);
	if (msg_put_acl(req, acl, with_family)) {
		set_reason("the %zu entries of ACL %s take more than the 64 KiB of one netlink attribute",
			   acl->n, acl->name);
		ret = fail(EMSGSIZE);
	} else {
		ret = transact(req, NULL, NULL, NULL);
	}
	if (buf != req_buf)
		free(buf);
	return ret;
}

int ipc_acl_new(const struct acl_info *acl)
{
	return acl_request(VEM_CMD_ACL_NEW, acl, true);
}

/* Without the family: the kernel refuses a change of it anyway. */
int ipc_acl_set(const struct acl_info *acl)
{
	return acl_request(VEM_CMD_ACL_SET, acl, false);
}

int ipc_acl_del(const char *name)
{
	struct nlmsghdr *req = request(VEM_CMD_ACL_DEL, NLM_F_ACK);

	if (req)
		msg_put_acl_name(req, name);
	return do_request(req, NULL, NULL);
}

void acl_info_free(struct acl_info *acls, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(acls[i].entries);
	free(acls);
}

struct acl_dump {
	struct acl_info *acls;
	size_t n;
};

static int acl_dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct acl_dump *d = data;

	if (nlh->nlmsg_type != nl.family.id)
		return 0;
	return msg_join_acl(nlh, &d->acls, &d->n);
}

int ipc_acl_list(struct acl_info **acls, size_t *n)
{
	struct acl_dump d = { NULL, 0 };
	bool intr = false;
	int i;

	for (i = 0; i < DUMP_TRIES; i++) {
		struct nlmsghdr *req = request(VEM_CMD_ACL_GET, NLM_F_DUMP);

		acl_info_free(d.acls, d.n);
		d.acls = NULL;
		d.n = 0;
		if (!req || transact(req, acl_dump_cb, &d, &intr)) {
			acl_info_free(d.acls, d.n);
			return -1;
		}
		if (!intr)
			break;
	}
	if (intr)
		fprintf(stderr, "vsmctl: warning: the ACLs kept changing during the dump; they may be inconsistent\n");
	*acls = d.acls;
	*n = d.n;
	return 0;
}

static int qos_request(uint8_t cmd, const struct qos_info *qos)
{
	struct nlmsghdr *req = request(cmd, NLM_F_ACK);

	if (req)
		msg_put_qos(req, qos);
	return do_request(req, NULL, NULL);
}

int ipc_qos_new(const struct qos_info *qos)
{
	return qos_request(VEM_CMD_QOS_NEW, qos);
}

int ipc_qos_set(const struct qos_info *qos)
{
	return qos_request(VEM_CMD_QOS_SET, qos);
}

int ipc_qos_del(const char *name)
{
	struct nlmsghdr *req = request(VEM_CMD_QOS_DEL, NLM_F_ACK);

	if (req)
		msg_put_qos_name(req, name);
	return do_request(req, NULL, NULL);
}

static int parse_qos(const struct nlmsghdr *nlh, void *obj)
{
	return msg_parse_qos(nlh, obj);
}

int ipc_qos_list(struct qos_info **qos, size_t *n)
{
	struct dump_ctx ctx = { parse_qos, sizeof(**qos), NULL, 0, 0 };

	if (dump(VEM_CMD_QOS_GET, &ctx, "QoS policies"))
		return -1;
	*qos = (struct qos_info *)ctx.objs;
	*n = ctx.n;
	return 0;
}

int ipc_monitor(ipc_event_fn fn, void *data)
{
	unsigned int group;
	int size = MONITOR_RCVBUF;
	int fd;

	if (nl_open())
		return -1;
	group = nl.family.events_group;
	if (!group) {
		set_reason("the \"%s\" family has no \"%s\" group", VEM_GENL_NAME,
			   VEM_GENL_MCGRP_EVENTS);
		return fail(EOPNOTSUPP);
	}
	if (mnl_socket_setsockopt(nl.sock, NETLINK_ADD_MEMBERSHIP, &group,
				  sizeof(group))) {
		set_reason("cannot join the \"%s\" group", VEM_GENL_MCGRP_EVENTS);
		return fail(errno);
	}
	/* A bigger buffer loses fewer events in a burst of learning. */
	fd = mnl_socket_get_fd(nl.sock);
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));

	for (;;) {
		const struct nlmsghdr *nlh;
		ssize_t ret;
		int len;

		ret = recv_datagram();
		if (ret < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS) {
				fprintf(stderr, "vsmctl: warning: events lost (receive buffer overflow)\n");
				continue;
			}
			set_reason("cannot receive events");
			return fail(errno);
		}
		nlh = rx_buf;
		len = ret;
		for (; mnl_nlmsg_ok(nlh, len); nlh = mnl_nlmsg_next(nlh, &len)) {
			struct event ev;

			/*
			 * Only events reach this socket once it is in the
			 * group: no request is sent from here on.
			 */
			if (nlh->nlmsg_type != nl.family.id)
				continue;
			if (msg_parse_event(nlh, &ev)) {
				if (errno != EOPNOTSUPP)
					fprintf(stderr, "vsmctl: warning: malformed event ignored\n");
				continue;
			}
			if (fn(&ev, data))
				return 0;
		}
	}
}

static struct mnl_socket *ev_sock;

int ipc_events_open(void)
{
	unsigned int group;
	int size = MONITOR_RCVBUF, fd;

	if (ev_sock)
		return mnl_socket_get_fd(ev_sock);
	if (nl_open())
		return -1;
	group = nl.family.events_group;
	if (!group) {
		set_reason("the \"%s\" family has no \"%s\" group", VEM_GENL_NAME,
			   VEM_GENL_MCGRP_EVENTS);
		return fail(EOPNOTSUPP);
	}
	ev_sock = mnl_socket_open2(NETLINK_GENERIC, SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (!ev_sock) {
		set_reason("cannot open a netlink socket");
		return fail(errno);
	}
	if (mnl_socket_bind(ev_sock, 0, MNL_SOCKET_AUTOPID) ||
	    mnl_socket_setsockopt(ev_sock, NETLINK_ADD_MEMBERSHIP, &group,
				  sizeof(group))) {
		int e = errno;

		set_reason("cannot join the \"%s\" group", VEM_GENL_MCGRP_EVENTS);
		mnl_socket_close(ev_sock);
		ev_sock = NULL;
		return fail(e);
	}
	fd = mnl_socket_get_fd(ev_sock);
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	return fd;
}

int ipc_events_read(ipc_event_fn fn, void *data)
{
	static char buf[RX_SIZE];
	bool lost = false;

	if (!ev_sock)
		return fail(EBADF);
	for (;;) {
		const struct nlmsghdr *nlh = (const void *)buf;
		ssize_t ret = mnl_socket_recvfrom(ev_sock, buf, sizeof(buf));
		int len;

		if (ret < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS) {
				lost = true;
				continue;
			}
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				break;
			set_reason("cannot receive events");
			return fail(errno);
		}
		len = ret;
		for (; mnl_nlmsg_ok(nlh, len); nlh = mnl_nlmsg_next(nlh, &len)) {
			struct event ev;

			if (nlh->nlmsg_type != nl.family.id ||
			    msg_parse_event(nlh, &ev))
				continue;
			if (fn(&ev, data))
				break;
		}
	}
	if (lost) {
		set_reason("events lost (receive buffer overflow)");
		return fail(ENOBUFS);
	}
	return 0;
}

void ipc_events_close(void)
{
	if (ev_sock)
		mnl_socket_close(ev_sock);
	ev_sock = NULL;
}
