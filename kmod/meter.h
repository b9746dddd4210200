/* SPDX-License-Identifier: GPL-2.0 */
/*
 * meter.h - a rate meter without a lock, for storm control and policers.
 *
 * The generic cell rate algorithm in its "virtual scheduling" form: a
 * meter keeps one value, the theoretical arrival time (TAT) of the next
 * unit of traffic at the metered rate. A unit arriving at @now conforms if
 * the TAT is at most @tolerance ahead of @now (the burst allowed); it then
 * pushes the TAT by its cost (its length at the rate). That is a token
 * bucket of depth @tolerance, written as a single 64-bit word: the update
 * is one cmpxchg, so CPUs receiving on the same port at once retry rather
 * than wait for each other, and nothing is shared between ports.
 */
#ifndef _VEM_METER_H
#define _VEM_METER_H

#include <linux/atomic.h>
#include <linux/minmax.h>
#include <linux/types.h>

struct vem_meter {
	atomic64_t tat;		/* ns, ktime_get_ns() clock; 0: idle */
};

/*
 * Whether a unit costing @cost ns at @now conforms; if so it is charged.
 * Any context; lock-free.
 */
static inline bool vem_meter_conform(struct vem_meter *m, u64 now, u64 cost,
				     u64 tolerance)
{
	s64 tat = atomic64_read(&m->tat);
	u64 start;

	do {
		/* An idle meter starts from now: credit does not pile up. */
		start = max_t(u64, (u64)tat, now);
		if (start - now > tolerance)
			return false;
	} while (!atomic64_try_cmpxchg(&m->tat, &tat, (s64)(start + cost)));
	return true;
}

#endif /* _VEM_METER_H */
