// SPDX-License-Identifier: GPL-2.0
/*
 * config_acl_print.c - access-lists as config text, which config_acl.c
 * reads back to the same entries, and as JSON. Protocols, ports and DSCP
 * values are written by their NX-OS names when they have one, ethertypes
 * in hex, addresses as prefixes (a host as /32 or /128), MAC addresses
 * with the NX-OS wildcard.
 */

#include <arpa/inet.h>
#include <stdarg.h>
#include <string.h>
#include <sys/socket.h>

#include "config.h"
#include "parse.h"

#define TEXT_MAX	512	/* an entry as text, with room */

/* Appending to a buffer, snprintf()-style: pos counts what did not fit. */
struct out {
	char *buf;
	size_t len, pos;
};

__attribute__((format(printf, 2, 3)))
static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(o->pos < o->len ? o->buf + o->pos : NULL,
		      o->pos < o->len ? o->len - o->pos : 0, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->pos += n;
}

static void put_ip(struct out *o, const struct config_acl_entry *e,
		   const uint8_t *addr, uint8_t len)
{
	char a[INET6_ADDRSTRLEN];

	if (!len) {
		put(o, " any");
		return;
	}
	inet_ntop(e->family, addr, a, sizeof(a));
	put(o, " %s/%u", a, len);
}

static void put_port(struct out *o, uint8_t proto, uint16_t port)
{
	const char *name = config_acl_port_name(proto, port);

	if (name)
		put(o, " %s", name);
	else
		put(o, " %u", port);
}

static void put_ports(struct out *o, const struct config_acl_entry *e,
		      const struct config_acl_ports *p)
{
	if (!p->op)
		return;
	put(o, " %s", config_port_op_name(p->op));
	put_port(o, e->proto, p->lo);
	if (p->op == CONFIG_PORT_RANGE)
		put_port(o, e->proto, p->hi);
}

static void put_mac(struct out *o, const uint8_t *mac, const uint8_t *mask)
{
	char a[MAC_STRLEN];
	uint8_t wc[6];
	int i;

	if (mac_is_zero(mask)) {
		put(o, " any");
		return;
	}
	for (i = 0; i < 6; i++)
		wc[i] = ~mask[i];
	mac_format_dotted(mac, a);
	put(o, " %s", a);
	mac_format_dotted(wc, a);
	put(o, " %s", a);
}

/* The protocol word of an entry: its name, or its number. */
static void put_proto(struct out *o, const struct config_acl_entry *e,
		      uint8_t kind)
{
	const char *name = config_acl_proto_name(kind, e->proto_any ?
						 CONFIG_PROTO_ANY : e->proto);

	if (name)
		put(o, "%s", name);
	else
		put(o, "%u", e->proto);
}

static void put_dscp(struct out *o, uint8_t dscp)
{
	const char *name = config_acl_dscp_name(dscp);

	if (name)
		put(o, "%s", name);
	else
		put(o, "%u", dscp);
}

size_t config_acl_entry_text(const struct config_acl_entry *e, uint8_t kind,
			     char *buf, size_t len)
{
	struct out o = { buf, len, 0 };

	if (len)
		buf[0] = '\0';
	if (e->action == CONFIG_ACL_REMARK) {
		put(&o, "remark %s", e->remark);
		return o.pos;
	}
	put(&o, "%s", e->action == CONFIG_ACL_PERMIT ? "permit" : "deny");
	if (kind == CONFIG_ACL_MAC) {
		put_mac(&o, e->src_mac, e->src_mac_mask);
		put_mac(&o, e->dst_mac, e->dst_mac_mask);
		if (e->has_ethertype)
			put(&o, " 0x%04x", e->ethertype);
		return o.pos;
	}
	put(&o, " ");
	put_proto(&o, e, kind);
	put_ip(&o, e, e->src, e->src_len);
	put_ports(&o, e, &e->sport);
	put_ip(&o, e, e->dst, e->dst_len);
	put_ports(&o, e, &e->dport);
	if (e->has_dscp) {
		put(&o, " dscp ");
		put_dscp(&o, e->dscp);
	}
	if (e->established)
		put(&o, " established");
	if (e->log)
		put(&o, " log");
	return o.pos;
}

