/* render_cache.c - tests of server/render_cache.c: hits and misses, the
 * per-request state a hit restores, the generation the triggers bump, the
 * byte bound and LRU eviction, and many threads at once. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "pressd/err.h"
#include "pressd/render_cache.h"
#include "pressd/store.h"
#include "test.h"

static void put_str(long id, int field, long long gen, struct render_ctx *ctx, const char *s)
{
	struct render_cache_key k;
	render_cache_key(&k, gen, id, field, ctx);
	render_cache_put(&k, ctx, s, strlen(s));
}

/* 1 and *out filled on a hit (caller frees), 0 on a miss. */
static int get_str(long id, int field, long long gen, struct render_ctx *ctx, struct buf *out)
{
	struct render_cache_key k;
	render_cache_key(&k, gen, id, field, ctx);
	return render_cache_get(&k, ctx, out);
}

TEST(render_cache_hit_miss)
{
	struct render_ctx ctx = { 0 };
	struct buf b = BUF_INIT;
	render_cache_clear();
	render_cache_set_max(RENDER_CACHE_DEFAULT_MAX);
	ASSERT_INT_EQ(get_str(1, RENDER_CACHE_CONTENT, 7, &ctx, &b), 0);
	put_str(1, RENDER_CACHE_CONTENT, 7, &ctx, "<p>one</p>\n");
	ASSERT_INT_EQ(get_str(1, RENDER_CACHE_CONTENT, 7, &ctx, &b), 1);
	ASSERT_STR_EQ(buf_str(&b), "<p>one</p>\n");
	buf_reset(&b);
	/* another field, post or generation is another entry */
	ASSERT_INT_EQ(get_str(1, RENDER_CACHE_TITLE, 7, &ctx, &b), 0);
	ASSERT_INT_EQ(get_str(2, RENDER_CACHE_CONTENT, 7, &ctx, &b), 0);
	ASSERT_INT_EQ(get_str(1, RENDER_CACHE_CONTENT, 8, &ctx, &b), 0);
	/* an unknown generation (old schema) never hits nor stores */
	put_str(3, RENDER_CACHE_CONTENT, -1, &ctx, "x");
	ASSERT_INT_EQ(get_str(3, RENDER_CACHE_CONTENT, -1, &ctx, &b), 0);
	/* an empty output is an output */
	put_str(4, RENDER_CACHE_EXCERPT, 7, &ctx, "");
	ASSERT_INT_EQ(get_str(4, RENDER_CACHE_EXCERPT, 7, &ctx, &b), 1);
	ASSERT_INT_EQ(b.len, 0);
	buf_free(&b);
}

TEST(render_cache_request_state)
{
	struct render_ctx ctx = { 0 };
	struct buf b = BUF_INIT;
	render_cache_clear();
	render_cache_set_max(RENDER_CACHE_DEFAULT_MAX);
	/* rendered with gallery counter 0 -> 1 and the autop quirk switched on */
	struct render_cache_key k;
	render_cache_key(&k, 3, 10, RENDER_CACHE_CONTENT, &ctx);
	ctx.counters[RENDER_COUNTER_GALLERY] = 1;
	ctx.autop_reordered = 1;
	render_cache_put(&k, &ctx, "gallery-1", 9);
	/* a later request starting from zero gets the output and the state after it */
	struct render_ctx fresh = { 0 };
	ASSERT_INT_EQ(get_str(10, RENDER_CACHE_CONTENT, 3, &fresh, &b), 1);
	ASSERT_STR_EQ(buf_str(&b), "gallery-1");
	ASSERT_INT_EQ(fresh.counters[RENDER_COUNTER_GALLERY], 1);
	ASSERT_INT_EQ(fresh.autop_reordered, 1);
	buf_reset(&b);
	/* the same post after another gallery in the same response: the counter
	 * is 1 on entry, so the stored "gallery-1" must not be used */
	ASSERT_INT_EQ(get_str(10, RENDER_CACHE_CONTENT, 3, &fresh, &b), 0);
	/* RENDER_UNCACHEABLE outputs are never stored */
	struct render_ctx u = { 0 };
	render_cache_key(&k, 3, 11, RENDER_CACHE_CONTENT, &u);
	u.vary = RENDER_UNCACHEABLE | RENDER_VARY_USER;
	render_cache_put(&k, &u, "uniqid", 6);
	struct render_ctx v = { 0 };
	ASSERT_INT_EQ(get_str(11, RENDER_CACHE_CONTENT, 3, &v, &b), 0);
	buf_free(&b);
}

/* Renders "output" as a block reading `bits` would: the output names the
 * values it saw, and ctx->vary says which. Stores it like post_json.c. */
