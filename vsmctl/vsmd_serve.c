// SPDX-License-Identifier: GPL-2.0
/*
 * vsmd_serve.c - vsmd's answers: configure, show, copy.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "vsmd_attach.h"
#include "vsmd_proto.h"
#include "vsmd_serve.h"
#include "vsmd_show.h"
#include "vsmd_sync.h"

int vsmd_start(struct vsmd *d, char *err, size_t errlen)
{
	int ret;

	ret = store_load_config(d->store, &d->running);
	if (ret) {
		snprintf(err, errlen, "%s", d->store->err);
		return ret;
	}
	return vsmd_sync(d->kernel, &d->running, NULL, err, errlen);
}

int vsmd_configure(struct vsmd *d, const char *text, size_t len,
		   unsigned int *line, char *err, size_t errlen)
{
	struct config_error cerr;
	char undo[VSMD_ERR_LEN];
	struct config work;
	int ret;

	*line = 0;
	if (config_clone(&work, &d->running)) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	ret = config_apply(&work, text, len, &cerr);
	if (ret) {
		*line = cerr.line;
		snprintf(err, errlen, "%s", cerr.msg);
		config_free(&work);
		return ret;
	}
	ret = vsmd_sync(d->kernel, &work, NULL, err, errlen);
	if (ret) {
		size_t n = strlen(err);

		/* All or nothing, the kernel included. */
		if (vsmd_sync(d->kernel, &d->running, NULL, undo, sizeof(undo)))
			snprintf(err + n, errlen - n,
				 "; restoring the previous configuration failed too: %s",
				 undo);
		else
			snprintf(err + n, errlen - n,
				 "; configuration unchanged");
		config_free(&work);
		return ret;
	}
	config_move(&d->running, &work);
	return 0;
}

/* Build a reply; the error message or the output is body. */
static int reply(int error, unsigned int line, const char *body, size_t len,
		 char **frame, size_t *frame_len)
{
	struct vsmd_reply rep = {
		.error = error, .line = line, .body = body, .body_len = len,
	};
	int ret;

	ret = vsmd_reply_encode(&rep, frame, frame_len);
	if (ret == -EMSGSIZE) {
		static const char big[] = "the reply is too big";

		rep.error = EMSGSIZE;
		rep.body = big;
		rep.body_len = sizeof(big) - 1;
		ret = vsmd_reply_encode(&rep, frame, frame_len);
	}
	return ret;
}

static int reply_err(int error, unsigned int line, const char *msg,
		     char **frame, size_t *frame_len)
{
	return reply(error, line, msg, strlen(msg), frame, frame_len);
}

static int show(struct vsmd *d, const struct vsmd_req *req, char **frame,
		size_t *frame_len)
{
	char *out = NULL, port[PORT_STRLEN], msg[CONFIG_NAME_MAX + 64];
	size_t len = 0;
	FILE *f;
	int ret;

	f = open_memstream(&out, &len);
	if (!f)
		return reply_err(ENOMEM, 0, "out of memory", frame, frame_len);
	if (req->op == VSMD_OP_SHOW_RUNNING)
		ret = vsmd_show_running(f, &d->running, &req->filter,
					req->json, req->pretty);
	else
		ret = vsmd_show_profiles(f, &d->running, req->pp, req->name,
					 req->json, req->pretty);
	if (fclose(f) && !ret)
		ret = -ENOMEM;
	if (!ret) {
		ret = reply(0, 0, out, len, frame, frame_len);
		free(out);
		return ret;
	}
	free(out);
	if (ret == -ENOENT && req->op == VSMD_OP_SHOW_RUNNING &&
	    req->filter.show == CONFIG_SHOW_IFACE) {
		port_format(&req->filter.ref, PORT_FMT_WORDS, port,
			    sizeof(port));
		snprintf(msg, sizeof(msg), "no interface %s in the configuration",
			 port);
	} else if (ret == -ENOENT) {
		snprintf(msg, sizeof(msg), "no port-profile %s",
			 req->op == VSMD_OP_SHOW_RUNNING ? req->filter.name :
							  req->name);
	} else {
		snprintf(msg, sizeof(msg), "%s", strerror(-ret));
	}
	return reply_err(-ret, 0, msg, frame, frame_len);
}

/*
 * What fn writes into a FILE is the reply; if it fails, the message it
 * left in err (or the errno's) is.
 */
typedef int out_fn(FILE *f, struct vsmd *d, const struct vsmd_req *req,
		   char *err, size_t errlen);

static int reply_out(out_fn *fn, struct vsmd *d, const struct vsmd_req *req,
		     char **frame, size_t *frame_len)
{
	char err[VSMD_ERR_LEN] = "", *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	int ret;

	if (!f)
		return reply_err(ENOMEM, 0, "out of memory", frame, frame_len);
	ret = fn(f, d, req, err, sizeof(err));
	if (fclose(f) && !ret) {
		ret = -ENOMEM;
		err[0] = '\0';
	}
	if (ret)
		ret = reply_err(-ret, 0, err[0] ? err : strerror(-ret), frame,
				frame_len);
	else
		ret = reply(0, 0, out, len, frame, frame_len);
	free(out);
	return ret;
}

/* What the kernel holds, for a show that joins it to the configuration. */
static int list_kernel(struct vsmd *d, struct vsmd_kstate *ks, char *err,
		       size_t errlen)
{
	int ret = d->kernel->ops->list_kernel_state(d->kernel, ks);

	if (ret)
		snprintf(err, errlen, "cannot read the kernel's state: %s",
			 d->kernel->ops->strerror(d->kernel));
	return ret;
}

