// SPDX-License-Identifier: GPL-2.0
/*
 * store.c - the backend-independent half of the configuration store: the
 * dispatch to the backend and the step between text and model.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

int store_fail(struct store *st, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(st->err, sizeof(st->err), fmt, ap);
	va_end(ap);
	return -err;
}

int store_open(struct store *st, const struct store_ops *ops,
	       const char *where)
{
	int ret;

	memset(st, 0, sizeof(*st));
	st->ops = ops;
	ret = ops->open(st, where);
	if (ret)
		st->ops = NULL;
	return ret;
}

int store_load(struct store *st, char **text, size_t *len)
{
	st->err[0] = '\0';
	return st->ops->load(st, text, len);
}

int store_commit(struct store *st, const char *text, size_t len)
{
	st->err[0] = '\0';
	return st->ops->commit(st, text, len);
}

int store_watch_fd(struct store *st)
{
	return st->ops->watch_fd ? st->ops->watch_fd(st) : -1;
}

int store_watch_changed(struct store *st)
{
	st->err[0] = '\0';
	return st->ops->watch_changed ? st->ops->watch_changed(st) : 0;
}

void store_close(struct store *st)
{
	if (st->ops)
		st->ops->close(st);
	st->ops = NULL;
	st->priv = NULL;
}

int store_load_config(struct store *st, struct config *cfg)
{
	struct config_error cerr;
	size_t len;
	char *text;
	int ret;

	ret = store_load(st, &text, &len);
	if (ret)
		return ret;
	ret = config_apply(cfg, text, len, &cerr);
	free(text);
	if (ret == -ENOMEM)
		return store_fail(st, ENOMEM, "out of memory");
	if (ret)
		return store_fail(st, EINVAL, "%s: %s", st->where, cerr.msg);
	return 0;
}

int store_commit_config(struct store *st, const struct config *cfg)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f;
	int ret;

	f = open_memstream(&text, &len);
	if (!f)
		return store_fail(st, ENOMEM, "out of memory");
	ret = config_print(f, cfg, NULL);
	if (fclose(f) && !ret)
		ret = -ENOMEM;
	if (ret) {
		free(text);
		return store_fail(st, -ret, "cannot format the configuration: %s",
				  strerror(-ret));
	}
	ret = store_commit(st, text, len);
	free(text);
	return ret;
}
