/* autosaves.c - /wp/v2/posts/<id>/autosaves and /autosaves/<aid>
 * (WP_REST_Autosaves_Controller): the author's own draft is updated in
 * place; anyone else's edit becomes that user's autosave revision
 * ("<id>-autosave-v1", one per user, updated in place). Post locks
 * (_edit_lock) are not modelled: the REST API never sets them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/caps.h"
#include "pressd/err.h"
#include "pressd/json.h"
#include "pressd/post_write.h"
#include "pressd/rest.h"
#include "pressd/revisions.h"
#include "pressd/store.h"
#include "pressd/wpdate.h"

int autosaves_get_items_permission(struct request *req, struct response *res)
{
	struct wpost p;
	int rc = revisions_parent(req, res, rest_url_id(req, "id"), &p);
	if (rc)
		return rc;
	int ok = caps_user_can(req->store, req->user, "edit_post", p.id);
	wpost_free(&p);
	if (!ok)
		return rest_error(res, rest_authorization_required_code(req), "rest_cannot_read",
				  "Sorry, you are not allowed to view autosaves of this post.");
	return PD_OK;
}

/* The autosaves of parent (of user when user > 0), newest first. */
static json_t *autosave_ids(struct store *st, long parent, long user)
{
	char pattern[48];
	json_t *ids = jarr();
	snprintf(pattern, sizeof pattern, "%%%ld-autosave%%", parent);
	sqlite3_stmt *s = store_stmt(st,
		"SELECT ID FROM wp_posts WHERE post_parent = ?1 AND post_type = 'revision'"
		" AND post_status = 'inherit' AND post_name LIKE ?2 AND (?3 = 0 OR post_author = ?3)"
		" ORDER BY post_date DESC, ID DESC");
	if (!s)
		return ids;
	sqlite3_bind_int64(s, 1, parent);
	sqlite3_bind_text(s, 2, pattern, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, user);
	while (sqlite3_step(s) == SQLITE_ROW)
		jpush(ids, jint(sqlite3_column_int64(s, 0)));
	store_done(s);
	return ids;
}

int autosaves_get_items(struct request *req, struct response *res)
{
	struct wpost p;
	int rc = revisions_parent(req, res, rest_url_id(req, "id"), &p);
	if (rc)
		return rc;
	json_t *items;
	if (req->method == M_HEAD) {
		items = jarr();
	} else {
		json_t *ids = autosave_ids(req->store, p.id, 0);
		items = revisions_json_list(req, ids, 1);
		json_decref(ids);
	}
	wpost_free(&p);
	res->body = items;
	return PD_OK;
}

int autosaves_create_item_permission(struct request *req, struct response *res)
{
	if (rest_url_id(req, "id") <= 0)
		return rest_error(res, 404, "rest_post_invalid_id", "Invalid item ID.");
	return posts_update_item_permission(req, res);
}

/* title/content/excerpt as prepare_item_for_database() reads them. */
static const char *text_param(const struct request *req, const char *name, int raw_nonempty)
{
	const json_t *v = rest_param(req, name);
	if (!v || json_is_null(v))
		return NULL;
	if (json_is_string(v))
		return json_string_value(v);
	const json_t *raw = json_is_object(v) ? json_object_get(v, "raw") : NULL;
	if (!json_is_string(raw) || (raw_nonempty && (!*json_string_value(raw) || !strcmp(json_string_value(raw), "0"))))
		return NULL;
	return json_string_value(raw);
}

/* normalize_whitespace() equality, as create_post_autosave() compares. */
static int differs(const char *given, const char *stored)
{
	if (!given)
		return 0;
	const char *a = given, *b = stored;
	while (*a == ' ' || *a == '\n' || *a == '\t' || *a == '\r')
		a++;
	while (*b == ' ' || *b == '\n' || *b == '\t' || *b == '\r')
		b++;
	size_t na = strlen(a), nb = strlen(b);
	while (na && strchr(" \n\t\r", a[na - 1]))
		na--;
	while (nb && strchr(" \n\t\r", b[nb - 1]))
		nb--;
	return na != nb || memcmp(a, b, na) != 0;
}

