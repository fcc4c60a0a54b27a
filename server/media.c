/* media.c - reading one attachment over REST as WP_REST_Attachments_Controller
 * does in view and embed context. Uploads, editing and the media collection
 * are not here yet, nor video players in the description (prepend_attachment()
 * for playable video types). */
#include <stdlib.h>
#include <string.h>

#include "pressd/caps.h"
#include "pressd/err.h"
#include "pressd/json.h"
#include "pressd/format.h"
#include "pressd/links.h"
#include "pressd/media_tags.h"
#include "pressd/permalink.h"
#include "pressd/media.h"
#include "pressd/phpser.h"
#include "pressd/render.h"
#include "pressd/render_store.h"
#include "pressd/rest.h"
#include "pressd/shortcodes.h"
#include "pressd/site.h"
#include "pressd/store.h"
#include "pressd/wpdate.h"

/* ---- media_details ---- */

/* wp_basename() of a URL: what follows the last '/'. */
static const char *url_basename(const char *url)
{
	const char *slash = strrchr(url, '/');
	return slash ? slash + 1 : url;
}

/* image_downsize()'s URL of a size: the attachment URL with its file name
 * replaced by the size's file (str_replace of the basename). */
static json_t *size_url(const char *url, const char *file)
{
	const char *base = url_basename(url);
	size_t bl = strlen(base);
	struct buf b = BUF_INIT;
	const char *p = url, *hit;
	if (!bl)
		return jstr(url);
	while ((hit = strstr(p, base))) {
		buf_append(&b, p, (size_t)(hit - p));
		buf_puts(&b, file);
		p = hit + bl;
	}
	buf_puts(&b, p);
	json_t *s = jstr(buf_str(&b));
	buf_free(&b);
	return s;
}

static int is_empty_php(const json_t *v)
{
	return !v || json_is_null(v) || json_is_false(v) ||
	       (json_is_array(v) && !json_array_size(v)) || (json_is_object(v) && !json_object_size(v)) ||
	       (json_is_string(v) && (!json_string_length(v) || !strcmp(json_string_value(v), "0"))) ||
	       (json_is_integer(v) && !json_integer_value(v));
}

json_t *media_details_from_meta(const json_t *meta, const char *url, const char *mime, int is_image)
{
	if (is_empty_php(meta) || !json_is_object(meta))
		return jobj();
	json_t *d = json_deep_copy(meta);
	json_t *sizes = json_object_get(d, "sizes");
	if (is_empty_php(sizes) || !json_is_object(sizes)) {
		jset(d, "sizes", jobj()); /* replaces in place, or appends */
		return d;
	}
	const json_t *full = json_object_get(sizes, "full");
	const char *name;
	json_t *size;
	json_object_foreach(sizes, name, size) {
		if (!json_is_object(size))
			continue;
		json_t *mt = json_object_get(size, "mime-type");
		if (mt) {
			json_incref(mt);
			json_object_del(size, "mime-type");
			jset(size, "mime_type", mt);
		}
		/* wp_get_attachment_image_src(): false for a non-image without a full size. */
		const char *file = json_string_value(json_object_get(size, "file"));
		if ((!is_image && !full) || !file)
			continue;
		jset(size, "source_url", size_url(url, file));
	}
	if (is_image || full) {
		json_t *f = jobj();
		const json_t *w = json_object_get(d, "width"), *h = json_object_get(d, "height");
		jset(f, "file", jstr(url_basename(url)));
		jset(f, "width", jint(json_is_integer(w) ? json_integer_value(w) : 0));
		jset(f, "height", jint(json_is_integer(h) ? json_integer_value(h) : 0));
		jset(f, "mime_type", jstr(mime));
		jset(f, "source_url", jstr(url));
		jset(sizes, "full", f);
	}
	return d;
}

/* ---- the attachment ---- */

