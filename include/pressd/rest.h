/* rest.h - the REST request/response model every endpoint handler uses.
 *
 * A handler receives a request whose parameters are already validated and
 * sanitized against its route's args (WordPress's has_valid_params() and
 * sanitize_params()), and fills a response: a JSON body and headers on
 * success, or a WordPress error (code, message, status, extra data) through
 * rest_error(). The dispatcher (server/rest.c) alone turns errors into
 * {"code","message","data":{"status"}} JSON, applies _fields, _embed,
 * _envelope and _jsonp, and writes headers. */
#ifndef PRESSD_REST_H
#define PRESSD_REST_H

#include <jansson.h>
#include "pressd/store.h"

struct site;
struct user;
struct rest_endpoint;

enum rest_method {
	M_GET = 1, M_POST = 2, M_PUT = 4, M_PATCH = 8, M_DELETE = 16, M_OPTIONS = 32, M_HEAD = 64,
};
#define M_EDITABLE (M_POST | M_PUT | M_PATCH)

struct request {
	int method;                 /* enum rest_method, after _method / X-HTTP-Method-Override */
	const char *route;          /* "/wp/v2/posts/1241": the REST route, decoded */
	const char *uri;            /* the request URI as sent ($_SERVER['REQUEST_URI']), or NULL */
	json_t *query;              /* GET parameters (PHP parse_str semantics), owned */
	json_t *body;               /* JSON or form body parameters, or NULL; owned */
	json_t *url;                /* parameters captured by the route pattern ({"id":"1241"}), owned */
	json_t *params;             /* merged, validated, sanitized params with defaults; owned */
	const char *raw_body;       /* request body bytes (uploads), borrowed; may be NULL */
	size_t raw_body_len;
	const char *content_type;   /* Content-Type header or NULL */
	const char *(*header)(const struct request *req, const char *name); /* request header lookup */
	void *conn;                 /* transport handle for header(); opaque */
	const char *client_ip;      /* text form of the peer address */
	const struct site *site;    /* site configuration (options), read-only */
	struct store *store;        /* this worker thread's store */
	const struct user *user;    /* the authenticated user, NULL when anonymous */
	int embedded;               /* 1 when dispatched internally for _embed */
	int body_invalid;           /* a JSON body that did not parse (rest_invalid_json) */
	const struct rest_endpoint *endpoint; /* the endpoint serving it, set by rest_dispatch() */
	long long generation;       /* pressd_generation.n when the request began (render cache); -1 unknown */
	json_t *fields;             /* the _fields list, parsed once by rest_dispatch(); NULL without _fields; owned */
	int fields_parsed;          /* fields is set (rest_request_clear() resets both) */
};

#define RESPONSE_MAX_HEADERS 16

struct response {
	int status;                 /* HTTP status, 200 by default */
	json_t *body;               /* the JSON document, owned; NULL for no body */
	struct {
		char *name;             /* owned */
		char *value;            /* owned */
	} headers[RESPONSE_MAX_HEADERS];
	int nheaders;
	/* Set by rest_error(): */
	const char *err_code;       /* static string, e.g. "rest_post_invalid_id" */
	char *err_message;          /* owned */
	json_t *err_data;           /* extra keys for data (after "status"), owned, or NULL */
	json_t *links;              /* for collections: not used; items carry _links in body */
};

/* A parameter after validation: borrowed from req->params, NULL if absent. */
const json_t *rest_param(const struct request *req, const char *name);
const char *rest_param_str(const struct request *req, const char *name);   /* NULL if not a string */
long long rest_param_int(const struct request *req, const char *name, long long fallback);
/* The context param, "view" when absent or empty. */
const char *rest_context(const struct request *req);
/* A number the route pattern captured ("id" of /wp/v2/posts/(?P<id>[\\d]+)),
 * 0 when the route has no such group. */
long rest_url_id(const struct request *req, const char *name);
/* Mirrors rest_authorization_required_code(): 403 for a logged-in user, else 401. */
int rest_authorization_required_code(const struct request *req);

/* rest_is_field_included() against the request's _fields: 1 when there is
 * no _fields or field (or a parent or child of it) is listed. Lets handlers
 * skip computing what the response will not show. */
int rest_field_wanted(const struct request *req, const char *field);

/* Records a WordPress error on res and returns REST_ERROR so handlers can
 * `return rest_error(res, 404, "rest_post_invalid_id", "Invalid post ID.");`.
 * data, if not NULL, is stolen; its keys follow "status" in data. */
#define REST_ERROR 1
int rest_error(struct response *res, int status, const char *code, const char *message);
int rest_error_data(struct response *res, int status, const char *code, const char *message,
		    json_t *data);
/* Takes a complete WordPress error object {"code","message","data":{...}} (stolen). */
int rest_error_json(struct response *res, json_t *err);

/* Adds (or replaces, for Link) a response header; the strings are copied. */
void rest_header(struct response *res, const char *name, const char *value);
void rest_headerf(struct response *res, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Sets X-WP-Total, X-WP-TotalPages and the Link rel=prev/next headers of a
 * collection page as WP_REST_Posts_Controller::get_items() does. */
void rest_paginate(struct response *res, const struct request *req, long total, long per_page,
		   long page);

/* Handlers return PD_OK (response filled), REST_ERROR, or a negative pd_err
 * (turned into a 500 by the dispatcher). */
typedef int (*rest_handler)(struct request *req, struct response *res);
/* Whether the current user may call this endpoint at all (WordPress's
 * permission_callback); NULL means always. Same return convention. */
typedef int (*rest_permission)(struct request *req, struct response *res);

/* WordPress registers validate/sanitize callbacks on some args that its
 * OPTIONS documents do not show; a policy adds them (as validate.h markers)
 * and implements the ones that need the request ("caller" markers). */
struct rest_args_policy {
	void (*mark)(json_t *args, int method);
	json_t *(*validate)(struct request *req, const char *name, const json_t *arg, const json_t *value);
	int (*sanitize)(struct request *req, const char *name, const json_t *arg, const json_t *value,
			json_t **out);
};

struct rest_endpoint {
	int methods;               /* enum rest_method bits */
	rest_handler handler;
	rest_permission permission;
	const struct rest_args_policy *args_policy;  /* NULL: WP_REST_Controller's defaults only */
};

struct rest_route {
	const char *pattern;       /* WordPress's route regex, e.g. "/wp/v2/posts/(?P<id>[\\d]+)" */
	struct rest_endpoint endpoints[4];
};

/* Serves one request through the route table (also used for _embed).
 * Fills res; never fails without filling an error. */
void rest_dispatch(struct request *req, struct response *res);

/* Applies _embed and _fields to a successful response and turns an error
 * into its JSON body; called once per top-level request. */
void rest_shape(struct request *req, struct response *res);

/* Frees everything a request/response owns (not the structs themselves). */
void rest_request_clear(struct request *req);
void rest_response_clear(struct response *res);

/* The route table (server/routes.c). */
extern const struct rest_route rest_routes[];
extern const int rest_nroutes;

#endif
