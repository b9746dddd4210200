// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_config.c - libFuzzer harness of the config parser: the input is a
 * batch of config text applied to a small model. A refused batch must
 * leave the model as it was and say why; an accepted one must give a
 * valid model whose running-config reads back to the same running-config,
 * and whose evaluated attributes are ones the kernel accepts, and whose
 * access-lists hold only entries the kernel classifier can take.
 *
 *   ./fuzz_config -dict=corpus/config.dict NEW_DIR corpus/config
 */

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "config.h"
#include "parse.h"

static const char base[] =
	"vlan 10,20\n"
	"vlan 10\n  name web\n"
	"port-profile type ethernet up\n"
	"  switchport trunk allowed vlan 10,20\n"
	"port-profile base\n  switchport access vlan 10\n  max-ports 4\n"
	"port-profile web\n  inherit port-profile base\n  state enabled\n"
	"interface vethernet 1\n  inherit port-profile web\n"
	"interface ethernet 1\n  inherit port-profile up\n"
	"ip access-list A\n  10 permit tcp any 10.0.0.0/24 eq www\n"
	"  20 deny ip any any log\n"
	"ipv6 access-list A6\n  10 permit icmp any any\n"
	"mac access-list M\n  10 deny any any 0x8137\n"
	"port-profile base\n  ip port access-group A in\n"
	"interface vethernet 1\n  mac port access-group M out\n"
	"policy-map type qos Q\n  class class-default\n"
	"    police cir 10 mbps bc 200 kbytes\n    set cos 5\n"
	"port-profile web\n  service-policy input Q\n";

static void check(int cond)
{
	if (!cond)
		abort();
}

static char *printed(const struct config *cfg)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	check(f != NULL);
	check(!config_print(f, cfg, NULL));
	fclose(f);
	return out;
}

static void check_eval(const struct config_eval *ev)
{
	check(ev->mode == VEM_PORT_MODE_ACCESS ||
	      ev->mode == VEM_PORT_MODE_TRUNK);
	check(ev->type != VEM_PORT_UPLINK || ev->mode == VEM_PORT_MODE_TRUNK);
	check(ev->access_vlan >= 1 && ev->access_vlan <= VEM_VLAN_MAX);
	check(ev->native_vlan <= VEM_VLAN_MAX);
	check(!vlan_bitmap_test(ev->trunk_vlans, 0) &&
	      !vlan_bitmap_test(ev->trunk_vlans, 4095));
	check(ev->max_ports >= 1 && ev->max_ports <= CONFIG_MAX_PORTS_MAX);
}

/* No bit set beyond the first len bits of addr (bytes long). */
static bool prefix_clean(const uint8_t *addr, unsigned int len,
			 unsigned int bytes)
{
	unsigned int i;

	for (i = 0; i < bytes * 8; i++)
		if (i >= len && (addr[i / 8] & (0x80 >> (i % 8))))
			return false;
	return true;
}

static void check_ports(const struct config_acl_entry *e,
			const struct config_acl_ports *p)
{
	uint16_t lo, hi;
	bool neg;

	config_acl_port_range(p, &lo, &hi, &neg);
	check(lo <= hi && neg == (p->op == CONFIG_PORT_NEQ));
	check(p->op <= CONFIG_PORT_RANGE);
	if (p->op)
		check(!e->proto_any && (e->proto == 6 || e->proto == 17));
	check(p->lo <= p->hi);
	if (p->op != CONFIG_PORT_RANGE)
		check(p->lo == p->hi);
	if (p->op == CONFIG_PORT_LT)
		check(p->lo >= 1);
	if (p->op == CONFIG_PORT_GT)
		check(p->lo <= 65534);
}

