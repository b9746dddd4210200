/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsmd_psec.h - vsmd and port security: sticky addresses pushed as static
 * MAC entries (vsmd_psec.c, a phase of vsmd_sync()) and learned from the
 * kernel's events (vsmd_psec_learn.c).
 */

#ifndef VSMCTL_VSMD_PSEC_H
#define VSMCTL_VSMD_PSEC_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "vsmd_kernel.h"

/* Whether the interface's evaluated configuration has sticky port security. */
bool vsmd_psec_sticky_on(const struct config *cfg,
			 const struct config_iface *ifc);

/*
 * Every sticky address a static entry of its port; on sticky ports, no
 * other static entry. 0 or -errno with "what: why" in err.
 */
int vsmd_sync_sticky(struct vsmd_kernel *k, const struct config *cfg,
		     char *err, size_t errlen);

/* Whether any interface has sticky port security. */
bool vsmd_psec_any_sticky(const struct config *cfg);

struct vsmd;

/*
 * Learned entries (dynamic, of ports with sticky port security) that are
 * not sticky addresses yet become "mac-address sticky" lines: the
 * configuration is pushed (the entries become static) and saved at once,
 * as attach does. 0 (nothing to do too) or -errno with the reason in err.
 */
int vsmd_psec_adopt(struct vsmd *d, const struct fdb_entry *entries,
		    size_t n, char *err, size_t errlen);
/* vsmd_psec_adopt() over the whole MAC table, when sticky ports exist. */
int vsmd_psec_resync(struct vsmd *d, char *err, size_t errlen);
/* The pending kernel events (FDB_NEW), a resync if some were lost. */
int vsmd_psec_events(struct vsmd *d, char *err, size_t errlen);

#endif /* VSMCTL_VSMD_PSEC_H */
