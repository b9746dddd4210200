// SPDX-License-Identifier: GPL-2.0
/*
 * config.c - the configuration model: VLANs, access-lists, port profiles
 * and interfaces kept in sorted arrays of pointers, their lookups, copies
 * and names. The entries of an access-list are one array of their own.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "parse.h"

void config_init(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
}

static void vec_free(struct config_vec *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		free(v->items[i]);
	free(v->items);
	memset(v, 0, sizeof(*v));
}

static void acl_free(struct config_acl *acl)
{
	free(acl->entries);
	free(acl);
}

void config_free(struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->acls.n; i++)
		free(config_acl_at(cfg, i)->entries);
	for (i = 0; i < cfg->ifaces.n; i++)
		free(config_iface_at(cfg, i)->sticky);
	vec_free(&cfg->vlans);
	vec_free(&cfg->acls);
	vec_free(&cfg->qos);
	vec_free(&cfg->profiles);
	vec_free(&cfg->ifaces);
}

static int vec_clone(struct config_vec *dst, const struct config_vec *src,
		     size_t size)
{
	memset(dst, 0, sizeof(*dst));
	if (!src->n)
		return 0;
	dst->items = calloc(src->n, sizeof(*dst->items));
	if (!dst->items)
		return -ENOMEM;
	dst->cap = src->n;
	for (dst->n = 0; dst->n < src->n; dst->n++) {
		dst->items[dst->n] = malloc(size);
		if (!dst->items[dst->n])
			return -ENOMEM;
		memcpy(dst->items[dst->n], src->items[dst->n], size);
	}
	return 0;
}

/* A copy of the n elements of size bytes at from; NULL if n is 0 or no memory. */
static void *memdup_n(const void *from, size_t n, size_t size)
{
	void *p;

	if (!n)
		return NULL;
	p = malloc(n * size);
	if (p)
		memcpy(p, from, n * size);
	return p;
}

/* The entries of the access-lists vec_clone() copied, made their own. */
static int acls_clone(struct config *dst)
{
	size_t i, done;

	for (i = 0; i < dst->acls.n; i++) {
		struct config_acl *acl = config_acl_at(dst, i);

		acl->entries = memdup_n(acl->entries, acl->n,
					sizeof(*acl->entries));
		acl->cap = acl->n;
		if (acl->n && !acl->entries)
			goto fail;
	}
	return 0;
fail:
	/* The lists after i still point at the source's entries. */
	for (done = i + 1; done < dst->acls.n; done++)
		config_acl_at(dst, done)->entries = NULL;
	return -ENOMEM;
}

/* The sticky addresses of the interfaces vec_clone() copied, likewise. */
static int ifaces_clone(struct config *dst)
{
	size_t i, done;

	for (i = 0; i < dst->ifaces.n; i++) {
		struct config_iface *ifc = config_iface_at(dst, i);

		ifc->sticky = memdup_n(ifc->sticky, ifc->nsticky,
				       sizeof(*ifc->sticky));
		ifc->sticky_cap = ifc->nsticky;
		if (ifc->nsticky && !ifc->sticky)
			goto fail;
	}
	return 0;
fail:
	for (done = i + 1; done < dst->ifaces.n; done++)
		config_iface_at(dst, done)->sticky = NULL;
	return -ENOMEM;
}

int config_clone(struct config *dst, const struct config *src)
{
	size_t i;

	config_init(dst);
	if (vec_clone(&dst->acls, &src->acls, sizeof(struct config_acl))) {
		/* Not the source's entries: config_free() frees them. */
		for (i = 0; i < dst->acls.n; i++)
			config_acl_at(dst, i)->entries = NULL;
		config_free(dst);
		return -ENOMEM;
	}
	if (acls_clone(dst) ||
	    vec_clone(&dst->vlans, &src->vlans, sizeof(struct config_vlan)) ||
	    vec_clone(&dst->qos, &src->qos, sizeof(struct config_qos)) ||
	    vec_clone(&dst->profiles, &src->profiles,
		      sizeof(struct config_profile)) ||
	    vec_clone(&dst->ifaces, &src->ifaces,
		      sizeof(struct config_iface))) {
		/* Not the source's addresses: config_free() frees them. */
		for (i = 0; i < dst->ifaces.n; i++)
			config_iface_at(dst, i)->sticky = NULL;
		config_free(dst);
		return -ENOMEM;
	}
	if (ifaces_clone(dst)) {
		config_free(dst);
		return -ENOMEM;
	}
	return 0;
}

