// SPDX-License-Identifier: GPL-2.0
/*
 * vem - the vnlink per-host data plane (the "VEM").
 *
 * Module init and exit only; every subsystem has an init/uninit pair.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>

#include "vem.h"
#include "version.h"

DEFINE_MUTEX(vem_mutex);

static int __init vem_init(void)
{
	int err;

	err = vem_switch_init();
	if (err)
		goto err_switch;
	err = vem_port_init();
	if (err)
		goto err_port;
	/* Last: userspace can only reach us once everything else is ready. */
	err = vem_genl_init();
	if (err)
		goto err_genl;

	pr_info("vnlink VEM data plane %s loaded, protocol version %d\n",
		VEM_VERSION, VEM_GENL_VERSION);
	return 0;

err_genl:
	vem_port_uninit();
err_port:
	vem_switch_uninit();
err_switch:
	return err;
}

static void __exit vem_exit(void)
{
	/* First: no new requests. Then every switch goes, ports unbound. */
	vem_genl_uninit();
	vem_switch_uninit();
	vem_port_uninit();
	/* Ports, configs and MAC entries are freed from RCU callbacks. */
	rcu_barrier();
}

module_init(vem_init);
module_exit(vem_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("vnlink virtual Ethernet module: VN-Link data plane");
MODULE_AUTHOR("The vnlink developers");
MODULE_ALIAS_GENL_FAMILY(VEM_GENL_NAME);
MODULE_VERSION(VEM_VERSION);
