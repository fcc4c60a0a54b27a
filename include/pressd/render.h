/* render.h - WordPress's rendering pipeline as pure functions: the_content,
 * the_title and the excerpt, producing the bytes WordPress 6.9 produces.
 *
 * The pipeline reads site data (attachments for srcset, posts and terms for
 * dynamic blocks) only through struct render_source, so it never touches the
 * store directly; server/render_store.c implements the source over SQLite.
 * Every function appends to `out` and returns PD_OK or a pd_err. */
#ifndef PRESSD_RENDER_H
#define PRESSD_RENDER_H

#include <time.h>

#include "pressd/buf.h"

/* An attachment as the content filters need it. Strings are borrowed from the
 * source and stay valid until the render call returns. */
struct render_attachment {
	long id;
	long parent;             /* post_parent */
	const char *mime;        /* post_mime_type, e.g. "image/jpeg" */
	const char *guid;        /* guid (WXR: the original URL) */
	const char *file;        /* _wp_attached_file, e.g. "2026/01/x.jpg"; "" if none */
	const char *metadata;    /* _wp_attachment_metadata, PHP-serialized; NULL if none */
	const char *alt;         /* _wp_attachment_image_alt; "" if none */
	const char *title;       /* post_title, raw */
	const char *caption;     /* post_excerpt, raw */
	const char *content;     /* post_content (description), raw */
};

/* A post as the post-* blocks read it (borrowed strings, raw columns). */
struct render_post {
	long id, author, parent;
	const char *type, *status, *name;
	const char *title, *content, *excerpt;   /* raw */
	const char *date, *date_gmt;             /* MySQL "YYYY-MM-DD HH:MM:SS", local and UTC */
	const char *modified, *modified_gmt;
	int has_password;                        /* post_password is not empty */
	int comments_open;                       /* comment_status is "open" */
	long comment_count;                      /* comment_count: approved comments */
};

/* A user as the author blocks read it (borrowed strings). */
struct render_user {
	long id;
	const char *display_name, *nicename, *email, *description;
};

/* A term (borrowed strings). */
struct render_term {
	long id, parent, count;
	const char *name, *slug;
};

/* A comment as the comment blocks read it (borrowed strings, raw columns). */
struct render_comment {
	long id, post_id, parent, user_id;
	const char *author, *author_email, *author_url;
	const char *date, *date_gmt;             /* comment_date (local), comment_date_gmt */
	const char *content;                     /* comment_content, raw */
	const char *type;                        /* comment_type: "comment", "pingback" ... */
	const char *approved;                    /* comment_approved: "1", "0" ... */
};

/* A WP_Query for published posts as the latest-posts block makes it. */
struct render_posts_query {
	const char *orderby;      /* "date" or "title" */
	int ascending;
	const long *categories;   /* category__in, or NULL */
	size_t ncategories;
	long author;              /* 0: any */
	const char *post_type;    /* NULL: "post" */
	const long *tags;         /* tag__in (term ids), or NULL */
	size_t ntags;
};

