/* main.c - the pressd command line: serve, import, user, option, install.
 * Settings come from (later wins): defaults, a config file, PRESSD_*
 * environment variables, command-line options. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pressd/auth.h"
#include "pressd/cli.h"
#include "pressd/err.h"
#include "pressd/http.h"
#include "pressd/import.h"
#include "pressd/render_cache.h"
#include "pressd/routes.h"
#include "pressd/site.h"
#include "pressd/store.h"

struct settings {
	char db[4096];              /* SQLite file */
	char listen[256];           /* ADDR:PORT */
	char site_url[1024];        /* overrides home/siteurl when set */
	char access_log[4096];      /* "-" = stdout, "" = none */
	int threads;
	long max_body;              /* bytes */
	int auth_max_failures;      /* failed logins per address before a lockout; 0 = off */
	int auth_window;            /* seconds in which they count */
	int auth_lockout;           /* seconds an address is refused (429) */
	long render_cache_mb;       /* MiB of rendered posts kept in memory; 0 = off */
};

static void usage(FILE *f)
{
	fputs("usage: pressd COMMAND [OPTIONS]\n"
	      "\n"
	      "commands:\n"
	      "  serve [--db FILE] [--listen ADDR:PORT] [--threads N] [--site-url URL]\n"
	      "        [--access-log FILE|-] [--max-body BYTES] [--render-cache MIB]\n"
	      "        [--config FILE] [--demo]\n"
	      "                      serve the WordPress REST API (default 127.0.0.1:8080)\n"
	      "  import FILE.xml     import a WordPress export (WXR) into the database\n"
	      "  install --url URL [--title T] [--admin LOGIN] [--email E]\n"
	      "                      create an empty site\n"
	      "  user add LOGIN --role ROLE [--id N] [--email E] [--display-name N]\n"
	      "  user list | user password LOGIN [--generate]   (password read from stdin)\n"
	      "  app-password create LOGIN NAME | app-password list LOGIN\n"
	      "  option get NAME | option set NAME VALUE\n"
	      "\n"
	      "global options: --db FILE (default data/pressd.db), --config FILE, --help, --version\n"
	      "environment: PRESSD_DB, PRESSD_LISTEN, PRESSD_THREADS, PRESSD_SITE_URL, PRESSD_ACCESS_LOG,\n"
	      "             PRESSD_CONFIG (a file of 'key = value' lines with the same keys: db, listen,\n"
	      "             threads, site-url, access-log, max-body, auth-max-failures, auth-window,\n"
	      "             auth-lockout, render-cache); PRESSD_AUTH_MAX_FAILURES (10), PRESSD_AUTH_WINDOW\n"
	      "             (300 s), PRESSD_AUTH_LOCKOUT (300 s): failed logins before an address gets 429s;\n"
	      "             PRESSD_RENDER_CACHE (64): MiB of rendered posts kept in memory, 0 = off\n", f);
}

static void set_setting(struct settings *s, const char *key, const char *val)
{
	if (!strcmp(key, "db"))
		snprintf(s->db, sizeof s->db, "%s", val);
	else if (!strcmp(key, "listen"))
		snprintf(s->listen, sizeof s->listen, "%s", val);
	else if (!strcmp(key, "site-url") || !strcmp(key, "site_url"))
		snprintf(s->site_url, sizeof s->site_url, "%s", val);
	else if (!strcmp(key, "access-log") || !strcmp(key, "access_log"))
		snprintf(s->access_log, sizeof s->access_log, "%s", val);
	else if (!strcmp(key, "threads"))
		s->threads = atoi(val);
	else if (!strcmp(key, "max-body") || !strcmp(key, "max_body"))
		s->max_body = atol(val);
	else if (!strcmp(key, "auth-max-failures"))
		s->auth_max_failures = atoi(val);
	else if (!strcmp(key, "auth-window"))
		s->auth_window = atoi(val);
	else if (!strcmp(key, "auth-lockout"))
		s->auth_lockout = atoi(val);
	else if (!strcmp(key, "render-cache") || !strcmp(key, "render_cache"))
		s->render_cache_mb = atol(val);
	else
		fprintf(stderr, "pressd: unknown setting '%s' ignored\n", key);
}

static int read_config(struct settings *s, const char *path)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	if (!f) {
		fprintf(stderr, "pressd: cannot read config %s: %s\n", path, strerror(errno));
		return 1;
	}
	while (fgets(line, sizeof line, f)) {
		char *p = line, *eq, *end;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#' || *p == '\n' || !*p || !(eq = strchr(p, '=')))
			continue;
		*eq = '\0';
		for (end = eq - 1; end > p && (*end == ' ' || *end == '\t'); end--)
			*end = '\0';
		char *v = eq + 1;
		while (*v == ' ' || *v == '\t')
			v++;
		v[strcspn(v, "\r\n")] = '\0';
		set_setting(s, p, v);
	}
	fclose(f);
	return 0;
}

