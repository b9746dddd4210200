// SPDX-License-Identifier: GPL-2.0
/*
 * test_json.c - vsmctl/json.c: structure, commas, indentation, escaping.
 */

#include "json.h"
#include "tap.h"

static char *out;
static size_t out_len;
static FILE *f;

static struct json *start(bool pretty)
{
	static struct json j;

	free(out);
	out = NULL;
	f = open_memstream(&out, &out_len);
	json_init(&j, f, pretty);
	return &j;
}

static const char *result(void)
{
	fclose(f);
	return out;
}

static const char *escaped(const char *s)
{
	start(false);
	json_write_string(f, s);
	return result();
}

static void test_structure(void)
{
	struct json *j;

	j = start(false);
	json_obj_begin(j);
	json_kv_str(j, "a", "x");
	json_kv_u64(j, "n", 42);
	json_kv_bool(j, "t", true);
	json_kv_bool(j, "f", false);
	json_kv_null(j, "z");
	json_key(j, "arr");
	json_arr_begin(j);
	json_u64(j, 1);
	json_u64(j, 2);
	json_arr_end(j);
	json_key(j, "o");
	json_obj_begin(j);
	json_obj_end(j);
	json_obj_end(j);
	ok_str(result(),
	       "{\"a\":\"x\",\"n\":42,\"t\":true,\"f\":false,\"z\":null,\"arr\":[1,2],\"o\":{}}\n",
	       "compact object, every kind of value, one newline at the end");

	j = start(false);
	json_arr_begin(j);
	json_arr_end(j);
	ok_str(result(), "[]\n", "empty array");

	j = start(true);
	json_arr_begin(j);
	json_arr_end(j);
	ok_str(result(), "[]\n", "empty array, pretty");

	j = start(false);
	json_arr_begin(j);
	json_obj_begin(j);
	json_kv_u64(j, "a", 1);
	json_obj_end(j);
	json_obj_begin(j);
	json_kv_u64(j, "a", 2);
	json_obj_end(j);
	json_arr_end(j);
	ok_str(result(), "[{\"a\":1},{\"a\":2}]\n", "array of objects");

	j = start(true);
	json_arr_begin(j);
	json_obj_begin(j);
	json_kv_str(j, "name", "vethernet3");
	json_key(j, "stats");
	json_obj_begin(j);
	json_kv_u64(j, "rx", 1);
	json_kv_u64(j, "tx", 2);
	json_obj_end(j);
	json_key(j, "e");
	json_arr_begin(j);
	json_arr_end(j);
	json_obj_end(j);
	json_obj_begin(j);
	json_obj_end(j);
	json_arr_end(j);
	ok_str(result(),
	       "[\n"
	       "  {\n"
	       "    \"name\": \"vethernet3\",\n"
	       "    \"stats\": {\n"
	       "      \"rx\": 1,\n"
	       "      \"tx\": 2\n"
	       "    },\n"
	       "    \"e\": []\n"
	       "  },\n"
	       "  {}\n"
	       "]\n", "pretty: two-space indentation like jq");

	j = start(false);
	json_obj_begin(j);
	json_kv_u64(j, "max", UINT64_MAX);
	json_obj_end(j);
	ok_str(result(), "{\"max\":18446744073709551615}\n",
	       "u64 at its maximum");

	/* Two documents in a row: one per line (the monitor). */
	j = start(false);
	json_obj_begin(j);
	json_kv_str(j, "event", "a");
	json_obj_end(j);
	json_obj_begin(j);
	json_kv_str(j, "event", "b");
	json_obj_end(j);
	ok_str(result(), "{\"event\":\"a\"}\n{\"event\":\"b\"}\n",
	       "consecutive documents, one per line");
}

static void test_escape(void)
{
	ok_str(escaped("plain"), "\"plain\"", "escape: plain");
	ok_str(escaped(""), "\"\"", "escape: empty string");
	ok_str(escaped("a\"b"), "\"a\\\"b\"", "escape: quote");
	ok_str(escaped("a\\b"), "\"a\\\\b\"", "escape: backslash");
	ok_str(escaped("\n\t\r\b\f"), "\"\\n\\t\\r\\b\\f\"",
	       "escape: short forms");
	ok_str(escaped("\x01\x1f\x7f"), "\"\\u0001\\u001f\\u007f\"",
	       "escape: other control characters as \\u");
	ok_str(escaped("a/b"), "\"a/b\"", "escape: slash left alone");
	ok_str(escaped("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"),
	       "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"",
	       "escape: valid UTF-8 passes through");
	ok_str(escaped("a\xff" "b"), "\"a\\ufffdb\"",
	       "escape: invalid byte is U+FFFD");
	ok_str(escaped("a\xc3"), "\"a\\ufffd\"",
	       "escape: truncated sequence at the end");
	ok_str(escaped("\xc0\xaf"), "\"\\ufffd\\ufffd\"",
	       "escape: overlong encoding refused");
	ok_str(escaped("\xed\xa0\x80"), "\"\\ufffd\\ufffd\\ufffd\"",
	       "escape: UTF-16 surrogate refused");
	ok_str(escaped("\xf4\x90\x80\x80"),
	       "\"\\ufffd\\ufffd\\ufffd\\ufffd\"",
	       "escape: beyond U+10FFFF refused");
	ok_str(escaped("\xe2\x82"), "\"\\ufffd\\ufffd\"",
	       "escape: sequence cut by the end of the string");
}

int main(void)
{
	tap_init();
	test_structure();
	test_escape();
	free(out);
	return tap_exit();
}
