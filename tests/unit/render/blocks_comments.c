/* blocks_comments.c - tests for server/render/blocks_comments.c. Expected
 * values: WordPress 6.9.4's content.rendered of posts 261 (comments) and
 * 147 (latest-comments) in golden/6.9.4/posts-read (per_page=100), with
 * the comparison site's comments 1018 and 3 on post 261 and 30002 (by the
 * user Editor) on post 30007. */
#include <stdlib.h>
#include <time.h>

#include "../test.h"
#include "pressd/blocks.h"
#include "pressd/err.h"

static const struct render_comment COMMENTS[] = {
	{ 1018, 261, 0, 0, "themedemos", "themeshaperwp+demos@gmail.com", "http://www.wordpress.org",
	  "2024-02-16 11:07:09", "2024-02-16 10:07:09", "Example comment.", "comment", "1" },
	{ 3, 261, 1018, 0, "themedemos", "themeshaperwp+demos@gmail.com", "http://www.wordpress.org",
	  "2024-02-16 11:07:21", "2024-02-16 10:07:21", "A reply to the example comment.", "comment", "1" },
};
static const struct render_comment LATEST = { 30002, 30007, 30001, 2, "Editor", "editor@example.org", "",
					       "2024-03-05 12:30:00", "2024-03-05 11:30:00",
					       "A threaded reply by a registered user.", "comment", "1" };

static int get_post(void *ud, long id, struct render_post *p)
{
	(void)ud;
	memset(p, 0, sizeof *p);
	p->id = id;
	p->author = 1;
	p->type = "post";
	p->status = "publish";
	p->title = id == 261 ? "Comments" : "Reference post with comments";
	p->content = p->excerpt = "";
	p->date = p->date_gmt = p->modified = p->modified_gmt = "2024-02-16 11:00:00";
	p->comments_open = 1;
	p->comment_count = 2;
	return PD_OK;
}

static int get_user(void *ud, long id, struct render_user *u)
{
	(void)ud;
	u->id = id;
	u->display_name = "Editor";
	u->nicename = "editor";
	u->email = "editor@example.org";
	u->description = "";
	return PD_OK;
}

static int get_permalink(void *ud, long id, struct buf *out)
{
	(void)ud;
	return buf_puts(out, id == 261 ? "http://HOST/theme/comments/" : "http://HOST/reference/reference-post-with-comments/");
}

static int get_author_link(void *ud, long id, struct buf *out)
{
	(void)ud;
	(void)id;
	return buf_puts(out, "http://HOST/author/editor/");
}

static const char *comment_registration = "0";

static const char *get_option(void *ud, const char *name)
{
	(void)ud;
	if (!strcmp(name, "comment_registration"))
		return comment_registration;
	return !strcmp(name, "date_format") ? "F j, Y" : NULL;
}

static int get_comments(void *ud, long post_id, struct render_comment *out, size_t max, size_t *n)
{
	(void)ud;
	*n = 0;
	if (post_id == 261)
		for (size_t i = 0; i < 2 && i < max; i++)
			out[(*n)++] = COMMENTS[i];
	else if (post_id == 0 && max)
		out[(*n)++] = LATEST;
	return PD_OK;
}

static int user_can(void *ud, long user_id, const char *cap, long object_id)
{
	(void)ud;
	(void)object_id;
	return user_id == 1 && !strcmp(cap, "edit_comment");
}

static const struct render_source SRC = {
	.post = get_post, .user = get_user, .permalink = get_permalink, .author_link = get_author_link,
	.option = get_option, .comments = get_comments, .user_can = user_can,
};

static char *render(struct render_ctx *ctx, const char *doc)
{
	struct buf out = BUF_INIT;
	setenv("TZ", "Europe/Amsterdam", 1);
	tzset();
	ctx->home_url = ctx->site_url = "http://HOST";
	ctx->src = &SRC;
	ctx->post_id = 261;
	ctx->post_type = "post";
	ctx->request_uri = "/wp-json/wp/v2/posts";
	int rc = blocks_render(ctx, doc, &out);
	setenv("TZ", "UTC", 1);
	tzset();
	return rc ? NULL : buf_take(&out);
}

static const char TEMPLATE[] =
	"<!-- wp:comments -->\n<div class=\"wp-block-comments\"><!-- wp:comments-title /-->\n\n"
	"<!-- wp:comment-template -->\n<!-- wp:comment-author-name {\"fontSize\":\"small\"} /-->"
	"<!-- wp:comment-date /--><!-- wp:comment-edit-link /--><!-- wp:comment-content /-->"
	"<!-- wp:comment-reply-link {\"fontSize\":\"small\"} /-->\n<!-- /wp:comment-template -->\n\n"
	"<!-- wp:comments-pagination -->\n<!-- wp:comments-pagination-numbers /-->\n<!-- /wp:comments-pagination --></div>\n"
	"<!-- /wp:comments -->";

