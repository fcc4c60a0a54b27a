/* blocks_lists.c - the dynamic blocks that list site content: archives
 * (wp_get_archives()) and calendar (get_calendar()), as WordPress 6.9.4
 * renders them in a REST request (no archive is being viewed, so nothing is
 * "selected"). Data through ctx->src; without it they render what
 * WordPress renders for an empty site. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "pressd/err.h"
#include "pressd/format.h"
#include "pressd/php.h"
#include "pressd/phpser.h"
#include "pressd/render.h"
#include "pressd/wpdate.h"
#include "block_tree.h"

static const char *const MONTHS[] = { "January", "February", "March", "April", "May", "June", "July",
				      "August", "September", "October", "November", "December" };

static const char SUP_ARCHIVES[] =
	"{\"align\":true,\"__experimentalBorder\":{\"radius\":true,\"color\":true,\"width\":true,\"style\":true},"
	"\"spacing\":{\"margin\":true,\"padding\":true},\"typography\":{\"fontSize\":true,\"lineHeight\":true,"
	"\"__experimentalFontFamily\":true,\"__experimentalFontWeight\":true,\"__experimentalFontStyle\":true,"
	"\"__experimentalTextTransform\":true,\"__experimentalTextDecoration\":true,\"__experimentalLetterSpacing\":true},"
	"\"color\":{\"gradients\":true,\"link\":true}}";

static const char *option(struct block_render *r, const char *name, const char *dflt)
{
	const struct render_source *s = r->ctx->src;
	const char *v = s && s->option ? s->option(s->ud, name) : NULL;
	return v ? v : dflt;
}

/* Days since 1970-01-01 of a civil date. */
static long days_from_civil(int y, int m, int d)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d };
	return (long)(timegm(&tm) / 86400);
}

/* MySQL WEEK( date, 1 ): weeks start on Monday, week 1 is the first with
 * four or more days in the year, 0 before it. */
static int mysql_week1(int y, int m, int d)
{
	long day = days_from_civil(y, m, d), jan1 = days_from_civil(y, 1, 1);
	int j1 = (int)((jan1 + 3) % 7); /* 1970-01-01 was a Thursday: Monday = 0 */
	int yday = (int)(day - jan1);
	return j1 <= 3 ? (yday + j1) / 7 + 1 : (yday + j1) / 7;
}

/* One archive entry as wp_get_archives() groups published posts. */
struct arc {
	int y, m, d, w;
	long count;
};

/* Groups the newest-first dates by type ("monthly", "yearly", "daily",
 * "weekly"); *n entries written to out (max cap). */
static size_t group_dates(const char *dates, const char *type, struct arc *out, size_t cap)
{
	size_t n = 0;
	for (const char *p = dates; *p && n <= cap;) {
		int y, m, d;
		if (sscanf(p, "%d-%d-%d", &y, &m, &d) != 3)
			break;
		struct arc a = { y, 0, 0, 0, 1 };
		if (!strcmp(type, "monthly") || !strcmp(type, "daily"))
			a.m = m;
		if (!strcmp(type, "daily"))
			a.d = d;
		if (!strcmp(type, "weekly")) {
			a.w = mysql_week1(y, m, d);
			a.m = m;
			a.d = d;
		}
		if (n && out[n - 1].y == a.y && (!strcmp(type, "weekly") ? out[n - 1].w == a.w :
						 out[n - 1].m == a.m && out[n - 1].d == a.d))
			out[n - 1].count++;
		else if (n < cap)
			out[n++] = a;
		else
			break;
		p = strchr(p, '\n');
		if (!p)
			break;
		p++;
	}
	return n;
}

/* get_archives_link() for format html or option. */
static void archives_link(const char *url, const char *text, int option_format, const char *after,
			  struct buf *out)
{
	struct buf u = BUF_INIT;
	format_esc_url(url, &u);
	if (option_format)
		buf_printf(out, "\t<option value='%s'> %s %s</option>\n", buf_str(&u), text, after);
	else
		buf_printf(out, "\t<li><a href='%s'>%s</a>%s</li>\n", buf_str(&u), text, after);
	buf_free(&u);
}

/* wp_get_archives( type, format, show_post_count ) for posts. */
static int get_archives(struct block_render *r, const char *type, int option_format, int counts, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	struct buf dates = BUF_INIT;
	struct arc *arcs = NULL;
	int rc = PD_OK;
	if (!s || !s->published_dates)
		return PD_OK;
	if ((rc = s->published_dates(s->ud, "post", &dates)))
		goto out;
	arcs = calloc(4096, sizeof *arcs);
	if (!arcs) {
		rc = PD_ENOMEM;
		goto out;
	}
	size_t n = group_dates(buf_str(&dates), type, arcs, 4096);
	const char *home = r->ctx->home_url;
	const char *date_format = option(r, "date_format", "F j, Y");
	for (size_t i = 0; i < n && !rc; i++) {
		struct buf url = BUF_INIT, text = BUF_INIT, after = BUF_INIT;
		const struct arc *a = &arcs[i];
		char local[32];
		if (counts)
			buf_printf(&after, "&nbsp;(%ld)", a->count);
		if (!strcmp(type, "yearly")) {
			buf_printf(&url, "%s/%d/", home, a->y);
			buf_printf(&text, "%d", a->y);
		} else if (!strcmp(type, "daily")) {
			buf_printf(&url, "%s/%d/%02d/%02d/", home, a->y, a->m, a->d);
			snprintf(local, sizeof local, "%04d-%02d-%02d 00:00:00", a->y, a->m, a->d);
			php_date(date_format, local, 0, &text);
		} else if (!strcmp(type, "weekly")) {
			/* get_weekstartend( yyyymmdd, start_of_week 1 ) */
			long day = days_from_civil(a->y, a->m, a->d);
			int wd = (int)((day + 4) % 7); /* Sunday = 0 */
			if (wd < 1)
				wd += 7;
			time_t start = (time_t)(day - (wd - 1)) * 86400, end = start + 7 * 86400 - 1;
			struct tm tm;
			gmtime_r(&start, &tm);
			strftime(local, sizeof local, "%Y-%m-%d %H:%M:%S", &tm);
			php_date(date_format, local, 0, &text);
			buf_puts(&text, "&#8211;");
			gmtime_r(&end, &tm);
			strftime(local, sizeof local, "%Y-%m-%d %H:%M:%S", &tm);
			php_date(date_format, local, 0, &text);
			buf_printf(&url, "%s/?m=%d&w=%d", home, a->y, a->w);
		} else {
			buf_printf(&url, "%s/%d/%02d/", home, a->y, a->m);
			buf_printf(&text, "%s %d", MONTHS[a->m - 1], a->y);
		}
		archives_link(buf_str(&url), buf_str(&text), option_format, buf_str(&after), out);
		buf_free(&url);
		buf_free(&text);
		buf_free(&after);
	}
out:
	free(arcs);
	buf_free(&dates);
	return rc;
}

/* render_block_core_archives() */
static int archives(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	(void)in;
	int counts = block_attr_bool(b, "showPostCounts", 0);
	const char *type = block_attr_str(b, "type", "monthly");
	struct buf w = BUF_INIT, list = BUF_INIT;
	int rc;
	if (block_attr_bool(b, "displayAsDropdown", 0)) {
		int id = ++r->ctx->counters[RENDER_COUNTER_UNIQUE_ID];
		const char *label = !strcmp(type, "yearly") ? "Select Year" : !strcmp(type, "monthly") ? "Select Month" :
				    !strcmp(type, "daily") ? "Select Day" : !strcmp(type, "weekly") ? "Select Week" :
				    "Select Post";
		rc = get_archives(r, type, 1, counts, &list);
		if (!rc)
			rc = block_wrapper_attrs(b, SUP_ARCHIVES, "wp-block-archives-dropdown", NULL, &w);
		buf_printf(out, "<div %s><label for=\"wp-block-archives-%d\" class=\"wp-block-archives__label%s\">Archives</label>\n"
				"\t\t<select id=\"wp-block-archives-%d\" name=\"archive-dropdown\">\n"
				"\t\t<option value=\"\">%s</option>%s</select>",
			   buf_str(&w), id, block_attr_bool(b, "showLabel", 1) ? "" : " screen-reader-text", id, label,
			   buf_str(&list));
		/* block_core_archives_build_dropdown_script() */
		buf_puts(out, "<script>\n( ( [ dropdownId, homeUrl ] ) => {\n"
			      "\t\tconst dropdown = document.getElementById( dropdownId );\n"
			      "\t\tfunction onSelectChange() {\n"
			      "\t\t\tsetTimeout( () => {\n"
			      "\t\t\t\tif ( 'escape' === dropdown.dataset.lastkey ) {\n"
			      "\t\t\t\t\treturn;\n"
			      "\t\t\t\t}\n"
			      "\t\t\t\tif ( dropdown.value ) {\n"
			      "\t\t\t\t\tlocation.href = dropdown.value;\n"
			      "\t\t\t\t}\n"
			      "\t\t\t}, 250 );\n"
			      "\t\t}\n"
			      "\t\tfunction onKeyUp( event ) {\n"
			      "\t\t\tif ( 'Escape' === event.key ) {\n"
			      "\t\t\t\tdropdown.dataset.lastkey = 'escape';\n"
			      "\t\t\t} else {\n"
			      "\t\t\t\tdelete dropdown.dataset.lastkey;\n"
			      "\t\t\t}\n"
			      "\t\t}\n"
			      "\t\tfunction onClick() {\n"
			      "\t\t\tdelete dropdown.dataset.lastkey;\n"
			      "\t\t}\n"
			      "\t\tdropdown.addEventListener( 'keyup', onKeyUp );\n"
			      "\t\tdropdown.addEventListener( 'click', onClick );\n"
			      "\t\tdropdown.addEventListener( 'change', onSelectChange );\n"
			      "\t} )( [\"wp-block-archives-");
		rc = buf_printf(out, "%d\",\"%s\"] );\n//# sourceURL=block_core_archives_build_dropdown_script\n</script>\n</div>",
				id, r->ctx->home_url);
	} else {
		rc = get_archives(r, type, 0, counts, &list);
		if (!rc)
			rc = block_wrapper_attrs(b, SUP_ARCHIVES, "wp-block-archives-list", NULL, &w);
		if (!rc && !list.len)
			rc = buf_printf(out, "<div %s>No archives to show.</div>", buf_str(&w));
		else if (!rc)
			rc = buf_printf(out, "<ul %s>%s</ul>", buf_str(&w), buf_str(&list));
	}
	buf_free(&w);
	buf_free(&list);
	return rc;
}

