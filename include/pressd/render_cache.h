/* render_cache.h - rendered title/content/excerpt of posts kept in memory
 * between requests (WordPress renders them again on every request).
 *
 * An entry is valid for one generation of the content tables: the number
 * in pressd_generation, which SQLite triggers bump on every write to them
 * (schema/004_render_generation.sql), so REST writes and CLI imports alike
 * invalidate it. It is keyed by the per-request state the rendering reads
 * too (the counters and the autop quirk flag on entry) and stores that state
 * on exit, so a hit leaves the request exactly as a render would have (gallery
 * and block ids numbered as WordPress numbers them within one response).
 * Outputs that depend on the request itself are keyed by what they depend
 * on, as the renderer reports it in ctx->vary (RENDER_VARY_* in render.h):
 * the request URI and Host, the user, today's date; RENDER_UNCACHEABLE ones
 * are never stored. One cache per process, shared by all worker threads, bounded in
 * bytes, least recently used entries go first. Not here: when to use it
 * (post_json.c asks for GET requests only). */
#ifndef PRESSD_RENDER_CACHE_H
#define PRESSD_RENDER_CACHE_H

#include <stddef.h>

#include "pressd/buf.h"
#include "pressd/render.h"

struct store;

#define RENDER_CACHE_DEFAULT_MAX ((size_t)64 << 20) /* 64 MiB */

enum render_cache_field {
	RENDER_CACHE_TITLE = 1,    /* title.rendered */
	RENDER_CACHE_CONTENT = 2,  /* content.rendered */
	RENDER_CACHE_EXCERPT = 3,  /* excerpt.rendered */
};

/* What an output is looked up by. Fill it with render_cache_key(). */
struct render_cache_key {
	long long generation;      /* pressd_generation.n when the request began */
	long post_id;
	int field;                 /* enum render_cache_field */
	int counters[16];          /* render_ctx.counters before rendering */
	int autop_reordered;       /* render_ctx.autop_reordered before rendering */
	unsigned vary;             /* 0 (callers); inside: the RENDER_VARY_* bits of a varying output */
};

/* Sets the bound in bytes (entries and their outputs); 0 turns the cache
 * off. Entries above a new, lower bound go at once. Thread-safe. */
void render_cache_set_max(size_t bytes);

/* The current bound in bytes (RENDER_CACHE_DEFAULT_MAX until set). */
size_t render_cache_max(void);

/* The bytes in use now (entries and outputs). */
size_t render_cache_bytes(void);

/* pressd_generation.n of st (one cached statement), or -1 when it cannot be
 * read (an old schema): then nothing should be cached. */
long long render_cache_generation(struct store *st);

/* The key of field of post_id rendered with ctx as it is now. */
void render_cache_key(struct render_cache_key *k, long long generation, long post_id, int field,
		      const struct render_ctx *ctx);

/* 1: a hit, the output appended to out and ctx's counters and autop flag set
 * to what rendering would have left; 0: a miss (nothing changed but ctx->now,
 * set when 0 and the output depends on today); or a pd_err from appending.
 * An output that varies is found only if it was rendered with the same
 * values of what it varies by as ctx has now. */
int render_cache_get(const struct render_cache_key *k, struct render_ctx *ctx, struct buf *out);

/* Keeps s[0..n) as the output for k, ctx being the state after rendering
 * (ctx->vary: what the output depends on, the request values in ctx: those
 * it was rendered with). Does nothing when ctx->vary has RENDER_UNCACHEABLE,
 * the generation is unknown (< 0) or the cache is off. Copies s; never fails
 * visibly (no memory: not cached). */
void render_cache_put(const struct render_cache_key *k, const struct render_ctx *ctx, const char *s, size_t n);

/* Drops every entry (tests). */
void render_cache_clear(void);

#endif