static void put_varying(long id, unsigned bits, struct render_ctx *ctx)
{
	struct render_cache_key k;
	struct buf out = BUF_INIT;
	render_cache_key(&k, 9, id, RENDER_CACHE_CONTENT, ctx);
	ctx->vary = 0;
	if (bits & RENDER_VARY_REQUEST)
		buf_printf(&out, "[%s|%s]", ctx->request_uri ? ctx->request_uri : "(null)",
			   ctx->request_host_url ? ctx->request_host_url : "(null)");
	if (bits & RENDER_VARY_USER)
		buf_printf(&out, "[user %ld]", ctx->user_id);
	if (bits & RENDER_VARY_TIME) {
		struct tm t;
		render_today(ctx, &t);
		buf_printf(&out, "[day %d]", t.tm_mday);
	}
	ctx->vary |= bits;
	ctx->counters[RENDER_COUNTER_UNIQUE_ID]++;
	render_cache_put(&k, ctx, buf_str(&out), out.len);
	buf_free(&out);
}

/* The cached output of post id for ctx, "" on a miss. */
static const char *got_varying(long id, struct render_ctx *ctx, struct buf *out)
{
	struct render_cache_key k;
	buf_reset(out);
	render_cache_key(&k, 9, id, RENDER_CACHE_CONTENT, ctx);
	return render_cache_get(&k, ctx, out) == 1 ? buf_str(out) : "";
}

TEST(render_cache_vary_request_user)
{
	struct buf b = BUF_INIT;
	render_cache_clear();
	render_cache_set_max(RENDER_CACHE_DEFAULT_MAX);
	struct render_ctx a = { .request_uri = "/wp-json/wp/v2/posts", .request_host_url = "http://h:1" };
	put_varying(20, RENDER_VARY_REQUEST | RENDER_VARY_USER, &a);
	ASSERT_INT_EQ(a.counters[RENDER_COUNTER_UNIQUE_ID], 1);
	/* the same request values: a hit, with the counters rendering leaves */
	struct render_ctx same = { .request_uri = "/wp-json/wp/v2/posts", .request_host_url = "http://h:1" };
	ASSERT_STR_EQ(got_varying(20, &same, &b), "[/wp-json/wp/v2/posts|http://h:1][user 0]");
	ASSERT_INT_EQ(same.counters[RENDER_COUNTER_UNIQUE_ID], 1);
	/* another URI, Host (or none), user: misses */
	struct render_ctx uri = { .request_uri = "/wp-json/wp/v2/posts?page=2", .request_host_url = "http://h:1" };
	ASSERT_STR_EQ(got_varying(20, &uri, &b), "");
	ASSERT_INT_EQ(uri.counters[RENDER_COUNTER_UNIQUE_ID], 0);
	struct render_ctx host = { .request_uri = "/wp-json/wp/v2/posts", .request_host_url = "http://h:2" };
	ASSERT_STR_EQ(got_varying(20, &host, &b), "");
	struct render_ctx nohost = { .request_uri = "/wp-json/wp/v2/posts" };
	ASSERT_STR_EQ(got_varying(20, &nohost, &b), "");
	struct render_ctx user = { .request_uri = "/wp-json/wp/v2/posts", .request_host_url = "http://h:1", .user_id = 1 };
	ASSERT_STR_EQ(got_varying(20, &user, &b), "");
	/* ... and once rendered, each is kept beside the first */
	put_varying(20, RENDER_VARY_REQUEST | RENDER_VARY_USER, &user);
	user.counters[RENDER_COUNTER_UNIQUE_ID] = 0;
	ASSERT_STR_EQ(got_varying(20, &user, &b), "[/wp-json/wp/v2/posts|http://h:1][user 1]");
	same.counters[RENDER_COUNTER_UNIQUE_ID] = 0;
	ASSERT_STR_EQ(got_varying(20, &same, &b), "[/wp-json/wp/v2/posts|http://h:1][user 0]");
	/* values are compared whole, not by a hash or a prefix: "R" boundaries hold */
	struct render_ctx shift = { .request_uri = "/wp-json/wp/v2/postsR15:http://h:1", .request_host_url = "" };
	ASSERT_STR_EQ(got_varying(20, &shift, &b), "");
	/* the key stays exact under the counters too */
	struct render_ctx later = same;
	later.counters[RENDER_COUNTER_UNIQUE_ID] = 1;
	ASSERT_STR_EQ(got_varying(20, &later, &b), "");
	/* an output that reads only the URI is shared by all users */
	struct render_ctx r1 = { .request_uri = "/x", .user_id = 1 }, r2 = { .request_uri = "/x", .user_id = 2 };
	put_varying(21, RENDER_VARY_REQUEST, &r1);
	ASSERT_STR_EQ(got_varying(21, &r2, &b), "[/x|(null)]");
	/* a write (next generation) drops markers and outputs alike */
	struct render_ctx g = { 0 };
	struct render_cache_key k;
	render_cache_key(&k, 10, 99, RENDER_CACHE_TITLE, &g);
	render_cache_put(&k, &g, "t", 1);
	ASSERT_STR_EQ(got_varying(20, &same, &b), "");
	buf_free(&b);
}

