/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsmd_show.h - what vsmd answers to "show running-config" and "show
 * port-profile": text as NX-OS prints it, or JSON. Pure: the model in, a
 * FILE out.
 */

#ifndef VSMCTL_VSMD_SHOW_H
#define VSMCTL_VSMD_SHOW_H

#include <stdio.h>

#include "config.h"
#include "vsmd_proto.h"

/* pretty: indented JSON. -ENOENT if the profile or interface asked for does not exist. */
int vsmd_show_running(FILE *f, const struct config *cfg,
		      const struct config_filter *filter, bool json,
		      bool pretty);
int vsmd_show_profiles(FILE *f, const struct config *cfg,
		       enum vsmd_pp_show what, const char *name, bool json,
		       bool pretty);

#endif /* VSMCTL_VSMD_SHOW_H */
