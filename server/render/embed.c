/* embed.c - WP_Embed::autoembed() without network access (see embed.h).
 * Not here: cached oEmbed HTML from post meta (its keys depend on the
 * theme's content width, which never matches the imported caches). */
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include "pressd/autop.h"
#include "pressd/embed.h"
#include "pressd/err.h"
#include "pressd/format.h"
#include "pressd/query.h"
#include "re.h"

static struct re own_line = { "^(\\s*)(https?://[^\\s<>\"]+)(\\s*)$", PCRE2_CASELESS | PCRE2_MULTILINE, NULL };
static struct re own_para = { "(<p(?: [^>]*)?>\\s*)(https?://[^\\s<>\"]+)(\\s*<\\/p>)", PCRE2_CASELESS, NULL };
static struct re any_url = { "(^|\\s|>)https?://", PCRE2_CASELESS, NULL };
static struct re youtube = { "https?://(www.)?youtube\\.com/(?:v|embed)/([^/]+)", PCRE2_CASELESS, NULL };
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int compiled = PD_EINVAL;

static void compile(void)
{
	struct re *all[] = { &own_line, &own_para, &any_url, &youtube };
	compiled = PD_OK;
	for (size_t i = 0; i < 4 && !compiled; i++)
		compiled = re_compile_all(all[i], 1);
}

static int ends_with_ext(const char *url, size_t n, const char *const *exts)
{
	for (size_t i = 0; exts[i]; i++) {
		size_t e = strlen(exts[i]);
		if (n > e + 1 && url[n - e - 1] == '.' && !strncasecmp(url + n - e, exts[i], e))
			return 1;
	}
	return 0;
}

/* autoembed_callback(): $1 . WP_Embed::shortcode( array(), $2 ) . $3 */
static int embed_cb(void *ud, const char *s, const size_t *ov, int nov, struct buf *out)
{
	static const char *const audio[] = { "mp3", "ogg", "flac", "m4a", "wav", NULL };
	static const char *const video[] = { "mp4", "m4v", "webm", "ogv", "flv", NULL };
	(void)ud;
	(void)nov;
	struct buf url = BUF_INIT;
	int rc = buf_append(out, s + ov[2], ov[3] - ov[2]);
	if (!rc)
		rc = buf_append(&url, s + ov[4], ov[5] - ov[4]);
	/* KSES turned & into &amp;: WP_Embed undoes it */
	if (!rc)
		rc = str_replace_buf(&url, "&amp;", "&", NULL);
	const char *u = buf_str(&url);
	size_t yov[6];
	if (rc) {
		/* nothing */
	} else if (ends_with_ext(u, url.len, video)) {
		rc = buf_append(out, s + ov[4], ov[5] - ov[4]);
	} else if (ends_with_ext(u, url.len, audio) && strstr(u, "://") && strchr(strstr(u, "://") + 3, '.')) {
		/* wp_embed_handler_audio() */
		buf_puts(out, "[audio src=\"");
		format_esc_url(u, out);
		rc = buf_puts(out, "\" /]");
	} else if (re_match(&youtube, u, url.len, 0, yov, 3) == 1) {
		/* wp_embed_handler_youtube(): autoembed of the watch URL, itself unknown */
		buf_puts(out, "https://youtube.com/watch?v=");
		rc = url_encode_n(u + yov[4], yov[5] - yov[4], out);
	} else {
		/* the oEmbed fetch fails: maybe_make_link() without linkifunknown */
		rc = buf_append(out, url.data, url.len);
	}
	if (!rc)
		rc = buf_append(out, s + ov[6], ov[7] - ov[6]);
	buf_free(&url);
	return rc;
}

int render_autoembed(struct render_ctx *ctx, const char *in, struct buf *out)
{
	struct buf t = BUF_INIT;
	size_t ov[2];
	(void)ctx;
	pthread_once(&once, compile);
	if (compiled)
		return compiled;
	/* line breaks inside HTML tags are placeholders meanwhile */
	int rc = render_replace_in_html_tags(in, "\n", "<!-- wp-line-break -->", &t);
	if (!rc && !t.data)
		rc = buf_append(&t, "", 0);
	if (!rc && re_match(&any_url, buf_str(&t), t.len, 0, ov, 1) == 1) {
		rc = re_replace_cb_buf(&own_line, &t, embed_cb, NULL, NULL);
		if (!rc)
			rc = re_replace_cb_buf(&own_para, &t, embed_cb, NULL, NULL);
	}
	if (!rc)
		rc = str_replace_buf(&t, "<!-- wp-line-break -->", "\n", NULL);
	if (!rc)
		rc = buf_append(out, buf_str(&t), t.len);
	buf_free(&t);
	return rc;
}
