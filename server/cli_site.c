/* cli_site.c - the site administration commands: pressd import, user, option,
 * install. Argument parsing and messages only; the work is in import.c and
 * site_admin.c. Each command opens the database itself and returns an exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pressd/cli.h"
#include "pressd/err.h"
#include "pressd/import.h"
#include "pressd/site_admin.h"
#include "pressd/store.h"

static struct store *open_db(const char *db_path)
{
	struct store *st = NULL;
	char *msg = NULL;
	if (store_open(db_path, STORE_CREATE, &st, &msg) != PD_OK) {
		fprintf(stderr, "pressd: %s\n", msg ? msg : "cannot open the database");
		free(msg);
		return NULL;
	}
	return st;
}

/* The value of option name at argv[*i] ("--name VALUE"), advancing *i; NULL if absent. */
static const char *opt_value(int argc, char **argv, int *i, const char *name)
{
	if (strcmp(argv[*i], name) != 0)
		return NULL;
	if (*i + 1 >= argc) {
		fprintf(stderr, "pressd: %s needs a value\n", name);
		return NULL;
	}
	return argv[++*i];
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

int cli_import(int argc, char **argv, const char *db_path)
{
	struct import_options opt = { 0, isatty(2), NULL };
	int nfiles = 0, status = 0;
	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--no-comments"))
			opt.no_comments = 1;
		else if (!strcmp(argv[i], "--quiet"))
			opt.progress = 0;
		else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "pressd import: unknown option %s\n"
					"usage: pressd import [--no-comments] [--quiet] FILE.xml...\n", argv[i]);
			return 2;
		} else
			nfiles++;
	}
	if (!nfiles) {
		fputs("usage: pressd import [--no-comments] [--quiet] FILE.xml...\n", stderr);
		return 2;
	}
	struct store *st = open_db(db_path);
	if (!st)
		return 1;
	for (int i = 0; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1])
			continue;
		struct import_stats s;
		char *err = NULL;
		opt.label = base_name(argv[i]);
		int rc = import_file(st, argv[i], &opt, &s, &err);
		if (rc != PD_OK) {
			fprintf(stderr, "pressd: %s: %s (nothing imported)\n", argv[i], err ? err : pd_strerror(rc));
			free(err);
			status = 1;
			continue;
		}
		printf("%s: %ld items created (attachment=%ld page=%ld post=%ld revision=%ld other=%ld), "
		       "%ld skipped (ID taken), %ld not imported (menu items, templates, auto-drafts), "
		       "%ld failed; %ld terms created (%ld kept their ID), %ld existed; %ld authors created; "
		       "%ld comments (%ld got a new ID)\n",
		       opt.label, s.posts_created, s.attachments, s.pages, s.posts, s.revisions, s.others,
		       s.posts_skipped, s.posts_ignored, s.posts_failed, s.terms_created, s.term_ids_kept,
		       s.terms_existing, s.authors_created, s.comments, s.comment_ids_new);
		if (s.posts_failed)
			status = 1;
	}
	store_close(st);
	return status;
}

static const char user_usage[] =
	"usage: pressd user add LOGIN --role ROLE [--id N] [--email E] [--display-name N]\n"
	"                       [--first-name F] [--last-name L] [--registered \"YYYY-MM-DD HH:MM:SS\"]\n"
	"       pressd user list\n";

