// SPDX-License-Identifier: GPL-2.0
/*
 * Ports: vEths (identities a VM's netdev binds to) and uplinks, and the
 * binding of a port to a netdev through an rx handler.
 */

#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/rtnetlink.h>

#include "vem.h"

/* Must hold vem_mutex, or be under RCU. */
struct vem_port *vem_port_find(struct vem_switch *sw, u8 type, u32 id)
{
	return xa_load(&sw->port_index, vem_port_key(type, id));
}

/* A vEth starts as access port in VLAN 1, an uplink as trunk of all VLANs. */
void vem_port_cfg_default(struct vem_port_cfg *cfg, u8 type)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->access_vlan = 1;
	cfg->native_vlan = 1;
	bitmap_set(cfg->trunk_vlans, 1, VEM_VLAN_MAX);
	cfg->psec_max = 1;
	cfg->psec_violation = VEM_PSEC_SHUTDOWN;
	cfg->mode = type == VEM_PORT_UPLINK ? VEM_PORT_MODE_TRUNK :
					      VEM_PORT_MODE_ACCESS;
}

/* Must hold vem_mutex. @cfg is copied. */
struct vem_port *vem_port_create(struct vem_switch *sw, u8 type, u32 id,
				 const struct vem_port_cfg *cfg)
{
	struct vem_port_cfg *pcfg;
	struct vem_port *port;
	int err;

	ASSERT_VEM_LOCKED();

	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port)
		return ERR_PTR(-ENOMEM);
	pcfg = kmemdup(cfg, sizeof(*cfg), GFP_KERNEL);
	if (!pcfg) {
		err = -ENOMEM;
		goto err_free_port;
	}
	port->stats = netdev_alloc_pcpu_stats(struct vem_pcpu_stats);
	if (!port->stats) {
		err = -ENOMEM;
		goto err_free_cfg;
	}
	port->sw = sw;
	port->type = type;
	port->id = id;
	/* The first restrict violation is announced at once (psec.c). */
	port->psec_event = jiffies - 2 * HZ;
	RCU_INIT_POINTER(port->cfg, pcfg);
	vem_acl_cfg_hold(pcfg);
	vem_qos_cfg_hold(pcfg);

	err = xa_insert(&sw->port_index, vem_port_key(type, id), port,
			GFP_KERNEL);
	if (err)
		goto err_free_stats;
	list_add_tail_rcu(&port->node, &sw->ports);
	sw->n_ports++;
	vem_switch_changed(sw);
	return port;

err_free_stats:
	vem_acl_cfg_release(pcfg);
	vem_qos_cfg_release(pcfg);
	free_percpu(port->stats);
err_free_cfg:
	kfree(pcfg);
err_free_port:
	kfree(port);
	return ERR_PTR(err);
}

static void vem_port_free_rcu(struct rcu_head *head)
{
	struct vem_port *port = container_of(head, struct vem_port, rcu);

	/* No reader is left: the config needs no second grace period. */
	kfree(rcu_dereference_raw(port->cfg));
	free_percpu(port->stats);
	kfree(port);
}

/* Must hold RTNL and vem_mutex. */
void vem_port_destroy(struct vem_port *port)
{
	struct vem_switch *sw = port->sw;

	ASSERT_RTNL();
	ASSERT_VEM_LOCKED();

	vem_port_unbind(port);
	vem_port_set_profile(port, NULL, NULL);
	vem_acl_cfg_release(vem_dereference(port->cfg));
	vem_qos_cfg_release(vem_dereference(port->cfg));
	list_del_rcu(&port->node);
	xa_erase(&sw->port_index, vem_port_key(port->type, port->id));
	/* Static entries too: nothing may point at a freed port. */
	vem_fdb_flush(sw, port, 0, true);
	sw->n_ports--;
	vem_switch_changed(sw);
	call_rcu(&port->rcu, vem_port_free_rcu);
}

/* Must hold vem_mutex. Takes ownership of @cfg. */
void vem_port_set_cfg(struct vem_port *port, struct vem_port_cfg *cfg)
{
	struct vem_port_cfg *old = vem_dereference(port->cfg);

	vem_acl_cfg_hold(cfg);
	vem_qos_cfg_hold(cfg);
	rcu_assign_pointer(port->cfg, cfg);
	vem_acl_cfg_release(old);
	vem_qos_cfg_release(old);
	vem_switch_changed(port->sw);
	kfree_rcu(old, rcu);
}

