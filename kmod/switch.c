// SPDX-License-Identifier: GPL-2.0
/*
 * The switch instance: at most one per network namespace (one "host").
 */

#include <net/net_namespace.h>
#include <net/netns/generic.h>

#include "vem.h"

struct vem_net {
	struct vem_switch __rcu *sw;
};

static unsigned int vem_net_id __read_mostly;

/* Called under RCU or with vem_mutex held. */
struct vem_switch *vem_switch_get(struct net *net)
{
	struct vem_net *vn = net_generic(net, vem_net_id);

	return rcu_dereference_check(vn->sw, lockdep_is_held(&vem_mutex));
}

/* Must hold vem_mutex. */
struct vem_switch *vem_switch_create(struct net *net, u32 ageing_s, u32 fdb_max)
{
	struct vem_net *vn = net_generic(net, vem_net_id);
	struct vem_switch *sw;
	int err;

	ASSERT_VEM_LOCKED();

	sw = kzalloc(sizeof(*sw), GFP_KERNEL);
	if (!sw)
		return ERR_PTR(-ENOMEM);
	sw->net = net;
	INIT_LIST_HEAD(&sw->ports);
	INIT_LIST_HEAD(&sw->profiles);
	INIT_LIST_HEAD(&sw->acls);
	INIT_LIST_HEAD(&sw->qos);
	sw->gen = 1;	/* 0 would disable the dump check */
	xa_init(&sw->port_index);
	err = vem_fdb_init(&sw->fdb, sw, ageing_s, fdb_max);
	if (err) {
		kfree(sw);
		return ERR_PTR(err);
	}
	rcu_assign_pointer(vn->sw, sw);
	return sw;
}

/*
 * Unbind and delete every port, empty the MAC table, free the switch after
 * a grace period (dumps may still be walking it).
 * Must hold RTNL and vem_mutex.
 */
void vem_switch_destroy(struct vem_switch *sw)
{
	struct vem_net *vn = net_generic(sw->net, vem_net_id);
	struct vem_profile *prof, *ptmp;
	struct vem_port *port, *tmp;
	struct vem_acl *acl, *atmp;
	struct vem_qos *qos, *qtmp;

	ASSERT_RTNL();
	ASSERT_VEM_LOCKED();

	RCU_INIT_POINTER(vn->sw, NULL);
	list_for_each_entry_safe(port, tmp, &sw->ports, node)
		vem_port_destroy(port);
	list_for_each_entry_safe(prof, ptmp, &sw->profiles, node)
		vem_profile_destroy(prof);
	/* Nothing names them any more. */
	list_for_each_entry_safe(acl, atmp, &sw->acls, node)
		vem_acl_destroy(sw, acl);
	list_for_each_entry_safe(qos, qtmp, &sw->qos, node)
		vem_qos_destroy(sw, qos);
	vem_fdb_uninit(&sw->fdb);
	xa_destroy(&sw->port_index);
	kfree_rcu(sw, rcu);
}

/*
 * The namespace is going away. Its netdevs have been unregistered or moved
 * out already (which unbound them), but do not rely on it.
 */
static void __net_exit vem_net_exit(struct net *net)
{
	struct vem_switch *sw;

	rtnl_lock();
	mutex_lock(&vem_mutex);
	sw = vem_switch_get(net);
	if (sw)
		vem_switch_destroy(sw);
	mutex_unlock(&vem_mutex);
	rtnl_unlock();
}

static struct pernet_operations vem_net_ops = {
	.exit = vem_net_exit,
	.id = &vem_net_id,
	.size = sizeof(struct vem_net),
};

int vem_switch_init(void)
{
	return register_pernet_subsys(&vem_net_ops);
}

/* Destroys the switch of every namespace. */
void vem_switch_uninit(void)
{
	unregister_pernet_subsys(&vem_net_ops);
}
