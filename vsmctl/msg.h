/* SPDX-License-Identifier: GPL-2.0 */
/*
 * msg.h - the vem generic netlink messages: the model (model.h) into
 * requests, replies and events into the model, and the parts of the
 * netlink control messages (errors with extended ack, the controller's
 * family description) that the IPC layer needs. No socket here: nl.c sends
 * and receives, this file only builds and reads bytes, so that the unit
 * tests can check it.
 */

#ifndef VSMCTL_MSG_H
#define VSMCTL_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/netlink.h>

#include "model.h"

/* Every request fits in this; the biggest, PORT_SET, is under 1 KiB. */
#define MSG_REQ_SIZE	4096
#define EXTACK_MSG_LEN	256

/* Start a request of the given family, command and netlink flags. */
struct nlmsghdr *msg_start(void *buf, uint16_t family, uint8_t cmd,
			   uint16_t flags);

void msg_put_switch(struct nlmsghdr *nlh, const struct switch_info *sw);
void msg_put_port_ref(struct nlmsghdr *nlh, const struct port_ref *ref);
/* The port's reference and the configuration attributes in its has mask. */
void msg_put_port(struct nlmsghdr *nlh, const struct port_info *port);
void msg_put_fdb(struct nlmsghdr *nlh, const struct fdb_entry *fdb);
/* The name and the attributes in the profile's has mask. */
void msg_put_profile(struct nlmsghdr *nlh, const struct profile_info *pp);

/*
 * ACL_NEW (with_family) and ACL_SET: the name and every entry, each with
 * the conditions it sets; ACL_DEL: the name. An ACL request outgrows
 * MSG_REQ_SIZE: build it in a buffer of msg_acl_size() bytes, a bound of
 * what msg_put_acl() writes. An attribute holds 64 KiB at most (nla_len
 * is 16 bits): a long list goes in several VEM_A_ACL_ENTRIES in a row,
 * which the kernel reads as one, and replies come the same way.
 */
#define MSG_ACE_SIZE_MAX	200	/* bytes, one entry with everything */
size_t msg_acl_size(const struct acl_info *acl);
int msg_put_acl(struct nlmsghdr *nlh, const struct acl_info *acl,
		bool with_family);
void msg_put_acl_name(struct nlmsghdr *nlh, const char *name);

/* QOS_NEW and QOS_SET: the whole policy; QOS_DEL: the name. */
void msg_put_qos(struct nlmsghdr *nlh, const struct qos_info *qos);
void msg_put_qos_name(struct nlmsghdr *nlh, const char *name);

/* Replies and events into the model; -1 and errno EBADMSG if malformed. */
int msg_parse_switch(const struct nlmsghdr *nlh, struct switch_info *sw);
int msg_parse_port(const struct nlmsghdr *nlh, struct port_info *port);
int msg_parse_fdb(const struct nlmsghdr *nlh, struct fdb_entry *fdb);
int msg_parse_profile(const struct nlmsghdr *nlh, struct profile_info *pp);
/*
 * An ACL_GET reply into acl, its entries malloc()ed (free(acl->entries)),
 * NULL if none; -1 and errno EBADMSG or ENOMEM.
 */
int msg_parse_acl(const struct nlmsghdr *nlh, struct acl_info *acl);
/* A QOS_GET reply. */
int msg_parse_qos(const struct nlmsghdr *nlh, struct qos_info *qos);
/*
 * One message of an ACL_GET dump into the array *acls of *n ACLs
 * (realloc()ed): a message that names the ACL the last one named carries
 * more of its entries and is joined to it, any other adds an ACL. On
 * failure the array is left as it was, whole.
 */
int msg_join_acl(const struct nlmsghdr *nlh, struct acl_info **acls,
		 size_t *n);
/* A message of the events group; -1 and EOPNOTSUPP if the command is new. */
int msg_parse_event(const struct nlmsghdr *nlh, struct event *ev);

/* What an NLMSG_ERROR or NLMSG_DONE says. */
struct extack {
	int error;			/* 0 or a positive errno */
	char msg[EXTACK_MSG_LEN];	/* NLMSGERR_ATTR_MSG, or "" */
	bool has_offs;
	uint32_t offs;			/* NLMSGERR_ATTR_OFFS */
	bool has_miss_type;
	uint32_t miss_type;		/* NLMSGERR_ATTR_MISS_TYPE */
	bool has_miss_nest;
	uint32_t miss_nest;		/* NLMSGERR_ATTR_MISS_NEST */
};

/* NLMSG_ERROR or NLMSG_DONE into ea; -1 and EBADMSG if malformed. */
int msg_parse_extack(const struct nlmsghdr *nlh, struct extack *ea);

/*
 * The name of the attribute at offset offs of the request req (an offset
 * from NLMSGERR_ATTR_OFFS), or of the attribute of type type that a
 * request of command cmd misses; NULL if unknown.
 */
const char *msg_attr_at(const struct nlmsghdr *req, uint32_t offs);
const char *msg_attr_name(uint8_t cmd, uint32_t type);

/* The controller's reply to CTRL_CMD_GETFAMILY. */
struct family_info {
	uint16_t id;
	uint32_t version;
	uint32_t events_group;		/* 0 if there is no "events" group */
};
int msg_parse_family(const struct nlmsghdr *nlh, const char *group,
		     struct family_info *fi);

#endif /* VSMCTL_MSG_H */
