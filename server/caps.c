/* caps.c - capabilities of WordPress's default roles and map_meta_cap().
 * Until authentication exists every request is anonymous; the role table is
 * WordPress's populate_roles() and is completed with authentication. */
#include <string.h>

#include "pressd/caps.h"

int caps_user_can(struct store *st, const struct user *user, const char *cap, long object_id)
{
	(void)st;
	(void)cap;
	(void)object_id;
	return user != NULL && strcmp(user->role, "administrator") == 0;
}
