// SPDX-License-Identifier: GPL-2.0
/*
 * The MAC address table: (VLAN, MAC) -> port, learned from source addresses
 * or configured static, aged out by a periodic work item.
 */

#include <linux/etherdevice.h>
#include <linux/jiffies.h>

#include "vem.h"

static const struct rhashtable_params vem_fdb_params = {
	.head_offset = offsetof(struct vem_fdb_entry, rhnode),
	.key_offset = offsetof(struct vem_fdb_entry, key),
	.key_len = sizeof(struct vem_fdb_key),
	.automatic_shrinking = true,
};

/* The ageing work runs this often: often enough to age within 10%. */
static unsigned long vem_fdb_gc_interval(const struct vem_fdb *fdb)
{
	unsigned long ageing = READ_ONCE(fdb->ageing_time);

	if (!ageing)
		return 10 * HZ;
	return clamp(ageing / 10, HZ / 10, 10 * HZ);
}

/* Called under RCU, or with fdb->lock held. */
struct vem_fdb_entry *vem_fdb_lookup(struct vem_fdb *fdb, const u8 *addr, u16 vid)
{
	struct vem_fdb_key key = { .vid = vid };

	ether_addr_copy(key.addr, addr);
	return rhashtable_lookup(&fdb->table, &key, vem_fdb_params);
}

/* Must hold fdb->lock. */
static void vem_fdb_remove(struct vem_switch *sw, struct vem_fdb_entry *e)
{
	struct vem_fdb *fdb = &sw->fdb;

	lockdep_assert_held(&fdb->lock);
	rhashtable_remove_fast(&fdb->table, &e->rhnode, vem_fdb_params);
	hlist_del_rcu(&e->node);
	atomic_dec(&fdb->count);
	WRITE_ONCE(e->port->fdb_count, e->port->fdb_count - 1);
	atomic_inc(&fdb->gen);
	vem_nl_notify_fdb(sw, e, VEM_CMD_FDB_DEL, GFP_ATOMIC);
	kfree_rcu(e, rcu);
}

/*
 * Must hold fdb->lock. Returns the new entry, or an ERR_PTR: -ENOSPC when
 * the table is full, -EEXIST if the key is present.
 */
static struct vem_fdb_entry *vem_fdb_insert(struct vem_switch *sw,
					    struct vem_port *port,
					    const u8 *addr, u16 vid, u32 flags)
{
	struct vem_fdb *fdb = &sw->fdb;
	struct vem_fdb_entry *e;
	int err;

	lockdep_assert_held(&fdb->lock);
	if (atomic_read(&fdb->count) >= READ_ONCE(fdb->max))
		return ERR_PTR(-ENOSPC);
	/* One allocation per new address, not per frame: the bridge does too. */
	e = kzalloc(sizeof(*e), GFP_ATOMIC);
	if (!e)
		return ERR_PTR(-ENOMEM);
	ether_addr_copy(e->key.addr, addr);
	e->key.vid = vid;
	e->port = port;
	e->updated = jiffies;
	e->flags = flags;
	err = rhashtable_lookup_insert_fast(&fdb->table, &e->rhnode,
					    vem_fdb_params);
	if (err) {
		kfree(e);
		return ERR_PTR(err);
	}
	hlist_add_head_rcu(&e->node, &fdb->entries);
	atomic_inc(&fdb->count);
	WRITE_ONCE(port->fdb_count, port->fdb_count + 1);
	atomic_inc(&fdb->gen);
	return e;
}

static void vem_fdb_count_refused(struct vem_switch *sw, struct vem_port *port)
{
	struct vem_pcpu_stats *s = this_cpu_ptr(port->stats);

	atomic64_inc(&sw->fdb.learn_refused);
	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->learn_refused);
	u64_stats_update_end(&s->syncp);
}

/*
 * The slow half of vem_fdb_learn(): a new source, or one that moves to
 * @port. Everything is decided again under fdb->lock, where port counts
 * change. Called under rcu_read_lock with BH disabled.
 */
