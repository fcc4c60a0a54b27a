/* blocks_dynamic.c - the render callbacks of the dynamic core blocks that
 * read the current post or the site (post-title, post-date, post-excerpt,
 * post-author-name, post-terms, read-more, loginout, site-title,
 * site-tagline, latest-comments), as WordPress 6.9.4 renders them in a REST
 * request: the global post is the post being rendered (context postId),
 * the visitor is anonymous unless ctx->user_id says otherwise. Site data
 * comes through ctx->src; a missing callback renders what WordPress renders
 * when the data is absent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <nettle/hmac.h>
#include <nettle/sha2.h>
#include <pthread.h>
#include <sodium.h>

#include "pressd/autop.h"
#include "pressd/err.h"
#include "pressd/format.h"
#include "pressd/media_tags.h"
#include "pressd/phpser.h"
#include "pressd/query.h"
#include "pressd/render.h"
#include "pressd/wpdate.h"
#include "block_tree.h"

/* block.json "supports" (6.9.4) of the blocks rendered here, as far as
 * get_block_wrapper_attributes() reads them. */
#define SUP_TEXT_BLOCK \
	"{\"color\":{\"gradients\":true,\"link\":true},\"spacing\":{\"margin\":true,\"padding\":true}," \
	"\"typography\":{\"fontSize\":true,\"lineHeight\":true,\"__experimentalFontFamily\":true," \
	"\"__experimentalFontWeight\":true,\"__experimentalFontStyle\":true,\"__experimentalTextTransform\":true," \
	"\"__experimentalTextDecoration\":true,\"__experimentalLetterSpacing\":true}," \
	"\"__experimentalBorder\":{\"radius\":true,\"color\":true,\"width\":true,\"style\":true}"
static const char SUP_POST_DATE[] = SUP_TEXT_BLOCK "}";
static const char SUP_POST_TITLE[] = SUP_TEXT_BLOCK ",\"align\":[\"wide\",\"full\"]}";
static const char SUP_READ_MORE[] =
	"{\"color\":{\"gradients\":true,\"text\":true},\"typography\":{\"fontSize\":true,\"lineHeight\":true,"
	"\"__experimentalFontFamily\":true,\"__experimentalFontWeight\":true,\"__experimentalFontStyle\":true,"
	"\"__experimentalTextTransform\":true,\"__experimentalLetterSpacing\":true,\"__experimentalTextDecoration\":true},"
	"\"spacing\":{\"margin\":[\"top\",\"bottom\"],\"padding\":true},"
	"\"__experimentalBorder\":{\"color\":true,\"radius\":true,\"width\":true}}";
static const char SUP_LOGINOUT[] =
	"{\"className\":true,\"color\":{\"background\":true,\"text\":false,\"gradients\":true,\"link\":true},"
	"\"spacing\":{\"margin\":true,\"padding\":true},\"typography\":{\"fontSize\":true,\"lineHeight\":true,"
	"\"__experimentalFontFamily\":true,\"__experimentalFontWeight\":true,\"__experimentalFontStyle\":true,"
	"\"__experimentalTextTransform\":true,\"__experimentalTextDecoration\":true,\"__experimentalLetterSpacing\":true},"
	"\"__experimentalBorder\":{\"radius\":true,\"color\":true,\"width\":true,\"style\":true}}";
#define SUP_SITE_TEXT \
	"\"spacing\":{\"padding\":true,\"margin\":true},\"typography\":{\"fontSize\":true,\"lineHeight\":true," \
	"\"__experimentalFontFamily\":true,\"__experimentalTextTransform\":true,\"__experimentalTextDecoration\":true," \
	"\"__experimentalFontStyle\":true,\"__experimentalFontWeight\":true,\"__experimentalLetterSpacing\":true," \
	"\"__experimentalWritingMode\":true},\"__experimentalBorder\":{\"radius\":true,\"color\":true,\"width\":true,\"style\":true}}"
static const char SUP_SITE_TITLE[] = "{\"align\":[\"wide\",\"full\"],\"color\":{\"gradients\":true,\"link\":true}," SUP_SITE_TEXT;
static const char SUP_SITE_TAGLINE[] = "{\"align\":[\"wide\",\"full\"],\"color\":{\"gradients\":true}," SUP_SITE_TEXT;
#define attr(b, k) json_object_get((b)->attrs, k)
#define attr_s block_attr_str
#define attr_b block_attr_bool

static int has_link_color(const struct block *b)
{
	const json_t *v = json_object_get(attr(b, "style"), "elements");
	v = json_object_get(json_object_get(v, "link"), "color");
	return json_object_get(v, "text") != NULL;
}

/* "has-text-align-X" and "has-link-color" as most post-* blocks add them. */
static void align_link_classes(const struct block *b, const char *first, struct buf *cls)
{
	if (first)
		buf_puts(cls, first);
	const char *ta = attr_s(b, "textAlign", NULL);
	if (ta)
		buf_printf(cls, "%shas-text-align-%s", cls->len ? " " : "", ta);
	if (has_link_color(b))
		buf_printf(cls, "%shas-link-color", cls->len ? " " : "");
}

int block_get_the_title(struct block_render *r, const struct render_post *p, struct buf *out)
{
	struct buf raw = BUF_INIT;
	int rc = PD_OK;
	if (p->has_password)
		rc = buf_puts(&raw, "Protected: ");
	else if (p->status && !strcmp(p->status, "private"))
		rc = buf_puts(&raw, "Private: ");
	if (!rc)
		rc = buf_puts(&raw, p->title ? p->title : "");
	if (!rc)
		rc = render_title(r->ctx, buf_str(&raw), p->has_password, out);
	buf_free(&raw);
	return rc;
}

static int wrapper(const struct block *b, const char *sup, const char *cls, struct buf *out)
{
	return block_wrapper_attrs(b, sup, cls, NULL, out);
}

/* ---- PHP date() for wp_date() with the site's offset ---- */

static const char *const DAYS[] = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" };
static const char *const MONTHS[] = { "January", "February", "March", "April", "May", "June", "July",
				      "August", "September", "October", "November", "December" };

/* Formats the local MySQL datetime `local` (offset seconds east of UTC) with
 * PHP's date() format characters. */
int php_date(const char *fmt, const char *local, long offset, struct buf *out)
{
	struct tm tm = { 0 };
	if (!local || sscanf(local, "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
			     &tm.tm_min, &tm.tm_sec) != 6)
		return PD_EINVAL;
	int year = tm.tm_year;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	time_t t = timegm(&tm); /* normalizes wday/yday */
	gmtime_r(&t, &tm);
	long off_h = labs(offset) / 3600, off_m = labs(offset) % 3600 / 60;
	char sign = offset < 0 ? '-' : '+';
	int rc = PD_OK;
	for (const char *f = fmt; *f && !rc; f++) {
		int h12 = tm.tm_hour % 12 ? tm.tm_hour % 12 : 12;
		switch (*f) {
		case 'd': rc = buf_printf(out, "%02d", tm.tm_mday); break;
		case 'D': rc = buf_printf(out, "%.3s", DAYS[tm.tm_wday]); break;
		case 'j': rc = buf_printf(out, "%d", tm.tm_mday); break;
		case 'l': rc = buf_puts(out, DAYS[tm.tm_wday]); break;
		case 'N': rc = buf_printf(out, "%d", tm.tm_wday ? tm.tm_wday : 7); break;
		case 'S': {
			int d = tm.tm_mday;
			rc = buf_puts(out, d % 10 == 1 && d != 11 ? "st" : d % 10 == 2 && d != 12 ? "nd" :
					   d % 10 == 3 && d != 13 ? "rd" : "th");
			break;
		}
		case 'w': rc = buf_printf(out, "%d", tm.tm_wday); break;
		case 'z': rc = buf_printf(out, "%d", tm.tm_yday); break;
		case 'F': rc = buf_puts(out, MONTHS[tm.tm_mon]); break;
		case 'M': rc = buf_printf(out, "%.3s", MONTHS[tm.tm_mon]); break;
		case 'm': rc = buf_printf(out, "%02d", tm.tm_mon + 1); break;
		case 'n': rc = buf_printf(out, "%d", tm.tm_mon + 1); break;
		case 'Y': rc = buf_printf(out, "%d", year); break;
		case 'y': rc = buf_printf(out, "%02d", year % 100); break;
		case 'a': rc = buf_puts(out, tm.tm_hour < 12 ? "am" : "pm"); break;
		case 'A': rc = buf_puts(out, tm.tm_hour < 12 ? "AM" : "PM"); break;
		case 'g': rc = buf_printf(out, "%d", h12); break;
		case 'h': rc = buf_printf(out, "%02d", h12); break;
		case 'G': rc = buf_printf(out, "%d", tm.tm_hour); break;
		case 'H': rc = buf_printf(out, "%02d", tm.tm_hour); break;
		case 'i': rc = buf_printf(out, "%02d", tm.tm_min); break;
		case 's': rc = buf_printf(out, "%02d", tm.tm_sec); break;
		case 'U': rc = buf_printf(out, "%lld", (long long)(t - offset)); break;
		case 'P': rc = buf_printf(out, "%c%02ld:%02ld", sign, off_h, off_m); break;
		case 'O': rc = buf_printf(out, "%c%02ld%02ld", sign, off_h, off_m); break;
		case 'c':
			rc = buf_printf(out, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld", year, tm.tm_mon + 1,
					tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, sign, off_h, off_m);
			break;
		case '\\':
			if (f[1])
				f++;
			/* fall through */
		default: rc = buf_putc(out, *f);
		}
	}
	return rc;
}

