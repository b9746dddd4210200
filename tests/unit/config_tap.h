/* SPDX-License-Identifier: GPL-2.0 */
/*
 * config_tap.h - what the configuration tests share: apply a batch, print
 * the model, check a refusal and its message.
 */
#ifndef TESTS_CONFIG_TAP_H
#define TESTS_CONFIG_TAP_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "tap.h"

/* The error of the last apply(). */
static struct config_error err;

static inline int apply(struct config *cfg, const char *text)
{
	return config_apply(cfg, text, strlen(text), &err);
}

/* What config_print() wrote and returned; the caller frees the text. */
static inline char *printed_ret(const struct config *cfg,
				const struct config_filter *filter, int *ret)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	int r = config_print(f, cfg, filter);

	fclose(f);
	if (ret)
		*ret = r;
	return out;
}

static inline char *printed(const struct config *cfg,
			    const struct config_filter *filter)
{
	return printed_ret(cfg, filter, NULL);
}

/* config_json() of the model; the caller frees it. */
static inline char *as_json(const struct config *cfg)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	struct json j;

	json_init(&j, f, false);
	config_json(&j, cfg);
	fclose(f);
	return out;
}

static inline bool print_is(const struct config *cfg, const char *want,
			    const char *what)
{
	char *got = printed(cfg, NULL);
	bool ret = ok_str(got, want, what);

	free(got);
	return ret;
}

/* The batch failed and its message has each of the (NULL-ended) parts. */
static inline bool refused(int ret, const char *what, ...)
{
	bool good = ret == -EINVAL;
	const char *part;
	va_list ap;

	va_start(ap, what);
	while ((part = va_arg(ap, const char *)))
		if (!strstr(err.msg, part))
			good = false;
	va_end(ap);
	if (!ok(good, "%s", what))
		diag("ret %d, message \"%s\"", ret, err.msg);
	return good;
}

/* apply() of text to a model holding base fails with these parts. */
#define BAD(base, text, what, ...) do {					\
	struct config c_;						\
	config_init(&c_);						\
	if (apply(&c_, base))						\
		diag("base refused: %s", err.msg);			\
	refused(apply(&c_, text), what, __VA_ARGS__, (const char *)NULL); \
	config_free(&c_);						\
} while (0)

#endif /* TESTS_CONFIG_TAP_H */
