/* blocks_comments.c - the comment blocks as WordPress 6.9.4 renders them in
 * a REST request: core/comments (non-legacy) with comments-title, the
 * comment template (comment-author-name, comment-date, comment-content,
 * comment-reply-link, comment-edit-link; avatar lives in blocks_dynamic.c)
 * and core/latest-comments. Comments come through ctx->src->comments.
 *
 * Not here: the legacy comments block (comments_template() of the theme),
 * comments pagination (page_comments is off by default and the pagination
 * blocks render nothing outside is_singular(), which a REST request never
 * is), the unapproved comments of the current commenter (no cookies), and
 * comment_text's make_clickable() and force_balance_tags(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pressd/autop.h"
#include "pressd/chars.h"
#include "pressd/err.h"
#include "pressd/format.h"
#include "pressd/php.h"
#include "pressd/query.h"
#include "pressd/render.h"
#include "pressd/smilies.h"
#include "pressd/texturize.h"
#include "pressd/wpdate.h"
#include "block_tree.h"

#define attr(b, k) json_object_get((b)->attrs, k)
#define attr_s block_attr_str
#define attr_b block_attr_bool

/* At most this many comments per post or latest-comments block. */
#define MAX_COMMENTS 2000

/* block.json "supports" (6.9.4), as far as get_block_wrapper_attributes() reads them. */
#define SUP_TYPOGRAPHY \
	"\"typography\":{\"fontSize\":true,\"lineHeight\":true,\"__experimentalFontFamily\":true," \
	"\"__experimentalFontWeight\":true,\"__experimentalFontStyle\":true,\"__experimentalTextTransform\":true," \
	"\"__experimentalTextDecoration\":true,\"__experimentalLetterSpacing\":true}"
#define SUP_BORDER "\"__experimentalBorder\":{\"radius\":true,\"color\":true,\"width\":true,\"style\":true}"
static const char SUP_COMMENTS_TITLE[] =
	"{\"align\":true," SUP_BORDER ",\"color\":{\"gradients\":true},\"spacing\":{\"margin\":true,\"padding\":true},"
	SUP_TYPOGRAPHY "}";
static const char SUP_COMMENT_TEMPLATE[] =
	"{\"align\":true,\"spacing\":{\"margin\":true,\"padding\":true}," SUP_TYPOGRAPHY "," SUP_BORDER "}";
static const char SUP_COMMENT_AUTHOR_NAME[] =
	"{\"spacing\":{\"margin\":true,\"padding\":true},\"color\":{\"gradients\":true,\"link\":true},"
	SUP_TYPOGRAPHY "," SUP_BORDER "}";
static const char SUP_COMMENT_DATE[] =
	"{\"color\":{\"gradients\":true,\"link\":true},\"spacing\":{\"margin\":true,\"padding\":true},"
	SUP_TYPOGRAPHY "," SUP_BORDER "}";
static const char SUP_COMMENT_CONTENT[] =
	"{\"color\":{\"gradients\":true,\"link\":true}," SUP_TYPOGRAPHY "," SUP_BORDER ","
	"\"spacing\":{\"padding\":[\"horizontal\",\"vertical\"]}}";
static const char SUP_COMMENT_LINK[] = /* comment-reply-link and comment-edit-link */
	"{\"color\":{\"gradients\":true,\"link\":true,\"text\":false},\"spacing\":{\"margin\":true,\"padding\":true},"
	SUP_TYPOGRAPHY "," SUP_BORDER "}";
static const char SUP_LATEST_COMMENTS[] =
	"{\"align\":true,\"color\":{\"gradients\":true,\"link\":true},\"spacing\":{\"margin\":true,\"padding\":true},"
	SUP_TYPOGRAPHY "}";

static const char *option(struct block_render *r, const char *name, const char *dflt)
{
	const struct render_source *s = r->ctx->src;
	const char *v = s && s->option ? s->option(s->ud, name) : NULL;
	return v ? v : dflt;
}

static int get_post(struct block_render *r, long id, struct render_post *p)
{
	const struct render_source *s = r->ctx->src;
	if (!id || !s || !s->post)
		return PD_ENOTFOUND;
	return s->post(s->ud, id, p);
}

