/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsmd_fake.h - forced into vsmd.c for vsmd_fake, the daemon over the
 * fake kernel that test_vsmd_daemon.sh drives through its socket.
 */

#ifndef VSMD_FAKE_H
#define VSMD_FAKE_H

#include "fake_kernel.h"

extern struct fake_kernel vsmd_fake_kernel;

#define VSMD_KERNEL_OPS		fake_kernel_ops
#define VSMD_KERNEL_PRIV	(&vsmd_fake_kernel)

#endif /* VSMD_FAKE_H */
