/* render_cache.c - the in-memory cache of rendered post fields (see
 * render_cache.h). Sixteen shards, each a chained hash table with its own
 * mutex and LRU list, share the byte bound equally. It does not decide what
 * is safe to cache: the renderer says what an output depends on
 * (render_ctx.vary), this file keys the output by those values.
 *
 * An output that varies is kept as two entries: a marker under the plain key
 * (generation, post, field, counters) holding the RENDER_VARY_* bits, and the
 * output under the plain key with those bits plus the values they name (the
 * request URI and Host, the user id, today's date), compared byte for byte. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/err.h"
#include "pressd/render_cache.h"
#include "pressd/store.h"

#define SHARDS 16
#define BUCKETS 4096 /* per shard */

struct entry {
	struct render_cache_key key; /* key.vary: the bits the values in text[] are for */
	unsigned marker;           /* a marker: the RENDER_VARY_* bits of the output, no text */
	size_t vlen;               /* bytes of the varying values at the start of text[] */
	int counters_after[16];    /* render_ctx.counters after rendering */
	int autop_after;           /* render_ctx.autop_reordered after rendering */
	uint64_t hash;
	struct entry *next;        /* in the bucket */
	struct entry *newer, *older; /* LRU list of the shard */
	size_t len;                /* bytes of the output, without the NUL */
	char text[];               /* vlen bytes of values, then the output, NUL-terminated */
};

struct shard {
	pthread_mutex_t lock;
	struct entry *buckets[BUCKETS];
	struct entry *newest, *oldest;
	size_t bytes;              /* sizeof entries + their text */
	long long generation;      /* the newest generation stored here */
};

static struct shard shards[SHARDS];
static size_t max_bytes = RENDER_CACHE_DEFAULT_MAX; /* whole cache; read without the locks */
static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init(void)
{
	for (int i = 0; i < SHARDS; i++)
		pthread_mutex_init(&shards[i].lock, NULL);
}

/* FNV-1a over the key, which render_cache_key() zeroes padding of, then
 * over the varying values. */
static uint64_t key_hash(const struct render_cache_key *k, const char *v, size_t vlen)
{
	const unsigned char *p = (const unsigned char *)k;
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < sizeof *k; i++)
		h = (h ^ p[i]) * 1099511628211ull;
	for (size_t i = 0; i < vlen; i++)
		h = (h ^ (unsigned char)v[i]) * 1099511628211ull;
	return h;
}

static size_t entry_size(const struct entry *e)
{
	return sizeof *e + e->vlen + e->len + 1;
}

/* Appends the values the bits name, as ctx has them, to out: what an output
 * rendered with those values is stored under. NULL strings and "" differ. */
static int vary_values(unsigned bits, struct render_ctx *ctx, struct buf *out)
{
	int rc = PD_OK;
	if (bits & RENDER_VARY_REQUEST) {
		const char *v[2] = { ctx->request_uri, ctx->request_host_url };
		for (int i = 0; i < 2 && !rc; i++)
			rc = v[i] ? buf_printf(out, "R%zu:%s", strlen(v[i]), v[i]) : buf_puts(out, "R-");
	}
	if (!rc && (bits & RENDER_VARY_USER))
		rc = buf_printf(out, "U%ld;", ctx->user_id);
	if (!rc && (bits & RENDER_VARY_TIME)) {
		struct render_ctx c = *ctx; /* render_today() marks c, not the caller */
		struct tm t;
		render_today(&c, &t);
		ctx->now = c.now; /* a render after a miss sees the day looked up */
		rc = buf_printf(out, "T%04d-%02d-%02d", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday);
	}
	return rc;
}

static void lru_unlink(struct shard *s, struct entry *e)
{
	if (e->newer)
		e->newer->older = e->older;
	else
		s->newest = e->older;
	if (e->older)
		e->older->newer = e->newer;
	else
		s->oldest = e->newer;
	e->newer = e->older = NULL;
}

