/* terms.h - the /wp/v2/categories and /wp/v2/tags endpoints
 * (WP_REST_Terms_Controller for the category and post_tag taxonomies). */
#ifndef PRESSD_TERMS_H
#define PRESSD_TERMS_H

#include <stddef.h>

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

/* WP_Term_Query's hide_empty for a hierarchical taxonomy ("show empty
 * categories that have children"): keep[i] = 1 when term i (ids[i], its
 * parents[i] and counts[i], all n terms of the taxonomy) has posts or has a
 * descendant that does, else 0. O(n log n). PD_OK or PD_ENOMEM. */
int terms_keep_nonempty(const long *ids, const long *parents, const long *counts, size_t n, char *keep);

#endif
