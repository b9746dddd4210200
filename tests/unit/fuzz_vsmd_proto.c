// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_vsmd_proto.c - libFuzzer harness of vsmd's request and reply
 * readers: the input is a frame payload from any client (a request) or
 * any peer posing as vsmd (a reply). A request that decodes must encode
 * again and decode to the same request.
 */

#include <stdlib.h>
#include <string.h>

#include "vsmd_proto.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vsmd_req req, again;
	struct vsmd_reply rep;
	char *buf, *frame;
	size_t len;

	/* Exactly the bytes read, as vsmd_io_read() hands them over. */
	buf = malloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = '\0';
	vsmd_reply_decode(buf, size, &rep);
	if (!vsmd_req_decode(buf, size, &req) &&
	    !vsmd_req_encode(&req, &frame, &len)) {
		if (vsmd_req_decode(frame + VSMD_HDR_LEN, len - VSMD_HDR_LEN,
				    &again) ||
		    again.op != req.op || again.json != req.json ||
		    again.pretty != req.pretty ||
		    again.body_len != req.body_len ||
		    again.filter.show != req.filter.show ||
		    again.pp != req.pp || strcmp(again.name, req.name))
			abort();
		free(frame);
	}
	free(buf);
	return 0;
}
