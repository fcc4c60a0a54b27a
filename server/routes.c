/* routes.c - the route table: which handler serves which WordPress route and
 * method. Route documents (args, schema) come from schema/routes.json. */
#include "pressd/app_passwords.h"
#include "pressd/comments.h"
#include "pressd/discovery.h"
#include "pressd/media.h"
#include "pressd/post_args.h"
#include "pressd/post_write.h"
#include "pressd/posts.h"
#include "pressd/rest.h"
#include "pressd/revisions.h"
#include "pressd/terms.h"
#include "pressd/users.h"

#define APP_PASSWORDS "/wp/v2/users/(?P<user_id>(?:[\\d]+|me))/application-passwords"

const struct rest_route rest_routes[] = {
	{ "/", { { M_GET, discovery_index, NULL, NULL } } },
	{ "/wp/v2", { { M_GET, discovery_namespace, NULL, NULL } } },
	{ "/wp/v2/posts", {
		{ M_GET, posts_get_items, posts_get_items_permission, &post_args_policy },
		{ M_POST, posts_create_item, posts_create_item_permission, &post_args_policy } } },
	{ "/wp/v2/posts/(?P<id>[\\d]+)", {
		{ M_GET, posts_get_item, posts_get_item_permission, &post_args_policy },
		{ M_EDITABLE, posts_update_item, posts_update_item_permission, &post_args_policy },
		{ M_DELETE, posts_delete_item, posts_delete_item_permission, NULL } } },
	{ "/wp/v2/posts/(?P<parent>[\\d]+)/revisions", {
		{ M_GET, revisions_get_items, revisions_get_items_permission, NULL } } },
	{ "/wp/v2/posts/(?P<parent>[\\d]+)/revisions/(?P<id>[\\d]+)", {
		{ M_GET, revisions_get_item, revisions_get_item_permission, NULL },
		{ M_DELETE, revisions_delete_item, revisions_delete_item_permission, NULL } } },
	{ "/wp/v2/posts/(?P<id>[\\d]+)/autosaves", {
		{ M_GET, autosaves_get_items, autosaves_get_items_permission, NULL },
		{ M_POST, autosaves_create_item, autosaves_create_item_permission, &post_args_policy } } },
	{ "/wp/v2/posts/(?P<parent>[\\d]+)/autosaves/(?P<id>[\\d]+)", {
		{ M_GET, autosaves_get_item, revisions_get_item_permission, NULL } } },
	/* One controller, two post types: posts_type_of() reads the rest_base. */
	{ "/wp/v2/pages", { { M_GET, posts_get_items, posts_get_items_permission, &post_args_policy } } },
	{ "/wp/v2/pages/(?P<id>[\\d]+)", { { M_GET, posts_get_item, posts_get_item_permission, &post_args_policy } } },
	{ "/wp/v2/media/(?P<id>[\\d]+)", { { M_GET, media_get_item, media_get_item_permission, NULL } } },
	{ "/wp/v2/categories", { { M_GET, categories_get_items, categories_get_items_permission, NULL } } },
	{ "/wp/v2/categories/(?P<id>[\\d]+)", { { M_GET, categories_get_item, categories_get_item_permission, NULL } } },
	{ "/wp/v2/tags", { { M_GET, tags_get_items, tags_get_items_permission, NULL } } },
	{ "/wp/v2/tags/(?P<id>[\\d]+)", { { M_GET, tags_get_item, tags_get_item_permission, NULL } } },
	{ "/wp/v2/users", { { M_GET, users_get_items, users_get_items_permission, NULL } } },
	{ "/wp/v2/users/(?P<id>[\\d]+)", { { M_GET, users_get_item, users_get_item_permission, NULL } } },
	{ "/wp/v2/users/me", { { M_GET, users_get_me, NULL, NULL } } },
	{ APP_PASSWORDS, {
		{ M_GET, app_passwords_list, app_passwords_list_permission, NULL },
		{ M_POST, app_passwords_create, app_passwords_create_permission, NULL },
		{ M_DELETE, app_passwords_delete_all, app_passwords_delete_all_permission, NULL } } },
	/* Before the uuid route, which would match "introspect" too. */
	{ APP_PASSWORDS "/introspect", {
		{ M_GET, app_passwords_introspect, app_passwords_introspect_permission, NULL } } },
	{ APP_PASSWORDS "/(?P<uuid>[\\w\\-]+)", {
		{ M_GET, app_passwords_get_item, app_passwords_read_permission, NULL },
		{ M_EDITABLE, app_passwords_update, app_passwords_edit_permission, NULL },
		{ M_DELETE, app_passwords_delete, app_passwords_delete_permission, NULL } } },
	{ "/wp/v2/comments", { { M_GET, comments_get_items, comments_get_items_permission, NULL } } },
	{ "/wp/v2/comments/(?P<id>[\\d]+)", { { M_GET, comments_get_item, comments_get_item_permission, NULL } } },
};

const int rest_nroutes = sizeof rest_routes / sizeof rest_routes[0];