static int permalink(struct block_render *r, long id, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	if (!s || !s->permalink)
		return PD_ENOTFOUND;
	return s->permalink(s->ud, id, out);
}

/* "has-text-align-X has-link-color" as the comment blocks add them. */
static void align_link_classes(const struct block *b, struct buf *cls)
{
	const char *ta = attr_s(b, "textAlign", NULL);
	if (ta)
		buf_printf(cls, "has-text-align-%s", ta);
	const json_t *v = json_object_get(attr(b, "style"), "elements");
	v = json_object_get(json_object_get(v, "link"), "color");
	if (json_object_get(v, "text"))
		buf_printf(cls, "%shas-link-color", cls->len ? " " : "");
}

/* The approved comments of post_id (0: the newest on published posts). *out is malloc'd. */
static int load_comments(struct block_render *r, long post_id, struct render_comment **out, size_t *n)
{
	const struct render_source *s = r->ctx->src;
	*out = NULL;
	*n = 0;
	if (!s || !s->comments)
		return PD_OK;
	*out = calloc(MAX_COMMENTS, sizeof **out);
	if (!*out)
		return PD_ENOMEM;
	return s->comments(s->ud, post_id, *out, MAX_COMMENTS, n);
}

/* get_comment_author() */
static const char *comment_author(struct block_render *r, const struct render_comment *c)
{
	const struct render_source *s = r->ctx->src;
	struct render_user u;
	if (*c->author)
		return c->author;
	if (c->user_id && s->user && s->user(s->ud, c->user_id, &u) == PD_OK)
		return u.display_name;
	return "Anonymous";
}

/* get_comment_author_url(): '' for a bare "http://" */
static const char *comment_author_url(const struct render_comment *c)
{
	return strcmp(c->author_url, "http://") ? c->author_url : "";
}

/* mysql2date() of comment_date: the local time in wp_timezone(); the
 * offset there and the UTC wall clock ("U" then date_i18n()), which do not
 * depend on comment_date_gmt (imports carry other sites' offsets). */
static long comment_offset(const struct render_comment *c, char utc[WPDATE_LEN])
{
	char gmt[WPDATE_LEN];
	time_t t;
	if (wpdate_local_to_gmt(c->date, gmt) != PD_OK || wpdate_parse_mysql_gmt(gmt, &t) != PD_OK) {
		if (utc)
			snprintf(utc, WPDATE_LEN, "%s", c->date);
		return 0;
	}
	if (utc)
		memcpy(utc, gmt, WPDATE_LEN);
	return wpdate_offset_at(t);
}

/* get_comment_link() without comment pages: the permalink and the anchor. */
static int comment_link(struct block_render *r, const struct render_comment *c, struct buf *out)
{
	if (permalink(r, c->post_id, out) != PD_OK)
		buf_printf(out, "%s/?p=%ld", r->ctx->home_url, c->post_id);
	return buf_printf(out, "#comment-%ld", c->id);
}

/* apply_filters( 'comment_text' ): wptexturize, convert_chars,
 * convert_smilies, wpautop, capital_P_dangit (make_clickable and
 * force_balance_tags are not applied). */
static int comment_text(struct block_render *r, const char *raw, struct buf *out)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	int rc = render_texturize(raw, &a);
	if (!rc)
		rc = render_convert_chars(buf_str(&a), &b);
	buf_free(&a);
	if (!rc && r->ctx->use_smilies) {
		rc = render_convert_smilies(buf_str(&b), r->ctx->site_url, &a);
		buf_free(&b);
		b = a;
		a = (struct buf)BUF_INIT;
	}
	if (!rc)
		rc = render_autop(buf_str(&b), 1, &a);
	if (!rc)
		rc = render_capital_P_dangit(buf_str(&a), 0, out);
	buf_free(&a);
	buf_free(&b);
	return rc;
}

/* ---- core/comments ---- */

/* render_block_core_comments(): the non-legacy block renders its saved
 * markup with its inner blocks (skip_inner_blocks: only when it renders at
 * all); the legacy block (comments_template()) is not rendered. */
static int comments(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	struct render_post p;
	(void)in;
	if (get_post(r, r->ctx->post_id, &p) || (!p.comments_open && !p.comment_count) || attr_b(b, "legacy", 0))
		return PD_OK;
	return blocks_render_inner(r, b, out);
}