/* The site's offset for a post's local date. */
static long post_offset(const struct render_post *p)
{
	time_t t;
	if (wpdate_parse_mysql_gmt(p->date_gmt, &t) == PD_OK)
		return wpdate_offset_at(t);
	if (wpdate_parse_mysql_gmt(p->date, &t) == PD_OK)
		return wpdate_offset_at(t);
	return 0;
}

static int current_post(struct block_render *r, struct render_post *p)
{
	const struct render_source *s = r->ctx->src;
	if (!r->ctx->post_id || !s || !s->post)
		return PD_ENOTFOUND;
	return s->post(s->ud, r->ctx->post_id, p);
}

static int permalink(struct block_render *r, long id, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	if (!s || !s->permalink)
		return PD_ENOTFOUND;
	return s->permalink(s->ud, id, out);
}

static const char *option(struct block_render *r, const char *name, const char *dflt)
{
	const struct render_source *s = r->ctx->src;
	const char *v = s && s->option ? s->option(s->ud, name) : NULL;
	return v ? v : dflt;
}

/* render_block_core_post_title() */
static int post_title(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	struct render_post p;
	struct buf title = BUF_INIT, cls = BUF_INIT, w = BUF_INIT;
	(void)in;
	if (current_post(r, &p))
		return PD_OK;
	int rc = block_get_the_title(r, &p, &title);
	if (rc || !title.len)
		goto out;
	const json_t *lv = attr(b, "level");
	char tag[8] = "h2";
	if (json_is_integer(lv))
		snprintf(tag, sizeof tag, json_integer_value(lv) == 0 ? "p" : "h%lld",
			 (long long)json_integer_value(lv));
	align_link_classes(b, NULL, &cls);
	if ((rc = wrapper(b, SUP_POST_TITLE, buf_str(&cls), &w)))
		goto out;
	rc = buf_printf(out, "<%s %s>", tag, buf_str(&w));
	if (attr_b(b, "isLink", 0)) {
		struct buf link = BUF_INIT;
		const char *rel = attr_s(b, "rel", "");
		permalink(r, p.id, &link);
		buf_puts(out, "<a href=\"");
		format_esc_url(buf_str(&link), out);
		buf_puts(out, "\" target=\"");
		format_esc_attr(attr_s(b, "linkTarget", "_self"), out);
		buf_puts(out, "\" ");
		if (*rel) {
			buf_puts(out, "rel=\"");
			format_esc_attr(rel, out);
			buf_putc(out, '"');
		}
		buf_putc(out, '>');
		buf_free(&link);
		buf_append(out, title.data, title.len);
		rc = buf_puts(out, "</a>");
	} else {
		rc = buf_append(out, title.data, title.len);
	}
	if (!rc)
		rc = buf_printf(out, "</%s>", tag);
out:
	buf_free(&title);
	buf_free(&cls);
	buf_free(&w);
	return rc;
}

