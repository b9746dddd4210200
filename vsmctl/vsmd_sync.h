/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsmd_sync.h - from the configuration to the kernel: what the kernel
 * should hold for a configuration (vsmd_desired()), and the fewest
 * operations that take the kernel there from what it holds
 * (vsmd_sync()). Applying a batch and reconciling at start are the same
 * thing: read the kernel, compare, fix the differences. What already
 * matches is not touched, so a port's counters and bindings survive a
 * restart of vsmd.
 *
 * The mapping:
 *  - a port-profile becomes a kernel profile with its EVALUATED attributes
 *    (inheritance resolved here): type, mode, VLANs, shutdown, max-ports
 *    (ethernet profiles: VEM_PROFILE_PORTS_MAX, they are shared by every
 *    uplink of the host), enabled = "state enabled";
 *  - an interface bound to an enabled profile becomes a port naming it
 *    (VEM_A_PORT_PROFILE) and setting only its own overrides; the items it
 *    does not set are cleared (VEM_A_PORT_CLEAR);
 *  - an interface without a profile, or whose profile is not enabled (the
 *    kernel binds no port to a disabled profile), sets every item itself:
 *    its evaluated attributes, and shutdown while its profile is disabled
 *    so that no traffic flows on a VLAN nobody enabled;
 *  - an access-list becomes a kernel ACL of its family (ip: IPv4),
 *    remarks left out; a profile or port names one per family and
 *    direction, inherited and overridden like the other items;
 *  - a policy-map becomes a kernel QoS policy (rates and bursts in bit/s
 *    and bytes, the default burst made explicit); a profile or port names
 *    one per direction (service-policy input|output), like the ACLs;
 *  - profiles, ports, ACLs and QoS policies the configuration does not
 *    have are deleted.
 */

#ifndef VSMCTL_VSMD_SYNC_H
#define VSMCTL_VSMD_SYNC_H

#include "config.h"
#include "vsmd_kernel.h"

/*
 * The port items vsmd configures (enum vem_cfg_bits); a port without a
 * profile sets all of them itself.
 */
#define VSMD_CFG_ITEMS	(VEM_CFG_MODE | VEM_CFG_ACCESS_VLAN | VEM_CFG_NATIVE_VLAN | \
			 VEM_CFG_TRUNK_VLANS | VEM_CFG_SHUTDOWN | \
			 VEM_CFG_ACL_IP_IN | VEM_CFG_ACL_IP_OUT | \
			 VEM_CFG_ACL_IPV6_IN | VEM_CFG_ACL_IPV6_OUT | \
			 VEM_CFG_ACL_MAC_IN | VEM_CFG_ACL_MAC_OUT | \
			 VEM_CFG_STORM_BCAST | VEM_CFG_STORM_MCAST | \
			 VEM_CFG_STORM_UCAST | VEM_CFG_QOS_IN | VEM_CFG_QOS_OUT | \
			 VSMD_PSEC_BITS)

/* The port-security items. */
#define VSMD_PSEC_BITS	(VEM_CFG_PSEC | VEM_CFG_PSEC_MAX | \
			 VEM_CFG_PSEC_VIOLATION | VEM_CFG_PSEC_STICKY)

#define VSMD_ERR_LEN	(CONFIG_ERR_LEN + 256)

/* What the kernel should hold for cfg; -ENOMEM. Free with vsmd_kstate_free. */
int vsmd_desired(const struct config *cfg, struct vsmd_kstate *want);

struct vsmd_sync_stats {
	unsigned int profiles_new, profiles_set, profiles_del;
	unsigned int ports_new, ports_set, ports_del;
	unsigned int acls_new, acls_set, acls_del;
	unsigned int qos_new, qos_set, qos_del;
};

/* What ks holds of a port, of an ACL; NULL if nothing. */
struct port_info *vsmd_kstate_port(const struct vsmd_kstate *ks,
				   const struct port_ref *ref);
struct acl_info *vsmd_kstate_acl(const struct vsmd_kstate *ks,
				 const char *name);
struct qos_info *vsmd_kstate_qos(const struct vsmd_kstate *ks,
				 const char *name);

/* vsmd_qos.c */
/* A policy-map as the kernel takes it and reports it back. */
void vsmd_qos_info(const struct config_qos *q, struct qos_info *out);
/* Whether the kernel's policy k does what w says (users aside). */
bool vsmd_qos_same(const struct qos_info *k, const struct qos_info *w);

/* vsmd_acl.c */
/* enum vem_acl_family of an access-list kind. */
uint8_t vsmd_acl_family(uint8_t kind);
/* An access-list as the kernel takes it; -ENOMEM. entries malloc()ed. */
int vsmd_acl_info(const struct config_acl *acl, struct acl_info *out);
/* Whether the kernel's ACL k holds what w says (hits aside). */
bool vsmd_acl_same(const struct acl_info *k, const struct acl_info *w);

/*
 * Take the kernel to what cfg says: list it, compare, push the
 * differences. Stops at the first refusal: -errno with "what: why" in err.
 * stats (may be NULL) counts the operations done.
 */
int vsmd_sync(struct vsmd_kernel *k, const struct config *cfg,
	      struct vsmd_sync_stats *stats, char *err, size_t errlen);

#endif /* VSMCTL_VSMD_SYNC_H */
