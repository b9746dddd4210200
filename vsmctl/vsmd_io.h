/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsmd_io.h - moving vsmd_proto frames over a UNIX stream socket, with a
 * deadline: neither side waits forever on the other. Shared by vsmd and
 * vsmctl. Every function returns 0 or a negative errno (-ETIMEDOUT when
 * the deadline passes, -EPIPE when the peer closed).
 */

#ifndef VSMCTL_VSMD_IO_H
#define VSMCTL_VSMD_IO_H

#include <stddef.h>

/* One frame's payload, malloc()ed (NUL-terminated, not counted in len). */
int vsmd_io_read(int fd, int timeout_ms, char **payload, size_t *len);
int vsmd_io_write(int fd, int timeout_ms, const char *buf, size_t len);

/* A connected, non-blocking socket to vsmd at path; -errno. */
int vsmd_io_connect(const char *path);

#endif /* VSMCTL_VSMD_IO_H */