/* render_block_core_comments_title() */
static int comments_title(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	struct render_post p;
	(void)in;
	if (get_post(r, r->ctx->post_id, &p) || p.has_password || !p.comment_count)
		return PD_OK;
	int show_title = attr_b(b, "showPostTitle", 1), show_count = attr_b(b, "showCommentsCount", 1);
	struct buf cls = BUF_INIT, w = BUF_INIT, title = BUF_INIT, t = BUF_INIT, count = BUF_INIT;
	const char *ta = attr_s(b, "textAlign", NULL);
	if (ta && *ta)
		buf_printf(&cls, "has-text-align-%s", ta);
	int rc = block_wrapper_attrs(b, SUP_COMMENTS_TITLE, buf_str(&cls), NULL, &w);
	if (!rc)
		rc = block_get_the_title(r, &p, &t);
	buf_printf(&title, "&#8220;%s&#8221;", buf_str(&t));
	char num[32];
	php_number_format_i18n((double)p.comment_count, num, sizeof num);
	buf_puts(&count, num);
	int one = p.comment_count == 1;
	char tag[8] = "h2";
	const json_t *lv = attr(b, "level");
	if (json_is_integer(lv))
		snprintf(tag, sizeof tag, "h%lld", (long long)json_integer_value(lv));
	if (!rc)
		rc = buf_printf(out, "<%s id=\"comments\" %s>", tag, buf_str(&w));
	if (rc)
		goto out;
	if (show_count && show_title) {
		if (one)
			buf_printf(out, "One response to %s", buf_str(&title));
		else
			buf_printf(out, "%s responses to %s", buf_str(&count), buf_str(&title));
	} else if (show_count) {
		if (one)
			buf_puts(out, "One response");
		else
			buf_printf(out, "%s responses", buf_str(&count));
	} else if (show_title) {
		buf_printf(out, "%s to %s", one ? "Response" : "Responses", buf_str(&title));
	} else {
		buf_puts(out, one ? "Response" : "Responses");
	}
	rc = buf_printf(out, "</%s>", tag);
out:
	buf_free(&cls);
	buf_free(&w);
	buf_free(&title);
	buf_free(&t);
	buf_free(&count);
	return rc;
}

/* sanitize_html_class() for a user_nicename */
static void html_class(const char *s, struct buf *out)
{
	for (; *s; s++)
		if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' ||
		    *s == '-')
			buf_putc(out, *s);
}

/* comment_class( '', comment, post, false ) at depth; advances WordPress's
 * request-wide $comment_alt and $comment_thread_alt. */
static int comment_class(struct block_render *r, const struct render_comment *c, const struct render_post *p,
			 int depth, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	struct render_user u;
	int *alt = &r->ctx->counters[RENDER_COUNTER_COMMENT_ALT];
	int *thread_alt = &r->ctx->counters[RENDER_COUNTER_COMMENT_THREAD_ALT];
	buf_puts(out, "class=\"");
	format_esc_attr(*c->type ? c->type : "comment", out);
	if (c->user_id && s->user && s->user(s->ud, c->user_id, &u) == PD_OK) {
		buf_puts(out, " byuser comment-author-");
		html_class(u.nicename, out);
		if (c->user_id == p->author)
			buf_puts(out, " bypostauthor");
	}
	buf_puts(out, (*alt)++ % 2 ? " odd alt" : " even");
	if (depth == 1)
		buf_puts(out, (*thread_alt)++ % 2 ? " thread-odd thread-alt" : " thread-even");
	return buf_printf(out, " depth-%d\"", depth);
}

/* block_core_comment_template_render_comments(): the comments whose parent
 * is `parent`, each with its inner blocks in its context, then its replies
 * (nested in <ol> below thread_comments_depth, flat beyond it). */