static const char SUP_CALENDAR[] =
	"{\"align\":true,\"color\":{\"link\":true,\"__experimentalSkipSerialization\":[\"text\",\"background\"]},"
	"\"typography\":{\"fontSize\":true,\"lineHeight\":true,\"__experimentalFontFamily\":true,"
	"\"__experimentalFontWeight\":true,\"__experimentalFontStyle\":true,\"__experimentalTextTransform\":true,"
	"\"__experimentalLetterSpacing\":true}}";

static const char *const WEEKDAYS[] = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" };

/* The color classes/CSS of text and background (the calendar's table gets them). */
static void calendar_colors(const struct block *b, struct buf *cls, struct buf *css)
{
	static const char *const keys[][4] = {
		{ "textColor", "text", "has-text-color", "has-%s-color" },
		{ "backgroundColor", "background", "has-background", "has-%s-background-color" },
	};
	const json_t *sc = json_object_get(json_object_get(b->attrs, "style"), "color");
	for (int i = 0; i < 2; i++) {
		const char *preset = block_attr_str(b, keys[i][0], NULL);
		const char *custom = json_string_value(json_object_get(sc, keys[i][1]));
		if (!preset && !custom)
			continue;
		buf_printf(cls, "%s%s", cls->len ? " " : "", keys[i][2]);
		if (preset) {
			buf_putc(cls, ' ');
			buf_printf(cls, keys[i][3], preset);
		} else {
			buf_printf(css, "%s:%s;", i ? "background-color" : "color", custom);
		}
	}
}

/* get_calendar( initial, false ) for posts. */
static int get_calendar(struct block_render *r, int year, int month, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	struct buf dates = BUF_INIT;
	if (!s || !s->published_dates)
		return PD_OK;
	int rc = s->published_dates(s->ud, "post", &dates);
	if (rc || !dates.len) {
		buf_free(&dates);
		return rc;
	}
	int week_begins = atoi(option(r, "start_of_week", "1"));
	struct tm today;
	render_today(r->ctx, &today);
	if (!year || !month) {
		year = today.tm_year + 1900;
		month = today.tm_mon + 1;
	}
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int last = mdays[month - 1] + (month == 2 && ((year % 4 == 0 && year % 100) || year % 400 == 0));
	/* previous: newest post before the month; next: oldest after it; days with posts */
	int prev_y = 0, prev_m = 0, next_y = 0, next_m = 0;
	char has_post[32] = { 0 };
	char first[32], after[48];
	snprintf(first, sizeof first, "%04d-%02d-01", year, month);
	snprintf(after, sizeof after, "%04d-%02d-%02d 23:59:59", year, month, last);
	for (const char *p = buf_str(&dates); *p;) {
		int y, m, d;
		if (sscanf(p, "%d-%d-%d", &y, &m, &d) != 3)
			break;
		if (strncmp(p, after, 19) > 0) {
			next_y = y, next_m = m; /* newest first: the last one seen is the oldest */
		} else if (strncmp(p, first, 10) < 0) {
			if (!prev_y)
				prev_y = y, prev_m = m;
		} else if (d >= 1 && d <= 31) {
			has_post[d] = 1;
		}
		p = strchr(p, '\n');
		if (!p)
			break;
		p++;
	}
	buf_free(&dates);
	buf_printf(out, "<table id=\"wp-calendar\" class=\"wp-calendar-table\">\n\t<caption>%s %d</caption>\n\t<thead>\n\t<tr>",
		   MONTHS[month - 1], year);
	for (int i = 0; i <= 6; i++) {
		const char *wd = WEEKDAYS[(i + week_begins) % 7];
		buf_printf(out, "\n\t\t<th scope=\"col\" aria-label=\"%s\">%c</th>", wd, wd[0]);
	}
	buf_puts(out, "\n\t</tr>\n\t</thead>\n\t<tbody>\n\t<tr>");
	long d1 = days_from_civil(year, month, 1);
	int wd1 = (int)((d1 + 4) % 7); /* Sunday = 0 */
	int pad = ((wd1 - week_begins) % 7 + 7) % 7;
	if (pad > 0)
		buf_printf(out, "\n\t\t<td colspan=\"%d\" class=\"pad\">&nbsp;</td>", pad);
	int newrow = 0, day;
	for (day = 1; day <= last; day++) {
		if (newrow)
			buf_puts(out, "\n\t</tr>\n\t<tr>\n\t\t");
		newrow = 0;
		if (today.tm_mday == day && today.tm_mon + 1 == month && today.tm_year + 1900 == year)
			buf_puts(out, "<td id=\"today\">");
		else
			buf_puts(out, "<td>");
		if (has_post[day])
			buf_printf(out, "<a href=\"%s/%d/%02d/%02d/\" aria-label=\"Posts published on %s %d, %d\">%d</a>",
				   r->ctx->home_url, year, month, day, MONTHS[month - 1], day, year, day);
		else
			buf_printf(out, "%d", day);
		buf_puts(out, "</td>");
		if ((((int)((d1 + day - 1 + 4) % 7) - week_begins) % 7 + 7) % 7 == 6)
			newrow = 1;
	}
	pad = 7 - (((int)((d1 + day - 1 + 4) % 7) - week_begins) % 7 + 7) % 7;
	if (pad > 0 && pad < 7)
		buf_printf(out, "\n\t\t<td class=\"pad\" colspan=\"%d\">&nbsp;</td>", pad);
	buf_puts(out, "\n\t</tr>\n\t</tbody>\n\t</table><nav aria-label=\"Previous and next months\" class=\"wp-calendar-nav\">");
	if (prev_y)
		buf_printf(out, "\n\t\t<span class=\"wp-calendar-nav-prev\"><a href=\"%s/%d/%02d/\">&laquo; %.3s</a></span>",
			   r->ctx->home_url, prev_y, prev_m, MONTHS[prev_m - 1]);
	else
		buf_puts(out, "\n\t\t<span class=\"wp-calendar-nav-prev\">&nbsp;</span>");
	buf_puts(out, "\n\t\t<span class=\"pad\">&nbsp;</span>");
	if (next_y)
		buf_printf(out, "\n\t\t<span class=\"wp-calendar-nav-next\"><a href=\"%s/%d/%02d/\">%.3s &raquo;</a></span>",
			   r->ctx->home_url, next_y, next_m, MONTHS[next_m - 1]);
	else
		buf_puts(out, "\n\t\t<span class=\"wp-calendar-nav-next\">&nbsp;</span>");
	return buf_puts(out, "\n\t</nav>");
}

