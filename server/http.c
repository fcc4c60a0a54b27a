/* http.c - libmicrohttpd glue: turns connections into struct request, runs
 * rest_dispatch()/rest_shape(), and writes WordPress's headers, _envelope and
 * _jsonp. Request sizes are bounded here, before anything is parsed. */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "pressd/auth.h"
#include "pressd/buf.h"
#include "pressd/caps.h"
#include "pressd/err.h"
#include "pressd/http.h"
#include "pressd/json.h"
#include "pressd/query.h"
#include "pressd/render_cache.h"
#include "pressd/rest.h"
#include "pressd/site.h"
#include "pressd/store.h"

#define MAX_URI 8192                 /* longer request lines get 414 */
#define MAX_PARAMS 1000              /* PHP's max_input_vars */

static const struct http_config *config;

/* Per-thread SQLite connections, registered so shutdown can close them. */
static pthread_mutex_t stores_lock = PTHREAD_MUTEX_INITIALIZER;
static struct store *stores[256];
static int nstores;
static __thread struct store *thread_store;

static struct store *worker_store(void)
{
	if (thread_store)
		return thread_store;
	char *msg = NULL;
	if (store_open(config->db_path, 0, &thread_store, &msg) != PD_OK) {
		fprintf(stderr, "pressd: %s\n", msg ? msg : "cannot open database");
		free(msg);
		return NULL;
	}
	pthread_mutex_lock(&stores_lock);
	if (nstores < 256)
		stores[nstores++] = thread_store;
	pthread_mutex_unlock(&stores_lock);
	return thread_store;
}

/* Everything one request owns, freed in request_completed(). */
struct conn_ctx {
	char *uri;                   /* full request URI with query, from the URI log callback */
	char method[16];             /* request method, for the access log */
	char version[16];            /* HTTP version, for the access log */
	struct buf body;             /* bounded request body */
	int too_large;               /* body exceeded max_body */
	int started;                 /* the headers-only first call has been seen */
	int status;                  /* for the access log */
	size_t bytes;                /* response body bytes, for the access log */
	struct timespec start;
};

static void *uri_logger(void *cls, const char *uri, struct MHD_Connection *c)
{
	(void)cls;
	(void)c;
	struct conn_ctx *ctx = calloc(1, sizeof *ctx);
	if (!ctx)
		return NULL;
	ctx->uri = strndup(uri, MAX_URI + 1);
	buf_init(&ctx->body, config->max_body);
	clock_gettime(CLOCK_MONOTONIC, &ctx->start);
	return ctx;
}

static const char *lookup_header(const struct request *req, const char *name)
{
	return MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);
}

static int parse_method(const char *m)
{
	static const struct { const char *name; int m; } t[] = {
		{ "GET", M_GET }, { "POST", M_POST }, { "PUT", M_PUT }, { "PATCH", M_PATCH },
		{ "DELETE", M_DELETE }, { "OPTIONS", M_OPTIONS }, { "HEAD", M_HEAD },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcasecmp(m, t[i].name) == 0)
			return t[i].m;
	return 0;
}

static void add_common_headers(struct MHD_Response *r, const char *content_type)
{
	MHD_add_response_header(r, "Content-Type", content_type);
	MHD_add_response_header(r, "X-Robots-Tag", "noindex");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Access-Control-Expose-Headers", "X-WP-Total, X-WP-TotalPages, Link");
	MHD_add_response_header(r, "Access-Control-Allow-Headers",
				"Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type");
}

static enum MHD_Result send_plain(struct MHD_Connection *c, struct conn_ctx *ctx, int status,
				  const char *ctype, const char *body)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(strlen(body), (void *)body,
								 MHD_RESPMEM_MUST_COPY);
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, "Content-Type", ctype);
	enum MHD_Result ok = MHD_queue_response(c, (unsigned)status, r);
	MHD_destroy_response(r);
	ctx->status = status;
	ctx->bytes = strlen(body);
	return ok;
}

/* The REST route of a URI: /wp-json/... or ?rest_route=...; NULL if not REST. */
static char *rest_route_of(const char *path, json_t *query)
{
	const char *rr = json_string_value(json_object_get(query, "rest_route"));
	char *route = NULL;
	if (strncmp(path, "/wp-json", 8) == 0 && (path[8] == '/' || path[8] == '\0')) {
		route = strdup(path[8] ? path + 8 : "/");
	} else if (rr && (strcmp(path, "/") == 0 || strcmp(path, "/index.php") == 0)) {
		route = strdup(rr[0] == '/' ? rr : "/");
		if (rr[0] != '/' && rr[0]) {
			free(route);
			if (asprintf(&route, "/%s", rr) < 0)
				route = NULL;
		}
	}
	if (!route)
		return NULL;
	/* WordPress matches routes without their trailing slash. */
	size_t n = strlen(route);
	while (n > 1 && route[n - 1] == '/')
		route[--n] = '\0';
	return route;
}

