// SPDX-License-Identifier: GPL-2.0
/*
 * vsmd.c - the vnlink supervisor daemon: owns the configuration of the
 * switch, persists it on "copy running-config startup-config", loads it
 * at start, pushes it to vem.ko and serves vsmctl on a UNIX socket.
 *
 * Forwarding does not depend on vsmd: the kernel keeps switching with
 * what it was last told while vsmd is down or restarting, and vsmd on
 * start only fixes what differs from its configuration.
 *
 * One client at a time, each bounded by --client-timeout for its
 * request and its reply: a client that stalls is dropped, never waited on.
 */

#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <getopt.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include "parse.h"
#include "store.h"
#include "vsmd_io.h"
#include "vsmd_kernel.h"
#include "vsmd_proto.h"
#include "vsmd_psec.h"
#include "vsmd_serve.h"
#include "vsmd_sync.h"

#ifndef VSMCTL_VERSION
#define VSMCTL_VERSION "0.1"
#endif

#define VSMD_DEFAULT_GROUP	"vnlink"

/*
 * The kernel vsmd drives: vem.ko, unless a test build puts its fake one
 * here (tests/unit: vsmd over fake_kernel.c, for the daemon's own test).
 */
#ifndef VSMD_KERNEL_OPS
#define VSMD_KERNEL_OPS		vsmd_kernel_netlink
#define VSMD_KERNEL_PRIV	NULL
#endif

static struct {
	const char *socket_path;
	const char *group;		/* NULL: root's group */
	bool group_given;
	const char *config_path;
	bool foreground;
	int timeout_ms;			/* for one client's request and reply */
} args = {
	.socket_path = VSMD_SOCKET_PATH,
	.group = VSMD_DEFAULT_GROUP,
	.config_path = STORE_DEFAULT_PATH,
	.timeout_ms = 5000,
};

static bool use_syslog;

static void vsmd_log(int prio, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void vsmd_log(int prio, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (use_syslog) {
		vsyslog(prio, fmt, ap);
	} else {
		fputs("vsmd: ", stderr);
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
	}
	va_end(ap);
}

static const char usage_text[] =
"Usage: vsmd [--socket PATH] [--group NAME] [--config PATH] [--foreground]\n"
"            [--client-timeout SEC]\n"
"\n"
"  -s, --socket PATH   the socket vsmctl connects to (" VSMD_SOCKET_PATH ")\n"
"  -g, --group NAME    the group allowed to use it (" VSMD_DEFAULT_GROUP
" if it exists, else root)\n"
"  -c, --config PATH   the startup-config (" STORE_DEFAULT_PATH ")\n"
"  -f, --foreground    do not detach; log to stderr\n"
"  -t, --client-timeout SEC  drop a client that takes longer (5)\n"
"  -h, --help          this help\n"
"  -V, --version       the version\n";

static int parse_args(int argc, char **argv)
{
	static const struct option long_opts[] = {
		{ "socket", required_argument, NULL, 's' },
		{ "group", required_argument, NULL, 'g' },
		{ "config", required_argument, NULL, 'c' },
		{ "foreground", no_argument, NULL, 'f' },
		{ "client-timeout", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	uint32_t secs;
	int c;

	while ((c = getopt_long(argc, argv, "s:g:c:ft:hV", long_opts, NULL)) != -1) {
		switch (c) {
		case 's':
			args.socket_path = optarg;
			break;
		case 'g':
			args.group = optarg;
			args.group_given = true;
			break;
		case 'c':
			args.config_path = optarg;
			break;
		case 'f':
			args.foreground = true;
			break;
		case 't':
			if (parse_u32(optarg, 1, 3600, &secs, "timeout")) {
				fprintf(stderr, "vsmd: %s\n", parse_error());
				return -1;
			}
			args.timeout_ms = secs * 1000;
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(0);
		case 'V':
			printf("vsmd %s\n", VSMCTL_VERSION);
			exit(0);
		default:
			fputs("Try 'vsmd --help'.\n", stderr);
			return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "vsmd: unexpected \"%s\"\n", argv[optind]);
		return -1;
	}
	return 0;
}

/*
 * The group that may talk to vsmd. An explicit --group must exist; the
 * default one is used only if it does, else only root gets in.
 */
static int socket_gid(gid_t *gid)
{
	struct group *gr = getgrnam(args.group);

	if (gr) {
		*gid = gr->gr_gid;
		return 0;
	}
	if (args.group_given) {
		vsmd_log(LOG_ERR, "no group \"%s\"", args.group);
		return -1;
	}
	*gid = 0;
	return 0;
}

/* Create the parent directory of the socket (/run/vnlink) if missing. */
static void make_parent(const char *path)
{
	char dir[sizeof(((struct sockaddr_un *)0)->sun_path)];
	char *slash;

	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return;
	*slash = '\0';
	if (mkdir(dir, 0755) && errno != EEXIST)
		vsmd_log(LOG_WARNING, "%s: %s", dir, strerror(errno));
}

static int listen_socket(void)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	struct stat sb;
	mode_t old;
	gid_t gid;
	int fd;

	if (socket_gid(&gid))
		return -1;
	if (strlen(args.socket_path) >= sizeof(sun.sun_path)) {
		vsmd_log(LOG_ERR, "%s: path too long", args.socket_path);
		return -1;
	}
	strcpy(sun.sun_path, args.socket_path);
	make_parent(args.socket_path);
	/* A socket left by a vsmd that died; never remove anything else. */
	if (!lstat(args.socket_path, &sb)) {
		if (!S_ISSOCK(sb.st_mode)) {
			vsmd_log(LOG_ERR, "%s exists and is not a socket",
				 args.socket_path);
			return -1;
		}
		if (vsmd_io_connect(args.socket_path) >= 0) {
			vsmd_log(LOG_ERR, "%s: another vsmd is running",
				 args.socket_path);
			return -1;
		}
		unlink(args.socket_path);
	}
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0) {
		vsmd_log(LOG_ERR, "socket: %s", strerror(errno));
		return -1;
	}
	/* Nobody but root may connect before the mode and group are set. */
	old = umask(0177);
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun))) {
		umask(old);
		vsmd_log(LOG_ERR, "%s: %s", args.socket_path, strerror(errno));
		close(fd);
		return -1;
	}
	umask(old);
	if (chown(args.socket_path, 0, gid) ||
	    chmod(args.socket_path, 0660) || listen(fd, 16)) {
		vsmd_log(LOG_ERR, "%s: %s", args.socket_path, strerror(errno));
		close(fd);
		unlink(args.socket_path);
		return -1;
	}
	return fd;
}