static void lru_push(struct shard *s, struct entry *e)
{
	e->older = s->newest;
	e->newer = NULL;
	if (s->newest)
		s->newest->newer = e;
	s->newest = e;
	if (!s->oldest)
		s->oldest = e;
}

static void drop(struct shard *s, struct entry *e)
{
	struct entry **pp = &s->buckets[e->hash % BUCKETS];
	while (*pp != e)
		pp = &(*pp)->next;
	*pp = e->next;
	lru_unlink(s, e);
	s->bytes -= entry_size(e);
	free(e);
}

/* Drops the oldest entries until the shard holds at most limit bytes. */
static void shrink(struct shard *s, size_t limit)
{
	while (s->bytes > limit && s->oldest)
		drop(s, s->oldest);
}

static struct entry *find(struct shard *s, const struct render_cache_key *k, const char *v, size_t vlen,
			  uint64_t h)
{
	for (struct entry *e = s->buckets[h % BUCKETS]; e; e = e->next)
		if (e->hash == h && memcmp(&e->key, k, sizeof *k) == 0 && e->vlen == vlen &&
		    (!vlen || memcmp(e->text, v, vlen) == 0))
			return e;
	return NULL;
}

static struct shard *shard_of(uint64_t h)
{
	return &shards[(h >> 32) % SHARDS];
}

void render_cache_set_max(size_t bytes)
{
	pthread_once(&init_once, init);
	__atomic_store_n(&max_bytes, bytes, __ATOMIC_RELAXED);
	for (int i = 0; i < SHARDS; i++) {
		pthread_mutex_lock(&shards[i].lock);
		shrink(&shards[i], bytes / SHARDS);
		pthread_mutex_unlock(&shards[i].lock);
	}
}

size_t render_cache_max(void)
{
	return __atomic_load_n(&max_bytes, __ATOMIC_RELAXED);
}

size_t render_cache_bytes(void)
{
	pthread_once(&init_once, init);
	size_t n = 0;
	for (int i = 0; i < SHARDS; i++) {
		pthread_mutex_lock(&shards[i].lock);
		n += shards[i].bytes;
		pthread_mutex_unlock(&shards[i].lock);
	}
	return n;
}

void render_cache_clear(void)
{
	pthread_once(&init_once, init);
	for (int i = 0; i < SHARDS; i++) {
		pthread_mutex_lock(&shards[i].lock);
		shrink(&shards[i], 0);
		shards[i].generation = 0;
		pthread_mutex_unlock(&shards[i].lock);
	}
}

long long render_cache_generation(struct store *st)
{
	sqlite3_stmt *s = st ? store_stmt(st, "SELECT n FROM pressd_generation") : NULL;
	long long n = -1;
	if (!s)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	store_done(s);
	return n;
}

void render_cache_key(struct render_cache_key *k, long long generation, long post_id, int field,
		      const struct render_ctx *ctx)
{
	memset(k, 0, sizeof *k); /* padding too: the key is hashed and compared as bytes */
	k->generation = generation;
	k->post_id = post_id;
	k->field = field;
	memcpy(k->counters, ctx->counters, sizeof k->counters);
	k->autop_reordered = ctx->autop_reordered;
}

/* Looks k (with values v) up: the marker's bits in *marker, or the output
 * appended to out and ctx's state restored (1), or 0, or a pd_err. */
static int lookup(const struct render_cache_key *k, const char *v, size_t vlen, struct render_ctx *ctx,
		  struct buf *out, unsigned *marker)
{
	uint64_t h = key_hash(k, v, vlen);
	struct shard *s = shard_of(h);
	int rc = 0;
	*marker = 0;
	pthread_mutex_lock(&s->lock);
	struct entry *e = find(s, k, v, vlen, h);
	if (e && e->marker) {
		*marker = e->marker;
	} else if (e) {
		rc = buf_append(out, e->text + e->vlen, e->len);
		if (rc == PD_OK) {
			memcpy(ctx->counters, e->counters_after, sizeof ctx->counters);
			ctx->autop_reordered = e->autop_after;
			rc = 1;
		}
	}
	if (e) {
		lru_unlink(s, e);
		lru_push(s, e);
	}
	pthread_mutex_unlock(&s->lock);
	return rc;
}