static int render_comments(struct block_render *r, struct block *b, const struct render_comment *all, size_t n,
			   long parent, int depth, int level, int threaded, int max_depth, const struct render_post *p,
			   struct buf *out)
{
	int rc = PD_OK;
	if (depth > 200)
		return PD_ELIMIT;
	for (size_t i = 0; i < n && !rc; i++) {
		const struct render_comment *c = &all[i];
		if (threaded && c->parent != parent)
			continue;
		struct buf content = BUF_INIT, cls = BUF_INIT;
		const struct render_comment *outer = r->comment;
		int outer_level = r->comment_level;
		r->comment = c;
		r->comment_level = threaded ? level : 1;
		rc = blocks_render_inner(r, b, &content);
		r->comment = outer;
		r->comment_level = outer_level;
		if (!rc)
			rc = comment_class(r, c, p, depth, &cls);
		int has_children = 0;
		for (size_t k = 0; threaded && k < n && !has_children; k++)
			has_children = all[k].parent == c->id;
		if (!rc && has_children) {
			if (depth < max_depth) {
				buf_puts(&content, "<ol>");
				rc = render_comments(r, b, all, n, c->id, depth + 1, level + 1, threaded, max_depth, p, &content);
				buf_puts(&content, "</ol>");
			} else {
				rc = render_comments(r, b, all, n, c->id, depth, level + 1, threaded, max_depth, p, &content);
			}
		}
		if (!rc)
			rc = buf_printf(out, "<li id=\"comment-%ld\" %s>%s</li>", c->id, buf_str(&cls), buf_str(&content));
		buf_free(&content);
		buf_free(&cls);
	}
	return rc;
}

/* render_block_core_comment_template() */
static int comment_template(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	struct render_post p;
	struct render_comment *all = NULL;
	size_t n = 0;
	(void)in;
	if (get_post(r, r->ctx->post_id, &p) || p.has_password)
		return PD_OK;
	int rc = load_comments(r, p.id, &all, &n);
	if (rc || !n)
		goto out;
	int threaded = atoi(option(r, "thread_comments", "1")) != 0;
	int max_depth = atoi(option(r, "thread_comments_depth", "5"));
	if (!strcmp(option(r, "comment_order", "asc"), "desc")) /* array_reverse() of the top level */
		for (size_t i = 0; i < n / 2; i++) {
			struct render_comment t = all[i];
			all[i] = all[n - 1 - i];
			all[n - 1 - i] = t;
		}
	struct buf w = BUF_INIT;
	rc = block_wrapper_attrs(b, SUP_COMMENT_TEMPLATE, NULL, NULL, &w);
	if (!rc)
		rc = buf_printf(out, "<ol %s>", buf_str(&w));
	if (!rc)
		rc = render_comments(r, b, all, n, 0, 1, 1, threaded, max_depth, &p, out);
	if (!rc)
		rc = buf_puts(out, "</ol>");
	buf_free(&w);
out:
	free(all);
	return rc;
}

/* render_block_core_comment_author_name() */
static int comment_author_name(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const struct render_comment *c = r->comment;
	(void)in;
	if (!c)
		return PD_OK;
	struct buf cls = BUF_INIT, w = BUF_INIT;
	align_link_classes(b, &cls);
	int rc = block_wrapper_attrs(b, SUP_COMMENT_AUTHOR_NAME, buf_str(&cls), NULL, &w);
	const char *author = comment_author(r, c), *link = comment_author_url(c);
	const char *target = attr_s(b, "linkTarget", "_self");
	if (!rc)
		rc = buf_printf(out, "<div %s>", buf_str(&w));
	if (*link && attr_b(b, "isLink", 1) && *target) {
		buf_puts(out, "<a rel=\"external nofollow ugc\" href=\"");
		format_esc_url(link, out);
		buf_puts(out, "\" target=\"");
		format_esc_attr(target, out);
		buf_printf(out, "\" >%s</a>", author);
	} else {
		buf_puts(out, author);
	}
	if (!rc)
		rc = buf_puts(out, "</div>");
	buf_free(&cls);
	buf_free(&w);
	return rc;
}

