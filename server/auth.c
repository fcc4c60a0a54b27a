/* auth.c - HTTP Basic authentication with application passwords, password
 * hashing, the _application_passwords usermeta, and failed-login throttling.
 * The REST routes that manage application passwords live in app_passwords.c. */
#include <ctype.h>
#include <nettle/md5.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/auth.h"
#include "pressd/buf.h"
#include "pressd/caps.h"
#include "pressd/err.h"
#include "pressd/format.h"
#include "pressd/json.h"
#include "pressd/phpser.h"
#include "pressd/rest.h"
#include "pressd/store.h"
#include "pressd/validate.h"

#define META_KEY "_application_passwords"           /* USERMETA_KEY_APPLICATION_PASSWORDS */
#define OPTION_IN_USE "using_application_passwords" /* OPTION_KEY_IN_USE */
#define DAY_IN_SECONDS 86400

int auth_init(void)
{
	return sodium_init() < 0 ? PD_EINVAL : PD_OK;
}

/* ---- HTTP Basic ---- */

static int b64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

int auth_basic_parse(const char *header, char *user, size_t ulen, char *pass, size_t plen)
{
	if (!header || strncasecmp(header, "Basic ", 6) != 0 || !ulen || !plen)
		return PD_EINVAL;
	/* php_base64_decode() in non-strict mode: unknown characters and '='
	 * are skipped, a dangling 6-bit group is dropped; it never fails. */
	const char *in = header + 6;
	size_t n = strlen(in), o = 0;
	char *dec = malloc(n / 4 * 3 + 4);
	if (!dec)
		return PD_ENOMEM;
	unsigned acc = 0;
	int bits = 0;
	for (size_t i = 0; i < n; i++) {
		int v = b64_value((unsigned char)in[i]);
		if (v < 0)
			continue;
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			dec[o++] = (char)(acc >> bits & 0xff);
		}
	}
	dec[o] = '\0';
	/* PHP works on C strings here: a NUL ends the user (or the password). */
	char *colon = strchr(dec, ':');
	int rc = PD_EINVAL;
	if (colon) {
		*colon = '\0';
		size_t lu = strlen(dec), lp = strlen(colon + 1);
		if (lu >= ulen || lp >= plen) {
			rc = PD_ELIMIT;
		} else {
			memcpy(user, dec, lu + 1);
			memcpy(pass, colon + 1, lp + 1);
			rc = PD_OK;
		}
	}
	sodium_memzero(dec, o);
	free(dec);
	return rc;
}

/* ---- application password strings and hashes ---- */

static const char pw_chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

void auth_app_password_generate(char out[AUTH_APP_PASSWORD_LEN + 1])
{
	for (int i = 0; i < AUTH_APP_PASSWORD_LEN; i++)
		out[i] = pw_chars[randombytes_uniform(62)];
	out[AUTH_APP_PASSWORD_LEN] = '\0';
}

void auth_app_password_normalize(const char *in, char *out, size_t outlen)
{
	size_t o = 0;
	if (!outlen)
		return;
	for (; *in && o + 1 < outlen; in++)
		if (isascii((unsigned char)*in) && isalnum((unsigned char)*in))
			out[o++] = *in;
	out[o] = '\0';
}

void auth_app_password_chunk(const char *raw, char *out, size_t outlen)
{
	size_t o = 0, k = 0;
	if (!outlen)
		return;
	/* trim(chunk_split($pw, 4, ' ')): a space after every 4, none at the end. */
	for (; *raw; raw++) {
		if (!(isascii((unsigned char)*raw) && isalnum((unsigned char)*raw)))
			continue;
		if (k && k % 4 == 0) {
			if (o + 2 >= outlen)
				break;
			out[o++] = ' ';
		}
		if (o + 1 >= outlen)
			break;
		out[o++] = *raw;
		k++;
	}
	out[o] = '\0';
}