/* How the pipeline reads site data. Any callback may be NULL (treated as "not found"). */
struct render_source {
	void *ud;
	/* PD_OK and *out filled, or PD_ENOTFOUND. */
	int (*attachment)(void *ud, long id, struct render_attachment *out);
	/* The attachments of post `parent` (post_parent = parent, post_type
	 * attachment, mime type starting with mime_prefix, e.g. "image/"), in
	 * WordPress's default [gallery] order: menu_order ASC, ID ASC. Writes up
	 * to max ids, *n = how many were written. PD_OK (also when none). */
	int (*attachment_children)(void *ud, long parent, const char *mime_prefix,
				   long *ids, size_t max, size_t *n);
	/* get_permalink( id ) for an attachment or post, appended to out
	 * (e.g. "http://HOST/2010/08/08/gallery/canola2/"). PD_OK or PD_ENOTFOUND. */
	int (*permalink)(void *ud, long id, struct buf *out);
	/* get_post_meta( post_id, key, true ): the raw stored value (borrowed,
	 * valid until the render call returns) or NULL when absent. Used for
	 * `footnotes` (core/footnotes). */
	const char *(*post_meta)(void *ud, long post_id, const char *key);
	/* get_post( id ): PD_OK and *out filled, or PD_ENOTFOUND. */
	int (*post)(void *ud, long id, struct render_post *out);
	/* get_userdata( id ): PD_OK or PD_ENOTFOUND. */
	int (*user)(void *ud, long id, struct render_user *out);
	/* get_the_terms( post_id, taxonomy ) in WordPress's order (name ASC):
	 * up to max terms, *n = how many. PD_OK (also when none). */
	int (*post_terms)(void *ud, long post_id, const char *taxonomy, struct render_term *out,
			  size_t max, size_t *n);
	/* get_term_link() / get_author_posts_url(), appended to out. */
	int (*term_link)(void *ud, long term_id, const char *taxonomy, struct buf *out);
	int (*author_link)(void *ud, long user_id, struct buf *out);
	/* get_option( name ): raw value (borrowed) or NULL. */
	const char *(*option)(void *ud, const char *name);
	/* The number of approved comments on published posts (latest-comments); -1 unknown. */
	long (*approved_comments)(void *ud);
	/* The post_date (local "YYYY-MM-DD HH:MM:SS") of every published post of
	 * post_type, newest first, one per line, appended to out (archives,
	 * calendar). PD_OK. */
	int (*published_dates)(void *ud, const char *post_type, struct buf *out);
	/* Every term of taxonomy ordered by name like MySQL (utf8mb4_unicode_ci),
	 * then term_id: up to max, *n = how many. PD_OK. */
	int (*terms)(void *ud, const char *taxonomy, struct render_term *out, size_t max, size_t *n);
	/* get_terms( taxonomy, orderby=count, order=DESC, hide_empty, number=max )
	 * as MariaDB answers it: the terms with posts, most used first, equal
	 * counts in MariaDB's filesort order (mysql_sort.h); up to max, *n = how
	 * many. PD_OK (also when none). */
	int (*top_terms)(void *ud, const char *taxonomy, struct render_term *out, size_t max, size_t *n);
	/* "term_id post_id" lines for every published post in a term of
	 * taxonomy (_pad_term_counts()). PD_OK. */
	int (*term_posts)(void *ud, const char *taxonomy, struct buf *out);
	/* The IDs of the published posts q selects, in order: up to max, *n = how many. PD_OK. */
	int (*query_posts)(void *ud, const struct render_posts_query *q, long *ids, size_t max, size_t *n);
	/* get_pages(): the published pages ordered by menu_order then title,
	 * with their parents: up to max, *n = how many. PD_OK. */
	int (*pages)(void *ud, long *ids, long *parents, size_t max, size_t *n);
	/* Approved comments, up to max, *n = how many; PD_OK (also when none).
	 * post_id > 0: that post's, oldest first (comment_date_gmt, comment_ID
	 * ASC: the comment template's WP_Comment_Query); post_id 0: the newest
	 * on published posts (get_comments() of core/latest-comments). */
	int (*comments)(void *ud, long post_id, struct render_comment *out, size_t max, size_t *n);
	/* user_can( user_id, cap, object_id ) (map_meta_cap: edit_comment ...): 1 or 0. */
	int (*user_can)(void *ud, long user_id, const char *cap, long object_id);
	/* Dynamic blocks may add more callbacks below; keep them optional. */
};

/* Indices into render_ctx.counters: WordPress's per-request statics. */
enum render_counter {
	RENDER_COUNTER_UNIQUE_ID = 0,  /* wp_unique_id() (gallery block classes, form ids) */
	RENDER_COUNTER_GALLERY = 1,    /* gallery_shortcode() $instance */
	RENDER_COUNTER_AUDIO = 2,      /* wp_audio_shortcode() $instance */
	RENDER_COUNTER_VIDEO = 3,      /* wp_video_shortcode() $instance */
	RENDER_COUNTER_PLAYLIST = 4,   /* wp_playlist_shortcode() $instance */
	RENDER_COUNTER_HIGH_PRIORITY = 5, /* wp_high_priority_element_flag(): 1 once an element got fetchpriority=high */
	RENDER_COUNTER_CATEGORIES = 6, /* render_block_core_categories() $block_id */
	RENDER_COUNTER_COMMENT_ALT = 7,        /* get_comment_class() global $comment_alt */
	RENDER_COUNTER_COMMENT_THREAD_ALT = 8, /* get_comment_class() global $comment_thread_alt */
	RENDER_COUNTER_NAV_HAS_SUBMENUS = 9,   /* WP_Navigation_Block_Renderer::$has_submenus (0/1) */
};

