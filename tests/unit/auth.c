/* auth.c - tests of server/auth.c: application password strings and hashes,
 * user password hashes, Basic header parsing, the usermeta as WordPress
 * writes it, authentication outcomes and failed-login throttling. Hash
 * vectors were produced by PHP 8.2 running WordPress 6.9.4's own code
 * (wp_fast_hash(), class-phpass.php, password_hash(PASSWORD_ARGON2ID)). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "pressd/auth.h"
#include "pressd/caps.h"
#include "pressd/err.h"
#include "pressd/json.h"
#include "pressd/store.h"
#include "test.h"

TEST(auth_chunk_and_normalize)
{
	char out[64];
	auth_app_password_chunk("abcdEFGH1234ijklMNOP5678", out, sizeof out);
	ASSERT_STR_EQ(out, "abcd EFGH 1234 ijkl MNOP 5678");
	auth_app_password_chunk("abcd EFGH 1234 ijkl MNOP 5678", out, sizeof out);
	ASSERT_STR_EQ(out, "abcd EFGH 1234 ijkl MNOP 5678");
	auth_app_password_chunk("abcde", out, sizeof out);
	ASSERT_STR_EQ(out, "abcd e");
	auth_app_password_chunk("", out, sizeof out);
	ASSERT_STR_EQ(out, "");
	auth_app_password_chunk("abcdefgh", out, 6); /* truncated, never overflows */
	ASSERT_STR_EQ(out, "abcd");
	auth_app_password_normalize(" ab-cd ef\tgh_é!", out, sizeof out);
	ASSERT_STR_EQ(out, "abcdefgh");
	auth_app_password_normalize("abcdefgh", out, 4);
	ASSERT_STR_EQ(out, "abc");
}

TEST(auth_generate)
{
	char a[AUTH_APP_PASSWORD_LEN + 1], b[AUTH_APP_PASSWORD_LEN + 1];
	ASSERT_INT_EQ(auth_init(), PD_OK);
	auth_app_password_generate(a);
	auth_app_password_generate(b);
	ASSERT_INT_EQ(strlen(a), 24);
	for (int i = 0; i < 24; i++)
		ASSERT(isascii((unsigned char)a[i]) && isalnum((unsigned char)a[i]));
	ASSERT(strcmp(a, b) != 0);
	char u[AUTH_UUID_LEN];
	auth_uuid4(u);
	ASSERT_INT_EQ(strlen(u), 36);
	ASSERT(u[14] == '4' && strchr("89ab", u[19]) && u[8] == '-' && u[23] == '-');
}

TEST(auth_fast_hash_matches_wordpress)
{
	char h[AUTH_FAST_HASH_LEN];
	auth_fast_hash("abcdEFGH1234ijklMNOP5678", h);
	ASSERT_STR_EQ(h, "$generic$F6W18u0QEytvRVb59DemVWRxyTxU6vg_VK0s_f-h");
	ASSERT_INT_EQ(auth_app_password_check("abcdEFGH1234ijklMNOP5678", h), 1);
	ASSERT_INT_EQ(auth_app_password_check("abcdEFGH1234ijklMNOP5679", h), 0);
	ASSERT_INT_EQ(auth_app_password_check("abcdEFGH1234ijklMNOP5678", "$generic$F6W18u0QEytvRVb59DemVWRxyTxU6vg_VK0s_f-"), 0);
	ASSERT_INT_EQ(auth_app_password_check("abcdEFGH1234ijklMNOP5678", ""), 0);
	/* WordPress < 6.8 stored phpass hashes; they still verify. */
	ASSERT_INT_EQ(auth_app_password_check("abcdEFGH1234ijklMNOP5678", "$P$B7Yt5PQA6vnLS21VtmIkXhHntECaya/"), 1);
	ASSERT_INT_EQ(auth_app_password_check("abcdEFGH1234ijklMNOP567", "$P$B7Yt5PQA6vnLS21VtmIkXhHntECaya/"), 0);
	ASSERT_INT_EQ(auth_app_password_check("abcdEFGH1234ijklMNOP5678", "$P$B7Yt5PQA6vnLS21VtmIkXhHntECaya."), 0);
	ASSERT_INT_EQ(auth_app_password_check("x", "$P$"), 0);
}

