// SPDX-License-Identifier: GPL-2.0
/*
 * Access lists: named objects of the switch, their versions (the entries
 * and the compiled classifier, acl_cls.c, replaced whole), their hit
 * counters, and the check the datapath makes.
 *
 * Lifetime: a port's or a profile's published configuration that names an
 * ACL counts in acl->users (vem_acl_cfg_hold/release, under vem_mutex). An
 * ACL with users cannot be deleted; a deleted one, and a replaced version,
 * are freed after a grace period, so a frame that still sees an old
 * configuration finds its ACL whole.
 */

#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <net/dsfield.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/ndisc.h>

#include "vem.h"

/* The slots and the uapi's bits agree: VEM_CFG_ACL(slot). */
static_assert(VEM_CFG_ACL(VEM_ACL_SLOT_IP_IN) == VEM_CFG_ACL_IP_IN);
static_assert(VEM_CFG_ACL(VEM_ACL_SLOT_MAC_OUT) == VEM_CFG_ACL_MAC_OUT);

/* Must hold vem_mutex. */
struct vem_acl *vem_acl_find(struct vem_switch *sw, const char *name)
{
	struct vem_acl *acl;

	ASSERT_VEM_LOCKED();
	list_for_each_entry(acl, &sw->acls, node)
		if (!strcmp(acl->name, name))
			return acl;
	return NULL;
}

/*
 * A version holding @n entries (copied), compiled, with zeroed counters.
 * May sleep. Returns an ERR_PTR: -ENOMEM, or the classifier's refusal.
 */
struct vem_acl_ver *vem_acl_ver_build(const struct vem_acl_ace *ace,
				      unsigned int n)
{
	struct vem_acl_rule *rules;
	struct vem_acl_ver *ver;
	unsigned int i;
	int cpu, err;

	ver = kvzalloc(struct_size(ver, ace, n), GFP_KERNEL);
	if (!ver)
		return ERR_PTR(-ENOMEM);
	ver->n = n;
	memcpy(ver->ace, ace, flex_array_size(ver, ace, n));
	/* Room for every entry and the implicit deny. */
	ver->hits = __alloc_percpu(sizeof(struct vem_acl_hits) +
				   (n + 1) * sizeof(u64_stats_t),
				   __alignof__(struct vem_acl_hits));
	if (!ver->hits) {
		err = -ENOMEM;
		goto err_free;
	}
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(ver->hits, cpu)->syncp);
	rules = kvmalloc_array(n ? n : 1, sizeof(*rules), GFP_KERNEL);
	if (!rules) {
		err = -ENOMEM;
		goto err_free;
	}
	for (i = 0; i < n; i++)
		rules[i] = ace[i].rule;
	err = vem_acl_cls_build(rules, n, &ver->cls);
	kvfree(rules);
	if (err)
		goto err_free;
	return ver;

err_free:
	free_percpu(ver->hits);
	kvfree(ver);
	return ERR_PTR(err);
}

/* No reader may see @ver any more (never published, or a grace period). */
void vem_acl_ver_free(struct vem_acl_ver *ver)
{
	if (!ver)
		return;
	vem_acl_cls_free(ver->cls);
	free_percpu(ver->hits);
	kvfree(ver);
}

static void vem_acl_ver_free_rcu(struct rcu_head *head)
{
	vem_acl_ver_free(container_of(head, struct vem_acl_ver, rcu));
}

/*
 * The counters of @ver, summed over CPUs, into @hits (n + 1 of them: the
 * entries, then the implicit deny), base included. Any context.
 */
void vem_acl_hits_read(const struct vem_acl_ver *ver, u64 *hits)
{
	unsigned int i, start;
	int cpu;

	for (i = 0; i < ver->n; i++)
		hits[i] = ver->ace[i].base_hits;
	hits[ver->n] = ver->base_deny_hits;
	for_each_possible_cpu(cpu) {
		const struct vem_acl_hits *h = per_cpu_ptr(ver->hits, cpu);

		for (i = 0; i <= ver->n; i++) {
			u64 v;

			do {
				start = u64_stats_fetch_begin(&h->syncp);
				v = u64_stats_read(&h->hits[i]);
			} while (u64_stats_fetch_retry(&h->syncp, start));
			hits[i] += v;
		}
	}
}

/*
 * Counters follow entries that did not change: same sequence number, same
 * conditions. The rest of @new starts from zero.
 */
static void vem_acl_carry_hits(const struct vem_acl_ver *old,
			       struct vem_acl_ver *new)
{
	unsigned int i, j = 0;
	u64 *hits;

