// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_parse.c - libFuzzer harness of the text parsers: the input is a
 * command line; every parser and argv parser gets it, and what a parser
 * accepts must format and parse back to the same thing.
 */

#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "parse.h"

static void check(int cond)
{
	if (!cond)
		abort();
}

static void one_word(const char *s)
{
	uint8_t bm[VEM_VLAN_BITMAP_LEN], back[VEM_VLAN_BITMAP_LEN];
	static char list[VLAN_LIST_STRLEN];
	uint8_t mac[6], mac2[6];
	char str[MAC_STRLEN], ifname[IFNAMSIZ];
	uint64_t v;
	uint16_t vid;

	parse_u64(s, 0, UINT64_MAX, &v, "n");
	if (!parse_vlan(s, &vid))
		check(vid >= 1 && vid <= VEM_VLAN_MAX);
	if (!parse_vlan_list(s, bm)) {
		check(!vlan_bitmap_test(bm, 0) && !vlan_bitmap_test(bm, 4095));
		check(vlan_bitmap_format(bm, list, sizeof(list)) < sizeof(list));
		check(!parse_vlan_list(list, back));
		check(!memcmp(bm, back, sizeof(bm)));
	}
	if (!parse_mac(s, mac)) {
		mac_format_dotted(mac, str);
		check(!parse_mac(str, mac2) && !memcmp(mac, mac2, 6));
		mac_format_colon(mac, str);
		check(!parse_mac(str, mac2) && !memcmp(mac, mac2, 6));
	}
	if (!parse_ifname(s, ifname))
		check(strlen(ifname) < IFNAMSIZ);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *p, *argv[64];
	struct show_iface_args sia;
	struct iface_req req;
	struct switch_info sw;
	struct mac_filter mf;
	struct fdb_entry e;
	struct port_ref ref;
	int argc = 0;

	memcpy(buf, data, size);
	buf[size] = '\0';
	one_word(buf);
	for (p = strtok(buf, " "); p && argc < 63; p = strtok(NULL, " "))
		argv[argc++] = p;
	argv[argc] = NULL;

	if (!args_interface(argc, argv, IFACE_SET, &req)) {
		check(req.port.ref.id >= 1 && req.port.ref.id <= VEM_PORT_ID_MAX);
		if (req.port.has & PORT_HAS_ACCESS_VLAN)
			check(req.port.access_vlan >= 1 &&
			      req.port.access_vlan <= VEM_VLAN_MAX);
		if (req.port.has & PORT_HAS_NATIVE_VLAN)
			check(req.port.native_vlan <= VEM_VLAN_MAX);
	}
	args_interface(argc, argv, IFACE_ADD, &req);
	args_switch(argc, argv, true, &sw);
	args_show_interface(argc, argv, &sia);
	args_show_mac(argc, argv, &mf);
	if (!args_mac_static(argc, argv, false, &e))
		check(!mac_is_multicast(e.mac) && !mac_is_zero(e.mac));
	args_mac_static(argc, argv, true, &e);
	args_clear_mac(argc, argv, &e);
	args_port_only(argc, argv, &ref);
	free(buf);
	return 0;
}
