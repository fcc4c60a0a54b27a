/* comments.h - GET /wp/v2/comments (WP_REST_Comments_Controller::get_items),
 * which a post's "replies" link embeds, and GET /wp/v2/comments/<id>. */
#ifndef PRESSD_COMMENTS_H
#define PRESSD_COMMENTS_H

#include "pressd/buf.h"

struct request;
struct response;
struct site;

int comments_get_items(struct request *req, struct response *res);
int comments_get_items_permission(struct request *req, struct response *res);
int comments_get_item(struct request *req, struct response *res);
int comments_get_item_permission(struct request *req, struct response *res);

/* apply_filters('comment_text', raw) with WordPress's default filters in
 * priority order: wptexturize, convert_chars, convert_smilies (when the site
 * uses smilies), wpautop, capital_P_dangit. make_clickable and
 * force_balance_tags are not applied yet (see the report in comments.c). */
int comments_render_text(const struct site *s, const char *raw, struct buf *out);

#endif
