// SPDX-License-Identifier: GPL-2.0
/*
 * config_qos.c - policy-map type qos: the lines of its block, its text and
 * JSON, and the values the kernel takes.
 *
 *   policy-map type qos GOLD
 *     class class-default
 *       police cir 10 mbps bc 200 kbytes conform transmit violate drop
 *       set cos 5
 *       set dscp 46
 *
 * vnlink has no class-maps: the one class is class-default, which every
 * frame belongs to. Rates: bps, kbps, mbps, gbps (powers of 1000), a bare
 * number is bit/s. Bursts: bytes, kbytes, mbytes (powers of 1000), or ms
 * and us of the rate; a bare number is bytes; no bc: the kernel's default,
 * VEM_QOS_BC_DEFAULT_MS of the rate. Values keep the unit they were
 * written in, to be printed back the same way.
 */

#include <errno.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "parse.h"

static const struct kw rate_units[] = {
	[CONFIG_RATE_BPS] = { "bps" }, [CONFIG_RATE_KBPS] = { "kbps" },
	[CONFIG_RATE_MBPS] = { "mbps" }, [CONFIG_RATE_GBPS] = { "gbps" },
};
static const uint64_t rate_mult[] = {
	[CONFIG_RATE_BPS] = 1, [CONFIG_RATE_KBPS] = 1000,
	[CONFIG_RATE_MBPS] = 1000000, [CONFIG_RATE_GBPS] = 1000000000,
};

static const struct kw burst_units[] = {
	[CONFIG_BURST_BYTES] = { "bytes" }, [CONFIG_BURST_KBYTES] = { "kbytes" },
	[CONFIG_BURST_MBYTES] = { "mbytes" }, [CONFIG_BURST_MS] = { "ms" },
	[CONFIG_BURST_US] = { "us" },
};

/* The index of w in t if it is one of its words, spelt out; else -1. */
static int exact(const char *w, const struct kw *t, size_t n)
{
	size_t i;

	for (i = 0; w && i < n; i++)
		if (!strcasecmp(w, t[i].name))
			return i;
	return -1;
}

const char *config_qos_dir_name(uint8_t dir)
{
	return dir == CONFIG_QOS_OUT ? "output" : "input";
}

uint64_t config_qos_cir_bps(const struct config_qos *q)
{
	return q->police ? q->cir * rate_mult[q->cir_unit] : 0;
}

/* The burst in bytes, 0 if none is written; saturates past UINT32_MAX. */
uint32_t config_qos_bc_bytes(const struct config_qos *q)
{
	uint64_t cir = config_qos_cir_bps(q), b;

	if (!q->police || !q->has_bc)
		return 0;
	switch (q->bc_unit) {
	case CONFIG_BURST_KBYTES:
		b = q->bc * 1000;
		break;
	case CONFIG_BURST_MBYTES:
		b = q->bc * 1000000;
		break;
	case CONFIG_BURST_MS:	/* cir <= 1e11, bc <= 1e6 checked */
		b = cir / 8 * q->bc / 1000;
		break;
	case CONFIG_BURST_US:
		b = cir / 8 * q->bc / 1000000;
		break;
	default:
		b = q->bc;
		break;
	}
	return b > UINT32_MAX ? UINT32_MAX : b;
}

/* police [cir] RATE [UNIT] [bc BURST [UNIT]] [conform transmit]
 * [violate drop|set-dscp-transmit DSCP] */