/* render_block_core_comment_date() ("human-diff" is shown as the date) */
static int comment_date(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const struct render_comment *c = r->comment;
	(void)in;
	if (!c)
		return PD_OK;
	struct buf cls = BUF_INIT, w = BUF_INIT, date = BUF_INIT, iso = BUF_INIT, link = BUF_INIT;
	const json_t *v = json_object_get(json_object_get(json_object_get(attr(b, "style"), "elements"), "link"), "color");
	if (json_object_get(v, "text"))
		buf_puts(&cls, "has-link-color");
	int rc = block_wrapper_attrs(b, SUP_COMMENT_DATE, buf_str(&cls), NULL, &w);
	const char *fmt = attr_s(b, "format", "");
	if (!*fmt || !strcmp(fmt, "human-diff"))
		fmt = option(r, "date_format", "F j, Y");
	long off = comment_offset(c, NULL);
	php_date(fmt, c->date, off, &date);
	php_date("c", c->date, off, &iso);
	if (!rc)
		rc = buf_printf(out, "<div %s><time datetime=\"", buf_str(&w));
	format_esc_attr(buf_str(&iso), out);
	buf_puts(out, "\">");
	if (attr_b(b, "isLink", 1)) {
		comment_link(r, c, &link);
		buf_puts(out, "<a href=\"");
		format_esc_url(buf_str(&link), out);
		buf_printf(out, "\">%s</a>", buf_str(&date));
	} else {
		buf_append(out, buf_str(&date), date.len);
	}
	if (!rc)
		rc = buf_puts(out, "</time></div>");
	buf_free(&cls);
	buf_free(&w);
	buf_free(&date);
	buf_free(&iso);
	buf_free(&link);
	return rc;
}

/* render_block_core_comment_content() */
static int comment_content(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const struct render_comment *c = r->comment;
	(void)in;
	if (!c || !*c->content)
		return PD_OK;
	struct buf cls = BUF_INIT, w = BUF_INIT, text = BUF_INIT;
	align_link_classes(b, &cls);
	int rc = comment_text(r, c->content, &text);
	if (!rc)
		rc = block_wrapper_attrs(b, SUP_COMMENT_CONTENT, buf_str(&cls), NULL, &w);
	if (!rc)
		rc = buf_printf(out, "<div %s>%s</div>", buf_str(&w), buf_str(&text));
	buf_free(&cls);
	buf_free(&w);
	buf_free(&text);
	return rc;
}

/* render_block_core_comment_reply_link() with get_comment_reply_link() */
static int comment_reply_link(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const struct render_comment *c = r->comment;
	struct render_post p;
	(void)in;
	if (!c || !atoi(option(r, "thread_comments", "1")))
		return PD_OK;
	/* the comment's depth from its ancestors (the template knows it) */
	int depth = r->comment_level > 0 ? r->comment_level : 1, max_depth = atoi(option(r, "thread_comments_depth", "5"));
	if (max_depth <= depth || get_post(r, c->post_id, &p) || !p.comments_open)
		return PD_OK;
	struct buf cls = BUF_INIT, w = BUF_INIT, link = BUF_INIT, replyto = BUF_INIT;
	align_link_classes(b, &cls);
	int rc = block_wrapper_attrs(b, SUP_COMMENT_LINK, buf_str(&cls), NULL, &w);
	if (!rc)
		rc = buf_printf(out, "<div %s>", buf_str(&w));
	int registration = atoi(option(r, "comment_registration", "0"));
	if (registration)
		r->ctx->vary |= RENDER_VARY_USER; /* is_user_logged_in() */
	if (registration && !r->ctx->user_id) {
		/* wp_login_url( get_permalink() ) */
		struct buf here = BUF_INIT, url = BUF_INIT;
		permalink(r, r->ctx->post_id, &here);
		buf_printf(&url, "%s/wp-login.php?redirect_to=", r->ctx->site_url);
		url_encode(buf_str(&here), &url); /* urlencode(), as wp_login_url() */
		buf_puts(out, "<a rel=\"nofollow\" class=\"comment-reply-login\" href=\"");
		format_esc_url(buf_str(&url), out);
		buf_puts(out, "\">Log in to Reply</a>");
		buf_free(&here);
		buf_free(&url);
	} else {
		/* add_query_arg( replytocom ) on get_permalink() */
		permalink(r, c->post_id, &link);
		buf_printf(&link, "%sreplytocom=%ld", strchr(buf_str(&link), '?') ? "&" : "?", c->id);
		buf_printf(&replyto, "Reply to %s", comment_author(r, c));
		buf_puts(out, "<a rel=\"nofollow\" class=\"comment-reply-link\" href=\"");
		format_esc_url(buf_str(&link), out);
		buf_printf(out, "#respond\" data-commentid=\"%ld\" data-postid=\"%ld\" data-belowelement=\"comment-%ld\""
				" data-respondelement=\"respond\" data-replyto=\"", c->id, p.id, c->id);
		format_esc_attr(buf_str(&replyto), out);
		buf_puts(out, "\" aria-label=\"");
		format_esc_attr(buf_str(&replyto), out);
		buf_puts(out, "\">Reply</a>");
	}
	if (!rc)
		rc = buf_puts(out, "</div>");
	buf_free(&cls);
	buf_free(&w);
	buf_free(&link);
	buf_free(&replyto);
	return rc;
}

