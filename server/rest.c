/* rest.c - the REST dispatcher: finds the route, merges and validates the
 * parameters, checks permissions, calls the handler, and shapes the result as
 * WP_REST_Server does (errors, Allow, OPTIONS, _fields, _embed, _envelope).
 * It knows no resource; handlers know no HTTP. */
#include <pcre2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/assets.h"
#include "pressd/buf.h"
#include "pressd/err.h"
#include "pressd/json.h"
#include "pressd/posts.h"
#include "pressd/query.h"
#include "pressd/rest.h"
#include "pressd/routes.h"
#include "pressd/site.h"
#include "pressd/validate.h"
#include "render/re.h"

/* ---- route documents and patterns ---- */

static json_t *docs;               /* schema/routes.json, read-only after routes_init */
static struct re *route_re;        /* one per rest_routes[] entry: "^pattern$", caseless */
#define ROUTE_MAX_GROUPS 16        /* capture groups a route pattern may have */
static json_t *(*marked)[4];       /* per route and endpoint: args with callback markers */

static const char *method_name(int m);

/* The validator's view of an endpoint's args: the published args plus the
 * callbacks WP_REST_Controller and the endpoint's policy register. */
static json_t *marked_args(const struct rest_route *r, const struct rest_endpoint *ep)
{
	static const int order[] = { M_GET, M_POST, M_PUT, M_PATCH, M_DELETE };
	int method = 0;
	for (size_t k = 0; k < sizeof order / sizeof order[0] && !method; k++)
		if (ep->methods & order[k])
			method = order[k];
	const json_t *args = routes_args(r->pattern, method_name(method));
	if (!args)
		return NULL;
	json_t *copy = json_deep_copy(args);
	if (method & M_EDITABLE)
		validate_args_mark_item_schema(copy);
	else
		validate_args_mark_controller(copy);
	if (ep->args_policy && ep->args_policy->mark)
		ep->args_policy->mark(copy, method);
	return copy;
}

/* register_post_meta( type, key, show_in_rest, single string ) as the
 * schema shows it: replaces the captured "meta" properties of a route's
 * schema and args with the keys this site registers for the route's type. */
static void apply_meta_keys(struct store *st, const char *pattern, json_t *doc)
{
	const struct post_type *types[] = { &post_type_post, &post_type_page };
	const struct post_type *type = NULL;
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		char base[64];
		int n = snprintf(base, sizeof base, "/wp/v2/%s", types[i]->rest_base);
		if (!strncmp(pattern, base, (size_t)n) && (pattern[n] == '\0' || pattern[n] == '/'))
			type = types[i];
	}
	if (!type)
		return;
	struct str_list keys = { 0 };
	if (posts_meta_keys(st, type, &keys) != PD_OK)
		return;
	json_t *props = jobj();
	for (size_t i = 0; i < keys.n; i++) {
		json_t *k = jobj();
		jset(k, "type", jstr("string"));
		jset(k, "title", jstr(""));
		jset(k, "description", jstr(""));
		jset(k, "default", jstr(""));
		jset(props, keys.v[i], k);
	}
	str_list_free(&keys);
	json_t *meta = json_object_get(json_object_get(json_object_get(doc, "schema"), "properties"), "meta");
	if (json_is_object(meta) && json_object_get(meta, "properties"))
		json_object_set(meta, "properties", props);
	size_t i;
	json_t *ep;
	json_array_foreach(json_object_get(doc, "endpoints"), i, ep) {
		meta = json_object_get(json_object_get(ep, "args"), "meta");
		if (json_is_object(meta) && json_object_get(meta, "properties"))
			json_object_set(meta, "properties", props);
	}
	json_decref(props);
}

/* A new string: s with every "{BASE}" replaced by home. */
static json_t *with_base(const char *s, const char *home)
{
	struct buf b = BUF_INIT;
	const char *p;
	while ((p = strstr(s, "{BASE}"))) {
		buf_append(&b, s, (size_t)(p - s));
		buf_puts(&b, home);
		s = p + 6;
	}
	buf_puts(&b, s);
	json_t *r = jstrn(buf_str(&b), b.len);
	buf_free(&b);
	return r;
}

