// SPDX-License-Identifier: GPL-2.0
/*
 * test_config_policy.c - the per-port policy lines of the configuration
 * that are not access-lists: storm control (vsmctl/config_parse.c), its
 * text, JSON and inheritance.
 */

#include "config_tap.h"

static const char *storm_base =
	"port-profile type vethernet web\n"
	"  storm-control broadcast level pps 1000\n"
	"  storm-control multicast level pps 5000\n"
	"  state enabled\n"
	"port-profile type vethernet web2\n"
	"  inherit port-profile web\n"
	"  storm-control multicast level pps 200\n"
	"  state enabled\n"
	"interface vethernet 3\n"
	"  inherit port-profile web2\n"
	"  storm-control unicast level pps 50\n";

static const struct config_iface *iface(const struct config *cfg,
					unsigned int id)
{
	return config_iface_find(cfg, &(struct port_ref){ VEM_PORT_VETH, id });
}

static void test_storm_round_trip(void)
{
	struct config cfg, back;
	char *one, *two;

	config_init(&cfg);
	ok(!apply(&cfg, storm_base), "storm-control in profiles and on an interface");
	one = printed(&cfg, NULL);
	ok(strstr(one, "port-profile type vethernet web\n"
		       "  storm-control broadcast level pps 1000\n"
		       "  storm-control multicast level pps 5000\n") &&
	   strstr(one, "interface vethernet 3\n"
		       "  inherit port-profile web2\n"
		       "  storm-control unicast level pps 50\n"),
	   "running-config prints each limit in the NX-OS form");
	config_init(&back);
	ok(!apply(&back, one), "the running-config applies");
	two = printed(&back, NULL);
	ok_str(two, one, "and prints the same");
	free(one);
	free(two);
	config_free(&back);
	config_free(&cfg);
}

static void test_storm_inheritance(void)
{
	struct config_eval ev;
	struct config cfg;
	char *out;

	config_init(&cfg);
	apply(&cfg, storm_base);
	config_eval_iface(&cfg, iface(&cfg, 3), &ev);
	ok(ev.storm[0] == 1000 && ev.storm[1] == 200 && ev.storm[2] == 50,
	   "each kind on its own: broadcast from web, multicast from web2, unicast own");
	ok(ev.from[CONFIG_ATTR_STORM_BCAST].src == CONFIG_SRC_PROFILE &&
	   ev.from[CONFIG_ATTR_STORM_MCAST].src == CONFIG_SRC_PROFILE &&
	   ev.from[CONFIG_ATTR_STORM_UCAST].src == CONFIG_SRC_OWN,
	   "sources recorded");

	ok(!apply(&cfg, "port-profile type vethernet web2\n"
			"  no storm-control multicast\n"),
	   "no storm-control multicast, without the level");
	config_eval_iface(&cfg, iface(&cfg, 3), &ev);
	ok(ev.storm[1] == 5000, "the parent's multicast limit shows through");

	ok(!apply(&cfg, "port-profile type vethernet web\n"
			"  no storm-control broadcast level pps 1000\n"),
	   "no with the whole line");
	config_eval_iface(&cfg, iface(&cfg, 3), &ev);
	ok(ev.storm[0] == 0, "no broadcast limit left: 0");

	ok(!apply(&cfg, "interface vethernet 3\n"
			"  storm-c m l p 7\n"),
	   "abbreviated words");
	config_eval_iface(&cfg, iface(&cfg, 3), &ev);
	ok(ev.storm[1] == 7, "... read as the full line");

	out = as_json(&cfg);
	ok(strstr(out, "\"storm_control_multicast_pps\":7") &&
	   strstr(out, "\"storm_control_unicast_pps\":50"),
	   "JSON of the own lines");
	free(out);
	config_free(&cfg);
}

static void test_storm_refused(void)
{
	const char *base = "interface vethernet 1\n";

	BAD(base, "interface vethernet 1\n  storm-control broadcast level 10.00\n",
	    "a percentage level is refused, pointing at pps",
	    "line 2", "packets per second",
	    "storm-control broadcast level pps N");
	BAD(base, "interface vethernet 1\n  storm-control broadcast level pps 0\n",
	    "0 pps refused (no storm-control ... is how to remove it)",
	    "line 2", "storm-control level");
	BAD(base, "interface vethernet 1\n  storm-control multicast level pps 100000001\n",
	    "above VEM_STORM_PPS_MAX refused", "100000000");
	BAD(base, "interface vethernet 1\n  storm-control anycast level pps 10\n",
	    "unknown traffic type refused", "anycast");
	BAD(base, "interface vethernet 1\n  storm-control\n",
	    "missing traffic type", "broadcast, multicast or unicast");
	BAD(base, "interface vethernet 1\n  storm-control unicast\n",
	    "missing level", "level");
	BAD(base, "interface vethernet 1\n  storm-control unicast level pps\n",
	    "missing number", "packets per second");
	BAD(base, "interface vethernet 1\n  storm-control unicast level pps 10 now\n",
	    "trailing words refused", "now");
	BAD(base, "interface vethernet 1\n  storm-control unicast level pps -5\n",
	    "a negative number refused", "-5");
}

/* A refused line leaves the model as it was: all or nothing. */
static void test_storm_all_or_nothing(void)
{
	struct config cfg;
	char *before, *after;

	config_init(&cfg);
	apply(&cfg, storm_base);
	before = printed(&cfg, NULL);
	ok(apply(&cfg, "port-profile type vethernet web\n"
		       "  storm-control broadcast level pps 1\n"
		       "  storm-control broadcast level 5\n") == -EINVAL,
	   "a batch with one bad line fails");
	after = printed(&cfg, NULL);
	ok_str(after, before, "the good line before it was not applied");
	free(before);
	free(after);
	config_free(&cfg);
}

int main(void)
{
	tap_init();
	test_storm_round_trip();
	test_storm_inheritance();
	test_storm_refused();
	test_storm_all_or_nothing();
	return tap_exit();
}
