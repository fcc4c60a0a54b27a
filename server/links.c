/* links.c - building the _links object of REST items (see links.h). It
 * knows link shapes only; which links an item has is its controller's call. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/json.h"
#include "pressd/links.h"
#include "pressd/rest.h"
#include "pressd/site.h"

static json_t *href_v(json_t *link, const struct request *req, const char *fmt, va_list ap)
{
	char *path = NULL, *url = NULL;
	if (vasprintf(&path, fmt, ap) < 0)
		path = NULL;
	if (path && asprintf(&url, "%s%s", req->site->rest_url, path) < 0)
		url = NULL;
	jset(link, "href", jstr(url ? url : ""));
	free(path);
	free(url);
	return link;
}

json_t *links_rest(const struct request *req, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	json_t *link = href_v(jobj(), req, fmt, ap);
	va_end(ap);
	return link;
}

json_t *links_href(json_t *link, const struct request *req, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	href_v(link, req, fmt, ap);
	va_end(ap);
	return link;
}

void links_add(json_t *links, const char *rel, json_t *link)
{
	json_t *list = json_object_get(links, rel);
	if (!list) {
		list = jarr();
		jset(links, rel, list);
	}
	jpush(list, link);
}

json_t *links_self(const struct request *req, int methods, const char *fmt, ...)
{
	static const struct { int bit; const char *name; } order[] = {
		{ M_GET, "GET" }, { M_POST, "POST" }, { M_PUT, "PUT" },
		{ M_PATCH, "PATCH" }, { M_DELETE, "DELETE" },
	};
	va_list ap;
	va_start(ap, fmt);
	json_t *link = href_v(jobj(), req, fmt, ap);
	va_end(ap);
	if (!methods)
		return link; /* no Allow header, no targetHints */
	json_t *allow = jarr();
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		if (methods & order[i].bit)
			jpush(allow, jstr(order[i].name));
	jset(link, "targetHints", jset(jobj(), "allow", allow));
	return link;
}

void links_add_self_collection(json_t *links, const struct request *req, int methods,
			       const char *rest_base, long id)
{
	links_add(links, "self", links_self(req, methods, "wp/v2/%s/%ld", rest_base, id));
	links_add(links, "collection", links_rest(req, "wp/v2/%s", rest_base));
}

void links_finish(json_t *links)
{
	const char *rel;
	json_t *v;
	json_object_foreach(links, rel, v) {
		if (strncmp(rel, "wp:", 3) == 0) {
			json_t *c = jobj();
			jset(c, "name", jstr("wp"));
			jset(c, "href", jstr("https://api.w.org/{rel}"));
			jset(c, "templated", jbool(1));
			jset(links, "curies", jpush(jarr(), c));
			return;
		}
	}
}
