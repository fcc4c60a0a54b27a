/* validate.h - request parameters checked and sanitized against a route's
 * JSON-schema "args", as WordPress's WP_REST_Request::has_valid_params() and
 * sanitize_params() do (rest_validate_value_from_schema(),
 * rest_sanitize_value_from_schema()), with WordPress's exact error codes and
 * messages.
 *
 * Values follow PHP's model of decoded JSON: a JSON object whose keys are all
 * integers ("0", "7") is a PHP list like a JSON array; query-string values are
 * strings. Everything here is pure and thread-safe: callbacks that need the
 * request's user (sanitize_post_statuses(), check_status() ...) are the
 * caller's, through struct validate_hooks.
 *
 * Args may carry two pressd-only keys naming the callbacks WordPress registers
 * but does not publish in OPTIONS responses (an OPTIONS writer must keep only
 * the schema keywords, as WordPress does):
 *   "validate_callback": true     rest_validate_request_arg, run by
 *                                 has_valid_params() before any sanitizing
 *                        "caller" hooks->validate
 *   "sanitize_callback": absent   rest_parse_request_arg (validate, then
 *                                 sanitize) when the arg has a "type"
 *                        null     none: the value is kept as given
 *                        "rest_parse_request_arg", "rest_sanitize_request_arg",
 *                        "rest_validate_request_arg" (value kept),
 *                        "absint", "sanitize_key", "sanitize_text_field",
 *                        "wp_parse_id_list", "wp_parse_list"
 *                        "caller" hooks->sanitize (kept as given without hooks)
 * validate_args_mark_controller() adds the ones WP_REST_Controller uses. */
#ifndef PRESSD_VALIDATE_H
#define PRESSD_VALIDATE_H

#include <jansson.h>

/* Callbacks for args marked "caller" (both may be NULL). name is the param. */
struct validate_hooks {
	/* NULL when valid, else a new error {"code","message","data"}. */
	json_t *(*validate)(void *ctx, const char *name, const json_t *arg, const json_t *value);
	/* 0 and *out = new sanitized value, or nonzero and *out = new error object
	 * (e.g. rest_forbidden_status for sanitize_post_statuses()). */
	int (*sanitize)(void *ctx, const char *name, const json_t *arg, const json_t *value, json_t **out);
	void *ctx;   /* passed to both, borrowed */
};

/* Validates params (an object: name -> raw value, strings from a query string
 * or any JSON type from a JSON body) against args (the "args" object of a route
 * endpoint, exactly as WordPress lists it in OPTIONS responses, plus the
 * callback markers above).
 *
 * params is the request's merged view in WordPress's parameter order (JSON body
 * keys, then form body, then query, then URL params): sanitize_params() reports
 * errors in that order, has_valid_params() in the order of args. A JSON null
 * value counts as absent for "required" and validate_callback (get_param()
 * uses isset()), yet is still sanitized.
 *
 * On success returns 0 and sets *out to a new object (caller decrefs) holding
 * every param (sanitized when it is an arg), then the (sanitized) "default" of
 * each arg that was absent or null; params not in args are copied unchanged.
 *
 * On failure returns the HTTP status (400) and sets *err to a new WordPress
 * error object {"code","message","data":{"status",...}} - e.g.
 * rest_invalid_param with data.params and data.details, or
 * rest_missing_callback_param with data.params. */
int validate_params(const json_t *args, const json_t *params, json_t **out, json_t **err);
/* The same with callbacks for args marked "caller" (hooks may be NULL). */
int validate_params_ex(const json_t *args, const json_t *params, const struct validate_hooks *hooks,
		       json_t **out, json_t **err);

/* Adds the callbacks WP_REST_Controller registers, to whichever of these args
 * exist and carry no marker yet: "context" (validate, sanitize_key), "page" and
 * "per_page" (validate, absint), "search" (validate, sanitize_text_field);
 * mirrors get_collection_params() and get_context_param(). */
void validate_args_mark_controller(json_t *args);
/* Marks every arg validate_callback true and sanitize_callback
 * "rest_sanitize_request_arg" unless it has markers: what
 * rest_get_endpoint_args_for_schema() gives item-schema args (create/update). */
void validate_args_mark_item_schema(json_t *args);

/* rest_validate_value_from_schema() for one value: NULL when valid, else a new
 * error object {"code","message","data"} (caller decrefs). name is the
 * parameter name used in messages ("per_page", "meta[footnotes]"). */
json_t *validate_value(const json_t *schema, const json_t *value, const char *name);

/* rest_sanitize_value_from_schema(): a new reference to the sanitized value.
 * NULL where WordPress returns a WP_Error (anyOf/oneOf without a match,
 * duplicate items): validate first to get the error. */
json_t *validate_sanitize(const json_t *schema, const json_t *value, const char *name);

/* rest_parse_request_arg(): validate, then sanitize. Returns the new sanitized
 * value, or NULL with *err set to a new error object. */
json_t *validate_parse(const json_t *schema, const json_t *value, const char *name, json_t **err);

/* WP_REST_Posts_Controller::sanitize_post_statuses() given the user's
 * capabilities (can_edit: edit_posts of the post type; can_read_private:
 * read_private_posts; logged_in for the 401/403 choice): 0 and *out = the new
 * list of statuses, or 1 and *out = a new rest_forbidden_status or enum error.
 * arg is the "status" arg (its "default" is always allowed). Made to be
 * called from a struct validate_hooks sanitize callback. */
int validate_post_statuses(const json_t *arg, const json_t *value, int can_edit, int can_read_private,
			   int logged_in, json_t **out);

/* --- Small pieces WordPress uses elsewhere, exposed for the handlers. --- */

/* rest_parse_date(): 0 and *ts (Unix time; a date without offset is read as
 * UTC, like PHP's strtotime() with UTC as default zone) when s is an RFC 3339
 * date WordPress accepts, else -1. */
int validate_parse_date(const char *s, long long *ts);
/* rest_is_boolean(), rest_is_integer() (is_numeric() and integral), PHP's
 * is_numeric(). */
int validate_is_boolean(const json_t *v);
int validate_is_integer(const json_t *v);
int validate_is_numeric(const json_t *v);
/* wp_parse_list(): a new array of the list's scalars; a string is split on
 * commas and whitespace. wp_parse_id_list(): absint of each, first occurrence
 * of each kept. Both new references. */
json_t *validate_parse_list(const json_t *v);
json_t *validate_parse_id_list(const json_t *v);
/* sanitize_text_field( s ): a malloc'd string, or NULL (no memory). */
char *validate_sanitize_text_field(const char *s);
/* PHP's (int) cast and absint() of a decoded value. */
long long validate_intval(const json_t *v);
/* PHP's empty() of a decoded value (a param, a schema keyword): false, 0,
 * 0.0, "", "0", null, [], {}, and a missing value (NULL). */
int validate_php_empty(const json_t *v);

/* --- JSON-first accessors for handlers, over the object validate_params()
 * returned. Values are borrowed from params; nothing is allocated. --- */

/* 0 and *out when params[name] is a JSON integer (or integral real), else -1. */
int validate_get_int(const json_t *params, const char *name, long long *out);
/* 0 and *out (0/1) when params[name] is a JSON boolean, else -1. */
int validate_get_bool(const json_t *params, const char *name, int *out);
/* params[name] when it is a string, else NULL (borrowed, NUL-terminated). */
const char *validate_get_str(const json_t *params, const char *name);
/* params[name] when it is an array, else NULL (borrowed). */
const json_t *validate_get_array(const json_t *params, const char *name);

#endif
