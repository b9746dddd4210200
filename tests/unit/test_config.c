// SPDX-License-Identifier: GPL-2.0
/*
 * test_config.c - vsmctl/config*.c: the configuration model, the batch
 * parser (all or nothing, errors with line numbers), inheritance and its
 * validation, evaluation, running-config and JSON.
 */

#include <errno.h>

#include "config_tap.h"
#include "parse.h"

static const char *profiles3 =
	"port-profile type vethernet base\n"
	"  switchport mode access\n"
	"  switchport access vlan 10\n"
	"  max-ports 64\n"
	"  shutdown\n"
	"port-profile mid\n"
	"  inherit port-profile base\n"
	"  switchport access vlan 20\n"
	"  port-binding ephemeral\n"
	"  no shutdown\n"
	"port-profile leaf\n"
	"  inherit port-profile mid\n"
	"  description web servers\n"
	"  state enabled\n"
	"interface vethernet 3\n"
	"  inherit port-profile leaf\n"
	"  switchport access vlan 30\n"
	"interface vethernet 4\n"
	"  inherit port-profile leaf\n";

static bool from_is(const struct config_eval *ev, enum config_attr attr,
		    enum config_src src, const char *profile)
{
	if (ev->from[attr].src != src)
		return false;
	if (src != CONFIG_SRC_PROFILE)
		return true;
	return ev->from[attr].profile &&
	       !strcmp(ev->from[attr].profile->name, profile);
}

static void test_inheritance(void)
{
	struct port_ref v3 = { VEM_PORT_VETH, 3 }, v4 = { VEM_PORT_VETH, 4 };
	struct config cfg;
	struct config_eval ev;
	const struct config_profile *leaf;

	config_init(&cfg);
	if (!ok(!apply(&cfg, profiles3), "3 levels of profiles and 2 interfaces"))
		diag("%s", err.msg);

	leaf = config_profile_find(&cfg, "leaf");
	ok(leaf && leaf->type == VEM_PORT_VETH &&
	   config_has(&leaf->a, CONFIG_ATTR_DESCRIPTION) &&
	   !config_has(&leaf->a, CONFIG_ATTR_ACCESS_VLAN),
	   "leaf: own attributes only, type vethernet by default");
	if (!leaf)
		return;
	config_eval_profile(&cfg, leaf, &ev);
	ok(ev.mode == VEM_PORT_MODE_ACCESS &&
	   from_is(&ev, CONFIG_ATTR_MODE, CONFIG_SRC_PROFILE, "base"),
	   "leaf: mode from base, two levels up");
	ok(ev.access_vlan == 20 &&
	   from_is(&ev, CONFIG_ATTR_ACCESS_VLAN, CONFIG_SRC_PROFILE, "mid"),
	   "leaf: access vlan 20 from mid: the nearest wins");
	ok(ev.max_ports == 64 &&
	   from_is(&ev, CONFIG_ATTR_MAX_PORTS, CONFIG_SRC_PROFILE, "base"),
	   "leaf: max-ports from base");
	ok(ev.binding == CONFIG_BINDING_EPHEMERAL && !ev.shutdown &&
	   from_is(&ev, CONFIG_ATTR_SHUTDOWN, CONFIG_SRC_PROFILE, "mid"),
	   "leaf: mid's no shutdown overrides base's shutdown");
	ok(ev.state_enabled &&
	   from_is(&ev, CONFIG_ATTR_STATE, CONFIG_SRC_OWN, NULL),
	   "leaf: state enabled is its own");
	ok(ev.native_vlan == 1 && vlan_bitmap_test(ev.trunk_vlans, 4094) &&
	   from_is(&ev, CONFIG_ATTR_NATIVE_VLAN, CONFIG_SRC_DEFAULT, NULL),
	   "leaf: native vlan and allowed list from the defaults");

	config_eval_profile(&cfg, config_profile_find(&cfg, "mid"), &ev);
	ok(!ev.state_enabled, "mid: no state enabled of its own: disabled (never inherited)");

	config_eval_iface(&cfg, config_iface_find(&cfg, &v3), &ev);
	ok(ev.access_vlan == 30 &&
	   from_is(&ev, CONFIG_ATTR_ACCESS_VLAN, CONFIG_SRC_OWN, NULL),
	   "vethernet 3: its own access vlan overrides the profiles'");
	ok(ev.mode == VEM_PORT_MODE_ACCESS && ev.max_ports == 64 &&
	   from_is(&ev, CONFIG_ATTR_MODE, CONFIG_SRC_PROFILE, "base") &&
	   ev.profile && !strcmp(ev.profile->name, "leaf") &&
	   ev.state_enabled &&
	   from_is(&ev, CONFIG_ATTR_STATE, CONFIG_SRC_PROFILE, "leaf"),
	   "vethernet 3: the rest through leaf, state from leaf");
	config_eval_iface(&cfg, config_iface_find(&cfg, &v4), &ev);
	ok(ev.access_vlan == 20 &&
	   from_is(&ev, CONFIG_ATTR_ACCESS_VLAN, CONFIG_SRC_PROFILE, "mid"),
	   "vethernet 4: no override, access vlan 20 from mid");

	/* A change to a profile reaches every interface under it. */
	ok(!apply(&cfg, "port-profile mid\n  no switchport access vlan\n"
			"port-profile base\n  switchport access vlan 11\n"),
	   "changing mid and base");
	config_eval_iface(&cfg, config_iface_find(&cfg, &v4), &ev);
	ok(ev.access_vlan == 11 &&
	   from_is(&ev, CONFIG_ATTR_ACCESS_VLAN, CONFIG_SRC_PROFILE, "base"),
	   "vethernet 4: access vlan 11 now from base");
	config_eval_iface(&cfg, config_iface_find(&cfg, &v3), &ev);
	ok(ev.access_vlan == 30, "vethernet 3: its override stays");
	config_free(&cfg);
}

static void test_defaults(void)
{
	struct port_ref e1 = { VEM_PORT_UPLINK, 1 }, v1 = { VEM_PORT_VETH, 1 };
	struct config_eval ev;
	struct config cfg;

	config_init(&cfg);
	ok(!apply(&cfg, "interface ethernet 1\ninterface vethernet 1\n"),
	   "interfaces without anything");
	config_eval_iface(&cfg, config_iface_find(&cfg, &e1), &ev);
	ok(ev.type == VEM_PORT_UPLINK && ev.mode == VEM_PORT_MODE_TRUNK &&
	   ev.native_vlan == 1 && vlan_bitmap_test(ev.trunk_vlans, 1) &&
	   vlan_bitmap_test(ev.trunk_vlans, 4094) &&
	   !vlan_bitmap_test(ev.trunk_vlans, 0) &&
	   !vlan_bitmap_test(ev.trunk_vlans, 4095) && !ev.shutdown &&
	   ev.state_enabled && !ev.profile &&
	   from_is(&ev, CONFIG_ATTR_MODE, CONFIG_SRC_DEFAULT, NULL),
	   "ethernet: a trunk of 1-4094, native 1, up, no profile");
	config_eval_iface(&cfg, config_iface_find(&cfg, &v1), &ev);
	ok(ev.type == VEM_PORT_VETH && ev.mode == VEM_PORT_MODE_ACCESS &&
	   ev.access_vlan == 1 && ev.max_ports == CONFIG_MAX_PORTS_DEFAULT &&
	   ev.binding == CONFIG_BINDING_STATIC && !ev.shutdown,
	   "vethernet: access in VLAN 1, up, max-ports 32, static");
	config_free(&cfg);
}