/* Parses the body as WordPress does: JSON for application/json, form fields
 * for x-www-form-urlencoded; else none (raw bytes stay available). */
static int parse_body(struct request *req)
{
	const char *ct = req->content_type;
	if (!req->raw_body_len || !ct)
		return PD_OK;
	if (strncasecmp(ct, "application/json", 16) == 0) {
		json_error_t jerr;
		json_t *j = json_loadb(req->raw_body, req->raw_body_len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
		if (!j) {
			/* Reported after routing, as WP_REST_Request::has_valid_params() does. */
			req->body_invalid = 1;
			return PD_OK;
		}
		if (json_is_object(j))
			req->body = j;
		else
			json_decref(j);
	} else if (strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0) {
		req->body = query_parse(req->raw_body, req->raw_body_len, MAX_PARAMS);
	}
	return PD_OK;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
			      const char *method_str, const char *version, const char *upload,
			      size_t *upload_size, void **con_cls)
{
	(void)cls;
	(void)url;
	struct conn_ctx *ctx = *con_cls;
	if (!ctx)
		return MHD_NO;
	if (!ctx->started) {
		/* MHD's first call carries only the headers; the body follows. */
		ctx->started = 1;
		snprintf(ctx->method, sizeof ctx->method, "%s", method_str);
		snprintf(ctx->version, sizeof ctx->version, "%s", version);
		return MHD_YES;
	}
	/* Collect the body across calls, refusing more than max_body. */
	if (*upload_size) {
		if (!ctx->too_large && buf_append(&ctx->body, upload, *upload_size) != PD_OK)
			ctx->too_large = 1;
		*upload_size = 0;
		return MHD_YES;
	}
	if (strlen(ctx->uri) > MAX_URI)
		return send_plain(c, ctx, 414, "text/plain", "Request-URI Too Long\n");
	if (ctx->too_large)
		return send_plain(c, ctx, 413, "application/json; charset=UTF-8",
				  "{\"code\":\"rest_request_too_large\",\"message\":\"Request body too large.\",\"data\":{\"status\":413}}");

	struct request req = { 0 };
	struct response res = { 0 };
	char *path = strdup(ctx->uri), *qs = strchr(path, '?');
	if (qs)
		*qs++ = '\0';
	url_decode(path, strlen(path), 0);
	req.query = qs ? query_parse(qs, strlen(qs), MAX_PARAMS) : jobj();
	char *route = rest_route_of(path, req.query);
	if (!route) {
		free(path);
		json_decref(req.query);
		return send_plain(c, ctx, 404, "text/html; charset=UTF-8",
				  "<!DOCTYPE html><title>Not Found</title><p>pressd serves the REST API under /wp-json/.</p>\n");
	}
	json_object_del(req.query, "rest_route");
	req.route = route;
	req.uri = ctx->uri;
	req.method = parse_method(method_str);
	/* _method and X-HTTP-Method-Override apply to POST requests (WP_REST_Server). */
	const char *override = json_string_value(json_object_get(req.query, "_method"));
	if (!override)
		override = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-HTTP-Method-Override");
	if (override && req.method == M_POST && parse_method(override))
		req.method = parse_method(override);
	req.conn = c;
	req.header = lookup_header;
	req.content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
	req.raw_body = ctx->body.data;
	req.raw_body_len = ctx->body.len;
	req.site = config->site;
	req.store = worker_store();
	/* read before anything else the request reads: what the render cache
	 * keeps under this number is then at least as new as the number */
	req.generation = req.store ? render_cache_generation(req.store) : -1;
	if (req.store)
		store_set_read_generation(req.store, req.method == M_GET || req.method == M_HEAD ? req.generation : -1);
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char ip[INET6_ADDRSTRLEN] = "-";
	if (ci && ci->client_addr) {
		if (ci->client_addr->sa_family == AF_INET)
			inet_ntop(AF_INET, &((struct sockaddr_in *)ci->client_addr)->sin_addr, ip, sizeof ip);
		else if (ci->client_addr->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((struct sockaddr_in6 *)ci->client_addr)->sin6_addr, ip, sizeof ip);
	}
	req.client_ip = ip;

	struct user user; /* req.user points here once authenticated */
	if (!req.store)
		rest_error(&res, 500, "rest_internal_error", "The database is not available.");
	else if (!req.method)
		rest_error(&res, 404, "rest_no_route", "No route was found matching the URL and request method.");
	else if (auth_request(&req, &user, &res) == PD_OK && parse_body(&req) == PD_OK)
		rest_dispatch(&req, &res);
	rest_shape(&req, &res);

	/* _envelope: status and headers move into the body, the HTTP status is 200. */
	int status = res.status ? res.status : 200;
	if (json_object_get(req.query, "_envelope")) {
		json_t *env = jobj(), *hdrs = jobj();
		jset(env, "body", res.body ? res.body : json_null());
		jset(env, "status", jint(status));
		for (int i = 0; i < res.nheaders; i++) {
			const char *n = res.headers[i].name, *v = res.headers[i].value;
			char *end;
			long num = strtol(v, &end, 10);
			/* WordPress keeps the integer headers it set as integers. */
			if ((!strcmp(n, "X-WP-Total") || !strcmp(n, "X-WP-TotalPages")) && *v && !*end)
				jset(hdrs, n, jint(num));
			else
				jset(hdrs, n, jstr(v));
		}
		/* an empty PHP array is a JSON list: "headers":[] */
		jset(env, "headers", json_object_size(hdrs) ? hdrs : (json_decref(hdrs), jarr()));
		res.body = env;
		for (int i = 0; i < res.nheaders; i++) {
			free(res.headers[i].name);
			free(res.headers[i].value);
		}
		res.nheaders = 0;
		status = 200;
	}

	struct buf out = BUF_INIT;
	const char *jsonp = json_string_value(json_object_get(req.query, "_jsonp"));
	const char *ctype = "application/json; charset=UTF-8";
	if (jsonp) {
		/* wp_check_jsonp_callback(): only [\w\.] callbacks are accepted. */
		int ok = *jsonp != '\0';
		for (const char *p = jsonp; *p; p++)
			if (!(isalnum((unsigned char)*p) || *p == '_' || *p == '.'))
				ok = 0;
		if (!ok) {
			json_decref(res.body);
			res.body = json_pack("{s:s,s:s,s:{s:i}}", "code", "rest_callback_invalid", "message",
					     "Invalid JSONP callback function.", "data", "status", 400);
			status = 400;
			jsonp = NULL;
		} else {
			ctype = "application/javascript; charset=UTF-8";
			buf_printf(&out, "/**/%s(", jsonp);
		}
	}
	if (res.body)
		json_emit(res.body, &out);
	if (jsonp)
		buf_puts(&out, ")");

	int head = req.method == M_HEAD;
	struct MHD_Response *r = MHD_create_response_from_buffer(head ? 0 : out.len,
								 head ? NULL : out.data, MHD_RESPMEM_MUST_COPY);
	enum MHD_Result ok = MHD_NO;
	if (r) {
		add_common_headers(r, ctype);
		int has_link = 0;
		for (int i = 0; i < res.nheaders; i++) {
			MHD_add_response_header(r, res.headers[i].name, res.headers[i].value);
			if (!strcasecmp(res.headers[i].name, "Link"))
				has_link = 1;
		}
		if (!has_link) {
			char link[1024];
			snprintf(link, sizeof link, "<%s>; rel=\"https://api.w.org/\"", config->site->rest_url);
			MHD_add_response_header(r, "Link", link);
		}
		/* rest_send_nocache_headers is is_user_logged_in(): wp_get_nocache_headers(). */
		if (req.user) {
			MHD_add_response_header(r, "Expires", "Wed, 11 Jan 1984 05:00:00 GMT");
			MHD_add_response_header(r, "Cache-Control",
						"no-cache, must-revalidate, max-age=0, no-store, private");
		}
		/* rest_send_cors_headers(): Vary: Origin for anonymous GET requests. */
		if (!req.user && strcmp(ctx->method, "GET") == 0)
			MHD_add_response_header(r, "Vary", "Origin");
		ok = MHD_queue_response(c, (unsigned)status, r);
		MHD_destroy_response(r);
	}
	ctx->status = status;
	ctx->bytes = head ? 0 : out.len;
	buf_free(&out);
	rest_response_clear(&res);
	rest_request_clear(&req);
	free(route);
	free(path);
	return ok;
}

/* One combined-log-format line per request. */
static void request_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			      enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)toe;
	struct conn_ctx *ctx = *con_cls;
	if (!ctx)
		return;
	if (config->access_log) {
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		char ip[INET6_ADDRSTRLEN] = "-", when[64];
		if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
			inet_ntop(AF_INET, &((struct sockaddr_in *)ci->client_addr)->sin_addr, ip, sizeof ip);
		else if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((struct sockaddr_in6 *)ci->client_addr)->sin6_addr, ip, sizeof ip);
		time_t now = time(NULL);
		struct tm tm;
		localtime_r(&now, &tm);
		strftime(when, sizeof when, "%d/%b/%Y:%H:%M:%S %z", &tm);
		const char *ref = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Referer");
		const char *ua = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "User-Agent");
		const union MHD_ConnectionInfo *mi = MHD_get_connection_info(c, MHD_CONNECTION_INFO_HTTP_STATUS);
		(void)mi;
		fprintf(config->access_log, "%s - - [%s] \"%s %s %s\" %d %zu \"%s\" \"%s\"\n", ip, when,
			ctx->method, ctx->uri ? ctx->uri : "-", ctx->version, ctx->status, ctx->bytes, ref ? ref : "-", ua ? ua : "-");
		fflush(config->access_log);
	}
	free(ctx->uri);
	buf_free(&ctx->body);
	free(ctx);
	*con_cls = NULL;
}