void auth_fast_hash(const char *message, char out[AUTH_FAST_HASH_LEN])
{
	static const char key[] = "wp_fast_hash_6.8+";
	unsigned char h[30];
	crypto_generichash(h, sizeof h, (const unsigned char *)message, strlen(message),
			   (const unsigned char *)key, sizeof key - 1);
	memcpy(out, "$generic$", 9);
	sodium_bin2base64(out + 9, AUTH_FAST_HASH_LEN - 9, h, sizeof h,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

/* phpass's portable hashes ($P$ / $H$), PasswordHash::crypt_private(). */
static int phpass_check(const char *password, const char *stored)
{
	static const char itoa64[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	if (strlen(password) > 4096 || strlen(stored) != 34 ||
	    (strncmp(stored, "$P$", 3) != 0 && strncmp(stored, "$H$", 3) != 0))
		return 0;
	const char *p = strchr(itoa64, stored[3]);
	int count_log2 = p && stored[3] ? (int)(p - itoa64) : -1;
	if (count_log2 < 7 || count_log2 > 30)
		return 0;
	long count = 1L << count_log2;
	unsigned char h[MD5_DIGEST_SIZE];
	struct md5_ctx ctx;
	md5_init(&ctx);
	md5_update(&ctx, 8, (const uint8_t *)stored + 4);
	md5_update(&ctx, strlen(password), (const uint8_t *)password);
	md5_digest(&ctx, sizeof h, h);
	do {
		md5_update(&ctx, sizeof h, h);
		md5_update(&ctx, strlen(password), (const uint8_t *)password);
		md5_digest(&ctx, sizeof h, h);
	} while (--count);
	char out[35];
	memcpy(out, stored, 12);
	size_t o = 12;
	int i = 0;
	do { /* PasswordHash::encode64() */
		unsigned v = h[i++];
		out[o++] = itoa64[v & 0x3f];
		if (i < 16)
			v |= (unsigned)h[i] << 8;
		out[o++] = itoa64[(v >> 6) & 0x3f];
		if (i++ >= 16)
			break;
		if (i < 16)
			v |= (unsigned)h[i] << 16;
		out[o++] = itoa64[(v >> 12) & 0x3f];
		if (i++ >= 16)
			break;
		out[o++] = itoa64[(v >> 18) & 0x3f];
	} while (i < 16);
	out[o] = '\0';
	return o == 34 && sodium_memcmp(out, stored, 34) == 0;
}

int auth_app_password_check(const char *password, const char *hash)
{
	if (!password || !hash)
		return 0;
	if (strncmp(hash, "$generic$", 9) != 0)
		return phpass_check(password, hash);
	char mine[AUTH_FAST_HASH_LEN];
	auth_fast_hash(password, mine);
	size_t n = strlen(mine);
	return strlen(hash) == n && sodium_memcmp(mine, hash, n) == 0;
}

int auth_password_hash(const char *password, char out[AUTH_PASSWORD_HASH_LEN])
{
	_Static_assert(AUTH_PASSWORD_HASH_LEN >= crypto_pwhash_STRBYTES, "hash buffer");
	return crypto_pwhash_str_alg(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				     crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) == 0
		       ? PD_OK : PD_ENOMEM;
}

int auth_password_verify(const char *password, const char *hash)
{
	if (!password || !hash)
		return 0;
	if (strncmp(hash, "$argon2id$", 10) == 0 || strncmp(hash, "$argon2i$", 9) == 0)
		return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
	return phpass_check(password, hash);
}

int auth_user_set_password(struct store *st, long id, const char *password)
{
	char hash[AUTH_PASSWORD_HASH_LEN];
	int rc = auth_password_hash(password, hash);
	if (rc != PD_OK)
		return rc;
	/* wp_set_password() also clears user_activation_key. */
	sqlite3_stmt *s = store_stmt(st, "UPDATE wp_users SET user_pass = ?, user_activation_key = '' WHERE ID = ?");
	if (!s)
		return PD_EDB;
	sqlite3_bind_text(s, 1, hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, id);
	rc = sqlite3_step(s) == SQLITE_DONE ? PD_OK : PD_EDB;
	store_done(s);
	sodium_memzero(hash, sizeof hash);
	if (rc == PD_OK && sqlite3_changes(store_db(st)) == 0)
		rc = PD_ENOTFOUND;
	return rc;
}

void auth_uuid4(char out[AUTH_UUID_LEN])
{
	uint16_t r[8];
	randombytes_buf(r, sizeof r);
	snprintf(out, AUTH_UUID_LEN, "%04x%04x-%04x-%04x-%04x-%04x%04x%04x", r[0], r[1], r[2],
		 (r[3] & 0x0fff) | 0x4000, (r[4] & 0x3fff) | 0x8000, r[5], r[6], r[7]);
}

/* ---- the _application_passwords usermeta ---- */

static int save_items(struct store *st, long user_id, const json_t *items)
{
	struct buf b = BUF_INIT;
	int rc = phpser_serialize(items, &b);
	if (rc == PD_OK)
		rc = store_meta_set(st, "user", user_id, META_KEY, buf_str(&b));
	buf_free(&b);
	return rc;
}

/* Items as a JSON array, whatever keys PHP left after unset(). */
static int load_items(struct store *st, long user_id, json_t **out)
{
	char *raw = store_meta_get(st, "user", user_id, META_KEY);
	json_t *v = NULL, *items = jarr();
	if (raw && phpser_unserialize(raw, strlen(raw), &v) == PD_OK) {
		size_t i;
		const char *k;
		json_t *e;
		if (json_is_array(v)) {
			json_array_foreach(v, i, e)
				if (json_is_object(e))
					jpush(items, json_incref(e));
		} else if (json_is_object(v)) {
			json_object_foreach(v, k, e)
				if (json_is_object(e))
					jpush(items, json_incref(e));
		}
	}
	json_decref(v);
	free(raw);
	*out = items;
	return PD_OK;
}

int auth_app_passwords_get(struct store *st, long user_id, json_t **items)
{
	load_items(st, user_id, items);
	/* get_user_application_passwords() gives items without a uuid one. */
	int save = 0;
	size_t i;
	json_t *e;
	json_array_foreach(*items, i, e) {
		if (!json_object_get(e, "uuid")) {
			char u[AUTH_UUID_LEN];
			auth_uuid4(u);
			jset(e, "uuid", jstr(u));
			save = 1;
		}
	}
	return save ? save_items(st, user_id, *items) : PD_OK;
}

static json_t *find_item(json_t *items, const char *uuid, size_t *index)
{
	size_t i;
	json_t *e;
	json_array_foreach(items, i, e) {
		const char *u = json_string_value(json_object_get(e, "uuid"));
		if (u && strcmp(u, uuid) == 0) {
			if (index)
				*index = i;
			return e;
		}
	}
	return NULL;
}

int auth_app_password_create(struct store *st, long user_id, const char *name, const char *app_id,
			     char plain[AUTH_APP_PASSWORD_LEN + 1], json_t **item)
{
	char *clean = validate_sanitize_text_field(name ? name : "");
	json_t *items = NULL;
	int rc;
	if (!clean)
		return PD_ENOMEM;
	if (!*clean) {
		free(clean);
		return PD_EINVAL;
	}
	char uuid[AUTH_UUID_LEN], hash[AUTH_FAST_HASH_LEN];
	auth_app_password_generate(plain);
	auth_fast_hash(plain, hash);
	auth_uuid4(uuid);
	json_t *it = jobj();
	jset(it, "uuid", jstr(uuid));
	jset(it, "app_id", jstr(app_id && *app_id ? app_id : ""));
	jset(it, "name", jstr(clean));
	jset(it, "password", jstr(hash));
	jset(it, "created", jint((long long)time(NULL)));
	jset(it, "last_used", json_null());
	jset(it, "last_ip", json_null());
	free(clean);
	if ((rc = store_begin(st)) != PD_OK)
		goto out;
	if ((rc = auth_app_passwords_get(st, user_id, &items)) == PD_OK)
		jpush(items, json_incref(it));
	if (rc == PD_OK)
		rc = save_items(st, user_id, items);
	if (rc == PD_OK) {
		char *in_use = store_option_get(st, OPTION_IN_USE);
		if (!in_use || !*in_use || !strcmp(in_use, "0"))
			rc = store_option_set(st, OPTION_IN_USE, "1");
		free(in_use);
	}
	if (rc == PD_OK)
		rc = store_commit(st);
	else
		store_rollback(st);
out:
	json_decref(items);
	if (rc == PD_OK && item)
		*item = it;
	else
		json_decref(it);
	return rc;
}

int auth_app_password_update(struct store *st, long user_id, const char *uuid, const char *name,
			     json_t **item)
{
	json_t *items = NULL, *it;
	char *clean = name ? validate_sanitize_text_field(name) : NULL;
	int rc = store_begin(st);
	if (rc != PD_OK)
		goto out;
	auth_app_passwords_get(st, user_id, &items);
	if (!(it = find_item(items, uuid, NULL))) {
		rc = PD_ENOTFOUND;
	} else if (clean && *clean && strcmp(json_string_value(json_object_get(it, "name")) ?: "", clean)) {
		jset(it, "name", jstr(clean));
		rc = save_items(st, user_id, items);
	}
	if (rc == PD_OK) {
		rc = store_commit(st);
		if (item)
			*item = json_incref(it);
	} else {
		store_rollback(st);
	}
out:
	free(clean);
	json_decref(items);
	return rc;
}

int auth_app_password_delete(struct store *st, long user_id, const char *uuid, json_t **previous)
{
	json_t *items = NULL, *it;
	size_t index;
	int rc = store_begin(st);
	if (rc != PD_OK)
		return rc;
	auth_app_passwords_get(st, user_id, &items);
	if (!(it = find_item(items, uuid, &index))) {
		rc = PD_ENOTFOUND;
	} else {
		if (previous)
			*previous = json_incref(it);
		json_array_remove(items, index);
		rc = save_items(st, user_id, items);
	}
	if (rc == PD_OK)
		rc = store_commit(st);
	else
		store_rollback(st);
	json_decref(items);
	return rc;
}

int auth_app_passwords_delete_all(struct store *st, long user_id, int *count)
{
	json_t *items = NULL;
	int rc = store_begin(st);
	if (rc != PD_OK)
		return rc;
	auth_app_passwords_get(st, user_id, &items);
	*count = (int)json_array_size(items);
	if (*count) {
		json_t *empty = jarr();
		rc = save_items(st, user_id, empty);
		json_decref(empty);
	}
	if (rc == PD_OK)
		rc = store_commit(st);
	else
		store_rollback(st);
	json_decref(items);
	return rc;
}

/* WP_Application_Passwords::record_application_password_usage(): at most once a day. */
static void record_usage(struct store *st, long user_id, const char *uuid, const char *ip, time_t now)
{
	json_t *items = NULL, *it;
	if (store_begin(st) != PD_OK)
		return;
	load_items(st, user_id, &items);
	it = find_item(items, uuid, NULL);
	int rc = PD_EINVAL;
	if (it && json_integer_value(json_object_get(it, "last_used")) + DAY_IN_SECONDS <= now) {
		jset(it, "last_used", jint((long long)now));
		jset(it, "last_ip", jstr(ip));
		rc = save_items(st, user_id, items);
	}
	if (rc == PD_OK)
		store_commit(st);
	else
		store_rollback(st);
	json_decref(items);
}

/* ---- authentication ---- */

/* is_email() without its filters: local@domain.tld with WordPress's characters. */
static int is_email(const char *s)
{
	const char *at = strchr(s, '@');
	size_t n = strlen(s);
	if (n < 6 || !at || at == s || strchr(at + 1, '@'))
		return 0;
	for (const char *p = s; p < at; p++)
		if (!isalnum((unsigned char)*p) && !strchr("!#$%&'*+/=?^_`{|}~.-", *p))
			return 0;
	const char *dom = at + 1;
	if (strstr(dom, "..") || dom[0] == '.' || dom[strlen(dom) - 1] == '.' || !strchr(dom, '.'))
		return 0;
	for (const char *p = dom; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '.')
			return 0;
	return 1;
}

static long user_id_by(struct store *st, const char *sql, const char *value)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	long id = 0;
	if (!s)
		return 0;
	sqlite3_bind_text(s, 1, value, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = (long)sqlite3_column_int64(s, 0);
	store_done(s);
	return id;
}

enum auth_outcome auth_application_password(struct store *st, const char *login,
					    const char *password, const char *client_ip,
					    time_t now, struct user *out)
{
	/* WP_Application_Passwords::is_in_use(): never created one, never checked. */
	char *in_use = store_option_get(st, OPTION_IN_USE);
	int used = in_use && *in_use && strcmp(in_use, "0") != 0;
	free(in_use);
	if (!used)
		return AUTH_NOT_IN_USE;

	/* get_user_by('login') (sanitize_user() trims; MySQL compares case-insensitively),
	 * then by e-mail. */
	char name[256];
	const char *b = login;
	while (*b == ' ' || *b == '\t' || *b == '\n' || *b == '\r')
		b++;
	snprintf(name, sizeof name, "%s", b);
	for (size_t n = strlen(name); n && strchr(" \t\r\n", name[n - 1]); n--)
		name[n - 1] = '\0';
	long id = *name ? user_id_by(st, "SELECT ID FROM wp_users WHERE user_login = ? COLLATE NOCASE "
					 "ORDER BY ID LIMIT 1", name) : 0;
	if (!id && is_email(login))
		id = user_id_by(st, "SELECT ID FROM wp_users WHERE user_email = ? COLLATE NOCASE "
				    "ORDER BY ID LIMIT 1", login);
	if (!id)
		return AUTH_UNKNOWN_USER;

	char pw[256];
	auth_app_password_normalize(password, pw, sizeof pw);
	json_t *items = NULL, *e, *match = NULL;
	size_t i;
	auth_app_passwords_get(st, id, &items);
	json_array_foreach(items, i, e) {
		if (auth_app_password_check(pw, json_string_value(json_object_get(e, "password")))) {
			match = e;
			break;
		}
	}
	sodium_memzero(pw, sizeof pw);
	enum auth_outcome res = AUTH_BAD_PASSWORD;
	if (match && caps_user_load(st, id, out) == PD_OK) {
		snprintf(out->app_password_uuid, sizeof out->app_password_uuid, "%s",
			 json_string_value(json_object_get(match, "uuid")));
		/* the write transaction only when a day has passed (checked again inside it) */
		if (json_integer_value(json_object_get(match, "last_used")) + DAY_IN_SECONDS <= now)
			record_usage(st, id, out->app_password_uuid, client_ip ? client_ip : "", now);
		res = AUTH_OK;
	}
	json_decref(items);
	return res;
}

/* The login as it can be logged: printable ASCII, at most 64 bytes. */
static void loggable(const char *s, char out[68])
{
	size_t o = 0;
	for (; *s && o < 64; s++)
		out[o++] = (*s >= 0x20 && *s < 0x7f && *s != '"') ? *s : '?';
	out[o] = '\0';
}

int auth_request(struct request *req, struct user *storage, struct response *res)
{
	const char *h = req->header ? req->header(req, "Authorization") : NULL;
	const char *ip = req->client_ip ? req->client_ip : "-";
	char login[256], pass[1024];
	if (!h || !req->store)
		return PD_OK;
	int parsed = auth_basic_parse(h, login, sizeof login, pass, sizeof pass);
	if (parsed != PD_OK && parsed != PD_ELIMIT)
		return PD_OK; /* PHP sets no PHP_AUTH_USER: WordPress sees no credentials */
	time_t now = time(NULL);
	int retry;
	if (auth_throttle_blocked(ip, now, &retry)) {
		sodium_memzero(pass, sizeof pass);
		rest_headerf(res, "Retry-After", "%d", retry);
		return rest_error(res, 429, "rest_too_many_login_attempts",
				  "Too many failed login attempts from your address. Please try again later.");
	}
	enum auth_outcome r = parsed == PD_ELIMIT ? AUTH_BAD_PASSWORD
			     : auth_application_password(req->store, login, pass, ip, now, storage);
	sodium_memzero(pass, sizeof pass);
	if (r == AUTH_OK) {
		req->user = storage;
		return PD_OK;
	}
	if (r == AUTH_UNKNOWN_USER || r == AUTH_BAD_PASSWORD) {
		char who[68];
		loggable(parsed == PD_OK ? login : "", who);
		int locked = auth_throttle_failure(ip, now);
		fprintf(stderr, "pressd: failed login for \"%s\" from %s: %s; served as anonymous\n", who, ip,
			r == AUTH_UNKNOWN_USER ? (is_email(login) ? "invalid_email" : "invalid_username")
					       : "incorrect_password");
		if (locked)
			fprintf(stderr, "pressd: %s refused after repeated failed logins\n", ip);
	}
	return PD_OK;
}

/* ---- throttling ---- */

#define THROTTLE_SLOTS 1024
#define THROTTLE_PROBES 16

struct throttle_entry {
	char ip[48];          /* client address, "" for a free slot */
	time_t first;         /* start of the current counting window */
	time_t last;          /* last failure, for eviction */
	time_t until;         /* refused until then (0: not locked) */
	int count;            /* failures since first */
};

static pthread_mutex_t throttle_lock = PTHREAD_MUTEX_INITIALIZER;
static struct throttle_entry throttle[THROTTLE_SLOTS];
static int max_failures = 10, window_s = 300, lockout_s = 300;

void auth_throttle_configure(int failures, int window, int lockout)
{
	pthread_mutex_lock(&throttle_lock);
	max_failures = failures < 0 ? 0 : failures;
	window_s = window > 0 ? window : 1;
	lockout_s = lockout > 0 ? lockout : 1;
	pthread_mutex_unlock(&throttle_lock);
}

void auth_throttle_reset(void)
{
	pthread_mutex_lock(&throttle_lock);
	memset(throttle, 0, sizeof throttle);
	pthread_mutex_unlock(&throttle_lock);
}

static unsigned long ip_hash(const char *ip)
{
	unsigned long h = 2166136261u;
	for (; *ip; ip++)
		h = (h ^ (unsigned char)*ip) * 16777619u;
	return h;
}

/* The entry of ip; with create, a free or the stalest slot among its probes. */
static struct throttle_entry *throttle_find(const char *ip, int create, time_t now)
{
	unsigned long h = ip_hash(ip);
	struct throttle_entry *victim = NULL;
	for (int p = 0; p < THROTTLE_PROBES; p++) {
		struct throttle_entry *e = &throttle[(h + (unsigned long)p) % THROTTLE_SLOTS];
		if (e->ip[0] && strcmp(e->ip, ip) == 0)
			return e;
		if (!create)
			continue;
		int stale = !e->ip[0] || (e->until <= now && now - e->last >= window_s);
		if (!victim || (stale && victim->ip[0]) ||
		    (!stale && victim->ip[0] && e->until <= now && e->last < victim->last))
			victim = e;
	}
	if (victim) {
		memset(victim, 0, sizeof *victim);
		snprintf(victim->ip, sizeof victim->ip, "%s", ip);
	}
	return victim;
}

int auth_throttle_blocked(const char *ip, time_t now, int *retry_after)
{
	int blocked = 0;
	pthread_mutex_lock(&throttle_lock);
	struct throttle_entry *e = max_failures ? throttle_find(ip, 0, now) : NULL;
	if (e && e->until > now) {
		blocked = 1;
		if (retry_after)
			*retry_after = (int)(e->until - now);
	}
	pthread_mutex_unlock(&throttle_lock);
	return blocked;
}

int auth_throttle_failure(const char *ip, time_t now)
{
	int locked = 0;
	pthread_mutex_lock(&throttle_lock);
	struct throttle_entry *e = max_failures ? throttle_find(ip, 1, now) : NULL;
	if (e && e->until <= now) {
		if (e->until || now - e->first >= window_s) { /* lockout over or window passed */
			e->until = 0;
			e->first = now;
			e->count = 0;
		}
		e->last = now;
		if (++e->count >= max_failures) {
			e->until = now + lockout_s;
			locked = 1;
		}
	}
	pthread_mutex_unlock(&throttle_lock);
	return locked;
}
