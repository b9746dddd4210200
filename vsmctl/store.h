/* SPDX-License-Identifier: GPL-2.0 */
/*
 * store.h - where vsmd keeps its configuration (the startup-config). The
 * rest of vsmd sees only this interface: load the text, commit a new text
 * as one transaction, learn that someone else changed it. The local file
 * (store_file.c) is the default backend; a distributed store for many
 * hosts is another set of store_ops, and nothing above this header changes.
 *
 * Every function returns 0 or a negative errno, with a message for the
 * operator in st->err.
 */

#ifndef VSMCTL_STORE_H
#define VSMCTL_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"

#define STORE_ERR_LEN		(CONFIG_ERR_LEN + 256)
/* No configuration is this big; a bigger file is not ours. */
#define STORE_TEXT_MAX		(16u << 20)
#define STORE_DEFAULT_PATH	"/etc/vnlink/startup-config"

struct store;

struct store_ops {
	const char *name;
	/* where: a backend-specific address (a path for the file backend). */
	int (*open)(struct store *st, const char *where);
	/*
	 * The committed text, NUL-terminated and malloc()ed in *text. Nothing
	 * committed yet is not an error: an empty text.
	 */
	int (*load)(struct store *st, char **text, size_t *len);
	/* Replace the text as one transaction: the old or the new, never a mix. */
	int (*commit)(struct store *st, const char *text, size_t len);
	/*
	 * A file descriptor that becomes readable when the text may have
	 * changed under us (another writer), or -1 if the backend cannot tell.
	 */
	int (*watch_fd)(struct store *st);
	/*
	 * Called when watch_fd is readable: 1 if the text differs from what
	 * this store last loaded or committed, 0 if not (our own commit).
	 */
	int (*watch_changed)(struct store *st);
	void (*close)(struct store *st);
};

struct store {
	const struct store_ops *ops;
	void *priv;			/* the backend's */
	const char *where;		/* for messages; set by open */
	char err[STORE_ERR_LEN];
};

extern const struct store_ops store_file_ops;

int store_open(struct store *st, const struct store_ops *ops,
	       const char *where);
int store_load(struct store *st, char **text, size_t *len);
int store_commit(struct store *st, const char *text, size_t len);
int store_watch_fd(struct store *st);
int store_watch_changed(struct store *st);
void store_close(struct store *st);

/*
 * Load the committed text into cfg (initialised, normally empty) as one
 * batch. A text that does not parse is -EINVAL with the line and the
 * reason in st->err ("<where>: line 7: ...: why"), and cfg untouched:
 * the caller must refuse to go on rather than run with, or later commit
 * over, a configuration it could not read.
 */
int store_load_config(struct store *st, struct config *cfg);

/* The configuration as text and commit it; -ENOMEM or the backend's error. */
int store_commit_config(struct store *st, const struct config *cfg);

/* For backends: a message in st->err; returns -err (err a positive errno). */
int store_fail(struct store *st, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* VSMCTL_STORE_H */