TEST(render_cache_vary_time)
{
	struct buf b = BUF_INIT;
	render_cache_clear();
	render_cache_set_max(RENDER_CACHE_DEFAULT_MAX);
	/* 2026-03-10 12:00 UTC, the same day in the process's zone at noon +-11h */
	long long noon = 1773144000;
	struct render_ctx a = { .now = noon };
	put_varying(30, RENDER_VARY_TIME, &a);
	struct render_ctx later = { .now = noon + 600 };
	ASSERT_STR_EQ(got_varying(30, &later, &b), "[day 10]");
	struct render_ctx tomorrow = { .now = noon + 86400 };
	ASSERT_STR_EQ(got_varying(30, &tomorrow, &b), "");
	/* without a time, the lookup takes now and keeps it for the render */
	struct render_ctx unset = { 0 };
	ASSERT_STR_EQ(got_varying(30, &unset, &b), "");
	ASSERT(unset.now >= noon);
	buf_free(&b);
}

TEST(render_cache_generation_triggers)
{
	char path[64];
	struct store *st = NULL;
	snprintf(path, sizeof path, "/tmp/pressd-rcache-%d.db", (int)getpid());
	unlink(path);
	ASSERT_INT_EQ(store_open(path, STORE_CREATE, &st, NULL), PD_OK);
	long long g0 = render_cache_generation(st);
	ASSERT(g0 >= 1);
	/* every content table counts */
	ASSERT_INT_EQ(store_exec(st, "INSERT INTO wp_posts (ID, post_title) VALUES (5, 'a')"), PD_OK);
	long long g1 = render_cache_generation(st);
	ASSERT(g1 > g0);
	ASSERT_INT_EQ(store_exec(st, "UPDATE wp_posts SET post_title = 'b' WHERE ID = 5"), PD_OK);
	long long g2 = render_cache_generation(st);
	ASSERT(g2 > g1);
	ASSERT_INT_EQ(store_option_set(st, "use_smilies", "0"), PD_OK);
	long long g3 = render_cache_generation(st);
	ASSERT(g3 > g2);
	ASSERT_INT_EQ(store_exec(st, "INSERT INTO wp_postmeta (post_id, meta_key, meta_value) VALUES (5, 'k', 'v')"), PD_OK);
	long long g4 = render_cache_generation(st);
	ASSERT(g4 > g3);
	ASSERT_INT_EQ(store_exec(st, "INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (1, 'nickname', 'n')"), PD_OK);
	long long g5 = render_cache_generation(st);
	ASSERT(g5 > g4);
	/* application-password bookkeeping does not */
	ASSERT_INT_EQ(store_exec(st, "INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (1, '_application_passwords', 'a:0:{}')"), PD_OK);
	ASSERT_INT_EQ(store_exec(st, "UPDATE wp_usermeta SET meta_value = 'a:1:{}' WHERE meta_key = '_application_passwords'"), PD_OK);
	ASSERT_INT_EQ(render_cache_generation(st), g5);
	ASSERT_INT_EQ(store_exec(st, "DELETE FROM wp_posts WHERE ID = 5"), PD_OK);
	ASSERT(render_cache_generation(st) > g5);
	store_close(st);
	unlink(path);
}

TEST(render_cache_invalidation)
{
	struct render_ctx ctx = { 0 };
	struct buf b = BUF_INIT;
	render_cache_clear();
	render_cache_set_max(RENDER_CACHE_DEFAULT_MAX);
	for (long id = 1; id <= 100; id++)
		put_str(id, RENDER_CACHE_TITLE, 20, &ctx, "old title");
	size_t before = render_cache_bytes();
	ASSERT(before > 0);
	/* a write: the next request asks with a new generation and misses */
	ASSERT_INT_EQ(get_str(1, RENDER_CACHE_TITLE, 21, &ctx, &b), 0);
	/* storing under the new generation drops that shard's older entries */
	for (long id = 1; id <= 100; id++)
		put_str(id, RENDER_CACHE_TITLE, 21, &ctx, "new title");
	ASSERT_INT_EQ(get_str(1, RENDER_CACHE_TITLE, 20, &ctx, &b), 0);
	ASSERT(render_cache_bytes() <= before);
	/* a request that began before the write cannot store its old output */
	put_str(1000, RENDER_CACHE_TITLE, 20, &ctx, "old");
	ASSERT_INT_EQ(get_str(1000, RENDER_CACHE_TITLE, 20, &ctx, &b), 0);
	ASSERT_INT_EQ(get_str(7, RENDER_CACHE_TITLE, 21, &ctx, &b), 1);
	ASSERT_STR_EQ(buf_str(&b), "new title");
	buf_free(&b);
}