/* Everything about the site and the post being rendered. */
struct render_ctx {
	const char *home_url;     /* option home, no trailing slash: "http://127.0.0.1:8080" */
	const char *site_url;     /* option siteurl, no trailing slash */
	const char *uploads_url;  /* base URL of uploads: site_url + "/wp-content/uploads" */
	const struct render_source *src;
	long post_id;             /* the post whose content is rendered (0: none) */
	const char *post_type;    /* "post", "page", "attachment", "revision" */
	int use_smilies;          /* option use_smilies */
	/* Per-request counters WordPress keeps in static variables (gallery
	 * instance, block ids ...): start at 0 for each REST request. */
	int counters[16];
	/* Set by render_content() once it rendered block content: WordPress's
	 * _restore_wpautop_hook then re-adds wpautop after shortcode_unautop for
	 * the rest of the request (the "wpautop re-ordering quirk"). Start at 0. */
	int autop_reordered;
	/* Inside do_blocks() of block content: wpautop is removed until the next
	 * the_content run reaches the _restore_wpautop_hook, which re-adds it
	 * (late, see autop_reordered). render_content() sets and clears it;
	 * excerpts generated inside blocks read it. Start at 0. */
	int autop_removed;
	/* $_SERVER['REQUEST_URI'] of the REST request ("/wp-json/wp/v2/posts/1"),
	 * and "scheme://host" it came to (login links); NULL: home_url / "" */
	const char *request_uri;
	const char *request_host_url;
	long user_id;             /* the authenticated user, 0 when anonymous */
	/* The excerpt_length filter (the REST API's excerpt_length parameter):
	 * the words of a generated excerpt when excerpt_length_set, else 55.
	 * Any value, as WordPress takes any integer (see format_trim_words()). */
	int excerpt_length_set;
	long long excerpt_length;
	/* The time the request renders at (UTC seconds); 0: time(NULL) when
	 * asked. Blocks showing dates relative to now read it through
	 * render_today(), so that a cached output is keyed by what they saw. */
	long long now;
	/* What the output depends on besides the post's inputs (the site's
	 * data, i.e. the generation, and the counters on entry): RENDER_VARY_*
	 * bits, OR-ed in by every block that reads one of those values, at the
	 * point it reads it. The render cache keys the output by the values
	 * named here, so a missing bit serves one visitor's output to another.
	 * Start at 0. */
	unsigned vary;
};

/* Bits of render_ctx.vary. Set the bit of every request value a block reads
 * (even when the value turns out not to change its output), never clear one. */
enum render_vary {
	/* ctx->request_uri or ctx->request_host_url: the URL as sent, the Host
	 * (login redirects, comment forms, query pagination, block_request_url()). */
	RENDER_VARY_REQUEST = 1u << 0,
	/* ctx->user_id: anonymous or which user (loginout, "Logged in as"). */
	RENDER_VARY_USER = 1u << 1,
	/* today's date in the site's timezone, read through render_today()
	 * (calendar). Anything finer than the day (a time of day, PHP's
	 * uniqid()) is RENDER_UNCACHEABLE. */
	RENDER_VARY_TIME = 1u << 2,
	/* Never cache: any other per-request input, e.g. a time finer than the
	 * day, or a nonce (wp_create_nonce() depends on the user, the session and
	 * the 12-hour tick; blocks_dynamic.c's create_nonce() sets this bit). */
	RENDER_UNCACHEABLE = 1u << 3,
};

/* current_time() as a date: the site's local date at ctx->now (time(NULL)
 * when 0, which is then stored in ctx->now). Sets RENDER_VARY_TIME. */
void render_today(struct render_ctx *ctx, struct tm *out);

/* apply_filters('the_content', raw): blocks, texturize, autop, shortcodes, content tags ... */
int render_content(struct render_ctx *ctx, const char *raw, struct buf *out);

/* The REST title.rendered: get_the_title() through the_title filters
 * (wptexturize, convert_chars, trim, capital_P_dangit). REST suppresses the
 * "Protected: "/"Private: " prefixes, so has_password changes nothing. */
int render_title(struct render_ctx *ctx, const char *raw, int has_password, struct buf *out);

/* The REST excerpt.rendered: the explicit excerpt if non-empty, else the
 * generated one from raw_content (55 words or ctx->excerpt_length, " [&hellip;]"), through the
 * get_the_excerpt/the_excerpt filters (wptexturize, wpautop ...). */
int render_excerpt(struct render_ctx *ctx, const char *raw_excerpt, const char *raw_content,
		   struct buf *out);

/* wp_trim_excerpt() of raw_content alone: the teaser (up to <!--more-->),
 * blocks and shortcodes stripped, the_content filters (wpautop as the
 * request's state has it: ctx->autop_removed inside blocks), then words words
 * and " [&hellip;]" when cut. */
int render_generate_excerpt(struct render_ctx *ctx, const char *raw_content, int words, struct buf *out);

#endif