static void serve_client(struct vsmd *d, int lfd)
{
	char *payload, *frame;
	size_t len, flen;
	int fd, ret;

	fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
	if (fd < 0)
		return;
	ret = vsmd_io_read(fd, args.timeout_ms, &payload, &len);
	if (ret) {
		if (ret != -EPIPE)
			vsmd_log(LOG_WARNING, "client dropped: %s",
				 strerror(-ret));
		close(fd);
		return;
	}
	ret = vsmd_handle(d, payload, len, &frame, &flen);
	free(payload);
	if (!ret) {
		ret = vsmd_io_write(fd, args.timeout_ms, frame, flen);
		free(frame);
		if (ret)
			vsmd_log(LOG_WARNING, "reply not delivered: %s",
				 strerror(-ret));
	}
	close(fd);
}

/*
 * Tell systemd (Type=notify) that the socket is ready: clients started
 * after vsmd.service find it. The protocol is one datagram; no libsystemd.
 */
static void notify_ready(void)
{
	const char *path = getenv("NOTIFY_SOCKET");
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	socklen_t len;
	int fd;

	if (!path || (path[0] != '/' && path[0] != '@') ||
	    strlen(path) >= sizeof(sun.sun_path))
		return;
	strcpy(sun.sun_path, path);
	len = offsetof(struct sockaddr_un, sun_path) + strlen(path);
	if (path[0] == '@')
		sun.sun_path[0] = '\0';	/* abstract namespace */
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return;
	if (sendto(fd, "READY=1", 7, MSG_NOSIGNAL, (struct sockaddr *)&sun,
		   len) < 0)
		vsmd_log(LOG_WARNING, "cannot notify systemd: %s",
			 strerror(errno));
	close(fd);
}

/* SIGTERM, SIGINT and SIGHUP end the loop; SIGPIPE is ignored. */
static int signal_fd(void)
{
	sigset_t set;

	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &set, NULL))
		return -1;
	return signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
}

/*
 * Sticky port security: learned addresses become configuration. vsmd
 * listens to the kernel's events only while some interface is sticky (a
 * listener costs the kernel a message per learned address). After a
 * request (it may have turned sticky on where addresses are learned
 * already) the whole table is read, the events group joined first so
 * that nothing learned in between is missed; otherwise the events say.
 * Returns the events descriptor, -1 if none.
 */