void config_acl_print(FILE *f, const struct config_acl *acl)
{
	char text[TEXT_MAX];
	size_t i;

	fprintf(f, "%s access-list %s\n", config_acl_kind_name(acl->kind),
		acl->name);
	if (acl->stats)
		fputs("  statistics per-entry\n", f);
	for (i = 0; i < acl->n; i++) {
		config_acl_entry_text(&acl->entries[i], acl->kind, text,
				      sizeof(text));
		fprintf(f, "  %u %s\n", acl->entries[i].seq, text);
	}
}

static void json_ports(struct json *j, const char *key,
		       const struct config_acl_ports *p)
{
	if (!p->op)
		return;
	json_key(j, key);
	json_obj_begin(j);
	json_kv_str(j, "op", config_port_op_name(p->op));
	if (p->op == CONFIG_PORT_RANGE) {
		json_kv_u64(j, "first", p->lo);
		json_kv_u64(j, "last", p->hi);
	} else {
		json_kv_u64(j, "port", p->lo);
	}
	json_obj_end(j);
}

/* What put() wrote, without its leading blank. */
static const char *word(struct out *o)
{
	return o->buf[0] == ' ' ? o->buf + 1 : o->buf;
}

static void json_entry(struct json *j, const struct config_acl_entry *e,
		       uint8_t kind)
{
	char buf[TEXT_MAX];
	struct out o = { buf, sizeof(buf), 0 };

	json_obj_begin(j);
	json_kv_u64(j, "seq", e->seq);
	if (e->action == CONFIG_ACL_REMARK) {
		json_kv_str(j, "action", "remark");
		json_kv_str(j, "remark", e->remark);
		json_obj_end(j);
		return;
	}
	json_kv_str(j, "action", e->action == CONFIG_ACL_PERMIT ? "permit" :
								 "deny");
	if (kind == CONFIG_ACL_MAC) {
		put_mac(&o, e->src_mac, e->src_mac_mask);
		json_kv_str(j, "source", word(&o));
		o.pos = 0;
		put_mac(&o, e->dst_mac, e->dst_mac_mask);
		json_kv_str(j, "destination", word(&o));
		if (e->has_ethertype) {
			snprintf(buf, sizeof(buf), "0x%04x", e->ethertype);
			json_kv_str(j, "ethertype", buf);
		}
		json_obj_end(j);
		return;
	}
	put_proto(&o, e, kind);
	json_kv_str(j, "protocol", buf);
	o.pos = 0;
	put_ip(&o, e, e->src, e->src_len);
	json_kv_str(j, "source", word(&o));
	json_ports(j, "source_port", &e->sport);
	o.pos = 0;
	put_ip(&o, e, e->dst, e->dst_len);
	json_kv_str(j, "destination", word(&o));
	json_ports(j, "destination_port", &e->dport);
	if (e->has_dscp)
		json_kv_u64(j, "dscp", e->dscp);
	if (e->established)
		json_kv_bool(j, "established", true);
	if (e->log)
		json_kv_bool(j, "log", true);
	json_obj_end(j);
}

void config_acl_json(struct json *j, const struct config_acl *acl)
{
	size_t i;

	json_obj_begin(j);
	json_kv_str(j, "type", config_acl_kind_name(acl->kind));
	json_kv_str(j, "name", acl->name);
	json_kv_bool(j, "statistics_per_entry", acl->stats);
	json_key(j, "entries");
	json_arr_begin(j);
	for (i = 0; i < acl->n; i++)
		json_entry(j, &acl->entries[i], acl->kind);
	json_arr_end(j);
	json_obj_end(j);
}
