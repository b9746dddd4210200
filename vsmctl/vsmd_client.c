// SPDX-License-Identifier: GPL-2.0
/*
 * vsmd_client.c - the commands vsmctl hands to vsmd: configure, copy
 * running-config startup-config, show running-config, show port-profile.
 * The configuration belongs to vsmd; these only carry the words and the
 * text there and print the answer. The socket is VSMD_SOCKET_PATH, or
 * $VSMD_SOCKET.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse.h"
#include "subcommands.h"
#include "vsmd_io.h"
#include "vsmd_proto.h"

/* vsmd may push thousands of ports for one batch: be patient. */
#define CLIENT_TIMEOUT_MS	120000

static const char *socket_path(void)
{
	const char *env = getenv("VSMD_SOCKET");

	return env && *env ? env : VSMD_SOCKET_PATH;
}

/* Send req, print the answer: output on stdout, an error on stderr. */
static int transact(struct vsmd_req *req)
{
	char *frame = NULL, *payload = NULL;
	struct vsmd_reply rep;
	size_t len;
	int fd, ret;

	req->json = opts.json;
	req->pretty = opts.pretty;
	ret = vsmd_req_encode(req, &frame, &len);
	if (ret) {
		fprintf(stderr, "vsmctl: %s\n", strerror(-ret));
		return EXIT_USAGE;
	}
	fd = vsmd_io_connect(socket_path());
	if (fd < 0) {
		free(frame);
		fprintf(stderr, "vsmctl: cannot reach vsmd at %s: %s%s\n",
			socket_path(), strerror(-fd),
			fd == -ENOENT || fd == -ECONNREFUSED ?
			" (is vsmd running?)" : "");
		return EXIT_FAIL;
	}
	ret = vsmd_io_write(fd, CLIENT_TIMEOUT_MS, frame, len);
	free(frame);
	if (!ret)
		ret = vsmd_io_read(fd, CLIENT_TIMEOUT_MS, &payload, &len);
	close(fd);
	if (ret) {
		fprintf(stderr, "vsmctl: talking to vsmd: %s\n", strerror(-ret));
		return EXIT_FAIL;
	}
	if (vsmd_reply_decode(payload, len, &rep)) {
		fprintf(stderr, "vsmctl: malformed reply from vsmd: %s\n",
			parse_error());
		free(payload);
		return EXIT_FAIL;
	}
	if (rep.error) {
		fprintf(stderr, "vsmctl: %.*s\n", (int)rep.body_len, rep.body);
		free(payload);
		/* A batch that does not parse is bad input, as in ip(8). */
		return rep.error == EINVAL && rep.line ? EXIT_USAGE : EXIT_FAIL;
	}
	fwrite(rep.body, 1, rep.body_len, stdout);
	free(payload);
	return EXIT_OK;
}

/* words before argv, as one request */
static int request(const char *w1, const char *w2, int argc, char **argv,
		   struct vsmd_req *req)
{
	char **all = calloc(argc + 3, sizeof(*all));
	int n = 0, i, ret;

	if (!all) {
		parse_fail("out of memory");
		return -1;
	}
	all[n++] = (char *)w1;
	if (w2)
		all[n++] = (char *)w2;
	for (i = 0; i < argc; i++)
		all[n++] = argv[i];
	memset(req, 0, sizeof(*req));
	ret = vsmd_req_parse(n, all, req);
	free(all);
	return ret;
}

/* The whole of fd, bounded by what vsmd accepts. */
static int read_all(int fd, char **text, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap), *grown;
	ssize_t r;

	if (!buf)
		return -ENOMEM;
	for (;;) {
		if (n == cap) {
			if (cap >= VSMD_MSG_MAX) {
				free(buf);
				return -EFBIG;
			}
			cap *= 2;
			grown = realloc(buf, cap);
			if (!grown) {
				free(buf);
				return -ENOMEM;
			}
			buf = grown;
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return -errno;
		}
		if (!r)
			break;
		n += r;
	}
	*text = buf;
	*len = n;
	return 0;
}

