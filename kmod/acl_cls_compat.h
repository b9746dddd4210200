/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the ACL classifier needs from its environment, and nothing more:
 * fixed-size integer types, zeroed allocation of one large block, sort,
 * memcmp. Kernel headers under __KERNEL__, libc otherwise, so that
 * acl_cls.c builds unchanged into vem.ko and into the userspace unit
 * tests, benchmark and fuzzer (tests/unit).
 */
#ifndef _VEM_ACL_CLS_COMPAT_H
#define _VEM_ACL_CLS_COMPAT_H

#ifdef __KERNEL__

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>
#include <linux/types.h>

/* Build time only: may sleep. The classifier can be large, hence kv*. */
#define acl_zalloc(size)		kvzalloc(size, GFP_KERNEL)
#define acl_free(p)			kvfree(p)
#define acl_sort(base, n, size, cmp)	sort(base, n, size, cmp, NULL)

#else /* userspace */

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;

#ifndef __always_inline
#define __always_inline inline __attribute__((__always_inline__))
#endif

#define acl_zalloc(size)		calloc(1, size)
#define acl_free(p)			free(p)
#define acl_sort(base, n, size, cmp)	qsort(base, n, size, cmp)

#endif /* __KERNEL__ */

#endif /* _VEM_ACL_CLS_COMPAT_H */