int cli_user(int argc, char **argv, const char *db_path)
{
	const char *login = NULL, *role = NULL, *email = "", *display = NULL, *first = "", *last = "";
	const char *registered = NULL, *v;
	long id = 0;
	/* "user list" is cli_auth_user()'s (main.c routes it there) */
	if (argc < 2 || strcmp(argv[0], "add") != 0) {
		fputs(user_usage, stderr);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		if ((v = opt_value(argc, argv, &i, "--role")))
			role = v;
		else if ((v = opt_value(argc, argv, &i, "--id")))
			id = atol(v);
		else if ((v = opt_value(argc, argv, &i, "--email")))
			email = v;
		else if ((v = opt_value(argc, argv, &i, "--display-name")))
			display = v;
		else if ((v = opt_value(argc, argv, &i, "--first-name")))
			first = v;
		else if ((v = opt_value(argc, argv, &i, "--last-name")))
			last = v;
		else if ((v = opt_value(argc, argv, &i, "--registered")))
			registered = v;
		else if (argv[i][0] != '-' && !login)
			login = argv[i];
		else {
			fputs(user_usage, stderr);
			return 2;
		}
	}
	if (!login || !role) {
		fputs(user_usage, stderr);
		return 2;
	}
	if (site_role_level(role) < 0) {
		fprintf(stderr, "pressd: unknown role %s (administrator, editor, author, contributor, subscriber)\n", role);
		return 2;
	}
	struct store *st = open_db(db_path);
	if (!st)
		return 1;
	int status = 1;
	long uid = 0;
	if (store_begin(st) != PD_OK) {
		fprintf(stderr, "pressd: %s\n", store_errmsg(st));
		goto out;
	}
	/* wp_insert_user() outside an import: logins and e-mails are unique */
	if (site_user_by_login(st, login)) {
		fprintf(stderr, "pressd: user %s exists\n", login);
		goto rollback;
	}
	if (*email && site_user_by_email(st, email)) {
		fprintf(stderr, "pressd: the e-mail %s is already used\n", email);
		goto rollback;
	}
	int rc = site_user_add(st, login, role, id, email, display, first, last, &uid);
	if (rc != PD_OK) {
		fprintf(stderr, "pressd: cannot add user %s: %s\n", login,
			rc == PD_EINVAL ? "invalid login or ID taken" : store_errmsg(st));
		goto rollback;
	}
	if (registered) {
		sqlite3_stmt *s = store_stmt(st, "UPDATE wp_users SET user_registered = ? WHERE ID = ?");
		int ok = s != NULL;
		if (s) {
			sqlite3_bind_text(s, 1, registered, -1, SQLITE_STATIC);
			sqlite3_bind_int64(s, 2, uid);
			ok = sqlite3_step(s) == SQLITE_DONE;
			store_done(s);
		}
		if (!ok) {
			fprintf(stderr, "pressd: %s\n", store_errmsg(st));
			goto rollback;
		}
	}
	if (store_commit(st) != PD_OK) {
		fprintf(stderr, "pressd: %s\n", store_errmsg(st));
		goto rollback;
	}
	printf("user %s created (id %ld, %s)\n", login, uid, role);
	status = 0;
	goto out;
rollback:
	store_rollback(st);
out:
	store_close(st);
	return status;
}

int cli_option(int argc, char **argv, const char *db_path)
{
	int get = argc == 2 && !strcmp(argv[0], "get"), set = argc == 3 && !strcmp(argv[0], "set");
	if (!get && !set) {
		fputs("usage: pressd option get NAME | pressd option set NAME VALUE\n", stderr);
		return 2;
	}
	struct store *st = open_db(db_path);
	if (!st)
		return 1;
	int status = 0;
	if (get) {
		char *v = store_option_get(st, argv[1]);
		if (v)
			printf("%s\n", v);
		else {
			fprintf(stderr, "pressd: no option %s\n", argv[1]);
			status = 1;
		}
		free(v);
	} else if (store_option_set(st, argv[1], argv[2]) != PD_OK) {
		fprintf(stderr, "pressd: %s\n", store_errmsg(st));
		status = 1;
	}
	store_close(st);
	return status;
}

int cli_install(int argc, char **argv, const char *db_path)
{
	const char *url = NULL, *title = "pressd", *admin = "admin", *email = "admin@example.org", *v;
	for (int i = 0; i < argc; i++) {
		if ((v = opt_value(argc, argv, &i, "--url")))
			url = v;
		else if ((v = opt_value(argc, argv, &i, "--title")))
			title = v;
		else if ((v = opt_value(argc, argv, &i, "--admin")))
			admin = v;
		else if ((v = opt_value(argc, argv, &i, "--email")))
			email = v;
		else {
			url = NULL;
			break;
		}
	}
	if (!url) {
		fputs("usage: pressd install --url URL [--title T] [--admin LOGIN] [--email E]\n", stderr);
		return 2;
	}
	struct store *st = open_db(db_path);
	if (!st)
		return 1;
	int rc = site_install(st, title, admin, email, url);
	if (rc != PD_OK)
		fprintf(stderr, "pressd: install failed: %s\n", rc == PD_EDB ? store_errmsg(st) : pd_strerror(rc));
	else
		printf("installed %s (%s), administrator %s\n", url, title, admin);
	store_close(st);
	return rc == PD_OK ? 0 : 1;
}
