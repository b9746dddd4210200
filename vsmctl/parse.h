/* SPDX-License-Identifier: GPL-2.0 */
/*
 * parse.h - pure parsers and formatters of vsmctl: numbers, VLAN lists,
 * MAC addresses, interface names, keywords. No netlink, no I/O: a parser
 * that fails returns -1 and leaves a message naming the offending word in
 * parse_error().
 */

#ifndef VSMCTL_PARSE_H
#define VSMCTL_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <net/if.h>

#include <linux/vem.h>

#include "model.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Worst case of vlan_bitmap_format(): every other VLAN set. */
#define VLAN_LIST_STRLEN	10240
#define MAC_STRLEN		18	/* "aa:bb:cc:dd:ee:ff" + NUL */
#define PORT_STRLEN		24	/* "Vethernet65535" + NUL, with room */

/* The message of the last failure of a parser. */
const char *parse_error(void);
void parse_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Strict unsigned decimal: digits only, no sign, no blank, no overflow. */
int parse_u64(const char *s, uint64_t min, uint64_t max, uint64_t *out,
	      const char *what);
int parse_u32(const char *s, uint32_t min, uint32_t max, uint32_t *out,
	      const char *what);
/* One VLAN id, 1..VEM_VLAN_MAX. */
int parse_vlan(const char *s, uint16_t *vid);

/* VLAN bitmaps: bit n of byte n / 8, least significant bit first. */
static inline bool vlan_bitmap_test(const uint8_t *bm, unsigned int vid)
{
	return bm[vid / 8] & (1u << (vid % 8));
}

static inline void vlan_bitmap_set(uint8_t *bm, unsigned int vid)
{
	bm[vid / 8] |= 1u << (vid % 8);
}

static inline void vlan_bitmap_clear(uint8_t *bm, unsigned int vid)
{
	bm[vid / 8] &= ~(1u << (vid % 8));
}

/* "10,20,30-40", "all" (1-4094) or "none" into a VEM_VLAN_BITMAP_LEN map. */
int parse_vlan_list(const char *s, uint8_t *bm);
/*
 * The bitmap as ranges, "1-4094", "10,20,30-40", "none" if empty. Returns
 * the length of the full string like snprintf() (truncated if it does not
 * fit in len).
 */
size_t vlan_bitmap_format(const uint8_t *bm, char *buf, size_t len);

/* "aa:bb:cc:dd:ee:ff", "aa-bb-cc-dd-ee-ff" or "aabb.ccdd.eeff". */
int parse_mac(const char *s, uint8_t *mac);
void mac_format_dotted(const uint8_t *mac, char *buf);	/* aabb.ccdd.eeff */
void mac_format_colon(const uint8_t *mac, char *buf);	/* aa:bb:cc:dd:ee:ff */

static inline bool mac_is_multicast(const uint8_t *mac)
{
	return mac[0] & 1;
}

static inline bool mac_is_zero(const uint8_t *mac)
{
	return !(mac[0] | mac[1] | mac[2] | mac[3] | mac[4] | mac[5]);
}

/*
 * An interface: "vethernet N", "ethernet N", any abbreviation of the type
 * word ("veth N", "eth N", "v N"), joined or not ("vethernet3", "Veth3"),
 * in any case. Returns the number of words used (1 or 2) or -1.
 */
int parse_port(int argc, char **argv, struct port_ref *ref);

enum port_fmt {
	PORT_FMT_LONG,		/* Vethernet3 */
	PORT_FMT_SHORT,		/* Veth3 */
	PORT_FMT_JSON,		/* vethernet3 */
	PORT_FMT_WORDS,		/* vethernet 3 */
};
const char *port_type_name(uint8_t type);	/* vethernet, ethernet */
void port_format(const struct port_ref *ref, enum port_fmt fmt, char *buf,
		 size_t len);

/* A network device name as the kernel accepts it (dev_valid_name()). */
int parse_ifname(const char *s, char *ifname);

/*
 * Keywords. A word matches a keyword exactly or as a unique prefix,
 * ignoring case. A table is an array of structures whose first member is
 * the keyword (const char *). Returns the index, or -1 with a message:
 * 'unknown <what> "w" (expected a, b, c)' or 'ambiguous <what> "w": a, b'.
 */
int kw_lookup_table(const char *word, const void *table, size_t n,
		    size_t stride, const char *what);
#define kw_lookup(word, table, what) \
	kw_lookup_table(word, table, ARRAY_SIZE(table), sizeof((table)[0]), \
			what)
/* Sets 'missing <what> (expected a, b, c)' and returns -1. */
int kw_missing_table(const void *table, size_t n, size_t stride,
		     const char *what);
#define kw_missing(table, what) \
	kw_missing_table(table, ARRAY_SIZE(table), sizeof((table)[0]), what)

/* A keyword table of plain names. */
struct kw {
	const char *name;
};

#endif /* VSMCTL_PARSE_H */
