/* post_write.h - writing posts: POST /wp/v2/posts (create), POST/PUT/PATCH
 * /wp/v2/posts/<id> (update), DELETE /wp/v2/posts/<id> (trash or delete),
 * and the pieces of wp_insert_post() that revisions and autosaves reuse.
 * Each write is one SQLite transaction: a refused or failed request leaves
 * the database as it was. */
#ifndef PRESSD_POST_WRITE_H
#define PRESSD_POST_WRITE_H

struct request;
struct response;
struct store;
struct site;

/* ---- handlers (server/routes.c) ---- */

int posts_create_item_permission(struct request *req, struct response *res);
int posts_create_item(struct request *req, struct response *res);
int posts_update_item_permission(struct request *req, struct response *res);
int posts_update_item(struct request *req, struct response *res);
int posts_delete_item_permission(struct request *req, struct response *res);
int posts_delete_item(struct request *req, struct response *res);

/* ---- one wp_posts row as wp_insert_post() writes it ---- */

struct wpost {
	long id;                    /* 0 until inserted */
	long author, parent, menu_order;
	char date[20], date_gmt[20];         /* MySQL datetimes, local and GMT */
	char modified[20], modified_gmt[20];
	char status[24], type[24];           /* post_status, post_type */
	char comment_status[24], ping_status[24];
	char *title, *content, *excerpt;     /* raw, owned */
	char *password, *name, *guid;        /* owned */
};

/* wp_unique_post_slug(): slug, or slug-2, slug-3 ... when another post
 * holds it (hierarchical types: a sibling under parent) or it is reserved
 * (feeds, embed, date archives; pagination for pages). Floating statuses
 * keep it as it is. Returns a malloc'd string. */
char *post_unique_slug(struct request *req, const char *slug, long id, const char *status,
		       const char *type, long parent);

/* Reads row id into p (every string owned by p). PD_OK, PD_ENOTFOUND, PD_EDB. */
int wpost_load(struct store *st, long id, struct wpost *p);
void wpost_free(struct wpost *p);
/* Inserts p (p->id == 0; sets p->id) or updates row p->id with every column of p. */
int wpost_save(struct store *st, struct wpost *p);
/* wp_delete_post( id, true ) for a post or a revision: its meta, term
 * relationships (term counts follow), revisions, comments; attachments move
 * up to its parent. */
int wpost_delete(struct store *st, long id);
/* The autosave of the author's own draft (WP_REST_Autosaves_Controller::
 * create_item()): wp_update_post() of the request's fields, no revision.
 * Inside the caller's transaction. */
int posts_autosave_own_draft(struct request *req, struct response *res, const struct wpost *before);
/* The local and GMT "now" as current_time( 'mysql' [, true] ). */
void wpost_now(char local[20], char gmt[20]);

#endif
