// SPDX-License-Identifier: GPL-2.0
/*
 * mac.c - the MAC address table: mac address-table static, no mac
 * address-table static, clear mac address-table, show mac address-table.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "args.h"
#include "nl.h"
#include "parse.h"
#include "print.h"
#include "subcommands.h"

/* "address-table static": argv at "address-table". */
static int address_table_static(int argc, char **argv)
{
	/* "access-lists" (at least "ac": "ad" is address-table) is vsmd's. */
	if (argc > 0 && strlen(argv[0]) >= 2 &&
	    !strncasecmp(argv[0], "access-lists", strlen(argv[0])))
		return show_acl(argc, argv);
	if (expect_word(argc, argv, "address-table") ||
	    expect_word(argc - 1, argv + 1, "static"))
		return -1;
	return 0;
}

/* mac address-table static MAC vlan V interface <port> */
int mac_main(int argc, char **argv)
{
	struct fdb_entry e;

	if (address_table_static(argc, argv) ||
	    args_mac_static(argc - 2, argv + 2, false, &e))
		return usage_error();
	if (ipc_fdb_new(&e))
		return op_failed("mac address-table static");
	return EXIT_OK;
}

/*
 * no mac address-table static MAC vlan V [interface <port>]: with an
 * interface, the entry must be on it (NX-OS habit: "no" + the line).
 */
static int no_mac(int argc, char **argv)
{
	const char *op = "no mac address-table static";
	struct fdb_entry e, cur;

	if (address_table_static(argc, argv) ||
	    args_mac_static(argc - 2, argv + 2, true, &e))
		return usage_error();
	if (e.has & FDB_HAS_PORT) {
		if (ipc_fdb_get(&e, &cur))
			return op_failed(op);
		if (!(cur.has & FDB_HAS_PORT) || cur.port.type != e.port.type ||
		    cur.port.id != e.port.id) {
			char mac[MAC_STRLEN], want[PORT_STRLEN], is[PORT_STRLEN];

			mac_format_dotted(e.mac, mac);
			port_format(&e.port, PORT_FMT_WORDS, want, sizeof(want));
			port_format(&cur.port, PORT_FMT_WORDS, is, sizeof(is));
			fprintf(stderr, "vsmctl: %s: %s vlan %u is on %s, not on %s\n",
				op, mac, e.vlan,
				cur.has & FDB_HAS_PORT ? is : "no interface",
				want);
			return EXIT_FAIL;
		}
	}
	if (ipc_fdb_del(&e))
		return op_failed(op);
	return EXIT_OK;
}

static const struct subcommand no_cmds[] = {
	{ "mac", no_mac },
};

int no_main(int argc, char **argv)
{
	return RUN_SUBCOMMAND(no_cmds, argc, argv, "command after \"no\"");
}

/* clear mac address-table dynamic|all [vlan V] [interface <port>] */
static int clear_mac(int argc, char **argv)
{
	struct fdb_entry filter;

	/* "access-lists" (at least "ac": "ad" is address-table) is vsmd's. */
	if (argc > 0 && strlen(argv[0]) >= 2 &&
	    !strncasecmp(argv[0], "access-lists", strlen(argv[0])))
		return show_acl(argc, argv);
	if (expect_word(argc, argv, "address-table") ||
	    args_clear_mac(argc - 1, argv + 1, &filter))
		return usage_error();
	if (ipc_fdb_flush(&filter))
		return op_failed("clear mac address-table");
	return EXIT_OK;
}

static const struct subcommand clear_cmds[] = {
	{ "mac", clear_mac },
};

int clear_main(int argc, char **argv)
{
	return RUN_SUBCOMMAND(clear_cmds, argc, argv, "command after \"clear\"");
}

static int fdb_cmp(const void *a, const void *b)
{
	const struct fdb_entry *e = a, *f = b;

	if (e->vlan != f->vlan)
		return e->vlan - f->vlan;
	return memcmp(e->mac, f->mac, sizeof(e->mac));
}

static void print_table(const struct fdb_entry *entries, size_t n)
{
	size_t i;

	printf("%-9s %-17s %-7s %-9s %s\n", "VLAN", "MAC Address", "Type",
	       "Age", "Port");
	printf("---------+-----------------+-------+---------+------------------------------\n");
	for (i = 0; i < n; i++) {
		const struct fdb_entry *e = &entries[i];
		char mac[MAC_STRLEN], port[PORT_STRLEN] = "-", age[16] = "-";

		mac_format_dotted(e->mac, mac);
		if (e->has & FDB_HAS_PORT)
			port_format(&e->port, PORT_FMT_SHORT, port, sizeof(port));
		if (e->has & FDB_HAS_AGE)
			snprintf(age, sizeof(age), "%u", e->age_ms / 1000);
		printf("%-9u %-17s %-7s %-9s %s\n", e->vlan, mac,
		       e->flags & VEM_FDB_F_STATIC ? "static" : "dynamic", age,
		       port);
	}
	printf("Total MAC Addresses: %zu\n", n);
}

/* show mac address-table [filters]: the kernel dumps, we filter. */
int show_mac(int argc, char **argv)
{
	struct fdb_entry *entries;
	struct mac_filter f;
	size_t i, n, kept = 0;

	/* "access-lists" (at least "ac": "ad" is address-table) is vsmd's. */
	if (argc > 0 && strlen(argv[0]) >= 2 &&
	    !strncasecmp(argv[0], "access-lists", strlen(argv[0])))
		return show_acl(argc, argv);
	if (expect_word(argc, argv, "address-table") ||
	    args_show_mac(argc - 1, argv + 1, &f))
		return usage_error();
	if (ipc_fdb_list(&entries, &n))
		return op_failed("show mac address-table");

	for (i = 0; i < n; i++)
		if (mac_filter_match(&f, &entries[i]))
			entries[kept++] = entries[i];
	qsort(entries, kept, sizeof(*entries), fdb_cmp);

	if (opts.json) {
		json_arr_begin(&json_out);
		for (i = 0; i < kept; i++) {
			json_obj_begin(&json_out);
			fdb_json(&json_out, &entries[i]);
			json_obj_end(&json_out);
		}
		json_arr_end(&json_out);
	} else {
		print_table(entries, kept);
	}
	free(entries);
	return EXIT_OK;
}
