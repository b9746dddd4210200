// SPDX-License-Identifier: GPL-2.0
/*
 * QoS policies (policy-map type qos, one class: class-default): named
 * objects of the switch, the policer the datapath runs for each port and
 * direction, and the DSCP marking.
 *
 * Lifetime: as ACLs (acl.c). A port's or a profile's published
 * configuration that names a policy counts in qos->users
 * (vem_qos_cfg_hold/release, under vem_mutex); a policy with users cannot
 * be deleted; a deleted policy and a replaced struct vem_qos_conf are freed
 * after a grace period.
 *
 * The policer is a single-rate two-colour one, run as GCRA (the "virtual
 * scheduling" form of a token bucket, meter.h): each port keeps, per
 * direction, the theoretical arrival time (TAT) of the next byte in ns. A
 * frame of L bytes conforms if, once its bytes are charged, the port is no
 * more than the bucket's depth (bc in time at cir, tau) ahead of the clock:
 *
 *	start = max(TAT, now); TAT' = start + L * 8 / cir;
 *	conform iff TAT' - now <= tau; only then TAT = TAT'.
 *
 * (vem_meter_conform() with a tolerance of tau - L * 8 / cir.) That is a
 * token bucket of bc bytes filled at cir, in one 64-bit word: CPUs update
 * it with cmpxchg, no lock, no global state, no allocation.
 * A violating frame takes no tokens (dropped, or re-marked and sent). The
 * policer belongs to the port, not to the policy: ports sharing a policy
 * each get cir. Changing or rebinding a policy keeps the port's TAT, which
 * is a time and stays meaningful for any rate.
 *
 * Bytes are counted as the port counters count them: the Ethernet frame
 * without FCS and without 802.1Q tag; a GSO packet counts every segment's
 * headers, as the wire will carry them.
 */

#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <net/dsfield.h>
#include <net/inet_ecn.h>

#include "vem.h"

static_assert(VEM_CFG_QOS(VEM_QOS_IN) == VEM_CFG_QOS_IN);
static_assert(VEM_CFG_QOS(VEM_QOS_OUT) == VEM_CFG_QOS_OUT);

/* Must hold vem_mutex. */
struct vem_qos *vem_qos_find(struct vem_switch *sw, const char *name)
{
	struct vem_qos *qos;

	ASSERT_VEM_LOCKED();
	list_for_each_entry(qos, &sw->qos, node)
		if (!strcmp(qos->name, name))
			return qos;
	return NULL;
}

/* A policy that does nothing: no policer, no marking. */
void vem_qos_conf_init(struct vem_qos_conf *conf)
{
	memset(conf, 0, sizeof(*conf));
	conf->violate = VEM_QOS_VIOLATE_DROP;
	conf->violate_dscp = -1;
	conf->set_cos = -1;
	conf->set_dscp = -1;
}

/*
 * Fill in what the datapath computes with: the default burst (bc 0) and
 * the policer's constants. cir and bc are within the uapi's limits.
 */
void vem_qos_conf_derive(struct vem_qos_conf *conf)
{
	if (!conf->cir)
		return;
	if (!conf->bc) {
		u64 bc = div_u64(conf->cir * VEM_QOS_BC_DEFAULT_MS, 8 * MSEC_PER_SEC);

		conf->bc = clamp_t(u64, bc, VEM_QOS_BC_MIN, VEM_QOS_BC_MAX);
	}
	/* 8e9 << 16 < 2^49; cir >= 8000: at most 1e6 << 16 ns per byte. */
	conf->ns_per_byte_q16 = div64_u64((8ULL * NSEC_PER_SEC) << 16, conf->cir);
	/* bc < 2^29, times 8e9 < 2^63. */
	conf->tau_ns = div64_u64((u64)conf->bc * 8 * NSEC_PER_SEC, conf->cir);
}

static void vem_qos_conf_free_rcu(struct rcu_head *head)
{
	kfree(container_of(head, struct vem_qos_conf, rcu));
}

/* Publish @conf (taken over) in place of the current one. Must hold
 * vem_mutex. */
void vem_qos_replace(struct vem_qos *qos, struct vem_qos_conf *conf)
{
	struct vem_qos_conf *old = vem_dereference(qos->conf);

	rcu_assign_pointer(qos->conf, conf);
	call_rcu(&old->rcu, vem_qos_conf_free_rcu);
}

/*
 * A new policy doing @conf (taken over). Must hold vem_mutex; the caller
 * checked the name and that it is free.
 */
struct vem_qos *vem_qos_create(struct vem_switch *sw, const char *name,
			       struct vem_qos_conf *conf)
{
	struct vem_qos *qos;