/* What the kernel classifier is to take: canonical, bounded entries. */
static void check_acl(const struct config_acl *acl)
{
	unsigned int bytes = acl->kind == CONFIG_ACL_IP ? 4 : 16;
	size_t i;
	int k;

	check(acl->kind < CONFIG_ACL_KINDS);
	check(acl->n <= CONFIG_ACL_ENTRIES_MAX && acl->n <= acl->cap);
	for (i = 0; i < acl->n; i++) {
		const struct config_acl_entry *e = &acl->entries[i];

		check(e->seq >= 1);
		check(!i || acl->entries[i - 1].seq < e->seq);
		check(e->action <= CONFIG_ACL_REMARK);
		if (e->action == CONFIG_ACL_REMARK) {
			check(e->remark[0] && strlen(e->remark) <=
					      CONFIG_REMARK_MAX);
			continue;
		}
		if (acl->kind == CONFIG_ACL_MAC) {
			check(e->family == AF_UNSPEC);
			for (k = 0; k < 6; k++)
				check(!(e->src_mac[k] & ~e->src_mac_mask[k]) &&
				      !(e->dst_mac[k] & ~e->dst_mac_mask[k]));
			continue;
		}
		check(e->family == (acl->kind == CONFIG_ACL_IP ? AF_INET :
								 AF_INET6));
		check(e->src_len <= bytes * 8 && e->dst_len <= bytes * 8);
		check(prefix_clean(e->src, e->src_len, 16) &&
		      prefix_clean(e->dst, e->dst_len, 16));
		check(!e->proto_any || !e->proto);
		check_ports(e, &e->sport);
		check_ports(e, &e->dport);
		check(!e->established || (!e->proto_any && e->proto == 6));
		check(e->dscp <= 63 && (e->has_dscp || !e->dscp));
	}
}

/* Everything that reads an accepted model. */
static void use(const struct config *cfg)
{
	struct config_error err;
	struct config_eval ev;
	char *out = NULL;
	size_t len = 0, i;
	struct json j;
	FILE *f;

	check(!config_validate(cfg, &err));
	check(cfg->qos.n <= CONFIG_QOS_MAX);
	for (i = 0; i < cfg->qos.n; i++) {
		const struct config_qos *q = config_qos_at(cfg, i);
		uint64_t cir = config_qos_cir_bps(q);
		uint32_t bc = config_qos_bc_bytes(q);

		/* What the kernel takes: its ranges hold. */
		check(!q->police || (cir >= VEM_QOS_CIR_MIN &&
				     cir <= VEM_QOS_CIR_MAX));
		check(!q->has_bc || (bc >= VEM_QOS_BC_MIN &&
				     bc <= VEM_QOS_BC_MAX));
		check(q->cos <= 7 && q->dscp <= 63 && q->violate_dscp <= 63);
		check(q->violate <= VEM_QOS_VIOLATE_MAX);
	}
	check(cfg->acls.n <= CONFIG_ACL_MAX);
	for (i = 0; i < cfg->acls.n; i++)
		check_acl(config_acl_at(cfg, i));
	for (i = 0; i < cfg->profiles.n; i++) {
		config_eval_profile(cfg, config_profile_at(cfg, i), &ev);
		check_eval(&ev);
	}
	f = open_memstream(&out, &len);
	check(f != NULL);
	json_init(&j, f, false);
	json_arr_begin(&j);
	for (i = 0; i < cfg->ifaces.n; i++) {
		config_eval_iface(cfg, config_iface_at(cfg, i), &ev);
		check_eval(&ev);
		json_obj_begin(&j);
		config_eval_json(&j, &ev);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	config_json(&j, cfg);
	fclose(f);
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg, back;
	struct config_error err;
	char *before, *after, *again;

	config_init(&cfg);
	check(!config_apply(&cfg, base, strlen(base), &err));
	before = printed(&cfg);
	if (config_apply(&cfg, (const char *)data, size, &err)) {
		check(err.msg[0] != '\0');
		after = printed(&cfg);
		check(!strcmp(before, after));
		free(after);
	} else {
		use(&cfg);
		after = printed(&cfg);
		config_init(&back);
		if (config_apply(&back, after, strlen(after), &err)) {
			fprintf(stderr, "running-config refused: %s\n%s",
				err.msg, after);
			abort();
		}
		again = printed(&back);
		check(!strcmp(after, again));
		free(again);
		free(after);
		config_free(&back);
	}
	free(before);
	config_free(&cfg);
	return 0;
}
