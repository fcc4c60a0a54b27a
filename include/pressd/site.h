/* site.h - the site's configuration, read from wp_options once at start
 * (and on SIGHUP), shared read-only by all worker threads. */
#ifndef PRESSD_SITE_H
#define PRESSD_SITE_H

#include "pressd/store.h"

struct site {
	char *home;               /* option home, no trailing slash: "http://127.0.0.1:8080" */
	char *siteurl;            /* option siteurl, no trailing slash */
	char *rest_url;           /* home + "/wp-json/" */
	char *blogname;           /* raw option value */
	char *blogdescription;
	char *timezone_string;    /* "" when the site uses a fixed gmt_offset */
	double gmt_offset;        /* hours, used when timezone_string is "" */
	char *permalink_structure;/* "" for plain ?p= links */
	char *category_base;      /* "" means "category" */
	char *tag_base;           /* "" means "tag" */
	char *date_format, *time_format;
	char *show_on_front;      /* "posts" or "page" */
	long page_on_front, page_for_posts;
	long posts_per_page;
	long default_category;
	int use_smilies;
	char *uploads_url;        /* base URL of uploads: siteurl + "/wp-content/uploads" */
};

/* Reads the options into a new struct site (caller frees with site_free).
 * site_url, if not NULL, overrides home and siteurl (the --site-url option). */
int site_load(struct store *st, const char *site_url, struct site **out);
void site_free(struct site *s);

/* Makes the process use the site's time zone for local time conversions
 * (sets TZ; call once at start, before worker threads exist). */
void site_apply_timezone(const struct site *s);

#endif