/* render_block_core_calendar() for an anonymous visitor */
static int calendar(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	(void)in;
	struct buf cal = BUF_INIT, cls = BUF_INIT, css = BUF_INIT, w = BUF_INIT;
	int year = 0, month = 0;
	const json_t *ya = json_object_get(b->attrs, "year"), *ma = json_object_get(b->attrs, "month");
	const char *ps = option(r, "permalink_structure", "");
	if (ya && ma && strstr(ps, "%monthnum%") && strstr(ps, "%year%")) {
		year = json_is_integer(ya) ? (int)json_integer_value(ya) : atoi(json_string_value(ya) ?: "0");
		month = json_is_integer(ma) ? (int)json_integer_value(ma) : atoi(json_string_value(ma) ?: "0");
		if (month < 1 || month > 12)
			year = month = 0;
	}
	int rc = get_calendar(r, year, month, &cal);
	if (rc || !cal.len)
		goto out;
	calendar_colors(b, &cls, &css);
	const json_t *lc = json_object_get(json_object_get(json_object_get(json_object_get(
		json_object_get(b->attrs, "style"), "elements"), "link"), "color"), "text");
	if (lc)
		buf_printf(&cls, "%shas-link-color", cls.len ? " " : "");
	rc = block_wrapper_attrs(b, SUP_CALENDAR, NULL, NULL, &w);
	buf_printf(out, "<div %s>", buf_str(&w));
	/* str_replace() into get_calendar()'s output */
	const char *c = buf_str(&cal);
	const char *t = strstr(c, "<table");
	buf_append(out, c, (size_t)(t - c) + 6);
	if (css.len) {
		buf_puts(out, " style=\"");
		format_esc_attr(buf_str(&css), out);
		buf_putc(out, '"');
	}
	c = t + 6;
	t = strstr(c, "class=\"wp-calendar-table");
	buf_append(out, c, (size_t)(t - c) + 24);
	if (cls.len) {
		buf_putc(out, ' ');
		format_esc_attr(buf_str(&cls), out);
	}
	buf_puts(out, t + 24);
	rc = buf_puts(out, "</div>");
out:
	buf_free(&cal);
	buf_free(&cls);
	buf_free(&css);
	buf_free(&w);
	return rc;
}

static const char SUP_CATEGORIES[] =
	"{\"align\":true,\"spacing\":{\"margin\":true,\"padding\":true},\"typography\":{\"fontSize\":true,"
	"\"lineHeight\":true,\"__experimentalFontFamily\":true,\"__experimentalFontWeight\":true,"
	"\"__experimentalFontStyle\":true,\"__experimentalTextTransform\":true,\"__experimentalTextDecoration\":true,"
	"\"__experimentalLetterSpacing\":true},\"color\":{\"gradients\":true,\"link\":true},"
	"\"__experimentalBorder\":{\"radius\":true,\"color\":true,\"width\":true,\"style\":true}}";

/* The terms get_categories() returns for the categories block, in order,
 * with their depth under Walker::walk() (-1: flat list). */
struct cat_list {
	struct render_term *t;   /* all terms of the taxonomy, name order */
	size_t n;
	char *keep;              /* per term: listed */
	long *count;             /* per term: count (padded when asked) */
};

static size_t term_index(const struct cat_list *c, long id)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->t[i].id == id)
			return i;
	return (size_t)-1;
}

/* Whether term i has a kept descendant with posts (get_terms()'s
 * hierarchical hide_empty keeps such parents). */
static int has_nonempty_descendant(const struct cat_list *c, long id, int depth)
{
	for (size_t i = 0; i < c->n && depth < 50; i++)
		if (c->t[i].parent == id && (c->t[i].count > 0 || has_nonempty_descendant(c, c->t[i].id, depth + 1)))
			return 1;
	return 0;
}

/* _pad_term_counts(): a term's count becomes the number of distinct
 * published posts in it or its descendants. pairs: "term_id post_id" lines. */
static void pad_counts(struct cat_list *c, const char *pairs)
{
	/* per term, a small set of post ids touched (sorted insert) */
	long **sets = calloc(c->n + 1, sizeof *sets);
	size_t *lens = calloc(c->n + 1, sizeof *lens), *caps = calloc(c->n + 1, sizeof *caps);
	if (!sets || !lens || !caps)
		goto out;
	for (const char *p = pairs; *p;) {
		long tid, pid;
		if (sscanf(p, "%ld %ld", &tid, &pid) != 2)
			break;
		/* the term and every ancestor get the post */
		for (int depth = 0; tid && depth < 50; depth++) {
			size_t i = term_index(c, tid);
			if (i == (size_t)-1)
				break;
			size_t k;
			for (k = 0; k < lens[i] && sets[i][k] != pid; k++)
				;
			if (k == lens[i]) {
				if (lens[i] == caps[i]) {
					size_t nc = caps[i] ? caps[i] * 2 : 8;
					long *ns = realloc(sets[i], nc * sizeof *ns);
					if (!ns)
						goto out;
					sets[i] = ns;
					caps[i] = nc;
				}
				sets[i][lens[i]++] = pid;
			}
			tid = c->t[i].parent;
		}
		p = strchr(p, '\n');
		if (!p)
			break;
		p++;
	}
	for (size_t i = 0; i < c->n; i++)
		if (lens[i])
			c->count[i] = (long)lens[i];
out:
	for (size_t i = 0; sets && i < c->n; i++)
		free(sets[i]);
	free(sets);
	free(lens);
	free(caps);
}

/* Walker::display_element() depth first from parent; emit(i, depth). */
typedef void (*cat_emit)(struct block_render *r, const struct cat_list *c, size_t i, int depth, int opening,
			 void *arg);

static void walk_children(struct block_render *r, const struct cat_list *c, long parent, int depth, cat_emit emit,
			  void *arg, char *done)
{
	for (size_t i = 0; i < c->n && depth < 50; i++) {
		if (!c->keep[i] || done[i] || c->t[i].parent != parent)
			continue;
		done[i] = 1;
		emit(r, c, i, depth, 1, arg);
		int has_children = 0;
		for (size_t k = 0; k < c->n; k++)
			if (c->keep[k] && !done[k] && c->t[k].parent == c->t[i].id)
				has_children = 1;
		if (has_children) {
			emit(r, c, i, depth, 2, arg); /* start_lvl */
			walk_children(r, c, c->t[i].id, depth + 1, emit, arg, done);
			emit(r, c, i, depth, 3, arg); /* end_lvl */
		}
		emit(r, c, i, depth, 0, arg);
	}
}

/* Walker::walk( elements, max_depth 0 or -1 ). */
static void walk(struct block_render *r, const struct cat_list *c, int flat, cat_emit emit, void *arg)
{
	char *done = calloc(c->n + 1, 1);
	if (!done)
		return;
	if (flat) {
		for (size_t i = 0; i < c->n; i++)
			if (c->keep[i]) {
				emit(r, c, i, 0, 1, arg);
				emit(r, c, i, 0, 0, arg);
			}
	} else {
		/* top level: parent 0, or the first element's parent when none is 0 */
		long root = 0;
		int any_top = 0;
		for (size_t i = 0; i < c->n; i++)
			if (c->keep[i] && !c->t[i].parent)
				any_top = 1;
		for (size_t i = 0; !any_top && i < c->n; i++)
			if (c->keep[i]) {
				root = c->t[i].parent;
				break;
			}
		walk_children(r, c, root, 0, emit, arg, done);
		/* orphans, as display_element( depth 0 ) */
		for (size_t i = 0; i < c->n; i++)
			if (c->keep[i] && !done[i]) {
				done[i] = 1;
				emit(r, c, i, 0, 1, arg);
				emit(r, c, i, 0, 0, arg);
			}
	}
	free(done);
}

struct cat_args {
	struct buf *out;
	int show_count;
};

/* Walker_Category (style list) */
static void emit_li(struct block_render *r, const struct cat_list *c, size_t i, int depth, int what, void *arg)
{
	struct cat_args *a = arg;
	const struct render_source *s = r->ctx->src;
	if (what == 2) {
		for (int k = 0; k < depth; k++)
			buf_putc(a->out, '\t');
		buf_puts(a->out, "<ul class='children'>\n");
	} else if (what == 3) {
		for (int k = 0; k < depth; k++)
			buf_putc(a->out, '\t');
		buf_puts(a->out, "</ul>\n");
	} else if (what == 0) {
		buf_puts(a->out, "</li>\n");
	} else {
		struct buf link = BUF_INIT;
		if (s->term_link)
			s->term_link(s->ud, c->t[i].id, "category", &link);
		buf_printf(a->out, "\t<li class=\"cat-item cat-item-%ld\"><a href=\"", c->t[i].id);
		format_esc_url(buf_str(&link), a->out);
		buf_puts(a->out, "\">");
		format_esc_attr(c->t[i].name, a->out);
		buf_puts(a->out, "</a>");
		if (a->show_count)
			buf_printf(a->out, " (%ld)", c->count[i]);
		buf_puts(a->out, "\n");
		buf_free(&link);
	}
}

/* Walker_CategoryDropdown */
static void emit_option(struct block_render *r, const struct cat_list *c, size_t i, int depth, int what, void *arg)
{
	struct cat_args *a = arg;
	(void)r;
	if (what != 1)
		return;
	buf_printf(a->out, "\t<option class=\"level-%d\" value=\"", depth);
	format_esc_attr(c->t[i].slug, a->out);
	buf_puts(a->out, "\">");
	for (int k = 0; k < depth * 3; k++)
		buf_puts(a->out, "&nbsp;");
	buf_puts(a->out, c->t[i].name);
	if (a->show_count)
		buf_printf(a->out, "&nbsp;&nbsp;(%ld)", c->count[i]);
	buf_puts(a->out, "</option>\n");
}

