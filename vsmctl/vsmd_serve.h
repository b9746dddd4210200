/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsmd_serve.h - vsmd's state and what it does with one request: the
 * running configuration, the store it persists to, the kernel it pushes
 * to. No socket here (vsmd.c accepts and moves bytes), so the whole
 * request path is tested with the fake kernel and a file store in a
 * temporary directory.
 */

#ifndef VSMCTL_VSMD_SERVE_H
#define VSMCTL_VSMD_SERVE_H

#include <stddef.h>

#include "config.h"
#include "store.h"
#include "vsmd_kernel.h"

struct vsmd {
	struct config running;
	struct store *store;
	struct vsmd_kernel *kernel;
};

/*
 * Start: load the startup-config from the store into d->running (empty
 * before), then reconcile the kernel with it. -EINVAL (a corrupt store:
 * do not start) or the store's error, with the reason in err; a kernel
 * refusal is returned too (-errno), d->running then holds the
 * configuration all the same and the caller decides.
 */
int vsmd_start(struct vsmd *d, char *err, size_t errlen);

/*
 * One request payload in, one reply frame out (malloc()ed). Returns 0, or
 * -ENOMEM if not even an error reply could be built.
 */
int vsmd_handle(struct vsmd *d, const char *payload, size_t len,
		char **frame, size_t *frame_len);

/*
 * configure: the batch applied to a copy of the running configuration,
 * pushed to the kernel, and only then made the running configuration.
 * If the kernel refuses part of it, the kernel is taken back to the
 * running configuration (best effort) and nothing changes. Returns 0 or
 * -errno with *line (0 if none) and the message in err.
 */
int vsmd_configure(struct vsmd *d, const char *text, size_t len,
		   unsigned int *line, char *err, size_t errlen);

#endif /* VSMCTL_VSMD_SERVE_H */
