/* http.h - the HTTP server: libmicrohttpd with a thread pool, one SQLite
 * connection per worker thread, bounded request sizes, an access log, and a
 * clean shutdown on SIGINT/SIGTERM. Everything REST happens in rest.c. */
#ifndef PRESSD_HTTP_H
#define PRESSD_HTTP_H

#include <stdio.h>
#include <stddef.h>

struct site;

struct http_config {
	const char *host;          /* listen address, e.g. "127.0.0.1" */
	int port;                  /* TCP port */
	int threads;               /* worker threads (each with its own SQLite connection) */
	const char *db_path;       /* SQLite file */
	const struct site *site;   /* read-only site configuration */
	FILE *access_log;          /* combined log format lines; NULL for none */
	size_t max_body;           /* largest accepted request body, bytes */
};

/* Serves until SIGINT or SIGTERM; returns 0 after a clean shutdown, or prints
 * a message to stderr and returns non-zero if the server cannot start. */
int http_serve(const struct http_config *cfg);

#endif
