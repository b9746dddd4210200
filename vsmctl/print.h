/* SPDX-License-Identifier: GPL-2.0 */
/*
 * print.h - what the shows and the monitor have in common: the names of
 * modes, states and counters, and the JSON form of the model's objects.
 */

#ifndef VSMCTL_PRINT_H
#define VSMCTL_PRINT_H

#include "json.h"
#include "model.h"

enum stat_group {
	STAT_RX,
	STAT_TX,
	STAT_DROP,
	STAT_OTHER,
};

struct stat_desc {
	unsigned int attr;	/* enum vem_stats_attr */
	const char *json;	/* rx_ucast_pkts */
	enum stat_group group;
	const char *label;	/* the text name (drops and others) */
};

extern const struct stat_desc port_stats[];
extern const unsigned int port_stats_count;

const char *port_mode_name(uint8_t mode);	/* access, trunk */
/* NULL when the port is up, else why it is down, NX-OS words. */
const char *port_down_reason(const struct port_info *p);
/* Whether the kernel err-disabled the port, and the words for why. */
bool port_err_disabled(const struct port_info *p);
const char *port_err_reason(const struct port_info *p);
/* shutdown, restrict, protect */
const char *psec_violation_name(uint8_t v);

/*
 * The fields of an object, to write between json_obj_begin() and
 * json_obj_end(). Only the fields the kernel sent are written.
 */
void port_json(struct json *j, const struct port_info *p);
void fdb_json(struct json *j, const struct fdb_entry *e);
void switch_json(struct json *j, const struct switch_info *sw);

#endif /* VSMCTL_PRINT_H */