static int sticky_learn(struct vsmd *d, int efd, bool resync)
{
	struct vsmd_kernel *k = d->kernel;
	char err[VSMD_ERR_LEN];
	bool want = vsmd_psec_any_sticky(&d->running);
	int ret;

	if (want && efd < 0) {
		efd = k->ops->events_open(k);
		if (efd < 0)
			vsmd_log(LOG_WARNING, "no kernel events (sticky addresses are learned at each request only): %s",
				 k->ops->strerror(k));
		resync = true;
	} else if (!want && efd >= 0) {
		k->ops->events_close(k);
		efd = -1;
	}
	if (!want)
		return efd;
	ret = resync || efd < 0 ? vsmd_psec_resync(d, err, sizeof(err)) :
				  vsmd_psec_events(d, err, sizeof(err));
	if (ret)
		vsmd_log(LOG_WARNING, "sticky addresses: %s", err);
	return efd;
}

static void loop(struct vsmd *d, int lfd, int sfd)
{
	struct pollfd pfd[4] = {
		{ .fd = lfd, .events = POLLIN },
		{ .fd = sfd, .events = POLLIN },
		{ .fd = store_watch_fd(d->store), .events = POLLIN },
		{ .fd = -1, .events = POLLIN },	/* kernel events; -1: none */
	};

	pfd[3].fd = sticky_learn(d, -1, true);
	for (;;) {
		if (poll(pfd, 4, -1) < 0) {
			if (errno == EINTR)
				continue;
			vsmd_log(LOG_ERR, "poll: %s", strerror(errno));
			return;
		}
		if (pfd[1].revents)
			return;
		if (pfd[2].revents && store_watch_changed(d->store) > 0)
			/*
			 * As in NX-OS, the startup-config is read at start
			 * only: the running configuration stays.
			 */
			vsmd_log(LOG_NOTICE, "%s changed by another writer; the running configuration is unchanged",
				 d->store->where);
		if (pfd[3].fd >= 0 && pfd[3].revents)
			pfd[3].fd = sticky_learn(d, pfd[3].fd, false);
		if (pfd[0].revents) {
			serve_client(d, lfd);
			pfd[3].fd = sticky_learn(d, pfd[3].fd, true);
		}
	}
}

int main(int argc, char **argv)
{
	struct vsmd_kernel kernel = { &VSMD_KERNEL_OPS, VSMD_KERNEL_PRIV };
	char err[VSMD_ERR_LEN];
	struct store st;
	struct vsmd d = { .store = &st, .kernel = &kernel };
	int lfd = -1, sfd = -1, ret, status = 1;

	if (parse_args(argc, argv))
		return 1;
	config_init(&d.running);
	ret = store_open(&st, &store_file_ops, args.config_path);
	if (ret) {
		vsmd_log(LOG_ERR, "%s", st.err);
		return 1;
	}
	/*
	 * The socket first: a second vsmd, or one that cannot serve, must
	 * stop before it touches the kernel.
	 */
	sfd = signal_fd();
	lfd = listen_socket();
	if (sfd < 0 || lfd < 0)
		goto out;
	ret = kernel.ops->open(&kernel);
	if (ret) {
		vsmd_log(LOG_ERR, "cannot reach vem.ko: %s",
			 kernel.ops->strerror(&kernel));
		goto out;
	}
	ret = vsmd_start(&d, err, sizeof(err));
	if (ret && st.err[0]) {
		/*
		 * The store failed (or holds what does not parse): never run
		 * with, or later commit over, what we could not read.
		 */
		vsmd_log(LOG_ERR, "%s; not starting", err);
		goto out;
	} else if (ret) {
		/* The operator fixes it through vsmctl: serve anyway. */
		vsmd_log(LOG_ERR, "the kernel refused the startup-config: %s",
			 err);
	}
	if (!args.foreground) {
		if (daemon(0, 0)) {
			vsmd_log(LOG_ERR, "daemon: %s", strerror(errno));
			goto out;
		}
		openlog("vsmd", LOG_PID, LOG_DAEMON);
		use_syslog = true;
	}
	vsmd_log(LOG_INFO, "serving %s, configuration from %s",
		 args.socket_path, st.where);
	notify_ready();
	loop(&d, lfd, sfd);
	status = 0;
out:
	if (lfd >= 0) {
		close(lfd);
		unlink(args.socket_path);
	}
	if (sfd >= 0)
		close(sfd);
	kernel.ops->close(&kernel);
	store_close(&st);
	config_free(&d.running);
	return status;
}