/* The captured documents name the recording site's URL {BASE}: make it ours. */
static void replace_base(json_t *j, const char *home)
{
	const char *k;
	json_t *v;
	size_t i;
	if (json_is_object(j)) {
		json_object_foreach(j, k, v) {
			if (json_is_string(v) && strstr(json_string_value(v), "{BASE}"))
				json_object_set_new(j, k, with_base(json_string_value(v), home));
			else
				replace_base(v, home);
		}
	} else if (json_is_array(j)) {
		json_array_foreach(j, i, v) {
			if (json_is_string(v) && strstr(json_string_value(v), "{BASE}"))
				json_array_set_new(j, i, with_base(json_string_value(v), home));
			else
				replace_base(v, home);
		}
	}
}

int routes_init(struct store *st, const char *home)
{
	const struct asset *a = asset_find("schema/routes.json");
	json_error_t jerr;
	if (!a || !(docs = json_loadb(a->data, a->len, JSON_ALLOW_NUL, &jerr))) {
		fprintf(stderr, "pressd: schema/routes.json: %s\n", a ? jerr.text : "missing");
		return PD_EINVAL;
	}
	if (home)
		replace_base(docs, home);
	if (st) {
		const char *pattern;
		json_t *doc;
		json_object_foreach(json_object_get(docs, "routes"), pattern, doc)
			apply_meta_keys(st, pattern, doc);
	}
	/* WordPress matches '@^' . $route . '$@i'; re.c reuses one match data
	 * block per thread, so routing allocates nothing per request. */
	route_re = calloc((size_t)rest_nroutes, sizeof *route_re);
	if (!route_re)
		return PD_ENOMEM;
	for (int i = 0; i < rest_nroutes; i++) {
		char *re = NULL;
		if (asprintf(&re, "^%s$", rest_routes[i].pattern) < 0)
			return PD_ENOMEM;
		route_re[i].pattern = re;
		route_re[i].flags = PCRE2_CASELESS | RE_UTF;
	}
	if (re_compile_all(route_re, (size_t)rest_nroutes) != PD_OK) {
		fprintf(stderr, "pressd: a route pattern does not compile\n");
		return PD_EINVAL;
	}
	marked = calloc((size_t)rest_nroutes, sizeof *marked);
	if (!marked)
		return PD_ENOMEM;
	for (int i = 0; i < rest_nroutes; i++)
		for (int j = 0; j < 4 && rest_routes[i].endpoints[j].methods; j++)
			marked[i][j] = marked_args(&rest_routes[i], &rest_routes[i].endpoints[j]);
	return PD_OK;
}

const json_t *routes_doc(const char *pattern)
{
	return json_object_get(json_object_get(docs, "routes"), pattern);
}

const json_t *routes_index_doc(void)
{
	return json_object_get(docs, "index");
}

const json_t *routes_args(const char *pattern, const char *method)
{
	const json_t *eps = json_object_get(routes_doc(pattern), "endpoints"), *ep, *m;
	size_t i, j;
	json_array_foreach(eps, i, ep) {
		json_array_foreach(json_object_get(ep, "methods"), j, m) {
			if (strcmp(json_string_value(m), method) == 0)
				return json_object_get(ep, "args");
		}
	}
	return NULL;
}

int routes_match(const char *path, json_t **url_params)
{
	size_t ov[2 * ROUTE_MAX_GROUPS], n = strlen(path);
	for (int i = 0; i < rest_nroutes; i++) {
		if (re_match(&route_re[i], path, n, 0, ov, ROUTE_MAX_GROUPS) != 1)
			continue;
		json_t *params = jobj();
		uint32_t count, esize;
		PCRE2_SPTR table;
		pcre2_pattern_info(route_re[i].code, PCRE2_INFO_NAMECOUNT, &count);
		pcre2_pattern_info(route_re[i].code, PCRE2_INFO_NAMETABLE, &table);
		pcre2_pattern_info(route_re[i].code, PCRE2_INFO_NAMEENTRYSIZE, &esize);
		for (uint32_t k = 0; k < count; k++, table += esize) {
			int g = (table[0] << 8) | table[1];
			if (g >= ROUTE_MAX_GROUPS || ov[2 * g] == PCRE2_UNSET)
				continue;
			jset(params, (const char *)table + 2, jstrn(path + ov[2 * g], ov[2 * g + 1] - ov[2 * g]));
		}
		*url_params = params;
		return i;
	}
	return -1;
}