TEST(render_cache_byte_bound_and_eviction)
{
	struct render_ctx ctx = { 0 };
	struct buf b = BUF_INIT;
	char big[4096];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	render_cache_clear();
	render_cache_set_max(256 << 10); /* 16 KiB a shard */
	for (long id = 1; id <= 1000; id++) {
		put_str(id, RENDER_CACHE_CONTENT, 30, &ctx, big);
		ASSERT(render_cache_bytes() <= (size_t)256 << 10);
	}
	/* the newest entries stay, the oldest went */
	ASSERT_INT_EQ(get_str(1000, RENDER_CACHE_CONTENT, 30, &ctx, &b), 1);
	ASSERT_INT_EQ(b.len, sizeof big - 1);
	buf_reset(&b);
	ASSERT_INT_EQ(get_str(1, RENDER_CACHE_CONTENT, 30, &ctx, &b), 0);
	/* larger than a shard: not kept at all */
	static char huge[64 << 10];
	memset(huge, 'y', sizeof huge - 1);
	put_str(5000, RENDER_CACHE_CONTENT, 30, &ctx, huge);
	ASSERT_INT_EQ(get_str(5000, RENDER_CACHE_CONTENT, 30, &ctx, &b), 0);
	/* a hit makes an entry recent: it survives a flood that evicts the others */
	render_cache_clear();
	render_cache_set_max(16 * 3 * (sizeof big + 256));
	put_str(1, RENDER_CACHE_CONTENT, 30, &ctx, big);
	for (long id = 2; id <= 400; id++) {
		ASSERT_INT_EQ(get_str(1, RENDER_CACHE_CONTENT, 30, &ctx, &b), 1);
		buf_reset(&b);
		put_str(id, RENDER_CACHE_CONTENT, 30, &ctx, big);
	}
	ASSERT_INT_EQ(get_str(1, RENDER_CACHE_CONTENT, 30, &ctx, &b), 1);
	buf_reset(&b);
	ASSERT_INT_EQ(get_str(2, RENDER_CACHE_CONTENT, 30, &ctx, &b), 0);
	/* lowering the bound evicts at once; 0 turns the cache off */
	render_cache_set_max(0);
	ASSERT_INT_EQ(render_cache_bytes(), 0);
	put_str(1, RENDER_CACHE_CONTENT, 30, &ctx, "x");
	ASSERT_INT_EQ(get_str(1, RENDER_CACHE_CONTENT, 30, &ctx, &b), 0);
	render_cache_set_max(RENDER_CACHE_DEFAULT_MAX);
	buf_free(&b);
}

struct worker {
	int id;
	int errors;    /* hits whose text was not the one stored for the key */
};

static void *hammer(void *arg)
{
	struct worker *w = arg;
	struct buf b = BUF_INIT;
	char want[64];
	for (int i = 0; i < 20000; i++) {
		long id = (i * 7 + w->id) % 300;
		long long gen = 40 + i / 5000; /* a few "writes" while running */
		struct render_ctx ctx = { 0 };
		snprintf(want, sizeof want, "post %ld gen %lld", id, gen);
		buf_reset(&b);
		int r = get_str(id, RENDER_CACHE_CONTENT, gen, &ctx, &b);
		if (r == 1 && strcmp(buf_str(&b), want) != 0)
			w->errors++;
		else if (r == 0)
			put_str(id, RENDER_CACHE_CONTENT, gen, &ctx, want);
	}
	buf_free(&b);
	return NULL;
}

TEST(render_cache_threads)
{
	enum { N = 8 };
	pthread_t t[N];
	struct worker w[N];
	render_cache_clear();
	render_cache_set_max(64 << 10); /* small: eviction runs concurrently too */
	for (int i = 0; i < N; i++) {
		w[i] = (struct worker){ i, 0 };
		ASSERT_INT_EQ(pthread_create(&t[i], NULL, hammer, &w[i]), 0);
	}
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < N; i++)
		ASSERT_INT_EQ(w[i].errors, 0);
	ASSERT(render_cache_bytes() <= 64 << 10);
	render_cache_clear();
	render_cache_set_max(RENDER_CACHE_DEFAULT_MAX);
}
