/* discovery.c - the API index documents: GET /wp-json/ and GET /wp-json/wp/v2
 * (WP_REST_Server::get_index() and get_namespace_index()), listing only the
 * routes pressd serves. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "pressd/discovery.h"
#include "pressd/err.h"
#include "pressd/json.h"
#include "pressd/routes.h"
#include "pressd/site.h"
#include "pressd/wpdate.h"

/* One route's entry: its document without the item schema, plus a self link
 * for routes without parameters. */
static json_t *route_entry(const struct request *req, const char *pattern)
{
	const json_t *doc = routes_doc(pattern);
	json_t *e = jobj();
	const char *k;
	json_t *v;
	json_object_foreach((json_t *)doc, k, v) {
		if (strcmp(k, "schema") != 0)
			jset(e, k, json_deep_copy(v));
	}
	if (!strchr(pattern, '(')) {
		char href[1024];
		snprintf(href, sizeof href, "%s%s", req->site->rest_url, pattern + 1);
		jset(e, "_links", jset(jobj(), "self", jpush(jarr(), jset(jobj(), "href", jstr(href)))));
	}
	return e;
}

/* Routes of namespace ns ("" for all), in registration order. */
static json_t *routes_of(const struct request *req, const char *ns)
{
	json_t *routes = jobj();
	size_t nl = strlen(ns);
	for (int i = 0; i < rest_nroutes; i++) {
		const char *p = rest_routes[i].pattern;
		if (!routes_doc(p))
			continue;
		if (nl && !(strncmp(p + 1, ns, nl) == 0 && (p[nl + 1] == '/' || p[nl + 1] == '\0')))
			continue;
		jset(routes, p, route_entry(req, p));
	}
	return routes;
}

/* gmt_offset as WordPress reports it: the zone's current offset in hours,
 * an integer when whole (wp_timezone_override_offset()). */
static json_t *gmt_offset(const struct site *s)
{
	double hours = s->timezone_string[0] ? wpdate_offset_at(time(NULL)) / 3600.0 : s->gmt_offset;
	if (hours == floor(hours))
		return jint((long long)hours);
	return json_real(hours);
}

int discovery_index(struct request *req, struct response *res)
{
	const struct site *s = req->site;
	const json_t *idx = routes_index_doc();
	json_t *d = jobj();
	char auth[1024];
	jset(d, "name", jstr(s->blogname));
	jset(d, "description", jstr(s->blogdescription));
	jset(d, "url", jstr(s->siteurl));
	jset(d, "home", jstr(s->home));
	jset(d, "gmt_offset", gmt_offset(s));
	jset(d, "timezone_string", jstr(s->timezone_string));
	jset(d, "page_for_posts", jint(s->page_for_posts));
	jset(d, "page_on_front", jint(s->page_on_front));
	jset(d, "show_on_front", jstr(s->show_on_front));
	jset(d, "namespaces", jpush(jarr(), jstr("wp/v2")));
	snprintf(auth, sizeof auth, "%s/wp-admin/authorize-application.php", s->siteurl);
	jset(d, "authentication",
	     jset(jobj(), "application-passwords",
		  jset(jobj(), "endpoints", jset(jobj(), "authorization", jstr(auth)))));
	jset(d, "routes", routes_of(req, ""));
	jset(d, "site_logo", jint(0));
	jset(d, "site_icon", jint(0));
	jset(d, "site_icon_url", jstr(""));
	jset(d, "_links", json_deep_copy(json_object_get(idx, "_links")));
	res->body = d;
	return PD_OK;
}

int discovery_namespace(struct request *req, struct response *res)
{
	json_t *d = jobj();
	char up[1024];
	jset(d, "namespace", jstr("wp/v2"));
	jset(d, "routes", routes_of(req, "wp/v2"));
	snprintf(up, sizeof up, "%s", req->site->rest_url);
	jset(d, "_links", jset(jobj(), "up", jpush(jarr(), jset(jobj(), "href", jstr(up)))));
	res->body = d;
	return PD_OK;
}
