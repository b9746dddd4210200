/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Differences between the kernels vem.ko builds against, in one place.
 * The VEM_HAVE_* macros come from feature tests on the kernel headers in
 * Kbuild, never from version numbers.
 */
#ifndef _VEM_COMPAT_H
#define _VEM_COMPAT_H

#include <net/genetlink.h>

/* 6.2 split genl_ops into do/dump halves passed to pre_doit/post_doit. */
#ifdef VEM_HAVE_GENL_SPLIT_OPS
typedef struct genl_split_ops vem_genl_ops_t;
#else
typedef struct genl_ops vem_genl_ops_t;
#endif

/* Parsed attributes of a dump request. */
static inline struct nlattr **vem_dump_attrs(struct netlink_callback *cb)
{
#ifdef VEM_HAVE_GENL_DUMPIT_INFO_INFO
	return genl_dumpit_info(cb)->info.attrs;
#else
	return genl_dumpit_info(cb)->attrs;
#endif
}

/* 6.3 added the module-prefixed variant of NL_SET_ERR_MSG_ATTR. */
#ifndef NL_SET_ERR_MSG_ATTR_MOD
#define NL_SET_ERR_MSG_ATTR_MOD(extack, attr, msg)			\
	NL_SET_ERR_MSG_ATTR(extack, attr, KBUILD_MODNAME ": " msg)
#endif

#endif /* _VEM_COMPAT_H */
