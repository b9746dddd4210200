// SPDX-License-Identifier: GPL-2.0
/*
 * The datapath: every frame a bound netdev receives enters the switch here.
 * Ingress VLAN classification, ingress ACLs, storm control, ingress QoS,
 * learning, lookup, flooding, egress ACLs, egress QoS, egress tagging.
 */

#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/tcp.h>
#include <linux/udp.h>

#include "vem.h"

static enum vem_class vem_classify(const u8 *dest)
{
	if (likely(!is_multicast_ether_addr(dest)))
		return VEM_CLASS_UCAST;
	return is_broadcast_ether_addr(dest) ? VEM_CLASS_BCAST : VEM_CLASS_MCAST;
}

/* Frames on the wire: a GSO packet counts as the segments it becomes. */
static unsigned int vem_skb_frames(const struct sk_buff *skb)
{
	return skb_is_gso(skb) ? max_t(unsigned int, skb_shinfo(skb)->gso_segs, 1) : 1;
}

/*
 * The bytes @skb (data at the network header) takes on the wire, without
 * FCS and 802.1Q tag: a GSO packet counts the headers of every segment it
 * becomes, as vem_skb_frames() counts the segments. What the port
 * counters and the policers count. Any context.
 */
unsigned int vem_skb_wire_len(const struct sk_buff *skb)
{
	unsigned int len = skb->len + ETH_HLEN, segs, hdr;
	const struct skb_shared_info *shinfo = skb_shinfo(skb);
	int toff;

	if (!skb_is_gso(skb) || shinfo->gso_segs <= 1 ||
	    !skb_transport_header_was_set(skb))
		return len;
	toff = skb_transport_offset(skb);
	if (toff <= 0)
		return len;
	segs = shinfo->gso_segs;
	hdr = ETH_HLEN + toff;
	if (shinfo->gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6)) {
		struct tcphdr _th;
		const struct tcphdr *th;

		th = skb_header_pointer(skb, toff, sizeof(_th), &_th);
		if (!th)
			return len;
		hdr += __tcp_hdrlen(th);
	} else if (shinfo->gso_type & SKB_GSO_UDP_L4) {
		hdr += sizeof(struct udphdr);
	} else {
		return len;
	}
	return len + (segs - 1) * hdr;
}

/* Called under rcu_read_lock with BH disabled (as are all below). */
static void vem_stats_rx(struct vem_port *port, enum vem_class class,
			 unsigned int frames, unsigned int len)
{
	struct vem_pcpu_stats *s = this_cpu_ptr(port->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_add(&s->rx_pkts[class], frames);
	u64_stats_add(&s->rx_bytes[class], len);
	u64_stats_update_end(&s->syncp);
}

/* An unknown unicast destination: the frame is flooded. */
static void vem_stats_flood(struct vem_port *port)
{
	struct vem_pcpu_stats *s = this_cpu_ptr(port->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->rx_flood);
	u64_stats_update_end(&s->syncp);
}

static void vem_stats_tx(struct vem_port *port, enum vem_class class,
			 unsigned int frames, unsigned int len)
{
	struct vem_pcpu_stats *s = this_cpu_ptr(port->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_add(&s->tx_pkts[class], frames);
	u64_stats_add(&s->tx_bytes[class], len);
	u64_stats_update_end(&s->syncp);
}

/*
 * The VLAN a frame received on a port with @cfg belongs to, or 0 if the
 * port does not accept it. @tci is the frame's 802.1Q tag, if @tagged.
 */
static u16 vem_ingress_vid(const struct vem_cfg_view *cfg, bool tagged, u16 tci)
{
	u16 vid = tagged ? tci & VLAN_VID_MASK : 0;

	if (cfg->mode == VEM_PORT_MODE_ACCESS)
		/* A priority tag (VID 0) is untagged; a VM may not pick a VLAN. */
		return vid ? 0 : cfg->access_vlan;

	if (!vid)
		vid = cfg->native_vlan;
	return vid && test_bit(vid, cfg->trunk_vlans) ? vid : 0;
}

/*
 * Whether a frame in @vid may leave through a port with @cfg, and if so,
 * whether it leaves tagged.
 */
static bool vem_egress_allowed(const struct vem_cfg_view *cfg, u16 vid,
			       bool *tag)
{
	if (cfg->shutdown)
		return false;
	if (cfg->mode == VEM_PORT_MODE_ACCESS) {
		*tag = false;
		return vid == cfg->access_vlan;
	}
	*tag = vid != cfg->native_vlan;
	return test_bit(vid, cfg->trunk_vlans);
}

/*
 * Hand @skb (data at the network header, as received) to @out's netdev in
 * @vid, with the marks of @out's "out" QoS policy: its own copy's DSCP,
 * the PCP of the tag (a frame that leaves untagged carries no CoS).
 * Consumes @skb. The caller checked that @out may send @vid.
 */
static void vem_port_xmit(struct vem_port *out, struct net_device *dev,
			  struct sk_buff *skb, u16 vid, bool tag,
			  enum vem_class class, const struct vem_qos_mark *mark)
{
	unsigned int len, frames;
	int rc;

	if (unlikely(mark->dscp >= 0) && vem_qos_set_dscp(skb, mark->dscp)) {
		vem_stats_drop(out, VEM_DROP_NOMEM);
		kfree_skb(skb);
		return;
	}
	len = vem_skb_wire_len(skb);
	frames = vem_skb_frames(skb);
	skb_push(skb, ETH_HLEN);
	if (unlikely(!is_skb_forwardable(dev, skb))) {
		vem_stats_drop(out, VEM_DROP_MTU);
		kfree_skb(skb);
		return;
	}
	if (tag)
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), vid |
				       (mark->cos > 0 ? mark->cos << VLAN_PRIO_SHIFT : 0));
	skb->dev = dev;
	skb_forward_csum(skb);
	/* net_xmit_eval() is a macro that evaluates its argument twice. */
	rc = dev_queue_xmit(skb);
	if (likely(!net_xmit_eval(rc)))
		vem_stats_tx(out, class, frames, len);
	else
		vem_stats_drop(out, VEM_DROP_TX_ERROR);
}

