// SPDX-License-Identifier: GPL-2.0
/*
 * test_store.c - vsmctl/store*.c: the configuration store and its local
 * file backend: missing file, round trip, atomic commit (a failed commit
 * leaves the old file), a corrupt file reported with its line, watching.
 */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "config.h"
#include "store.h"
#include "tap.h"

static char dir[256];

static void path_of(char *buf, const char *name)
{
	snprintf(buf, PATH_MAX, "%s/%s", dir, name);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	fputs(text, f);
	fclose(f);
}

static char *read_file(const char *path)
{
	static char buf[8192];
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Files in dir, the dot files (temporaries) included. */
static int count_files(const char *d)
{
	char cmd[PATH_MAX + 64];
	FILE *p;
	int n = -1;

	snprintf(cmd, sizeof(cmd), "ls -A '%s' | wc -l", d);
	p = popen(cmd, "r");
	if (p && fscanf(p, "%d", &n) != 1)
		n = -1;
	if (p)
		pclose(p);
	return n;
}

static void test_missing(void)
{
	struct store st;
	struct config cfg;
	char path[PATH_MAX], *text;
	size_t len;

	path_of(path, "none/startup-config");
	ok(!store_open(&st, &store_file_ops, path), "open: a missing file is fine");
	ok(!store_load(&st, &text, &len) && len == 0 && !strcmp(text, ""),
	   "load of a missing file: the empty configuration");
	free(text);
	config_init(&cfg);
	ok(!store_load_config(&st, &cfg) && !cfg.profiles.n && !cfg.ifaces.n,
	   "load_config of a missing file: empty model");
	ok(!store_commit(&st, "vlan 10\n", 8), "commit creates the directory");
	ok(read_file(path) && !strcmp(read_file(path), "vlan 10\n"),
	   "and the file");
	config_free(&cfg);
	store_close(&st);
}

static const char sample[] =
	"vlan 10,20\n"
	"port-profile type vethernet web\n"
	"  switchport mode access\n"
	"  switchport access vlan 10\n"
	"  max-ports 4\n"
	"  state enabled\n"
	"interface vethernet 3\n"
	"  inherit port-profile web\n"
	"  switchport access vlan 20\n";

static void test_round_trip(void)
{
	struct config cfg, back;
	struct config_error cerr;
	char path[PATH_MAX], *a = NULL, *b = NULL;
	size_t alen, blen;
	struct store st;
	struct stat sb;
	FILE *f;

	path_of(path, "rt");
	config_init(&cfg);
	config_init(&back);
	ok(!config_apply(&cfg, sample, strlen(sample), &cerr), "sample applies");
	ok(!store_open(&st, &store_file_ops, path), "open");
	ok(!store_commit_config(&st, &cfg), "commit_config");
	ok(!stat(path, &sb) && (sb.st_mode & 0777) == 0600,
	   "the file is mode 0600");
	ok(count_files(dir) == 2, "no temporary file left behind");
	store_close(&st);

	ok(!store_open(&st, &store_file_ops, path), "reopen");
	ok(!store_load_config(&st, &back), "load_config");
	f = open_memstream(&a, &alen);
	config_print(f, &cfg, NULL);
	fclose(f);
	f = open_memstream(&b, &blen);
	config_print(f, &back, NULL);
	fclose(f);
	ok_str(b, a, "what is loaded prints as what was committed");
	free(a);
	free(b);
	config_free(&cfg);
	config_free(&back);
	store_close(&st);
}

static void test_atomic(void)
{
	char path[PATH_MAX], sub[PATH_MAX];
	struct store st;
	int ret;

	path_of(sub, "ro");
	mkdir(sub, 0755);
	path_of(path, "ro/startup-config");
	write_file(path, "vlan 5\n");
	chmod(sub, 0555);
	/* root ignores the mode bits: nothing to test then. */
	if (!access(sub, W_OK)) {
		ok(true, "commit into a read-only directory # SKIP root");
		chmod(sub, 0755);
		return;
	}
	ok(!store_open(&st, &store_file_ops, path), "open in a read-only directory");
	ret = store_commit(&st, "vlan 6\n", 7);
	ok(ret == -EACCES && strstr(st.err, "cannot create a temporary file"),
	   "commit fails with EACCES and says why");
	if (ret != -EACCES)
		diag("ret %d: %s", ret, st.err);
	ok(!strcmp(read_file(path), "vlan 5\n") && count_files(sub) == 1,
	   "the old file is intact, no temporary left");
	store_close(&st);
	chmod(sub, 0755);
}

/* A write that fails half way (file size limit), even for root. */
static void test_atomic_partial(void)
{
	struct rlimit old, small;
	char path[PATH_MAX], big[8192];
	struct store st;
	int ret;

	path_of(path, "partial");
	write_file(path, "vlan 7\n");
	memset(big, '!', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\n';
	ok(!store_open(&st, &store_file_ops, path), "open");
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	small = old;
	small.rlim_cur = 1024;
	setrlimit(RLIMIT_FSIZE, &small);
	ret = store_commit(&st, big, sizeof(big));
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, SIG_DFL);
	ok(ret == -EFBIG && strstr(st.err, "cannot write"),
	   "a commit cut short by the file size limit fails");
	if (ret != -EFBIG)
		diag("ret %d: %s", ret, st.err);
	ok(!strcmp(read_file(path), "vlan 7\n"), "the old file is intact");
	ok(count_files(dir) == 4, "the temporary file is removed");
	store_close(&st);
}

static void test_corrupt(void)
{
	struct config cfg;
	char path[PATH_MAX], *text;
	struct store st;
	size_t len;

	path_of(path, "bad");
	write_file(path, "vlan 10\nport-profile type vethernet a\n  switchport mode bogus\n");
	config_init(&cfg);
	ok(!store_open(&st, &store_file_ops, path), "open a corrupt file");
	ok(store_load_config(&st, &cfg) == -EINVAL, "load_config refuses it");
	ok(strstr(st.err, path) && strstr(st.err, "line 3"),
	   "the message names the file and line 3");
	if (!strstr(st.err, "line 3"))
		diag("%s", st.err);
	ok(!cfg.vlans.n && !cfg.profiles.n, "nothing of it applied");
	ok(!strcmp(read_file(path),
		   "vlan 10\nport-profile type vethernet a\n  switchport mode bogus\n"),
	   "the file is untouched");
	store_close(&st);

	write_file(path, "vlan 1\0junk");
	{
		int fd = open(path, O_WRONLY | O_APPEND);

		ok(write(fd, "\0x\n", 3) == 3, "write a NUL byte");
		close(fd);
	}
	ok(!store_open(&st, &store_file_ops, path), "open");
	ok(store_load(&st, &text, &len) == -EINVAL && strstr(st.err, "NUL"),
	   "a NUL byte: not a configuration");
	store_close(&st);
	config_free(&cfg);
}

static void test_watch(void)
{
	char path[PATH_MAX], other[PATH_MAX];
	struct pollfd pfd;
	struct store st;
	char *text;
	size_t len;
	int fd;

	path_of(path, "w");
	write_file(path, "vlan 1\n");
	ok(!store_open(&st, &store_file_ops, path), "open");
	ok(!store_load(&st, &text, &len), "load");
	free(text);
	fd = store_watch_fd(&st);
	ok(fd >= 0, "watch gives a descriptor");
	ok(!store_commit(&st, "vlan 2\n", 7), "commit");
	pfd.fd = fd;
	pfd.events = POLLIN;
	ok(poll(&pfd, 1, 1000) == 1 && store_watch_changed(&st) == 0,
	   "our own commit is not a change");
	path_of(other, "w.new");
	write_file(other, "vlan 3\n");
	rename(other, path);
	ok(poll(&pfd, 1, 1000) == 1 && store_watch_changed(&st) == 1,
	   "another writer's rename is");
	store_close(&st);
}

int main(void)
{
	char cmd[PATH_MAX + 16];

	tap_init();
	snprintf(dir, sizeof(dir), "%s/test_store.XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_missing();
	test_round_trip();
	test_atomic();
	test_atomic_partial();
	test_corrupt();
	test_watch();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd))
		diag("cannot remove %s", dir);
	return tap_exit();
}