#define ONE_COMMENT(id, author_cls, parent_date, text) \
	"\n<div class=\"wp-block-comment-author-name has-small-font-size\"><a rel=\"external nofollow ugc\" " \
	"href=\"http://www.wordpress.org\" target=\"_self\" >themedemos</a></div>" \
	"<div class=\"wp-block-comment-date\"><time datetime=\"2024-02-16T" parent_date "+01:00\">" \
	"<a href=\"http://HOST/theme/comments/#comment-" id "\">February 16, 2024</a></time></div>" \
	author_cls \
	"<div class=\"wp-block-comment-content\"><p>" text "</p>\n</div>" \
	"<div class=\"wp-block-comment-reply-link has-small-font-size\"><a rel=\"nofollow\" class=\"comment-reply-link\" " \
	"href=\"http://HOST/theme/comments/?replytocom=" id "#respond\" data-commentid=\"" id "\" data-postid=\"261\" " \
	"data-belowelement=\"comment-" id "\" data-respondelement=\"respond\" data-replyto=\"Reply to themedemos\" " \
	"aria-label=\"Reply to themedemos\">Reply</a></div>\n"

TEST(blocks_comments_with_comments)
{
	struct render_ctx ctx = { 0 };
	char *g = render(&ctx, TEMPLATE);
	ASSERT_STR_EQ(g, "\n<div class=\"wp-block-comments\"><h2 id=\"comments\" class=\"wp-block-comments-title\">"
			 "2 responses to &#8220;Comments&#8221;</h2>\n\n"
			 "<ol class=\"wp-block-comment-template\"><li id=\"comment-1018\" class=\"comment even thread-even depth-1\">"
			 ONE_COMMENT("1018", "", "11:07:09", "Example comment.")
			 "<ol><li id=\"comment-3\" class=\"comment odd alt depth-2\">"
			 ONE_COMMENT("3", "", "11:07:21", "A reply to the example comment.")
			 "</li></ol></li></ol>\n\n</div>\n");
	free(g);
	/* the request-wide $comment_alt / $comment_thread_alt go on */
	g = render(&ctx, TEMPLATE);
	ASSERT(g && strstr(g, "<li id=\"comment-1018\" class=\"comment even thread-odd thread-alt depth-1\">"));
	ASSERT(strstr(g, "<li id=\"comment-3\" class=\"comment odd alt depth-2\">"));
	free(g);
	/* users who may edit comments get the edit link */
	struct render_ctx admin = { 0 };
	admin.user_id = 1;
	g = render(&admin, TEMPLATE);
	ASSERT(g && strstr(g, "</time></div><div class=\"wp-block-comment-edit-link\"><a "
			      "href=\"http://HOST/wp-admin/comment.php?action=editcomment&#038;c=1018\" target=\"_self\">Edit</a></div>"));
	free(g);
}

TEST(blocks_comment_reply_login)
{
	/* comment_registration on, anonymous: WordPress 6.9.4 on the comparison
	 * site (post 261, the option set to 1) links wp_login_url( get_permalink() ),
	 * urlencode()d: .../wp-login.php?redirect_to=http%3A%2F%2F127.0.0.1%3A8069%2Ftheme%2Fcomments%2F */
	struct render_ctx ctx = { 0 };
	comment_registration = "1";
	char *g = render(&ctx, TEMPLATE);
	comment_registration = "0";
	ASSERT(g && strstr(g, "<a rel=\"nofollow\" class=\"comment-reply-login\" "
			      "href=\"http://HOST/wp-login.php?redirect_to=http%3A%2F%2FHOST%2Ftheme%2Fcomments%2F\">"
			      "Log in to Reply</a>"));
	free(g);
}

TEST(blocks_latest_comments_with_comments)
{
	struct render_ctx ctx = { 0 };
	char *g = render(&ctx, "<!-- wp:latest-comments {\"commentsToShow\":1,\"displayAvatar\":false} /-->");
	ASSERT_STR_EQ(g, "<ol class=\"has-dates has-excerpts wp-block-latest-comments\"><li class=\"wp-block-latest-comments__comment\">"
			 "<article><footer class=\"wp-block-latest-comments__comment-meta\"><a class=\"wp-block-latest-comments__comment-author\" "
			 "href=\"http://HOST/author/editor/\">Editor</a> on <a class=\"wp-block-latest-comments__comment-link\" "
			 "href=\"http://HOST/reference/reference-post-with-comments/#comment-30002\">Reference post with comments</a>"
			 "<time datetime=\"2024-03-05T12:30:00+01:00\" class=\"wp-block-latest-comments__comment-date\">March 5, 2024</time>"
			 "</footer><div class=\"wp-block-latest-comments__comment-excerpt\"><p>A threaded reply by a registered user.</p>\n"
			 "</div></article></li></ol>");
	free(g);
	g = render(&ctx, "<!-- wp:latest-comments {\"commentsToShow\":1} /-->");
	ASSERT(g && !strncmp(g, "<ol class=\"has-avatars has-dates has-excerpts wp-block-latest-comments\"><li class=\"wp-block-latest-comments__comment\">"
				"<img alt='' src='https://secure.gravatar.com/avatar/", 164));
	ASSERT(strstr(g, "?s=96&#038;d=mm&#038;r=g 2x' class='avatar avatar-48 photo wp-block-latest-comments__comment-avatar' height='48' width='48' /><article>"));
	free(g);
}
