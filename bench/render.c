/* bench/render.c - micro-benchmark of the rendering pipeline: renders the
 * title, content and excerpt of every item of a WXR file N times and prints
 * MB/s of raw input per call kind and overall (the excerpt's input is the
 * content when the explicit excerpt is blank, as it is then generated from it).
 * Attachments come from the file's own attachment items; nothing touches SQLite
 * or the network. Usage: bench-render [FILE.xml] [N] (make bench-render). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pressd/buf.h"
#include "pressd/err.h"
#include "pressd/render.h"
#include "pressd/wxr.h"

static const char *meta(const struct wxr_item *it, const char *key)
{
	for (size_t i = 0; i < it->nmeta; i++)
		if (strcmp(it->meta[i].key, key) == 0)
			return it->meta[i].value;
	return NULL;
}

/* WXR has no post_mime_type; WordPress's importer takes it from the file name. */
static const char *mime_of(const char *url)
{
	const char *dot = strrchr(url, '.');
	if (!dot)
		return "application/octet-stream";
	if (!strcasecmp(dot, ".jpg") || !strcasecmp(dot, ".jpeg"))
		return "image/jpeg";
	if (!strcasecmp(dot, ".png"))
		return "image/png";
	if (!strcasecmp(dot, ".gif"))
		return "image/gif";
	return "application/octet-stream";
}

static const struct wxr_item *find_attachment(const struct wxr *w, long id)
{
	for (size_t i = 0; i < w->nitems; i++)
		if (w->items[i].post_id == id && strcmp(w->items[i].post_type, "attachment") == 0)
			return &w->items[i];
	return NULL;
}

static int attachment(void *ud, long id, struct render_attachment *out)
{
	const struct wxr_item *it = find_attachment(ud, id);
	if (!it)
		return PD_ENOTFOUND;
	const char *file = meta(it, "_wp_attached_file"), *alt = meta(it, "_wp_attachment_image_alt");
	*out = (struct render_attachment){
		.id = id, .parent = it->post_parent, .mime = mime_of(it->attachment_url),
		.guid = it->guid, .file = file ? file : "", .metadata = meta(it, "_wp_attachment_metadata"),
		.alt = alt ? alt : "", .title = it->title, .caption = it->excerpt, .content = it->content,
	};
	return PD_OK;
}

static int attachment_children(void *ud, long parent, const char *mime_prefix, long *ids,
			       size_t max, size_t *n)
{
	const struct wxr *w = ud;
	*n = 0;
	for (size_t i = 0; i < w->nitems && *n < max; i++) {
		const struct wxr_item *it = &w->items[i];
		if (it->post_parent == parent && strcmp(it->post_type, "attachment") == 0 &&
		    strncmp(mime_of(it->attachment_url), mime_prefix, strlen(mime_prefix)) == 0)
			ids[(*n)++] = it->post_id;
	}
	return PD_OK;
}

static int permalink(void *ud, long id, struct buf *out)
{
	(void)ud;
	return buf_printf(out, "http://example.org/?p=%ld", id);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

enum { K_TITLE, K_CONTENT, K_EXCERPT, K_COUNT };

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "../shared/data/themeunittestdata.wordpress.xml";
	int n = argc > 2 ? atoi(argv[2]) : 20;
	struct wxr *w;
	char *err = NULL;
	int rc = wxr_parse_file(path, &w, &err);
	if (rc) {
		fprintf(stderr, "bench-render: %s: %s\n", path, err ? err : pd_strerror(rc));
		free(err);
		return 1;
	}
	struct render_source src = { .ud = w, .attachment = attachment,
				     .attachment_children = attachment_children, .permalink = permalink };
	double secs[K_COUNT] = { 0 };
	size_t bytes[K_COUNT] = { 0 }, items = 0;
	struct buf out = BUF_INIT;

	for (int round = 0; round < n; round++) {
		/* one REST request per item: fresh per-request counters */
		for (size_t i = 0; i < w->nitems; i++) {
			const struct wxr_item *it = &w->items[i];
			struct render_ctx ctx = {
				.home_url = "http://example.org", .site_url = "http://example.org",
				.uploads_url = "http://example.org/wp-content/uploads", .src = &src,
				.post_id = it->post_id, .post_type = it->post_type, .use_smilies = 1,
			};
			double t0 = now();
			rc = render_title(&ctx, it->title, it->post_password[0] != '\0', &out);
			double t1 = now();
			if (rc == PD_OK)
				rc = render_content(&ctx, it->content, &out);
			double t2 = now();
			if (rc == PD_OK)
				rc = render_excerpt(&ctx, it->excerpt, it->content, &out);
			double t3 = now();
			buf_free(&out);
			if (rc) {
				fprintf(stderr, "bench-render: item %ld: %s\n", it->post_id, pd_strerror(rc));
				wxr_free(w);
				return 1;
			}
			secs[K_TITLE] += t1 - t0;
			secs[K_CONTENT] += t2 - t1;
			secs[K_EXCERPT] += t3 - t2;
			bytes[K_TITLE] += strlen(it->title);
			bytes[K_CONTENT] += strlen(it->content);
			/* a blank excerpt is generated from the content */
			bytes[K_EXCERPT] += strlen(it->excerpt[strspn(it->excerpt, " \t\n\r\v")] ? it->excerpt : it->content);
			items += round == 0;
		}
	}
	static const char *const names[K_COUNT] = { "title", "content", "excerpt" };
	double total_s = 0, total_b = 0;
	printf("%s: %zu items x %d rounds\n", path, items, n);
	printf("%-8s %12s %10s %10s\n", "render", "input MB", "seconds", "MB/s");
	for (int k = 0; k < K_COUNT; k++) {
		printf("%-8s %12.2f %10.3f %10.1f\n", names[k], bytes[k] / 1e6, secs[k],
		       secs[k] > 0 ? bytes[k] / 1e6 / secs[k] : 0);
		total_s += secs[k];
		total_b += (double)bytes[k];
	}
	printf("%-8s %12.2f %10.3f %10.1f\n", "all", total_b / 1e6, total_s, total_b / 1e6 / total_s);
	wxr_free(w);
	return 0;
}