/* Must hold vem_mutex, or be under RCU. */
bool vem_port_oper_up(const struct vem_port *port)
{
	const struct net_device *dev = rcu_dereference_check(port->dev,
				lockdep_is_held(&vem_mutex));
	struct vem_cfg_view v;

	vem_port_view(port, &v);
	return dev && netif_running(dev) && netif_carrier_ok(dev) &&
	       !v.shutdown && !vem_port_err_disabled(port);
}

static bool vem_dev_is_bound(const struct net_device *dev)
{
	return rcu_access_pointer(dev->rx_handler) == vem_handle_frame;
}

/* Must hold RTNL and vem_mutex. The port must be unbound. */
int vem_port_bind(struct vem_port *port, struct net_device *dev,
		  struct netlink_ext_ack *extack)
{
	int err;

	ASSERT_RTNL();
	ASSERT_VEM_LOCKED();

	if (dev->flags & IFF_LOOPBACK || dev->type != ARPHRD_ETHER ||
	    dev->addr_len != ETH_ALEN || !is_valid_ether_addr(dev->dev_addr)) {
		NL_SET_ERR_MSG_MOD(extack, "Device is not an Ethernet device");
		return -EINVAL;
	}
	if (vem_dev_is_bound(dev)) {
		NL_SET_ERR_MSG_MOD(extack, "Device is already bound to a port");
		return -EBUSY;
	}
	if (netdev_is_rx_handler_busy(dev)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "Device is in use by another rx handler (bridge, bond, ...)");
		return -EBUSY;
	}

	err = dev_set_promiscuity(dev, 1);
	if (err) {
		NL_SET_ERR_MSG_MOD(extack, "Cannot set the device promiscuous");
		return err;
	}
	netdev_hold(dev, &port->dev_tracker, GFP_KERNEL);
	/* Publish the netdev before frames can arrive from it. */
	rcu_assign_pointer(port->dev, dev);
	err = netdev_rx_handler_register(dev, vem_handle_frame, port);
	if (err) {
		NL_SET_ERR_MSG_MOD(extack, "Cannot register the rx handler");
		goto err_unpublish;
	}
	dev_disable_lro(dev);
	vem_switch_changed(port->sw);
	return 0;

err_unpublish:
	RCU_INIT_POINTER(port->dev, NULL);
	synchronize_net();
	netdev_put(dev, &port->dev_tracker);
	dev_set_promiscuity(dev, -1);
	return err;
}

/* Must hold RTNL and vem_mutex. Nothing happens if the port is unbound. */
void vem_port_unbind(struct vem_port *port)
{
	struct net_device *dev = vem_dereference(port->dev);

	ASSERT_RTNL();

	if (!dev)
		return;
	/*
	 * Other ports stop sending to it first; unregistering the handler
	 * then waits for every frame in flight, so after it nothing can use
	 * the netdev through this port.
	 */
	RCU_INIT_POINTER(port->dev, NULL);
	netdev_rx_handler_unregister(dev);
	dev_set_promiscuity(dev, -1);
	netdev_put(dev, &port->dev_tracker);
	vem_fdb_flush(port->sw, port, 0, false);
	vem_switch_changed(port->sw);
}

static int vem_netdev_event(struct notifier_block *nb, unsigned long event,
			    void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct vem_port *port;

	if (!vem_dev_is_bound(dev))
		return NOTIFY_DONE;

	switch (event) {
	case NETDEV_UNREGISTER:
		/* The VM is gone (or the netdev changes namespace): keep the vEth. */
		mutex_lock(&vem_mutex);
		port = rtnl_dereference(dev->rx_handler_data);
		vem_port_unbind(port);
		vem_nl_notify_port(port, VEM_CMD_PORT_SET);
		mutex_unlock(&vem_mutex);
		break;
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
	case NETDEV_CHANGENAME:
		mutex_lock(&vem_mutex);
		port = rtnl_dereference(dev->rx_handler_data);
		if (event == NETDEV_DOWN)
			vem_fdb_flush(port->sw, port, 0, false);
		vem_nl_notify_port(port, VEM_CMD_PORT_SET);
		mutex_unlock(&vem_mutex);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block vem_netdev_notifier = {
	.notifier_call = vem_netdev_event,
};

int vem_port_init(void)
{
	return register_netdevice_notifier(&vem_netdev_notifier);
}

void vem_port_uninit(void)
{
	unregister_netdevice_notifier(&vem_netdev_notifier);
}
