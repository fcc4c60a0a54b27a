/* site.c - site configuration from wp_options. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pressd/err.h"
#include "pressd/site.h"
#include "pressd/wpdate.h"

static char *opt(struct store *st, const char *name, const char *fallback)
{
	char *v = store_option_get(st, name);
	if (!v)
		v = strdup(fallback);
	return v;
}

static void strip_trailing_slash(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == '/')
		s[--n] = '\0';
}

int site_load(struct store *st, const char *site_url, struct site **out)
{
	struct site *s = calloc(1, sizeof *s);
	if (!s)
		return PD_ENOMEM;
	s->home = site_url ? strdup(site_url) : opt(st, "home", "http://127.0.0.1:8080");
	s->siteurl = site_url ? strdup(site_url) : opt(st, "siteurl", s->home);
	strip_trailing_slash(s->home);
	strip_trailing_slash(s->siteurl);
	if (asprintf(&s->rest_url, "%s/wp-json/", s->home) < 0)
		s->rest_url = NULL;
	if (asprintf(&s->uploads_url, "%s/wp-content/uploads", s->siteurl) < 0)
		s->uploads_url = NULL;
	s->blogname = opt(st, "blogname", "pressd");
	s->blogdescription = opt(st, "blogdescription", "");
	s->timezone_string = opt(st, "timezone_string", "");
	char *off = opt(st, "gmt_offset", "0");
	s->gmt_offset = atof(off);
	free(off);
	s->permalink_structure = opt(st, "permalink_structure", "");
	s->category_base = opt(st, "category_base", "");
	s->tag_base = opt(st, "tag_base", "");
	s->date_format = opt(st, "date_format", "F j, Y");
	s->time_format = opt(st, "time_format", "g:i a");
	s->show_on_front = opt(st, "show_on_front", "posts");
	s->page_on_front = store_option_get_long(st, "page_on_front", 0);
	s->page_for_posts = store_option_get_long(st, "page_for_posts", 0);
	s->posts_per_page = store_option_get_long(st, "posts_per_page", 10);
	s->default_category = store_option_get_long(st, "default_category", 1);
	s->use_smilies = (int)store_option_get_long(st, "use_smilies", 1);
	if (!s->home || !s->siteurl || !s->rest_url || !s->uploads_url || !s->blogname ||
	    !s->blogdescription || !s->timezone_string || !s->permalink_structure ||
	    !s->category_base || !s->tag_base || !s->date_format || !s->time_format ||
	    !s->show_on_front) {
		site_free(s);
		return PD_ENOMEM;
	}
	*out = s;
	return PD_OK;
}

void site_free(struct site *s)
{
	if (!s)
		return;
	free(s->home); free(s->siteurl); free(s->rest_url); free(s->uploads_url);
	free(s->blogname); free(s->blogdescription); free(s->timezone_string);
	free(s->permalink_structure); free(s->category_base); free(s->tag_base);
	free(s->date_format); free(s->time_format); free(s->show_on_front);
	free(s);
}

void site_apply_timezone(const struct site *s)
{
	wpdate_set_zone(s->timezone_string, s->gmt_offset);
}