/* ---- parameters and errors ---- */

const json_t *rest_param(const struct request *req, const char *name)
{
	return req->params ? json_object_get(req->params, name) : NULL;
}

const char *rest_param_str(const struct request *req, const char *name)
{
	return json_string_value(rest_param(req, name));
}

long long rest_param_int(const struct request *req, const char *name, long long fallback)
{
	const json_t *v = rest_param(req, name);
	return json_is_integer(v) ? json_integer_value(v) : fallback;
}

const char *rest_context(const struct request *req)
{
	const char *c = rest_param_str(req, "context");
	return c && *c ? c : "view";
}

long rest_url_id(const struct request *req, const char *name)
{
	const char *s = json_string_value(json_object_get(req->url, name));
	return s ? strtol(s, NULL, 10) : 0;
}

int rest_authorization_required_code(const struct request *req)
{
	return req->user ? 403 : 401;
}

int rest_error_data(struct response *res, int status, const char *code, const char *message,
		    json_t *data)
{
	res->status = status;
	res->err_code = code;
	free(res->err_message);
	res->err_message = strdup(message);
	json_decref(res->err_data);
	res->err_data = data;
	return REST_ERROR;
}

int rest_error(struct response *res, int status, const char *code, const char *message)
{
	return rest_error_data(res, status, code, message, NULL);
}

/* Keeps the error object itself: its code string lives in err_data. */
int rest_error_json(struct response *res, json_t *err)
{
	const json_t *data = json_object_get(err, "data");
	int status = (int)json_integer_value(json_object_get(data, "status"));
	json_decref(res->body);
	res->body = err;
	res->status = status ? status : 500;
	res->err_code = "";
	return REST_ERROR;
}

void rest_header(struct response *res, const char *name, const char *value)
{
	for (int i = 0; i < res->nheaders; i++) {
		if (strcasecmp(res->headers[i].name, name) == 0) {
			free(res->headers[i].value);
			res->headers[i].value = strdup(value);
			return;
		}
	}
	if (res->nheaders == RESPONSE_MAX_HEADERS)
		return;
	res->headers[res->nheaders].name = strdup(name);
	res->headers[res->nheaders].value = strdup(value);
	res->nheaders++;
}

void rest_headerf(struct response *res, const char *name, const char *fmt, ...)
{
	char *v = NULL;
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(&v, fmt, ap) >= 0) {
		rest_header(res, name, v);
		free(v);
	}
	va_end(ap);
}

/* The error as WordPress's JSON, built in one place. */
static json_t *error_body(struct response *res)
{
	if (res->body && !res->err_message)
		return json_incref(res->body); /* from rest_error_json */
	json_t *data = jobj();
	jset(data, "status", jint(res->status));
	if (res->err_data) {
		json_object_update(data, res->err_data);
	}
	json_t *e = jobj();
	jset(e, "code", jstr(res->err_code));
	jset(e, "message", jstr(res->err_message ? res->err_message : ""));
	jset(e, "data", data);
	return e;
}

void rest_request_clear(struct request *req)
{
	json_decref(req->query);
	json_decref(req->body);
	json_decref(req->url);
	json_decref(req->params);
	json_decref(req->fields);
	req->query = req->body = req->url = req->params = req->fields = NULL;
	req->fields_parsed = 0;
}

void rest_response_clear(struct response *res)
{
	json_decref(res->body);
	json_decref(res->err_data);
	free(res->err_message);
	for (int i = 0; i < res->nheaders; i++) {
		free(res->headers[i].name);
		free(res->headers[i].value);
	}
	memset(res, 0, sizeof *res);
}

static const char *method_name(int m)
{
	switch (m) {
	case M_GET: return "GET";
	case M_POST: return "POST";
	case M_PUT: return "PUT";
	case M_PATCH: return "PATCH";
	case M_DELETE: return "DELETE";
	case M_OPTIONS: return "OPTIONS";
	case M_HEAD: return "HEAD";
	}
	return "GET";
}

/* WordPress's parameter order: JSON body, POST body, GET, URL, defaults -
 * the first that has a name wins. */
static json_t *merged_params(const struct request *req)
{
	json_t *p = jobj();
	if (req->url)
		json_object_update(p, req->url);
	if (req->query)
		json_object_update(p, req->query);
	if (req->body)
		json_object_update(p, req->body);
	return p;
}

