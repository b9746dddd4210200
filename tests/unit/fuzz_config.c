// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_config.c - libFuzzer harness of the config parser: the input is a
 * batch of config text applied to a small model. A refused batch must
 * leave the model as it was and say why; an accepted one must give a
 * valid model whose running-config reads back to the same running-config,
 * and whose evaluated attributes are ones the kernel accepts.
 */

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "parse.h"

static const char base[] =
	"vlan 10,20\n"
	"vlan 10\n  name web\n"
	"port-profile type ethernet up\n"
	"  switchport trunk allowed vlan 10,20\n"
	"port-profile base\n  switchport access vlan 10\n  max-ports 4\n"
	"port-profile web\n  inherit port-profile base\n  state enabled\n"
	"interface vethernet 1\n  inherit port-profile web\n"
	"interface ethernet 1\n  inherit port-profile up\n";

static void check(int cond)
{
	if (!cond)
		abort();
}

static char *printed(const struct config *cfg)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	check(f != NULL);
	check(!config_print(f, cfg, NULL));
	fclose(f);
	return out;
}

static void check_eval(const struct config_eval *ev)
{
	check(ev->mode == VEM_PORT_MODE_ACCESS ||
	      ev->mode == VEM_PORT_MODE_TRUNK);
	check(ev->type != VEM_PORT_UPLINK || ev->mode == VEM_PORT_MODE_TRUNK);
	check(ev->access_vlan >= 1 && ev->access_vlan <= VEM_VLAN_MAX);
	check(ev->native_vlan <= VEM_VLAN_MAX);
	check(!vlan_bitmap_test(ev->trunk_vlans, 0) &&
	      !vlan_bitmap_test(ev->trunk_vlans, 4095));
	check(ev->max_ports >= 1 && ev->max_ports <= CONFIG_MAX_PORTS_MAX);
}

/* Everything that reads an accepted model. */
static void use(const struct config *cfg)
{
	struct config_error err;
	struct config_eval ev;
	char *out = NULL;
	size_t len = 0, i;
	struct json j;
	FILE *f;

	check(!config_validate(cfg, &err));
	for (i = 0; i < cfg->profiles.n; i++) {
		config_eval_profile(cfg, config_profile_at(cfg, i), &ev);
		check_eval(&ev);
	}
	f = open_memstream(&out, &len);
	check(f != NULL);
	json_init(&j, f, false);
	json_arr_begin(&j);
	for (i = 0; i < cfg->ifaces.n; i++) {
		config_eval_iface(cfg, config_iface_at(cfg, i), &ev);
		check_eval(&ev);
		json_obj_begin(&j);
		config_eval_json(&j, &ev);
		json_obj_end(&j);
	}
	json_arr_end(&j);
	config_json(&j, cfg);
	fclose(f);
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg, back;
	struct config_error err;
	char *before, *after, *again;

	config_init(&cfg);
	check(!config_apply(&cfg, base, strlen(base), &err));
	before = printed(&cfg);
	if (config_apply(&cfg, (const char *)data, size, &err)) {
		check(err.msg[0] != '\0');
		after = printed(&cfg);
		check(!strcmp(before, after));
		free(after);
	} else {
		use(&cfg);
		after = printed(&cfg);
		config_init(&back);
		if (config_apply(&back, after, strlen(after), &err)) {
			fprintf(stderr, "running-config refused: %s\n%s",
				err.msg, after);
			abort();
		}
		again = printed(&back);
		check(!strcmp(after, again));
		free(again);
		free(after);
		config_free(&back);
	}
	free(before);
	config_free(&cfg);
	return 0;
}