TEST(auth_user_password_hash)
{
	char h[AUTH_PASSWORD_HASH_LEN];
	ASSERT_INT_EQ(auth_init(), PD_OK);
	ASSERT_INT_EQ(auth_password_hash("secret-pass", h), PD_OK);
	ASSERT(strncmp(h, "$argon2id$", 10) == 0);
	ASSERT_INT_EQ(auth_password_verify("secret-pass", h), 1);
	ASSERT_INT_EQ(auth_password_verify("secret-pasS", h), 0);
	/* PHP's password_hash(..., PASSWORD_ARGON2ID) verifies too. */
	ASSERT_INT_EQ(auth_password_verify("secret-pass", "$argon2id$v=19$m=65536,t=4,p=1$WTBrcjAyQ0lRTm1CZWMwMg$R8nlpuhUoy6odNCXmwSSxdeK49jYVztXZQ1E65Qi644"), 1);
	ASSERT_INT_EQ(auth_password_verify("secret-pass", ""), 0);
	ASSERT_INT_EQ(auth_password_verify("abcdEFGH1234ijklMNOP5678", "$P$B7Yt5PQA6vnLS21VtmIkXhHntECaya/"), 1);
}

static const char *b64(const char *s, char *out, size_t n)
{
	return sodium_bin2base64(out, n, (const unsigned char *)s, strlen(s), sodium_base64_VARIANT_ORIGINAL);
}

TEST(auth_basic_header)
{
	char user[64], pass[64], h[256], enc[200];
	snprintf(h, sizeof h, "Basic %s", b64("admin:abcd EFGH 1234", enc, sizeof enc));
	ASSERT_INT_EQ(auth_basic_parse(h, user, sizeof user, pass, sizeof pass), PD_OK);
	ASSERT_STR_EQ(user, "admin");
	ASSERT_STR_EQ(pass, "abcd EFGH 1234");
	snprintf(h, sizeof h, "bAsIc %s", b64("a:b:c", enc, sizeof enc));
	ASSERT_INT_EQ(auth_basic_parse(h, user, sizeof user, pass, sizeof pass), PD_OK);
	ASSERT_STR_EQ(user, "a");
	ASSERT_STR_EQ(pass, "b:c");
	snprintf(h, sizeof h, "Basic %s", b64(":", enc, sizeof enc));
	ASSERT_INT_EQ(auth_basic_parse(h, user, sizeof user, pass, sizeof pass), PD_OK);
	ASSERT_STR_EQ(user, "");
	ASSERT_STR_EQ(pass, "");
	/* php_base64_decode() is lenient: junk is skipped, padding optional. */
	ASSERT_INT_EQ(auth_basic_parse("Basic YWRt!!aW4 6cHc", user, sizeof user, pass, sizeof pass), PD_OK);
	ASSERT_STR_EQ(user, "admin");
	ASSERT_STR_EQ(pass, "pw");
	/* No colon, other schemes, nothing: PHP sets no credentials. */
	snprintf(h, sizeof h, "Basic %s", b64("adminpw", enc, sizeof enc));
	ASSERT_INT_EQ(auth_basic_parse(h, user, sizeof user, pass, sizeof pass), PD_EINVAL);
	ASSERT_INT_EQ(auth_basic_parse("Bearer abc", user, sizeof user, pass, sizeof pass), PD_EINVAL);
	ASSERT_INT_EQ(auth_basic_parse("Basic", user, sizeof user, pass, sizeof pass), PD_EINVAL);
	ASSERT_INT_EQ(auth_basic_parse("Basic ", user, sizeof user, pass, sizeof pass), PD_EINVAL);
	ASSERT_INT_EQ(auth_basic_parse("Basic %%%%", user, sizeof user, pass, sizeof pass), PD_EINVAL);
	ASSERT_INT_EQ(auth_basic_parse(NULL, user, sizeof user, pass, sizeof pass), PD_EINVAL);
	/* A NUL before the colon ends PHP's string: no colon, no credentials. */
	ASSERT_INT_EQ(auth_basic_parse("Basic YQBiOmM=", user, sizeof user, pass, sizeof pass), PD_EINVAL);
	/* Huge headers: parts that do not fit are refused, never truncated. */
	size_t big = 200000;
	char *huge = malloc(big + 8), *raw = malloc(big);
	ASSERT(huge && raw);
	memset(raw, 'x', big - 1);
	raw[big - 1] = '\0';
	raw[10] = ':';
	memcpy(huge, "Basic ", 6);
	sodium_bin2base64(huge + 6, big + 2, (unsigned char *)raw, big / 2, sodium_base64_VARIANT_ORIGINAL);
	ASSERT_INT_EQ(auth_basic_parse(huge, user, sizeof user, pass, sizeof pass), PD_ELIMIT);
	raw[10] = 'x';
	raw[big / 2 - 5] = ':';
	sodium_bin2base64(huge + 6, big + 2, (unsigned char *)raw, big / 2, sodium_base64_VARIANT_ORIGINAL);
	ASSERT_INT_EQ(auth_basic_parse(huge, user, sizeof user, pass, sizeof pass), PD_ELIMIT);
	free(huge);
	free(raw);
}