/* The Allow header: the route's methods whose permission check passes, in
 * the order of the route's endpoints (WP_REST_Server::dispatch). */
static void set_allow(struct request *req, const struct rest_route *r, struct response *res)
{
	char allow[128] = "";
	/* an embedded response keeps only its body: its permission checks
	 * for the other methods would be thrown away */
	if (req->embedded)
		return;
	static const int order[] = { M_GET, M_POST, M_PUT, M_PATCH, M_DELETE };
	for (int i = 0; i < 4 && r->endpoints[i].methods; i++) {
		const struct rest_endpoint *ep = &r->endpoints[i];
		if (ep->permission) {
			struct response tmp = { 0 };
			int saved = req->method, rc;
			req->method = ep->methods & M_GET ? M_GET : ep->methods & M_POST ? M_POST : M_DELETE;
			rc = ep->permission(req, &tmp);
			req->method = saved;
			rest_response_clear(&tmp);
			if (rc != PD_OK)
				continue;
		}
		for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
			if (ep->methods & order[k]) {
				if (allow[0])
					strcat(allow, ", ");
				strcat(allow, method_name(order[k]));
			}
		}
	}
	if (allow[0]) /* rest_send_allow_header(): none when no method is allowed */
		rest_header(res, "Allow", allow);
}

/* OPTIONS: the route's document (WP_REST_Server::get_data_for_route, context help). */
static void options_response(struct request *req, int ri, struct response *res)
{
	const json_t *doc = routes_doc(rest_routes[ri].pattern);
	json_t *body = doc ? json_deep_copy(doc) : jobj();
	/* Routes without parameters link to themselves. */
	if (!strchr(rest_routes[ri].pattern, '(')) {
		json_t *self = jobj();
		char href[1024];
		snprintf(href, sizeof href, "%s%s", req->site->rest_url,
			 rest_routes[ri].pattern[0] == '/' ? rest_routes[ri].pattern + 1 : rest_routes[ri].pattern);
		jset(self, "href", jstr(href));
		jset(body, "_links", jset(jobj(), "self", jpush(jarr(), self)));
	}
	res->status = 200;
	res->body = body;
}

/* Trampolines from validate.h's hooks to the endpoint's policy (ctx = request). */
static json_t *hook_validate(void *ctx, const char *name, const json_t *arg, const json_t *value)
{
	struct request *req = ctx;
	const struct rest_args_policy *p = req->endpoint->args_policy;
	return p && p->validate ? p->validate(req, name, arg, value) : NULL;
}

static int hook_sanitize(void *ctx, const char *name, const json_t *arg, const json_t *value, json_t **out)
{
	struct request *req = ctx;
	const struct rest_args_policy *p = req->endpoint->args_policy;
	if (p && p->sanitize)
		return p->sanitize(req, name, arg, value, out);
	*out = json_incref((json_t *)value);
	return 0;
}

static int method_allowed(const struct rest_endpoint *ep, int method)
{
	if (method == M_HEAD)
		method = M_GET;
	return (ep->methods & method) != 0;
}

static void parse_fields(struct request *req);