/* create_post_autosave(): *out the autosave's ID. */
static int post_autosave(struct request *req, struct response *res, const struct wpost *post, long *out)
{
	struct store *st = req->store;
	long uid = req->user ? req->user->id : 0;
	const char *title = text_param(req, "title", 1), *content = text_param(req, "content", 0),
		   *excerpt = text_param(req, "excerpt", 0);
	int different = differs(title, post->title) || differs(content, post->content) ||
			differs(excerpt, post->excerpt);
	const json_t *meta = rest_param(req, "meta");
	const char *fn = json_string_value(json_object_get(meta, "footnotes"));
	if (json_is_object(meta) && json_object_size(meta)) {
		char *old = store_meta_get(st, "post", post->id, "footnotes");
		if (!fn || !old || strcmp(fn, old) != 0)
			different = 1;
		free(old);
	}
	json_t *ids = autosave_ids(st, post->id, uid);
	long old_id = json_array_size(ids) ? (long)json_integer_value(json_array_get(ids, 0)) : 0;
	json_decref(ids);
	if (!different && old_id) {
		*out = old_id;
		return PD_OK;
	}
	struct wpost a;
	int rc;
	if (old_id) {
		if ((rc = wpost_load(st, old_id, &a)))
			return rc;
	} else {
		memset(&a, 0, sizeof a);
		a.id = post->id; /* revisions_put() takes the parent */
		a.title = strdup("");
		a.content = strdup("");
		a.excerpt = strdup("");
		a.password = strdup("");
		a.name = strdup("");
		a.guid = strdup("");
	}
	/* Only the fields given; the date is that of the save. */
	if (title) {
		free(a.title);
		a.title = strdup(title);
	}
	if (content) {
		free(a.content);
		a.content = strdup(content);
	}
	if (excerpt) {
		free(a.excerpt);
		a.excerpt = strdup(excerpt);
	}
	if (!a.title || !a.content || !a.excerpt) {
		wpost_free(&a);
		return PD_ENOMEM;
	}
	if (!*a.title && !*a.content && !*a.excerpt) {
		wpost_free(&a);
		return rest_error(res, 400, "empty_content", "Content, title, and excerpt are empty.");
	}
	if (old_id) {
		a.author = uid;
		wpost_now(a.date, a.date_gmt);
		memcpy(a.modified, a.date, 20);
		memcpy(a.modified_gmt, a.date_gmt, 20);
		rc = wpost_save(st, &a);
		*out = old_id;
	} else {
		a.modified[0] = '\0'; /* revisions_put(): dated now */
		rc = revisions_put(st, &a, uid, 1, out);
	}
	wpost_free(&a);
	if (!rc && fn)
		rc = store_meta_set(st, "post", *out, "footnotes", fn);
	return rc;
}

int autosaves_create_item(struct request *req, struct response *res)
{
	struct wpost post;
	int rc = revisions_parent(req, res, rest_url_id(req, "id"), &post);
	if (rc)
		return rc;
	long uid = req->user ? req->user->id : 0, id = 0;
	int own_draft = (!strcmp(post.status, "draft") || !strcmp(post.status, "auto-draft")) &&
			post.author == uid;
	if (store_begin(req->store)) {
		wpost_free(&post);
		return PD_EDB;
	}
	if (own_draft) {
		rc = posts_autosave_own_draft(req, res, &post);
		id = post.id;
	} else {
		rc = post_autosave(req, res, &post, &id);
	}
	if (rc)
		store_rollback(req->store);
	else if (store_commit(req->store))
		rc = PD_EDB;
	wpost_free(&post);
	if (rc)
		return rc;
	struct wpost a;
	if ((rc = wpost_load(req->store, id, &a)))
		return rc;
	jset(req->params, "context", jstr("edit"));
	res->body = revision_json(req, &a, 1);
	wpost_free(&a);
	return PD_OK;
}

int autosaves_get_item(struct request *req, struct response *res)
{
	long parent = rest_url_id(req, "parent");
	if (parent <= 0)
		return rest_error(res, 404, "rest_post_invalid_id", "Invalid post parent ID.");
	/* wp_get_post_autosave( parent ): the newest autosave of any user. Its
	 * WP_Query orders by post_date alone, LIMIT 1; of autosaves saved in the same
	 * second MariaDB answers the first inserted (samples autosave_one: 17, not 18). */
	char pattern[48];
	long id = 0;
	snprintf(pattern, sizeof pattern, "%%%ld-autosave%%", parent);
	sqlite3_stmt *s = store_stmt(req->store,
		"SELECT ID FROM wp_posts WHERE post_parent = ?1 AND post_type = 'revision'"
		" AND post_status = 'inherit' AND post_name LIKE ?2 ORDER BY post_date DESC, ID ASC LIMIT 1");
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, parent);
	sqlite3_bind_text(s, 2, pattern, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = (long)sqlite3_column_int64(s, 0);
	store_done(s);
	struct wpost a;
	if (!id || wpost_load(req->store, id, &a) != PD_OK)
		return rest_error(res, 404, "rest_post_no_autosave", "There is no autosave revision for this post.");
	res->body = req->method == M_HEAD ? jobj() : revision_json(req, &a, 1);
	wpost_free(&a);
	return PD_OK;
}