TEST(auth_throttle)
{
	auth_throttle_reset();
	auth_throttle_configure(3, 60, 120);
	time_t t = 1000000;
	int retry = 0;
	ASSERT_INT_EQ(auth_throttle_blocked("10.0.0.1", t, &retry), 0);
	ASSERT_INT_EQ(auth_throttle_failure("10.0.0.1", t), 0);
	ASSERT_INT_EQ(auth_throttle_failure("10.0.0.1", t + 10), 0);
	ASSERT_INT_EQ(auth_throttle_blocked("10.0.0.1", t + 10, &retry), 0);
	ASSERT_INT_EQ(auth_throttle_failure("10.0.0.1", t + 20), 1);
	ASSERT_INT_EQ(auth_throttle_blocked("10.0.0.1", t + 20, &retry), 1);
	ASSERT_INT_EQ(retry, 120);
	ASSERT_INT_EQ(auth_throttle_blocked("10.0.0.1", t + 139, &retry), 1);
	ASSERT_INT_EQ(retry, 1);
	ASSERT_INT_EQ(auth_throttle_blocked("10.0.0.2", t + 20, &retry), 0); /* per address */
	ASSERT_INT_EQ(auth_throttle_blocked("10.0.0.1", t + 140, &retry), 0); /* lockout over */
	ASSERT_INT_EQ(auth_throttle_failure("10.0.0.1", t + 141), 0);       /* counting starts again */
	/* Failures further apart than the window do not add up. */
	for (int i = 0; i < 10; i++)
		ASSERT_INT_EQ(auth_throttle_failure("10.0.0.3", t + i * 61), 0);
	ASSERT_INT_EQ(auth_throttle_blocked("10.0.0.3", t + 600, &retry), 0);
	/* Many addresses: the table stays bounded and keeps working. */
	char ip[48];
	for (int i = 0; i < 5000; i++) {
		snprintf(ip, sizeof ip, "2001:db8::%x", i);
		auth_throttle_failure(ip, t);
	}
	ASSERT_INT_EQ(auth_throttle_failure("10.0.0.4", t), 0);
	ASSERT_INT_EQ(auth_throttle_failure("10.0.0.4", t), 0);
	ASSERT_INT_EQ(auth_throttle_failure("10.0.0.4", t), 1);
	ASSERT_INT_EQ(auth_throttle_blocked("10.0.0.4", t, &retry), 1);
	/* 0 failures: off. */
	auth_throttle_configure(0, 60, 120);
	ASSERT_INT_EQ(auth_throttle_failure("10.0.0.5", t), 0);
	ASSERT_INT_EQ(auth_throttle_blocked("10.0.0.4", t, &retry), 0);
	auth_throttle_reset();
	auth_throttle_configure(10, 300, 300);
}