/* render_block_core_comment_edit_link(): for users who may edit the comment */
static int comment_edit_link(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const struct render_comment *c = r->comment;
	const struct render_source *s = r->ctx->src;
	(void)in;
	if (!c)
		return PD_OK;
	r->ctx->vary |= RENDER_VARY_USER; /* current_user_can( 'edit_comment' ) */
	if (!r->ctx->user_id || !s->user_can || !s->user_can(s->ud, r->ctx->user_id, "edit_comment", c->id))
		return PD_OK;
	struct buf cls = BUF_INIT, w = BUF_INIT, url = BUF_INIT;
	align_link_classes(b, &cls);
	int rc = block_wrapper_attrs(b, SUP_COMMENT_LINK, buf_str(&cls), NULL, &w);
	buf_printf(&url, "%s/wp-admin/comment.php?action=editcomment&amp;c=%ld", r->ctx->site_url, c->id);
	if (!rc)
		rc = buf_printf(out, "<div %s><a href=\"", buf_str(&w));
	format_esc_url(buf_str(&url), out);
	buf_puts(out, "\" ");
	const char *target = attr_s(b, "linkTarget", "_self");
	if (*target) {
		buf_puts(out, "target=\"");
		format_esc_attr(target, out);
		buf_putc(out, '"');
	}
	if (!rc)
		rc = buf_puts(out, ">Edit</a></div>");
	buf_free(&cls);
	buf_free(&w);
	buf_free(&url);
	return rc;
}

/* The comments pagination blocks: nothing, as outside is_singular(). */
static int comments_pagination(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	(void)r;
	(void)b;
	(void)in;
	(void)out;
	return PD_OK;
}

/* ---- core/latest-comments ---- */

