/* users.h - the /wp/v2/users endpoints (WP_REST_Users_Controller) and the
 * Gravatar URLs that users and comments share (get_avatar_url()). */
#ifndef PRESSD_USERS_H
#define PRESSD_USERS_H

#include <jansson.h>

#include "pressd/buf.h"

struct request;
struct response;
struct store;

/* Mirrors get_avatar_url() for an e-mail address: appends
 * "https://secure.gravatar.com/avatar/<sha256(lowercase(trim(email)))>?s=SIZE&d=DEF&r=RATING".
 * def is option avatar_default ("mystery" -> "mm", "gravatar_default" -> no d),
 * rating option avatar_rating (lowercased; empty -> no r). An empty e-mail
 * gives an empty hash, as WordPress does. PD_OK or a pd_err. */
int users_gravatar_url(const char *email, int size, const char *def, const char *rating,
		       struct buf *out);

/* rest_get_avatar_urls(): {"24":url,"48":url,"96":url} for email, with the
 * site's avatar options read from st. A new object. */
json_t *users_avatar_urls(struct store *st, const char *email);

int users_get_items(struct request *req, struct response *res);
int users_get_items_permission(struct request *req, struct response *res);
int users_get_item(struct request *req, struct response *res);
int users_get_item_permission(struct request *req, struct response *res);
int users_get_me(struct request *req, struct response *res);

#endif