static void test_cycles(void)
{
	struct config cfg;
	char *before, *after;
	int ret;
	char text[2048];
	size_t pos = 0;
	int i;

	config_init(&cfg);
	ok(!apply(&cfg, "port-profile a\nport-profile b\n  inherit port-profile a\n"),
	   "b inherits a");
	before = printed(&cfg, NULL);
	ret = apply(&cfg, "port-profile a\n  inherit port-profile b\n");
	refused(ret, "cycle a -> b -> a refused, with the line that closed it",
		"line 2: inherit port-profile b: ", "inheritance cycle",
		"a inherits b inherits a", (const char *)NULL);
	ok(err.line == 2, "error line number 2");
	after = printed(&cfg, NULL);
	ok_str(after, before, "model untouched by the refused cycle");
	free(after);

	refused(apply(&cfg, "port-profile c\n  inherit port-profile c\n"),
		"a profile inheriting itself is a cycle",
		"line 2:", "c inherits c", (const char *)NULL);
	refused(apply(&cfg,
		      "port-profile x\n  inherit port-profile y\n"
		      "port-profile y\n  inherit port-profile z\n"
		      "port-profile z\n  inherit port-profile x\n"
		      "port-profile w\n  inherit port-profile x\n"),
		"3-profile cycle refused, entered from outside too",
		"line 6:", "inheritance cycle", (const char *)NULL);
	refused(apply(&cfg, "port-profile d\n  inherit port-profile nothere\n"),
		"missing parent refused",
		"line 2: inherit port-profile nothere: ",
		"port-profile d inherits port-profile nothere, which does not exist",
		(const char *)NULL);
	refused(apply(&cfg, "interface vethernet 7\n  inherit port-profile nothere\n"),
		"interface inheriting a missing profile refused",
		"line 2:", "interface vethernet 7 inherits port-profile nothere",
		(const char *)NULL);
	after = printed(&cfg, NULL);
	ok_str(after, before, "model untouched by every refused batch");
	free(after);
	free(before);

	/* Chains: CONFIG_INHERIT_MAX profiles fit, one more does not. */
	pos += snprintf(text + pos, sizeof(text) - pos, "port-profile p0\n");
	for (i = 1; i < CONFIG_INHERIT_MAX; i++)
		pos += snprintf(text + pos, sizeof(text) - pos,
				"port-profile p%d\n  inherit port-profile p%d\n",
				i, i - 1);
	ok(!apply(&cfg, text), "a chain of %d profiles", CONFIG_INHERIT_MAX);
	refused(apply(&cfg, "port-profile p8\n  inherit port-profile p7\n"),
		"one more level refused", "line 2:",
		"deeper than 8", "p8 inherits p7", (const char *)NULL);

	/* Forward references inside one batch are fine. */
	ok(!apply(&cfg, "port-profile kid\n  inherit port-profile later\n"
			"port-profile later\n"),
	   "inheriting a profile defined further down the batch");
	config_free(&cfg);
}

static void test_types(void)
{
	BAD("port-profile type vethernet web\n",
	    "interface ethernet 1\n  inherit port-profile web\n",
	    "ethernet interface cannot inherit a vethernet profile",
	    "line 2:", "interface ethernet 1 cannot inherit port-profile web of type vethernet");
	BAD("port-profile type ethernet up\n",
	    "interface vethernet 1\n  inherit port-profile up\n",
	    "vethernet interface cannot inherit an ethernet profile",
	    "line 2:", "type ethernet");
	BAD("port-profile type ethernet up\n",
	    "port-profile web\n  inherit port-profile up\n",
	    "vethernet profile cannot inherit an ethernet one",
	    "line 2:", "port-profile web is of type vethernet");
	BAD("port-profile web\n", "port-profile type ethernet web\n",
	    "a profile keeps its type", "line 1:", "exists with type vethernet");
	BAD("", "port-profile type ethernet up\n  switchport mode access\n",
	    "access mode refused in an ethernet profile",
	    "line 2: switchport mode access:", "always a trunk");
	BAD("", "interface ethernet 2\n  sw mo acc\n",
	    "access mode refused on an ethernet interface",
	    "line 2: sw mo acc:", "always a trunk");
	BAD("", "port-profile type ethernet up\n  max-ports 8\n",
	    "max-ports refused in an ethernet profile",
	    "line 2:", "vethernet port-profiles only");
	BAD("", "port-profile type ethernet up\n  port-binding static\n",
	    "port-binding refused in an ethernet profile",
	    "line 2:", "vethernet port-profiles only");
}

static void test_all_or_nothing(void)
{
	struct config cfg;
	char *before, *after;

	config_init(&cfg);
	ok(!apply(&cfg, profiles3), "a model to spoil");
	before = printed(&cfg, NULL);
	refused(apply(&cfg,
		      "vlan 10,20\n"
		      "vlan 10\n"
		      "  name web\n"
		      "port-profile mid\n"
		      "  switchport access vlan 99\n"
		      "no interface vethernet 4\n"
		      "port-profile new\n"
		      "  switchport access vlan 4095\n"),
		"a batch failing on its last line",
		"line 8: switchport access vlan 4095: ", "\"4095\"",
		"1 to 4094", (const char *)NULL);
	after = printed(&cfg, NULL);
	ok_str(after, before, "... changed nothing of the model");
	free(after);
	refused(apply(&cfg, "port-profile mid\n  switchport access vlan 99\n"
			    "port-profile z\n  inherit port-profile gone\n"),
		"a batch failing in validation", "line 4:", (const char *)NULL);
	after = printed(&cfg, NULL);
	ok_str(after, before, "... changed nothing either");
	free(after);
	free(before);
	config_free(&cfg);
}