static int police_line(struct config_qos *q, int argc, char **argv)
{
	static const struct kw opts[] = {
		{ "bc" }, { "conform" }, { "violate" },
	};
	static const struct kw violates[] = {
		[VEM_QOS_VIOLATE_DROP] = { "drop" },
		[VEM_QOS_VIOLATE_SET_DSCP] = { "set-dscp-transmit" },
	};
	struct config_qos n = *q;
	uint64_t v, bytes;
	int i = 1, u, o;

	if (i < argc && !strcasecmp(argv[i], "cir"))
		i++;
	if (i >= argc) {
		parse_fail("missing rate after \"%s\"", argv[i - 1]);
		return -1;
	}
	if (parse_u64(argv[i++], 1, 100000000000ULL, &v, "police rate"))
		return -1;
	u = exact(i < argc ? argv[i] : NULL, rate_units, ARRAY_SIZE(rate_units));
	if (u >= 0)
		i++;
	else
		u = CONFIG_RATE_BPS;
	n.police = true;
	n.cir = v;
	n.cir_unit = u;
	n.has_bc = false;
	n.bc = 0;
	n.bc_unit = 0;
	n.violate = VEM_QOS_VIOLATE_DROP;
	n.violate_dscp = 0;
	if (v > VEM_QOS_CIR_MAX / rate_mult[u] ||
	    config_qos_cir_bps(&n) < VEM_QOS_CIR_MIN) {
		parse_fail("police rate out of range (8 kbps to 100 gbps)");
		return -1;
	}
	while (i < argc) {
		o = kw_lookup(argv[i], opts, "police option");
		if (o < 0)
			return -1;
		i++;
		switch (o) {
		case 0:		/* bc */
			if (i >= argc) {
				parse_fail("missing burst after \"bc\"");
				return -1;
			}
			if (parse_u64(argv[i++], 1, 1000000000ULL, &v, "burst"))
				return -1;
			u = exact(i < argc ? argv[i] : NULL, burst_units,
				  ARRAY_SIZE(burst_units));
			if (u >= 0)
				i++;
			else
				u = CONFIG_BURST_BYTES;
			n.has_bc = true;
			n.bc = v;
			n.bc_unit = u;
			bytes = config_qos_bc_bytes(&n);
			if ((u == CONFIG_BURST_MS && v > 1000000) ||
			    (u == CONFIG_BURST_US && v > 1000000000) ||
			    bytes < VEM_QOS_BC_MIN || bytes > VEM_QOS_BC_MAX) {
				parse_fail("burst out of range (%u to %u bytes)",
					   VEM_QOS_BC_MIN, VEM_QOS_BC_MAX);
				return -1;
			}
			break;
		case 1:		/* conform transmit: the only conform action */
			if (i >= argc || strcasecmp(argv[i], "transmit")) {
				parse_fail("the conform action is transmit");
				return -1;
			}
			i++;
			break;
		default:	/* violate */
			if (i >= argc) {
				parse_fail("missing violate action (expected drop, set-dscp-transmit)");
				return -1;
			}
			o = kw_lookup(argv[i], violates, "violate action");
			if (o < 0)
				return -1;
			i++;
			n.violate = o;
			if (o == VEM_QOS_VIOLATE_SET_DSCP) {
				if (i >= argc) {
					parse_fail("missing DSCP after \"set-dscp-transmit\"");
					return -1;
				}
				if (config_dscp_parse(argv[i++], &n.violate_dscp))
					return -1;
			}
			break;
		}
	}
	*q = n;
	return 0;
}

/* set cos N | set dscp D, and their "no" (value optional). */
static int set_line(struct config_qos *q, bool no, int argc, char **argv)
{
	static const struct kw what[] = { { "cos" }, { "dscp" } };
	uint32_t v;
	uint8_t d;
	int w;

	if (argc < 2)
		return kw_missing(what, "set option");
	w = kw_lookup(argv[1], what, "set option");
	if (w < 0)
		return -1;
	if (argc > 3) {
		parse_fail("unexpected \"%s\" after \"%s\"", argv[3], argv[2]);
		return -1;
	}
	if (!no && argc < 3) {
		parse_fail("missing %s value", what[w].name);
		return -1;
	}
	if (w == 0) {
		if (argc > 2 && parse_u32(argv[2], 0, 7, &v, "CoS value"))
			return -1;
		q->has_cos = !no;
		q->cos = no ? 0 : v;
	} else {
		if (argc > 2 && config_dscp_parse(argv[2], &d))
			return -1;
		q->has_dscp = !no;
		q->dscp = no ? 0 : d;
	}
	return 0;
}

static void clear_actions(struct config_qos *q)
{
	char name[sizeof(q->name)];

	memcpy(name, q->name, sizeof(name));
	memset(q, 0, sizeof(*q));
	memcpy(q->name, name, sizeof(name));
}