	hits = kvmalloc_array(old->n + 1, sizeof(*hits), GFP_KERNEL);
	if (!hits)
		return;		/* counters restart; nothing else is lost */
	vem_acl_hits_read(old, hits);
	/* Both lists are sorted by sequence number. */
	for (i = 0; i < new->n; i++) {
		while (j < old->n && old->ace[j].seq < new->ace[i].seq)
			j++;
		if (j < old->n && old->ace[j].seq == new->ace[i].seq &&
		    !memcmp(&old->ace[j].rule, &new->ace[i].rule,
			    sizeof(new->ace[i].rule)))
			new->ace[i].base_hits = hits[j];
	}
	new->base_deny_hits = hits[old->n];
	kvfree(hits);
}

/* Publish @ver in place of the current version. Must hold vem_mutex. */
void vem_acl_replace(struct vem_acl *acl, struct vem_acl_ver *ver)
{
	struct vem_acl_ver *old = vem_dereference(acl->ver);

	vem_acl_carry_hits(old, ver);
	rcu_assign_pointer(acl->ver, ver);
	call_rcu(&old->rcu, vem_acl_ver_free_rcu);
}

/*
 * A new ACL with @ver as its entries (taken over). Must hold vem_mutex;
 * the caller checked the name and that it is free.
 */
struct vem_acl *vem_acl_create(struct vem_switch *sw, const char *name,
			       u8 family, struct vem_acl_ver *ver)
{
	struct vem_acl *acl;

	ASSERT_VEM_LOCKED();
	acl = kzalloc(sizeof(*acl), GFP_KERNEL);
	if (!acl)
		return ERR_PTR(-ENOMEM);
	strscpy(acl->name, name, sizeof(acl->name));
	acl->family = family;
	RCU_INIT_POINTER(acl->ver, ver);
	list_add_tail(&acl->node, &sw->acls);
	sw->n_acls++;
	return acl;
}

static void vem_acl_free_rcu(struct rcu_head *head)
{
	struct vem_acl *acl = container_of(head, struct vem_acl, rcu);

	vem_acl_ver_free(rcu_dereference_raw(acl->ver));
	kfree(acl);
}

/* Must hold vem_mutex. Nothing may name it (users == 0). */
void vem_acl_destroy(struct vem_switch *sw, struct vem_acl *acl)
{
	ASSERT_VEM_LOCKED();
	WARN_ON_ONCE(acl->users);
	list_del(&acl->node);
	sw->n_acls--;
	call_rcu(&acl->rcu, vem_acl_free_rcu);
}

/* @cfg is being published: the ACLs it names have one user more. */
void vem_acl_cfg_hold(const struct vem_port_cfg *cfg)
{
	unsigned int i;

	ASSERT_VEM_LOCKED();
	for (i = 0; i < VEM_ACL_SLOTS; i++)
		if (cfg->acl[i])
			cfg->acl[i]->users++;
}

/* @cfg is no longer published (replaced or its owner gone). */
void vem_acl_cfg_release(const struct vem_port_cfg *cfg)
{
	unsigned int i;

	ASSERT_VEM_LOCKED();
	for (i = 0; i < VEM_ACL_SLOTS; i++)
		if (cfg->acl[i] && !WARN_ON_ONCE(!cfg->acl[i]->users))
			cfg->acl[i]->users--;
}

/* Datapath. Called under rcu_read_lock with BH disabled, as all below. */

/* The L4 ports and TCP flags at @off, if the header is there. */
static void vem_acl_parse_l4(struct sk_buff *skb, unsigned int off,
			     struct vem_acl_pkt *pkt)
{
	struct tcphdr _th;
	const struct tcphdr *th;
	unsigned int need;

	switch (pkt->proto) {
	case VEM_ACL_PROTO_TCP:
		need = sizeof(struct tcphdr);
		break;
	case VEM_ACL_PROTO_UDP:
	case VEM_ACL_PROTO_SCTP:
		need = 4;	/* the ports lead every one of these headers */
		break;
	default:
		return;
	}
	th = skb_header_pointer(skb, off, need, &_th);
	if (!th)
		return;
	pkt->sport = ntohs(th->source);
	pkt->dport = ntohs(th->dest);
	if (pkt->proto == VEM_ACL_PROTO_TCP)
		pkt->tcp_flags = ((const u8 *)th)[13];
	pkt->flags |= VEM_ACL_PKT_L4;
}