/* render_block_core_categories() for the category taxonomy */
static int categories(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	(void)in;
	if (strcmp(block_attr_str(b, "taxonomy", "category"), "category"))
		return PD_OK;
	int hier = block_attr_bool(b, "showHierarchy", 0), show_count = block_attr_bool(b, "showPostCounts", 0);
	int hide_empty = !block_attr_bool(b, "showEmpty", 0), top_only = block_attr_bool(b, "showOnlyTopLevel", 0);
	int dropdown = block_attr_bool(b, "displayAsDropdown", 0);
	struct cat_list c = { 0 };
	struct buf items = BUF_INIT, w = BUF_INIT;
	int rc = PD_OK;
	c.t = calloc(4096, sizeof *c.t);
	c.keep = calloc(4096, 1);
	c.count = calloc(4096, sizeof *c.count);
	if (!c.t || !c.keep || !c.count) {
		rc = PD_ENOMEM;
		goto out;
	}
	if (s && s->terms && (rc = s->terms(s->ud, "category", c.t, 4096, &c.n)))
		goto out;
	for (size_t i = 0; i < c.n; i++)
		c.count[i] = c.t[i].count;
	if (show_count && hier && s && s->term_posts) {
		struct buf pairs = BUF_INIT;
		if (s->term_posts(s->ud, "category", &pairs) == PD_OK)
			pad_counts(&c, buf_str(&pairs));
		buf_free(&pairs);
	}
	size_t nkeep = 0;
	for (size_t i = 0; i < c.n; i++) {
		int keep = !top_only || !c.t[i].parent;
		if (keep && hide_empty)
			keep = hier ? c.count[i] > 0 || has_nonempty_descendant(&c, c.t[i].id, 0) : c.t[i].count > 0;
		c.keep[i] = (char)keep;
		nkeep += keep;
	}
	struct cat_args a = { &items, show_count };
	int id = 0;
	if (dropdown) {
		/* static $block_id of render_block_core_categories() */
		id = ++r->ctx->counters[RENDER_COUNTER_CATEGORIES];
		buf_printf(&items, "<select  name='category_name' id='wp-block-categories-%d' class='postform'>\n", id);
		if (!nkeep)
			buf_puts(&items, "\t<option value='-1' selected='selected'>Select Category</option>\n");
		else {
			buf_puts(&items, "\t<option value='-1'>Select Category</option>\n");
			walk(r, &c, !hier, emit_option, &a);
		}
		buf_printf(&items, "</select><script>\n( ( [ dropdownId, homeUrl ] ) => {\n"
				   "\t\tconst dropdown = document.getElementById( dropdownId );\n"
				   "\t\tfunction onSelectChange() {\n"
				   "\t\t\tsetTimeout( () => {\n"
				   "\t\t\t\tif ( 'escape' === dropdown.dataset.lastkey ) {\n"
				   "\t\t\t\t\treturn;\n"
				   "\t\t\t\t}\n"
				   "\t\t\t\tif ( dropdown.value && dropdown instanceof HTMLSelectElement ) {\n"
				   "\t\t\t\t\tconst url = new URL( homeUrl );\n"
				   "\t\t\t\t\turl.searchParams.set( dropdown.name, dropdown.value );\n"
				   "\t\t\t\t\tlocation.href = url.href;\n"
				   "\t\t\t\t}\n"
				   "\t\t\t}, 250 );\n"
				   "\t\t}\n"
				   "\t\tfunction onKeyUp( event ) {\n"
				   "\t\t\tif ( 'Escape' === event.key ) {\n"
				   "\t\t\t\tdropdown.dataset.lastkey = 'escape';\n"
				   "\t\t\t} else {\n"
				   "\t\t\t\tdelete dropdown.dataset.lastkey;\n"
				   "\t\t\t}\n"
				   "\t\t}\n"
				   "\t\tfunction onClick() {\n"
				   "\t\t\tdelete dropdown.dataset.lastkey;\n"
				   "\t\t}\n"
				   "\t\tdropdown.addEventListener( 'keyup', onKeyUp );\n"
				   "\t\tdropdown.addEventListener( 'click', onClick );\n"
				   "\t\tdropdown.addEventListener( 'change', onSelectChange );\n"
				   "\t} )( [\"wp-block-categories-%d\",\"%s\"] );\n"
				   "//# sourceURL=build_dropdown_script_block_core_categories\n</script>\n\n",
			   id, r->ctx->home_url);
	} else {
		++r->ctx->counters[RENDER_COUNTER_CATEGORIES];
		if (!nkeep)
			buf_puts(&items, "<li class=\"cat-item-none\">No categories</li>");
		else
			walk(r, &c, !hier, emit_li, &a);
	}
	rc = block_wrapper_attrs(b, SUP_CATEGORIES, dropdown ? "wp-block-categories-dropdown" : "wp-block-categories-list",
				 NULL, &w);
	if (rc)
		goto out;
	if (dropdown) {
		const char *label = block_attr_str(b, "label", "");
		rc = buf_printf(out, "<div %s><label class=\"wp-block-categories__label%s\" for=\"wp-block-categories-%d\">%s</label>%s</div>",
				buf_str(&w), block_attr_bool(b, "showLabel", 1) ? "" : " screen-reader-text", id,
				*label ? label : "Categories", buf_str(&items));
	} else {
		rc = buf_printf(out, "<ul %s>%s</ul>", buf_str(&w), buf_str(&items));
	}
out:
	free(c.t);
	free(c.keep);
	free(c.count);
	buf_free(&items);
	buf_free(&w);
	return rc;
}

static const char SUP_LATEST_POSTS[] =
	"{\"align\":true,\"color\":{\"gradients\":true,\"link\":true},\"spacing\":{\"margin\":true,\"padding\":true},"
	"\"typography\":{\"fontSize\":true,\"lineHeight\":true,\"__experimentalFontFamily\":true,"
	"\"__experimentalFontWeight\":true,\"__experimentalFontStyle\":true,\"__experimentalTextTransform\":true,"
	"\"__experimentalTextDecoration\":true,\"__experimentalLetterSpacing\":true},"
	"\"__experimentalBorder\":{\"radius\":true,\"color\":true,\"width\":true,\"style\":true}}";

/* get_the_excerpt( post ) with excerpt_length words: the explicit excerpt,
 * or wp_trim_excerpt() of the content as it runs inside do_blocks(). */
int block_get_the_excerpt(struct block_render *r, const struct render_post *p, int words, struct buf *out)
{
	if (p->excerpt && *p->excerpt)
		return buf_puts(out, p->excerpt);
	struct render_ctx sub = *r->ctx;
	sub.post_id = p->id;
	sub.post_type = p->type;
	int rc = render_generate_excerpt(&sub, p->content, words, out);
	/* the counters the nested shortcodes advanced and wpautop's state are the request's */
	memcpy(r->ctx->counters, sub.counters, sizeof sub.counters);
	r->ctx->autop_removed = sub.autop_removed;
	r->ctx->autop_reordered = sub.autop_reordered;
	return rc;
}

/* A number attribute as PHP's sprintf( '%s' ) prints it; 0 when absent. */
static int attr_number(const struct block *b, const char *k, struct buf *out)
{
	const json_t *v = json_object_get(b->attrs, k);
	if (json_is_integer(v))
		return buf_printf(out, "%lld", (long long)json_integer_value(v)) == PD_OK;
	if (json_is_real(v)) {
		char tmp[64];
		php_float_str(json_real_value(v), tmp, sizeof tmp);
		return buf_puts(out, tmp) == PD_OK;
	}
	if (json_is_string(v))
		return buf_puts(out, json_string_value(v)) == PD_OK;
	return 0;
}

/* The featured image of one latest post: has_post_thumbnail() then
 * get_the_post_thumbnail( post, featuredImageSizeSlug, style ), optionally
 * linked, in its wp-block-latest-posts__featured-image div. elink is the
 * escaped permalink, title the rendered title. */
static int featured_image(struct block_render *r, const struct block *b, const struct render_post *p,
			  const char *elink, const char *title, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	const char *tid = s->post_meta ? s->post_meta(s->ud, p->id, "_thumbnail_id") : NULL;
	long thumb = tid ? atol(tid) : 0;
	if (thumb <= 0)
		return PD_OK;
	struct buf style = BUF_INIT, estyle = BUF_INIT, cls = BUF_INIT, ecls = BUF_INIT, img = BUF_INIT;
	int rc = PD_OK;
	buf_puts(&style, "max-width:");
	if (attr_number(b, "featuredImageSizeWidth", &style))
		buf_puts(&style, "px;");
	else
		style.len = 0;
	size_t mark = style.len;
	buf_puts(&style, "max-height:");
	if (attr_number(b, "featuredImageSizeHeight", &style))
		buf_puts(&style, "px;");
	else
		style.len = mark;
	if (style.data)
		style.data[style.len] = 0;
	format_esc_attr(buf_str(&style), &estyle);
	buf_puts(&cls, "wp-block-latest-posts__featured-image");
	const json_t *al = json_object_get(b->attrs, "featuredImageAlign");
	if (json_is_string(al))
		buf_printf(&cls, " align%s", json_string_value(al));
	format_esc_attr(buf_str(&cls), &ecls);
	/* a missing attachment renders as '' inside the div */
	if (block_post_thumbnail(r, thumb, block_attr_str(b, "featuredImageSizeSlug", "thumbnail"), NULL, NULL,
				 buf_str(&estyle), &img) != PD_OK)
		img.len = 0;
	buf_printf(out, "<div class=\"%s\">", buf_str(&ecls));
	if (block_attr_bool(b, "addLinkToFeaturedImage", 0)) {
		buf_puts(out, "<a href=\"");
		format_esc_url(elink, out);
		buf_puts(out, "\" aria-label=\"");
		format_esc_attr(title, out);
		buf_puts(out, "\">");
		buf_append(out, img.data ? img.data : "", img.len);
		buf_puts(out, "</a>");
	} else {
		buf_append(out, img.data ? img.data : "", img.len);
	}
	rc = buf_puts(out, "</div>");
	buf_free(&style);
	buf_free(&estyle);
	buf_free(&cls);
	buf_free(&ecls);
	buf_free(&img);
	return rc;
}