void rest_dispatch(struct request *req, struct response *res)
{
	json_t *url = NULL;
	int ri = routes_match(req->route, &url);
	res->status = 200;
	parse_fields(req);
	if (ri < 0) {
		rest_error(res, 404, "rest_no_route", "No route was found matching the URL and request method.");
		return;
	}
	json_decref(req->url);
	req->url = url;
	const struct rest_route *r = &rest_routes[ri];
	if (req->method == M_OPTIONS) {
		options_response(req, ri, res);
		set_allow(req, r, res);
		return;
	}
	const struct rest_endpoint *ep = NULL;
	int epi = 0;
	for (int i = 0; i < 4 && r->endpoints[i].methods; i++) {
		if (method_allowed(&r->endpoints[i], req->method)) {
			ep = &r->endpoints[i];
			epi = i;
			break;
		}
	}
	if (!ep) {
		rest_error(res, 404, "rest_no_route", "No route was found matching the URL and request method.");
		return;
	}
	if (req->body_invalid) {
		set_allow(req, r, res);
		json_t *d = jobj();
		jset(d, "json_error_code", jint(4));
		jset(d, "json_error_message", jstr("Syntax error"));
		rest_error_data(res, 400, "rest_invalid_json", "Invalid JSON body passed.", d);
		return;
	}
	json_t *raw = merged_params(req), *err = NULL;
	const json_t *args = marked[ri][epi];
	struct validate_hooks hooks = { hook_validate, hook_sanitize, req };
	req->endpoint = ep;
	json_decref(req->params);
	req->params = NULL;
	if (args && validate_params_ex(args, raw, ep->args_policy ? &hooks : NULL, &req->params, &err)) {
		/* WordPress still sends Allow with a validation error (rest_send_allow_header). */
		req->params = raw;
		set_allow(req, r, res);
		rest_error_json(res, err);
		return;
	}
	if (args)
		json_decref(raw);
	else
		req->params = raw;
	int rc = ep->permission ? ep->permission(req, res) : PD_OK;
	if (rc == PD_OK)
		rc = ep->handler(req, res);
	/* After the handler's own headers, as rest_post_dispatch adds it. */
	set_allow(req, r, res);
	if (rc < 0) {
		fprintf(stderr, "pressd: %s %s: %s\n", method_name(req->method), req->route, pd_strerror(rc));
		rest_error(res, 500, "rest_internal_error", "Internal server error.");
	}
}

/* ---- shaping: _fields, _embed, _envelope ---- */

/* Whether key (a top-level or dotted path prefix) is requested in fields. */
static json_t *filter_fields(const json_t *data, json_t *fields, const char *prefix);

/* rest_filter_response_fields(): keeps only the requested (possibly nested) fields. */
static json_t *filter_fields(const json_t *data, json_t *fields, const char *prefix)
{
	json_t *out = jobj();
	const char *key;
	json_t *v;
	size_t plen = strlen(prefix);
	json_object_foreach((json_t *)data, key, v) {
		char path[512];
		snprintf(path, sizeof path, "%s%s", prefix, key);
		size_t i, n = strlen(path);
		json_t *f;
		int whole = 0, nested = 0;
		json_array_foreach(fields, i, f) {
			const char *fs = json_string_value(f);
			if (strcmp(fs, path) == 0)
				whole = 1;
			else if (strncmp(fs, path, n) == 0 && fs[n] == '.')
				nested = 1;
		}
		if (whole) {
			jset(out, key, json_incref(v));
		} else if (nested && json_is_object(v)) {
			char sub[520];
			snprintf(sub, sizeof sub, "%s.", path);
			jset(out, key, filter_fields(v, fields, sub));
		}
	}
	(void)plen;
	return out;
}

/* $request['_fields']: the body's (JSON or form) before the query's. */
static const json_t *fields_param(const struct request *req)
{
	const json_t *f = json_is_object(req->body) ? json_object_get(req->body, "_fields") : NULL;
	return f ? f : json_object_get(req->query, "_fields");
}

/* The _fields list as WordPress parses it (wp_parse_list, trimmed): an
 * array's strings, else the value split on commas and whitespace. */
static json_t *requested_fields(const struct request *req)
{
	const json_t *f = fields_param(req);
	if (!json_is_array(f))
		return validate_parse_list(f);
	json_t *list = jarr();
	size_t i;
	json_t *v;
	json_array_foreach(f, i, v)
		if (json_is_string(v))
			jpush(list, json_incref(v));
	return list;
}

/* Parses _fields once for the request: each response field asks. */
static void parse_fields(struct request *req)
{
	if (req->fields_parsed)
		return;
	req->fields = fields_param(req) ? requested_fields(req) : NULL;
	req->fields_parsed = 1;
}

int rest_field_wanted(const struct request *req, const char *field)
{
	json_t *own = NULL;
	const json_t *list = req->fields;
	if (!req->fields_parsed) /* a handler called outside rest_dispatch() */
		list = own = fields_param(req) ? requested_fields(req) : NULL;
	if (!list)
		return 1;
	size_t i, n = strlen(field);
	json_t *f;
	int yes = json_array_size(list) == 0 || strcmp(field, "id") == 0;
	json_array_foreach(list, i, f) {
		const char *a = json_string_value(f);
		size_t an = strlen(a);
		if (strcmp(a, field) == 0 || (strncmp(a, field, n) == 0 && a[n] == '.') ||
		    (strncmp(field, a, an) == 0 && field[an] == '.'))
			yes = 1;
	}
	json_decref(own);
	return yes;
}

