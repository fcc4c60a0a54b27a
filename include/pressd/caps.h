/* caps.h - WordPress roles and capabilities: the one place every handler
 * asks "may this user do that" (WP_User::has_cap(), map_meta_cap()).
 *
 * Roles are WordPress's five default roles exactly as populate_roles()
 * builds them; a user's roles and per-user capability grants/denials come
 * from the usermeta wp_capabilities (PHP-serialized, as WordPress stores it).
 * Multisite, custom roles (option wp_user_roles edited by plugins) and the
 * user_has_cap / map_meta_cap filters are not modelled. */
#ifndef PRESSD_CAPS_H
#define PRESSD_CAPS_H

#include <stdint.h>
#include <jansson.h>

struct store;

#define CAPS_EXTRA_MAX 256

/* A user with everything has_cap() needs, loaded once per request. Plain
 * data: copy it freely, nothing to free. */
struct user {
	long id;                 /* wp_users.ID */
	char login[64];          /* user_login, UTF-8 */
	char role[32];           /* first role in wp_capabilities, "" when none */
	uint64_t caps;           /* primitive capabilities held (bit i = caps_name(i)):
				    the roles' caps overlaid with per-user grants/denials */
	char extra[CAPS_EXTRA_MAX]; /* per-user grants of capabilities outside the
				    table, each NUL-terminated, list ends with "" */
	char app_password_uuid[40]; /* uuid of the application password that
				    authenticated this request, "" otherwise */
};

/* Loads user id (wp_users + wp_capabilities). PD_OK, PD_ENOTFOUND, PD_EDB. */
int caps_user_load(struct store *st, long id, struct user *out);

/* Whether user (NULL = anonymous, WordPress's user 0) has capability cap,
 * mapping meta capabilities for object_id as map_meta_cap() does (edit_post,
 * read_post, delete_post, publish_post, edit_term, delete_term, assign_term,
 * edit_user, promote_user, list_app_passwords ...); st reads the object.
 * object_id is ignored by primitive capabilities. Returns 1 or 0. */
int caps_user_can(struct store *st, const struct user *user, const char *cap, long object_id);

/* Whether a default role has a primitive capability (populate_roles()). */
int caps_role_has(const char *role, const char *cap);
/* Whether name is one of the default roles. */
int caps_is_role(const char *name);

/* The REST view of a user's capabilities (WP_User's roles, allcaps and caps,
 * as WP_REST_Users_Controller shows them in edit context), each a new
 * reference or NULL: roles (array of role names), allcaps (object, role caps
 * in WordPress's order then the per-user entries), caps (the raw
 * wp_capabilities object). PD_OK or PD_EDB. */
int caps_user_describe(struct store *st, long id, json_t **roles, json_t **allcaps, json_t **caps);

#endif