static void test_no(void)
{
	struct config cfg;

	config_init(&cfg);
	ok(!apply(&cfg,
		  "vlan 10,20,30\n"
		  "vlan 10\n  name web\n"
		  "port-profile web\n"
		  "  description Web\n"
		  "  switchport mode trunk\n"
		  "  switchport access vlan 10\n"
		  "  switchport trunk allowed vlan 10,20\n"
		  "  switchport trunk native vlan 10\n"
		  "  max-ports 5\n"
		  "  port-binding ephemeral\n"
		  "  shutdown\n"
		  "  state enabled\n"
		  "port-profile child\n  inherit port-profile web\n"
		  "interface vethernet 1\n  inherit port-profile web\n"
		  "  description vm1\n  shutdown\n"
		  "interface vethernet 2\n"),
	   "a model with one of everything");
	ok(!apply(&cfg,
		  "vlan 10\n  no name\n"
		  "no vlan 30\n"
		  "port-profile web\n"
		  "  no description\n"
		  "  no switchport mode trunk\n"
		  "  no switchport access vlan\n"
		  "  no switchport trunk allowed vlan\n"
		  "  no switchport trunk native vlan 10\n"
		  "  no max-ports\n"
		  "  no port-binding\n"
		  "  no shutdown\n"
		  "  no state enabled\n"
		  "interface vethernet 1\n"
		  "  no inherit port-profile web\n"
		  "  no description\n"
		  "  default shutdown\n"
		  "no interface vethernet 2\n"
		  "port-profile child\n  no inherit port-profile\n"
		  "no port-profile child\n"),
	   "no of each line");
	print_is(&cfg,
		 "vlan 10,20\n"
		 "port-profile type vethernet web\n"
		 "  no shutdown\n"
		 "interface vethernet 1\n",
		 "what is left: no shutdown stays as an explicit 'up'");
	ok(!apply(&cfg, "port-profile web\n  default shutdown\n"
			"  no switchport mode\n"),
	   "default shutdown, and no of something not set");
	print_is(&cfg, "vlan 10,20\nport-profile type vethernet web\n"
		       "interface vethernet 1\n",
		 "default removes the line");
	refused(apply(&cfg, "no port-profile nothere\n"),
		"no port-profile of a missing profile", "line 1:",
		"port-profile nothere does not exist", (const char *)NULL);
	refused(apply(&cfg, "no interface vethernet 9\n"),
		"no interface of a missing interface", "line 1:",
		"interface vethernet 9 does not exist", (const char *)NULL);
	ok(!apply(&cfg, "no vlan 100-200\n"),
	   "no vlan of VLANs that do not exist: nothing to do");
	refused(apply(&cfg, "interface vethernet 1\n  inherit port-profile web\n"
			    "  no inherit port-profile other\n"),
		"no inherit of another profile", "line 3:",
		"port-profile other is not inherited here", (const char *)NULL);
	config_free(&cfg);
}

static void test_delete_referenced(void)
{
	BAD("port-profile web\ninterface vethernet 3\n  inherit port-profile web\n",
	    "no port-profile web\n",
	    "deleting a profile an interface inherits",
	    "line 1: no port-profile web: ",
	    "still inherited by interface vethernet 3");
	BAD("port-profile web\nport-profile kid\n  inherit port-profile web\n",
	    "! clean up\n\nno port-profile web\n",
	    "deleting a profile another inherits",
	    "line 3: no port-profile web: ",
	    "still inherited by port-profile kid");
	{
		struct config cfg;

		config_init(&cfg);
		apply(&cfg, "port-profile web\ninterface vethernet 3\n"
			    "  inherit port-profile web\n");
		ok(!apply(&cfg, "interface vethernet 3\n"
				"  no inherit port-profile\n"
				"no port-profile web\n"),
		   "deleting it once nobody inherits it, in the same batch");
		ok(!config_profile_find(&cfg, "web"), "... gone");
		config_free(&cfg);
	}
}

static void test_abbreviations(void)
{
	struct config cfg;

	config_init(&cfg);
	ok(!apply(&cfg,
		  "VLAN 10\n"
		  " NA web\n"
		  "port-prof ty eth up\n"
		  " sw mo tr\n"
		  " sw tr al vl 10,20\n"
		  " sw tr nat vl none\n"
		  " sta en\n"
		  "port-p TYPE VETH web\n"
		  " sw acc vlan 10\n"
		  " max 10\n"
		  " port-b eph\n"
		  " sh\n"
		  " des  Web  tier \n"
		  "int veth3\n"
		  " inh port-p web\n"
		  " no sh\n"
		  "in e 1\n"
		  " inh po up\n"),
	   "abbreviated keywords in any case");
	print_is(&cfg,
		 "vlan 10\n"
		 "vlan 10\n"
		 "  name web\n"
		 "port-profile type ethernet up\n"
		 "  switchport mode trunk\n"
		 "  switchport trunk allowed vlan 10,20\n"
		 "  switchport trunk native vlan none\n"
		 "  state enabled\n"
		 "port-profile type vethernet web\n"
		 "  description Web  tier\n"
		 "  switchport access vlan 10\n"
		 "  max-ports 10\n"
		 "  port-binding ephemeral\n"
		 "  shutdown\n"
		 "interface vethernet 3\n"
		 "  inherit port-profile web\n"
		 "  no shutdown\n"
		 "interface ethernet 1\n"
		 "  inherit port-profile up\n",
		 "... read as the full words; names keep their case");
	BAD("port-profile web\n", "port-profile web\n  s\n",
	    "an ambiguous abbreviation names the candidates",
	    "line 2: s: ", "ambiguous command \"s\": switchport, service-policy, shutdown, storm-control, state");
	BAD("", "port-profile web\n  sw trunk allowed vlan a 10\n",
	    "allowed vlan 'a' is add or all",
	    "line 2:", "ambiguous", "add, all");
	BAD("", "port-profile web\n  e\n", "e is exit or end",
	    "line 2:", "ambiguous command \"e\"");
	config_free(&cfg);
}

/* The allowed list of profile name, after the last apply(). */
static const char *own_allowed(const struct config *cfg, const char *name)
{
	static char list[VLAN_LIST_STRLEN];
	const struct config_profile *pp = config_profile_find(cfg, name);

	if (!pp)
		return "(no such profile)";
	vlan_bitmap_format(pp->a.trunk_vlans, list, sizeof(list));
	return list;
}

