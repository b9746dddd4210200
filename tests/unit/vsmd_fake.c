// SPDX-License-Identifier: GPL-2.0
/* vsmd_fake.c - the fake kernel instance of vsmd_fake (see vsmd_fake.h). */

#include "vsmd_fake.h"

struct fake_kernel vsmd_fake_kernel;