/* configure [FILE | -]: one batch from the file or stdin. */
int configure_main(int argc, char **argv)
{
	const char *file = argc > 0 ? argv[0] : "-";
	struct vsmd_req req;
	char *text = NULL;
	size_t len = 0;
	int fd, ret;

	if (argc > 1) {
		parse_fail("unexpected \"%s\"", argv[1]);
		return usage_error();
	}
	if (request("configure", NULL, 0, NULL, &req))
		return usage_error();
	fd = strcmp(file, "-") ? open(file, O_RDONLY | O_CLOEXEC) : 0;
	if (fd < 0) {
		fprintf(stderr, "vsmctl: %s: %s\n", file, strerror(errno));
		return EXIT_USAGE;
	}
	ret = read_all(fd, &text, &len);
	if (fd)
		close(fd);
	if (ret) {
		fprintf(stderr, "vsmctl: %s: %s\n",
			strcmp(file, "-") ? file : "stdin", strerror(-ret));
		return EXIT_USAGE;
	}
	req.body = text;
	req.body_len = len;
	ret = transact(&req);
	free(text);
	return ret;
}

/* copy running-config startup-config */
int copy_main(int argc, char **argv)
{
	struct vsmd_req req;

	if (request("copy", NULL, argc, argv, &req))
		return usage_error();
	return transact(&req);
}

int show_running(int argc, char **argv)
{
	struct vsmd_req req;

	if (request("show", "running-config", argc, argv, &req))
		return usage_error();
	return transact(&req);
}

int show_port_profile(int argc, char **argv)
{
	struct vsmd_req req;

	if (request("show", "port-profile", argc, argv, &req))
		return usage_error();
	return transact(&req);
}

/* show interface virtual */
int show_interface_virtual(int argc, char **argv)
{
	struct vsmd_req req;

	if (request("show", "interface", argc, argv, &req))
		return usage_error();
	return transact(&req);
}

/*
 * The words of attach, detach and export as vsmd reads them: "--vm X" and
 * "--vm=X" become "vm X", as the VM managers' habit and NX-OS's meet.
 */
static int vsmd_words(const char *cmd, int argc, char **argv)
{
	char **words = calloc(2 * argc + 1, sizeof(*words));
	struct vsmd_req req;
	int n = 0, i, ret;
	char *eq;

	if (!words) {
		parse_fail("out of memory");
		return usage_error();
	}
	for (i = 0; i < argc; i++) {
		char *w = argv[i];

		if (!strncmp(w, "--", 2) && w[2]) {
			w += 2;
			eq = strchr(w, '=');
			if (eq) {
				*eq = '\0';
				words[n++] = w;
				w = eq + 1;
			}
		}
		words[n++] = w;
	}
	ret = request(cmd, NULL, n, words, &req);
	free(words);
	if (ret)
		return usage_error();
	return transact(&req);
}

/* attach --vm VM --mac MAC --dev IFNAME --profile NAME */
int attach_main(int argc, char **argv)
{
	return vsmd_words("attach", argc, argv);
}

/* detach --vm VM --mac MAC */
int detach_main(int argc, char **argv)
{
	return vsmd_words("detach", argc, argv);
}

/* export libvirt-network [--name NAME] [--bridge IFNAME] */
int export_main(int argc, char **argv)
{
	return vsmd_words("export", argc, argv);
}

/*
 * show ip|ipv6|mac access-lists [NAME]. The show table hands over the
 * words after the kind: the kind is the word before them.
 */
/* show policy-map [NAME] */
int show_policy_map(int argc, char **argv)
{
	struct vsmd_req req;

	if (request("show", "policy-map", argc, argv, &req))
		return usage_error();
	return transact(&req);
}

int show_acl(int argc, char **argv)
{
	struct vsmd_req req;

	if (request("show", argv[-1], argc, argv, &req))
		return usage_error();
	return transact(&req);
}