static bool vem_fdb_learn_locked(struct vem_switch *sw, struct vem_port *port,
				 const u8 *addr, u16 vid, u32 psec_max)
{
	struct vem_fdb *fdb = &sw->fdb;
	struct vem_fdb_entry *e;
	struct vem_port *old;
	bool ok = true;

	spin_lock(&fdb->lock);
	e = vem_fdb_lookup(fdb, addr, vid);
	if (e && e->port == port)
		goto out;		/* another CPU was first */
	if (e && (e->flags & VEM_FDB_F_STATIC)) {
		/* Static entries never move; secure elsewhere: refused here. */
		ok = !psec_max;
		goto out;
	}
	/* A new address, or one moving in: new to this port either way. */
	if (psec_max && port->fdb_count >= psec_max) {
		ok = false;
		goto out;
	}
	if (e) {
		/* A MAC move: the station now sits behind @port. */
		old = e->port;
		WRITE_ONCE(old->fdb_count, old->fdb_count - 1);
		WRITE_ONCE(port->fdb_count, port->fdb_count + 1);
		WRITE_ONCE(e->updated, jiffies);
		WRITE_ONCE(e->port, port);
		atomic_inc(&fdb->gen);
		vem_nl_notify_fdb(sw, e, VEM_CMD_FDB_NEW, GFP_ATOMIC);
		goto out;
	}
	e = vem_fdb_insert(sw, port, addr, vid, 0);
	if (!IS_ERR(e)) {
		vem_nl_notify_fdb(sw, e, VEM_CMD_FDB_NEW, GFP_ATOMIC);
	} else if (PTR_ERR(e) == -ENOSPC) {
		vem_fdb_count_refused(sw, port);
		/* A secure port forwards from secure addresses only. */
		ok = !psec_max;
	}
out:
	spin_unlock(&fdb->lock);
	return ok;
}

/*
 * Learn that @addr in @vid sits behind @port. @psec_max: the port's
 * port-security maximum, 0 if port security is off. Returns false for a
 * port-security violation: an address that is not an entry of @port while
 * @port has @psec_max entries already, or that the table cannot take, or
 * that is static on another port. The frame is then to be dropped.
 * Called under rcu_read_lock with BH disabled, from the datapath.
 */
bool vem_fdb_learn(struct vem_switch *sw, struct vem_port *port,
		   const u8 *addr, u16 vid, u32 psec_max)
{
	struct vem_fdb_entry *e;
	unsigned long now = jiffies;

	e = vem_fdb_lookup(&sw->fdb, addr, vid);
	if (likely(e)) {
		if (likely(READ_ONCE(e->port) == port)) {
			/* Write only on change: keeps the cache line shared. */
			if (!(e->flags & VEM_FDB_F_STATIC) &&
			    READ_ONCE(e->updated) != now)
				WRITE_ONCE(e->updated, now);
			return true;
		}
		if (e->flags & VEM_FDB_F_STATIC)
			return !psec_max;
	}
	return vem_fdb_learn_locked(sw, port, addr, vid, psec_max);
}

/*
 * Add or replace a static entry. Must hold vem_mutex.
 * Returns -ENOSPC when the table is full.
 */
int vem_fdb_add_static(struct vem_switch *sw, struct vem_port *port,
		       const u8 *addr, u16 vid)
{
	struct vem_fdb *fdb = &sw->fdb;
	struct vem_fdb_entry *e;

	ASSERT_VEM_LOCKED();

	spin_lock_bh(&fdb->lock);
	e = vem_fdb_lookup(fdb, addr, vid);
	/* Entries are immutable but for port and age: replace, never edit. */
	if (e)
		vem_fdb_remove(sw, e);
	e = vem_fdb_insert(sw, port, addr, vid, VEM_FDB_F_STATIC);
	if (!IS_ERR(e))
		vem_nl_notify_fdb(sw, e, VEM_CMD_FDB_NEW, GFP_ATOMIC);
	spin_unlock_bh(&fdb->lock);
	return PTR_ERR_OR_ZERO(e);
}

