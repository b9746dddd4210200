// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_msg.c - libFuzzer harness of the netlink readers: the input is a
 * message as the kernel might send it; the readers must refuse it or read
 * it without reading out of bounds.
 */

#include <stdlib.h>
#include <string.h>
#include <libmnl/libmnl.h>

#include "msg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nlmsghdr *nlh;
	struct family_info fi;
	struct switch_info sw;
	struct port_info port;
	struct fdb_entry fdb;
	struct profile_info pp;
	struct qos_info qos;
	struct extack ea;
	struct event ev;
	struct acl_info acl, *acls = NULL;
	size_t n = 0, i;
	void *buf;

	if (size < sizeof(*nlh) || size > 65536)
		return 0;
	/* As the receive loop hands it over: a whole, aligned message. */
	buf = malloc(size);
	memcpy(buf, data, size);
	nlh = buf;
	/*
	 * mnl_nlmsg_ok() compares lengths as int: a length over 2 GiB would
	 * pass. The kernel never sends one; check it as it holds.
	 */
	if (!mnl_nlmsg_ok(nlh, size) || nlh->nlmsg_len > size) {
		free(buf);
		return 0;
	}
	msg_parse_switch(nlh, &sw);
	msg_parse_port(nlh, &port);
	msg_parse_fdb(nlh, &fdb);
	msg_parse_profile(nlh, &pp);
	msg_parse_qos(nlh, &qos);
	if (!msg_parse_acl(nlh, &acl))
		free(acl.entries);
	/* Joined to itself: the second time, as the rest of a split ACL. */
	msg_join_acl(nlh, &acls, &n);
	msg_join_acl(nlh, &acls, &n);
	for (i = 0; i < n; i++)
		free(acls[i].entries);
	free(acls);
	msg_parse_event(nlh, &ev);
	msg_parse_family(nlh, "events", &fi);
	if (nlh->nlmsg_type == NLMSG_ERROR || nlh->nlmsg_type == NLMSG_DONE)
		if (!msg_parse_extack(nlh, &ea) && ea.has_offs)
			msg_attr_at(nlh, ea.offs);
	msg_attr_at(nlh, size / 2);
	free(buf);
	return 0;
}
