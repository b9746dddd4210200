// SPDX-License-Identifier: GPL-2.0
/*
 * store_file.c - the configuration store in one local file, by default
 * /etc/vnlink/startup-config.
 *
 * A commit never leaves a half-written file behind, whatever stops it (a
 * crash, a full disk, power loss): the new text goes to a temporary file
 * in the same directory, is fsync()ed, renamed over the old one (atomic
 * within a filesystem), and the directory is fsync()ed so that the rename
 * itself is durable. Any failure before the rename leaves the old file as
 * it was and removes the temporary one.
 *
 * Watching: inotify on the directory, because editors and "mv" replace
 * the file (a new inode) rather than write into it.
 */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/inotify.h>
#include <sys/stat.h>

#include "store.h"

struct store_file {
	char path[PATH_MAX];
	char dir[PATH_MAX];
	char base[NAME_MAX + 1];
	int inotify_fd;			/* -1 until watch_fd() */
	char *last;			/* the text last loaded or committed */
	size_t last_len;
	bool have_last;
};

static int file_open(struct store *st, const char *where)
{
	struct store_file *sf;
	const char *slash;

	if (!where || !*where)
		where = STORE_DEFAULT_PATH;
	sf = calloc(1, sizeof(*sf));
	if (!sf)
		return store_fail(st, ENOMEM, "out of memory");
	sf->inotify_fd = -1;
	slash = strrchr(where, '/');
	if (strlen(where) >= sizeof(sf->path) || (slash && !slash[1]) ||
	    strlen(slash ? slash + 1 : where) > NAME_MAX) {
		free(sf);
		return store_fail(st, EINVAL, "%s: not a file name", where);
	}
	strcpy(sf->path, where);
	if (!slash) {
		strcpy(sf->dir, ".");
		strcpy(sf->base, where);
	} else {
		/* "/startup-config": the root directory. */
		size_t n = slash == where ? 1 : (size_t)(slash - where);

		memcpy(sf->dir, where, n);
		sf->dir[n] = '\0';
		strcpy(sf->base, slash + 1);
	}
	st->priv = sf;
	st->where = sf->path;
	return 0;
}

static void remember(struct store_file *sf, char *text, size_t len)
{
	free(sf->last);
	sf->last = text;
	sf->last_len = len;
	sf->have_last = true;
}

/* The file's text, or "" if it does not exist. */
static int read_text(struct store *st, char **text, size_t *len)
{
	struct store_file *sf = st->priv;
	size_t cap = 4096, n = 0;
	char *buf, *grown;
	ssize_t r;
	int fd, err;

	fd = open(sf->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT) {
		/* Never committed: the empty configuration. */
		*text = strdup("");
		*len = 0;
		return *text ? 0 : store_fail(st, ENOMEM, "out of memory");
	}
	if (fd < 0)
		return store_fail(st, errno, "%s: %s", sf->path,
				  strerror(errno));
	buf = malloc(cap);
	if (!buf) {
		close(fd);
		return store_fail(st, ENOMEM, "out of memory");
	}
	for (;;) {
		if (n + 1 >= cap) {
			if (cap >= STORE_TEXT_MAX) {
				err = store_fail(st, EFBIG,
						 "%s: bigger than %u bytes: not a configuration",
						 sf->path, STORE_TEXT_MAX);
				goto fail;
			}
			cap *= 2;
			grown = realloc(buf, cap);
			if (!grown) {
				err = store_fail(st, ENOMEM, "out of memory");
				goto fail;
			}
			buf = grown;
		}
		r = read(fd, buf + n, cap - n - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			err = store_fail(st, errno, "%s: %s", sf->path,
					 strerror(errno));
			goto fail;
		}
		if (!r)
			break;
		n += r;
	}
	close(fd);
	buf[n] = '\0';
	if (memchr(buf, '\0', n)) {
		free(buf);
		return store_fail(st, EINVAL, "%s: contains a NUL byte: not a configuration",
				  sf->path);
	}
	*text = buf;
	*len = n;
	return 0;
fail:
	close(fd);
	free(buf);
	return err;
}