/* render_block_core_latest_posts() */
static int latest_posts(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	(void)in;
	struct render_posts_query q = { 0 };
	long cats[64], ids[100];
	size_t n = 0;
	const json_t *v;
	long limit = 5;
	if (json_is_integer(v = json_object_get(b->attrs, "postsToShow")))
		limit = (long)json_integer_value(v);
	if (limit < 1 || limit > 100)
		limit = limit < 1 ? 1 : 100;
	q.orderby = block_attr_str(b, "orderBy", "date");
	q.ascending = !strcasecmp(block_attr_str(b, "order", "desc"), "asc");
	/* attributes of the wrong type are dropped (prepare_attributes_for_render),
	 * except a string of categories, which render_block_data's
	 * block_core_latest_posts_migrate_categories() has already turned into
	 * array( array( 'id' => absint( string ) ) ) */
	const json_t *ca = json_object_get(b->attrs, "categories");
	const char *cs = json_string_value(ca);
	if (cs && *cs && strcmp(cs, "0")) {
		long id = strtol(cs, NULL, 10);
		cats[q.ncategories++] = id < 0 ? -id : id;
	}
	for (size_t i = 0; json_is_array(ca) && i < json_array_size(ca) && q.ncategories < 64; i++) {
		const json_t *id = json_object_get(json_array_get(ca, i), "id");
		if (json_is_integer(id))
			cats[q.ncategories++] = (long)json_integer_value(id);
	}
	q.categories = cats;
	if (json_is_integer(v = json_object_get(b->attrs, "selectedAuthor")))
		q.author = (long)json_integer_value(v);
	if (s && s->query_posts)
		s->query_posts(s->ud, &q, ids, (size_t)limit, &n);
	int words = 55;
	if (json_is_integer(v = json_object_get(b->attrs, "excerptLength")))
		words = (int)json_integer_value(v);
	int show_author = block_attr_bool(b, "displayAuthor", 0), show_date = block_attr_bool(b, "displayPostDate", 0);
	int show_content = block_attr_bool(b, "displayPostContent", 0);
	int show_image = block_attr_bool(b, "displayFeaturedImage", 0);
	const char *radio = block_attr_str(b, "displayPostContentRadio", "excerpt");
	const char *date_format = option(r, "date_format", "F j, Y");
	struct buf items = BUF_INIT, cls = BUF_INIT, w = BUF_INIT;
	int rc = PD_OK;
	for (size_t i = 0; i < n && !rc; i++) {
		struct render_post p;
		if (!s->post || s->post(s->ud, ids[i], &p))
			continue;
		struct buf link = BUF_INIT, title = BUF_INIT, elink = BUF_INIT;
		if (s->permalink)
			s->permalink(s->ud, p.id, &link);
		format_esc_url(buf_str(&link), &elink);
		block_get_the_title(r, &p, &title);
		if (!title.len)
			buf_puts(&title, "(no title)");
		buf_puts(&items, "<li>");
		if (show_image)
			rc = featured_image(r, b, &p, buf_str(&elink), buf_str(&title), &items);
		buf_printf(&items, "<a class=\"wp-block-latest-posts__post-title\" href=\"%s\">%s</a>", buf_str(&elink),
			   buf_str(&title));
		if (show_author && s->user) {
			struct render_user u;
			if (s->user(s->ud, p.author, &u) == PD_OK && *u.display_name)
				buf_printf(&items, "<div class=\"wp-block-latest-posts__post-author\">by %s</div>", u.display_name);
		}
		if (show_date) {
			struct buf c = BUF_INIT, d = BUF_INIT;
			time_t g;
			long off = wpdate_parse_mysql_gmt(p.date_gmt, &g) == PD_OK ? wpdate_offset_at(g) : 0;
			php_date("c", p.date, off, &c);
			php_date(date_format, p.date, off, &d);
			buf_printf(&items, "<time datetime=\"%s\" class=\"wp-block-latest-posts__post-date\">%s</time>",
				   buf_str(&c), buf_str(&d));
			buf_free(&c);
			buf_free(&d);
		}
		if (show_content && !strcmp(radio, "excerpt")) {
			struct buf ex = BUF_INIT;
			if (p.has_password)
				buf_puts(&ex, "This content is password protected.");
			else
				rc = block_get_the_excerpt(r, &p, words, &ex);
			if (ex.len >= 11 && !strcmp(ex.data + ex.len - 11, " [&hellip;]")) {
				ex.len -= 11;
				ex.data[ex.len] = 0;
				struct buf et = BUF_INIT;
				format_esc_html(buf_str(&title), &et);
				buf_printf(&ex, "\xe2\x80\xa6 <a class=\"wp-block-latest-posts__read-more\" href=\"%s\" rel=\"noopener noreferrer\">Read more<span class=\"screen-reader-text\">: %s</span></a>",
					   buf_str(&elink), buf_str(&et));
				buf_free(&et);
			}
			buf_printf(&items, "<div class=\"wp-block-latest-posts__post-excerpt\">%s</div>", buf_str(&ex));
			buf_free(&ex);
		}
		buf_puts(&items, "</li>\n");
		buf_free(&link);
		buf_free(&elink);
		buf_free(&title);
	}
	buf_puts(&cls, "wp-block-latest-posts__list");
	int grid = !strcmp(block_attr_str(b, "postLayout", "list"), "grid");
	if (grid) {
		long columns = 3;
		if (json_is_integer(v = json_object_get(b->attrs, "columns")))
			columns = (long)json_integer_value(v);
		buf_printf(&cls, " is-grid columns-%ld", columns);
	}
	if (show_date)
		buf_puts(&cls, " has-dates");
	if (show_author)
		buf_puts(&cls, " has-author");
	const json_t *lc = json_object_get(json_object_get(json_object_get(json_object_get(
		json_object_get(b->attrs, "style"), "elements"), "link"), "color"), "text");
	if (lc)
		buf_puts(&cls, " has-link-color");
	if (!rc)
		rc = block_wrapper_attrs(b, SUP_LATEST_POSTS, buf_str(&cls), NULL, &w);
	if (!rc)
		rc = buf_printf(out, "<ul %s>%s</ul>", buf_str(&w), buf_str(&items));
	buf_free(&items);
	buf_free(&cls);
	buf_free(&w);
	return rc;
}

static const char SUP_PAGE_LIST[] =
	"{\"typography\":{\"fontSize\":true,\"lineHeight\":true,\"__experimentalFontFamily\":true,"
	"\"__experimentalFontWeight\":true,\"__experimentalFontStyle\":true,\"__experimentalTextTransform\":true,"
	"\"__experimentalTextDecoration\":true,\"__experimentalLetterSpacing\":true},"
	"\"color\":{\"text\":true,\"background\":true,\"link\":true,\"gradients\":true},"
	"\"__experimentalBorder\":{\"radius\":true,\"color\":true,\"width\":true,\"style\":true},"
	"\"spacing\":{\"padding\":true,\"margin\":true}}";

struct page_tree {
	long *ids, *parents;
	size_t n;
	long front;               /* option page_on_front */
};

/* block_core_page_list_render_nested_page_list(); in a navigation (nav:
 * its showSubmenuIcon / openSubmenusOnClick context) the items are
 * navigation items with submenu toggles. Navigation colors are not applied. */