/* The wp_posts row of an attachment and its meta; strings owned. */
struct attachment_row {
	long id;
	long author;             /* post_author */
	long parent;             /* post_parent */
	char *date, *date_gmt;   /* post_date (local), post_date_gmt: MySQL datetimes */
	char *modified, *modified_gmt;
	char *title, *excerpt, *content; /* raw post_title, post_excerpt (caption), post_content */
	char *status, *name, *mime, *guid, *type;
	char *comment_status, *ping_status;
	char *file;              /* _wp_attached_file or NULL */
	char *metadata;          /* _wp_attachment_metadata (PHP-serialized) or NULL */
	char *alt;               /* _wp_attachment_image_alt or NULL */
	long thumbnail;          /* _thumbnail_id */
	char *template;          /* _wp_page_template or NULL */
};

static void row_free(struct attachment_row *a)
{
	char *strs[] = { a->date, a->date_gmt, a->modified, a->modified_gmt, a->title, a->excerpt,
			 a->content, a->status, a->name, a->mime, a->guid, a->type, a->comment_status,
			 a->ping_status, a->file, a->metadata, a->alt, a->template };
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
		free(strs[i]);
}

static int attachment_load(struct store *st, long id, struct attachment_row *a)
{
	sqlite3_stmt *q = store_stmt(st,
		"SELECT post_author, post_parent, post_date, post_date_gmt, post_modified, post_modified_gmt,"
		" post_title, post_excerpt, post_content, post_status, post_name, post_mime_type, guid,"
		" post_type, comment_status, ping_status FROM wp_posts WHERE ID = ?1");
	if (!q)
		return PD_EDB;
	sqlite3_bind_int64(q, 1, id);
	int rc = PD_ENOTFOUND;
	memset(a, 0, sizeof *a);
	if (sqlite3_step(q) == SQLITE_ROW) {
		a->id = id;
		a->author = sqlite3_column_int64(q, 0);
		a->parent = sqlite3_column_int64(q, 1);
		a->date = store_column_strdup(q, 2);
		a->date_gmt = store_column_strdup(q, 3);
		a->modified = store_column_strdup(q, 4);
		a->modified_gmt = store_column_strdup(q, 5);
		a->title = store_column_strdup(q, 6);
		a->excerpt = store_column_strdup(q, 7);
		a->content = store_column_strdup(q, 8);
		a->status = store_column_strdup(q, 9);
		a->name = store_column_strdup(q, 10);
		a->mime = store_column_strdup(q, 11);
		a->guid = store_column_strdup(q, 12);
		a->type = store_column_strdup(q, 13);
		a->comment_status = store_column_strdup(q, 14);
		a->ping_status = store_column_strdup(q, 15);
		rc = PD_OK;
	}
	store_done(q);
	if (rc != PD_OK)
		return rc;
	a->file = store_meta_get(st, "post", id, "_wp_attached_file");
	a->metadata = store_meta_get(st, "post", id, "_wp_attachment_metadata");
	a->alt = store_meta_get(st, "post", id, "_wp_attachment_image_alt");
	a->template = store_meta_get(st, "post", id, "_wp_page_template");
	char *thumb = store_meta_get(st, "post", id, "_thumbnail_id");
	a->thumbnail = thumb ? strtol(thumb, NULL, 10) : 0;
	free(thumb);
	return PD_OK;
}

/* wp_get_attachment_url(): uploads URL + _wp_attached_file, else the guid. */
static void attachment_url(const struct site *s, const struct attachment_row *a, struct buf *out)
{
	if (a->file && a->file[0])
		buf_printf(out, "%s/%s", s->uploads_url, a->file);
	else
		buf_puts(out, a->guid);
}

/* wp_attachment_is_image(): an attached file and an image/ MIME type. */
static int attachment_is_image(const struct attachment_row *a)
{
	return a->file && a->file[0] && !strncmp(a->mime, "image/", 6);
}

/* rest_get_route_for_post()'s base for the core post types. */
static const char *rest_base_of(const char *type)
{
	if (!strcmp(type, "post"))
		return "posts";
	if (!strcmp(type, "page"))
		return "pages";
	if (!strcmp(type, "attachment"))
		return "media";
	return NULL;
}

static json_t *rendered(const char *s)
{
	return jset(jobj(), "rendered", jstr(s));
}

