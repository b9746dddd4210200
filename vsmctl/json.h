/* SPDX-License-Identifier: GPL-2.0 */
/*
 * json.h - a tiny streaming JSON writer. The writer places the commas, the
 * indentation (pretty mode: two spaces, like jq) and the final newline
 * after the outermost value; strings are escaped and invalid UTF-8 is
 * replaced by U+FFFD so that the output is always valid JSON.
 */

#ifndef VSMCTL_JSON_H
#define VSMCTL_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH	16

struct json {
	FILE *f;
	bool pretty;
	int depth;
	bool after_key;			/* a key was written, its value comes */
	bool has_items[JSON_MAX_DEPTH];	/* the open container is not empty */
};

void json_init(struct json *j, FILE *f, bool pretty);

void json_obj_begin(struct json *j);
void json_obj_end(struct json *j);
void json_arr_begin(struct json *j);
void json_arr_end(struct json *j);

void json_key(struct json *j, const char *key);
void json_str(struct json *j, const char *s);
void json_u64(struct json *j, uint64_t v);
void json_bool(struct json *j, bool v);
void json_null(struct json *j);

/* Key and value in one call. */
void json_kv_str(struct json *j, const char *key, const char *s);
void json_kv_u64(struct json *j, const char *key, uint64_t v);
void json_kv_bool(struct json *j, const char *key, bool v);
void json_kv_null(struct json *j, const char *key);

/* A JSON string literal of s, quotes included, to f. */
void json_write_string(FILE *f, const char *s);

#endif /* VSMCTL_JSON_H */