static void test_allowed(void)
{
	struct port_ref v5 = { VEM_PORT_VETH, 5 };
	char list[VLAN_LIST_STRLEN];
	struct config_eval ev;
	struct config cfg;
	const struct config_profile *pp;

	config_init(&cfg);
	ok(!apply(&cfg,
		  "port-profile t\n"
		  "  switchport trunk allowed vlan 10,20\n"
		  "  switchport trunk allowed vlan add 30-32\n"
		  "  switchport trunk allowed vlan remove 20,31\n"),
	   "allowed vlan, add, remove");
	ok_str(own_allowed(&cfg, "t"), "10,30,32",
	       "allowed list after add and remove");
	ok(!apply(&cfg, "port-profile t\n  switchport trunk allowed vlan except 2-4093\n"),
	   "except");
	ok_str(own_allowed(&cfg, "t"), "1,4094",
	       "except: every VLAN but the list");
	ok(!apply(&cfg, "port-profile t\n  switchport trunk allowed vlan none\n"),
	   "none");
	ok_str(own_allowed(&cfg, "t"), "none", "none: an empty list");
	pp = config_profile_find(&cfg, "t");
	ok(pp && config_has(&pp->a, CONFIG_ATTR_TRUNK_VLANS), "... still set");
	ok(!apply(&cfg, "port-profile t\n  switchport trunk allowed vlan all\n"),
	   "all");
	ok_str(own_allowed(&cfg, "t"), "1-4094", "all: 1-4094");

	/* add starts from what the block has: here what it inherits. */
	ok(!apply(&cfg,
		  "port-profile t\n  switchport trunk allowed vlan 10,20\n"
		  "port-profile u\n  inherit port-profile t\n"
		  "  switchport trunk allowed vlan add 30\n"
		  "interface vethernet 5\n  inherit port-profile u\n"
		  "  switchport trunk allowed vlan remove 10\n"),
	   "add and remove on inherited lists");
	ok_str(own_allowed(&cfg, "u"), "10,20,30",
	       "profile: inherited 10,20 plus 30");
	config_eval_iface(&cfg, config_iface_find(&cfg, &v5), &ev);
	vlan_bitmap_format(ev.trunk_vlans, list, sizeof(list));
	ok_str(list, "20,30", "interface: 10,20,30 from u minus 10");
	ok(!apply(&cfg, "interface vethernet 6\n  switchport trunk allowed vlan remove 1\n"),
	   "remove from the default list");
	config_eval_iface(&cfg, config_iface_find(&cfg,
			  &(struct port_ref){ VEM_PORT_VETH, 6 }), &ev);
	vlan_bitmap_format(ev.trunk_vlans, list, sizeof(list));
	ok_str(list, "2-4094", "interface: 1-4094 minus 1");
	config_free(&cfg);
}

static void test_bad_input(void)
{
	char name[100], text[200];

	BAD("", "port-profile web\n  frobnicate 3\n", "unknown command",
	    "line 2: frobnicate 3: ", "unknown command \"frobnicate\"",
	    "switchport");
	BAD("", "frobnicate\n", "unknown command at the top",
	    "line 1: frobnicate: ", "unknown command \"frobnicate\"",
	    "port-profile");
	BAD("", "port-profile web\n  switchport access vlan 0\n", "VLAN 0",
	    "line 2: switchport access vlan 0: ", "invalid VLAN \"0\"");
	BAD("", "port-profile web\n  switchport access vlan 4095\n",
	    "VLAN 4095", "line 2:", "\"4095\": must be 1 to 4094");
	BAD("", "vlan 0\n", "vlan 0", "line 1: vlan 0: ", "VLAN 0 is not in 1-4094");
	BAD("", "vlan 4095\n", "vlan 4095", "line 1:", "4095");
	BAD("", "port-profile web\n  switchport trunk native vlan 4095\n",
	    "native VLAN 4095", "line 2:", "4095");
	BAD("", "port-profile web\n  switchport trunk allowed vlan 20-10\n",
	    "backward range", "line 2:", "goes backwards");
	BAD("", "port-profile web\n  switchport trunk allowed vlan 10,,20\n",
	    "empty list element", "line 2:", "empty element");
	BAD("", "port-profile web\n  switchport trunk allowed vlan 10,x\n",
	    "letters in a list", "line 2:", "\"x\" is not a VLAN");
	BAD("", "port-profile web\n  switchport trunk allowed vlan 1-4095\n",
	    "list beyond 4094", "line 2:", "4095");
	BAD("", "port-profile web\n  switchport trunk allowed vlan add\n",
	    "add without a list", "line 2:", "missing VLAN list");
	BAD("", "vlan all\n", "vlan all is not a VLAN list", "line 1:",
	    "invalid VLAN list \"all\"");

	memset(name, 'a', 81);
	name[81] = '\0';
	snprintf(text, sizeof(text), "port-profile %s\n", name);
	BAD("", text, "81-character name", "line 1:", "81 characters",
	    "1 to 80");
	name[80] = '\0';
	snprintf(text, sizeof(text), "port-profile %s\n", name);
	{
		struct config c;

		config_init(&c);
		ok(!apply(&c, text), "80-character name accepted");
		config_free(&c);
	}
	BAD("", "port-profile we$b\n", "bad character in a name",
	    "line 1: port-profile we$b: ", "character 3 is not allowed");
	BAD("", "interface vethernet 1\n  inherit port-profile a/b\n",
	    "bad character in an inherited name", "line 2:", "not allowed");
	BAD("", "vlan 10\n  name has:colon\n", "bad character in a VLAN name",
	    "line 2:", "invalid VLAN name");
	BAD("", "vlan 10,11\n  name two\n", "one name for two VLANs",
	    "line 2:", "one VLAN");
	BAD("", "port-profile web\n  max-ports 0\n", "max-ports 0",
	    "line 2: max-ports 0: ", "must be 1 to 1024");
	BAD("", "port-profile web\n  max-ports 1025\n", "max-ports 1025",
	    "line 2:", "must be 1 to 1024");
	BAD("", "port-profile web\n  max-ports 10x\n", "max-ports 10x",
	    "line 2:", "not a decimal number");
	BAD("", "interface vethernet 0\n", "interface vethernet 0",
	    "line 1: interface vethernet 0: ", "must be 1 to 65535");
	BAD("", "interface vethernet 65536\n", "interface vethernet 65536",
	    "line 1:", "must be 1 to 65535");
	BAD("", "interface tunnel 1\n", "interface of an unknown type",
	    "line 1:", "invalid interface \"tunnel\"");
	BAD("", "interface vethernet 1 2\n", "trailing word", "line 1:",
	    "unexpected \"2\"");
	BAD("", "port-profile web\n  shutdown now\n", "trailing word in a block",
	    "line 2:", "unexpected \"now\"");
	BAD("", "port-profile web\n  switchport\n", "switchport alone",
	    "line 2:", "missing switchport option");
	BAD("", "port-profile web\n  switchport mode\n", "mode without value",
	    "line 2:", "missing access or trunk");
	BAD("", "port-profile web\n  switchport mode hybrid\n", "unknown mode",
	    "line 2:", "unknown switchport mode \"hybrid\"");
	BAD("", "port-profile web\n  state disabled\n", "state disabled",
	    "line 2:", "unknown keyword \"disabled\"");
	BAD("", "port-profile web\n  port-binding dynamic\n",
	    "port-binding dynamic", "line 2:", "static, ephemeral");
	BAD("", "port-profile type web\n", "port-profile type NAME",
	    "line 1:", "expected port-profile");
	BAD("", "port-profile type tunnel web\n", "unknown profile type",
	    "line 1:", "unknown port-profile type");
	BAD("", "port-profile web\n  description\n", "empty description",
	    "line 2:", "missing text");
	BAD("", "port-profile web\n  description "
	    "0123456789012345678901234567890123456789"
	    "0123456789012345678901234567890123456789x\n",
	    "81-character description", "line 2:", "81 characters");
	BAD("", "port-profile web\nswitchport mode access\n",
	    "a block line without indentation gets a hint",
	    "line 2: switchport mode access: ", "indent it");
	BAD("", "port-profile web\n  exit\nswitchport mode access\n",
	    "after exit, no hint", "line 3:", "unknown command \"switchport\"");
	ok(!strstr(err.msg, "indent"), "... and no indentation hint");
	BAD("", "interface vethernet 1\n  max-ports 3\n",
	    "max-ports on an interface", "line 2:",
	    "unknown command \"max-ports\"");
	BAD("", "no\n", "no alone", "line 1: no: ", "missing command");
	BAD("", "port-profile web\n  no\n", "no alone in a block",
	    "line 2:", "missing command");
	BAD("", "port-profile web\n  no exit\n", "no exit",
	    "line 2:", "unknown command \"exit\"");

	/* max-ports counts the interfaces bound to the profile. */
	BAD("port-profile web\n  max-ports 2\n",
	    "interface vethernet 1\n  inherit port-profile web\n"
	    "interface vethernet 2\n  inherit port-profile web\n"
	    "interface vethernet 3\n  inherit port-profile web\n",
	    "a third interface on a max-ports 2 profile",
	    "line 6:", "port-profile web has max-ports 2 but 3 interfaces");
	BAD("port-profile web\n"
	    "interface vethernet 1\n  inherit port-profile web\n"
	    "interface vethernet 2\n  inherit port-profile web\n",
	    "! lower it\nport-profile web\n  max-ports 1\n",
	    "lowering max-ports under the count",
	    "line 3: max-ports 1: ", "has max-ports 1 but 2");
	{
		struct config c;
		const char *nul = "port-profile web\n  shut\0down\n";

		config_init(&c);
		refused(config_apply(&c, nul, 28, &err), "a NUL byte",
			"line 2:", "NUL", (const char *)NULL);
		config_free(&c);
	}
}