static json_t *rest_date(const char *mysql, int null_if_zero)
{
	char d[WPDATE_LEN];
	if (null_if_zero && !strcmp(mysql, WPDATE_ZERO))
		return json_null();
	wpdate_rest(mysql, d);
	return jstr(d);
}

/* wp_video_shortcode()'s types (wp_get_video_extensions()). */
static int video_ext(const char *url)
{
	static const char *const exts[] = { ".mp4", ".m4v", ".webm", ".ogv", ".flv" };
	size_t n = strlen(url);
	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
		size_t el = strlen(exts[i]);
		if (n >= el && !strcasecmp(url + n - el, exts[i]))
			return 1;
	}
	return 0;
}

/* description.rendered: the_content with prepend_attachment() - the player or
 * the medium image linked to the file, then the rendered description. */
static void description_render(struct render_ctx *ctx, const struct attachment_row *a, const char *url,
			       struct buf *out)
{
	struct buf p = BUF_INIT, e = BUF_INIT;
	int video = a->file && a->file[0] && !strncmp(a->mime, "video/", 6);
	int audio = a->file && a->file[0] && !strncmp(a->mime, "audio/", 6);
	if (video && !video_ext(url)) {
		/* wp_video_shortcode() for a type it cannot play: a plain link. */
		format_esc_url(url, &e);
		buf_printf(&p, "<a class=\"wp-embedded-video\" href=\"%s\">", buf_str(&e));
		format_esc_html(url, &p);
		buf_puts(&p, "</a>");
	} else if (audio) {
		struct buf sc = BUF_INIT;
		buf_printf(&sc, "[audio src=\"%s\"]", url);
		shortcodes_do(ctx, buf_str(&sc), &p);
		buf_free(&sc);
	} else if (!video) {
		/* wp_get_attachment_link( 0, 'medium' ): <a href='url'> around the image,
		 * or the title (else the file name) for what is not an image. */
		struct render_attachment ra;
		struct buf img = BUF_INIT;
		if (attachment_is_image(a) && ctx->src && ctx->src->attachment &&
		    ctx->src->attachment(ctx->src->ud, a->id, &ra) == PD_OK)
		{
			/* wp_get_attachment_image() adds srcset and sizes itself. */
			struct buf bare = BUF_INIT;
			shortcodes_attachment_image(ctx, &ra, "medium", &bare);
			media_image_add_srcset(ctx, buf_str(&bare), ra.metadata, &img);
			buf_free(&bare);
		}
		format_esc_url(url, &e);
		buf_printf(&p, "<p class=\"attachment\"><a href='%s'>", buf_str(&e));
		if (img.len) {
			buf_puts(&p, buf_str(&img));
		} else if (a->title[0]) {
			buf_puts(&p, a->title);
		} else {
			const char *base = url_basename(a->file ? a->file : url), *dot = strrchr(base, '.');
			char *name = strndup(base, dot ? (size_t)(dot - base) : strlen(base));
			format_esc_html(name ? name : "", &p);
			free(name);
		}
		buf_puts(&p, "</a></p>");
		buf_free(&img);
	}
	/* Video players are not rendered yet: such descriptions keep only the content. */
	if (p.len) {
		struct buf f = BUF_INIT;
		media_filter_content_tags(ctx, buf_str(&p), &f);
		buf_puts(out, buf_str(&f));
		buf_putc(out, '\n');
		buf_free(&f);
	}
	render_content(ctx, a->content, out);
	buf_free(&p);
	buf_free(&e);
}