void config_move(struct config *dst, struct config *src)
{
	config_free(dst);
	*dst = *src;
	config_init(src);
}

/*
 * Binary search: the index of the element equal to key (*found true) or
 * where it would go.
 */
static size_t vec_search(const struct config_vec *v, const void *key,
			 int (*cmp)(const void *key, const void *item),
			 bool *found)
{
	size_t lo = 0, hi = v->n;

	*found = false;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp(key, v->items[mid]);

		if (!c) {
			*found = true;
			return mid;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static int vec_insert(struct config_vec *v, size_t at, void *item)
{
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 8;
		void **items = realloc(v->items, cap * sizeof(*items));

		if (!items)
			return -ENOMEM;
		v->items = items;
		v->cap = cap;
	}
	memmove(v->items + at + 1, v->items + at,
		(v->n - at) * sizeof(*v->items));
	v->items[at] = item;
	v->n++;
	return 0;
}

static void vec_remove(struct config_vec *v, size_t at)
{
	memmove(v->items + at, v->items + at + 1,
		(v->n - at - 1) * sizeof(*v->items));
	v->n--;
}

/* Find key in v, or insert a zeroed element of size bytes made by init. */
static void *vec_get(struct config_vec *v, const void *key,
		     int (*cmp)(const void *key, const void *item),
		     size_t size, void (*init)(void *item, const void *key))
{
	bool found;
	size_t at = vec_search(v, key, cmp, &found);
	void *item;

	if (found)
		return v->items[at];
	item = calloc(1, size);
	if (!item)
		return NULL;
	init(item, key);
	if (vec_insert(v, at, item)) {
		free(item);
		return NULL;
	}
	return item;
}

static bool vec_del(struct config_vec *v, const void *key,
		    int (*cmp)(const void *key, const void *item))
{
	bool found;
	size_t at = vec_search(v, key, cmp, &found);

	if (found) {
		free(v->items[at]);
		vec_remove(v, at);
	}
	return found;
}

static void *vec_find(const struct config_vec *v, const void *key,
		      int (*cmp)(const void *key, const void *item))
{
	bool found;
	size_t at = vec_search(v, key, cmp, &found);

	return found ? v->items[at] : NULL;
}

static int vlan_cmp(const void *key, const void *item)
{
	const uint16_t *id = key;
	const struct config_vlan *vlan = item;

	return (int)*id - (int)vlan->id;
}

static void vlan_init(void *item, const void *key)
{
	struct config_vlan *vlan = item;

	vlan->id = *(const uint16_t *)key;
}

static int profile_cmp(const void *key, const void *item)
{
	const struct config_profile *pp = item;

	return strcmp(key, pp->name);
}

static void profile_init(void *item, const void *key)
{
	struct config_profile *pp = item;

	/* Callers checked the name: at most CONFIG_NAME_MAX characters. */
	snprintf(pp->name, sizeof(pp->name), "%s", (const char *)key);
}

static int iface_cmp(const void *key, const void *item)
{
	const struct port_ref *ref = key;
	const struct config_iface *ifc = item;

	if (ref->type != ifc->ref.type)
		return ref->type < ifc->ref.type ? -1 : 1;
	if (ref->id != ifc->ref.id)
		return ref->id < ifc->ref.id ? -1 : 1;
	return 0;
}

static void iface_init(void *item, const void *key)
{
	struct config_iface *ifc = item;

	ifc->ref = *(const struct port_ref *)key;
}

struct acl_key {
	uint8_t kind;
	const char *name;
};

static int acl_cmp(const void *key, const void *item)
{
	const struct acl_key *k = key;
	const struct config_acl *acl = item;

	if (k->kind != acl->kind)
		return k->kind < acl->kind ? -1 : 1;
	return strcmp(k->name, acl->name);
}

static void acl_init(void *item, const void *key)
{
	const struct acl_key *k = key;
	struct config_acl *acl = item;

	acl->kind = k->kind;
	/* Callers checked the name: at most CONFIG_NAME_MAX characters. */
	snprintf(acl->name, sizeof(acl->name), "%s", k->name);
}

struct config_vlan *config_vlan_find(const struct config *cfg, uint16_t id)
{
	return vec_find(&cfg->vlans, &id, vlan_cmp);
}

struct config_profile *config_profile_find(const struct config *cfg,
					   const char *name)
{
	return vec_find(&cfg->profiles, name, profile_cmp);
}

struct config_iface *config_iface_find(const struct config *cfg,
				       const struct port_ref *ref)
{
	return vec_find(&cfg->ifaces, ref, iface_cmp);
}

struct config_iface *config_iface_find_vm(const struct config *cfg,
					  const char *vm, const uint8_t *mac)
{
	size_t i;

	for (i = 0; i < cfg->ifaces.n; i++) {
		struct config_iface *ifc = config_iface_at(cfg, i);

		if (config_has(&ifc->a, CONFIG_ATTR_VM) &&
		    !strcmp(ifc->a.vm, vm) && !memcmp(ifc->a.vm_mac, mac, 6))
			return ifc;
	}
	return NULL;
}

static int qos_cmp(const void *key, const void *item)
{
	return strcmp(key, ((const struct config_qos *)item)->name);
}

static void qos_init(void *item, const void *key)
{
	struct config_qos *q = item;

	snprintf(q->name, sizeof(q->name), "%s", (const char *)key);
}

struct config_qos *config_qos_find(const struct config *cfg, const char *name)
{
	return vec_find(&cfg->qos, name, qos_cmp);
}

struct config_qos *config_qos_get(struct config *cfg, const char *name)
{
	return vec_get(&cfg->qos, name, qos_cmp, sizeof(struct config_qos),
		       qos_init);
}

bool config_qos_del(struct config *cfg, const char *name)
{
	return vec_del(&cfg->qos, name, qos_cmp);
}

struct config_acl *config_acl_find(const struct config *cfg, uint8_t kind,
				   const char *name)
{
	struct acl_key k = { kind, name };

	return vec_find(&cfg->acls, &k, acl_cmp);
}

long config_profile_index(const struct config *cfg, const char *name)
{
	bool found;
	size_t at = vec_search(&cfg->profiles, name, profile_cmp, &found);

	return found ? (long)at : -1;
}

struct config_vlan *config_vlan_get(struct config *cfg, uint16_t id)
{
	return vec_get(&cfg->vlans, &id, vlan_cmp, sizeof(struct config_vlan),
		       vlan_init);
}

struct config_profile *config_profile_get(struct config *cfg,
					  const char *name, uint8_t type)
{
	struct config_profile *pp;
	bool is_new = !config_profile_find(cfg, name);

	pp = vec_get(&cfg->profiles, name, profile_cmp,
		     sizeof(struct config_profile), profile_init);
	if (pp && is_new)
		pp->type = type;
	return pp;
}

struct config_iface *config_iface_get(struct config *cfg,
				      const struct port_ref *ref)
{
	return vec_get(&cfg->ifaces, ref, iface_cmp,
		       sizeof(struct config_iface), iface_init);
}

struct config_acl *config_acl_get(struct config *cfg, uint8_t kind,
				  const char *name)
{
	struct acl_key k = { kind, name };

	return vec_get(&cfg->acls, &k, acl_cmp, sizeof(struct config_acl),
		       acl_init);
}

bool config_vlan_del(struct config *cfg, uint16_t id)
{
	return vec_del(&cfg->vlans, &id, vlan_cmp);
}

bool config_profile_del(struct config *cfg, const char *name)
{
	return vec_del(&cfg->profiles, name, profile_cmp);
}

bool config_iface_del(struct config *cfg, const struct port_ref *ref)
{
	struct config_iface *ifc = config_iface_find(cfg, ref);

	if (ifc)
		free(ifc->sticky);
	return vec_del(&cfg->ifaces, ref, iface_cmp);
}

static int sticky_cmp(const struct config_sticky *s, const uint8_t *mac,
		      uint16_t vlan)
{
	if (s->vlan != vlan)
		return s->vlan < vlan ? -1 : 1;
	return memcmp(s->mac, mac, 6);
}

/* Where (mac, vlan) is or would go in ifc->sticky. */
static size_t sticky_search(const struct config_iface *ifc,
			    const uint8_t *mac, uint16_t vlan, bool *found)
{
	size_t lo = 0, hi = ifc->nsticky;

	*found = false;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = sticky_cmp(&ifc->sticky[mid], mac, vlan);

		if (!c) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

long config_sticky_find(const struct config_iface *ifc, const uint8_t *mac,
			uint16_t vlan)
{
	bool found;
	size_t at = sticky_search(ifc, mac, vlan, &found);

	return found ? (long)at : -1;
}

int config_sticky_add(struct config_iface *ifc, const uint8_t *mac,
		      uint16_t vlan)
{
	bool found;
	size_t at = sticky_search(ifc, mac, vlan, &found);

	if (found)
		return 0;
	if (ifc->nsticky == ifc->sticky_cap) {
		size_t cap = ifc->sticky_cap ? 2 * ifc->sticky_cap : 4;
		struct config_sticky *n = realloc(ifc->sticky,
						  cap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		ifc->sticky = n;
		ifc->sticky_cap = cap;
	}
	memmove(&ifc->sticky[at + 1], &ifc->sticky[at],
		(ifc->nsticky - at) * sizeof(*ifc->sticky));
	memcpy(ifc->sticky[at].mac, mac, 6);
	ifc->sticky[at].vlan = vlan;
	ifc->nsticky++;
	return 0;
}

bool config_sticky_del(struct config_iface *ifc, const uint8_t *mac,
		       uint16_t vlan)
{
	bool found;
	size_t at = sticky_search(ifc, mac, vlan, &found);

	if (!found)
		return false;
	memmove(&ifc->sticky[at], &ifc->sticky[at + 1],
		(ifc->nsticky - at - 1) * sizeof(*ifc->sticky));
	ifc->nsticky--;
	return true;
}

bool config_acl_del(struct config *cfg, uint8_t kind, const char *name)
{
	struct acl_key k = { kind, name };
	bool found;
	size_t at = vec_search(&cfg->acls, &k, acl_cmp, &found);

	if (found) {
		acl_free(cfg->acls.items[at]);
		vec_remove(&cfg->acls, at);
	}
	return found;
}

/* Appends "sep item" to buf; once full, ends it with "..." and stops. */
static void list_add(char *buf, size_t len, size_t *pos, const char *item)
{
	int n;

	if (*pos >= len)
		return;
	n = snprintf(buf + *pos, len - *pos, "%s%s", *pos ? ", " : "", item);
	if (n < 0 || (size_t)n >= len - *pos) {
		if (len >= 4)
			strcpy(buf + len - 4, "...");
		*pos = len;
		return;
	}
	*pos += n;
}

size_t config_profile_users(const struct config *cfg, const char *name,
			    char *buf, size_t len)
{
	char item[CONFIG_NAME_MAX + 32];
	size_t i, pos = 0, count = 0;

	if (len)
		buf[0] = '\0';
	for (i = 0; i < cfg->profiles.n; i++) {
		const struct config_profile *pp = config_profile_at(cfg, i);

		if (!config_has(&pp->a, CONFIG_ATTR_INHERIT) ||
		    strcmp(pp->a.inherit, name))
			continue;
		snprintf(item, sizeof(item), "port-profile %s", pp->name);
		list_add(buf, len, &pos, item);
		count++;
	}
	for (i = 0; i < cfg->ifaces.n; i++) {
		const struct config_iface *ifc = config_iface_at(cfg, i);
		char port[PORT_STRLEN];

		if (!config_has(&ifc->a, CONFIG_ATTR_INHERIT) ||
		    strcmp(ifc->a.inherit, name))
			continue;
		port_format(&ifc->ref, PORT_FMT_WORDS, port, sizeof(port));
		snprintf(item, sizeof(item), "interface %s", port);
		list_add(buf, len, &pos, item);
		count++;
	}
	return count;
}

/* Whether a names the access-list (kind, name) in one of its slots. */
static bool attaches(const struct config_attrs *a, uint8_t kind,
		     const char *name)
{
	unsigned int dir, b;

	for (dir = 0; dir < CONFIG_ACL_DIRS; dir++) {
		b = CONFIG_ACL_BIND(kind, dir);
		if (config_has(a, CONFIG_ATTR_ACL(b)) && !strcmp(a->acl[b], name))
			return true;
	}
	return false;
}

size_t config_acl_users(const struct config *cfg, uint8_t kind,
			const char *name, char *buf, size_t len)
{
	char item[CONFIG_NAME_MAX + 32];
	size_t i, pos = 0, count = 0;

	if (len)
		buf[0] = '\0';
	for (i = 0; i < cfg->profiles.n; i++) {
		const struct config_profile *pp = config_profile_at(cfg, i);

		if (!attaches(&pp->a, kind, name))
			continue;
		snprintf(item, sizeof(item), "port-profile %s", pp->name);
		list_add(buf, len, &pos, item);
		count++;
	}
	for (i = 0; i < cfg->ifaces.n; i++) {
		const struct config_iface *ifc = config_iface_at(cfg, i);
		char port[PORT_STRLEN];

		if (!attaches(&ifc->a, kind, name))
			continue;
		port_format(&ifc->ref, PORT_FMT_WORDS, port, sizeof(port));
		snprintf(item, sizeof(item), "interface %s", port);
		list_add(buf, len, &pos, item);
		count++;
	}
	return count;
}

/* Whether a names policy-map name in either direction. */
static bool attaches_qos(const struct config_attrs *a, const char *name)
{
	unsigned int dir;

	for (dir = 0; dir < CONFIG_QOS_DIRS; dir++)
		if (config_has(a, CONFIG_ATTR_QOS(dir)) &&
		    !strcmp(a->qos[dir], name))
			return true;
	return false;
}

size_t config_qos_users(const struct config *cfg, const char *name,
			char *buf, size_t len)
{
	char item[CONFIG_NAME_MAX + 32];
	size_t i, pos = 0, count = 0;

	if (len)
		buf[0] = '\0';
	for (i = 0; i < cfg->profiles.n; i++) {
		const struct config_profile *pp = config_profile_at(cfg, i);

		if (!attaches_qos(&pp->a, name))
			continue;
		snprintf(item, sizeof(item), "port-profile %s", pp->name);
		list_add(buf, len, &pos, item);
		count++;
	}
	for (i = 0; i < cfg->ifaces.n; i++) {
		const struct config_iface *ifc = config_iface_at(cfg, i);
		char port[PORT_STRLEN];

		if (!attaches_qos(&ifc->a, name))
			continue;
		port_format(&ifc->ref, PORT_FMT_WORDS, port, sizeof(port));
		snprintf(item, sizeof(item), "interface %s", port);
		list_add(buf, len, &pos, item);
		count++;
	}
	return count;
}

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

int config_check_name(const char *s, size_t max, const char *what)
{
	size_t n = strlen(s), i;

	if (!n || n > max) {
		/* An over-long name is not worth echoing whole. */
		parse_fail("invalid %s \"%.20s%s\": %zu characters (1 to %zu allowed)",
			   what, s, n > 20 ? "..." : "", n, max);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (!name_char(s[i])) {
			parse_fail("invalid %s \"%s\": character %zu is not allowed (letters, digits, '_', '.' and '-' are)",
				   what, s, i + 1);
			return -1;
		}
	}
	return 0;
}

const char *config_mode_name(uint8_t mode)
{
	switch (mode) {
	case VEM_PORT_MODE_ACCESS:
		return "access";
	case VEM_PORT_MODE_TRUNK:
		return "trunk";
	}
	return "unknown";
}

const char *config_storm_kind_name(unsigned int kind)
{
	static const char *const names[CONFIG_STORM_KINDS] = {
		"broadcast", "multicast", "unicast",
	};

	return kind < CONFIG_STORM_KINDS ? names[kind] : "unknown";
}

const char *config_binding_name(uint8_t binding)
{
	switch (binding) {
	case CONFIG_BINDING_STATIC:
		return "static";
	case CONFIG_BINDING_EPHEMERAL:
		return "ephemeral";
	}
	return "unknown";
}

const char *config_acl_kind_name(uint8_t kind)
{
	switch (kind) {
	case CONFIG_ACL_IP:
		return "ip";
	case CONFIG_ACL_IPV6:
		return "ipv6";
	case CONFIG_ACL_MAC:
		return "mac";
	}
	return "unknown";
}

const char *config_acl_bind_cmd(uint8_t kind)
{
	switch (kind) {
	case CONFIG_ACL_IP:
		return "ip port access-group";
	case CONFIG_ACL_IPV6:
		return "ipv6 port traffic-filter";
	case CONFIG_ACL_MAC:
		return "mac port access-group";
	}
	return "unknown";
}

const char *config_acl_dir_name(uint8_t dir)
{
	return dir == CONFIG_ACL_OUT ? "out" : "in";
}

const char *config_psec_violation_name(uint8_t v)
{
	switch (v) {
	case VEM_PSEC_SHUTDOWN:
		return "shutdown";
	case VEM_PSEC_RESTRICT:
		return "restrict";
	case VEM_PSEC_PROTECT:
		return "protect";
	}
	return "unknown";
}