static void test_syntax(void)
{
	struct config cfg;

	config_init(&cfg);
	ok(!apply(&cfg,
		  "! a comment\r\n"
		  "# another\n"
		  "\n"
		  "   \t \n"
		  "  port-profile web   ! indented header, trailing comment\r\n"
		  "\tswitchport access vlan 10 # tab-indented\n"
		  "    description a ! b\n"
		  "  exit\n"
		  "  vlan 7\n"
		  "    name seven\n"
		  "end\n"
		  "interface vethernet 1\n"
		  "  shutdown\n"
		  "interface vethernet 2"),
	   "comments, blanks, CRLF, tabs, indented headers, exit, end, no final newline");
	print_is(&cfg,
		 "vlan 7\n"
		 "vlan 7\n"
		 "  name seven\n"
		 "port-profile type vethernet web\n"
		 "  description a ! b\n"
		 "  switchport access vlan 10\n"
		 "interface vethernet 1\n"
		 "  shutdown\n"
		 "interface vethernet 2\n",
		 "... read right; a description runs to the end of the line");
	ok(!apply(&cfg, ""), "an empty batch");
	ok(!apply(&cfg, "port-profile web\n  no description\n  exit\n  exit\n"),
	   "exit at the top is harmless");
	config_free(&cfg);
}

static const char *rich =
	"vlan 1,10,20,30-40\n"
	"vlan 10\n  name web\n"
	"vlan 20\n  name db\n"
	"port-profile type ethernet uplink\n"
	"  description uplinks\n"
	"  switchport mode trunk\n"
	"  switchport trunk allowed vlan 10,20,30-40\n"
	"  switchport trunk native vlan none\n"
	"  no shutdown\n"
	"  state enabled\n"
	"port-profile type vethernet zbase\n"
	"  switchport mode access\n"
	"  max-ports 64\n"
	"  port-binding static\n"
	"port-profile type vethernet a-web\n"
	"  inherit port-profile zbase\n"
	"  switchport access vlan 10\n"
	"  state enabled\n"
	"port-profile type vethernet db.1\n"
	"  inherit port-profile zbase\n"
	"  switchport access vlan 20\n"
	"  shutdown\n"
	"port-profile type vethernet trunky\n"
	"  inherit port-profile a-web\n"
	"  switchport mode trunk\n"
	"  switchport trunk allowed vlan none\n"
	"  switchport trunk native vlan 10\n"
	"  port-binding ephemeral\n"
	"interface vethernet 3\n"
	"  description web01 eth0\n"
	"  inherit port-profile a-web\n"
	"  switchport access vlan 11\n"
	"interface vethernet 10\n"
	"  inherit port-profile trunky\n"
	"interface ethernet 1\n"
	"  inherit port-profile uplink\n"
	"interface ethernet 2\n"
	"  switchport trunk allowed vlan 1-4094\n";

/* What 'rich' prints: profiles parents first, then by name. */
static const char *rich_printed =
	"vlan 1,10,20,30-40\n"
	"vlan 10\n  name web\n"
	"vlan 20\n  name db\n"
	"port-profile type ethernet uplink\n"
	"  description uplinks\n"
	"  switchport mode trunk\n"
	"  switchport trunk allowed vlan 10,20,30-40\n"
	"  switchport trunk native vlan none\n"
	"  no shutdown\n"
	"  state enabled\n"
	"port-profile type vethernet zbase\n"
	"  switchport mode access\n"
	"  max-ports 64\n"
	"  port-binding static\n"
	"port-profile type vethernet a-web\n"
	"  inherit port-profile zbase\n"
	"  switchport access vlan 10\n"
	"  state enabled\n"
	"port-profile type vethernet db.1\n"
	"  inherit port-profile zbase\n"
	"  switchport access vlan 20\n"
	"  shutdown\n"
	"port-profile type vethernet trunky\n"
	"  inherit port-profile a-web\n"
	"  switchport mode trunk\n"
	"  switchport trunk allowed vlan none\n"
	"  switchport trunk native vlan 10\n"
	"  port-binding ephemeral\n"
	"interface vethernet 3\n"
	"  description web01 eth0\n"
	"  inherit port-profile a-web\n"
	"  switchport access vlan 11\n"
	"interface vethernet 10\n"
	"  inherit port-profile trunky\n"
	"interface ethernet 1\n"
	"  inherit port-profile uplink\n"
	"interface ethernet 2\n"
	"  switchport trunk allowed vlan 1-4094\n";