static json_t *attachment_json(struct request *req, const struct attachment_row *a)
{
	int embed = !strcmp(rest_context(req), "embed");
	const struct site *s = req->site;
	struct render_source src;
	struct render_ctx ctx;
	struct buf link = BUF_INIT, title = BUF_INIT, caption = BUF_INIT, url = BUF_INIT, desc = BUF_INIT;
	int have_src = render_store_ctx(req->store, s, a->id, "attachment", &ctx, &src) == PD_OK;
	if (!have_src)
		ctx.src = NULL;

	permalink_post(req->store, s, req->user, a->id, 0, &link);
	render_title(&ctx, a->title, 0, &title);
	attachment_url(s, a, &url);
	json_t *d = jobj();
	jset(d, "id", jint(a->id));
	jset(d, "date", rest_date(a->date, 0));
	if (!embed) {
		jset(d, "date_gmt", rest_date(a->date_gmt, 1));
		jset(d, "guid", rendered(a->guid));
		jset(d, "modified", rest_date(a->modified, 0));
		jset(d, "modified_gmt", rest_date(a->modified_gmt, 0));
	}
	jset(d, "slug", jstr(a->name));
	if (!embed)
		jset(d, "status", jstr(a->status));
	jset(d, "type", jstr("attachment"));
	jset(d, "link", jstr(buf_str(&link)));
	jset(d, "title", rendered(buf_str(&title)));
	jset(d, "author", jint(a->author));
	jset(d, "featured_media", jint(a->thumbnail));
	if (!embed) {
		jset(d, "comment_status", jstr(a->comment_status));
		jset(d, "ping_status", jstr(a->ping_status));
		jset(d, "template", jstr(a->template ? a->template : ""));
		jset(d, "meta", jarr());
		json_t *classes = jarr();
		char c[48];
		snprintf(c, sizeof c, "post-%ld", a->id);
		jpush(classes, jstr(c));
		jpush(classes, jstr("attachment"));
		jpush(classes, jstr("type-attachment"));
		snprintf(c, sizeof c, "status-%s", a->status);
		jpush(classes, jstr(c));
		jpush(classes, jstr("hentry"));
		jset(d, "class_list", classes);
		description_render(&ctx, a, buf_str(&url), &desc);
		jset(d, "description", rendered(buf_str(&desc)));
	}
	/* An empty caption is generated from the_content, where
	 * prepend_attachment() puts an audio or video player first: of it only
	 * the fallback link's text, the file URL, survives wp_trim_words() (an
	 * image's <img> leaves nothing). */
	struct buf gen = BUF_INIT;
	if (a->file && a->file[0] && (!strncmp(a->mime, "audio/", 6) || !strncmp(a->mime, "video/", 6)))
		buf_printf(&gen, "<a href=\"%s\">%s</a>\n", buf_str(&url), buf_str(&url));
	buf_puts(&gen, a->content);
	render_excerpt(&ctx, a->excerpt, buf_str(&gen), &caption);
	buf_free(&gen);
	jset(d, "caption", rendered(buf_str(&caption)));
	jset(d, "alt_text", jstr(a->alt ? a->alt : ""));
	jset(d, "media_type", jstr(attachment_is_image(a) ? "image" : "file"));
	jset(d, "mime_type", jstr(a->mime));
	json_t *meta = NULL;
	if (a->metadata && phpser_unserialize(a->metadata, strlen(a->metadata), &meta) != PD_OK)
		meta = NULL;
	jset(d, "media_details", media_details_from_meta(meta, buf_str(&url), a->mime, attachment_is_image(a)));
	json_decref(meta);
	if (!embed)
		jset(d, "post", a->parent ? jint(a->parent) : json_null());
	jset(d, "source_url", jstr(buf_str(&url)));

	/* WP_REST_Posts_Controller::prepare_links() + attached-to. */
	json_t *links = jobj();
	int methods = M_GET;
	if (req->user && caps_user_can(req->store, req->user, "edit_post", a->id))
		methods |= M_POST | M_PUT | M_PATCH;
	if (req->user && caps_user_can(req->store, req->user, "delete_post", a->id))
		methods |= M_DELETE;
	links_add_self_collection(links, req, methods, "media", a->id);
	links_add(links, "about", links_rest(req, "wp/v2/types/attachment"));
	if (a->author) {
		links_add(links, "author", links_href(jset(jobj(), "embeddable", jbool(1)), req,
						      "wp/v2/users/%ld", a->author));
	}
	links_add(links, "replies", links_href(jset(jobj(), "embeddable", jbool(1)), req,
					       "wp/v2/comments?post=%ld", a->id));
	if (a->thumbnail) {
		links_add(links, "wp:featuredmedia", links_href(jset(jobj(), "embeddable", jbool(1)), req,
								"wp/v2/media/%ld", a->thumbnail));
	}
	if (a->parent) {
		sqlite3_stmt *q = store_stmt(req->store, "SELECT post_type FROM wp_posts WHERE ID = ?1");
		if (q) {
			sqlite3_bind_int64(q, 1, a->parent);
			if (sqlite3_step(q) == SQLITE_ROW) {
				const char *pt = (const char *)sqlite3_column_text(q, 0);
				const char *base = rest_base_of(pt);
				json_t *l = jset(jobj(), "embeddable", jbool(1));
				jset(l, "post_type", jstr(pt));
				jset(l, "id", jint(a->parent));
				if (base)
					links_add(links, "wp:attached-to",
						  links_href(l, req, "wp/v2/%s/%ld", base, a->parent));
				else
					json_decref(l);
			}
			store_done(q);
		}
	}
	links_finish(links);
	jset(d, "_links", links);

	if (have_src)
		render_store_free(&src);
	buf_free(&link);
	buf_free(&title);
	buf_free(&caption);
	buf_free(&url);
	buf_free(&desc);
	return d;
}

