/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tap.h - the smallest TAP producer: one "ok N - ..." or "not ok N - ..."
 * line per check. Numbering starts after $TAP_OFFSET so that several test
 * programs make one stream; the Makefile prints the plan and the totals.
 */

#ifndef TAP_H
#define TAP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned int tap_n, tap_failed;

static void tap_init(void)
{
	const char *off = getenv("TAP_OFFSET");

	tap_n = off ? strtoul(off, NULL, 10) : 0;
}

__attribute__((format(printf, 2, 3)))
static bool ok(bool cond, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %u - ", cond ? "" : "not ", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	if (!cond)
		tap_failed++;
	return cond;
}

/* A diagnostic line, after a failed check. */
__attribute__((format(printf, 1, 2), unused))
static void diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

__attribute__((unused))
static bool ok_str(const char *got, const char *want, const char *what)
{
	if (ok(!strcmp(got, want), "%s", what))
		return true;
	diag("got  \"%s\"", got);
	diag("want \"%s\"", want);
	return false;
}

static int tap_exit(void)
{
	return tap_failed ? 1 : 0;
}

#endif /* TAP_H */
