/* app_passwords.c - /wp/v2/users/<id|me>/application-passwords[/introspect|/<uuid>]:
 * WP_REST_Application_Passwords_Controller with its permissions and JSON.
 * Storage and hashing are auth.c's; this file only speaks REST. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pressd/app_passwords.h"
#include "pressd/auth.h"
#include "pressd/caps.h"
#include "pressd/err.h"
#include "pressd/json.h"
#include "pressd/rest.h"
#include "pressd/site.h"

/* The controller's get_user(): the user named by user_id (a number or "me"). */
static int target_user(struct request *req, struct response *res, long *id)
{
	const char *raw = json_string_value(json_object_get(req->url, "user_id"));
	if (raw && strcmp(raw, "me") == 0) {
		if (!req->user)
			return rest_error(res, 401, "rest_not_logged_in", "You are not currently logged in.");
		*id = req->user->id;
		return PD_OK;
	}
	long v = raw ? strtol(raw, NULL, 10) : 0;
	sqlite3_stmt *s = store_stmt(req->store, "SELECT 1 FROM wp_users WHERE ID = ?");
	int exists = 0;
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, v);
	exists = v > 0 && sqlite3_step(s) == SQLITE_ROW;
	store_done(s);
	if (!exists)
		return rest_error(res, 404, "rest_user_invalid_id", "Invalid user ID.");
	*id = v;
	return PD_OK;
}

static int check_cap(struct request *req, struct response *res, const char *cap, const char *code,
		     const char *message)
{
	long id;
	int rc = target_user(req, res, &id);
	if (rc != PD_OK)
		return rc;
	if (!caps_user_can(req->store, req->user, cap, id))
		return rest_error(res, rest_authorization_required_code(req), code, message);
	return PD_OK;
}

int app_passwords_list_permission(struct request *req, struct response *res)
{
	return check_cap(req, res, "list_app_passwords", "rest_cannot_list_application_passwords",
			 "Sorry, you are not allowed to list application passwords for this user.");
}

int app_passwords_create_permission(struct request *req, struct response *res)
{
	return check_cap(req, res, "create_app_password", "rest_cannot_create_application_passwords",
			 "Sorry, you are not allowed to create application passwords for this user.");
}

int app_passwords_delete_all_permission(struct request *req, struct response *res)
{
	return check_cap(req, res, "delete_app_passwords", "rest_cannot_delete_application_passwords",
			 "Sorry, you are not allowed to delete application passwords for this user.");
}

int app_passwords_read_permission(struct request *req, struct response *res)
{
	return check_cap(req, res, "read_app_password", "rest_cannot_read_application_password",
			 "Sorry, you are not allowed to read this application password.");
}

int app_passwords_edit_permission(struct request *req, struct response *res)
{
	return check_cap(req, res, "edit_app_password", "rest_cannot_edit_application_password",
			 "Sorry, you are not allowed to edit this application password.");
}

int app_passwords_delete_permission(struct request *req, struct response *res)
{
	return check_cap(req, res, "delete_app_password", "rest_cannot_delete_application_password",
			 "Sorry, you are not allowed to delete this application password.");
}

int app_passwords_introspect_permission(struct request *req, struct response *res)
{
	long id;
	int rc = target_user(req, res, &id);
	if (rc != PD_OK)
		return rc;
	if (!req->user || req->user->id != id)
		return rest_error(res, rest_authorization_required_code(req),
				  "rest_cannot_introspect_app_password_for_non_authenticated_user",
				  "The authenticated application password can only be introspected for the current user.");
	return PD_OK;
}

/* gmdate('Y-m-d\TH:i:s', $ts). */
static json_t *gmdate_json(const json_t *ts)
{
	char out[32];
	struct tm tm;
	time_t t = (time_t)(json_is_integer(ts) ? json_integer_value(ts) : 0);
	gmtime_r(&t, &tm);
	strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%S", &tm);
	return jstr(out);
}

