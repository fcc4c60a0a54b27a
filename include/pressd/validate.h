/* validate.h - request parameters checked and sanitized against a route's
 * JSON-schema "args", as WordPress's WP_REST_Request::has_valid_params() and
 * sanitize_params() do (rest_validate_value_from_schema(),
 * rest_sanitize_value_from_schema()), with WordPress's exact error codes and
 * messages. */
#ifndef PRESSD_VALIDATE_H
#define PRESSD_VALIDATE_H

#include <jansson.h>

/* Validates params (an object: name -> raw value, strings from a query string
 * or any JSON type from a JSON body) against args (the "args" object of a route
 * endpoint, exactly as WordPress lists it in OPTIONS responses).
 *
 * On success returns 0 and sets *out to a new object (caller decrefs) holding
 * every arg: the sanitized value when given (integers as JSON integers,
 * booleans as JSON booleans, lists parsed with wp_parse_list ...), else its
 * "default" when the arg has one; params not in args are copied unchanged.
 *
 * On failure returns the HTTP status (400) and sets *err to a new WordPress
 * error object {"code","message","data":{"status",...}} - e.g.
 * rest_invalid_param with data.params and data.details, or
 * rest_missing_callback_param with data.params. */
int validate_params(const json_t *args, const json_t *params, json_t **out, json_t **err);

/* rest_validate_value_from_schema() for one value: NULL when valid, else a new
 * error object {"code","message","data":{...}} (caller decrefs). name is the
 * parameter name used in messages ("per_page", "meta[footnotes]"). */
json_t *validate_value(const json_t *schema, const json_t *value, const char *name);

/* rest_sanitize_value_from_schema(): a new reference to the sanitized value. */
json_t *validate_sanitize(const json_t *schema, const json_t *value, const char *name);

#endif
