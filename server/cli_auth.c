/* cli_auth.c - pressd user list | user password LOGIN | app-password create|list:
 * the administrative side of authentication. Passwords are printed once and
 * never stored in clear. `pressd user add` lives in cli_site.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "pressd/auth.h"
#include "pressd/caps.h"
#include "pressd/cli.h"
#include "pressd/err.h"
#include "pressd/json.h"
#include "pressd/store.h"

static struct store *open_store(const char *db_path)
{
	struct store *st = NULL;
	char *msg = NULL;
	if (auth_init() != PD_OK) {
		fputs("pressd: libsodium cannot be initialised\n", stderr);
		return NULL;
	}
	if (access(db_path, F_OK) != 0) {
		fprintf(stderr, "pressd: database %s does not exist\n", db_path);
		return NULL;
	}
	if (store_open(db_path, 0, &st, &msg) != PD_OK) {
		fprintf(stderr, "pressd: %s\n", msg ? msg : "cannot open database");
		free(msg);
		return NULL;
	}
	return st;
}

/* The ID of the user with login (case-insensitive, as MySQL compares) or e-mail, or 0. */
static long user_by_login(struct store *st, const char *login)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT ID FROM wp_users WHERE user_login = ?1 COLLATE NOCASE "
					 "UNION ALL SELECT ID FROM wp_users WHERE user_email = ?1 COLLATE NOCASE "
					 "LIMIT 1");
	long id = 0;
	if (!s)
		return 0;
	sqlite3_bind_text(s, 1, login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = (long)sqlite3_column_int64(s, 0);
	store_done(s);
	return id;
}

static int user_list(struct store *st)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT ID, user_login, user_email, display_name FROM wp_users ORDER BY ID");
	if (!s)
		return 1;
	printf("%-5s %-20s %-14s %-32s %s\n", "ID", "LOGIN", "ROLE", "EMAIL", "APP PASSWORDS");
	while (sqlite3_step(s) == SQLITE_ROW) {
		long id = (long)sqlite3_column_int64(s, 0);
		struct user u;
		json_t *items = NULL;
		caps_user_load(st, id, &u);
		auth_app_passwords_get(st, id, &items);
		printf("%-5ld %-20s %-14s %-32s %zu\n", id, (const char *)sqlite3_column_text(s, 1),
		       u.role[0] ? u.role : "-", (const char *)sqlite3_column_text(s, 2), json_array_size(items));
		json_decref(items);
	}
	store_done(s);
	return 0;
}

/* Reads one line from stdin (the password), without its line end. */
static int read_password(char *out, size_t n)
{
	if (!fgets(out, (int)n, stdin))
		return PD_EINVAL;
	out[strcspn(out, "\r\n")] = '\0';
	return *out ? PD_OK : PD_EINVAL;
}

static int user_password(struct store *st, int argc, char **argv)
{
	const char *login = NULL;
	int generate = 0;
	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--generate"))
			generate = 1;
		else if (!login)
			login = argv[i];
	}
	if (!login) {
		fputs("usage: pressd user password LOGIN [--generate]   (the password is read from stdin)\n", stderr);
		return 2;
	}
	long id = user_by_login(st, login);
	if (!id) {
		fprintf(stderr, "pressd: no user '%s'\n", login);
		return 1;
	}
	char pw[1024];
	if (generate || isatty(STDIN_FILENO)) {
		/* wp_generate_password(24): here from the alphanumeric alphabet. */
		auth_app_password_generate(pw);
		generate = 1;
	} else if (read_password(pw, sizeof pw) != PD_OK) {
		fputs("pressd: no password on stdin\n", stderr);
		return 1;
	}
	int rc = auth_user_set_password(st, id, pw);
	if (rc != PD_OK) {
		fprintf(stderr, "pressd: cannot set the password: %s\n", pd_strerror(rc));
		sodium_memzero(pw, sizeof pw);
		return 1;
	}
	if (generate)
		printf("%s\n", pw);
	else
		fprintf(stderr, "pressd: password of '%s' set\n", login);
	sodium_memzero(pw, sizeof pw);
	return 0;
}

int cli_auth_user(int argc, char **argv, const char *db_path)
{
	if (argc < 1 || (strcmp(argv[0], "list") && strcmp(argv[0], "password"))) {
		fputs("usage: pressd user list | pressd user password LOGIN [--generate]\n", stderr);
		return 2;
	}
	struct store *st = open_store(db_path);
	if (!st)
		return 1;
	int rc = !strcmp(argv[0], "list") ? user_list(st) : user_password(st, argc - 1, argv + 1);
	store_close(st);
	return rc;
}

static int app_password_list(struct store *st, long id)
{
	json_t *items = NULL, *e;
	size_t i;
	if (auth_app_passwords_get(st, id, &items) != PD_OK)
		return 1;
	printf("%-36s %-20s %-19s %-19s %s\n", "UUID", "NAME", "CREATED (UTC)", "LAST USED (UTC)", "LAST IP");
	json_array_foreach(items, i, e) {
		char created[24] = "-", used[24] = "-";
		time_t t;
		struct tm tm;
		if ((t = (time_t)json_integer_value(json_object_get(e, "created"))))
			strftime(created, sizeof created, "%Y-%m-%d %H:%M:%S", gmtime_r(&t, &tm));
		if ((t = (time_t)json_integer_value(json_object_get(e, "last_used"))))
			strftime(used, sizeof used, "%Y-%m-%d %H:%M:%S", gmtime_r(&t, &tm));
		const char *ip = json_string_value(json_object_get(e, "last_ip"));
		printf("%-36s %-20s %-19s %-19s %s\n", json_string_value(json_object_get(e, "uuid")),
		       json_string_value(json_object_get(e, "name")) ? json_string_value(json_object_get(e, "name")) : "",
		       created, used, ip && *ip ? ip : "-");
	}
	json_decref(items);
	return 0;
}

int cli_app_password(int argc, char **argv, const char *db_path)
{
	int create = argc >= 3 && !strcmp(argv[0], "create");
	int list = argc >= 2 && !strcmp(argv[0], "list");
	if (!create && !list) {
		fputs("usage: pressd app-password create LOGIN NAME | pressd app-password list LOGIN\n", stderr);
		return 2;
	}
	struct store *st = open_store(db_path);
	if (!st)
		return 1;
	int rc = 1;
	long id = user_by_login(st, argv[1]);
	if (!id) {
		fprintf(stderr, "pressd: no user '%s'\n", argv[1]);
	} else if (list) {
		rc = app_password_list(st, id);
	} else {
		char plain[AUTH_APP_PASSWORD_LEN + 1], chunked[AUTH_APP_PASSWORD_CHUNKED];
		int err = auth_app_password_create(st, id, argv[2], NULL, plain, NULL);
		if (err == PD_EINVAL) {
			fputs("pressd: an application name is required\n", stderr);
		} else if (err != PD_OK) {
			fprintf(stderr, "pressd: cannot create the application password: %s\n", pd_strerror(err));
		} else {
			auth_app_password_chunk(plain, chunked, sizeof chunked);
			printf("%s\n", chunked); /* shown once: only its hash is stored */
			rc = 0;
		}
		sodium_memzero(plain, sizeof plain);
		sodium_memzero(chunked, sizeof chunked);
	}
	store_close(st);
	return rc;
}
