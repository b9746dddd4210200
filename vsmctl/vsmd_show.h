/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsmd_show.h - what vsmd answers to "show running-config", "show
 * port-profile", "show interface virtual" and "export": text as NX-OS
 * prints it, or JSON. Pure: the model (and the kernel's state) in, a FILE
 * out.
 */

#ifndef VSMCTL_VSMD_SHOW_H
#define VSMCTL_VSMD_SHOW_H

#include <stdio.h>

#include "config.h"
#include "vsmd_kernel.h"
#include "vsmd_proto.h"

/* pretty: indented JSON. -ENOENT if the profile or interface asked for does not exist. */
int vsmd_show_running(FILE *f, const struct config *cfg,
		      const struct config_filter *filter, bool json,
		      bool pretty);
int vsmd_show_profiles(FILE *f, const struct config *cfg,
		       enum vsmd_pp_show what, const char *name, bool json,
		       bool pretty);

/*
 * show interface virtual: the vethernets that belong to VM vNICs, with the
 * netdev and state the kernel (ks) reports.
 */
int vsmd_show_virtual(FILE *f, const struct config *cfg,
		      const struct vsmd_kstate *ks, bool json, bool pretty);

/*
 * show ip|ipv6|mac access-lists [NAME]: the lists of that kind (name ""
 * for all) with the hit counters the kernel (ks) reports for each entry.
 * -ENOENT if the list asked for does not exist.
 */
/*
 * show policy-map [NAME] ("" every one): the policy-maps as configured,
 * who uses them, and whether the kernel holds them (its users count).
 * -ENOENT if NAME is not configured.
 */
int vsmd_show_qos(FILE *f, const struct config *cfg,
		  const struct vsmd_kstate *ks, const char *name, bool json,
		  bool pretty);
int vsmd_show_acls(FILE *f, const struct config *cfg,
		   const struct vsmd_kstate *ks, uint8_t kind,
		   const char *name, bool json, bool pretty);

/* export libvirt-network: the enabled vethernet profiles as port groups. */
int vsmd_export_libvirt(FILE *f, const struct config *cfg, const char *net,
			const char *bridge);

#endif /* VSMCTL_VSMD_SHOW_H */
