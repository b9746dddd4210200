// SPDX-License-Identifier: GPL-2.0
/*
 * show_psec.c - show port-security [interface <port>]: the ports with
 * port security, from the kernel: maximum, secure addresses now,
 * violations counted, violation mode, err-disabled.
 */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nl.h"
#include "parse.h"
#include "print.h"
#include "subcommands.h"

static const char *mode_word(uint8_t v)
{
	switch (v) {
	case VEM_PSEC_SHUTDOWN:
		return "Shutdown";
	case VEM_PSEC_RESTRICT:
		return "Restrict";
	case VEM_PSEC_PROTECT:
		return "Protect";
	}
	return "?";
}

static void psec_json(const struct port_info *p)
{
	char name[PORT_STRLEN];

	port_format(&p->ref, PORT_FMT_JSON, name, sizeof(name));
	json_obj_begin(&json_out);
	json_kv_str(&json_out, "interface", name);
	json_kv_bool(&json_out, "enabled", p->psec.on);
	json_kv_u64(&json_out, "maximum", p->psec.max);
	json_kv_u64(&json_out, "secure_macs", p->secure_macs);
	json_kv_u64(&json_out, "violations",
		    p->stats[VEM_A_STATS_PSEC_VIOLATIONS]);
	json_kv_u64(&json_out, "drops", p->stats[VEM_A_STATS_DROP_PSEC]);
	json_kv_str(&json_out, "violation",
		    psec_violation_name(p->psec.violation));
	json_kv_bool(&json_out, "sticky", p->psec.sticky);
	json_kv_bool(&json_out, "err_disabled", port_err_disabled(p));
	json_obj_end(&json_out);
}

/* NX-OS "show port-security interface": one port in detail. */
static void psec_detail(const struct port_info *p)
{
	printf("Port Security              : %s\n",
	       p->psec.on ? "Enabled" : "Disabled");
	printf("Port Status                : %s\n",
	       port_err_disabled(p) ? "Err-disabled (port-security)" :
	       !p->psec.on ? "Not secure" :
	       p->oper_up ? "Secure Up" : "Secure Down");
	printf("Violation Mode             : %s\n", mode_word(p->psec.violation));
	printf("Maximum MAC Addresses      : %" PRIu32 "\n", p->psec.max);
	printf("Sticky MAC Addresses       : %s\n",
	       p->psec.sticky ? "Enabled" : "Disabled");
	printf("Total MAC Addresses        : %" PRIu32 "\n", p->secure_macs);
	printf("Security Violation Count   : %" PRIu64 "\n",
	       p->stats[VEM_A_STATS_PSEC_VIOLATIONS]);
	printf("Frames Dropped             : %" PRIu64 "\n",
	       p->stats[VEM_A_STATS_DROP_PSEC]);
}

int show_port_security(int argc, char **argv)
{
	struct port_info *ports = NULL, one;
	struct port_ref ref;
	size_t i, n = 0;
	int used;

	if (argc > 0) {
		if (expect_word(argc, argv, "interface"))
			return usage_error();
		used = parse_port(argc - 1, argv + 1, &ref);
		if (used < 0)
			return usage_error();
		if (argc > used + 1) {
			parse_fail("unexpected \"%s\"", argv[used + 1]);
			return usage_error();
		}
		if (ipc_port_get(&ref, &one))
			return op_failed("show port-security");
		if (opts.json) {
			json_arr_begin(&json_out);
			psec_json(&one);
			json_arr_end(&json_out);
		} else {
			psec_detail(&one);
		}
		return EXIT_OK;
	}
	if (ipc_port_list(&ports, &n))
		return op_failed("show port-security");
	if (opts.json)
		json_arr_begin(&json_out);
	else
		printf("Secure Port  MaxSecureAddr  CurrentAddr  SecurityViolation  Security Action\n"
		       "                 (Count)       (Count)         (Count)\n"
		       "-----------------------------------------------------------------------------\n");
	for (i = 0; i < n; i++) {
		const struct port_info *p = &ports[i];
		char name[PORT_STRLEN];

		if (!(p->has & PORT_HAS_PSEC) || !p->psec.on)
			continue;
		if (opts.json) {
			psec_json(p);
			continue;
		}
		port_format(&p->ref, PORT_FMT_SHORT, name, sizeof(name));
		printf("%-12s %13" PRIu32 " %12" PRIu32 " %18" PRIu64 "  %s%s\n",
		       name, p->psec.max, p->secure_macs,
		       p->stats[VEM_A_STATS_PSEC_VIOLATIONS],
		       mode_word(p->psec.violation),
		       port_err_disabled(p) ? " (err-disabled)" : "");
	}
	if (opts.json)
		json_arr_end(&json_out);
	free(ports);
	return EXIT_OK;
}
