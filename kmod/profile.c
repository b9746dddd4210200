// SPDX-License-Identifier: GPL-2.0
/*
 * Port profiles: named, evaluated configuration shared by ports. A change
 * is one RCU publish that every bound port sees at once.
 */

#include <linux/netlink.h>

#include "vem.h"

/* Must hold vem_mutex. */
struct vem_profile *vem_profile_find(struct vem_switch *sw, const char *name)
{
	struct vem_profile *prof;

	ASSERT_VEM_LOCKED();
	list_for_each_entry(prof, &sw->profiles, node)
		if (!strcmp(prof->name, name))
			return prof;
	return NULL;
}

/* Must hold vem_mutex. @cfg is copied; the caller checked @name. */
struct vem_profile *vem_profile_create(struct vem_switch *sw, const char *name,
				       u8 type, const struct vem_port_cfg *cfg)
{
	struct vem_port_cfg *pcfg;
	struct vem_profile *prof;

	ASSERT_VEM_LOCKED();

	prof = kzalloc(sizeof(*prof), GFP_KERNEL);
	if (!prof)
		return ERR_PTR(-ENOMEM);
	pcfg = kmemdup(cfg, sizeof(*cfg), GFP_KERNEL);
	if (!pcfg) {
		kfree(prof);
		return ERR_PTR(-ENOMEM);
	}
	strscpy(prof->name, name, sizeof(prof->name));
	prof->type = type;
	prof->max_ports = VEM_PROFILE_PORTS_DEFAULT;
	prof->enabled = true;
	RCU_INIT_POINTER(prof->cfg, pcfg);
	vem_acl_cfg_hold(pcfg);
	vem_qos_cfg_hold(pcfg);
	list_add_tail(&prof->node, &sw->profiles);
	return prof;
}

static void vem_profile_free_rcu(struct rcu_head *head)
{
	struct vem_profile *prof = container_of(head, struct vem_profile, rcu);

	kfree(rcu_dereference_raw(prof->cfg));
	kfree(prof);
}

/* Must hold vem_mutex. No port may be bound to it. */
void vem_profile_destroy(struct vem_profile *prof)
{
	ASSERT_VEM_LOCKED();
	WARN_ON_ONCE(prof->n_ports);

	vem_acl_cfg_release(vem_dereference(prof->cfg));
	vem_qos_cfg_release(vem_dereference(prof->cfg));
	list_del(&prof->node);
	call_rcu(&prof->rcu, vem_profile_free_rcu);
}

/* Must hold vem_mutex. Takes ownership of @cfg: one publish for all ports. */
void vem_profile_set_cfg(struct vem_profile *prof, struct vem_port_cfg *cfg)
{
	struct vem_port_cfg *old = vem_dereference(prof->cfg);

	vem_acl_cfg_hold(cfg);
	vem_qos_cfg_hold(cfg);
	rcu_assign_pointer(prof->cfg, cfg);
	vem_acl_cfg_release(old);
	vem_qos_cfg_release(old);
	kfree_rcu(old, rcu);
}

/*
 * Whether @port may bind to @prof: the profile serves its type, is enabled
 * and not full. Must hold vem_mutex.
 */
int vem_profile_may_bind(const struct vem_port *port, struct vem_profile *prof,
			 struct netlink_ext_ack *extack)
{
	ASSERT_VEM_LOCKED();

	if (!prof || prof == rcu_access_pointer(port->profile))
		return 0;
	if (prof->type != port->type) {
		NL_SET_ERR_MSG_MOD(extack, "The profile is for another type of port");
		return -EINVAL;
	}
	if (!prof->enabled) {
		NL_SET_ERR_MSG_MOD(extack, "The profile is not enabled");
		return -EINVAL;
	}
	if (prof->n_ports >= prof->max_ports) {
		NL_SET_ERR_MSG_MOD(extack, "The profile has reached its max-ports");
		return -ENOSPC;
	}
	return 0;
}

/*
 * Bind @port to @prof (NULL: to none). Fails, changing nothing, when
 * vem_profile_may_bind() says no. Must hold vem_mutex.
 */
int vem_port_set_profile(struct vem_port *port, struct vem_profile *prof,
			 struct netlink_ext_ack *extack)
{
	struct vem_profile *old = vem_dereference(port->profile);
	int err;

	err = vem_profile_may_bind(port, prof, extack);
	if (err || prof == old)
		return err;
	if (prof)
		prof->n_ports++;
	if (old)
		old->n_ports--;
	rcu_assign_pointer(port->profile, prof);
	vem_switch_changed(port->sw);
	return 0;
}
