-- Indexes behind the filters of the posts collection (server/post_query.c)
-- and its batched lookups (server/posts.c).

-- author / author_exclude within a type and status, in date order.
CREATE INDEX wp_posts_type_status_author_date ON wp_posts(post_type, post_status, post_author, post_date, ID);
-- slug (post_name__in) within a type and status.
CREATE INDEX wp_posts_type_status_name ON wp_posts(post_type, post_status, post_name);
-- Revisions of a post: count and newest (version-history, predecessor-version).
CREATE INDEX wp_posts_parent_type_status_date ON wp_posts(post_parent, post_type, post_status, post_date, ID);
-- Terms by taxonomy and parent (categories with include_children).
CREATE INDEX wp_term_taxonomy_taxonomy_parent ON wp_term_taxonomy(taxonomy, parent, term_id);