/* prepare_item_for_response(): the fields of context, then _links (unless links is 0). */
static json_t *item_json(const struct request *req, long user_id, const json_t *item,
			 const char *new_password, const char *context, int links)
{
	json_t *o = jobj(), *v;
	const char *uuid = json_string_value(json_object_get(item, "uuid"));
	const char *app_id = json_string_value(json_object_get(item, "app_id"));
	int embed = strcmp(context, "embed") == 0;
	jset(o, "uuid", jstr(uuid ? uuid : ""));
	jset(o, "app_id", jstr(app_id ? app_id : ""));
	jset(o, "name", json_deep_copy(json_object_get(item, "name") ?: json_string("")));
	if (!embed) {
		jset(o, "created", gmdate_json(json_object_get(item, "created")));
		v = json_object_get(item, "last_used");
		jset(o, "last_used", v && !json_is_null(v) && !(json_is_integer(v) && !json_integer_value(v))
				     ? gmdate_json(v) : json_null());
		v = json_object_get(item, "last_ip");
		jset(o, "last_ip", json_is_string(v) && json_string_length(v) ? json_incref(v) : json_null());
	}
	if (new_password && strcmp(context, "edit") == 0)
		jset(o, "password", jstr(new_password));
	if (links) {
		char href[1024];
		snprintf(href, sizeof href, "%swp/v2/users/%ld/application-passwords/%s", req->site->rest_url,
			 user_id, uuid ? uuid : "");
		/* targetHints: the item route's GET, POST/PUT/PATCH and DELETE all
		 * need edit_user on the password's owner. */
		json_t *allow = jarr();
		if (caps_user_can(req->store, req->user, "edit_user", user_id)) {
			static const char *const m[] = { "GET", "POST", "PUT", "PATCH", "DELETE" };
			for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
				jpush(allow, jstr(m[i]));
		}
		json_t *self = jobj();
		jset(self, "href", jstr(href));
		jset(self, "targetHints", jset(jobj(), "allow", allow));
		jset(o, "_links", jset(jobj(), "self", jpush(jarr(), self)));
	}
	return o;
}

int app_passwords_list(struct request *req, struct response *res)
{
	long id;
	json_t *items;
	int rc = target_user(req, res, &id);
	if (rc != PD_OK)
		return rc;
	if ((rc = auth_app_passwords_get(req->store, id, &items)) != PD_OK)
		return rc;
	json_t *out = jarr(), *e;
	size_t i;
	json_array_foreach(items, i, e)
		jpush(out, item_json(req, id, e, NULL, rest_context(req), 1));
	json_decref(items);
	res->body = out;
	return PD_OK;
}

int app_passwords_create(struct request *req, struct response *res)
{
	long id;
	int rc = target_user(req, res, &id);
	if (rc != PD_OK)
		return rc;
	const char *name = rest_param_str(req, "name");
	const char *app_id = rest_param_str(req, "app_id");
	char plain[AUTH_APP_PASSWORD_LEN + 1], chunked[AUTH_APP_PASSWORD_CHUNKED];
	json_t *item = NULL;
	rc = auth_app_password_create(req->store, id, name ? name : "", app_id, plain, &item);
	if (rc == PD_EINVAL)
		return rest_error(res, 400, "application_password_empty_name",
				  "An application name is required to create an application password.");
	if (rc != PD_OK)
		return rest_error(res, 500, "db_error", "Could not save application password.");
	auth_app_password_chunk(plain, chunked, sizeof chunked);
	res->body = item_json(req, id, item, chunked, "edit", 1);
	res->status = 201;
	rest_header(res, "Location", json_string_value(json_object_get(
		json_array_get(json_object_get(json_object_get(res->body, "_links"), "self"), 0), "href")));
	json_decref(item);
	return PD_OK;
}

