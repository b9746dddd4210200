// SPDX-License-Identifier: GPL-2.0
/*
 * vsmd_io.c - frames over a non-blocking UNIX stream socket, each whole
 * transfer bounded by one deadline: a client that sends half a request
 * and stalls costs vsmd at most timeout_ms, never the daemon.
 */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "vsmd_io.h"
#include "vsmd_proto.h"

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wait for events on fd until the deadline. */
static int wait_fd(int fd, short events, int64_t deadline)
{
	struct pollfd pfd = { .fd = fd, .events = events };
	int64_t left;
	int ret;

	for (;;) {
		left = deadline - now_ms();
		if (left <= 0)
			return -ETIMEDOUT;
		ret = poll(&pfd, 1, left > 60000 ? 60000 : (int)left);
		if (ret < 0 && errno == EINTR)
			continue;
		if (ret < 0)
			return -errno;
		if (ret > 0)
			return 0;
	}
}

static int read_exact(int fd, char *buf, size_t len, int64_t deadline)
{
	while (len) {
		ssize_t r = recv(fd, buf, len, 0);
		int ret;

		if (r > 0) {
			buf += r;
			len -= r;
			continue;
		}
		if (!r)
			return -EPIPE;
		if (errno == EINTR)
			continue;
		if (errno != EAGAIN && errno != EWOULDBLOCK)
			return -errno;
		ret = wait_fd(fd, POLLIN, deadline);
		if (ret)
			return ret;
	}
	return 0;
}

int vsmd_io_read(int fd, int timeout_ms, char **payload, size_t *len)
{
	int64_t deadline = now_ms() + timeout_ms;
	unsigned char hdr[VSMD_HDR_LEN];
	uint32_t n;
	char *buf;
	int ret;

	ret = read_exact(fd, (char *)hdr, sizeof(hdr), deadline);
	if (ret)
		return ret;
	ret = vsmd_frame_len(hdr, &n);
	if (ret)
		return ret;
	/* Allocated only once the peer announced a sane size. */
	buf = malloc(n + 1);
	if (!buf)
		return -ENOMEM;
	ret = read_exact(fd, buf, n, deadline);
	if (ret) {
		free(buf);
		return ret;
	}
	buf[n] = '\0';
	*payload = buf;
	*len = n;
	return 0;
}

int vsmd_io_write(int fd, int timeout_ms, const char *buf, size_t len)
{
	int64_t deadline = now_ms() + timeout_ms;

	while (len) {
		/* MSG_NOSIGNAL: a client gone is an error, not a SIGPIPE. */
		ssize_t r = send(fd, buf, len, MSG_NOSIGNAL);
		int ret;

		if (r >= 0) {
			buf += r;
			len -= r;
			continue;
		}
		if (errno == EINTR)
			continue;
		if (errno != EAGAIN && errno != EWOULDBLOCK)
			return -errno;
		ret = wait_fd(fd, POLLOUT, deadline);
		if (ret)
			return ret;
	}
	return 0;
}

int vsmd_io_connect(const char *path)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd, ret;

	if (strlen(path) >= sizeof(sun.sun_path))
		return -ENAMETOOLONG;
	strcpy(sun.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	/* A local connect completes or fails at once. */
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun))) {
		ret = -errno;
		close(fd);
		return ret;
	}
	if (fcntl(fd, F_SETFL, O_NONBLOCK)) {
		ret = -errno;
		close(fd);
		return ret;
	}
	return fd;
}