/* What an ACL looks at in @skb (data at the network header). */
static void vem_acl_parse(struct sk_buff *skb, struct vem_acl_frame *frame)
{
	const struct ethhdr *eth = eth_hdr(skb);
	struct vem_acl_pkt *pkt = &frame->pkt;

	memset(pkt, 0, sizeof(*pkt));
	ether_addr_copy(pkt->dst_mac, eth->h_dest);
	ether_addr_copy(pkt->src_mac, eth->h_source);
	pkt->ethertype = ntohs(skb->protocol);
	pkt->family = VEM_ACL_MAC;

	if (skb->protocol == htons(ETH_P_IP)) {
		struct iphdr _iph;
		const struct iphdr *iph;

		iph = skb_header_pointer(skb, 0, sizeof(_iph), &_iph);
		if (!iph || iph->version != 4 || iph->ihl < 5)
			return;	/* not IPv4 to an ACL: the MAC ACL decides */
		pkt->family = VEM_ACL_IPV4;
		pkt->proto = iph->protocol;
		pkt->dscp = iph->tos >> 2;
		memcpy(pkt->src, &iph->saddr, 4);
		memcpy(pkt->dst, &iph->daddr, 4);
		/* A non-first fragment has no L4 header. */
		if (!(iph->frag_off & htons(IP_OFFSET)))
			vem_acl_parse_l4(skb, iph->ihl * 4, pkt);
	} else if (skb->protocol == htons(ETH_P_IPV6)) {
		struct ipv6hdr _ip6h;
		const struct ipv6hdr *ip6h;
		__be16 frag_off = 0;
		u8 nexthdr;
		int off;

		ip6h = skb_header_pointer(skb, 0, sizeof(_ip6h), &_ip6h);
		if (!ip6h || ip6h->version != 6)
			return;
		pkt->family = VEM_ACL_IPV6;
		pkt->dscp = ipv6_get_dsfield(ip6h) >> 2;
		memcpy(pkt->src, &ip6h->saddr, 16);
		memcpy(pkt->dst, &ip6h->daddr, 16);
		nexthdr = ip6h->nexthdr;
		off = ipv6_skip_exthdr(skb, sizeof(*ip6h), &nexthdr, &frag_off);
		pkt->proto = nexthdr;
		if (off < 0 || (frag_off & htons(IP6_OFFSET)))
			return;
		vem_acl_parse_l4(skb, off, pkt);
		if (nexthdr == IPPROTO_ICMPV6) {
			u8 _type;
			const u8 *type = skb_header_pointer(skb, off, 1, &_type);

			frame->nd = type && *type >= NDISC_ROUTER_SOLICITATION &&
				    *type <= NDISC_REDIRECT;
		}
	}
}

/*
 * Whether @view's ACLs of one direction let the frame through: the ACL of
 * its IP family if the port has one, else its MAC ACL. Counts the hit.
 * @frame caches what the frame looks like across the ports it meets.
 */
bool vem_acl_check(const struct vem_cfg_view *view, bool out,
		   struct sk_buff *skb, struct vem_acl_frame *frame)
{
	const struct vem_acl_ver *ver;
	struct vem_acl_hits *h;
	unsigned int slot;
	int idx;

	if (!frame->parsed) {
		vem_acl_parse(skb, frame);
		frame->parsed = true;
	}
	slot = VEM_ACL_SLOT_MAC_IN;
	if (frame->pkt.family == VEM_ACL_IPV4 &&
	    (view->acls & BIT(VEM_ACL_SLOT_IP_IN + out)))
		slot = VEM_ACL_SLOT_IP_IN;
	else if (frame->pkt.family == VEM_ACL_IPV6 &&
		 (view->acls & BIT(VEM_ACL_SLOT_IPV6_IN + out)))
		slot = VEM_ACL_SLOT_IPV6_IN;
	slot += out;
	if (!(view->acls & BIT(slot)))
		return true;

	ver = rcu_dereference(vem_view_acl(view, slot)->ver);
	idx = vem_acl_cls_match(ver->cls, &frame->pkt);
	/*
	 * As NX-OS, IPv6 ACLs end with an implicit permit of neighbour
	 * discovery before the implicit deny: what ARP is to IPv4.
	 */
	if (idx < 0 && frame->nd && slot != VEM_ACL_SLOT_MAC_IN + out)
		return true;
	h = this_cpu_ptr(ver->hits);
	u64_stats_update_begin(&h->syncp);
	u64_stats_inc(&h->hits[idx < 0 ? ver->n : idx]);
	u64_stats_update_end(&h->syncp);
	return idx >= 0 && ver->ace[idx].rule.action == VEM_ACL_PERMIT;
}
