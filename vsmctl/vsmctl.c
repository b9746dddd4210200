// SPDX-License-Identifier: GPL-2.0
/*
 * vsmctl.c - the command line of vnlink: global options and the table of
 * commands.
 */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "nl.h"
#include "parse.h"
#include "subcommands.h"

#ifndef VSMCTL_VERSION
#define VSMCTL_VERSION "0.1"
#endif

struct global_opts opts;
struct json json_out;

static const char usage_text[] =
"Usage: vsmctl [-j] [-p] [-h] [-V] <command>\n"
"\n"
"  -j, --json     JSON output\n"
"  -p, --pretty   indented JSON output (implies -j)\n"
"  -h, --help     this help\n"
"  -V, --version  the version\n"
"\n"
"Commands:\n"
"  switch create [aging-time SEC] [mac-limit N]\n"
"  switch set [aging-time SEC] [mac-limit N]\n"
"  switch delete\n"
"  interface add <port> [dev IFNAME] [OPTIONS]\n"
"  interface set <port> [dev IFNAME | nodev] [OPTIONS]\n"
"  interface delete <port>\n"
"  mac address-table static MAC vlan V interface <port>\n"
"  no mac address-table static MAC vlan V [interface <port>]\n"
"  clear mac address-table dynamic|all [vlan V] [interface <port>]\n"
"  show switch\n"
"  show interface [brief | counters] [<port>]\n"
"  show port-security [interface <port>]   maximum, addresses, violations\n"
"  show mac address-table [vlan V] [interface <port>] [address MAC]\n"
"                         [static | dynamic]\n"
"  monitor\n"
"  configure [FILE | -]        a batch of config text, to vsmd\n"
"  copy running-config startup-config\n"
"  show running-config [port-profile [NAME] | interface <port>]\n"
"  show port-profile [brief | name NAME]\n"
"  show interface virtual      the vethernets of VM vNICs\n"
"  show ip|ipv6|mac access-lists [NAME]   with match counts\n"
"  show policy-map [NAME]                 QoS policies and their users\n"
"  attach --vm VM --mac MAC --dev IFNAME --profile NAME\n"
"                              a VM vNIC onto its vethernet (prints it)\n"
"  detach --vm VM --mac MAC    and off it\n"
"  export libvirt-network [name NAME] [bridge IFNAME]\n"
"                              the port-profiles as libvirt port groups\n"
"  help\n"
"\n"
"  <port>   vethernet N | ethernet N   (also veth N, eth N, vethernet3)\n"
"  OPTIONS  [mode access|trunk] [access vlan V]\n"
"           [allowed vlan LIST|all|none|add LIST|remove LIST|except LIST]\n"
"           [native vlan V|none] [shutdown | no shutdown]\n"
"  LIST     VLANs and ranges: 10,20,30-40\n"
"  MAC      aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff or aabb.ccdd.eeff\n"
"\n"
"Keywords may be abbreviated to any unique prefix (sh int br).\n";

static int help_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs(usage_text, stdout);
	return EXIT_OK;
}

static const struct subcommand commands[] = {
	{ "switch", switch_main },
	{ "interface", interface_main },
	{ "show", show_main },
	{ "mac", mac_main },
	{ "no", no_main },
	{ "clear", clear_main },
	{ "monitor", monitor_main },
	{ "configure", configure_main },
	{ "copy", copy_main },
	{ "attach", attach_main },
	{ "detach", detach_main },
	{ "export", export_main },
	{ "help", help_main },
};

int usage_error(void)
{
	fprintf(stderr, "vsmctl: %s\n", parse_error());
	return EXIT_USAGE;
}

int op_failed(const char *op)
{
	ipc_perror(op);
	return EXIT_FAIL;
}

int expect_word(int argc, char **argv, const char *kw)
{
	const struct kw table[] = { { kw } };

	if (argc < 1)
		return kw_missing(table, "keyword");
	return kw_lookup(argv[0], table, "keyword") < 0 ? -1 : 0;
}

int run_subcommand(const struct subcommand *table, size_t n, int argc,
		   char **argv, const char *what)
{
	int i;

	if (argc < 1) {
		kw_missing_table(table, n, sizeof(*table), what);
		return usage_error();
	}
	i = kw_lookup_table(argv[0], table, n, sizeof(*table), what);
	if (i < 0)
		return usage_error();
	return table[i].fn(argc - 1, argv + 1);
}

int main(int argc, char **argv)
{
	static const struct option long_opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "pretty", no_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c, ret;

	/* "+": options end at the command, whose words may start with '-'. */
	while ((c = getopt_long(argc, argv, "+jphV", long_opts, NULL)) != -1) {
		switch (c) {
		case 'j':
			opts.json = true;
			break;
		case 'p':
			opts.json = true;
			opts.pretty = true;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		case 'V':
			printf("vsmctl %s (%s generic netlink family, version %d)\n",
			       VSMCTL_VERSION, VEM_GENL_NAME, VEM_GENL_VERSION);
			return EXIT_OK;
		default:
			fputs("Try 'vsmctl -h'.\n", stderr);
			return EXIT_USAGE;
		}
	}
	json_init(&json_out, stdout, opts.pretty);

	if (optind == argc) {
		fputs("vsmctl: missing command\n", stderr);
		fputs(usage_text, stderr);
		return EXIT_USAGE;
	}
	ret = RUN_SUBCOMMAND(commands, argc - optind, argv + optind,
			     "command");
	ipc_close();

	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "vsmctl: cannot write the output: %s\n",
			strerror(errno));
		return EXIT_FAIL;
	}
	return ret;
}
