/* pipeline.c - the_title, the_content and the excerpt filter chains of
 * WordPress 6.9 (see render.h and docs/rendering.md). */
#include <string.h>

#include "pressd/chars.h"
#include "pressd/err.h"
#include "pressd/render.h"
#include "pressd/texturize.h"

typedef int (*text_filter)(const char *in, struct buf *out);

/* Runs filter on t in place. */
static int apply(struct buf *t, text_filter f)
{
	struct buf nb = BUF_INIT;
	nb.max = t->max;
	int rc = f(buf_str(t), &nb);
	if (rc) {
		buf_free(&nb);
		return rc;
	}
	if (!nb.data)
		rc = buf_append(&nb, "", 0);
	buf_free(t);
	*t = nb;
	return rc;
}

static int dangit_title(const char *in, struct buf *out)
{
	return render_capital_P_dangit(in, 1, out);
}

/* PHP trim(): " \t\n\r\0\x0B" at both ends. */
static int php_trim(const char *in, struct buf *out)
{
	size_t n = strlen(in);
	while (n && strchr(" \t\n\r\v", in[n - 1]))
		n--;
	while (n && strchr(" \t\n\r\v", *in))
		in++, n--;
	return buf_append(out, in, n);
}

int render_title(struct render_ctx *ctx, const char *raw, int has_password, struct buf *out)
{
	/* REST sets protected_title_format and private_title_format to '%s': no
	 * "Protected: " / "Private: " prefix in title.rendered. */
	(void)ctx;
	(void)has_password;
	struct buf t = BUF_INIT;
	t.max = out->max;
	int rc = buf_puts(&t, raw);
	if (rc == PD_OK && t.len)
		rc = apply(&t, render_texturize);
	if (rc == PD_OK)
		rc = apply(&t, render_convert_chars);
	if (rc == PD_OK)
		rc = apply(&t, php_trim);
	if (rc == PD_OK)
		rc = apply(&t, dangit_title);
	if (rc == PD_OK)
		rc = buf_append(out, buf_str(&t), t.len);
	buf_free(&t);
	return rc;
}