#define VEM_ACL_IN_MASK		(BIT(VEM_ACL_SLOT_IP_IN) | \
				 BIT(VEM_ACL_SLOT_IPV6_IN) | \
				 BIT(VEM_ACL_SLOT_MAC_IN))
#define VEM_ACL_OUT_MASK	(VEM_ACL_IN_MASK << 1)

/* Whether @out's "out" ACLs let the frame leave; a denial is counted. */
static bool vem_acl_out_ok(struct vem_port *out, const struct vem_cfg_view *view,
			   struct sk_buff *skb, struct vem_acl_frame *frame)
{
	if (likely(!(view->acls & VEM_ACL_OUT_MASK)) ||
	    vem_acl_check(view, true, skb, frame))
		return true;
	vem_stats_drop(out, VEM_DROP_ACL_OUT);
	return false;
}

/*
 * Whether storm control lets a frame of @kind received on @in through; a
 * frame over the limit is counted. Frames on the wire are metered: a GSO
 * packet costs its segments.
 */
static bool vem_storm_ok(struct vem_port *in, const struct vem_cfg_view *cfg,
			 enum vem_storm kind, const struct sk_buff *skb)
{
	u64 cost;

	if (likely(!(cfg->storms & BIT(kind))))
		return true;
	cost = vem_view_storm(cfg, kind)->storm_ns[kind] * vem_skb_frames(skb);
	if (vem_meter_conform(&in->storm[kind], ktime_get_ns(), cost,
			      VEM_STORM_TOLERANCE_NS))
		return true;
	vem_stats_drop(in, VEM_DROP_STORM_BCAST + kind);
	return false;
}

/*
 * A QoS policy of @port (direction @dir) on one frame: false if it drops
 * it (counted). @mark gathers what to write in the frame's copy.
 */
static bool vem_qos_ok(struct vem_port *port, const struct vem_qos *qos,
		       enum vem_qos_dir dir, struct sk_buff *skb,
		       struct vem_qos_mark *mark)
{
	struct vem_pcpu_stats *s;

	switch (vem_qos_police(qos, &port->police[dir], skb, mark)) {
	case VEM_QOS_PASS:
		return true;
	case VEM_QOS_DROP:
		vem_stats_drop(port, dir == VEM_QOS_IN ? VEM_DROP_POLICE_IN :
							 VEM_DROP_POLICE_OUT);
		return false;
	case VEM_QOS_MARKED:
		break;
	}
	s = this_cpu_ptr(port->stats);
	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->police_marked[dir]);
	u64_stats_update_end(&s->syncp);
	return true;
}

/*
 * Whether @out's "out" QoS policy lets the frame leave; @mark: what the
 * ingress decided (the CoS), overridden by what the egress policy sets.
 */
