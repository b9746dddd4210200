// SPDX-License-Identifier: GPL-2.0
/*
 * vsmd_qos.c - policy-maps from the configuration to what the kernel
 * takes (struct qos_info), and whether the kernel already holds that.
 *
 * The burst is always sent: when the configuration has none, the kernel's
 * default (VEM_QOS_BC_DEFAULT_MS of the rate, within its limits) is
 * computed here as the kernel computes it, so that what the kernel
 * reports back compares equal and a restart of vsmd changes nothing.
 */

#include <string.h>

#include "vsmd_sync.h"

void vsmd_qos_info(const struct config_qos *q, struct qos_info *out)
{
	memset(out, 0, sizeof(*out));
	snprintf(out->name, sizeof(out->name), "%s", q->name);
	out->cir = config_qos_cir_bps(q);
	if (out->cir) {
		uint64_t bc = config_qos_bc_bytes(q);

		if (!bc) {
			bc = out->cir * VEM_QOS_BC_DEFAULT_MS / 8000;
			if (bc < VEM_QOS_BC_MIN)
				bc = VEM_QOS_BC_MIN;
			if (bc > VEM_QOS_BC_MAX)
				bc = VEM_QOS_BC_MAX;
		}
		out->bc = bc;
		out->violate = q->violate;
		if (q->violate == VEM_QOS_VIOLATE_SET_DSCP) {
			out->has_violate_dscp = true;
			out->violate_dscp = q->violate_dscp;
		}
	}
	out->has_cos = q->has_cos;
	out->cos = q->has_cos ? q->cos : 0;
	out->has_dscp = q->has_dscp;
	out->dscp = q->has_dscp ? q->dscp : 0;
}

bool vsmd_qos_same(const struct qos_info *k, const struct qos_info *w)
{
	return k->cir == w->cir && k->bc == w->bc && k->violate == w->violate &&
	       k->has_violate_dscp == w->has_violate_dscp &&
	       k->violate_dscp == w->violate_dscp &&
	       k->has_cos == w->has_cos && k->cos == w->cos &&
	       k->has_dscp == w->has_dscp && k->dscp == w->dscp;
}
