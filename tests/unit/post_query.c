/* Tests for server/post_query.c: WP_Query's search term parsing and the SQL
 * the posts collection runs, and for the WP_CI collation (server/collate.c).
 * Expected values follow class-wp-query.php 6.9.4 (parse_search,
 * parse_search_terms, parse_search_order) and the goldens' orderings. */
#include <string.h>

#include "test.h"
#include "pressd/collate.h"
#include "pressd/posts.h"

static const char *joined(const struct str_list *l, char *out, size_t n)
{
	out[0] = '\0';
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			strncat(out, "|", n - strlen(out) - 1);
		strncat(out, l->v[i], n - strlen(out) - 1);
	}
	return out;
}

TEST(post_search_terms_like_wp_query)
{
	struct { const char *s; const char *terms; int count; } cases[] = {
		{ "block", "block", 1 },
		/* A lone quote: no usable term, so the whole string (posts?search=%22). */
		{ "\"", "\"", 1 },
		/* Stopwords and single letters dropped; the count keeps them. */
		{ "the block", "block", 2 },
		{ "a b", "a b", 2 },
		{ "\"foo bar\" baz", "foo bar|baz", 2 },
		{ "-foo bar", "-foo|bar", 2 },
		{ "one,two+three", "one|two|three", 3 },
		{ "a1 b2 c3 d4 e5 f6 g7 h8 i9 j10", "a1 b2 c3 d4 e5 f6 g7 h8 i9 j10", 10 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct str_list t = { NULL, 0 };
		int count = 0;
		char buf[256];
		ASSERT_INT_EQ(post_search_terms(cases[i].s, &t, &count), 0);
		ASSERT_STR_EQ(joined(&t, buf, sizeof buf), cases[i].terms);
		ASSERT_INT_EQ(count, cases[i].count);
		str_list_free(&t);
	}
}

static void base_query(struct post_query *q)
{
	memset(q, 0, sizeof *q);
	q->type = "post";
	q->per_page = 10;
	q->page = 1;
	q->offset = -1;
	str_list_push(&q->statuses, "publish", 7);
}

TEST(post_query_default_order)
{
	struct post_query q;
	struct post_sql sql = { BUF_INIT, BUF_INIT, NULL, 0, 0, 0 };
	base_query(&q);
	ASSERT_INT_EQ(post_query_sql(&q, &sql), 0);
	ASSERT_STR_EQ(buf_str(&sql.where), "wp_posts.post_type = ? AND wp_posts.post_status IN (?)");
	/* Date ties: MariaDB's ID DESC for single-status queries. */
	ASSERT_STR_EQ(buf_str(&sql.order), "wp_posts.post_date DESC, wp_posts.ID DESC");
	ASSERT_INT_EQ(sql.nbinds, 2);
	ASSERT_STR_EQ(sql.binds[0].s, "post");
	ASSERT_STR_EQ(sql.binds[1].s, "publish");
	post_sql_free(&sql);
	post_query_free(&q);
}

TEST(post_query_include_order_and_relevance)
{
	struct post_query q;
	struct post_sql sql = { BUF_INIT, BUF_INIT, NULL, 0, 0, 0 };
	base_query(&q);
	id_list_push(&q.include, 1241);
	id_list_push(&q.include, 1178);
	id_list_push(&q.include, 358);
	q.has_include = 1;
	q.orderby = ORDERBY_INCLUDE;
	ASSERT_INT_EQ(post_query_sql(&q, &sql), 0);
	ASSERT_STR_EQ(buf_str(&sql.where),
		      "wp_posts.post_type = ? AND wp_posts.ID IN (?, ?, ?) AND wp_posts.post_status IN (?)");
	/* FIELD(ID, 1241, 1178, 358): the include order, whatever order= says. */
	ASSERT_STR_EQ(buf_str(&sql.order), "CASE wp_posts.ID WHEN ? THEN 0 WHEN ? THEN 1 WHEN ? THEN 2 ELSE -1 END");
	post_sql_free(&sql);
	post_query_free(&q);

	base_query(&q);
	q.search = strdup("template");
	q.orderby = ORDERBY_RELEVANCE;
	ASSERT_INT_EQ(post_query_sql(&q, &sql), 0);
	/* One word: titles containing it first, then the date; visitors never see protected posts. */
	ASSERT_STR_EQ(buf_str(&sql.order),
		      "(wp_posts.post_title LIKE ? ESCAPE '\\') DESC, wp_posts.post_date DESC, wp_posts.ID DESC");
	ASSERT(strstr(buf_str(&sql.where), "AND (wp_posts.post_password = '')") != NULL);
	ASSERT_STR_EQ(sql.binds[sql.nbinds - 1].s, "%template%");
	post_sql_free(&sql);
	post_query_free(&q);
}

TEST(post_query_search_escapes_like)
{
	struct post_query q;
	struct post_sql sql = { BUF_INIT, BUF_INIT, NULL, 0, 0, 0 };
	base_query(&q);
	q.search = strdup("50%_off -draft");
	q.logged_in = 1;
	ASSERT_INT_EQ(post_query_sql(&q, &sql), 0);
	ASSERT(strstr(buf_str(&sql.where), "post_password") == NULL);
	/* esc_like() on the term, NOT LIKE joined by AND for the excluded one. */
	ASSERT_STR_EQ(sql.binds[1].s, "%50\\%\\_off%");
	ASSERT(strstr(buf_str(&sql.where), "(wp_posts.post_title NOT LIKE ? ESCAPE '\\') AND "
					   "(wp_posts.post_excerpt NOT LIKE ? ESCAPE '\\')") != NULL);
	post_sql_free(&sql);
	post_query_free(&q);
}

TEST(collate_wp_ci_orders_like_mysql)
{
	/* posts?orderby=title&order=asc: "" < "Archives" < "Audio" < "Author" < "Author Biography". */
	ASSERT(collate_wp_ci("", 0, "Archives", 8) < 0);
	ASSERT(collate_wp_ci("Audio", 5, "Author", 6) < 0);
	ASSERT(collate_wp_ci("Author", 6, "Author Biography", 16) < 0);
	/* "Block category: Widgets" < "Block: Button": space before ':'. */
	ASSERT(collate_wp_ci("Block category: Widgets", 23, "Block: Button", 13) < 0);
	/* Case and accents do not count: "Échappée" sorts between "dispatch" and "edge case". */
	ASSERT(collate_wp_ci("dispatch", 8, "\xc3\x89" "chapp\xc3\xa9" "e", 10) < 0);
	ASSERT(collate_wp_ci("\xc3\x89" "chapp\xc3\xa9" "e", 10, "Edge Case", 9) < 0);
	ASSERT_INT_EQ(collate_wp_ci("ABC", 3, "abc ", 4), 0);
	/* Punctuation before digits before letters. */
	ASSERT(collate_wp_ci("-x", 2, "1x", 2) < 0);
	ASSERT(collate_wp_ci("9", 1, "a", 1) < 0);
}

TEST(post_query_tax_and_formats)
{
	struct post_query q;
	struct post_sql sql = { BUF_INIT, BUF_INIT, NULL, 0, 0, 0 };
	base_query(&q);
	/* tags=695220&categories=2835016&tax_relation=OR: one clause per taxonomy, OR'd. */
	q.tax[0].taxonomy = "category";
	id_list_push(&q.tax[0].terms, 2835016);
	q.tax[0].op = TAX_IN;
	q.tax[1].taxonomy = "post_tag";
	id_list_push(&q.tax[1].terms, 695220);
	q.tax[1].op = TAX_IN;
	q.ntax = 2;
	q.tax_or = 1;
	ASSERT_INT_EQ(post_query_sql(&q, &sql), 0);
	ASSERT(strstr(buf_str(&sql.where),
		      "AND (wp_posts.ID IN (SELECT object_id FROM wp_term_relationships WHERE term_taxonomy_id IN "
		      "(SELECT term_taxonomy_id FROM wp_term_taxonomy WHERE taxonomy = ? AND term_id IN (?)))"
		      " OR wp_posts.ID IN (") != NULL);
	ASSERT_INT_EQ(sql.nbinds, 6);
	ASSERT_STR_EQ(sql.binds[1].s, "category");
	ASSERT_INT_EQ(sql.binds[2].i, 2835016);
	post_sql_free(&sql);
	post_query_free(&q);

	/* format=standard,aside: no post_format term, or post-format-aside. */
	base_query(&q);
	str_list_push(&q.formats, "standard", 8);
	str_list_push(&q.formats, "aside", 5);
	q.has_formats = 1;
	ASSERT_INT_EQ(post_query_sql(&q, &sql), 0);
	ASSERT(strstr(buf_str(&sql.where), "(NOT EXISTS (") != NULL);
	ASSERT(strstr(buf_str(&sql.where), " OR wp_posts.ID IN (SELECT tr.object_id") != NULL);
	ASSERT_STR_EQ(sql.binds[1].s, "post-format-aside");
	post_sql_free(&sql);
	post_query_free(&q);

	/* categories={"terms":[1],"operator":"AND","include_children":true}: descendants, all required. */
	base_query(&q);
	q.tax[0].taxonomy = "category";
	id_list_push(&q.tax[0].terms, 1);
	q.tax[0].op = TAX_AND;
	q.tax[0].include_children = 1;
	q.ntax = 1;
	ASSERT_INT_EQ(post_query_sql(&q, &sql), 0);
	ASSERT(strstr(buf_str(&sql.where), "WITH RECURSIVE sub") != NULL);
	/* the term subquery's 4 binds, three times, after the type. */
	ASSERT_INT_EQ(sql.nbinds, 1 + 12 + 1);
	ASSERT_INT_EQ(sql.binds[6].i, 1);
	post_sql_free(&sql);
	post_query_free(&q);
}

TEST(post_query_exclusions_dates_statuses)
{
	struct post_query q;
	struct post_sql sql = { BUF_INIT, BUF_INIT, NULL, 0, 0, 0 };
	base_query(&q);
	id_list_push(&q.exclude, 1241);
	id_list_push(&q.author_exclude, 1);
	strcpy(q.after, "2012-01-01 00:00:00");
	strcpy(q.modified_before, "2020-01-01 00:00:00");
	str_list_free(&q.statuses);
	str_list_push(&q.statuses, "any", 3);
	q.orderby = ORDERBY_TITLE;
	q.asc = 1;
	ASSERT_INT_EQ(post_query_sql(&q, &sql), 0);
	ASSERT_STR_EQ(buf_str(&sql.where),
		      "wp_posts.post_type = ? AND wp_posts.ID NOT IN (?) AND wp_posts.post_author NOT IN (?)"
		      " AND wp_posts.post_modified < ? AND wp_posts.post_date > ?"
		      " AND wp_posts.post_status NOT IN ('trash', 'auto-draft', 'inherit', 'request-pending',"
		      " 'request-confirmed', 'request-failed', 'request-completed')");
	ASSERT_STR_EQ(buf_str(&sql.order), "wp_posts.post_title COLLATE WP_CI ASC, wp_posts.ID ASC");
	post_sql_free(&sql);
	post_query_free(&q);
}