static bool vem_qos_out_ok(struct vem_port *out, const struct vem_cfg_view *view,
			   struct sk_buff *skb, struct vem_qos_mark *mark)
{
	if (likely(!view->qos[VEM_QOS_OUT]))
		return true;
	return vem_qos_ok(out, view->qos[VEM_QOS_OUT], VEM_QOS_OUT, skb, mark);
}

/*
 * Send a copy of @skb to every port of @vid but @in. Consumes @skb.
 * @in_mark: the CoS the ingress policy set (DSCP is already written).
 */
static void vem_flood(struct vem_switch *sw, struct vem_port *in,
		      struct sk_buff *skb, u16 vid, enum vem_class class,
		      struct vem_acl_frame *frame,
		      const struct vem_qos_mark *in_mark)
{
	struct net_device *prev_dev = NULL, *dev;
	struct vem_port *prev = NULL, *p;
	bool prev_tag = false, tag;
	struct vem_qos_mark prev_mark = *in_mark, mark;
	struct vem_cfg_view view;

	list_for_each_entry_rcu(p, &sw->ports, node) {
		if (p == in)
			continue;
		/* Uplinks never forward to each other: no loops. */
		if (in->type == VEM_PORT_UPLINK && p->type == VEM_PORT_UPLINK)
			continue;
		dev = rcu_dereference(p->dev);
		if (!dev || !netif_running(dev))
			continue;
		if (vem_port_err_disabled(p)) {
			vem_stats_drop(p, VEM_DROP_ERR_DISABLED);
			continue;
		}
		vem_port_view(p, &view);
		if (!vem_egress_allowed(&view, vid, &tag))
			continue;
		if (!vem_acl_out_ok(p, &view, skb, frame))
			continue;
		mark = *in_mark;
		if (!vem_qos_out_ok(p, &view, skb, &mark))
			continue;
		if (prev) {
			struct sk_buff *copy = skb_clone(skb, GFP_ATOMIC);

			if (unlikely(!copy)) {
				vem_stats_drop(prev, VEM_DROP_NOMEM);
			} else {
				vem_port_xmit(prev, prev_dev, copy, vid,
					      prev_tag, class, &prev_mark);
			}
		}
		prev = p;
		prev_dev = dev;
		prev_tag = tag;
		prev_mark = mark;
	}
	if (prev)
		vem_port_xmit(prev, prev_dev, skb, vid, prev_tag, class,
			      &prev_mark);
	else
		consume_skb(skb);
}

/* Known unicast destination behind @out. Consumes @skb. */
static void vem_forward(struct vem_port *in, struct vem_port *out,
			struct sk_buff *skb, u16 vid,
			struct vem_acl_frame *frame,
			const struct vem_qos_mark *in_mark)
{
	struct vem_qos_mark mark = *in_mark;
	struct vem_cfg_view view;
	struct net_device *dev;
	bool tag;

	if (unlikely(out == in)) {
		vem_stats_drop(in, VEM_DROP_LOCAL);
		goto drop;
	}
	if (unlikely(in->type == VEM_PORT_UPLINK && out->type == VEM_PORT_UPLINK)) {
		vem_stats_drop(in, VEM_DROP_LOCAL);
		goto drop;
	}
	dev = rcu_dereference(out->dev);
	if (unlikely(!dev || !netif_running(dev))) {
		vem_stats_drop(in, VEM_DROP_NO_PORT);
		goto drop;
	}
	if (vem_port_err_disabled(out)) {
		vem_stats_drop(out, VEM_DROP_ERR_DISABLED);
		goto drop;
	}
	vem_port_view(out, &view);
	if (unlikely(!vem_egress_allowed(&view, vid, &tag))) {
		/* The entry predates a config change of @out. */
		vem_stats_drop(in, view.shutdown ? VEM_DROP_NO_PORT : VEM_DROP_VLAN);
		goto drop;
	}
	if (!vem_acl_out_ok(out, &view, skb, frame))
		goto drop;
	if (!vem_qos_out_ok(out, &view, skb, &mark))
		goto drop;
	vem_port_xmit(out, dev, skb, vid, tag, VEM_CLASS_UCAST, &mark);
	return;
drop:
	kfree_skb(skb);
}