	ASSERT_VEM_LOCKED();
	qos = kzalloc(sizeof(*qos), GFP_KERNEL);
	if (!qos)
		return ERR_PTR(-ENOMEM);
	strscpy(qos->name, name, sizeof(qos->name));
	RCU_INIT_POINTER(qos->conf, conf);
	list_add_tail(&qos->node, &sw->qos);
	sw->n_qos++;
	return qos;
}

static void vem_qos_free_rcu(struct rcu_head *head)
{
	struct vem_qos *qos = container_of(head, struct vem_qos, rcu);

	kfree(rcu_dereference_raw(qos->conf));
	kfree(qos);
}

/* Must hold vem_mutex. Nothing may name it (users == 0). */
void vem_qos_destroy(struct vem_switch *sw, struct vem_qos *qos)
{
	ASSERT_VEM_LOCKED();
	WARN_ON_ONCE(qos->users);
	list_del(&qos->node);
	sw->n_qos--;
	call_rcu(&qos->rcu, vem_qos_free_rcu);
}

/* @cfg is being published: the policies it names have one user more. */
void vem_qos_cfg_hold(const struct vem_port_cfg *cfg)
{
	unsigned int i;

	ASSERT_VEM_LOCKED();
	for (i = 0; i < VEM_QOS_DIRS; i++)
		if (cfg->qos[i])
			cfg->qos[i]->users++;
}

/* @cfg is no longer published (replaced or its owner gone). */
void vem_qos_cfg_release(const struct vem_port_cfg *cfg)
{
	unsigned int i;

	ASSERT_VEM_LOCKED();
	for (i = 0; i < VEM_QOS_DIRS; i++)
		if (cfg->qos[i] && !WARN_ON_ONCE(!cfg->qos[i]->users))
			cfg->qos[i]->users--;
}

/* Datapath. Called under rcu_read_lock with BH disabled, as all below. */

/*
 * Run @qos's class on one frame (data at the network header) with the
 * policer @pol of its port and direction. Fills in @mark the marks to
 * write (fields it leaves alone keep the caller's values).
 */
enum vem_qos_verdict vem_qos_police(const struct vem_qos *qos,
				    struct vem_police *pol,
				    const struct sk_buff *skb,
				    struct vem_qos_mark *mark)
{
	const struct vem_qos_conf *conf = rcu_dereference(qos->conf);
	u64 inc;

	if (conf->set_cos >= 0)
		mark->cos = conf->set_cos;
	if (conf->set_dscp >= 0)
		mark->dscp = conf->set_dscp;
	if (!conf->cir)
		return VEM_QOS_PASS;

	inc = ((u64)vem_skb_wire_len(skb) * conf->ns_per_byte_q16) >> 16;
	/* Conforms if, its bytes charged, the bucket is not overdrawn. */
	if (inc <= conf->tau_ns &&
	    vem_meter_conform(&pol->meter, ktime_get_ns(), inc,
			      conf->tau_ns - inc))
		return VEM_QOS_PASS;

	if (conf->violate == VEM_QOS_VIOLATE_DROP)
		return VEM_QOS_DROP;
	mark->dscp = conf->violate_dscp;
	return VEM_QOS_MARKED;
}

/*
 * Rewrite the DSCP of an IPv4 or IPv6 frame (data at the network header),
 * keeping the ECN bits; other frames are left alone. Unshares the data
 * of a cloned skb first. Returns -ENOMEM if that failed.
 */
int vem_qos_set_dscp(struct sk_buff *skb, u8 dscp)
{
	u8 ds = dscp << 2;

	if (skb->protocol == htons(ETH_P_IP)) {
		struct iphdr *iph;

		if (!pskb_may_pull(skb, sizeof(*iph)))
			return 0;
		iph = (struct iphdr *)skb->data;
		if (iph->version != 4 || iph->ihl < 5 ||
		    (iph->tos & ~INET_ECN_MASK) == ds)
			return 0;
		if (skb_ensure_writable(skb, sizeof(*iph)))
			return -ENOMEM;
		/* Fixes the header checksum too. */
		ipv4_change_dsfield((struct iphdr *)skb->data, INET_ECN_MASK, ds);
	} else if (skb->protocol == htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6h;

		if (!pskb_may_pull(skb, sizeof(*ip6h)))
			return 0;
		ip6h = (struct ipv6hdr *)skb->data;
		if (ip6h->version != 6 ||
		    (ipv6_get_dsfield(ip6h) & ~INET_ECN_MASK) == ds)
			return 0;
		if (skb_ensure_writable(skb, sizeof(*ip6h)))
			return -ENOMEM;
		ipv6_change_dsfield((struct ipv6hdr *)skb->data, INET_ECN_MASK, ds);
		/* No checksum covers the traffic class but a receive one. */
		if (skb->ip_summed == CHECKSUM_COMPLETE)
			skb->ip_summed = CHECKSUM_NONE;
	}
	return 0;
}
