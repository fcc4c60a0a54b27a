/* terms.h - the /wp/v2/categories and /wp/v2/tags endpoints
 * (WP_REST_Terms_Controller for the category and post_tag taxonomies). */
#ifndef PRESSD_TERMS_H
#define PRESSD_TERMS_H

struct request;
struct response;

int categories_get_items(struct request *req, struct response *res);
int categories_get_items_permission(struct request *req, struct response *res);
int categories_get_item(struct request *req, struct response *res);
int categories_get_item_permission(struct request *req, struct response *res);
int tags_get_items(struct request *req, struct response *res);
int tags_get_items_permission(struct request *req, struct response *res);
int tags_get_item(struct request *req, struct response *res);
int tags_get_item_permission(struct request *req, struct response *res);

#endif
