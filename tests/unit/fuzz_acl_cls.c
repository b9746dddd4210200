// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_acl_cls.c - libFuzzer harness of the ACL classifier
 * (kmod/acl_cls*.c): the input chooses a list (family, entries, some of
 * them not valid when the first byte says so) and packets, many on the
 * edges of the entries (acl_ref.h); past its end, a PRNG seeded from it
 * goes on choosing. The build must refuse exactly the
 * lists the reference calls invalid; a built list must give, for every
 * packet, the entry the reference linear matcher gives.
 */

#include <stdlib.h>

#include "acl_ref.h"

#define MAX_RULES	300
#define MAX_PKTS	64

static void check(int cond)
{
	if (!cond)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct vem_acl_rule rules[MAX_RULES];
	struct acl_src s = {
		.data = data, .len = size, .rng = src_seed(data, size),
	};
	struct vem_acl_cls *cls = NULL;
	struct vem_acl_cls_info info;
	unsigned int n, i;
	u8 family, mode;
	int ret;

	mode = src_u8(&s);
	s.invalid = !(mode & 3);
	family = (mode >> 2) % 3;
	n = (mode & 0xc0) == 0xc0 ? src_below(&s, MAX_RULES + 1) :
				     src_below(&s, 17);
	gen_pools(&s);
	for (i = 0; i < n; i++)
		gen_rule(&s, family, &rules[i]);

	ret = vem_acl_cls_build(rules, n, &cls);
	if (n && !ref_valid(rules, n)) {
		check(ret == -EINVAL && !cls);
		return 0;
	}
	check(!ret && cls);
	vem_acl_cls_info(cls, &info);
	check(info.rules == n && info.tables <= n && info.max_chain <= n);

	for (i = 0; i < MAX_PKTS; i++) {
		struct vem_acl_pkt p;
		int got, want;

		gen_pkt(&s, n ? rules[0].family : family, rules, n, &p);
		got = vem_acl_cls_match(cls, &p);
		want = ref_match(rules, n, &p);
		check(got == want);
		check(vem_acl_cls_permits(cls, got) ==
		      (want >= 0 && rules[want].action == VEM_ACL_PERMIT));
	}
	vem_acl_cls_free(cls);
	return 0;
}
