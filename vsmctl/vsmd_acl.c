// SPDX-License-Identifier: GPL-2.0
/*
 * vsmd_acl.c - access-lists from the configuration to what the kernel
 * takes (struct acl_info), and whether the kernel already holds that.
 * Remarks stay in the configuration; "log" has no kernel counterpart (the
 * hit counters are always on).
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "parse.h"
#include "vsmd_sync.h"

static const uint8_t kind_family[CONFIG_ACL_KINDS] = {
	[CONFIG_ACL_IP] = VEM_ACL_FAMILY_IPV4,
	[CONFIG_ACL_IPV6] = VEM_ACL_FAMILY_IPV6,
	[CONFIG_ACL_MAC] = VEM_ACL_FAMILY_MAC,
};

uint8_t vsmd_acl_family(uint8_t kind)
{
	return kind < CONFIG_ACL_KINDS ? kind_family[kind] : 0;
}

/* One entry as the kernel reports it back: unset conditions all zero. */
static void entry_info(const struct config_acl_entry *e,
		       struct acl_entry_info *out)
{
	memset(out, 0, sizeof(*out));
	out->seq = e->seq;
	out->action = e->action == CONFIG_ACL_DENY ? VEM_ACE_DENY :
						     VEM_ACE_PERMIT;
	if (e->family == AF_UNSPEC) {	/* a mac list */
		if (!mac_is_zero(e->src_mac_mask)) {
			memcpy(out->src_mac, e->src_mac, 6);
			memcpy(out->src_mac_mask, e->src_mac_mask, 6);
		}
		if (!mac_is_zero(e->dst_mac_mask)) {
			memcpy(out->dst_mac, e->dst_mac, 6);
			memcpy(out->dst_mac_mask, e->dst_mac_mask, 6);
		}
		out->has_ethertype = e->has_ethertype;
		out->ethertype = e->has_ethertype ? e->ethertype : 0;
		return;
	}
	out->has_proto = !e->proto_any;
	out->proto = e->proto_any ? 0 : e->proto;
	if (e->src_len) {
		memcpy(out->src, e->src, sizeof(out->src));
		out->src_len = e->src_len;
	}
	if (e->dst_len) {
		memcpy(out->dst, e->dst, sizeof(out->dst));
		out->dst_len = e->dst_len;
	}
	out->sport_op = e->sport.op;
	out->sport_lo = e->sport.op ? e->sport.lo : 0;
	out->sport_hi = e->sport.op == CONFIG_PORT_RANGE ? e->sport.hi : 0;
	out->dport_op = e->dport.op;
	out->dport_lo = e->dport.op ? e->dport.lo : 0;
	out->dport_hi = e->dport.op == CONFIG_PORT_RANGE ? e->dport.hi : 0;
	out->established = e->established;
	out->has_dscp = e->has_dscp;
	out->dscp = e->has_dscp ? e->dscp : 0;
}

int vsmd_acl_info(const struct config_acl *acl, struct acl_info *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	snprintf(out->name, sizeof(out->name), "%s", acl->name);
	out->family = vsmd_acl_family(acl->kind);
	out->entries = calloc(acl->n ? acl->n : 1, sizeof(*out->entries));
	if (!out->entries)
		return -ENOMEM;
	for (i = 0; i < acl->n; i++)
		if (acl->entries[i].action != CONFIG_ACL_REMARK)
			entry_info(&acl->entries[i], &out->entries[out->n++]);
	return 0;
}

static bool entry_same(const struct acl_entry_info *a,
		       const struct acl_entry_info *b)
{
	return a->seq == b->seq && a->action == b->action &&
	       a->has_proto == b->has_proto && a->proto == b->proto &&
	       a->src_len == b->src_len && a->dst_len == b->dst_len &&
	       !memcmp(a->src, b->src, sizeof(a->src)) &&
	       !memcmp(a->dst, b->dst, sizeof(a->dst)) &&
	       a->sport_op == b->sport_op && a->sport_lo == b->sport_lo &&
	       a->sport_hi == b->sport_hi && a->dport_op == b->dport_op &&
	       a->dport_lo == b->dport_lo && a->dport_hi == b->dport_hi &&
	       a->established == b->established &&
	       a->has_dscp == b->has_dscp && a->dscp == b->dscp &&
	       !memcmp(a->src_mac, b->src_mac, 6) &&
	       !memcmp(a->src_mac_mask, b->src_mac_mask, 6) &&
	       !memcmp(a->dst_mac, b->dst_mac, 6) &&
	       !memcmp(a->dst_mac_mask, b->dst_mac_mask, 6) &&
	       a->has_ethertype == b->has_ethertype &&
	       a->ethertype == b->ethertype;
}

bool vsmd_acl_same(const struct acl_info *k, const struct acl_info *w)
{
	size_t i;

	if (k->family != w->family || k->n != w->n)
		return false;
	for (i = 0; i < k->n; i++)
		if (!entry_same(&k->entries[i], &w->entries[i]))
			return false;
	return true;
}