/* Process context. Returns -ENOENT if there is no such entry. */
int vem_fdb_delete(struct vem_switch *sw, const u8 *addr, u16 vid)
{
	struct vem_fdb *fdb = &sw->fdb;
	struct vem_fdb_entry *e;
	int err = -ENOENT;

	spin_lock_bh(&fdb->lock);
	e = vem_fdb_lookup(fdb, addr, vid);
	if (e) {
		vem_fdb_remove(sw, e);
		err = 0;
	}
	spin_unlock_bh(&fdb->lock);
	return err;
}

/*
 * Remove the entries of @port (any port if NULL) in @vid (any VLAN if 0);
 * static entries only if @with_static. Process context.
 */
void vem_fdb_flush(struct vem_switch *sw, const struct vem_port *port,
		   u16 vid, bool with_static)
{
	struct vem_fdb *fdb = &sw->fdb;
	struct vem_fdb_entry *e;
	struct hlist_node *tmp;

	spin_lock_bh(&fdb->lock);
	hlist_for_each_entry_safe(e, tmp, &fdb->entries, node) {
		if (port && READ_ONCE(e->port) != port)
			continue;
		if (vid && e->key.vid != vid)
			continue;
		if (!with_static && (e->flags & VEM_FDB_F_STATIC))
			continue;
		vem_fdb_remove(sw, e);
	}
	spin_unlock_bh(&fdb->lock);
}

static void vem_fdb_gc(struct work_struct *work)
{
	struct vem_fdb *fdb = container_of(to_delayed_work(work),
					   struct vem_fdb, gc_work);
	struct vem_switch *sw = container_of(fdb, struct vem_switch, fdb);
	unsigned long ageing = READ_ONCE(fdb->ageing_time);
	struct vem_fdb_entry *e;
	struct hlist_node *tmp;

	if (ageing) {
		rcu_read_lock();	/* for vem_psec_sticky() */
		spin_lock_bh(&fdb->lock);
		hlist_for_each_entry_safe(e, tmp, &fdb->entries, node) {
			if (e->flags & VEM_FDB_F_STATIC)
				continue;
			if (!time_after(jiffies, READ_ONCE(e->updated) + ageing))
				continue;
			/* Sticky addresses stay until userspace makes them static. */
			if (vem_psec_sticky(e->port))
				continue;
			vem_fdb_remove(sw, e);
		}
		spin_unlock_bh(&fdb->lock);
		rcu_read_unlock();
	}
	queue_delayed_work(system_power_efficient_wq, &fdb->gc_work,
			   vem_fdb_gc_interval(fdb));
}

/* Must hold vem_mutex. The work picks up the new interval at once. */
void vem_fdb_set_ageing(struct vem_fdb *fdb, u32 ageing_s)
{
	WRITE_ONCE(fdb->ageing_time, (unsigned long)ageing_s * HZ);
	mod_delayed_work(system_power_efficient_wq, &fdb->gc_work, 0);
}

int vem_fdb_init(struct vem_fdb *fdb, struct vem_switch *sw, u32 ageing_s, u32 max)
{
	int err;

	err = rhashtable_init(&fdb->table, &vem_fdb_params);
	if (err)
		return err;
	INIT_HLIST_HEAD(&fdb->entries);
	spin_lock_init(&fdb->lock);
	atomic_set(&fdb->count, 0);
	atomic_set(&fdb->gen, 1);
	atomic64_set(&fdb->learn_refused, 0);
	fdb->max = max;
	fdb->ageing_time = (unsigned long)ageing_s * HZ;
	INIT_DELAYED_WORK(&fdb->gc_work, vem_fdb_gc);
	queue_delayed_work(system_power_efficient_wq, &fdb->gc_work,
			   vem_fdb_gc_interval(fdb));
	return 0;
}

/*
 * Every port is unbound: no datapath reader is left. Dumps may still walk
 * the entry list under RCU, so entries go through kfree_rcu.
 * Must hold vem_mutex.
 */
void vem_fdb_uninit(struct vem_fdb *fdb)
{
	struct vem_switch *sw = container_of(fdb, struct vem_switch, fdb);

	cancel_delayed_work_sync(&fdb->gc_work);
	vem_fdb_flush(sw, NULL, 0, true);
	rhashtable_destroy(&fdb->table);
}
