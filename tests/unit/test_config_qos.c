// SPDX-License-Identifier: GPL-2.0
/*
 * test_config_qos.c - policy-map type qos in the configuration
 * (vsmctl/config_qos.c): the lines of its block, every refusal, the round
 * trip through the running-config, service-policy in profiles and
 * interfaces, inherited, the rules of the whole; what vsmd sends the
 * kernel (vsmd_qos.c); QoS messages (msg.c) built and read back.
 */

#include <errno.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

#include "config.h"
#include "msg.h"
#include "parse.h"
#include "tap.h"
#include "vsmd_sync.h"

static struct config_error err;

static int apply(struct config *cfg, const char *text)
{
	return config_apply(cfg, text, strlen(text), &err);
}

static char *printed(const struct config *cfg)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	config_print(f, cfg, NULL);
	fclose(f);
	return out;
}

/* text applies, prints as want, and want reads back to the same text. */
static void round_trip(const char *text, const char *want, const char *what)
{
	struct config cfg, again;
	char *out, *out2;

	config_init(&cfg);
	config_init(&again);
	if (apply(&cfg, text)) {
		ok(false, "%s", what);
		diag("refused: %s", err.msg);
		config_free(&cfg);
		return;
	}
	out = printed(&cfg);
	ok_str(out, want, what);
	if (apply(&again, out))
		diag("printed text refused: %s", err.msg);
	out2 = printed(&again);
	ok_str(out2, out, "... and reads back to the same");
	free(out);
	free(out2);
	config_free(&cfg);
	config_free(&again);
}

/* base, then text: refused with a message that has part; base unchanged. */
static void bad(const char *base, const char *text, const char *part,
		const char *what)
{
	struct config cfg;
	char *before, *after;
	int ret;

	config_init(&cfg);
	if (apply(&cfg, base))
		diag("base refused: %s", err.msg);
	before = printed(&cfg);
	ret = apply(&cfg, text);
	after = printed(&cfg);
	if (!ok(ret == -EINVAL && strstr(err.msg, part) &&
		!strcmp(before, after), "%s", what))
		diag("ret %d, message \"%s\"", ret, err.msg);
	free(before);
	free(after);
	config_free(&cfg);
}

#define PM "policy-map type qos P\n  class class-default\n"

static void test_lines(void)
{
	round_trip(PM "    police cir 10 mbps bc 200 kbytes conform transmit violate drop\n"
		   "    set cos 5\n    set dscp 46\n",
		   PM "    police cir 10 mbps bc 200 kbytes conform transmit violate drop\n"
		   "    set cos 5\n    set dscp 46\n",
		   "the example of the issue");
	round_trip(PM "    police 64000\n",
		   PM "    police cir 64000 bps conform transmit violate drop\n",
		   "a bare rate is bit/s; cir optional; violate drop the default");
	round_trip(PM "    police cir 1 gbps bc 10 ms violate set-dscp-transmit af11\n",
		   PM "    police cir 1 gbps bc 10 ms conform transmit violate set-dscp-transmit 10\n",
		   "bc in ms, a DSCP name");
	round_trip(PM "    police cir 8 kbps bc 1514\n",
		   PM "    police cir 8 kbps bc 1514 bytes conform transmit violate drop\n",
		   "the smallest rate and burst");
	round_trip(PM "    set dscp ef\n    set cos 0\n",
		   PM "    set cos 0\n    set dscp 46\n", "marking only");
	round_trip("policy-map P\n", "policy-map type qos P\n",
		   "type qos optional; an empty policy-map");
	round_trip("policy-map P\n  class class-default\n",
		   PM, "an empty class kept");
	round_trip(PM "    police cir 1 mbps\n    set cos 1\n    no police\n    no set cos\n",
		   PM, "no police, no set cos");
	round_trip(PM "    set cos 1\n  no class class-default\n",
		   "policy-map type qos P\n", "no class class-default clears it");
	round_trip(PM "    set cos 1\n  exit\nno policy-map P\n", "",
		   "exit leaves the class; no policy-map deletes");
	round_trip("policy-map type qos A\n  class class-default\n    set cos 1\n"
		   "port-profile type vethernet p\n  service-policy input A\n"
		   "  service-policy type qos output A\n"
		   "interface vethernet 3\n  inherit port-profile p\n"
		   "  service-policy output A\n",
		   "policy-map type qos A\n  class class-default\n    set cos 1\n"
		   "port-profile type vethernet p\n  service-policy input A\n"
		   "  service-policy output A\n"
		   "interface vethernet 3\n  inherit port-profile p\n"
		   "  service-policy output A\n",
		   "service-policy in a profile and an interface");
	round_trip("policy-map A\ninterface vethernet 3\n  service-policy input A\n"
		   "  no service-policy input\n",
		   "policy-map type qos A\ninterface vethernet 3\n",
		   "no service-policy input without the name");
}