/* Switch one frame received on @in. Consumes @skb. */
static void vem_switch_frame(struct vem_port *in, struct sk_buff *skb)
{
	struct vem_switch *sw = in->sw;
	struct vem_cfg_view cfg;
	const struct ethhdr *eth = eth_hdr(skb);
	enum vem_class class = vem_classify(eth->h_dest);
	struct vem_acl_frame frame = { .parsed = false };
	struct vem_qos_mark mark = { .dscp = -1, .cos = -1 };
	struct vem_fdb_entry *e;
	u16 vid = 0;

	vem_stats_rx(in, class, vem_skb_frames(skb), vem_skb_wire_len(skb));
	vem_port_view(in, &cfg);

	/* Only 802.1Q: an 802.1ad (QinQ) outer tag is not ours to take. */
	if (!skb_vlan_tag_present(skb) || skb->vlan_proto == htons(ETH_P_8021Q))
		vid = vem_ingress_vid(&cfg, skb_vlan_tag_present(skb),
				      skb_vlan_tag_get(skb));
	__vlan_hwaccel_clear_tag(skb);

	if (unlikely(cfg.shutdown)) {
		vem_stats_drop(in, VEM_DROP_SHUTDOWN);
		goto drop;
	}
	if (vem_port_err_disabled(in)) {
		vem_stats_drop(in, VEM_DROP_ERR_DISABLED);
		goto drop;
	}
	if (unlikely(!vid)) {
		vem_stats_drop(in, VEM_DROP_VLAN);
		goto drop;
	}
	if (unlikely(is_multicast_ether_addr(eth->h_source) ||
		     is_zero_ether_addr(eth->h_source))) {
		vem_stats_drop(in, VEM_DROP_INVALID);
		goto drop;
	}

	/* A denied frame teaches the switch nothing. */
	if (unlikely(cfg.acls & VEM_ACL_IN_MASK) &&
	    !vem_acl_check(&cfg, false, skb, &frame)) {
		vem_stats_drop(in, VEM_DROP_ACL_IN);
		goto drop;
	}
	/* So is a broadcast or multicast frame over its storm limit. */
	if (class != VEM_CLASS_UCAST &&
	    !vem_storm_ok(in, &cfg, class == VEM_CLASS_BCAST ?
			  VEM_STORM_BCAST : VEM_STORM_MCAST, skb))
		goto drop;

	/*
	 * Port security decides as the source is learned (fdb.c): a frame
	 * from a source it refuses goes no further, and takes no tokens.
	 */
	if (unlikely(!vem_fdb_learn(sw, in, eth->h_source, vid,
				    cfg.psec ? cfg.psec_max : 0))) {
		vem_psec_violation(in, &cfg);
		goto drop;
	}

	/*
	 * Policed after the ACLs: a denied frame takes no tokens. A frame
	 * the policer drops has been learned from (it came from that MAC).
	 * The DSCP is written once here, for every copy; the CoS goes with
	 * the frame to the egress tag.
	 */
	if (unlikely(cfg.qos[VEM_QOS_IN])) {
		if (!vem_qos_ok(in, cfg.qos[VEM_QOS_IN], VEM_QOS_IN, skb, &mark))
			goto drop;
		if (mark.dscp >= 0) {
			if (vem_qos_set_dscp(skb, mark.dscp)) {
				vem_stats_drop(in, VEM_DROP_NOMEM);
				goto drop;
			}
			/* The egress ACLs see the new DSCP. */
			frame.pkt.dscp = mark.dscp;
			mark.dscp = -1;
			/* The data may have moved, unshared. */
			eth = eth_hdr(skb);
		}
	}

	if (class == VEM_CLASS_UCAST) {
		e = vem_fdb_lookup(&sw->fdb, eth->h_dest, vid);
		if (likely(e)) {
			vem_forward(in, READ_ONCE(e->port), skb, vid, &frame,
				    &mark);
			return;
		}
		/* Unknown unicast: its source was learned all the same. */
		if (!vem_storm_ok(in, &cfg, VEM_STORM_UCAST, skb))
			goto drop;
		vem_stats_flood(in);
	}
	vem_flood(sw, in, skb, vid, class, &frame, &mark);
	return;
drop:
	kfree_skb(skb);
}

/*
 * The rx handler of every bound netdev.
 * Called under rcu_read_lock with BH disabled.
 */
rx_handler_result_t vem_handle_frame(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	struct vem_port *port;

	if (unlikely(skb->pkt_type == PACKET_LOOPBACK))
		return RX_HANDLER_PASS;
	/* Link-local control frames (LLDP, LACP, STP) are for the host. */
	if (unlikely(is_link_local_ether_addr(eth_hdr(skb)->h_dest)))
		return RX_HANDLER_PASS;

	port = rcu_dereference(skb->dev->rx_handler_data);
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (unlikely(!skb))
		return RX_HANDLER_CONSUMED;

	vem_switch_frame(port, skb);
	return RX_HANDLER_CONSUMED;
}