static int listen_socket(const char *host, int port)
{
	struct sockaddr_in6 a6 = { 0 };
	struct sockaddr_in a4 = { 0 };
	int fd, v6 = strchr(host, ':') != NULL;
	if (v6) {
		a6.sin6_family = AF_INET6;
		a6.sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, host, &a6.sin6_addr) != 1)
			return -2;
	} else {
		a4.sin_family = AF_INET;
		a4.sin_port = htons((uint16_t)port);
		if (inet_pton(AF_INET, host, &a4.sin_addr) != 1)
			return -2;
	}
	fd = socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	int one = 1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if ((v6 ? bind(fd, (struct sockaddr *)&a6, sizeof a6) : bind(fd, (struct sockaddr *)&a4, sizeof a4)) < 0 ||
	    listen(fd, 1024) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

int http_serve(const struct http_config *cfg)
{
	config = cfg;
	int fd = listen_socket(cfg->host, cfg->port);
	if (fd == -2) {
		fprintf(stderr, "pressd: invalid listen address %s\n", cfg->host);
		return 1;
	}
	if (fd < 0) {
		fprintf(stderr, "pressd: cannot listen on %s:%d: %s\n", cfg->host, cfg->port,
			errno == EADDRINUSE ? "the port is already in use" : strerror(errno));
		return 1;
	}
	/* Signals are taken by sigwait() below, not by worker threads. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (auth_init() != PD_OK) {
		fprintf(stderr, "pressd: libsodium cannot be initialised\n");
		close(fd);
		return 1;
	}
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_TURBO, 0, NULL, NULL,
		handle, NULL,
		MHD_OPTION_LISTEN_SOCKET, fd,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(cfg->threads > 0 ? cfg->threads : 4),
		MHD_OPTION_URI_LOG_CALLBACK, uri_logger, NULL,
		MHD_OPTION_NOTIFY_COMPLETED, request_completed, NULL,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 * 1024,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
		MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "pressd: cannot start the HTTP server on %s:%d\n", cfg->host, cfg->port);
		close(fd);
		return 1;
	}
	printf("pressd %s serving %s on http://%s:%d/wp-json/\n", PRESSD_VERSION, cfg->db_path,
	       cfg->host, cfg->port);
	fflush(stdout);
	int sig;
	sigwait(&set, &sig);
	fprintf(stderr, "pressd: %s received, finishing requests\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
	/* Stop accepting, let in-flight requests finish (up to 10 s), then stop. */
	MHD_quiesce_daemon(d);
	for (int i = 0; i < 100; i++) {
		const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
		if (!info || info->num_connections == 0)
			break;
		usleep(100000);
	}
	MHD_stop_daemon(d);
	close(fd);
	pthread_mutex_lock(&stores_lock);
	for (int i = 0; i < nstores; i++)
		store_close(stores[i]);
	nstores = 0;
	pthread_mutex_unlock(&stores_lock);
	fprintf(stderr, "pressd: stopped\n");
	return 0;
}