/* render_block_core_latest_comments() */
static int latest_comments(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	struct render_comment *all = NULL;
	size_t n = 0;
	(void)in;
	int rc = load_comments(r, 0, &all, &n);
	const json_t *num = attr(b, "commentsToShow");
	size_t show = json_is_integer(num) ? (size_t)(json_integer_value(num) > 0 ? json_integer_value(num) : 0) : 5;
	if (n > show)
		n = show;
	int avatars = attr_b(b, "displayAvatar", 1), dates = attr_b(b, "displayDate", 1),
	    excerpts = attr_b(b, "displayExcerpt", 1);
	struct buf cls = BUF_INIT, w = BUF_INIT, items = BUF_INIT;
	if (avatars)
		buf_puts(&cls, "has-avatars");
	if (dates)
		buf_printf(&cls, "%shas-dates", cls.len ? " " : "");
	if (excerpts)
		buf_printf(&cls, "%shas-excerpts", cls.len ? " " : "");
	if (!n)
		buf_printf(&cls, "%sno-comments", cls.len ? " " : "");
	for (size_t i = 0; i < n && !rc; i++) {
		const struct render_comment *c = &all[i];
		struct render_user u;
		struct render_post p;
		buf_puts(&items, "<li class=\"wp-block-latest-comments__comment\">");
		if (avatars && (!*c->type || !strcmp(c->type, "comment"))) {
			const char *email = c->author_email;
			if (c->user_id && s->user && s->user(s->ud, c->user_id, &u) == PD_OK)
				email = u.email;
			block_avatar_img(email, 48, "", "wp-block-latest-comments__comment-avatar", NULL, &items);
		}
		buf_puts(&items, "<article><footer class=\"wp-block-latest-comments__comment-meta\">");
		struct buf url = BUF_INIT, link = BUF_INIT, title = BUF_INIT;
		buf_puts(&url, comment_author_url(c));
		if (!url.len && c->user_id && s->author_link)
			s->author_link(s->ud, c->user_id, &url);
		if (url.len) {
			buf_puts(&items, "<a class=\"wp-block-latest-comments__comment-author\" href=\"");
			format_esc_url(buf_str(&url), &items);
			buf_printf(&items, "\">%s</a>", comment_author(r, c));
		} else {
			buf_printf(&items, "<span class=\"wp-block-latest-comments__comment-author\">%s</span>",
				   comment_author(r, c));
		}
		int has_post = get_post(r, c->post_id, &p) == PD_OK;
		if (has_post)
			block_get_the_title(r, &p, &title);
		comment_link(r, c, &link);
		buf_puts(&items, " on <a class=\"wp-block-latest-comments__comment-link\" href=\"");
		format_esc_url(buf_str(&link), &items);
		buf_printf(&items, "\">%s</a>", title.len ? buf_str(&title) : "(no title)");
		if (dates) {
			/* date_i18n( date_format, get_comment_date( 'U' ) ): the UTC wall clock */
			buf_puts(&items, "<time datetime=\"");
			struct buf iso = BUF_INIT;
			char utc[WPDATE_LEN];
			php_date("c", c->date, comment_offset(c, utc), &iso);
			format_esc_attr(buf_str(&iso), &items);
			buf_puts(&items, "\" class=\"wp-block-latest-comments__comment-date\">");
			php_date(option(r, "date_format", "F j, Y"), utc, 0, &items);
			buf_puts(&items, "</time>");
			buf_free(&iso);
		}
		buf_puts(&items, "</footer>");
		if (excerpts) {
			/* wpautop( get_comment_excerpt() ) */
			struct buf flat = BUF_INIT, plain = BUF_INIT, ex = BUF_INIT;
			if (has_post && p.has_password) {
				buf_puts(&ex, "Password protected");
			} else {
				for (const char *q = c->content; *q; q++)
					buf_putc(&flat, *q == '\n' || *q == '\r' ? ' ' : *q);
				format_strip_tags(buf_str(&flat), &plain);
				format_trim_words(buf_str(&plain), 20, "&hellip;", &ex);
			}
			buf_puts(&items, "<div class=\"wp-block-latest-comments__comment-excerpt\">");
			rc = render_autop(buf_str(&ex), 1, &items);
			buf_puts(&items, "</div>");
			buf_free(&flat);
			buf_free(&plain);
			buf_free(&ex);
		}
		if (!rc)
			rc = buf_puts(&items, "</article></li>");
		buf_free(&url);
		buf_free(&link);
		buf_free(&title);
	}
	if (!rc)
		rc = block_wrapper_attrs(b, SUP_LATEST_COMMENTS, buf_str(&cls), NULL, &w);
	if (!rc && n)
		rc = buf_printf(out, "<ol %s>%s</ol>", buf_str(&w), buf_str(&items));
	else if (!rc)
		rc = buf_printf(out, "<div %s>No comments to show.</div>", buf_str(&w));
	buf_free(&cls);
	buf_free(&w);
	buf_free(&items);
	free(all);
	return rc;
}

static const struct block_callback COMMENTS[] = {
	{ "core/comments", comments },
	{ "core/comments-title", comments_title },
	{ "core/comment-template", comment_template },
	{ "core/comment-author-name", comment_author_name },
	{ "core/comment-date", comment_date },
	{ "core/comment-content", comment_content },
	{ "core/comment-reply-link", comment_reply_link },
	{ "core/comment-edit-link", comment_edit_link },
	{ "core/comments-pagination", comments_pagination },
	{ "core/comments-pagination-previous", comments_pagination },
	{ "core/comments-pagination-numbers", comments_pagination },
	{ "core/comments-pagination-next", comments_pagination },
	{ "core/latest-comments", latest_comments },
	{ NULL, NULL },
};

block_cb blocks_comments_callback(const char *name)
{
	for (size_t i = 0; name && COMMENTS[i].name; i++)
		if (!strcmp(COMMENTS[i].name, name))
			return COMMENTS[i].cb;
	return NULL;
}
