/* links.h - the _links of a REST item as WP_REST_Response::add_link() and
 * WP_REST_Server::get_compact_response_links() produce them: attributes
 * first, then "href"; "self" with targetHints; "https://api.w.org/x" rels
 * written as "wp:x" with the "curies" entry last. */
#ifndef PRESSD_LINKS_H
#define PRESSD_LINKS_H

#include <jansson.h>

struct request;

/* A new {"href": rest_url + path} where path is printf-formatted, e.g.
 * links_rest(req, "wp/v2/users/%ld", id). */
json_t *links_rest(const struct request *req, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Sets link's "href" (rest_url + path) after the attributes already in it
 * and returns link: links_href(jset(jobj(), "embeddable", jbool(1)), req, ...). */
json_t *links_href(json_t *link, const struct request *req, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Appends link (stolen) to links[rel]. */
void links_add(json_t *links, const char *rel, json_t *link);

/* The self link of an item: {"href", "targetHints":{"allow":[...]}}. methods
 * are the enum rest_method bits the current user may use on it
 * (WP_REST_Server::get_target_hints_for_link()); none of them (not even
 * GET) leaves targetHints out, as WordPress does. */
json_t *links_self(const struct request *req, int methods, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Adds the "self" link of item id of the wp/v2 collection rest_base ("users",
 * methods as for links_self()) and the "collection" link: the two every
 * controller's prepare_links() starts with. */
void links_add_self_collection(json_t *links, const struct request *req, int methods,
			       const char *rest_base, long id);

/* Adds the "curies" entry when a "wp:" rel is present (last, as WordPress). */
void links_finish(json_t *links);

#endif