int render_cache_get(const struct render_cache_key *k, struct render_ctx *ctx, struct buf *out)
{
	if (k->generation < 0 || k->vary || render_cache_max() == 0)
		return 0;
	pthread_once(&init_once, init);
	unsigned bits;
	int rc = lookup(k, NULL, 0, ctx, out, &bits);
	if (rc || !bits)
		return rc;
	/* the output varies: look for the one rendered with this request's values */
	struct render_cache_key kv = *k;
	struct buf v = BUF_INIT;
	kv.vary = bits;
	rc = vary_values(bits, ctx, &v);
	if (!rc)
		rc = lookup(&kv, buf_str(&v), v.len, ctx, out, &bits);
	buf_free(&v);
	return rc;
}

/* Stores an entry under k and values v: a marker of bits, or text[0..n)
 * with the state after it in ctx. Replaces one stored under the same key. */
static void store(const struct render_cache_key *k, const char *v, size_t vlen, unsigned bits,
		  const struct render_ctx *ctx, const char *text, size_t n)
{
	size_t limit = render_cache_max() / SHARDS;
	if (sizeof(struct entry) + vlen + n + 1 > limit)
		return;
	struct entry *e = malloc(sizeof *e + vlen + n + 1);
	if (!e)
		return;
	e->key = *k;
	e->marker = bits;
	e->vlen = vlen;
	memcpy(e->counters_after, ctx->counters, sizeof e->counters_after);
	e->autop_after = ctx->autop_reordered;
	e->hash = key_hash(k, v, vlen);
	e->len = n;
	if (vlen)
		memcpy(e->text, v, vlen);
	if (n)
		memcpy(e->text + vlen, text, n);
	e->text[vlen + n] = '\0';
	struct shard *s = shard_of(e->hash);
	pthread_mutex_lock(&s->lock);
	if (k->generation > s->generation) {
		/* a write happened: nothing older can be asked for again */
		for (struct entry *o = s->oldest, *next; o; o = next) {
			next = o->newer;
			if (o->key.generation < k->generation)
				drop(s, o);
		}
		s->generation = k->generation;
	} else if (k->generation < s->generation) {
		/* rendered by a request that began before the last write: useless */
		pthread_mutex_unlock(&s->lock);
		free(e);
		return;
	}
	struct entry *old = find(s, k, v, vlen, e->hash);
	if (old)
		drop(s, old);
	e->next = s->buckets[e->hash % BUCKETS];
	s->buckets[e->hash % BUCKETS] = e;
	lru_push(s, e);
	s->bytes += entry_size(e);
	shrink(s, limit);
	pthread_mutex_unlock(&s->lock);
}

void render_cache_put(const struct render_cache_key *k, const struct render_ctx *ctx, const char *text, size_t n)
{
	unsigned bits = ctx->vary;
	if ((bits & RENDER_UNCACHEABLE) || k->vary || k->generation < 0 || render_cache_max() == 0)
		return;
	pthread_once(&init_once, init);
	if (!bits) {
		store(k, NULL, 0, 0, ctx, text, n);
		return;
	}
	struct render_cache_key kv = *k;
	struct render_ctx c = *ctx;
	struct buf v = BUF_INIT;
	kv.vary = bits;
	if (vary_values(bits, &c, &v) == PD_OK) {
		/* the output first: a marker without it only costs a lookup */
		store(&kv, buf_str(&v), v.len, 0, ctx, text, n);
		store(k, NULL, 0, bits, ctx, NULL, 0);
	}
	buf_free(&v);
}
