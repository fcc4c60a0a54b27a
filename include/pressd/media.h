/* media.h - GET /wp/v2/media/<id> (WP_REST_Attachments_Controller) and the
 * media_details conversion it uses. */
#ifndef PRESSD_MEDIA_H
#define PRESSD_MEDIA_H

#include <jansson.h>

struct request;
struct response;

/* Mirrors the media_details part of prepare_item_for_response(): from the
 * unserialized _wp_attachment_metadata (NULL or empty -> {}), each size gets
 * "mime-type" renamed "mime_type" (moved last) and a "source_url" next to
 * url (the attachment's URL, its file name replaced by the size's), plus a
 * "full" size for images; metadata without sizes gets "sizes": {}.
 * mime is post_mime_type, is_image wp_attachment_is_image(). A new object. */
json_t *media_details_from_meta(const json_t *meta, const char *url, const char *mime, int is_image);

int media_get_item(struct request *req, struct response *res);
int media_get_item_permission(struct request *req, struct response *res);

#endif
