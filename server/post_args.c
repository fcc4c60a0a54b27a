/* post_args.c - argument callbacks of WP_REST_Posts_Controller that need the
 * request (its user): see post_args.h. */
#include <stdlib.h>
#include <string.h>

#include "pressd/caps.h"
#include "pressd/json.h"
#include "pressd/post_args.h"
#include "pressd/posts.h"
#include "pressd/store.h"
#include "pressd/validate.h"

static void set_marker(json_t *args, const char *arg, const char *key, json_t *v)
{
	json_t *a = json_object_get(args, arg);
	if (a)
		json_object_set_new(a, key, v);
	else
		json_decref(v);
}

/* Mirrors get_collection_params() ('status' sanitize_callback) and
 * get_item_schema()'s arg_options (title, content, excerpt unchecked; slug
 * through sanitize_slug; template through check_template). */
static void mark(json_t *args, int method)
{
	if (method & (M_GET | M_HEAD)) {
		set_marker(args, "status", "sanitize_callback", jstr("caller"));
		return;
	}
	if (!(method & M_EDITABLE))
		return;
	static const char *const unchecked[] = { "title", "content", "excerpt" };
	for (size_t i = 0; i < sizeof unchecked / sizeof unchecked[0]; i++) {
		set_marker(args, unchecked[i], "validate_callback", json_null());
		set_marker(args, unchecked[i], "sanitize_callback", json_null());
	}
	set_marker(args, "slug", "sanitize_callback", jstr("caller"));
	set_marker(args, "template", "validate_callback", jstr("caller"));
	set_marker(args, "status", "validate_callback", jstr("caller"));
}

static int sanitize(struct request *req, const char *name, const json_t *arg, const json_t *value,
		    json_t **out)
{
	if (!strcmp(name, "status") && (req->method & (M_GET | M_HEAD))) {
		const struct post_type *type = posts_type_of(req);
		int can_edit = caps_user_can(req->store, req->user, type->cap.edit_posts, 0);
		int can_read_private = caps_user_can(req->store, req->user, type->cap.read_private_posts, 0);
		return validate_post_statuses(arg, value, can_edit, can_read_private, req->user != NULL, out);
	}
	/* slug: sanitize_title() happens when the post is written. */
	*out = json_incref((json_t *)value);
	return 0;
}

/* check_status(): an update may keep the post's current status (say
 * "trash") even when the schema does not list it. */
static json_t *check_status(struct request *req, const json_t *arg, const json_t *value)
{
	const char *id = json_string_value(json_object_get(req->url, "id"));
	if (id && json_is_string(value)) {
		sqlite3_stmt *s = store_stmt(req->store, "SELECT post_status FROM wp_posts WHERE ID = ? AND post_type = 'post'");
		int same = 0;
		if (s) {
			sqlite3_bind_int64(s, 1, strtol(id, NULL, 10));
			if (sqlite3_step(s) == SQLITE_ROW)
				same = !strcmp((const char *)sqlite3_column_text(s, 0), json_string_value(value));
			store_done(s);
		}
		if (same)
			return NULL;
	}
	return validate_value(arg, value, "status");
}

/* check_template(): Twenty Twenty-Three offers one post template, "blank". */
static json_t *validate(struct request *req, const char *name, const json_t *arg, const json_t *value)
{
	if (!strcmp(name, "status"))
		return check_status(req, arg, value);
	if (strcmp(name, "template") != 0 || !json_is_string(value))
		return NULL;
	const char *t = json_string_value(value);
	if (!*t || !strcmp(t, "blank"))
		return NULL;
	json_t *e = jobj();
	jset(e, "code", jstr("rest_invalid_param"));
	jset(e, "message", jstr("template is not one of blank."));
	jset(e, "data", json_null());
	return e;
}

const struct rest_args_policy post_args_policy = { mark, validate, sanitize };
