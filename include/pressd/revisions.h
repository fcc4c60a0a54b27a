/* revisions.h - post revisions and autosaves: wp_save_post_revision() after
 * an update, and the REST routes /wp/v2/posts/<id>/revisions[/<rid>] and
 * /wp/v2/posts/<id>/autosaves[/<aid>] (WP_REST_Revisions_Controller,
 * WP_REST_Autosaves_Controller). */
#ifndef PRESSD_REVISIONS_H
#define PRESSD_REVISIONS_H

struct request;
struct response;
struct store;
struct wpost;

/* wp_save_post_revision( post_id ) as wp_after_insert_post runs it after an
 * update by user `author`: a new revision when none exists yet or the title,
 * content, excerpt or footnotes differ from the newest revision; then the
 * oldest revisions beyond option pressd_post_revisions (WP_POST_REVISIONS;
 * -1 = unlimited, the default; 0 = no revisions) are deleted. Call inside the
 * write's transaction. PD_OK or a pd_err. */
int revisions_save_post(struct store *st, long author, long post_id);

/* _wp_put_post_revision( post, autosave ): inserts a revision (or the
 * "<id>-autosave-v1" autosave) of the row p by `author`; *out its ID. */
int revisions_put(struct store *st, const struct wpost *p, long author, int autosave, long *out);

/* ---- shared by revisions.c and autosaves.c ---- */

#include <jansson.h>

/* WP_REST_Revisions_Controller::prepare_item_for_response() for the
 * request's context; preview_link (autosaves, edit context) when asked. */
json_t *revision_json(struct request *req, const struct wpost *r, int with_preview_link);
/* revision_json() of each post ID in ids (a JSON array) that still loads, in order. */
json_t *revisions_json_list(struct request *req, const json_t *ids, int with_preview_link);
/* get_parent(): the post row (p owned by the caller) or rest_post_invalid_parent. */
int revisions_parent(struct request *req, struct response *res, long id, struct wpost *p);

/* ---- handlers (server/routes.c) ---- */

int revisions_get_items_permission(struct request *req, struct response *res);
int revisions_get_items(struct request *req, struct response *res);
int revisions_get_item_permission(struct request *req, struct response *res);
int revisions_get_item(struct request *req, struct response *res);
int revisions_delete_item_permission(struct request *req, struct response *res);
int revisions_delete_item(struct request *req, struct response *res);

int autosaves_get_items_permission(struct request *req, struct response *res);
int autosaves_get_items(struct request *req, struct response *res);
int autosaves_create_item_permission(struct request *req, struct response *res);
int autosaves_create_item(struct request *req, struct response *res);
int autosaves_get_item(struct request *req, struct response *res);

#endif