static void test_refusals(void)
{
	bad("", "policy-map type qos P\n  class voice\n",
	    "only class class-default is supported", "another class");
	bad("", "policy-map type qos P\n  police cir 1 mbps\n",
	    "police belongs in class class-default", "police outside the class");
	bad("", "policy-map type qos P\n  class class-default\n  set cos 1\n",
	    "set belongs in class class-default", "set at the class's level");
	bad("", PM "    police cir 7999 bps\n", "out of range", "rate too low");
	bad("", PM "    police cir 101 gbps\n", "out of range", "rate too high");
	bad("", PM "    police cir 0\n", "police rate", "rate 0");
	bad("", PM "    police cir 10 mbps bc 1000 bytes\n", "burst out of range",
	    "burst under one frame");
	bad("", PM "    police cir 8 kbps bc 1 ms\n", "burst out of range",
	    "a burst in time that makes under one frame");
	bad("", PM "    police cir 10 gbps bc 1 mbytes bc 600 mbytes\n",
	    "burst out of range", "burst too big");
	bad("", PM "    police cir 10 mbps conform drop\n",
	    "the conform action is transmit", "conform drop");
	bad("", PM "    police cir 10 mbps violate set-dscp-transmit\n",
	    "missing DSCP", "set-dscp-transmit without DSCP");
	bad("", PM "    police cir 10 mbps violate set-dscp-transmit 64\n",
	    "DSCP value", "violate DSCP 64");
	bad("", PM "    police cir 10 mbps violate explode\n",
	    "violate action", "unknown violate action");
	bad("", PM "    police cir 10 mbps frobnicate\n", "police option",
	    "unknown police option");
	bad("", PM "    police\n", "missing rate", "police without a rate");
	bad("", PM "    set cos 8\n", "CoS value", "cos 8");
	bad("", PM "    set dscp 64\n", "DSCP value", "dscp 64");
	bad("", PM "    set dscp nope\n", "DSCP name", "an unknown DSCP name");
	bad("", PM "    set cos\n", "missing cos value", "set cos without value");
	bad("", PM "    set cos 1 2\n", "unexpected", "set cos with two values");
	bad("", "policy-map type qos a/b\n", "policy-map name", "a bad name");
	bad("", "no policy-map type qos P\n", "does not exist",
	    "no policy-map of none");
	bad("policy-map P\ninterface vethernet 1\n  service-policy input P\n",
	    "no policy-map P\n", "still used by interface vethernet 1",
	    "a policy-map in use cannot go");
	bad("", "interface vethernet 1\n  service-policy input NOPE\n",
	    "policy-map NOPE, which does not exist", "a missing policy-map");
	bad("", "port-profile p\n  service-policy output NOPE\n",
	    "port-profile p uses policy-map NOPE", "a missing one in a profile");
	bad("policy-map A\npolicy-map B\ninterface vethernet 1\n  service-policy input A\n",
	    "interface vethernet 1\n  no service-policy input B\n",
	    "not attached here", "no service-policy of another name");
	bad("", "interface vethernet 1\n  service-policy sideways P\n",
	    "direction", "an unknown direction");
	bad("", "interface vethernet 1\n  service-policy input\n",
	    "missing policy-map name", "service-policy without a name");
	bad("policy-map A\n", "policy-map A\n  class class-default\n    set cos 9\n",
	    "CoS value", "all or nothing: the policy-map unchanged");
}

static void test_inherit(void)
{
	struct config cfg;
	struct config_eval ev;

	config_init(&cfg);
	ok(!apply(&cfg, "policy-map A\npolicy-map B\n"
			"port-profile type vethernet p\n  service-policy input A\n"
			"  service-policy output A\n"
			"interface vethernet 2\n  inherit port-profile p\n"
			"  service-policy output B\n"), "inherit: applies");
	config_eval_iface(&cfg, config_iface_find(&cfg,
			  &(struct port_ref){ VEM_PORT_VETH, 2 }), &ev);
	ok(!strcmp(ev.qos[CONFIG_QOS_IN], "A") &&
	   !strcmp(ev.qos[CONFIG_QOS_OUT], "B") &&
	   ev.from[CONFIG_ATTR_QOS_IN].src == CONFIG_SRC_PROFILE &&
	   ev.from[CONFIG_ATTR_QOS_OUT].src == CONFIG_SRC_OWN,
	   "input from the profile, output its own");
	config_free(&cfg);
}

