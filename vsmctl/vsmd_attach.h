/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsmd_attach.h - VM vNICs onto vethernets and off them: what the VM
 * manager asks for when a VM powers on or off (vsmctl attach/detach, the
 * libvirt hook).
 *
 * A vNIC is (VM, MAC): the VM's name or UUID, and the vNIC's MAC address.
 * Its vethernet is the interface whose configuration says "vm VM mac MAC";
 * attach creates that interface, with the lowest free number, the first
 * time, and finds it again every later time, on any netdev. The number,
 * the configuration and the counters are the vEth's, not the netdev's.
 * detach unbinds the netdev; a profile with "port-binding ephemeral"
 * frees the vethernet too, "static" (the default) keeps it for the next
 * attach.
 *
 * Both save the configuration (as copy running-config startup-config
 * does): a vethernet number must outlive a restart of vsmd.
 */

#ifndef VSMCTL_VSMD_ATTACH_H
#define VSMCTL_VSMD_ATTACH_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "vsmd_serve.h"

struct vsmd_vnic {
	const char *vm;
	const uint8_t *mac;		/* 6 bytes */
	const char *dev;		/* attach: the netdev */
	const char *profile;		/* attach: a vethernet profile */
};

struct vsmd_attach_result {
	struct port_ref ref;
	bool created;			/* attach: a new vethernet */
	bool freed;			/* detach: ephemeral, deleted */
};

/*
 * All or nothing: on any error the configuration, the kernel and the
 * store are as before (best effort for the kernel, as for configure).
 * Returns 0 or -errno with the reason in err: -ENOENT (no such profile;
 * detach: no vethernet of this vNIC), -EINVAL (a profile that VMs
 * cannot use), -ENOSPC (the profile's max-ports reached), -ENODEV (no such
 * device), or what the kernel or the store said.
 */
int vsmd_attach(struct vsmd *d, const struct vsmd_vnic *v,
		struct vsmd_attach_result *res, char *err, size_t errlen);
int vsmd_detach(struct vsmd *d, const struct vsmd_vnic *v,
		struct vsmd_attach_result *res, char *err, size_t errlen);

#endif /* VSMCTL_VSMD_ATTACH_H */
