// SPDX-License-Identifier: GPL-2.0
/*
 * test_vsmd_io.c - vsmctl/vsmd_io.c over socket pairs: frames whole,
 * split in pieces, and what a bad peer gets: a stall times out, an
 * oversized frame is refused before anything is allocated, a peer that
 * goes away is an error and not a SIGPIPE.
 */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "vsmd_io.h"
#include "vsmd_proto.h"
#include "tap.h"

static void pair(int sv[2])
{
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		exit(1);
	fcntl(sv[0], F_SETFL, O_NONBLOCK);
	fcntl(sv[1], F_SETFL, O_NONBLOCK);
}

int main(void)
{
	struct vsmd_req req = { .op = VSMD_OP_SHOW_RUNNING };
	char *frame, *payload, big[4096];
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	size_t len, plen;
	struct vsmd_req out;
	int sv[2], fd, lfd;

	tap_init();
	pair(sv);
	vsmd_req_encode(&req, &frame, &len);
	ok(!vsmd_io_write(sv[0], 1000, frame, len), "write a frame");
	ok(!vsmd_io_read(sv[1], 1000, &payload, &plen) &&
	   plen == len - VSMD_HDR_LEN &&
	   !vsmd_req_decode(payload, plen, &out) &&
	   out.op == VSMD_OP_SHOW_RUNNING, "read it back whole");
	free(payload);

	/* Half a frame, then silence: bounded by the timeout. */
	ok(write(sv[0], frame, len - 3) == (ssize_t)len - 3, "send half a frame");
	ok(vsmd_io_read(sv[1], 200, &payload, &plen) == -ETIMEDOUT,
	   "a stalled peer times out");
	close(sv[0]);
	close(sv[1]);

	pair(sv);
	ok(write(sv[0], "\xff\xff\xff\xff", 4) == 4 &&
	   vsmd_io_read(sv[1], 200, &payload, &plen) == -EMSGSIZE,
	   "a frame over VSMD_MSG_MAX is refused from its header");
	close(sv[0]);
	ok(vsmd_io_read(sv[1], 200, &payload, &plen) == -EPIPE,
	   "a peer that closed: EPIPE");
	close(sv[1]);

	pair(sv);
	close(sv[1]);
	ok(vsmd_io_write(sv[0], 200, frame, len) == -EPIPE,
	   "writing to a closed peer: EPIPE, no SIGPIPE");
	close(sv[0]);

	/* A peer that does not read: the writer gives up. */
	pair(sv);
	memset(big, 'x', sizeof(big));
	{
		int ret = 0, i;

		for (i = 0; i < 100000 && !ret; i++)
			ret = vsmd_io_write(sv[0], 100, big, sizeof(big));
		ok(ret == -ETIMEDOUT, "a peer that does not read: the write times out");
	}
	close(sv[0]);
	close(sv[1]);
	free(frame);

	ok(vsmd_io_connect("/nonexistent/vsmd.sock") == -ENOENT,
	   "connect to a missing socket: ENOENT");
	snprintf(sun.sun_path, sizeof(sun.sun_path), "/tmp/test_vsmd_io.%d",
		 (int)getpid());
	lfd = socket(AF_UNIX, SOCK_STREAM, 0);
	ok(!bind(lfd, (struct sockaddr *)&sun, sizeof(sun)) && !listen(lfd, 1),
	   "listen");
	fd = vsmd_io_connect(sun.sun_path);
	ok(fd >= 0 && (fcntl(fd, F_GETFL) & O_NONBLOCK),
	   "connect: a non-blocking socket");
	if (fd >= 0)
		close(fd);
	close(lfd);
	unlink(sun.sun_path);
	return tap_exit();
}
