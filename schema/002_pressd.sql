-- pressd's own tables beside WordPress's. WordPress's tables keep their meaning.

-- Ordering and filter indexes for the REST collections (posts list ordered by
-- date/modified/title/slug within a type and status).
CREATE INDEX wp_posts_type_status_modified ON wp_posts(post_type, post_status, post_modified, ID);
CREATE INDEX wp_posts_type_status_title ON wp_posts(post_type, post_status, post_title);
CREATE INDEX wp_posts_type_name ON wp_posts(post_type, post_name);
