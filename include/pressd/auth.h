/* auth.h - who is asking: HTTP Basic authentication with WordPress
 * application passwords (wp_authenticate_application_password(),
 * WP_Application_Passwords), user passwords, and the throttling of repeated
 * failed logins. Cookie authentication and nonces are not supported.
 *
 * Storage is WordPress's: usermeta _application_passwords holds a
 * PHP-serialized list of {uuid, app_id, name, password, created, last_used,
 * last_ip}; the password hash is WordPress 6.8's wp_fast_hash() (BLAKE2b via
 * libsodium), so a WordPress database and pressd accept each other's
 * application passwords. Legacy phpass hashes ($P$, WordPress < 6.8) verify. */
#ifndef PRESSD_AUTH_H
#define PRESSD_AUTH_H

#include <stddef.h>
#include <time.h>
#include <jansson.h>

struct store;
struct user;
struct request;
struct response;

#define AUTH_APP_PASSWORD_LEN 24       /* WP_Application_Passwords::PW_LENGTH */
#define AUTH_APP_PASSWORD_CHUNKED 30   /* "abcd efgh ijkl mnop qrst uvwx" + NUL */
#define AUTH_FAST_HASH_LEN 50          /* "$generic$" + 40 base64url chars + NUL */
#define AUTH_PASSWORD_HASH_LEN 128     /* crypto_pwhash_STRBYTES */
#define AUTH_UUID_LEN 37               /* "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" + NUL */

/* libsodium's initialisation; call once before threads start. PD_OK or PD_EINVAL. */
int auth_init(void);

/* Sets req->user (to *storage) from the Authorization header, as WordPress
 * 6.9 does for a REST request: valid application-password credentials log
 * the user in and record last_used/last_ip; anything else - no header, not
 * Basic, no colon, unknown user, wrong password - leaves the request
 * anonymous (WordPress records the error too late to report it, see
 * docs/authentication.md). A client address with too many recent failures
 * gets REST_ERROR with a 429 in res instead. Failures are logged to stderr.
 * Returns PD_OK or REST_ERROR. */
int auth_request(struct request *req, struct user *storage, struct response *res);

/* What authenticating one set of credentials gave. */
enum auth_outcome {
	AUTH_NONE = 0,          /* no usable Basic credentials: anonymous */
	AUTH_OK,                /* *out holds the user */
	AUTH_UNKNOWN_USER,      /* WordPress: invalid_username / invalid_email */
	AUTH_BAD_PASSWORD,      /* WordPress: incorrect_password */
	AUTH_NOT_IN_USE,        /* no application password was ever created on the site */
};

/* Mirrors wp_authenticate_application_password() for a login (or e-mail)
 * and password; on AUTH_OK fills *out (with app_password_uuid) and records
 * the usage (at most once a day, like WordPress) from client_ip at now. */
enum auth_outcome auth_application_password(struct store *st, const char *login,
					    const char *password, const char *client_ip,
					    time_t now, struct user *out);

/* Parses "Basic base64(user:pass)" as PHP fills PHP_AUTH_USER/PHP_AUTH_PW:
 * scheme case-insensitive, base64 decoded leniently (invalid characters
 * skipped), split at the first ':'. PD_OK; PD_EINVAL when PHP would set no
 * credentials; PD_ELIMIT when a part does not fit its buffer. */
int auth_basic_parse(const char *header, char *user, size_t ulen, char *pass, size_t plen);

/* ---- passwords ---- */

/* wp_generate_password(24, false): 24 characters of [a-zA-Z0-9], from libsodium's CSPRNG. */
void auth_app_password_generate(char out[AUTH_APP_PASSWORD_LEN + 1]);
/* WP_Application_Passwords::chunk_password(): non-alphanumerics removed,
 * groups of 4 separated by spaces. out must hold strlen(raw) * 5 / 4 + 2 bytes. */
void auth_app_password_chunk(const char *raw, char *out, size_t outlen);
/* preg_replace('/[^a-z\d]/i', '', $password), truncated to outlen - 1 bytes. */
void auth_app_password_normalize(const char *in, char *out, size_t outlen);
/* wp_fast_hash(): "$generic$" + base64url(BLAKE2b-240 keyed "wp_fast_hash_6.8+"). */
void auth_fast_hash(const char *message, char out[AUTH_FAST_HASH_LEN]);
/* WP_Application_Passwords::check_password(): wp_verify_fast_hash(), with
 * phpass ($P$/$H$) for older hashes; constant time. 1 on match. */
int auth_app_password_check(const char *password, const char *hash);

/* user_pass: argon2id via crypto_pwhash_str (PHP's password_verify() accepts
 * it too, so WordPress 6.8+ can still log the user in). PD_OK or PD_ENOMEM. */
int auth_password_hash(const char *password, char out[AUTH_PASSWORD_HASH_LEN]);
/* 1 when password matches an argon2id or phpass user_pass hash. */
int auth_password_verify(const char *password, const char *hash);
/* Stores the argon2id hash of password as user id's user_pass. */
int auth_user_set_password(struct store *st, long id, const char *password);

/* ---- application passwords of a user (usermeta _application_passwords) ---- */

/* The user's items, a new JSON array of objects (uuid, app_id, name,
 * password, created, last_used, last_ip); [] when none. PD_OK or PD_EDB. */
int auth_app_passwords_get(struct store *st, long user_id, json_t **items);
/* WP_Application_Passwords::create_new_application_password(): name is
 * sanitized (sanitize_text_field); PD_EINVAL if it ends up empty. Writes the
 * plain password (shown once) to plain and the new item to *item (new ref). */
int auth_app_password_create(struct store *st, long user_id, const char *name, const char *app_id,
			     char plain[AUTH_APP_PASSWORD_LEN + 1], json_t **item);
/* update_application_password(): renames (when name is non-empty after
 * sanitizing); *item is the item after the update. PD_ENOTFOUND. */
int auth_app_password_update(struct store *st, long user_id, const char *uuid, const char *name,
			     json_t **item);
/* delete_application_password(); *previous (may be NULL) gets the deleted item. */
int auth_app_password_delete(struct store *st, long user_id, const char *uuid, json_t **previous);
/* delete_all_application_passwords(); *count gets how many there were. */
int auth_app_passwords_delete_all(struct store *st, long user_id, int *count);

/* wp_generate_uuid4(). */
void auth_uuid4(char out[AUTH_UUID_LEN]);

/* ---- failed-login throttling (per client address, in memory, thread-safe) ---- */

/* After max_failures failed logins within window seconds, an address is
 * refused (429) for lockout seconds. max_failures 0 disables throttling.
 * Defaults: 10 failures in 300 s, 300 s lockout. */
void auth_throttle_configure(int max_failures, int window, int lockout);
/* 1 while ip is locked out at now, with the seconds left in *retry_after. */
int auth_throttle_blocked(const char *ip, time_t now, int *retry_after);
/* Counts a failure of ip at now; 1 if this failure started a lockout. */
int auth_throttle_failure(const char *ip, time_t now);
/* Forgets every address (tests). */
void auth_throttle_reset(void);

#endif