static void test_kernel_values(void)
{
	struct config cfg;
	struct qos_info qi, k;

	config_init(&cfg);
	apply(&cfg, PM "    police cir 10 mbps\n    set dscp 46\n");
	vsmd_qos_info(config_qos_find(&cfg, "P"), &qi);
	ok(qi.cir == 10000000 && qi.bc == 625000 &&
	   qi.violate == VEM_QOS_VIOLATE_DROP && !qi.has_violate_dscp &&
	   qi.has_dscp && qi.dscp == 46 && !qi.has_cos,
	   "no bc: the kernel's default, 500 ms of 10 Mbit/s = 625000 bytes");
	config_free(&cfg);
	config_init(&cfg);
	apply(&cfg, PM "    police cir 8 kbps\n");
	vsmd_qos_info(config_qos_find(&cfg, "P"), &qi);
	ok(qi.bc == VEM_QOS_BC_MIN, "the default burst is one frame at least");
	config_free(&cfg);
	config_init(&cfg);
	apply(&cfg, PM "    police cir 100 mbps bc 2 ms violate set-dscp-transmit cs1\n");
	vsmd_qos_info(config_qos_find(&cfg, "P"), &qi);
	ok(qi.cir == 100000000 && qi.bc == 25000 &&
	   qi.violate == VEM_QOS_VIOLATE_SET_DSCP && qi.has_violate_dscp &&
	   qi.violate_dscp == 8, "bc 2 ms of 100 Mbit/s: 25000 bytes; cs1 = 8");
	k = qi;
	k.users = 3;
	ok(vsmd_qos_same(&k, &qi), "the users do not matter");
	k.bc++;
	ok(!vsmd_qos_same(&k, &qi), "a burst does");
	config_free(&cfg);
	config_init(&cfg);
	apply(&cfg, PM "    set cos 2\n");
	vsmd_qos_info(config_qos_find(&cfg, "P"), &qi);
	ok(!qi.cir && !qi.bc && qi.has_cos && qi.cos == 2,
	   "no policer: no rate, no burst");
	config_free(&cfg);
}

/* A request's attributes read back as a reply would be. */
static void test_msg(void)
{
	static char buf[MSG_REQ_SIZE];
	struct qos_info in = {
		.name = "GOLD", .cir = 10000000, .bc = 30000,
		.violate = VEM_QOS_VIOLATE_SET_DSCP, .has_violate_dscp = true,
		.violate_dscp = 10, .has_cos = true, .cos = 5,
		.has_dscp = true, .dscp = 46,
	}, out;
	struct nlmsghdr *nlh;
	struct port_info port = {
		.ref = { VEM_PORT_VETH, 7 }, .has = PORT_HAS_QOS,
		.own = VEM_CFG_QOS_OUT, .qos = { "IN", "OUT" },
	}, pout;

	nlh = msg_start(buf, 42, VEM_CMD_QOS_NEW, NLM_F_ACK);
	msg_put_qos(nlh, &in);
	ok(!msg_parse_qos(nlh, &out) && !strcmp(out.name, "GOLD") &&
	   out.cir == in.cir && out.bc == in.bc && out.violate == in.violate &&
	   out.has_violate_dscp && out.violate_dscp == 10 && out.has_cos &&
	   out.cos == 5 && out.has_dscp && out.dscp == 46,
	   "a QoS policy with everything, built and read back");
	in = (struct qos_info){ .name = "M", .has_dscp = true, .dscp = 0 };
	nlh = msg_start(buf, 42, VEM_CMD_QOS_NEW, NLM_F_ACK);
	msg_put_qos(nlh, &in);
	ok(!msg_parse_qos(nlh, &out) && !out.cir && !out.bc &&
	   !out.has_violate_dscp && !out.has_cos && out.has_dscp &&
	   !out.dscp, "marking only: no CIR, BC or VIOLATE sent");
	nlh = msg_start(buf, 42, VEM_CMD_PORT_SET, NLM_F_ACK);
	msg_put_port(nlh, &port);
	ok(!msg_parse_port(nlh, &pout) && (pout.has & PORT_HAS_QOS) &&
	   !pout.qos[0][0] && !strcmp(pout.qos[1], "OUT"),
	   "a port sends the QoS slots it owns only");
	ok(msg_attr_name(VEM_CMD_QOS_SET, VEM_A_QOS_VIOLATE_DSCP) &&
	   !strcmp(msg_attr_name(VEM_CMD_QOS_SET, VEM_A_QOS_VIOLATE_DSCP),
		   "VEM_A_QOS_VIOLATE_DSCP"), "QoS attribute names for errors");
}

int main(void)
{
	tap_init();
	test_lines();
	test_refusals();
	test_inherit();
	test_kernel_values();
	test_msg();
	return tap_exit();
}