static struct store *auth_site(char path[64])
{
	struct store *st = NULL;
	snprintf(path, 64, "/tmp/pressd-auth-%d.db", (int)getpid());
	unlink(path);
	if (store_open(path, STORE_CREATE, &st, NULL) != PD_OK)
		return NULL;
	if (store_exec(st, "INSERT INTO wp_users (ID, user_login, user_email) VALUES "
			   "(1,'admin','admin@example.org'),(4,'subscriber','subscriber@example.org');"
			   "INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES "
			   "(1,'wp_capabilities','a:1:{s:13:\"administrator\";b:1;}'),"
			   "(4,'wp_capabilities','a:1:{s:10:\"subscriber\";b:1;}')") != PD_OK) {
		store_close(st);
		return NULL;
	}
	return st;
}

static void auth_site_close(struct store *st, const char *path)
{
	char f[80];
	store_close(st);
	unlink(path);
	snprintf(f, sizeof f, "%s-wal", path);
	unlink(f);
	snprintf(f, sizeof f, "%s-shm", path);
	unlink(f);
}

TEST(auth_app_password_lifecycle)
{
	const time_t T = 1800000000;
	char path[64], plain[AUTH_APP_PASSWORD_LEN + 1], chunked[AUTH_APP_PASSWORD_CHUNKED];
	struct store *st = auth_site(path);
	struct user u;
	json_t *item = NULL, *items = NULL;
	ASSERT(st);
	ASSERT_INT_EQ(auth_init(), PD_OK);
	/* Before any application password exists, none is even checked. */
	ASSERT_INT_EQ(auth_application_password(st, "admin", "x", "127.0.0.1", T, &u), AUTH_NOT_IN_USE);
	ASSERT_INT_EQ(auth_app_password_create(st, 1, "  <b>my</b>   app\n", NULL, plain, &item), PD_OK);
	ASSERT_STR_EQ(json_string_value(json_object_get(item, "name")), "my app");
	ASSERT_STR_EQ(json_string_value(json_object_get(item, "app_id")), "");
	ASSERT(json_is_null(json_object_get(item, "last_used")));
	char uuid[AUTH_UUID_LEN];
	snprintf(uuid, sizeof uuid, "%s", json_string_value(json_object_get(item, "uuid")));
	json_decref(item);
	char *opt = store_option_get(st, "using_application_passwords");
	ASSERT_STR_EQ(opt, "1");
	free(opt);
	ASSERT_INT_EQ(auth_app_password_create(st, 1, " %20 ", NULL, plain + 0, NULL), PD_EINVAL);
	ASSERT_INT_EQ(auth_app_password_create(st, 1, "second", "1b4e28ba-2fa1-11d2-883f-0016d3cca427", plain, NULL), PD_OK);
	auth_app_password_chunk(plain, chunked, sizeof chunked);
	/* With or without the spaces, by login or e-mail. */
	ASSERT_INT_EQ(auth_application_password(st, "admin", chunked, "127.0.0.1", T, &u), AUTH_OK);
	ASSERT_INT_EQ(u.id, 1);
	ASSERT_STR_EQ(u.role, "administrator");
	ASSERT(strcmp(u.app_password_uuid, uuid) != 0 && strlen(u.app_password_uuid) == 36);
	ASSERT_INT_EQ(auth_application_password(st, "ADMIN@example.org", plain, "10.1.1.1", T + 1000, &u), AUTH_OK);
	ASSERT_INT_EQ(auth_application_password(st, "admin", "wrong", "127.0.0.1", T, &u), AUTH_BAD_PASSWORD);
	ASSERT_INT_EQ(auth_application_password(st, "subscriber", plain, "127.0.0.1", T, &u), AUTH_BAD_PASSWORD);
	ASSERT_INT_EQ(auth_application_password(st, "nobody", plain, "127.0.0.1", T, &u), AUTH_UNKNOWN_USER);
	ASSERT_INT_EQ(auth_application_password(st, "nobody@example.org", plain, "127.0.0.1", T, &u), AUTH_UNKNOWN_USER);
	/* Usage recorded at most once a day: the second use kept the first one's. */
	ASSERT_INT_EQ(auth_app_passwords_get(st, 1, &items), PD_OK);
	ASSERT_INT_EQ(json_array_size(items), 2);
	json_t *second = json_array_get(items, 1);
	ASSERT_INT_EQ(json_integer_value(json_object_get(second, "last_used")), T);
	ASSERT_STR_EQ(json_string_value(json_object_get(second, "last_ip")), "127.0.0.1");
	ASSERT_STR_EQ(json_string_value(json_object_get(second, "app_id")), "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
	json_decref(items);
	ASSERT_INT_EQ(auth_application_password(st, "admin", plain, "10.2.2.2", T + 86400, &u), AUTH_OK);
	auth_app_passwords_get(st, 1, &items);
	ASSERT_STR_EQ(json_string_value(json_object_get(json_array_get(items, 1), "last_ip")), "10.2.2.2");
	json_decref(items);
	/* Rename, delete one, delete all. */
	ASSERT_INT_EQ(auth_app_password_update(st, 1, uuid, "renamed", &item), PD_OK);
	ASSERT_STR_EQ(json_string_value(json_object_get(item, "name")), "renamed");
	json_decref(item);
	ASSERT_INT_EQ(auth_app_password_update(st, 1, "no-such-uuid", "x", NULL), PD_ENOTFOUND);
	ASSERT_INT_EQ(auth_app_password_delete(st, 1, uuid, &item), PD_OK);
	ASSERT_STR_EQ(json_string_value(json_object_get(item, "name")), "renamed");
	json_decref(item);
	ASSERT_INT_EQ(auth_app_password_delete(st, 1, uuid, NULL), PD_ENOTFOUND);
	int count = -1;
	ASSERT_INT_EQ(auth_app_passwords_delete_all(st, 1, &count), PD_OK);
	ASSERT_INT_EQ(count, 1);
	ASSERT_INT_EQ(auth_application_password(st, "admin", plain, "127.0.0.1", T, &u), AUTH_BAD_PASSWORD);
	ASSERT_INT_EQ(auth_app_passwords_delete_all(st, 1, &count), PD_OK);
	ASSERT_INT_EQ(count, 0);
	auth_site_close(st, path);
}

/* The usermeta exactly as WordPress leaves it after unset() (key 1, not 0),
 * with a hash written by WordPress's wp_fast_hash(): pressd accepts it. */
TEST(auth_wordpress_written_meta)
{
	char path[64];
	struct store *st = auth_site(path);
	struct user u;
	ASSERT(st);
	ASSERT_INT_EQ(store_meta_set(st, "user", 4, "_application_passwords",
		"a:2:{i:1;a:7:{s:4:\"uuid\";s:36:\"0f8a3c1e-1111-4222-8333-444455556666\";s:6:\"app_id\";s:0:\"\";"
		"s:4:\"name\";s:2:\"wp\";s:8:\"password\";s:49:\"$generic$F6W18u0QEytvRVb59DemVWRxyTxU6vg_VK0s_f-h\";"
		"s:7:\"created\";i:1700000000;s:9:\"last_used\";N;s:7:\"last_ip\";N;}"
		"i:3;a:7:{s:4:\"uuid\";s:36:\"0f8a3c1e-1111-4222-8333-777788889999\";s:6:\"app_id\";s:0:\"\";"
		"s:4:\"name\";s:6:\"legacy\";s:8:\"password\";s:34:\"$P$B7Yt5PQA6vnLS21VtmIkXhHntECaya/\";"
		"s:7:\"created\";i:1600000000;s:9:\"last_used\";i:1600000001;s:7:\"last_ip\";s:3:\"::1\";}}"), PD_OK);
	ASSERT_INT_EQ(store_option_set(st, "using_application_passwords", "1"), PD_OK);
	ASSERT_INT_EQ(auth_application_password(st, "subscriber", "abcd EFGH 1234 ijkl MNOP 5678", "127.0.0.1",
						1800000000, &u), AUTH_OK);
	ASSERT_STR_EQ(u.app_password_uuid, "0f8a3c1e-1111-4222-8333-444455556666");
	ASSERT_STR_EQ(u.role, "subscriber");
	/* Written back as a list, readable by PHP's unserialize(). */
	char *raw = store_meta_get(st, "user", 4, "_application_passwords");
	ASSERT(raw && strncmp(raw, "a:2:{i:0;a:7:{s:4:\"uuid\";", 25) == 0);
	ASSERT(strstr(raw, "s:9:\"last_used\";i:1800000000;s:7:\"last_ip\";s:9:\"127.0.0.1\";}"));
	free(raw);
	auth_site_close(st, path);
}