static void read_env(struct settings *s)
{
	static const struct { const char *env, *key; } m[] = {
		{ "PRESSD_DB", "db" }, { "PRESSD_LISTEN", "listen" }, { "PRESSD_THREADS", "threads" },
		{ "PRESSD_SITE_URL", "site-url" }, { "PRESSD_ACCESS_LOG", "access-log" },
		{ "PRESSD_MAX_BODY", "max-body" }, { "PRESSD_AUTH_MAX_FAILURES", "auth-max-failures" },
		{ "PRESSD_AUTH_WINDOW", "auth-window" }, { "PRESSD_AUTH_LOCKOUT", "auth-lockout" },
		{ "PRESSD_RENDER_CACHE", "render-cache" },
	};
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
		const char *v = getenv(m[i].env);
		if (v && *v)
			set_setting(s, m[i].key, v);
	}
}

/* The demo's administrator (user 1, "admin") gets an application password,
 * shown once, so that writes work right away. */
static int print_first_admin_password(struct store *st, const char *url)
{
	char plain[AUTH_APP_PASSWORD_LEN + 1], chunked[64];
	json_t *item = NULL;
	int rc = auth_app_password_create(st, 1, "pressd demo", "", plain, &item);
	json_decref(item);
	if (rc) {
		fprintf(stderr, "pressd: cannot create the administrator's application password: %s\n",
			pd_strerror(rc));
		return rc;
	}
	auth_app_password_chunk(plain, chunked, sizeof chunked);
	printf("pressd: administrator 'admin', application password (shown once): %s\n"
	       "        e.g. curl -u 'admin:%s' -H 'Content-Type: application/json' \\\n"
	       "             -d '{\"title\":\"Hello\",\"status\":\"publish\"}' %s/wp-json/wp/v2/posts\n"
	       "        more users and passwords: pressd user add ..., pressd app-password create LOGIN NAME\n",
	       chunked, chunked, url);
	return PD_OK;
}

/* The database is empty when no option exists yet (never installed). */
static int fill_demo_if_empty(struct settings *s)
{
	struct store *st;
	char *msg = NULL;
	if (store_open(s->db, STORE_CREATE, &st, &msg) != PD_OK) {
		fprintf(stderr, "pressd: %s\n", msg ? msg : "cannot open database");
		free(msg);
		return 1;
	}
	char *home = store_option_get(st, "home");
	int rc = 0;
	if (!home) {
		char url[1100];
		snprintf(url, sizeof url, "%s", s->site_url[0] ? s->site_url : "");
		if (!url[0])
			snprintf(url, sizeof url, "http://%s", s->listen);
		printf("pressd: new database %s, filling it with the demo site\n", s->db);
		rc = import_demo(st, url);
		if (rc)
			fprintf(stderr, "pressd: demo import failed: %s\n", pd_strerror(rc));
		else
			rc = print_first_admin_password(st, url);
	}
	free(home);
	store_close(st);
	return rc ? 1 : 0;
}

static int cmd_serve(struct settings *s, int demo)
{
	char host[256];
	int port;
	const char *colon = strrchr(s->listen, ':');
	if (!colon || (port = atoi(colon + 1)) <= 0 || port > 65535) {
		fprintf(stderr, "pressd: --listen wants ADDR:PORT, got '%s'\n", s->listen);
		return 2;
	}
	snprintf(host, sizeof host, "%.*s", (int)(colon - s->listen), s->listen);
	if (host[0] == '[') { /* [::1]:8080 */
		memmove(host, host + 1, strlen(host));
		host[strcspn(host, "]")] = '\0';
	}
	if (demo) {
		/* Create the database's directory (data/) on first run. */
		char dir[4096];
		snprintf(dir, sizeof dir, "%s", s->db);
		char *slash = strrchr(dir, '/');
		if (slash) {
			*slash = '\0';
			mkdir(dir, 0755);
		}
		if (fill_demo_if_empty(s))
			return 1;
	} else if (access(s->db, F_OK) != 0) {
		fprintf(stderr, "pressd: database %s does not exist (create it with 'pressd install' or "
				"'pressd import', or serve with --demo)\n", s->db);
		return 1;
	}
	struct store *st;
	char *msg = NULL;
	if (store_open(s->db, 0, &st, &msg) != PD_OK) {
		fprintf(stderr, "pressd: %s\n", msg ? msg : "cannot open database");
		free(msg);
		return 1;
	}
	/* Refuse a database we cannot write to: writes would fail later. */
	if (access(s->db, W_OK) != 0 || store_exec(st, "BEGIN IMMEDIATE; COMMIT;") != PD_OK) {
		fprintf(stderr, "pressd: database %s is not writable\n", s->db);
		store_close(st);
		return 1;
	}
	struct site *site;
	if (site_load(st, s->site_url[0] ? s->site_url : NULL, &site) != PD_OK) {
		fprintf(stderr, "pressd: cannot read the site's options\n");
		store_close(st);
		return 1;
	}
	site_apply_timezone(site);
	auth_throttle_configure(s->auth_max_failures, s->auth_window, s->auth_lockout);
	int rrc = routes_init(st, site->home);
	store_close(st);
	if (rrc != PD_OK) {
		site_free(site);
		return 1;
	}
	FILE *log = NULL;
	if (!strcmp(s->access_log, "-"))
		log = stdout;
	else if (s->access_log[0] && !(log = fopen(s->access_log, "a"))) {
		fprintf(stderr, "pressd: cannot open access log %s: %s\n", s->access_log, strerror(errno));
		site_free(site);
		return 1;
	}
	struct http_config cfg = {
		.host = host, .port = port, .threads = s->threads, .db_path = s->db, .site = site,
		.access_log = log, .max_body = (size_t)s->max_body,
	};
	render_cache_set_max(s->render_cache_mb > 0 ? (size_t)s->render_cache_mb << 20 : 0);
	int rc = http_serve(&cfg);
	if (log && log != stdout)
		fclose(log);
	site_free(site);
	return rc;
}