static int show_virtual(FILE *f, struct vsmd *d, const struct vsmd_req *req,
			char *err, size_t errlen)
{
	struct vsmd_kstate ks;
	int ret;

	ret = list_kernel(d, &ks, err, errlen);
	if (ret)
		return ret;
	ret = vsmd_show_virtual(f, &d->running, &ks, req->json, req->pretty);
	vsmd_kstate_free(&ks);
	return ret;
}

static int show_acls(FILE *f, struct vsmd *d, const struct vsmd_req *req,
		     char *err, size_t errlen)
{
	struct vsmd_kstate ks;
	int ret;

	ret = list_kernel(d, &ks, err, errlen);
	if (ret)
		return ret;
	ret = vsmd_show_acls(f, &d->running, &ks, req->acl_kind, req->name,
			     req->json, req->pretty);
	vsmd_kstate_free(&ks);
	if (ret == -ENOENT)
		snprintf(err, errlen, "no %s access-list %s",
			 config_acl_kind_name(req->acl_kind), req->name);
	return ret;
}

static int show_qos(FILE *f, struct vsmd *d, const struct vsmd_req *req,
		    char *err, size_t errlen)
{
	struct vsmd_kstate ks;
	int ret;

	ret = list_kernel(d, &ks, err, errlen);
	if (ret)
		return ret;
	ret = vsmd_show_qos(f, &d->running, &ks, req->name, req->json,
			    req->pretty);
	vsmd_kstate_free(&ks);
	if (ret == -ENOENT)
		snprintf(err, errlen, "no policy-map %s", req->name);
	return ret;
}

static int export_libvirt(FILE *f, struct vsmd *d, const struct vsmd_req *req,
			  char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	return vsmd_export_libvirt(f, &d->running, req->net, req->bridge);
}

/* attach or detach, then what was done: "vethernet 3", or JSON. */
static int vnic(FILE *f, struct vsmd *d, const struct vsmd_req *req,
		char *err, size_t errlen)
{
	const struct vsmd_vnic v = {
		.vm = req->vm, .mac = req->mac, .dev = req->dev,
		.profile = req->name,
	};
	char port[PORT_STRLEN], mac[MAC_STRLEN];
	struct vsmd_attach_result res;
	struct json j;
	int ret;

	if (req->op == VSMD_OP_ATTACH)
		ret = vsmd_attach(d, &v, &res, err, errlen);
	else
		ret = vsmd_detach(d, &v, &res, err, errlen);
	if (ret)
		return ret;
	if (!req->json) {
		port_format(&res.ref, PORT_FMT_WORDS, port, sizeof(port));
		fprintf(f, "%s\n", port);
		return 0;
	}
	port_format(&res.ref, PORT_FMT_JSON, port, sizeof(port));
	mac_format_colon(req->mac, mac);
	json_init(&j, f, req->pretty);
	json_obj_begin(&j);
	json_kv_str(&j, "interface", port);
	json_kv_u64(&j, "id", res.ref.id);
	json_kv_str(&j, "vm", req->vm);
	json_kv_str(&j, "mac", mac);
	if (req->op == VSMD_OP_ATTACH) {
		json_kv_str(&j, "dev", req->dev);
		json_kv_str(&j, "profile", req->name);
		json_kv_bool(&j, "created", res.created);
	} else {
		json_kv_bool(&j, "freed", res.freed);
	}
	json_obj_end(&j);
	return 0;
}

int vsmd_handle(struct vsmd *d, const char *payload, size_t len,
		char **frame, size_t *frame_len)
{
	char err[VSMD_ERR_LEN];
	struct vsmd_req req;
	unsigned int line;
	int ret;

	ret = vsmd_req_decode(payload, len, &req);
	if (ret) {
		snprintf(err, sizeof(err), "bad request: %s", parse_error());
		return reply_err(EPROTO, 0, err, frame, frame_len);
	}
	switch (req.op) {
	case VSMD_OP_CONFIGURE:
		ret = vsmd_configure(d, req.body, req.body_len, &line, err,
				     sizeof(err));
		if (ret)
			return reply_err(-ret, line, err, frame, frame_len);
		return reply(0, 0, NULL, 0, frame, frame_len);
	case VSMD_OP_SHOW_RUNNING:
	case VSMD_OP_SHOW_PROFILE:
		return show(d, &req, frame, frame_len);
	case VSMD_OP_COPY_RS:
		ret = store_commit_config(d->store, &d->running);
		if (ret)
			return reply_err(-ret, 0, d->store->err, frame,
					 frame_len);
		return reply(0, 0, NULL, 0, frame, frame_len);
	case VSMD_OP_SHOW_VIRTUAL:
		return reply_out(show_virtual, d, &req, frame, frame_len);
	case VSMD_OP_EXPORT_LIBVIRT:
		return reply_out(export_libvirt, d, &req, frame, frame_len);
	case VSMD_OP_SHOW_ACL:
		return reply_out(show_acls, d, &req, frame, frame_len);
	case VSMD_OP_SHOW_QOS:
		return reply_out(show_qos, d, &req, frame, frame_len);
	case VSMD_OP_ATTACH:
	case VSMD_OP_DETACH:
		return reply_out(vnic, d, &req, frame, frame_len);
	}
	return reply_err(EPROTO, 0, "unknown request", frame, frame_len);
}