static int embed_wanted(const struct request *req, const char *rel)
{
	const json_t *e = json_object_get(req->query, "_embed");
	const char *s = json_string_value(e);
	if (json_is_array(e)) {
		size_t i;
		json_t *v;
		json_array_foreach(e, i, v)
			if (json_is_string(v) && strcmp(json_string_value(v), rel) == 0)
				return 1;
		return 0;
	}
	if (!s || !*s || strcmp(s, "1") == 0 || strcmp(s, "true") == 0)
		return 1;
	/* A comma list of rels. */
	size_t n = strlen(rel);
	for (const char *p = s; (p = strstr(p, rel)); p += n)
		if ((p == s || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return 1;
	return 0;
}

/* Serves href internally in embed context (WP_REST_Server::embed_links). */
static json_t *embed_link(const struct request *parent, const char *href)
{
	size_t rl = strlen(parent->site->rest_url);
	if (strncmp(href, parent->site->rest_url, rl) != 0)
		return NULL;
	const char *path = href + rl - 1; /* keep the leading '/' */
	const char *q = strchr(path, '?');
	char route[1024];
	snprintf(route, sizeof route, "%.*s", (int)(q ? (size_t)(q - path) : strlen(path)), path);
	struct request sub = *parent;
	struct response res = { 0 };
	sub.route = route;
	sub.method = M_GET;
	sub.embedded = 1;
	sub.query = q ? query_parse(q + 1, strlen(q + 1), 1000) : jobj();
	sub.body = NULL;
	sub.url = NULL;
	sub.params = NULL;
	sub.fields = NULL; /* the parent's stay the parent's */
	sub.fields_parsed = 0;
	if (!json_object_get(sub.query, "context"))
		jset(sub.query, "context", jstr("embed"));
	/* Embedded collections come whole: per_page defaults to the route's
	 * maximum (100), not to 10 (WP_REST_Server::embed_links()). */
	if (!json_object_get(sub.query, "per_page")) {
		json_t *url = NULL;
		int ri = routes_match(route, &url);
		json_decref(url);
		const json_t *max = ri < 0 ? NULL :
			json_object_get(json_object_get(routes_args(rest_routes[ri].pattern, "GET"), "per_page"), "maximum");
		if (json_is_integer(max)) {
			char n[24];
			snprintf(n, sizeof n, "%lld", (long long)json_integer_value(max));
			jset(sub.query, "per_page", jstr(n));
		}
	}
	rest_dispatch(&sub, &res);
	json_t *out;
	if (res.err_code)
		out = error_body(&res);
	else
		out = res.body ? json_incref(res.body) : json_null();
	rest_request_clear(&sub);
	rest_response_clear(&res);
	return out;
}

/* Adds _embedded to one item after its _links. */
static void embed_item(const struct request *req, json_t *item)
{
	json_t *links = json_object_get(item, "_links");
	if (!json_is_object(links))
		return;
	json_t *embedded = jobj();
	const char *rel;
	json_t *list;
	json_object_foreach(links, rel, list) {
		if (!embed_wanted(req, rel))
			continue;
		json_t *items = NULL;
		size_t i;
		json_t *link;
		json_array_foreach(list, i, link) {
			if (!json_is_true(json_object_get(link, "embeddable")))
				continue;
			json_t *e = embed_link(req, json_string_value(json_object_get(link, "href")));
			if (!e)
				continue;
			if (!items)
				items = jarr();
			jpush(items, e);
		}
		/* embed_links(): count(array_filter($embeds)) - a rel whose
		 * embeds are all empty (a post without comments) is left out. */
		int has_links = 0;
		json_t *e;
		json_array_foreach(items, i, e)
			if (!(json_is_array(e) && !json_array_size(e)) && !json_is_null(e))
				has_links = 1;
		if (has_links)
			jset(embedded, rel, items);
		else
			json_decref(items);
	}
	if (json_object_size(embedded))
		jset(item, "_embedded", embedded);
	else
		json_decref(embedded);
}

void rest_shape(struct request *req, struct response *res)
{
	if (res->err_code) {
		json_t *e = error_body(res);
		json_decref(res->body);
		res->body = e;
		return;
	}
	if (!res->body)
		return;
	/* WordPress's order: rest_filter_response_fields() on the data, then
	 * response_to_data() adds _links and embed_links() _embedded. A
	 * collection's items carry their _links as data (prepare_response_for_
	 * collection()), so _fields filters them; a single item's _links come
	 * whole, when the controller added them (get_fields_for_response()
	 * counts _embedded only with _embed). Nothing left is PHP's [] . */
	int embed = json_object_get(req->query, "_embed") != NULL;
	parse_fields(req);
	/* an empty list filters nothing (0 === count( $fields )) */
	json_t *fields = json_array_size(req->fields) ? req->fields : NULL;
	json_t *items = json_is_array(res->body) ? res->body : NULL;
	size_t n = items ? json_array_size(items) : 1;
	int single_links = rest_field_wanted(req, "_links") || (embed && rest_field_wanted(req, "_embedded"));
	for (size_t i = 0; i < n; i++) {
		json_t *item = items ? json_array_get(items, i) : res->body;
		if (!json_is_object(item))
			continue;
		if (fields) {
			json_t *links = items || !single_links ? NULL : json_incref(json_object_get(item, "_links"));
			json_t *f = filter_fields(item, fields, "");
			if (links)
				jset(f, "_links", links);
			if (!json_object_size(f)) {
				json_decref(f);
				f = jarr();
			}
			if (items)
				json_array_set_new(items, i, f);
			else {
				json_decref(res->body);
				res->body = f;
			}
			item = f;
		}
		if (embed && json_is_object(item))
			embed_item(req, item);
	}
}

/* urlencode_deep() of a sanitized value: true is "1", false "". */
static json_t *php_urlvalue(const json_t *v)
{
	if (json_is_boolean(v))
		return json_string(json_is_true(v) ? "1" : "");
	if (json_is_array(v)) {
		json_t *a = json_array();
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e)
			json_array_append_new(a, php_urlvalue(e));
		return a;
	}
	if (json_is_object(v)) {
		json_t *o = json_object();
		const char *k;
		json_t *e;
		json_object_foreach((json_t *)v, k, e)
			json_object_set_new(o, k, php_urlvalue(e));
		return o;
	}
	return json_deep_copy(v);
}

/* $request->get_query_params(): the query string's parameters, those that
 * are route args as sanitize_params() left them. */
static json_t *paginate_params(const struct request *req)
{
	json_t *q = json_object();
	const char *k;
	json_t *v;
	if (!req->query)
		return q;
	json_object_foreach(req->query, k, v) {
		const json_t *s = req->params ? json_object_get(req->params, k) : NULL;
		json_object_set_new(q, k, php_urlvalue(s ? s : v));
	}
	return q;
}

/* Mirrors the pagination part of WP_REST_Posts_Controller::get_items(). */
void rest_paginate(struct response *res, const struct request *req, long total, long per_page,
		   long page)
{
	long max_pages = per_page > 0 ? (total + per_page - 1) / per_page : 0;
	rest_headerf(res, "X-WP-Total", "%ld", total);
	rest_headerf(res, "X-WP-TotalPages", "%ld", max_pages);
	struct buf link = BUF_INIT;
	for (int pass = 0; pass < 2; pass++) {
		long target;
		const char *rel;
		if (pass == 0) {
			if (page <= 1)
				continue;
			target = page - 1 > max_pages ? max_pages : page - 1;
			rel = "prev";
		} else {
			if (max_pages <= page)
				continue;
			target = page + 1;
			rel = "next";
		}
		/* add_query_arg('page', N, base): replaces page in place or appends it. */
		json_t *q = paginate_params(req);
		char num[24];
		snprintf(num, sizeof num, "%ld", target);
		json_object_set_new(q, "page", json_string(num));
		if (link.len)
			buf_puts(&link, ", ");
		buf_printf(&link, "<%s%s?", req->site->rest_url, req->route[0] == '/' ? req->route + 1 : req->route);
		query_build(q, &link);
		buf_printf(&link, ">; rel=\"%s\"", rel);
		json_decref(q);
	}
	if (link.len)
		rest_header(res, "Link", buf_str(&link));
	buf_free(&link);
}