int main(int argc, char **argv)
{
	struct settings s = { .threads = 4, .max_body = 10L << 20,
			      .render_cache_mb = (long)(RENDER_CACHE_DEFAULT_MAX >> 20), .auth_max_failures = 10,
			      .auth_window = 300, .auth_lockout = 300 };
	snprintf(s.db, sizeof s.db, "data/pressd.db");
	snprintf(s.listen, sizeof s.listen, "127.0.0.1:8080");
	snprintf(s.access_log, sizeof s.access_log, "-");

	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return argc < 2 ? 2 : 0;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
		printf("pressd %s (WordPress 6.9 REST API)\n", PRESSD_VERSION);
		return 0;
	}
	const char *cmd = argv[1];
	const char *cfgfile = getenv("PRESSD_CONFIG");
	/* A --config anywhere on the line is read first, so options after it win. */
	for (int i = 2; i < argc - 1; i++)
		if (!strcmp(argv[i], "--config"))
			cfgfile = argv[i + 1];
	if (cfgfile && read_config(&s, cfgfile))
		return 1;
	read_env(&s);

	/* Global options, consumed here; the rest goes to the subcommand. */
	int demo = 0, sargc = 0;
	char **sargv = calloc((size_t)argc + 1, sizeof *sargv);
	if (!sargv)
		return 1;
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		int has_val = i + 1 < argc;
		if (!strcmp(a, "--db") && has_val)
			set_setting(&s, "db", argv[++i]);
		else if (!strcmp(a, "--config") && has_val)
			i++;
		else if (!strcmp(cmd, "serve") && !strcmp(a, "--listen") && has_val)
			set_setting(&s, "listen", argv[++i]);
		else if (!strcmp(cmd, "serve") && !strcmp(a, "--threads") && has_val)
			set_setting(&s, "threads", argv[++i]);
		else if (!strcmp(cmd, "serve") && !strcmp(a, "--site-url") && has_val)
			set_setting(&s, "site-url", argv[++i]);
		else if (!strcmp(cmd, "serve") && !strcmp(a, "--access-log") && has_val)
			set_setting(&s, "access-log", argv[++i]);
		else if (!strcmp(cmd, "serve") && !strcmp(a, "--max-body") && has_val)
			set_setting(&s, "max-body", argv[++i]);
		else if (!strcmp(cmd, "serve") && !strcmp(a, "--render-cache") && has_val)
			set_setting(&s, "render-cache", argv[++i]);
		else if (!strcmp(cmd, "serve") && !strcmp(a, "--demo"))
			demo = 1;
		else if (!strcmp(a, "--help")) {
			usage(stdout);
			free(sargv);
			return 0;
		} else
			sargv[sargc++] = argv[i];
	}
	int rc;
	if (!strcmp(cmd, "serve")) {
		if (sargc) {
			fprintf(stderr, "pressd: unknown option '%s'\n", sargv[0]);
			usage(stderr);
			rc = 2;
		} else {
			if (s.threads < 1 || s.threads > 256) {
				fprintf(stderr, "pressd: --threads must be between 1 and 256\n");
				rc = 2;
			} else {
				rc = cmd_serve(&s, demo);
			}
		}
	} else if (!strcmp(cmd, "import")) {
		rc = cli_import(sargc, sargv, s.db);
	} else if (!strcmp(cmd, "user") && sargc && (!strcmp(sargv[0], "list") || !strcmp(sargv[0], "password"))) {
		rc = cli_auth_user(sargc, sargv, s.db);
	} else if (!strcmp(cmd, "user")) {
		rc = cli_user(sargc, sargv, s.db);
	} else if (!strcmp(cmd, "app-password")) {
		rc = cli_app_password(sargc, sargv, s.db);
	} else if (!strcmp(cmd, "option")) {
		rc = cli_option(sargc, sargv, s.db);
	} else if (!strcmp(cmd, "install")) {
		rc = cli_install(sargc, sargv, s.db);
	} else {
		fprintf(stderr, "pressd: unknown command '%s'\n", cmd);
		usage(stderr);
		rc = 2;
	}
	free(sargv);
	return rc;
}