static void test_round_trip(void)
{
	struct config cfg, back;
	char *one, *two;

	config_init(&cfg);
	config_init(&back);
	if (!ok(!apply(&cfg, rich), "a config using every line"))
		diag("%s", err.msg);
	one = printed(&cfg, NULL);
	ok_str(one, rich_printed, "running-config: canonical order and form");
	ok(!apply(&back, one), "running-config parses back");
	two = printed(&back, NULL);
	ok_str(two, one, "print -> parse -> print: identical");
	free(two);
	ok(!apply(&cfg, one), "applying its own running-config to a model");
	two = printed(&cfg, NULL);
	ok_str(two, one, "... changes nothing");
	free(two);
	free(one);
	config_free(&back);
	config_free(&cfg);
}

static void test_filters(void)
{
	struct config_filter f = { .show = CONFIG_SHOW_PROFILES };
	struct config cfg;
	char *out;
	int ret;

	config_init(&cfg);
	apply(&cfg, rich);
	out = printed_ret(&cfg, &f, &ret);
	ok(!ret && !strncmp(out, "port-profile type ethernet uplink\n", 34) &&
	   !strstr(out, "vlan 1,") && !strstr(out, "interface"),
	   "running-config port-profile: the profiles only");
	free(out);
	f.show = CONFIG_SHOW_PROFILE;
	f.name = "db.1";
	out = printed_ret(&cfg, &f, &ret);
	ok(!ret, "running-config port-profile db.1");
	ok_str(out, "port-profile type vethernet db.1\n"
		    "  inherit port-profile zbase\n"
		    "  switchport access vlan 20\n"
		    "  shutdown\n", "... that profile alone");
	free(out);
	f.name = "DB.1";
	out = printed_ret(&cfg, &f, &ret);
	ok(ret == -ENOENT && !*out, "profile names are case-sensitive: -ENOENT");
	free(out);
	f.show = CONFIG_SHOW_IFACE;
	f.ref = (struct port_ref){ VEM_PORT_VETH, 3 };
	out = printed_ret(&cfg, &f, &ret);
	ok(!ret, "running-config interface vethernet 3");
	ok_str(out, "interface vethernet 3\n"
		    "  description web01 eth0\n"
		    "  inherit port-profile a-web\n"
		    "  switchport access vlan 11\n", "... that interface alone");
	free(out);
	f.ref.id = 4;
	out = printed_ret(&cfg, &f, &ret);
	ok(ret == -ENOENT && !*out, "a missing interface: -ENOENT");
	free(out);
	config_free(&cfg);
	config_init(&cfg);
	out = printed_ret(&cfg, NULL, &ret);
	ok(!ret && !*out, "an empty model prints nothing");
	free(out);
}

/* A strict JSON checker: value at *s, advancing it; false if invalid. */
static bool json_value(const char **s);

static void json_ws(const char **s)
{
	while (**s == ' ' || **s == '\n' || **s == '\t' || **s == '\r')
		(*s)++;
}

static bool json_string(const char **s)
{
	if (*(*s)++ != '"')
		return false;
	while (**s != '"') {
		if ((unsigned char)**s < 0x20)
			return false;
		if (**s == '\\') {
			(*s)++;
			if (**s == 'u') {
				int i;

				for (i = 1; i <= 4; i++)
					if (!strchr("0123456789abcdefABCDEF",
						    (*s)[i]) || !(*s)[i])
						return false;
				*s += 4;
			} else if (!strchr("\"\\/bfnrt", **s) || !**s) {
				return false;
			}
		}
		(*s)++;
	}
	(*s)++;
	return true;
}

static bool json_container(const char **s, char open, char close, bool obj)
{
	if (*(*s)++ != open)
		return false;
	json_ws(s);
	if (**s == close) {
		(*s)++;
		return true;
	}
	for (;;) {
		json_ws(s);
		if (obj) {
			if (!json_string(s))
				return false;
			json_ws(s);
			if (*(*s)++ != ':')
				return false;
		}
		if (!json_value(s))
			return false;
		json_ws(s);
		if (**s == close) {
			(*s)++;
			return true;
		}
		if (*(*s)++ != ',')
			return false;
	}
}

static bool json_value(const char **s)
{
	json_ws(s);
	switch (**s) {
	case '{':
		return json_container(s, '{', '}', true);
	case '[':
		return json_container(s, '[', ']', false);
	case '"':
		return json_string(s);
	case 't':
		return !strncmp(*s, "true", 4) && (*s += 4);
	case 'f':
		return !strncmp(*s, "false", 5) && (*s += 5);
	case 'n':
		return !strncmp(*s, "null", 4) && (*s += 4);
	default:
		if (**s < '0' || **s > '9')
			return false;
		while (**s >= '0' && **s <= '9')
			(*s)++;
		return true;
	}
}

static bool json_valid(const char *s)
{
	if (!json_value(&s))
		return false;
	json_ws(&s);
	return !*s;
}

