/* caps.h - WordPress roles and capabilities: the one place every handler
 * asks "may this user do that" (user_can(), map_meta_cap()). */
#ifndef PRESSD_CAPS_H
#define PRESSD_CAPS_H

struct store;

/* An authenticated user, loaded once per request. */
struct user {
	long id;                 /* wp_users.ID */
	char login[64];          /* user_login */
	char role[32];           /* primary role: "administrator", "editor", ... */
	unsigned long caps;      /* bit set of primitive capabilities (caps.c) */
};

/* Whether user (NULL = anonymous) has capability cap, mapping meta
 * capabilities ("edit_post", "read_post", "delete_post", "edit_others_posts",
 * "publish_posts", "read_private_posts", "unfiltered_html" ...) for the object
 * id as map_meta_cap() does; st is used to read the object when needed. */
int caps_user_can(struct store *st, const struct user *user, const char *cap, long object_id);

#endif