static int file_load(struct store *st, char **text, size_t *len)
{
	struct store_file *sf = st->priv;
	char *copy;
	int ret;

	ret = read_text(st, text, len);
	if (ret)
		return ret;
	copy = malloc(*len + 1);
	if (!copy) {
		free(*text);
		return store_fail(st, ENOMEM, "out of memory");
	}
	memcpy(copy, *text, *len + 1);
	remember(sf, copy, *len);
	return 0;
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t r = write(fd, buf, len);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -errno;
		buf += r;
		len -= r;
	}
	return 0;
}

static int file_commit(struct store *st, const char *text, size_t len)
{
	struct store_file *sf = st->priv;
	char tmp[PATH_MAX + NAME_MAX + 16];
	int fd, dfd = -1, ret;
	char *copy;

	copy = malloc(len + 1);
	if (!copy)
		return store_fail(st, ENOMEM, "out of memory");
	memcpy(copy, text, len);
	copy[len] = '\0';

	/* /etc/vnlink may not exist on a fresh host. */
	if (mkdir(sf->dir, 0755) && errno != EEXIST) {
		ret = store_fail(st, errno, "%s: cannot create the directory: %s",
				 sf->dir, strerror(errno));
		goto out;
	}
	/* A dot name: no tool mistakes it for a configuration. */
	snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", sf->dir, sf->base);
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		ret = store_fail(st, errno, "%s: cannot create a temporary file: %s",
				 sf->dir, strerror(errno));
		goto out;
	}
	/* Only root reads it: it will hold secrets one day (keys, SNMP). */
	ret = fchmod(fd, 0600) ? -errno : 0;
	if (!ret)
		ret = write_all(fd, text, len);
	if (!ret && fsync(fd))
		ret = -errno;
	if (close(fd) && !ret)
		ret = -errno;
	if (!ret && rename(tmp, sf->path))
		ret = -errno;
	if (ret) {
		unlink(tmp);
		ret = store_fail(st, -ret, "%s: cannot write: %s", sf->path,
				 strerror(-ret));
		goto out;
	}
	/*
	 * The rename is done; only its durability is at stake here. Report
	 * a failure: the operator asked for a durable copy.
	 */
	dfd = open(sf->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0 || fsync(dfd)) {
		ret = store_fail(st, errno, "%s: cannot sync the directory: %s",
				 sf->dir, strerror(errno));
		if (dfd >= 0)
			close(dfd);
		goto out;
	}
	close(dfd);
	remember(sf, copy, len);
	return 0;
out:
	free(copy);
	return ret;
}

static int file_watch_fd(struct store *st)
{
	struct store_file *sf = st->priv;

	if (sf->inotify_fd >= 0)
		return sf->inotify_fd;
	sf->inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (sf->inotify_fd < 0)
		return -1;
	if (inotify_add_watch(sf->inotify_fd, sf->dir,
			      IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE |
			      IN_CREATE) < 0) {
		close(sf->inotify_fd);
		sf->inotify_fd = -1;
	}
	return sf->inotify_fd;
}

static int file_watch_changed(struct store *st)
{
	struct store_file *sf = st->priv;
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool ours = false;
	size_t len;
	char *text;
	ssize_t r;
	int ret;

	/* Drain; only events about our file name count. */
	while (sf->inotify_fd >= 0 &&
	       (r = read(sf->inotify_fd, buf, sizeof(buf))) > 0) {
		char *p = buf;

		while (p < buf + r) {
			const struct inotify_event *ev = (const void *)p;

			if (ev->len && !strcmp(ev->name, sf->base))
				ours = true;
			p += sizeof(*ev) + ev->len;
		}
	}
	if (!ours)
		return 0;
	/* Our own commits come back as events too: compare the text. */
	ret = read_text(st, &text, &len);
	if (ret)
		return ret;
	ret = !sf->have_last || len != sf->last_len ||
	      memcmp(text, sf->last, len);
	free(text);
	return ret;
}

static void file_close(struct store *st)
{
	struct store_file *sf = st->priv;

	if (!sf)
		return;
	if (sf->inotify_fd >= 0)
		close(sf->inotify_fd);
	free(sf->last);
	free(sf);
}

const struct store_ops store_file_ops = {
	.name		= "file",
	.open		= file_open,
	.load		= file_load,
	.commit		= file_commit,
	.watch_fd	= file_watch_fd,
	.watch_changed	= file_watch_changed,
	.close		= file_close,
};