static void test_json(void)
{
	struct config cfg;
	struct config_eval ev;
	struct json j;
	char *out = NULL;
	size_t len;
	FILE *f;

	ok(json_valid("{\"a\":[1,true,null,\"x\\n\"]}\n") &&
	   !json_valid("{\"a\":}") && !json_valid("[1,]") &&
	   !json_valid("{} x"), "the JSON checker checks");

	config_init(&cfg);
	out = as_json(&cfg);
	ok_str(out, "{\"vlans\":[],\"access_lists\":[],\"policy_maps\":[],\"port_profiles\":[],"
		    "\"interfaces\":[]}\n",
	       "JSON of an empty model");
	free(out);

	apply(&cfg, "vlan 10\n  name web\n"
		    "port-profile type ethernet up\n"
		    "  switchport trunk native vlan none\n  state enabled\n"
		    "port-profile web\n  description \"quoted\" \\ text\n"
		    "  switchport access vlan 10\n  max-ports 4\n"
		    "  port-binding ephemeral\n  shutdown\n"
		    "interface vethernet 3\n  inherit port-profile web\n"
		    "  switchport trunk allowed vlan 10,20-30\n");
	out = as_json(&cfg);
	ok_str(out,
	       "{\"vlans\":[{\"id\":10,\"name\":\"web\"}],"
	       "\"access_lists\":[],\"policy_maps\":[],"
	       "\"port_profiles\":["
	       "{\"name\":\"up\",\"type\":\"ethernet\",\"native_vlan\":null,"
	       "\"state_enabled\":true},"
	       "{\"name\":\"web\",\"type\":\"vethernet\","
	       "\"description\":\"\\\"quoted\\\" \\\\ text\","
	       "\"access_vlan\":10,\"max_ports\":4,"
	       "\"port_binding\":\"ephemeral\",\"shutdown\":true}],"
	       "\"interfaces\":[{\"name\":\"vethernet3\",\"type\":\"vethernet\","
	       "\"id\":3,\"inherit\":\"web\","
	       "\"allowed_vlans\":\"10,20-30\"}]}\n",
	       "JSON of a model: own attributes only, escaped");
	ok(json_valid(out), "... and valid");
	free(out);

	config_eval_iface(&cfg, config_iface_find(&cfg,
			  &(struct port_ref){ VEM_PORT_VETH, 3 }), &ev);
	f = open_memstream(&out, &len);
	json_init(&j, f, false);
	json_obj_begin(&j);
	config_eval_json(&j, &ev);
	json_obj_end(&j);
	fclose(f);
	ok_str(out,
	       "{\"type\":\"vethernet\",\"mode\":\"access\",\"access_vlan\":10,"
	       "\"allowed_vlans\":\"10,20-30\",\"native_vlan\":1,"
	       "\"shutdown\":true,\"max_ports\":4,\"port_binding\":\"ephemeral\","
	       "\"state_enabled\":false,"
	       "\"port_security\":false,\"port_security_maximum\":1,"
	       "\"port_security_violation\":\"shutdown\","
	       "\"port_security_sticky\":false,"
	       "\"ip_access_group_in\":null,\"ip_access_group_out\":null,"
	       "\"ipv6_traffic_filter_in\":null,\"ipv6_traffic_filter_out\":null,"
	       "\"mac_access_group_in\":null,\"mac_access_group_out\":null,"
	       "\"storm_control_broadcast_pps\":0,"
	       "\"storm_control_multicast_pps\":0,"
	       "\"storm_control_unicast_pps\":0,"
	       "\"service_policy_input\":null,\"service_policy_output\":null,"
	       "\"port_profile\":\"web\","
	       "\"from\":{\"mode\":\"default\",\"access_vlan\":\"port-profile web\","
	       "\"allowed_vlans\":\"own\",\"native_vlan\":\"default\","
	       "\"shutdown\":\"port-profile web\",\"max_ports\":\"port-profile web\","
	       "\"port_binding\":\"port-profile web\",\"state_enabled\":\"default\","
	       "\"port_security\":\"default\","
	       "\"port_security_maximum\":\"default\","
	       "\"port_security_violation\":\"default\","
	       "\"port_security_sticky\":\"default\","
	       "\"ip_access_group_in\":\"default\",\"ip_access_group_out\":\"default\","
	       "\"ipv6_traffic_filter_in\":\"default\","
	       "\"ipv6_traffic_filter_out\":\"default\","
	       "\"mac_access_group_in\":\"default\","
	       "\"mac_access_group_out\":\"default\","
	       "\"storm_control_broadcast_pps\":\"default\","
	       "\"storm_control_multicast_pps\":\"default\","
	       "\"storm_control_unicast_pps\":\"default\","
	       "\"service_policy_input\":\"default\","
	       "\"service_policy_output\":\"default\"}}\n",
	       "JSON of an interface's evaluated attributes and their sources");
	free(out);
	config_free(&cfg);

	config_init(&cfg);
	apply(&cfg, rich);
	f = open_memstream(&out, &len);
	json_init(&j, f, true);
	config_json(&j, &cfg);
	fclose(f);
	ok(json_valid(out), "pretty JSON of the rich model is valid");
	free(out);
	config_free(&cfg);
}

static void test_clone(void)
{
	struct config a, b;
	char *pa, *pb;

	config_init(&a);
	apply(&a, rich);
	ok(!config_clone(&b, &a), "clone");
	apply(&b, "no interface vethernet 3\n");
	pa = printed(&a, NULL);
	pb = printed(&b, NULL);
	ok(strstr(pa, "interface vethernet 3\n") &&
	   !strstr(pb, "interface vethernet 3\n"), "a clone is independent");
	free(pa);
	free(pb);
	config_free(&a);
	config_free(&b);
}

/* vm NAME mac MAC: the owner of a vethernet, one vethernet per owner. */
static void test_vm(void)
{
	static const uint8_t mac[6] = { 0x52, 0x54, 0, 0x12, 0x34, 0x56 };
	static const uint8_t other[6] = { 0x52, 0x54, 0, 0x12, 0x34, 0x57 };
	struct config c;
	char *out;

	config_init(&c);
	ok(!apply(&c, "interface vethernet 3\n"
		      "  vm web01 mac 52:54:00:12:34:56\n"), "vm on a vethernet");
	ok(config_iface_find_vm(&c, "web01", mac) &&
	   config_iface_find_vm(&c, "web01", mac)->ref.id == 3,
	   "found by (vm, mac)");
	ok(!config_iface_find_vm(&c, "web01", other) &&
	   !config_iface_find_vm(&c, "web02", mac), "not by another pair");
	print_is(&c, "interface vethernet 3\n  vm web01 mac 5254.0012.3456\n",
		 "printed dotted, read back");
	out = as_json(&c);
	ok(strstr(out, "\"vm\":\"web01\"") &&
	   strstr(out, "\"vm_mac\":\"52:54:00:12:34:56\""), "in JSON");
	free(out);
	refused(apply(&c, "interface vethernet 4\n"
			  "  vm web01 mac 5254.0012.3456\n"),
		"one vNIC, two vethernets: refused", "line 2",
		"belongs to interface vethernet 3 and interface vethernet 4",
		(const char *)NULL);
	ok(!config_iface_find(&c, &(struct port_ref){ VEM_PORT_VETH, 4 }),
	   "and nothing applied");
	ok(!apply(&c, "interface vethernet 4\n"
		      "  vm web01 mac 5254.0012.3457\n"),
	   "the same VM, another MAC: another vethernet");
	refused(apply(&c, "interface vethernet 3\n  no vm web02 mac 5254.0012.3456\n"),
		"no vm of another owner refused", "does not belong",
		(const char *)NULL);
	ok(!apply(&c, "interface vethernet 3\n  no vm\n") &&
	   !config_iface_find_vm(&c, "web01", mac), "no vm frees it");
	config_free(&c);

	BAD("", "interface ethernet 1\n  vm a mac 5254.0012.3456\n",
	    "vm on an uplink refused", "vethernet interfaces only");
	BAD("", "port-profile type vethernet p\n  vm a mac 5254.0012.3456\n",
	    "vm in a profile refused", "line 2");
	BAD("", "interface vethernet 1\n  vm a mac 01:00:5e:00:00:01\n",
	    "multicast MAC refused", "not a unicast MAC");
	BAD("", "interface vethernet 1\n  vm a mac 00:00:00:00:00:00\n",
	    "zero MAC refused", "not a unicast MAC");
	BAD("", "interface vethernet 1\n  vm a mac 52:54:00:12:34\n",
	    "short MAC refused", "invalid MAC");
	BAD("", "interface vethernet 1\n  vm a/b mac 52:54:00:12:34:56\n",
	    "bad VM name refused", "VM name");
	BAD("", "interface vethernet 1\n  vm a host 52:54:00:12:34:56\n",
	    "\"mac\" expected", "line 2");
	BAD("", "interface vethernet 1\n  vm a mac 52:54:00:12:34:56 x\n",
	    "extra word refused", "unexpected");
}