int app_passwords_delete_all(struct request *req, struct response *res)
{
	long id;
	int count = 0, rc = target_user(req, res, &id);
	if (rc != PD_OK)
		return rc;
	if (auth_app_passwords_delete_all(req->store, id, &count) != PD_OK)
		return rest_error(res, 500, "db_error", "Could not delete application passwords.");
	res->body = jobj();
	jset(res->body, "deleted", json_true());
	jset(res->body, "count", jint(count));
	return PD_OK;
}

/* get_application_password(): the item of the URL's uuid, or a 404. */
static int find_item(struct request *req, struct response *res, long *id, json_t **item)
{
	json_t *items;
	int rc = target_user(req, res, id);
	if (rc != PD_OK)
		return rc;
	if ((rc = auth_app_passwords_get(req->store, *id, &items)) != PD_OK)
		return rc;
	const char *uuid = json_string_value(json_object_get(req->url, "uuid"));
	json_t *e;
	size_t i;
	*item = NULL;
	json_array_foreach(items, i, e) {
		const char *u = json_string_value(json_object_get(e, "uuid"));
		if (u && uuid && strcmp(u, uuid) == 0) {
			*item = json_incref(e);
			break;
		}
	}
	json_decref(items);
	if (!*item)
		return rest_error(res, 404, "rest_application_password_not_found", "Application password not found.");
	return PD_OK;
}

int app_passwords_get_item(struct request *req, struct response *res)
{
	long id;
	json_t *item;
	int rc = find_item(req, res, &id, &item);
	if (rc != PD_OK)
		return rc;
	res->body = item_json(req, id, item, NULL, rest_context(req), 1);
	json_decref(item);
	return PD_OK;
}

int app_passwords_update(struct request *req, struct response *res)
{
	long id;
	json_t *item, *updated = NULL;
	int rc = find_item(req, res, &id, &item);
	if (rc != PD_OK)
		return rc;
	rc = auth_app_password_update(req->store, id, json_string_value(json_object_get(item, "uuid")),
				      rest_param_str(req, "name"), &updated);
	json_decref(item);
	if (rc == PD_ENOTFOUND)
		return rest_error(res, 500, "application_password_not_found",
				  "Could not find an application password with that id.");
	if (rc != PD_OK)
		return rest_error(res, 500, "db_error", "Could not save application password.");
	res->body = item_json(req, id, updated, NULL, "edit", 1);
	json_decref(updated);
	return PD_OK;
}

int app_passwords_delete(struct request *req, struct response *res)
{
	long id;
	json_t *item;
	int rc = find_item(req, res, &id, &item);
	if (rc != PD_OK)
		return rc;
	json_t *previous = item_json(req, id, item, NULL, "edit", 0);
	rc = auth_app_password_delete(req->store, id, json_string_value(json_object_get(item, "uuid")), NULL);
	json_decref(item);
	if (rc != PD_OK) {
		json_decref(previous);
		return rest_error(res, 500, "db_error", "Could not delete application password.");
	}
	res->body = jobj();
	jset(res->body, "deleted", json_true());
	jset(res->body, "previous", previous);
	return PD_OK;
}

int app_passwords_introspect(struct request *req, struct response *res)
{
	long id;
	int rc = target_user(req, res, &id);
	if (rc != PD_OK)
		return rc;
	if (!req->user || !req->user->app_password_uuid[0])
		return rest_error(res, 404, "rest_no_authenticated_app_password", "Cannot introspect application password.");
	json_t *items, *e, *found = NULL;
	size_t i;
	if ((rc = auth_app_passwords_get(req->store, id, &items)) != PD_OK)
		return rc;
	json_array_foreach(items, i, e) {
		const char *u = json_string_value(json_object_get(e, "uuid"));
		if (u && strcmp(u, req->user->app_password_uuid) == 0)
			found = e;
	}
	if (found)
		res->body = item_json(req, id, found, NULL, rest_context(req), 1);
	json_decref(items);
	if (!found)
		return rest_error(res, 500, "rest_application_password_not_found", "Application password not found.");
	return PD_OK;
}