int config_qos_line(struct config_qos *q, bool in_class, bool *opens_class,
		    int argc, char **argv)
{
	static const struct kw cmds[] = {
		{ "class" }, { "police" }, { "set" }, { "no" },
	};
	bool no = false;
	int c;

	*opens_class = false;
	c = kw_lookup(argv[0], cmds, "command");
	if (c < 0)
		return -1;
	if (c == 3) {
		no = true;
		argc--;
		argv++;
		if (!argc)
			return kw_missing_table(cmds, 3, sizeof(cmds[0]), "command");
		c = kw_lookup_table(argv[0], cmds, 3, sizeof(cmds[0]), "command");
		if (c < 0)
			return -1;
	}
	if (c == 0) {		/* class class-default */
		if (argc < 2) {
			parse_fail("missing class name (only class-default is supported)");
			return -1;
		}
		if (strcmp(argv[1], "class-default")) {
			parse_fail("only class class-default is supported (vnlink has no class-maps)");
			return -1;
		}
		if (argc > 2) {
			parse_fail("unexpected \"%s\" after \"%s\"", argv[2],
				   argv[1]);
			return -1;
		}
		if (no) {
			clear_actions(q);
			return 0;
		}
		q->has_class = true;
		*opens_class = true;
		return 0;
	}
	if (!in_class) {
		parse_fail("%s belongs in class class-default", argv[0]);
		return -1;
	}
	if (c == 1) {
		if (!no)
			return police_line(q, argc, argv);
		q->police = false;
		q->cir = q->bc = 0;
		q->cir_unit = q->bc_unit = 0;
		q->has_bc = false;
		q->violate = q->violate_dscp = 0;
		return 0;
	}
	return set_line(q, no, argc, argv);
}

size_t config_qos_police_text(const struct config_qos *q, char *buf,
			      size_t len)
{
	int n, m;

	n = snprintf(buf, len, "police cir %llu %s", (unsigned long long)q->cir,
		     rate_units[q->cir_unit].name);
	if (n < 0 || (size_t)n >= len)
		return n < 0 ? 0 : (size_t)n;
	if (q->has_bc) {
		m = snprintf(buf + n, len - n, " bc %llu %s",
			     (unsigned long long)q->bc,
			     burst_units[q->bc_unit].name);
		n += m > 0 ? m : 0;
		if ((size_t)n >= len)
			return n;
	}
	if (q->violate == VEM_QOS_VIOLATE_SET_DSCP)
		m = snprintf(buf + n, len - n,
			     " conform transmit violate set-dscp-transmit %u",
			     q->violate_dscp);
	else
		m = snprintf(buf + n, len - n,
			     " conform transmit violate drop");
	return n + (m > 0 ? m : 0);
}

void config_qos_print(FILE *f, const struct config_qos *q)
{
	char police[160];

	fprintf(f, "policy-map type qos %s\n", q->name);
	if (!q->has_class && !q->police && !q->has_cos && !q->has_dscp)
		return;
	fputs("  class class-default\n", f);
	if (q->police) {
		config_qos_police_text(q, police, sizeof(police));
		fprintf(f, "    %s\n", police);
	}
	if (q->has_cos)
		fprintf(f, "    set cos %u\n", q->cos);
	if (q->has_dscp)
		fprintf(f, "    set dscp %u\n", q->dscp);
}

void config_qos_json(struct json *j, const struct config_qos *q)
{
	json_obj_begin(j);
	json_kv_str(j, "name", q->name);
	if (q->police) {
		json_key(j, "police");
		json_obj_begin(j);
		json_kv_u64(j, "cir_bps", config_qos_cir_bps(q));
		if (q->has_bc)
			json_kv_u64(j, "bc_bytes", config_qos_bc_bytes(q));
		else
			json_kv_null(j, "bc_bytes");
		json_kv_str(j, "violate", q->violate == VEM_QOS_VIOLATE_SET_DSCP ?
			    "set-dscp-transmit" : "drop");
		if (q->violate == VEM_QOS_VIOLATE_SET_DSCP)
			json_kv_u64(j, "violate_dscp", q->violate_dscp);
		json_obj_end(j);
	} else {
		json_kv_null(j, "police");
	}
	if (q->has_cos)
		json_kv_u64(j, "set_cos", q->cos);
	else
		json_kv_null(j, "set_cos");
	if (q->has_dscp)
		json_kv_u64(j, "set_dscp", q->dscp);
	else
		json_kv_null(j, "set_dscp");
	json_obj_end(j);
}