static void test_psec(void)
{
	static const char *text =
		"port-profile type vethernet secure\n"
		"  switchport port-security\n"
		"  switchport port-security maximum 3\n"
		"  sw port-sec viol prot\n"
		"  state enabled\n"
		"interface vethernet 3\n"
		"  inherit port-profile secure\n"
		"  switchport port-security maximum 2\n"
		"  switchport port-security violation restrict\n"
		"  switchport port-security mac-address sticky\n"
		"  switchport port-security mac-address sticky 0050.56a1.0002 vlan 10\n"
		"  switchport port-security mac-address sticky 00:50:56:a1:00:01 vlan 10\n"
		"  switchport port-security mac-address sticky 0050.56a1.0003 vlan 5\n"
		"interface vethernet 4\n"
		"  inherit port-profile secure\n"
		"  no switchport port-security\n";
	static const char *want =
		"port-profile type vethernet secure\n"
		"  switchport port-security\n"
		"  switchport port-security maximum 3\n"
		"  switchport port-security violation protect\n"
		"  state enabled\n"
		"interface vethernet 3\n"
		"  inherit port-profile secure\n"
		"  switchport port-security maximum 2\n"
		"  switchport port-security violation restrict\n"
		"  switchport port-security mac-address sticky\n"
		"  switchport port-security mac-address sticky 0050.56a1.0003 vlan 5\n"
		"  switchport port-security mac-address sticky 0050.56a1.0001 vlan 10\n"
		"  switchport port-security mac-address sticky 0050.56a1.0002 vlan 10\n"
		"interface vethernet 4\n"
		"  inherit port-profile secure\n"
		"  no switchport port-security\n";
	static const uint8_t mac2[6] = { 0x00, 0x50, 0x56, 0xa1, 0x00, 0x02 };
	struct config cfg, back, copy;
	struct config_iface *ifc;
	struct config_eval ev;
	char *one;

	config_init(&cfg);
	config_init(&back);
	if (!ok(!apply(&cfg, text), "port security on a profile and interfaces"))
		diag("%s", err.msg);
	print_is(&cfg, want, "printed: items, then sticky addresses by VLAN and MAC");
	one = printed(&cfg, NULL);
	ok(!apply(&back, one), "parses back");
	print_is(&back, one, "print -> parse -> print: identical");
	free(one);

	ifc = config_iface_find(&cfg, &(struct port_ref){ VEM_PORT_VETH, 3 });
	config_eval_iface(&cfg, ifc, &ev);
	ok(ev.psec && ev.psec_max == 2 &&
	   ev.psec_violation == VEM_PSEC_RESTRICT && ev.psec_sticky &&
	   from_is(&ev, CONFIG_ATTR_PSEC, CONFIG_SRC_PROFILE, "secure") &&
	   from_is(&ev, CONFIG_ATTR_PSEC_MAX, CONFIG_SRC_OWN, NULL),
	   "vethernet 3: on from the profile, its own maximum, mode, sticky");
	ok(ifc->nsticky == 3 && config_sticky_find(ifc, mac2, 10) == 2,
	   "three sticky addresses, sorted");
	config_eval_iface(&cfg, config_iface_find(&cfg,
			  &(struct port_ref){ VEM_PORT_VETH, 4 }), &ev);
	ok(!ev.psec && ev.psec_max == 3 &&
	   ev.psec_violation == VEM_PSEC_PROTECT,
	   "vethernet 4: off over the profile, the rest inherited");
	config_eval_profile(&cfg, config_profile_find(&cfg, "secure"), &ev);
	ok(!ev.psec_sticky, "the profile: not sticky");

	ok(!config_clone(&copy, &cfg), "clone");
	ifc = config_iface_find(&copy, &(struct port_ref){ VEM_PORT_VETH, 3 });
	ok(config_sticky_del(ifc, mac2, 10) && ifc->nsticky == 2 &&
	   config_iface_find(&cfg, &ifc->ref)->nsticky == 3,
	   "a clone's sticky addresses are its own");
	config_free(&copy);

	ok(!apply(&cfg, "interface vethernet 3\n"
			"  no switchport port-security mac-address sticky 0050.56a1.0002 vlan 10\n"
			"  no switchport port-security maximum\n"
			"  default switchport port-security mac-address sticky\n"),
	   "no forms");
	one = printed(&cfg, &(struct config_filter){ .show = CONFIG_SHOW_IFACE,
			.ref = { VEM_PORT_VETH, 3 } });
	ok_str(one, "interface vethernet 3\n"
		    "  inherit port-profile secure\n"
		    "  switchport port-security violation restrict\n"
		    "  switchport port-security mac-address sticky 0050.56a1.0003 vlan 5\n"
		    "  switchport port-security mac-address sticky 0050.56a1.0001 vlan 10\n",
	       "... remove what they name");
	free(one);
	ok(!apply(&cfg, "no interface vethernet 3\n"), "an interface with sticky addresses deleted");

	BAD("", "interface vethernet 1\n  switchport port-security maximum 0\n",
	    "maximum 0", "line 2", "port-security maximum");
	BAD("", "interface vethernet 1\n  switchport port-security maximum 4097\n",
	    "maximum over the limit", "line 2", "4096");
	BAD("", "interface vethernet 1\n  switchport port-security violation drop\n",
	    "an unknown violation mode", "line 2", "drop");
	BAD("", "interface ethernet 1\n  switchport port-security\n",
	    "not on an ethernet interface", "vethernet");
	BAD("", "port-profile type ethernet up\n  switchport port-security maximum 2\n",
	    "not in an ethernet profile", "vethernet");
	BAD("", "port-profile type vethernet p\n"
		"  switchport port-security mac-address sticky 0050.56a1.0001 vlan 1\n",
	    "no sticky address in a profile", "interface");
	BAD("", "interface vethernet 1\n"
		"  switchport port-security mac-address sticky 0100.5e00.0001 vlan 1\n",
	    "a multicast sticky address", "unicast");
	BAD("", "interface vethernet 1\n"
		"  switchport port-security mac-address sticky 0050.56a1.0001 vlan 4095\n",
	    "a sticky address in VLAN 4095", "line 2");
	BAD("", "interface vethernet 1\n"
		"  switchport port-security mac-address sticky 0050.56a1.0001\n",
	    "a sticky address without its VLAN", "vlan");
	BAD("interface vethernet 1\n",
	    "interface vethernet 1\n"
	    "  no switchport port-security mac-address sticky 0050.56a1.0001 vlan 1\n",
	    "no for an address that is not there", "not a sticky address");
	config_free(&back);
	config_free(&cfg);
}

int main(void)
{
	tap_init();
	test_inheritance();
	test_defaults();
	test_cycles();
	test_types();
	test_all_or_nothing();
	test_no();
	test_delete_referenced();
	test_abbreviations();
	test_allowed();
	test_bad_input();
	test_syntax();
	test_round_trip();
	test_filters();
	test_json();
	test_clone();
	test_vm();
	test_psec();
	return tap_exit();
}
