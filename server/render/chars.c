/* chars.c - convert_chars() and capital_P_dangit() of WordPress 6.9. The old
 * <title>/<category> stripping of convert_chars() no longer exists upstream. */
#include <pthread.h>
#include <string.h>

#include "pressd/chars.h"
#include "pressd/err.h"
#include "re.h"

static struct re rx_amp = { "&([^#])(?![a-z1-4]{1,8};)", PCRE2_CASELESS, NULL };
static pthread_once_t rx_once = PTHREAD_ONCE_INIT;
static int rx_status;

static void rx_init(void)
{
	rx_status = re_compile_all(&rx_amp, 1);
}

int render_convert_chars(const char *in, struct buf *out)
{
	if (!strchr(in, '&'))
		return buf_puts(out, in);
	pthread_once(&rx_once, rx_init);
	if (rx_status)
		return rx_status;
	size_t len0 = out->len;
	int rc = re_replace(&rx_amp, in, strlen(in), "&#038;$1", out, NULL);
	if (rc) {
		out->len = len0;
		if (out->data)
			out->data[len0] = '\0';
	}
	return rc;
}

int render_capital_P_dangit(const char *in, int title_mode, struct buf *out)
{
	static const char *const from[] = { " Wordpress", "&#8216;Wordpress", "&#8220;Wordpress",
					     ">Wordpress", "(Wordpress" };
	static const char *const to[] = { " WordPress", "&#8216;WordPress", "&#8220;WordPress",
					   ">WordPress", "(WordPress" };
	struct buf t = BUF_INIT;
	t.max = out->max;
	int rc = buf_puts(&t, in);
	if (title_mode) {
		if (rc == PD_OK)
			rc = str_replace_buf(&t, "Wordpress", "WordPress", NULL);
	} else {
		for (size_t i = 0; i < sizeof from / sizeof *from && rc == PD_OK; i++)
			rc = str_replace_buf(&t, from[i], to[i], NULL);
	}
	if (rc == PD_OK)
		rc = buf_append(out, buf_str(&t), t.len);
	buf_free(&t);
	return rc;
}
