/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of the "vem" generic netlink family share: netlink.c has
 * the family, its policies, pre_doit/post_doit and the message helpers;
 * nl_switch.c, nl_port.c, nl_fdb.c and nl_profile.c the commands.
 */
#ifndef _VEM_NETLINK_H
#define _VEM_NETLINK_H

#include <net/genetlink.h>

#include "vem.h"

extern struct genl_family vem_genl_family;

/*
 * GENL_REQ_ATTR_CHECK() tells userspace which attribute is missing; this
 * adds the words for a human. True if @attr is missing.
 */
#define VEM_REQUIRE(info, attr, what)					\
	({								\
		bool __missing = GENL_REQ_ATTR_CHECK(info, attr);	\
		if (__missing)						\
			NL_SET_ERR_MSG_MOD((info)->extack,		\
					   "Missing attribute: " what);	\
		__missing;						\
	})

/* ops->internal_flags */
#define VEM_NL_NEED_SWITCH	BIT(0)	/* user_ptr[0]: the netns's switch */
#define VEM_NL_NEED_PORT	BIT(1)	/* user_ptr[1]: port TYPE/ID */
#define VEM_NL_NEED_RTNL	BIT(2)	/* may bind or unbind netdevs */
#define VEM_NL_NEED_PROFILE	BIT(3)	/* user_ptr[1]: profile NAME */
#define VEM_NL_NEED_ACL		BIT(4)	/* user_ptr[1]: ACL NAME */
#define VEM_NL_NEED_QOS		BIT(5)	/* user_ptr[1]: QoS policy NAME */

/* One ACL entry's attributes (netlink.c). */
extern const struct nla_policy vem_ace_policy[VEM_A_ACE_ETHERTYPE + 1];

/* A profile or ACL name: letters, digits, '-', '_' and '.'. */
bool vem_nl_name_ok(const char *name);

/* Writes one object into a message: the vem_nl_fill_* functions. */
typedef int (*vem_nl_fill_t)(struct sk_buff *skb, const void *obj,
			     u32 portid, u32 seq, int flags, u8 cmd);

/* Announce @obj to the events group of @sw. Any context; @gfp says which. */
void vem_nl_notify(struct vem_switch *sw, vem_nl_fill_t fill,
		   const void *obj, u8 cmd, gfp_t gfp);
/* Answer a do request with @obj, as @fill writes it. */
int vem_nl_reply(struct genl_info *info, vem_nl_fill_t fill, const void *obj,
		 u8 cmd);

/* Where a port's and a profile's messages carry the same items. */
struct vem_cfg_attrs {
	int mode, access_vlan, native_vlan, trunk_vlans, shutdown;
	int acl;	/* the first of VEM_ACL_SLOTS consecutive ones */
	int storm;	/* the first of VEM_STORM_KINDS consecutive ones */
	int qos;	/* the first of VEM_QOS_DIRS consecutive ones */
	int psec, psec_max, psec_violation, psec_sticky;
};

/* nl_port.c: the items ports and profiles share */
extern const struct vem_cfg_attrs vem_profile_cfg_attrs;
extern const struct vem_cfg_attrs vem_port_cfg_attrs;
int vem_nl_parse_cfg(struct genl_info *info, const struct vem_cfg_attrs *a,
		     struct vem_port_cfg *cfg);
int vem_nl_put_vlans(struct sk_buff *skb, int type,
		     const unsigned long *vlans);
int vem_nl_put_acls(struct sk_buff *skb, int first,
		    const struct vem_cfg_view *view);
void vem_cfg_update_acl_mask(struct vem_port_cfg *cfg);
int vem_nl_put_storm(struct sk_buff *skb, int first,
		     const struct vem_cfg_view *view);

/* psec.c: the port-security items */
void vem_nl_parse_psec(struct genl_info *info, const struct vem_cfg_attrs *a,
		       struct vem_port_cfg *cfg);
void vem_psec_clear(struct vem_port_cfg *cfg, const struct vem_port_cfg *def,
		    u32 clear);
int vem_nl_put_psec(struct sk_buff *skb, const struct vem_cfg_attrs *a,
		    bool psec, u32 max, u8 violation, bool sticky);
int vem_nl_put_psec_state(struct sk_buff *skb, const struct vem_port *port,
			  const struct vem_cfg_view *cfg);

/* The commands; each doit runs with vem_mutex held (pre_doit). */
int vem_nl_switch_new(struct sk_buff *skb, struct genl_info *info);
int vem_nl_switch_set(struct sk_buff *skb, struct genl_info *info);
int vem_nl_switch_del(struct sk_buff *skb, struct genl_info *info);
int vem_nl_switch_get(struct sk_buff *skb, struct genl_info *info);
int vem_nl_port_new(struct sk_buff *skb, struct genl_info *info);
int vem_nl_port_set(struct sk_buff *skb, struct genl_info *info);
int vem_nl_port_del(struct sk_buff *skb, struct genl_info *info);
int vem_nl_port_get(struct sk_buff *skb, struct genl_info *info);
int vem_nl_port_dump(struct sk_buff *skb, struct netlink_callback *cb);
int vem_nl_fdb_new(struct sk_buff *skb, struct genl_info *info);
int vem_nl_fdb_del(struct sk_buff *skb, struct genl_info *info);
int vem_nl_fdb_get(struct sk_buff *skb, struct genl_info *info);
int vem_nl_fdb_dump(struct sk_buff *skb, struct netlink_callback *cb);
int vem_nl_fdb_flush(struct sk_buff *skb, struct genl_info *info);
int vem_nl_profile_new(struct sk_buff *skb, struct genl_info *info);
int vem_nl_profile_set(struct sk_buff *skb, struct genl_info *info);
int vem_nl_profile_del(struct sk_buff *skb, struct genl_info *info);
int vem_nl_profile_get(struct sk_buff *skb, struct genl_info *info);
int vem_nl_profile_dump(struct sk_buff *skb, struct netlink_callback *cb);
int vem_nl_fill_acl_event(struct sk_buff *skb, const void *obj, u32 portid,
			  u32 seq, int flags, u8 cmd);
int vem_nl_acl_new(struct sk_buff *skb, struct genl_info *info);
int vem_nl_acl_set(struct sk_buff *skb, struct genl_info *info);
int vem_nl_acl_del(struct sk_buff *skb, struct genl_info *info);
int vem_nl_acl_get(struct sk_buff *skb, struct genl_info *info);
int vem_nl_acl_dump(struct sk_buff *skb, struct netlink_callback *cb);

/* nl_qos.c */
int vem_nl_parse_qos_slots(struct genl_info *info, int first,
			   struct vem_port_cfg *cfg);
int vem_nl_put_qos(struct sk_buff *skb, int first,
		   struct vem_qos *const *qos);
int vem_nl_qos_new(struct sk_buff *skb, struct genl_info *info);
int vem_nl_qos_set(struct sk_buff *skb, struct genl_info *info);
int vem_nl_qos_del(struct sk_buff *skb, struct genl_info *info);
int vem_nl_qos_get(struct sk_buff *skb, struct genl_info *info);
int vem_nl_qos_dump(struct sk_buff *skb, struct netlink_callback *cb);

#endif /* _VEM_NETLINK_H */