/* render_block_core_post_date() with the core/post-data binding */
static int post_date(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	struct render_post p;
	struct buf dt = BUF_INIT, fd = BUF_INIT, cls = BUF_INIT, w = BUF_INIT;
	int rc = PD_OK, modified = 0;
	(void)in;
	const char *datetime = attr_s(b, "datetime", NULL);
	if (!datetime) {
		if (current_post(r, &p) || (p.has_password))
			return PD_OK;
		modified = !strcmp(attr_s(b, "displayType", ""), "modified");
		long off = post_offset(&p);
		if (modified) {
			/* only when modified is later than the date */
			if (strcmp(p.modified, p.date) > 0)
				rc = php_date("c", p.modified, off, &dt);
		} else {
			rc = php_date("c", p.date, off, &dt);
		}
		datetime = buf_str(&dt);
	}
	if (modified)
		buf_puts(&cls, "wp-block-post-date__modified-date");
	if (rc || !*datetime)
		goto out;
	/* wp_date( format, strtotime( datetime ) ): the local date part of "c" */
	char local[WPDATE_LEN];
	long off = 0;
	int oh = 0, om = 0;
	char sign = '+';
	if (strlen(datetime) >= 19) {
		snprintf(local, sizeof local, "%.10s %.8s", datetime, datetime + 11);
		if (sscanf(datetime + 19, "%c%d:%d", &sign, &oh, &om) == 3)
			off = (sign == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
	} else {
		goto out;
	}
	const char *format = attr_s(b, "format", "");
	if (!*format)
		format = option(r, "date_format", "F j, Y");
	if ((rc = php_date(format, local, off, &fd)))
		goto out;
	align_link_classes(b, NULL, &cls); /* cls already holds the first class */
	{
		/* align_link_classes appended after the modified class */
		struct buf c2 = BUF_INIT;
		if (modified)
			buf_puts(&c2, "wp-block-post-date__modified-date");
		const char *ta = attr_s(b, "textAlign", NULL);
		if (ta)
			buf_printf(&c2, "%shas-text-align-%s", c2.len ? " " : "", ta);
		if (has_link_color(b))
			buf_printf(&c2, "%shas-link-color", c2.len ? " " : "");
		buf_free(&cls);
		cls = c2;
	}
	if ((rc = wrapper(b, SUP_POST_DATE, buf_str(&cls), &w)))
		goto out;
	buf_printf(out, "<div %s><time datetime=\"%s\">", buf_str(&w), datetime);
	if (attr_b(b, "isLink", 0) && r->ctx->post_id) {
		struct buf link = BUF_INIT;
		permalink(r, r->ctx->post_id, &link);
		buf_printf(out, "<a href=\"%s\">%s</a>", buf_str(&link), buf_str(&fd));
		buf_free(&link);
	} else {
		buf_append(out, fd.data, fd.len);
	}
	rc = buf_puts(out, "</time></div>");
out:
	buf_free(&dt);
	buf_free(&fd);
	buf_free(&cls);
	buf_free(&w);
	return rc;
}

/* render_block_core_post_excerpt(): get_the_excerpt() of the post
 * (the explicit excerpt; a generated one is not rendered here) */
static int post_excerpt(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	struct render_post p;
	struct buf more = BUF_INIT, ex = BUF_INIT, cls = BUF_INIT, w = BUF_INIT;
	int rc = PD_OK;
	(void)in;
	if (current_post(r, &p))
		return PD_OK;
	const char *mt = attr_s(b, "moreText", "");
	if (*mt) {
		struct buf link = BUF_INIT;
		permalink(r, p.id, &link);
		buf_puts(&more, "<a class=\"wp-block-post-excerpt__more-link\" href=\"");
		format_esc_url(buf_str(&link), &more);
		buf_printf(&more, "\">%s</a>", mt);
		buf_free(&link);
	}
	long len = 55;
	const json_t *el = attr(b, "excerptLength");
	if (json_is_integer(el))
		len = (long)json_integer_value(el);
	if (!p.has_password) {
		/* get_the_excerpt(): the explicit one, else generated (55 words + " [&hellip;]") */
		struct buf raw = BUF_INIT;
		rc = block_get_the_excerpt(r, &p, 55, &raw);
		if (!rc)
			rc = format_trim_words(buf_str(&raw), (int)len, "&hellip;", &ex);
		buf_free(&raw);
	}
	if (rc)
		goto out;
	align_link_classes(b, NULL, &cls);
	if ((rc = wrapper(b, SUP_POST_DATE, buf_str(&cls), &w)))
		goto out;
	buf_printf(out, "<div %s><p class=\"wp-block-post-excerpt__excerpt\">%s", buf_str(&w), buf_str(&ex));
	if (attr_b(b, "showMoreOnNewLine", 1) && more.len)
		buf_printf(out, "</p><p class=\"wp-block-post-excerpt__more-text\">%s</p>", buf_str(&more));
	else
		buf_printf(out, " %s</p>", buf_str(&more));
	rc = buf_puts(out, "</div>");
out:
	buf_free(&more);
	buf_free(&ex);
	buf_free(&cls);
	buf_free(&w);
	return rc;
}

/* render_block_core_post_author_name() */
static int post_author_name(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	struct render_post p;
	struct render_user u;
	const struct render_source *s = r->ctx->src;
	struct buf cls = BUF_INIT, w = BUF_INIT;
	(void)in;
	if (current_post(r, &p) || !p.author || !s->user || s->user(s->ud, p.author, &u))
		return PD_OK;
	if (strcmp(p.type, "post") && strcmp(p.type, "page"))
		return PD_OK;
	align_link_classes(b, NULL, &cls);
	int rc = wrapper(b, SUP_POST_DATE, buf_str(&cls), &w);
	if (!rc) {
		buf_printf(out, "<div %s>", buf_str(&w));
		if (attr_b(b, "isLink", 0)) {
			struct buf link = BUF_INIT;
			if (s->author_link)
				s->author_link(s->ud, u.id, &link);
			buf_printf(out, "<a href=\"%s\" target=\"", buf_str(&link));
			format_esc_attr(attr_s(b, "linkTarget", "_self"), out);
			buf_printf(out, "\" class=\"wp-block-post-author-name__link\">%s</a>", u.display_name);
			buf_free(&link);
		} else {
			buf_puts(out, u.display_name);
		}
		rc = buf_puts(out, "</div>");
	}
	buf_free(&cls);
	buf_free(&w);
	return rc;
}

/* render_block_core_post_terms() with get_the_term_list() */
static int post_terms(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	const char *tax = attr_s(b, "term", NULL);
	struct render_term terms[64];
	size_t n = 0;
	(void)in;
	if (!tax || !r->ctx->post_id || !s || !s->post_terms)
		return PD_OK;
	if (strcmp(tax, "category") && strcmp(tax, "post_tag"))
		return PD_OK; /* post_format and others: not viewable here */
	if (s->post_terms(s->ud, r->ctx->post_id, tax, terms, 64, &n) || !n)
		return PD_OK;
	struct buf cls = BUF_INIT, w = BUF_INIT;
	buf_printf(&cls, "taxonomy-%s", tax);
	align_link_classes(b, NULL, &cls);
	int rc = wrapper(b, SUP_POST_DATE, buf_str(&cls), &w);
	/* the wrapper goes through wp_kses_post(): safecss_filter_attr() drops the last ';' */
	char *semi = w.data ? strstr(w.data, ";\" class=") : NULL;
	if (!semi && w.data && w.len > 2 && !strncmp(w.data, "style=", 6) && w.data[w.len - 2] == ';')
		semi = w.data + w.len - 2;
	if (semi) {
		memmove(semi, semi + 1, w.len - (size_t)(semi - w.data));
		w.len--;
	}
	const char *sep = attr_s(b, "separator", ", ");
	if (!*sep)
		sep = " ";
	const char *prefix = attr_s(b, "prefix", ""), *suffix = attr_s(b, "suffix", "");
	buf_printf(out, "<div %s>", buf_str(&w));
	if (*prefix)
		buf_printf(out, "<span class=\"wp-block-post-terms__prefix\">%s</span>", prefix);
	for (size_t i = 0; i < n && !rc; i++) {
		struct buf link = BUF_INIT;
		if (i) {
			buf_puts(out, "<span class=\"wp-block-post-terms__separator\">");
			format_esc_html(sep, out);
			buf_puts(out, "</span>");
		}
		if (s->term_link)
			s->term_link(s->ud, terms[i].id, tax, &link);
		buf_puts(out, "<a href=\"");
		format_esc_url(buf_str(&link), out);
		rc = buf_printf(out, "\" rel=\"tag\">%s</a>", terms[i].name);
		buf_free(&link);
	}
	if (*suffix)
		buf_printf(out, "<span class=\"wp-block-post-terms__suffix\">%s</span>", suffix);
	buf_puts(out, "</div>");
	buf_free(&cls);
	buf_free(&w);
	return rc;
}

/* render_block_core_read_more() */
static int read_more(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	struct render_post p;
	struct buf title = BUF_INIT, cls = BUF_INIT, w = BUF_INIT, link = BUF_INIT;
	(void)in;
	if (current_post(r, &p))
		return PD_OK;
	int rc = block_get_the_title(r, &p, &title);
	if (!rc && !title.len)
		rc = buf_printf(&title, "untitled post %ld", p.id);
	const char *jc = attr_s(b, "justifyContent", "");
	if (*jc)
		buf_printf(&cls, "is-justified-%s", jc);
	if (!rc)
		rc = wrapper(b, SUP_READ_MORE, buf_str(&cls), &w);
	permalink(r, p.id, &link);
	const char *text = attr_s(b, "content", "");
	if (!rc) {
		buf_printf(out, "<a %s href=\"%s\" target=\"", buf_str(&w), buf_str(&link));
		format_esc_attr(attr_s(b, "linkTarget", "_self"), out);
		rc = buf_printf(out, "\">%s<span class=\"screen-reader-text\">: %s</span></a>",
				*text ? text : "Read more", buf_str(&title));
	}
	buf_free(&title);
	buf_free(&cls);
	buf_free(&w);
	buf_free(&link);
	return rc;
}

/* The key of pressd's nonces: the option pressd_nonce_key when set (the
 * site's NONCE_KEY, stable across restarts and shared by the servers of one
 * site), else random per process. WordPress keys its nonces with NONCE_KEY
 * and NONCE_SALT from wp-config.php; pressd verifies no nonces (no cookie
 * logins, no wp-login.php), so its nonces only need WordPress's form and its
 * per-user, per-action, per-tick variation. */
static unsigned char nonce_key[32];
static pthread_once_t nonce_key_once = PTHREAD_ONCE_INIT;

static void nonce_key_init(void)
{
	randombytes_buf(nonce_key, sizeof nonce_key);
}

/* wp_create_nonce( action ) for ctx->user_id: substr( hash_hmac( 'md5',
 * "tick|action|uid|token", key ), -12, 10 ), tick = ceil( time() / 43200 )
 * (wp_nonce_tick()), token '' (application passwords have no session). */
static int create_nonce(struct render_ctx *ctx, const char *action, struct buf *out)
{
	struct hmac_md5_ctx h;
	uint8_t d[MD5_DIGEST_SIZE];
	char msg[512];
	long tick = (long)((time(NULL) + 43199) / 43200);
	pthread_once(&nonce_key_once, nonce_key_init);
	ctx->vary |= RENDER_VARY_USER | RENDER_UNCACHEABLE; /* the user and the 12-hour tick */
	int n = snprintf(msg, sizeof msg, "%ld|%s|%ld|", tick, action, ctx->user_id);
	if (n < 0 || (size_t)n >= sizeof msg)
		return PD_ELIMIT;
	const struct render_source *s = ctx->src;
	const char *key = s && s->option ? s->option(s->ud, "pressd_nonce_key") : NULL;
	if (key && *key)
		hmac_md5_set_key(&h, strlen(key), (const uint8_t *)key);
	else
		hmac_md5_set_key(&h, sizeof nonce_key, nonce_key);
	hmac_md5_update(&h, (size_t)n, (const uint8_t *)msg);
	hmac_md5_digest(&h, sizeof d, d);
	/* the last 12 of the 32 hex digits, of which the first 10 */
	static const char hex[] = "0123456789abcdef";
	char nonce[11];
	for (int i = 0; i < 10; i++) {
		int k = 20 + i; /* hex digit index */
		nonce[i] = hex[k % 2 ? d[k / 2] & 15 : d[k / 2] >> 4];
	}
	nonce[10] = 0;
	return buf_puts(out, nonce);
}

/* wp_logout_url( redirect ): site_url( 'wp-login.php?action=logout' ) with
 * redirect_to = urlencode( redirect ) when redirect is not empty and
 * wp_nonce_url()'s _wpnonce, HTML-encoded ("&amp;") as wp_nonce_url()
 * returns it. */
static int logout_url(struct render_ctx *ctx, const char *redirect, struct buf *out)
{
	buf_printf(out, "%s/wp-login.php?action=logout", ctx->site_url);
	if (redirect && *redirect) {
		buf_puts(out, "&amp;redirect_to=");
		url_encode(redirect, out);
	}
	buf_puts(out, "&amp;_wpnonce=");
	return create_nonce(ctx, "log-out", out);
}

/* render_block_core_loginout(): wp_loginout() for the visitor (a login link
 * or form, or the logout link of a logged-in user). */
static int loginout(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	struct render_ctx *c = r->ctx;
	struct buf cur = BUF_INIT, w = BUF_INIT, login = BUF_INIT;
	int rc;
	(void)in;
	c->vary |= RENDER_VARY_USER | RENDER_VARY_REQUEST; /* redirect_to, logged-in class */
	buf_printf(&cur, "%s%s", c->request_host_url ? c->request_host_url : c->home_url,
		   c->request_uri ? c->request_uri : "");
	buf_printf(&login, "%s/wp-login.php", c->site_url);
	int form = !c->user_id && attr_b(b, "displayLoginAsForm", 0);
	const char *cls = c->user_id ? "logged-in" : form ? "logged-out has-login-form" : "logged-out";
	rc = wrapper(b, SUP_LOGINOUT, cls, &w);
	buf_printf(out, "<div %s>", buf_str(&w));
	if (form) {
		buf_puts(out, "<form name=\"loginform\" id=\"loginform\" action=\"");
		format_esc_url(buf_str(&login), out);
		buf_puts(out, "\" method=\"post\">"
			 "<p class=\"login-username\">\n\t\t\t\t<label for=\"user_login\">Username or Email Address</label>\n"
			 "\t\t\t\t<input type=\"text\" name=\"log\" id=\"user_login\" autocomplete=\"username\" class=\"input\" value=\"\" size=\"20\" />\n"
			 "\t\t\t</p><p class=\"login-password\">\n\t\t\t\t<label for=\"user_pass\">Password</label>\n"
			 "\t\t\t\t<input type=\"password\" name=\"pwd\" id=\"user_pass\" autocomplete=\"current-password\" spellcheck=\"false\" class=\"input\" value=\"\" size=\"20\" />\n"
			 "\t\t\t</p><p class=\"login-remember\"><label><input name=\"rememberme\" type=\"checkbox\" id=\"rememberme\" value=\"forever\" /> Remember Me</label></p>"
			 "<p class=\"login-submit\">\n\t\t\t\t<input type=\"submit\" name=\"wp-submit\" id=\"wp-submit\" class=\"button button-primary\" value=\"Log In\" />\n"
			 "\t\t\t\t<input type=\"hidden\" name=\"redirect_to\" value=\"");
		format_esc_url(buf_str(&cur), out);
		buf_puts(out, "\" />\n\t\t\t</p></form>");
	} else if (c->user_id) {
		struct buf url = BUF_INIT;
		logout_url(c, attr_b(b, "redirectToCurrent", 1) ? buf_str(&cur) : "", &url);
		buf_puts(out, "<a href=\"");
		format_esc_url(buf_str(&url), out);
		buf_puts(out, "\">Log out</a>");
		buf_free(&url);
	} else {
		struct buf url = BUF_INIT;
		buf_puts(&url, buf_str(&login));
		if (attr_b(b, "redirectToCurrent", 1)) {
			buf_puts(&url, "?redirect_to=");
			url_encode(buf_str(&cur), &url);
		}
		buf_puts(out, "<a href=\"");
		format_esc_url(buf_str(&url), out);
		buf_puts(out, "\">Log in</a>");
		buf_free(&url);
	}
	rc = buf_puts(out, "</div>");
	buf_free(&cur);
	buf_free(&w);
	buf_free(&login);
	return rc;
}

/* render_block_core_site_tagline() */
static int site_tagline(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const char *t = option(r, "blogdescription", "");
	struct buf cls = BUF_INIT, w = BUF_INIT, v = BUF_INIT;
	(void)in;
	if (!*t)
		return PD_OK;
	format_esc_html(t, &v); /* get_bloginfo('description') is esc_html'd for display */
	const char *ta = attr_s(b, "textAlign", "");
	if (*ta)
		buf_printf(&cls, "has-text-align-%s", ta);
	int rc = wrapper(b, SUP_SITE_TAGLINE, buf_str(&cls), &w);
	const json_t *lv = attr(b, "level");
	char tag[8] = "p";
	if (json_is_integer(lv) && json_integer_value(lv))
		snprintf(tag, sizeof tag, "h%lld", (long long)json_integer_value(lv));
	if (!rc)
		rc = buf_printf(out, "<%s %s>%s</%s>", tag, buf_str(&w), buf_str(&v), tag);
	buf_free(&cls);
	buf_free(&w);
	buf_free(&v);
	return rc;
}

/* render_block_core_site_title() */
static int site_title(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const char *t = option(r, "blogname", "");
	struct buf cls = BUF_INIT, w = BUF_INIT, v = BUF_INIT, title = BUF_INIT;
	(void)in;
	format_esc_html(t, &title); /* get_bloginfo('name') */
	/* ! trim( $site_title ): blank, or "0" once PHP's trim() characters go */
	size_t b0 = 0, b1 = title.len;
	while (b0 < b1 && strchr(" \t\n\r\v", title.data[b0]))
		b0++;
	while (b1 > b0 && strchr(" \t\n\r\v", title.data[b1 - 1]))
		b1--;
	if (b0 == b1 || (b1 - b0 == 1 && title.data[b0] == '0')) {
		buf_free(&title); /* format_esc_html() allocates even for "" */
		return PD_OK;
	}
	const json_t *lv = attr(b, "level");
	char tag[8] = "h1";
	if (json_is_integer(lv))
		snprintf(tag, sizeof tag, json_integer_value(lv) == 0 ? "p" : "h%lld",
			 (long long)json_integer_value(lv));
	if (attr_b(b, "isLink", 1)) {
		/* is_home() is false in a REST request: no aria-current */
		buf_printf(&v, "<a href=\"%s\" target=\"", r->ctx->home_url);
		format_esc_attr(attr_s(b, "linkTarget", "_self"), &v);
		buf_printf(&v, "\" rel=\"home\">%s</a>", buf_str(&title));
	} else {
		buf_append(&v, title.data, title.len);
	}
	const char *ta = attr_s(b, "textAlign", "");
	if (*ta)
		buf_printf(&cls, "has-text-align-%s", ta);
	if (has_link_color(b))
		buf_printf(&cls, "%shas-link-color", cls.len ? " " : "");
	int rc = wrapper(b, SUP_SITE_TITLE, buf_str(&cls), &w);
	if (!rc)
		rc = buf_printf(out, "<%s %s>%s</%s>", tag, buf_str(&w), buf_str(&v), tag);
	buf_free(&cls);
	buf_free(&w);
	buf_free(&v);
	buf_free(&title);
	return rc;
}

static const char SUP_AVATAR[] =
	"{\"align\":true,\"alignWide\":false,\"spacing\":{\"margin\":true,\"padding\":true},"
	"\"__experimentalBorder\":{\"__experimentalSkipSerialization\":true,\"radius\":true,\"width\":true,\"color\":true,\"style\":true},"
	"\"color\":{\"text\":false,\"background\":false}}";

/* get_avatar( user, size, '', alt, class ) with Gravatar (sha256 of the
 * e-mail, d=mm, r=g) as WordPress 6.9 builds it. */
int block_avatar_img(const char *raw_email, long size, const char *alt, const char *extra_class,
		     const char *extra_attr, struct buf *out)
{
	struct sha256_ctx c;
	uint8_t d[SHA256_DIGEST_SIZE];
	struct buf email = BUF_INIT, a = BUF_INIT;
	const char *e = raw_email ? raw_email : "";
	while (*e == ' ' || *e == '\t' || *e == '\n' || *e == '\r' || *e == '\v')
		e++;
	for (; *e; e++)
		buf_putc(&email, *e >= 'A' && *e <= 'Z' ? (char)(*e - 'A' + 'a') : *e);
	while (email.len && strchr(" \t\n\r\v", email.data[email.len - 1]))
		email.data[--email.len] = 0;
	sha256_init(&c);
	sha256_update(&c, email.len, (const uint8_t *)buf_str(&email));
	sha256_digest(&c, sizeof d, d);
	char hex[65];
	for (int i = 0; i < 32; i++)
		sprintf(hex + 2 * i, "%02x", d[i]);
	format_esc_attr(alt, &a);
	int rc = buf_printf(out, "<img alt='%s' src='https://secure.gravatar.com/avatar/%s?s=%ld&#038;d=mm&#038;r=g'"
			    " srcset='https://secure.gravatar.com/avatar/%s?s=%ld&#038;d=mm&#038;r=g 2x'"
			    " class='avatar avatar-%ld photo%s%s' height='%ld' width='%ld' %s/>",
			    buf_str(&a), hex, size, hex, size * 2, size, extra_class ? " " : "",
			    extra_class ? extra_class : "", size, size, extra_attr ? extra_attr : "");
	buf_free(&email);
	buf_free(&a);
	return rc;
}

static int post_author_user(struct block_render *r, struct render_user *u)
{
	struct render_post p;
	const struct render_source *s = r->ctx->src;
	if (current_post(r, &p) || !p.author || !s->user || s->user(s->ud, p.author, u))
		return PD_ENOTFOUND;
	return PD_OK;
}

/* render_block_core_avatar(): the post's author, or in the comment template
 * the comment's author (get_avatar( $comment ): the user's e-mail when the
 * comment has one, nothing for pingbacks and trackbacks) */
static int avatar(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	struct render_user u = { 0 };
	const struct render_source *s = r->ctx->src;
	const struct render_comment *c = r->comment;
	(void)in;
	long size = 96;
	const json_t *sz = attr(b, "size");
	if (json_is_integer(sz))
		size = (long)json_integer_value(sz);
	if (c) {
		/* get_avatar_data(): the user's e-mail when the comment has a user */
		if (!c->user_id || !s->user || s->user(s->ud, c->user_id, &u) != PD_OK)
			u.email = c->author_email;
	} else if (json_is_integer(attr(b, "userId"))) {
		if (!s->user || s->user(s->ud, (long)json_integer_value(attr(b, "userId")), &u))
			return PD_OK;
	} else if (post_author_user(r, &u)) {
		return PD_OK;
	}
	struct buf w = BUF_INIT, bcls = BUF_INIT, bcss = BUF_INIT, icls = BUF_INIT, ist = BUF_INIT, alt = BUF_INIT,
		   img = BUF_INIT, link = BUF_INIT, label = BUF_INIT;
	int rc = wrapper(b, SUP_AVATAR, NULL, &w);
	block_border_styles(b, &bcls, &bcss);
	buf_puts(&icls, "wp-block-avatar__image");
	if (bcls.len)
		buf_printf(&icls, " %s", buf_str(&bcls));
	if (bcss.len) {
		buf_puts(&ist, " style=\"");
		format_esc_attr(buf_str(&bcss), &ist);
		buf_puts(&ist, "\"");
	}
	buf_printf(&alt, "%s Avatar", c ? c->author : u.display_name);
	/* is_avatar_comment_type(): only comments have avatars */
	if (!c || !*c->type || !strcmp(c->type, "comment"))
		block_avatar_img(u.email, size, buf_str(&alt), buf_str(&icls), buf_str(&ist), &img);
	buf_printf(out, "<div %s>", buf_str(&w));
	const char *target = attr_s(b, "linkTarget", "_self");
	int is_link = attr_b(b, "isLink", 0) && (!c || *c->author_url);
	if (is_link && c) {
		buf_puts(&link, c->author_url);
	} else if (is_link && s->author_link) {
		s->author_link(s->ud, u.id, &link);
	}
	if (is_link && !strcmp(target, "_blank")) {
		struct buf t = BUF_INIT;
		if (c)
			buf_printf(&t, "(%s website link, opens in a new tab)", c->author);
		else
			buf_printf(&t, "(%s author archive, opens in a new tab)", u.display_name);
		buf_puts(&label, "aria-label=\"");
		format_esc_attr(buf_str(&t), &label);
		buf_putc(&label, '"');
		buf_free(&t);
	}
	if (is_link) {
		buf_puts(out, "<a href=\"");
		format_esc_url(buf_str(&link), out);
		buf_puts(out, "\" target=\"");
		format_esc_attr(target, out);
		buf_printf(out, "\" %s class=\"wp-block-avatar__link\">%s</a>", buf_str(&label), buf_str(&img));
	} else {
		buf_append(out, buf_str(&img), img.len);
	}
	rc = buf_puts(out, "</div>");
	buf_free(&w);
	buf_free(&bcls);
	buf_free(&bcss);
	buf_free(&icls);
	buf_free(&ist);
	buf_free(&alt);
	buf_free(&img);
	buf_free(&link);
	buf_free(&label);
	return rc;
}

/* render_block_core_post_author() */
static int post_author(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	struct render_user u;
	const struct render_source *s = r->ctx->src;
	(void)in;
	if (post_author_user(r, &u))
		return PD_OK;
	struct buf w = BUF_INIT, cls = BUF_INIT, name = BUF_INIT;
	const char *ij = attr_s(b, "itemsJustification", NULL);
	if (ij)
		buf_printf(&cls, "items-justified-%s", ij);
	align_link_classes(b, NULL, &cls);
	int rc = wrapper(b, SUP_POST_DATE, buf_str(&cls), &w);
	const char *target = attr_s(b, "linkTarget", "_self");
	if (attr_b(b, "isLink", 0) && *target) {
		struct buf link = BUF_INIT;
		if (s->author_link)
			s->author_link(s->ud, u.id, &link);
		buf_puts(&name, "<a href=\"");
		format_esc_url(buf_str(&link), &name);
		buf_puts(&name, "\" target=\"");
		format_esc_attr(target, &name);
		buf_printf(&name, "\">%s</a>", u.display_name);
		buf_free(&link);
	} else {
		buf_puts(&name, u.display_name);
	}
	buf_printf(out, "<div %s>", buf_str(&w));
	long size = 48;
	const json_t *sz = attr(b, "avatarSize");
	if (json_is_integer(sz))
		size = (long)json_integer_value(sz);
	if (attr_b(b, "showAvatar", 1)) {
		buf_puts(out, "<div class=\"wp-block-post-author__avatar\">");
		if (size)
			block_avatar_img(u.email, size, "", NULL, NULL, out);
		buf_puts(out, "</div>");
	}
	buf_puts(out, "<div class=\"wp-block-post-author__content\">");
	const char *byline = attr_s(b, "byline", "");
	if (*byline)
		buf_printf(out, "<p class=\"wp-block-post-author__byline\">%s</p>", byline);
	buf_printf(out, "<p class=\"wp-block-post-author__name\">%s</p>", buf_str(&name));
	if (attr_b(b, "showBio", 0))
		buf_printf(out, "<p class=\"wp-block-post-author__bio\">%s</p>", u.description);
	rc = buf_puts(out, "</div></div>");
	buf_free(&w);
	buf_free(&cls);
	buf_free(&name);
	return rc;
}

/* render_block_core_post_author_biography() */
static int post_author_biography(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	struct render_user u;
	(void)in;
	if (post_author_user(r, &u) || !*u.description || !strcmp(u.description, "0"))
		return PD_OK;
	struct buf w = BUF_INIT, cls = BUF_INIT;
	const char *ta = attr_s(b, "textAlign", "");
	if (*ta)
		buf_printf(&cls, "has-text-align-%s", ta);
	int rc = wrapper(b, SUP_POST_DATE, buf_str(&cls), &w);
	if (!rc)
		rc = buf_printf(out, "<div %s>%s</div>", buf_str(&w), u.description);
	buf_free(&w);
	buf_free(&cls);
	return rc;
}

/* render_block_core_shortcode(): wpautop() of the block's content */
static int shortcode_block(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	(void)r;
	(void)b;
	return render_autop(buf_str(in), 1, out);
}

static const char SUP_FOOTNOTES[] =
	"{\"__experimentalBorder\":{\"radius\":true,\"color\":true,\"width\":true,\"style\":true},"
	"\"color\":{\"background\":true,\"link\":true,\"text\":true},\"spacing\":{\"margin\":true,\"padding\":true},"
	"\"typography\":{\"fontSize\":true,\"lineHeight\":true,\"__experimentalFontFamily\":true,"
	"\"__experimentalTextDecoration\":true,\"__experimentalFontStyle\":true,\"__experimentalFontWeight\":true,"
	"\"__experimentalLetterSpacing\":true,\"__experimentalTextTransform\":true,\"__experimentalWritingMode\":true}}";

/* render_block_core_footnotes(): the post's "footnotes" meta (JSON list of {id, content}) */
static int footnotes(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	struct render_post p;
	(void)in;
	if (!r->ctx->post_id || !s || !s->post_meta || current_post(r, &p) || p.has_password)
		return PD_OK;
	const char *raw = s->post_meta(s->ud, r->ctx->post_id, "footnotes");
	if (!raw || !*raw || !strcmp(raw, "0"))
		return PD_OK;
	json_t *list = json_loads(raw, JSON_DECODE_ANY, NULL);
	int rc = PD_OK;
	if (!json_is_array(list) || !json_array_size(list)) {
		json_decref(list);
		return PD_OK;
	}
	struct buf w = BUF_INIT;
	rc = wrapper(b, SUP_FOOTNOTES, NULL, &w);
	buf_printf(out, "<ol %s>", buf_str(&w));
	size_t i;
	json_t *f;
	json_array_foreach(list, i, f) {
		const char *id = json_string_value(json_object_get(f, "id"));
		const char *c = json_string_value(json_object_get(f, "content"));
		buf_printf(out, "<li id=\"%s\">%s <a href=\"#%s-link\" aria-label=\"Jump to footnote reference %zu\">"
				"\xe2\x86\xa9\xef\xb8\x8e</a></li>", id ? id : "", c ? c : "", id ? id : "", i + 1);
	}
	rc = buf_puts(out, "</ol>");
	json_decref(list);
	buf_free(&w);
	return rc;
}

static const char SUP_SEARCH[] =
	"{\"align\":[\"left\",\"center\",\"right\"],\"color\":{\"gradients\":true,\"__experimentalSkipSerialization\":true},"
	"\"typography\":{\"__experimentalSkipSerialization\":true,\"fontSize\":true},"
	"\"__experimentalBorder\":{\"color\":true,\"radius\":true,\"width\":true,\"__experimentalSkipSerialization\":true},"
	"\"spacing\":{\"margin\":true}}";

/* render_block_core_search() for blocks without custom colors, borders or
 * widths (their inline styles are not produced). */
static int search(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	(void)in;
	const char *label = attr_s(b, "label", "Search"), *button_text = attr_s(b, "buttonText", "Search");
	const char *pos = attr_s(b, "buttonPosition", "button-outside");
	int icon = attr_b(b, "buttonUseIcon", 0), show_label = attr_b(b, "showLabel", 1);
	int id = ++r->ctx->counters[RENDER_COUNTER_UNIQUE_ID];
	struct buf cls = BUF_INIT, typo = BUF_INIT, w = BUF_INIT;
	if (!strcmp(pos, "button-inside"))
		buf_puts(&cls, "wp-block-search__button-inside");
	else if (!strcmp(pos, "button-outside"))
		buf_puts(&cls, "wp-block-search__button-outside");
	else if (!strcmp(pos, "no-button"))
		buf_puts(&cls, "wp-block-search__no-button");
	else if (!strcmp(pos, "button-only"))
		buf_puts(&cls, "wp-block-search__button-only wp-block-search__searchfield-hidden");
	if (*pos && strcmp(pos, "no-button")) /* buttonUseIcon defaults to false */
		buf_printf(&cls, " %s", icon ? "wp-block-search__icon-button" : "wp-block-search__text-button");
	/* get_typography_classes_for_block_core_search() */
	const char *fs = attr_s(b, "fontSize", NULL), *ff = attr_s(b, "fontFamily", NULL);
	if (fs)
		buf_printf(&typo, "has-%s-font-size", fs);
	if (ff)
		buf_printf(&typo, "%shas-%s-font-family", typo.len ? " " : "", ff);
	int rc = wrapper(b, SUP_SEARCH, buf_str(&cls), &w);
	buf_printf(out, "<form role=\"search\" method=\"get\" action=\"%s/\" %s    >", r->ctx->home_url, buf_str(&w));
	buf_puts(out, "<label class=\"wp-block-search__label");
	if (show_label && *label) {
		if (typo.len)
			buf_printf(out, " %s", buf_str(&typo));
	} else {
		buf_puts(out, " screen-reader-text");
	}
	buf_printf(out, "\" for=\"wp-block-search__input-%d\" >%s</label>", id, *label ? label : "Search");
	buf_printf(out, "<div class=\"wp-block-search__inside-wrapper\" ><input class=\"wp-block-search__input%s%s\" "
			"id=\"wp-block-search__input-%d\" placeholder=\"", typo.len ? " " : "", buf_str(&typo), id);
	format_esc_attr(attr_s(b, "placeholder", ""), out);
	buf_puts(out, "\" value=\"\" type=\"search\" name=\"s\" required />");
	if (strcmp(pos, "no-button")) {
		struct buf al = BUF_INIT;
		format_strip_all_tags(button_text, &al);
		buf_puts(out, "<button aria-label=\"");
		format_esc_attr(buf_str(&al), out);
		buf_printf(out, "\" class=\"wp-block-search__button%s%s%s wp-element-button\" type=\"submit\" >",
			   typo.len ? " " : "", buf_str(&typo), icon ? " has-icon" : "");
		if (icon)
			buf_puts(out, "<svg class=\"search-icon\" viewBox=\"0 0 24 24\" width=\"24\" height=\"24\">\n\t\t\t\t\t"
				      "<path d=\"M13 5c-3.3 0-6 2.7-6 6 0 1.4.5 2.7 1.3 3.7l-3.8 3.8 1.1 1.1 3.8-3.8c1 .8 2.3 1.3 3.7 1.3 3.3 0 6-2.7 6-6S16.3 5 13 5zm0 10.5c-2.5 0-4.5-2-4.5-4.5s2-4.5 4.5-4.5 4.5 2 4.5 4.5-2 4.5-4.5 4.5z\"></path>\n\t\t\t\t</svg>");
		else
			buf_puts(out, button_text);
		buf_puts(out, "</button>");
		buf_free(&al);
	}
	rc = buf_puts(out, "</div></form>");
	buf_free(&cls);
	buf_free(&typo);
	buf_free(&w);
	return rc;
}

static const char SUP_FEATURED_IMAGE[] =
	"{\"align\":[\"left\",\"right\",\"center\",\"wide\",\"full\"],\"color\":{\"text\":false,\"background\":false},"
	"\"__experimentalBorder\":{\"color\":true,\"radius\":true,\"width\":true,\"__experimentalSkipSerialization\":true},"
	"\"shadow\":{\"__experimentalSkipSerialization\":true},\"spacing\":{\"margin\":true,\"padding\":true}}";

/* get_the_post_thumbnail( post, size, attr ): wp_get_attachment_image() with
 * the wp-post-image class, the named size from the metadata (else the full
 * size), srcset and sizes. Inside the_content it adds no loading attributes
 * (wp_get_loading_optimization_attributes() leaves those to
 * wp_filter_content_tags(), which runs later). */
int block_post_thumbnail(struct block_render *r, long thumb_id, const char *size, const char *cls, const char *alt,
			 const char *style, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	struct render_attachment a;
	if (!s->attachment || s->attachment(s->ud, thumb_id, &a))
		return PD_ENOTFOUND;
	struct buf src = BUF_INIT, dalt = BUF_INIT, tag = BUF_INIT;
	struct buf *whole = out;
	if (a.file && *a.file)
		buf_printf(&src, "%s/%s", r->ctx->uploads_url ? r->ctx->uploads_url : "", a.file);
	else
		buf_puts(&src, a.guid);
	/* image_downsize(): the named size from the metadata, else the full size */
	long w = 0, h = 0;
	json_t *meta = NULL;
	if (a.metadata && phpser_unserialize(a.metadata, strlen(a.metadata), &meta) == PD_OK && json_is_object(meta)) {
		const json_t *sz = json_object_get(json_object_get(meta, "sizes"), size);
		const char *f = json_string_value(json_object_get(sz, "file"));
		if (f) {
			const char *slash = strrchr(buf_str(&src), '/');
			size_t keep = slash ? (size_t)(slash - buf_str(&src)) + 1 : 0;
			src.len = keep;
			if (src.data)
				src.data[keep] = 0;
			buf_puts(&src, f);
			w = (long)json_integer_value(json_object_get(sz, "width"));
			h = (long)json_integer_value(json_object_get(sz, "height"));
		} else {
			w = (long)json_integer_value(json_object_get(meta, "width"));
			h = (long)json_integer_value(json_object_get(meta, "height"));
		}
	}
	json_decref(meta);
	if (a.metadata)
		out = &tag; /* srcset and sizes are added to the finished tag */
	/* trim( strip_tags( alt meta ) ) */
	format_strip_tags(a.alt ? a.alt : "", &dalt);
	buf_puts(out, "<img ");
	if (w > 0 && h > 0)
		buf_printf(out, "width=\"%ld\" height=\"%ld\" ", w, h);
	buf_puts(out, "src=\"");
	format_esc_attr(buf_str(&src), out);
	buf_puts(out, "\" class=\"");
	if (cls) {
		format_esc_attr(cls, out);
	} else {
		struct buf c = BUF_INIT;
		buf_printf(&c, "attachment-%s size-%s", size, size);
		format_esc_attr(buf_str(&c), out);
		buf_free(&c);
	}
	buf_puts(out, " wp-post-image\" alt=\"");
	format_esc_attr(alt ? alt : buf_str(&dalt), out);
	buf_putc(out, '"');
	if (style) {
		buf_puts(out, " style=\"");
		format_esc_attr(style, out);
		buf_putc(out, '"');
	}
	int rc = buf_puts(out, " />");
	if (!rc && out == &tag)
		rc = media_image_add_srcset(r->ctx, buf_str(&tag), a.metadata, whole);
	buf_free(&src);
	buf_free(&dalt);
	buf_free(&tag);
	return rc;
}

/* render_block_core_post_featured_image() */
static int post_featured_image(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	struct render_post p;
	(void)in;
	if (current_post(r, &p) || !s->post_meta)
		return PD_OK;
	const char *tid = s->post_meta(s->ud, p.id, "_thumbnail_id");
	long thumb = tid ? atol(tid) : 0;
	if (thumb <= 0)
		return PD_OK;
	int is_link = attr_b(b, "isLink", 0);
	const char *size = attr_s(b, "sizeSlug", "post-thumbnail");
	struct buf bcls = BUF_INIT, bcss = BUF_INIT, style = BUF_INIT, img = BUF_INIT, title = BUF_INIT, alt = BUF_INIT,
		   overlay = BUF_INIT, fig = BUF_INIT, w = BUF_INIT;
	block_border_styles(b, &bcls, &bcss);
	if (is_link) {
		block_get_the_title(r, &p, &title);
		if (title.len) {
			struct buf st = BUF_INIT;
			format_strip_tags(buf_str(&title), &st);
			const char *t = buf_str(&st);
			size_t n = st.len;
			while (n && strchr(" \t\n\r\v", *t))
				t++, n--;
			while (n && strchr(" \t\n\r\v", t[n - 1]))
				n--;
			buf_append(&alt, t, n);
			buf_free(&st);
		} else {
			buf_printf(&alt, "Untitled post %ld", p.id);
		}
	}
	buf_append(&style, buf_str(&bcss), bcss.len);
	const char *ar = attr_s(b, "aspectRatio", ""), *height = attr_s(b, "height", ""), *width = attr_s(b, "width", "");
	if (*ar)
		buf_puts(&style, "width:100%;height:100%;");
	else if (*height)
		buf_printf(&style, "height:%s;", height);
	const char *scale = attr_s(b, "scale", "cover");
	if (*scale)
		buf_printf(&style, "object-fit:%s;", scale);
	/* the block sets attr['style'] only when it is not empty */
	int rc = block_post_thumbnail(r, thumb, size, bcls.len ? buf_str(&bcls) : NULL, is_link ? buf_str(&alt) : NULL,
				      style.len ? buf_str(&style) : NULL, &img);
	if (rc) {
		rc = PD_OK;
		goto out;
	}
	/* get_block_core_post_featured_image_overlay_element_markup() */
	const json_t *dim = attr(b, "dimRatio");
	if (json_is_integer(dim) && json_integer_value(dim)) {
		struct buf oc = BUF_INIT;
		buf_puts(&oc, "wp-block-post-featured-image__overlay");
		if (bcls.len)
			buf_printf(&oc, " %s", buf_str(&bcls));
		buf_printf(&oc, " has-background-dim has-background-dim-%lld", (long long)json_integer_value(dim));
		const char *oc_color = attr_s(b, "overlayColor", ""), *grad = attr_s(b, "gradient", "");
		if (*oc_color)
			buf_printf(&oc, " has-%s-background-color", oc_color);
		if (*grad || *attr_s(b, "customGradient", ""))
			buf_puts(&oc, " has-background-gradient");
		if (*grad)
			buf_printf(&oc, " has-%s-gradient-background", grad);
		buf_puts(&overlay, "<span class=\"");
		format_esc_attr(buf_str(&oc), &overlay);
		buf_puts(&overlay, "\" style=\"\" aria-hidden=\"true\"></span>");
		buf_free(&oc);
	}
	if (is_link) {
		struct buf link = BUF_INIT;
		const char *rel = attr_s(b, "rel", "");
		permalink(r, p.id, &link);
		buf_printf(&fig, "<a href=\"%s\" target=\"", buf_str(&link));
		format_esc_attr(attr_s(b, "linkTarget", "_self"), &fig);
		buf_puts(&fig, "\" ");
		if (*rel) {
			buf_puts(&fig, "rel=\"");
			format_esc_attr(rel, &fig);
			buf_putc(&fig, '"');
		}
		buf_putc(&fig, ' ');
		if (*height) {
			buf_puts(&fig, "style=\"height:");
			format_esc_attr(height, &fig);
			buf_putc(&fig, '"');
		}
		buf_printf(&fig, ">%s%s</a>", buf_str(&img), buf_str(&overlay));
		buf_free(&link);
	} else {
		buf_printf(&fig, "%s%s", buf_str(&img), buf_str(&overlay));
	}
	struct buf wst = BUF_INIT;
	if (*ar)
		buf_printf(&wst, "aspect-ratio:%s;", ar);
	if (*width)
		buf_printf(&wst, "width:%s;", width);
	if (*height)
		buf_printf(&wst, "height:%s;", height);
	rc = block_wrapper_attrs(b, SUP_FEATURED_IMAGE, NULL, buf_str(&wst), &w);
	buf_free(&wst);
	if (!rc)
		rc = buf_printf(out, "<figure %s>%s</figure>", buf_str(&w), buf_str(&fig));
out:
	buf_free(&bcls);
	buf_free(&bcss);
	buf_free(&style);
	buf_free(&img);
	buf_free(&title);
	buf_free(&alt);
	buf_free(&overlay);
	buf_free(&fig);
	buf_free(&w);
	return rc;
}

/* comment_form( array(), post ) with the block's defaults
 * (post_comments_form_block_form_defaults: button classes); the outer <div>
 * carries `respond_attrs`. A logged-in user gets the "Logged in as" line
 * instead of the name, email, url and cookie fields, and users who may post
 * unfiltered HTML the wp_comment_form_unfiltered_html_nonce() field. */
static int comment_form(struct block_render *r, long post_id, const char *respond_attrs, struct buf *out)
{
	/* the cancel-reply link; is_user_logged_in() */
	r->ctx->vary |= RENDER_VARY_REQUEST | RENDER_VARY_USER;
	buf_printf(out, "\t<div id=\"respond\" %s>\n\t\t<h3 id=\"reply-title\" class=\"comment-reply-title\">Leave a Reply "
			"<small><a rel=\"nofollow\" id=\"cancel-comment-reply-link\" href=\"", respond_attrs);
	struct buf cancel = BUF_INIT;
	block_request_url(r->ctx, "replytocom", NULL, NULL, 1, &cancel); /* remove_query_arg( 'replytocom' ) */
	format_esc_url(buf_str(&cancel), out);
	buf_free(&cancel);
	buf_printf(out, "#respond\" style=\"display:none;\">Cancel reply</a></small></h3>"
			"<form action=\"%s/wp-comments-post.php\" method=\"post\" id=\"commentform\" class=\"comment-form\">", r->ctx->site_url);
	static const char REQUIRED[] = "<span class=\"required-field-message\">Required fields are marked "
				       "<span class=\"required\">*</span></span></p>";
	static const char COMMENT_FIELD[] =
		"<p class=\"comment-form-comment\"><label for=\"comment\">Comment <span class=\"required\">*</span></label> "
		"<textarea id=\"comment\" name=\"comment\" cols=\"45\" rows=\"8\" maxlength=\"65525\" required></textarea></p>";
	static const char SUBMIT[] =
		"<p class=\"form-submit wp-block-button\"><input name=\"submit\" type=\"submit\" id=\"submit\" "
		"class=\"wp-block-button__link wp-element-button\" value=\"Post Comment\" /> ";
	static const char HIDDEN[] = "<input type='hidden' name='comment_post_ID' value='%ld' id='comment_post_ID' />\n"
				     "<input type='hidden' name='comment_parent' id='comment_parent' value='0' />\n</p>";
	const struct render_source *s = r->ctx->src;
	struct render_user u;
	if (r->ctx->user_id && s->user && s->user(s->ud, r->ctx->user_id, &u) == PD_OK) {
		/* Logged in as $user_identity (display_name), get_edit_user_link()
		 * of oneself (admin_url( 'profile.php' )), wp_logout_url() back to
		 * the post's permalink */
		struct buf perma = BUF_INIT;
		if (s->permalink)
			s->permalink(s->ud, post_id, &perma);
		buf_printf(out, "<p class=\"logged-in-as\">Logged in as %s. <a href=\"%s/wp-admin/profile.php\">Edit your profile</a>. "
				"<a href=\"", u.display_name, r->ctx->site_url);
		logout_url(r->ctx, buf_str(&perma), out);
		buf_free(&perma);
		buf_puts(out, "\">Log out?</a> ");
		buf_puts(out, REQUIRED);
		buf_puts(out, COMMENT_FIELD);
		buf_puts(out, SUBMIT);
		buf_printf(out, HIDDEN, post_id);
		if (s->user_can && s->user_can(s->ud, r->ctx->user_id, "unfiltered_html", 0)) {
			char action[64];
			snprintf(action, sizeof action, "unfiltered-html-comment_%ld", post_id);
			buf_puts(out, "<input type=\"hidden\" id=\"_wp_unfiltered_html_comment_disabled\" "
				      "name=\"_wp_unfiltered_html_comment_disabled\" value=\"");
			create_nonce(r->ctx, action, out);
			buf_puts(out, "\" /><script>\n(function(){if(window===window.parent){document.getElementById("
				      "'_wp_unfiltered_html_comment_disabled').name='_wp_unfiltered_html_comment';}})();\n"
				      "//# sourceURL=wp_comment_form_unfiltered_html_nonce\n</script>\n");
		}
		return buf_puts(out, "</form>\t</div><!-- #respond -->\n\t");
	}
	buf_puts(out, "<p class=\"comment-notes\"><span id=\"email-notes\">Your email address will not be published.</span> "
		      "<span class=\"required-field-message\">Required fields are marked <span class=\"required\">*</span></span></p>"
		      "<p class=\"comment-form-comment\"><label for=\"comment\">Comment <span class=\"required\">*</span></label> "
		      "<textarea id=\"comment\" name=\"comment\" cols=\"45\" rows=\"8\" maxlength=\"65525\" required></textarea></p>"
		      "<p class=\"comment-form-author\"><label for=\"author\">Name <span class=\"required\">*</span></label> "
		      "<input id=\"author\" name=\"author\" type=\"text\" value=\"\" size=\"30\" maxlength=\"245\" autocomplete=\"name\" required /></p>\n"
		      "<p class=\"comment-form-email\"><label for=\"email\">Email <span class=\"required\">*</span></label> "
		      "<input id=\"email\" name=\"email\" type=\"email\" value=\"\" size=\"30\" maxlength=\"100\" aria-describedby=\"email-notes\" autocomplete=\"email\" required /></p>\n"
		      "<p class=\"comment-form-url\"><label for=\"url\">Website</label> "
		      "<input id=\"url\" name=\"url\" type=\"url\" value=\"\" size=\"30\" maxlength=\"200\" autocomplete=\"url\" /></p>\n"
		      "<p class=\"comment-form-cookies-consent\"><input id=\"wp-comment-cookies-consent\" name=\"wp-comment-cookies-consent\" type=\"checkbox\" value=\"yes\" /> "
		      "<label for=\"wp-comment-cookies-consent\">Save my name, email, and website in this browser for the next time I comment.</label></p>\n"
		      "<p class=\"form-submit wp-block-button\"><input name=\"submit\" type=\"submit\" id=\"submit\" class=\"wp-block-button__link wp-element-button\" value=\"Post Comment\" /> ");
	return buf_printf(out, "<input type='hidden' name='comment_post_ID' value='%ld' id='comment_post_ID' />\n"
			       "<input type='hidden' name='comment_parent' id='comment_parent' value='0' />\n"
			       "</p></form>\t</div><!-- #respond -->\n\t", post_id);
}

static const char SUP_COMMENTS_FORM[] =
	"{\"color\":{\"gradients\":true,\"heading\":true,\"link\":true},\"spacing\":{\"margin\":true,\"padding\":true},"
	"\"typography\":{\"fontSize\":true,\"lineHeight\":true,\"__experimentalFontStyle\":true,\"__experimentalFontWeight\":true,"
	"\"__experimentalLetterSpacing\":true,\"__experimentalTextTransform\":true},"
	"\"__experimentalBorder\":{\"radius\":true,\"color\":true,\"width\":true,\"style\":true}}";

/* render_block_core_post_comments_form() */
static int post_comments_form(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	struct render_post p;
	(void)in;
	if (current_post(r, &p) || p.has_password || !p.comments_open)
		return PD_OK;
	struct buf cls = BUF_INIT, w = BUF_INIT;
	align_link_classes(b, "comment-respond", &cls);
	int rc = wrapper(b, SUP_COMMENTS_FORM, buf_str(&cls), &w);
	if (!rc)
		rc = comment_form(r, p.id, buf_str(&w), out);
	buf_free(&cls);
	buf_free(&w);
	return rc;
}

static const struct block_callback DYNAMIC[] = {
	{ "core/post-comments-form", post_comments_form },
	{ "core/post-featured-image", post_featured_image },
	{ "core/search", search },
	{ "core/footnotes", footnotes },
	{ "core/shortcode", shortcode_block },
	{ "core/avatar", avatar },
	{ "core/post-author", post_author },
	{ "core/post-author-biography", post_author_biography },
	{ "core/post-title", post_title },
	{ "core/post-date", post_date },
	{ "core/post-excerpt", post_excerpt },
	{ "core/post-author-name", post_author_name },
	{ "core/post-terms", post_terms },
	{ "core/read-more", read_more },
	{ "core/loginout", loginout },
	{ "core/site-tagline", site_tagline },
	{ "core/site-title", site_title },
	{ NULL, NULL },
};

block_cb blocks_dynamic_callback(const char *name)
{
	for (size_t i = 0; name && DYNAMIC[i].name; i++)
		if (!strcmp(DYNAMIC[i].name, name))
			return DYNAMIC[i].cb;
	block_cb cb = blocks_lists_callback(name);
	if (!cb)
		cb = blocks_comments_callback(name);
	if (!cb)
		cb = blocks_navigation_callback(name);
	if (!cb)
		cb = blocks_terms_callback(name);
	return cb ? cb : blocks_social_callback(name);
}
