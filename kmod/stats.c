// SPDX-License-Identifier: GPL-2.0
/*
 * Per-port counters: per-CPU, written by the datapath without locks,
 * summed on read.
 */

#include "vem.h"

/* Any context. */
void vem_stats_read(const struct vem_port *port, struct vem_stats *sum)
{
	int cpu, i;

	memset(sum, 0, sizeof(*sum));
	for_each_possible_cpu(cpu) {
		const struct vem_pcpu_stats *s = per_cpu_ptr(port->stats, cpu);
		struct vem_stats c;
		unsigned int start;

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			for (i = 0; i < VEM_CLASS_MAX; i++) {
				c.rx_pkts[i] = u64_stats_read(&s->rx_pkts[i]);
				c.rx_bytes[i] = u64_stats_read(&s->rx_bytes[i]);
				c.tx_pkts[i] = u64_stats_read(&s->tx_pkts[i]);
				c.tx_bytes[i] = u64_stats_read(&s->tx_bytes[i]);
			}
			c.rx_flood = u64_stats_read(&s->rx_flood);
			for (i = 0; i < VEM_DROP_MAX; i++)
				c.drops[i] = u64_stats_read(&s->drops[i]);
			c.learn_refused = u64_stats_read(&s->learn_refused);
			for (i = 0; i < 2; i++)
				c.police_marked[i] =
					u64_stats_read(&s->police_marked[i]);
			c.psec_violations = u64_stats_read(&s->psec_violations);
		} while (u64_stats_fetch_retry(&s->syncp, start));

		for (i = 0; i < VEM_CLASS_MAX; i++) {
			sum->rx_pkts[i] += c.rx_pkts[i];
			sum->rx_bytes[i] += c.rx_bytes[i];
			sum->tx_pkts[i] += c.tx_pkts[i];
			sum->tx_bytes[i] += c.tx_bytes[i];
		}
		sum->rx_flood += c.rx_flood;
		for (i = 0; i < VEM_DROP_MAX; i++)
			sum->drops[i] += c.drops[i];
		sum->learn_refused += c.learn_refused;
		for (i = 0; i < 2; i++)
			sum->police_marked[i] += c.police_marked[i];
		sum->psec_violations += c.psec_violations;
	}
}