static void page_items(struct block_render *r, const struct page_tree *t, long parent, int depth, const struct block *nav,
		       struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	int on_click = nav && block_attr_bool(nav, "openSubmenusOnClick", 0);
	int icons = nav && block_attr_bool(nav, "showSubmenuIcon", 1);
	static const char ICON[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"12\" height=\"12\" viewBox=\"0 0 12 12\" "
				   "fill=\"none\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M1.50002 4L6.00002 8L10.5 4\" "
				   "stroke-width=\"1.5\"></path></svg>";
	for (size_t i = 0; i < t->n && depth < 50; i++) {
		if (t->parents[i] != parent)
			continue;
		int has_child = 0;
		for (size_t k = 0; k < t->n; k++)
			if (t->parents[k] == t->ids[i])
				has_child = 1;
		struct render_post p;
		struct buf link = BUF_INIT, label = BUF_INIT, plain = BUF_INIT;
		if (s->post(s->ud, t->ids[i], &p))
			continue;
		if (s->permalink)
			s->permalink(s->ud, p.id, &link);
		const char *title = *p.title ? p.title : "(no title)";
		/* block_core_navigation_add_directives_to_submenu() on the items with
		 * children of an interactive navigation, then the Interactivity API's
		 * server-side data-wp-bind--aria-expanded (state.isMenuOpen: unset)
		 * dropping aria-expanded; new attributes come first, sorted by name */
		int dir = has_child && nav && r->nav_interactive;
		if (dir)
			buf_printf(out, "<li data-wp-context=\"{ &quot;submenuOpenedBy&quot;: { &quot;click&quot;: false, "
					"&quot;hover&quot;: false, &quot;focus&quot;: false }, &quot;type&quot;: &quot;submenu&quot;, "
					"&quot;modal&quot;: null, &quot;previousFocus&quot;: null }\" data-wp-interactive=\"core/navigation\" "
					"data-wp-on--focusout=\"actions.handleMenuFocusout\" data-wp-on--keydown=\"actions.handleMenuKeydown\"%s "
					"data-wp-watch=\"callbacks.initMenu\" tabindex=\"-1\" ",
				   on_click ? "" : " data-wp-on--mouseenter=\"actions.openMenuOnHover\" data-wp-on--mouseleave=\"actions.closeMenuOnHover\"");
		else
			buf_puts(out, "<li ");
		buf_printf(out, "class=\"wp-block-pages-list__item%s%s%s%s%s\">", has_child ? " has-child" : "",
			   nav ? " wp-block-navigation-item" : "",
			   nav && on_click ? " open-on-click" : nav && icons ? " open-on-hover-click" : "",
			   depth > 0 ? " " : "", p.id == t->front ? " menu-item-home" : "");
		format_strip_all_tags(title, &plain);
		buf_printf(&label, "%s submenu", buf_str(&plain));
		if (has_child && nav && on_click) {
			buf_puts(out, dir ? "<button data-wp-bind--aria-expanded=\"state.isMenuOpen\" data-wp-on--click=\"actions.toggleMenuOnClick\" aria-label=\""
					  : "<button aria-label=\"");
			format_esc_attr(buf_str(&label), out);
			buf_printf(out, "\" class=\" wp-block-navigation-item__content wp-block-navigation-submenu__toggle\" %s>",
				   dir ? "" : "aria-expanded=\"false\"");
			format_esc_html(title, out);
			buf_printf(out, "</button><span class=\"wp-block-page-list__submenu-icon wp-block-navigation__submenu-icon\">%s</span>", ICON);
		} else {
			buf_printf(out, "<a class=\"wp-block-pages-list__item__link%s\" href=\"",
				   nav ? " wp-block-navigation-item__content" : "");
			format_esc_url(buf_str(&link), out);
			buf_printf(out, "\">%s</a>", title);
		}
		if (has_child) {
			if (nav && icons && !on_click) {
				buf_puts(out, dir ? "<button data-wp-bind--aria-expanded=\"state.isMenuOpen\" data-wp-on--click=\"actions.toggleMenuOnClick\" aria-label=\""
						  : "<button aria-label=\"");
				format_esc_attr(buf_str(&label), out);
				buf_printf(out, "\" class=\"wp-block-navigation__submenu-icon wp-block-navigation-submenu__toggle\" "
						"%s>%s</button>", dir ? "" : "aria-expanded=\"false\"", ICON);
			}
			buf_puts(out, dir ? "<ul data-wp-on--focus=\"actions.openMenuOnFocus\" class=\"wp-block-navigation__submenu-container\">"
					  : "<ul class=\"wp-block-navigation__submenu-container\">");
			page_items(r, t, p.id, depth + 1, nav, out);
			buf_puts(out, "</ul>");
		}
		buf_puts(out, "</li>");
		buf_free(&link);
		buf_free(&label);
		buf_free(&plain);
	}
}

/* render_block_core_page_list() */
static int page_list(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	(void)in;
	struct page_tree t = { 0 };
	int rc = PD_OK;
	if (!s || !s->pages || !s->post)
		return PD_OK;
	t.ids = calloc(4096, sizeof *t.ids);
	t.parents = calloc(4096, sizeof *t.parents);
	if (!t.ids || !t.parents) {
		rc = PD_ENOMEM;
		goto out;
	}
	if ((rc = s->pages(s->ud, t.ids, t.parents, 4096, &t.n)) || !t.n)
		goto out;
	/* get_pages( hierarchical ): only pages reachable from the top level */
	for (int changed = 1; changed;) {
		changed = 0;
		for (size_t i = 0; i < t.n; i++) {
			if (!t.parents[i])
				continue;
			size_t k;
			for (k = 0; k < t.n && t.ids[k] != t.parents[i]; k++)
				;
			if (k == t.n) {
				t.parents[i] = -1;
				changed = 1;
			}
		}
	}
	t.front = atol(option(r, "page_on_front", "0"));
	long parent = 0;
	const json_t *pp = json_object_get(b->attrs, "parentPageID");
	if (json_is_integer(pp))
		parent = (long)json_integer_value(pp);
	struct buf items = BUF_INIT, w = BUF_INIT;
	page_items(r, &t, parent, 0, r->navigation, &items);
	if (parent && !items.len) {
		buf_free(&items);
		goto out;
	}
	rc = block_wrapper_attrs(b, SUP_PAGE_LIST, NULL, NULL, &w);
	if (!rc && block_attr_bool(b, "isNested", 0))
		rc = buf_append(out, buf_str(&items), items.len);
	else if (!rc)
		rc = buf_printf(out, "<ul %s>%s</ul>", buf_str(&w), buf_str(&items));
	buf_free(&items);
	buf_free(&w);
out:
	free(t.ids);
	free(t.parents);
	return rc;
}

/* ---- the query loop (core/query and its inner blocks) ---- */

#define LOOP_MAX 4096

/* WP_Query of a query block for page 1: the posts shown, and found_posts. */
struct loop {
	long *ids;       /* the posts of the page, stickies first */
	size_t n;
	long found;      /* found_posts (all matches, the stickies added excluded) */
	long per_page;
	int ok;          /* 0: a query pressd cannot run (rendered as '') */
};

static long num_attr(const json_t *v, long dflt, int *numeric)
{
	if (numeric)
		*numeric = 1;
	if (json_is_integer(v))
		return (long)json_integer_value(v);
	if (json_is_string(v) && *json_string_value(v)) {
		char *end;
		long x = strtol(json_string_value(v), &end, 10);
		if (!*end)
			return x;
	}
	if (numeric)
		*numeric = 0;
	return dflt;
}

static int nonempty(const json_t *v)
{
	return (json_is_string(v) && json_string_length(v)) || (json_is_array(v) && json_array_size(v)) ||
	       (json_is_object(v) && json_object_size(v)) || (json_is_integer(v) && json_integer_value(v));
}

/* The sticky_posts option as IDs. */
static size_t sticky_posts(struct block_render *r, long *out, size_t max)
{
	const char *raw = option(r, "sticky_posts", "");
	json_t *v = NULL;
	size_t n = 0;
	if (*raw && phpser_unserialize(raw, strlen(raw), &v) == PD_OK) {
		const char *k;
		json_t *x;
		if (json_is_array(v)) {
			for (size_t i = 0; i < json_array_size(v) && n < max; i++)
				out[n++] = num_attr(json_array_get(v, i), 0, NULL);
		} else if (json_is_object(v)) {
			json_object_foreach(v, k, x) {
				if (n < max)
					out[n++] = num_attr(x, 0, NULL);
			}
		}
	}
	json_decref(v);
	return n;
}

/* build_query_vars_from_query_block() + WP_Query::get_posts() for page 1. */
static int run_loop(struct block_render *r, struct loop *l)
{
	const struct render_source *s = r->ctx->src;
	const json_t *q = r->query ? json_object_get(r->query->attrs, "query") : NULL;
	memset(l, 0, sizeof *l);
	if (!q || !s || !s->query_posts)
		return PD_OK;
	/* inherit: the global query, empty in a REST request */
	if (json_is_true(json_object_get(q, "inherit")) || !json_object_get(q, "inherit"))
		return PD_OK;
	if (nonempty(json_object_get(q, "author")) || nonempty(json_object_get(q, "search")) ||
	    nonempty(json_object_get(q, "parents")) || nonempty(json_object_get(q, "format")) ||
	    nonempty(json_object_get(q, "exclude")))
		return PD_OK;
	const char *sticky = json_string_value(json_object_get(q, "sticky"));
	if (sticky && *sticky)
		return PD_OK;
	struct render_posts_query pq = { 0 };
	long cats[64], tags[64];
	const json_t *tax = json_object_get(q, "taxQuery");
	const char *k;
	json_t *v;
	json_object_foreach((json_t *)tax, k, v) {
		long *dst = !strcmp(k, "category") ? cats : !strcmp(k, "post_tag") ? tags : NULL;
		size_t *nd = !strcmp(k, "category") ? &pq.ncategories : &pq.ntags;
		if (!dst)
			return PD_OK;
		for (size_t i = 0; json_is_array(v) && i < json_array_size(v) && *nd < 64; i++)
			dst[(*nd)++] = num_attr(json_array_get(v, i), 0, NULL);
	}
	pq.categories = cats;
	pq.tags = tags;
	pq.post_type = json_string_value(json_object_get(q, "postType"));
	if (!pq.post_type)
		pq.post_type = "post";
	pq.orderby = json_string_value(json_object_get(q, "orderBy"));
	if (!pq.orderby)
		pq.orderby = "date";
	if (strcmp(pq.orderby, "date") && strcmp(pq.orderby, "title"))
		return PD_OK;
	const char *order = json_string_value(json_object_get(q, "order"));
	pq.ascending = order && !strcasecmp(order, "asc");
	int numeric;
	long per_page = num_attr(json_object_get(q, "perPage"), 0, &numeric), offset = 0;
	if (!numeric)
		per_page = atol(option(r, "posts_per_page", "10"));
	else
		offset = labs(num_attr(json_object_get(q, "offset"), 0, NULL));
	per_page = labs(per_page);
	long *all = calloc(LOOP_MAX, sizeof *all);
	l->ids = calloc(LOOP_MAX + 64, sizeof *l->ids);
	if (!all || !l->ids) {
		free(all);
		return PD_ENOMEM;
	}
	size_t n = 0;
	int rc = s->query_posts(s->ud, &pq, all, LOOP_MAX, &n);
	if (rc) {
		free(all);
		return rc;
	}
	l->found = (long)n;
	l->per_page = per_page;
	for (size_t i = (size_t)offset; i < n && (per_page <= 0 || l->n < (size_t)per_page); i++)
		l->ids[l->n++] = all[i];
	/* is_home(): sticky posts first; stickies not on the page are added */
	long st[64];
	size_t nst = sticky_posts(r, st, 64), at = 0;
	if (!pq.ncategories && !pq.ntags) {
		for (size_t i = 0; i < l->n; i++)
			for (size_t k2 = 0; k2 < nst; k2++)
				if (st[k2] && l->ids[i] == st[k2]) {
					long id = l->ids[i];
					memmove(l->ids + at + 1, l->ids + at, (i - at) * sizeof *l->ids);
					l->ids[at++] = id;
					st[k2] = 0;
				}
		/* get_posts( post__in stickies ): newest first, in the query's post type */
		for (size_t i = 0; i < n; i++)
			for (size_t k2 = 0; k2 < nst; k2++)
				if (st[k2] && all[i] == st[k2] && l->n < LOOP_MAX + 64) {
					size_t j;
					/* date order = the order of `all` when it is date DESC */
					memmove(l->ids + at + 1, l->ids + at, (l->n - at) * sizeof *l->ids);
					l->ids[at++] = all[i];
					l->n++;
					st[k2] = 0;
					(void)j;
				}
	}
	free(all);
	l->ok = 1;
	return PD_OK;
}

static int enhanced(struct block_render *r)
{
	return r->query && json_is_true(json_object_get(r->query->attrs, "enhancedPagination"));
}

static void loop_free(struct loop *l)
{
	free(l->ids);
	l->ids = NULL;
}

/* sanitize_html_class( slug, fallback ) */
static void html_class_of(const char *slug, long fallback, struct buf *out)
{
	size_t mark = out->len;
	for (const char *p = slug; *p; p++) {
		if (*p == '%' && p[1] && p[2] && strchr("0123456789abcdefABCDEF", p[1]) && strchr("0123456789abcdefABCDEF", p[2])) {
			p += 2;
			continue;
		}
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-')
			buf_putc(out, *p);
	}
	if (out->len == mark)
		buf_printf(out, "%ld", fallback);
}

/* get_post_class( 'wp-block-post' ) in a REST request (no "sticky": the
 * main query is not the home page). */
static void post_classes(struct block_render *r, const struct render_post *p, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	struct render_term t[64];
	size_t n = 0;
	buf_printf(out, "wp-block-post post-%ld %s type-%s status-%s", p->id, p->type, p->type, p->status);
	if (!strcmp(p->type, "post")) {
		const char *fmt = NULL;
		if (s->post_terms && s->post_terms(s->ud, p->id, "post_format", t, 64, &n) == PD_OK && n &&
		    !strncmp(t[0].slug, "post-format-", 12))
			fmt = t[0].slug + 12;
		buf_puts(out, " format-");
		if (fmt)
			html_class_of(fmt, 0, out);
		else
			buf_puts(out, "standard");
	}
	if (p->has_password)
		buf_puts(out, " post-password-required");
	const char *th = s->post_meta ? s->post_meta(s->ud, p->id, "_thumbnail_id") : NULL;
	struct render_attachment a;
	if (!p->has_password && th && atol(th) > 0 && s->attachment && s->attachment(s->ud, atol(th), &a) == PD_OK)
		buf_puts(out, " has-post-thumbnail");
	buf_puts(out, " hentry");
	static const char *const taxes[] = { "category", "post_tag", "post_format" };
	for (size_t x = 0; x < 3 && !strcmp(p->type, "post"); x++) {
		n = 0;
		if (!s->post_terms || s->post_terms(s->ud, p->id, taxes[x], t, 64, &n))
			continue;
		for (size_t i = 0; i < n; i++) {
			if (!*t[i].slug)
				continue;
			struct buf c = BUF_INIT;
			html_class_of(t[i].slug, t[i].id, &c);
			const char *cs = buf_str(&c);
			int numeric = *cs && strspn(cs, "0123456789") == c.len;
			if (numeric || strspn(cs, "-") == c.len) {
				buf_reset(&c);
				buf_printf(&c, "%ld", t[i].id);
			}
			if (x == 1)
				buf_printf(out, " tag-%s", buf_str(&c));
			else
				buf_printf(out, " %s-%s", taxes[x], buf_str(&c));
			buf_free(&c);
		}
	}
}

static const char SUP_POST_TEMPLATE[] =
	"{\"align\":[\"wide\",\"full\"],\"color\":{\"gradients\":true,\"link\":true},"
	"\"typography\":{\"fontSize\":true,\"lineHeight\":true,\"__experimentalFontFamily\":true,"
	"\"__experimentalFontWeight\":true,\"__experimentalFontStyle\":true,\"__experimentalTextTransform\":true,"
	"\"__experimentalTextDecoration\":true,\"__experimentalLetterSpacing\":true},"
	"\"spacing\":{\"margin\":true,\"padding\":true},"
	"\"__experimentalBorder\":{\"radius\":true,\"color\":true,\"width\":true,\"style\":true}}";

/* render_block_core_post_template() */
static int post_template(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	struct loop l;
	(void)in;
	int rc = run_loop(r, &l);
	if (rc || !l.ok || !l.n) {
		loop_free(&l);
		return rc;
	}
	struct buf cls = BUF_INIT, w = BUF_INIT, items = BUF_INIT;
	const json_t *lc = json_object_get(json_object_get(json_object_get(json_object_get(
		json_object_get(b->attrs, "style"), "elements"), "link"), "color"), "text");
	if (lc)
		buf_puts(&cls, "has-link-color");
	const json_t *layout = json_object_get(b->attrs, "layout");
	const char *lt = json_string_value(json_object_get(layout, "type"));
	const json_t *cc = json_object_get(layout, "columnCount");
	if (lt && !strcmp(lt, "grid") && cc && nonempty(cc))
		buf_printf(&cls, "%scolumns-%ld", cls.len ? " " : "", num_attr(cc, 0, NULL));
	rc = block_wrapper_attrs(b, SUP_POST_TEMPLATE, buf_str(&cls), NULL, &w);
	long saved_id = r->ctx->post_id;
	const char *saved_type = r->ctx->post_type;
	for (size_t i = 0; i < l.n && !rc; i++) {
		struct render_post p;
		if (!s->post || s->post(s->ud, l.ids[i], &p))
			continue;
		struct buf pc = BUF_INIT, content = BUF_INIT;
		r->ctx->post_id = p.id;
		r->ctx->post_type = p.type;
		rc = blocks_render_inner(r, b, &content);
		/* the core/null copy keeps the template's className: its wp-elements
		 * class lands on the first tag (wp_render_elements_class_name) */
		const char *cn = json_string_value(json_object_get(b->attrs, "className"));
		const char *el = cn ? strstr(cn, "wp-elements-") : NULL;
		if (!rc && el && content.len) {
			char cls[64];
			snprintf(cls, sizeof cls, "%.*s", (int)strcspn(el, " \t\n"), el);
			struct buf t2 = BUF_INIT;
			rc = block_add_class_to_first(buf_str(&content), content.len, cls, &t2);
			buf_free(&content);
			content = t2;
		}
		post_classes(r, &p, &pc);
		buf_puts(&items, "<li");
		if (enhanced(r))
			buf_printf(&items, " data-wp-key=\"post-template-item-%ld\"", p.id);
		buf_puts(&items, " class=\"");
		format_esc_attr(buf_str(&pc), &items);
		buf_printf(&items, "\">%s</li>", buf_str(&content));
		buf_free(&pc);
		buf_free(&content);
	}
	r->ctx->post_id = saved_id;
	r->ctx->post_type = saved_type;
	if (!rc)
		rc = buf_printf(out, "<ul %s>%s</ul>", buf_str(&w), buf_str(&items));
	buf_free(&cls);
	buf_free(&w);
	buf_free(&items);
	loop_free(&l);
	return rc;
}

/* render_block_core_query(): the saved markup with its inner blocks, and
 * the interactivity attributes with enhanced pagination. */
static int query(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	(void)r;
	const json_t *qid = json_object_get(b->attrs, "queryId");
	if (json_is_true(json_object_get(b->attrs, "enhancedPagination")) && qid) {
		char ins[160];
		long id = num_attr(qid, 0, NULL);
		snprintf(ins, sizeof ins, " data-wp-context=\"{}\" data-wp-interactive=\"core/query\" data-wp-key=\"%ld\""
			 " data-wp-router-region=\"query-%ld\"", id, id);
		const char *s = buf_str(in), *lt = strchr(s, '<');
		if (lt) {
			size_t name = (size_t)(lt - s) + 1 + strspn(lt + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");
			buf_append(out, s, name);
			buf_puts(out, ins);
			return buf_puts(out, s + name);
		}
	}
	return buf_append(out, buf_str(in), in->len);
}

/* render_block_core_query_no_results(): its content only when nothing is found */
static int query_no_results(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	struct loop l;
	(void)b;
	int rc = run_loop(r, &l);
	if (!rc && l.ok && !l.n)
		rc = buf_append(out, buf_str(in), in->len);
	loop_free(&l);
	return rc;
}

static const char SUP_QUERY_PAGINATION[] =
	"{\"align\":true,\"color\":{\"gradients\":true,\"link\":true},\"typography\":{\"fontSize\":true,"
	"\"lineHeight\":true,\"__experimentalFontFamily\":true,\"__experimentalFontWeight\":true,"
	"\"__experimentalFontStyle\":true,\"__experimentalTextTransform\":true,\"__experimentalTextDecoration\":true,"
	"\"__experimentalLetterSpacing\":true}}";
static const char SUP_QUERY_PAGINATION_PART[] =
	"{\"color\":{\"gradients\":true,\"text\":false},\"typography\":{\"fontSize\":true,\"lineHeight\":true,"
	"\"__experimentalFontFamily\":true,\"__experimentalFontWeight\":true,\"__experimentalFontStyle\":true,"
	"\"__experimentalTextTransform\":true,\"__experimentalTextDecoration\":true,\"__experimentalLetterSpacing\":true}}";

/* render_block_core_query_pagination() */
static int query_pagination(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	(void)r;
	const char *s = buf_str(in);
	if (!s[strspn(s, " \t\n\r\v")])
		return PD_OK;
	struct buf w = BUF_INIT;
	const json_t *lc = json_object_get(json_object_get(json_object_get(json_object_get(
		json_object_get(b->attrs, "style"), "elements"), "link"), "color"), "text");
	int rc = block_wrapper_attrs(b, SUP_QUERY_PAGINATION, lc ? "has-link-color" : NULL, NULL, &w);
	if (!rc)
		rc = buf_printf(out, "<nav %s aria-label=\"Pagination\">%s</nav>", buf_str(&w), s);
	buf_free(&w);
	return rc;
}

static long loop_pages(struct block_render *r, long *max_page)
{
	struct loop l;
	const json_t *q = r->query ? json_object_get(r->query->attrs, "query") : NULL;
	*max_page = num_attr(json_object_get(q, "pages"), 0, NULL);
	if (run_loop(r, &l) || !l.ok) {
		loop_free(&l);
		return 0;
	}
	long pages = l.per_page > 0 ? (l.found + l.per_page - 1) / l.per_page : (l.found ? 1 : 0);
	loop_free(&l);
	return pages;
}

static long query_id(struct block_render *r)
{
	return r->query ? num_attr(json_object_get(r->query->attrs, "queryId"), -1, NULL) : -1;
}

/* render_block_core_query_pagination_numbers() on page 1 (paginate_links()) */
static int query_pagination_numbers(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	(void)in;
	long max_page, total = loop_pages(r, &max_page), qid = query_id(r);
	if (max_page && max_page < total)
		total = max_page;
	if (total < 2)
		return PD_OK;
	long mid = 2, end = 1, cur = 1;
	const json_t *ms = json_object_get(b->attrs, "midSize");
	if (json_is_integer(ms))
		mid = (long)json_integer_value(ms);
	char key[64];
	if (qid >= 0)
		snprintf(key, sizeof key, "query-%ld-page", qid);
	else
		snprintf(key, sizeof key, "query-page");
	struct buf links = BUF_INIT, w = BUF_INIT;
	int dots = 0, tag_index = 0;
	for (long n = 1; n <= total; n++) {
		char key_attr[48] = "", click[64] = "";
		if (enhanced(r)) {
			snprintf(key_attr, sizeof key_attr, " data-wp-key=\"index-%d\"", tag_index);
			snprintf(click, sizeof click, " data-wp-on--click=\"core/query::actions.navigate\"");
		}
		if (n == cur) {
			buf_printf(&links, "%s<span%s aria-current=\"page\" class=\"page-numbers current\">%ld</span>", links.len ? "\n" : "",
				   key_attr, n);
			dots = 1;
			tag_index++;
		} else if (n <= end || (n >= cur - mid && n <= cur + mid) || n > total - end) {
			buf_printf(&links, "%s<a%s%s class=\"page-numbers\" href=\"", links.len ? "\n" : "", key_attr, click);
			tag_index++;
			/* base "%_%", format "?key=%#%", then add_query_arg( the request's other args ) */
			struct buf link = BUF_INIT, args = BUF_INIT;
			if (n > 1)
				buf_printf(&link, "?%s=%ld", key, n);
			block_request_url(r->ctx, key, NULL, NULL, 0, &args);
			if (args.len)
				buf_printf(&link, "%c%s", n > 1 ? '&' : '?', buf_str(&args) + 1);
			format_esc_url(buf_str(&link), &links);
			buf_printf(&links, "\">%ld</a>", n);
			buf_free(&link);
			buf_free(&args);
			dots = 1;
		} else if (dots) {
			buf_printf(&links, "%s<span%s class=\"page-numbers dots\">&hellip;</span>", links.len ? "\n" : "", key_attr);
			dots = 0;
			tag_index++;
		}
	}
	int rc = block_wrapper_attrs(b, SUP_QUERY_PAGINATION_PART, NULL, NULL, &w);
	if (!rc)
		rc = buf_printf(out, "<div %s>%s</div>", buf_str(&w), buf_str(&links));
	buf_free(&links);
	buf_free(&w);
	return rc;
}

/* render_block_core_query_pagination_next() on page 1 */
static int query_pagination_next(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	(void)in;
	long max_page, total = loop_pages(r, &max_page), qid = query_id(r);
	if ((max_page && max_page <= 1) || total <= 1)
		return PD_OK;
	const char *label = block_attr_str(b, "label", "");
	struct buf w = BUF_INIT, url = BUF_INIT, eurl = BUF_INIT, lab = BUF_INIT;
	int rc = block_wrapper_attrs(b, SUP_QUERY_PAGINATION_PART, NULL, NULL, &w);
	if (*label)
		format_esc_html(label, &lab);
	else
		buf_puts(&lab, "Next Page");
	/* add_query_arg( key, 2 ) on the REQUEST_URI */
	char key[64];
	if (qid >= 0)
		snprintf(key, sizeof key, "query-%ld-page", qid);
	else
		snprintf(key, sizeof key, "query-page");
	block_request_url(r->ctx, NULL, key, "2", 1, &url);
	format_esc_url(buf_str(&url), &eurl);
	if (!rc)
		rc = buf_printf(out, "<a%s href=\"%s\" %s>%s</a>",
				enhanced(r) ? " data-wp-key=\"query-pagination-next\" data-wp-on--click=\"core/query::actions.navigate\""
					      " data-wp-on--mouseenter=\"core/query::actions.prefetch\" data-wp-watch=\"core/query::callbacks.prefetch\"" : "",
				buf_str(&eurl), buf_str(&w), buf_str(&lab));
	buf_free(&w);
	buf_free(&url);
	buf_free(&eurl);
	buf_free(&lab);
	return rc;
}

/* render_block_core_query_pagination_previous() on page 1: nothing */
static int query_pagination_previous(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	(void)r;
	(void)b;
	(void)in;
	(void)out;
	return PD_OK;
}

static const struct block_callback LISTS[] = {
	{ "core/query", query },
	{ "core/post-template", post_template },
	{ "core/query-no-results", query_no_results },
	{ "core/query-pagination", query_pagination },
	{ "core/query-pagination-numbers", query_pagination_numbers },
	{ "core/query-pagination-next", query_pagination_next },
	{ "core/query-pagination-previous", query_pagination_previous },
	{ "core/page-list", page_list },
	{ "core/latest-posts", latest_posts },
	{ "core/categories", categories },
	{ "core/calendar", calendar },
	{ "core/archives", archives },
	{ NULL, NULL },
};

block_cb blocks_lists_callback(const char *name)
{
	for (size_t i = 0; name && LISTS[i].name; i++)
		if (!strcmp(LISTS[i].name, name))
			return LISTS[i].cb;
	return NULL;
}