/* WP_REST_Posts_Controller::check_read_permission() for an attachment:
 * "inherit" follows the parent, and no parent means published. */
static int readable(struct request *req, long id, int depth)
{
	sqlite3_stmt *q = store_stmt(req->store, "SELECT post_status, post_parent FROM wp_posts WHERE ID = ?1");
	if (!q)
		return 0;
	sqlite3_bind_int64(q, 1, id);
	char status[32] = "";
	long parent = 0;
	int found = sqlite3_step(q) == SQLITE_ROW;
	if (found) {
		snprintf(status, sizeof status, "%s", (const char *)sqlite3_column_text(q, 0));
		parent = sqlite3_column_int64(q, 1);
	}
	store_done(q);
	if (!found)
		return depth > 0; /* a missing parent: the attachment reads as published */
	if (!strcmp(status, "publish"))
		return 1;
	if (req->user && caps_user_can(req->store, req->user, "read_post", id))
		return 1;
	if (!strcmp(status, "inherit"))
		return parent > 0 && depth < 4 ? readable(req, parent, depth + 1) : 1;
	return 0;
}

int media_get_item_permission(struct request *req, struct response *res)
{
	long id = rest_param_int(req, "id", 0);
	sqlite3_stmt *q = store_stmt(req->store, "SELECT post_type FROM wp_posts WHERE ID = ?1");
	if (!q)
		return PD_EDB;
	sqlite3_bind_int64(q, 1, id);
	int is_attachment = sqlite3_step(q) == SQLITE_ROW &&
			    !strcmp((const char *)sqlite3_column_text(q, 0), "attachment");
	store_done(q);
	if (id <= 0 || !is_attachment)
		return rest_error(res, 404, "rest_post_invalid_id", "Invalid post ID.");
	if (!strcmp(rest_context(req), "edit") &&
	    !(req->user && caps_user_can(req->store, req->user, "edit_post", id)))
		return rest_error(res, rest_authorization_required_code(req), "rest_forbidden_context",
				  "Sorry, you are not allowed to edit this post.");
	if (!readable(req, id, 0))
		return rest_error(res, rest_authorization_required_code(req), "rest_forbidden",
				  "Sorry, you are not allowed to do that.");
	return PD_OK;
}

int media_get_item(struct request *req, struct response *res)
{
	struct attachment_row a;
	int rc = attachment_load(req->store, rest_param_int(req, "id", 0), &a);
	if (rc == PD_ENOTFOUND || (rc == PD_OK && strcmp(a.type, "attachment"))) {
		if (rc == PD_OK)
			row_free(&a);
		return rest_error(res, 404, "rest_post_invalid_id", "Invalid post ID.");
	}
	if (rc != PD_OK)
		return rc;
	res->body = attachment_json(req, &a);
	const char *link = json_string_value(json_object_get(res->body, "link"));
	if (link)
		rest_headerf(res, "Link", "<%s>; rel=\"alternate\"; type=text/html", link);
	row_free(&a);
	return PD_OK;
}
