-- WordPress's own tables, with WordPress's column names and meanings
-- (wp-admin/includes/schema.php), in SQLite types. A WordPress database
-- (e.g. from the SQLite Database Integration plugin) has the same layout.
CREATE TABLE wp_users (
  ID INTEGER PRIMARY KEY AUTOINCREMENT,
  user_login TEXT NOT NULL DEFAULT '',
  user_pass TEXT NOT NULL DEFAULT '',
  user_nicename TEXT NOT NULL DEFAULT '',
  user_email TEXT NOT NULL DEFAULT '',
  user_url TEXT NOT NULL DEFAULT '',
  user_registered TEXT NOT NULL DEFAULT '0000-00-00 00:00:00',
  user_activation_key TEXT NOT NULL DEFAULT '',
  user_status INTEGER NOT NULL DEFAULT 0,
  display_name TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX wp_users_login ON wp_users(user_login);
CREATE INDEX wp_users_nicename ON wp_users(user_nicename);
CREATE INDEX wp_users_email ON wp_users(user_email);

CREATE TABLE wp_usermeta (
  umeta_id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL DEFAULT 0,
  meta_key TEXT DEFAULT NULL,
  meta_value TEXT
);
CREATE INDEX wp_usermeta_user ON wp_usermeta(user_id, meta_key);
CREATE INDEX wp_usermeta_key ON wp_usermeta(meta_key);

CREATE TABLE wp_posts (
  ID INTEGER PRIMARY KEY AUTOINCREMENT,
  post_author INTEGER NOT NULL DEFAULT 0,
  post_date TEXT NOT NULL DEFAULT '0000-00-00 00:00:00',
  post_date_gmt TEXT NOT NULL DEFAULT '0000-00-00 00:00:00',
  post_content TEXT NOT NULL DEFAULT '',
  post_title TEXT NOT NULL DEFAULT '',
  post_excerpt TEXT NOT NULL DEFAULT '',
  post_status TEXT NOT NULL DEFAULT 'publish',
  comment_status TEXT NOT NULL DEFAULT 'open',
  ping_status TEXT NOT NULL DEFAULT 'open',
  post_password TEXT NOT NULL DEFAULT '',
  post_name TEXT NOT NULL DEFAULT '',
  to_ping TEXT NOT NULL DEFAULT '',
  pinged TEXT NOT NULL DEFAULT '',
  post_modified TEXT NOT NULL DEFAULT '0000-00-00 00:00:00',
  post_modified_gmt TEXT NOT NULL DEFAULT '0000-00-00 00:00:00',
  post_content_filtered TEXT NOT NULL DEFAULT '',
  post_parent INTEGER NOT NULL DEFAULT 0,
  guid TEXT NOT NULL DEFAULT '',
  menu_order INTEGER NOT NULL DEFAULT 0,
  post_type TEXT NOT NULL DEFAULT 'post',
  post_mime_type TEXT NOT NULL DEFAULT '',
  comment_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX wp_posts_name ON wp_posts(post_name);
CREATE INDEX wp_posts_type_status_date ON wp_posts(post_type, post_status, post_date, ID);
CREATE INDEX wp_posts_parent ON wp_posts(post_parent);
CREATE INDEX wp_posts_author ON wp_posts(post_author);

CREATE TABLE wp_postmeta (
  meta_id INTEGER PRIMARY KEY AUTOINCREMENT,
  post_id INTEGER NOT NULL DEFAULT 0,
  meta_key TEXT DEFAULT NULL,
  meta_value TEXT
);
CREATE INDEX wp_postmeta_post ON wp_postmeta(post_id, meta_key);
CREATE INDEX wp_postmeta_key ON wp_postmeta(meta_key);

CREATE TABLE wp_terms (
  term_id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL DEFAULT '',
  slug TEXT NOT NULL DEFAULT '',
  term_group INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX wp_terms_slug ON wp_terms(slug);
CREATE INDEX wp_terms_name ON wp_terms(name);

CREATE TABLE wp_termmeta (
  meta_id INTEGER PRIMARY KEY AUTOINCREMENT,
  term_id INTEGER NOT NULL DEFAULT 0,
  meta_key TEXT DEFAULT NULL,
  meta_value TEXT
);
CREATE INDEX wp_termmeta_term ON wp_termmeta(term_id, meta_key);

CREATE TABLE wp_term_taxonomy (
  term_taxonomy_id INTEGER PRIMARY KEY AUTOINCREMENT,
  term_id INTEGER NOT NULL DEFAULT 0,
  taxonomy TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  parent INTEGER NOT NULL DEFAULT 0,
  count INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX wp_term_taxonomy_term ON wp_term_taxonomy(term_id, taxonomy);
CREATE INDEX wp_term_taxonomy_taxonomy ON wp_term_taxonomy(taxonomy);

CREATE TABLE wp_term_relationships (
  object_id INTEGER NOT NULL DEFAULT 0,
  term_taxonomy_id INTEGER NOT NULL DEFAULT 0,
  term_order INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (object_id, term_taxonomy_id)
);
CREATE INDEX wp_term_relationships_tt ON wp_term_relationships(term_taxonomy_id, object_id);

CREATE TABLE wp_options (
  option_id INTEGER PRIMARY KEY AUTOINCREMENT,
  option_name TEXT NOT NULL DEFAULT '' UNIQUE,
  option_value TEXT NOT NULL DEFAULT '',
  autoload TEXT NOT NULL DEFAULT 'yes'
);

CREATE TABLE wp_comments (
  comment_ID INTEGER PRIMARY KEY AUTOINCREMENT,
  comment_post_ID INTEGER NOT NULL DEFAULT 0,
  comment_author TEXT NOT NULL DEFAULT '',
  comment_author_email TEXT NOT NULL DEFAULT '',
  comment_author_url TEXT NOT NULL DEFAULT '',
  comment_author_IP TEXT NOT NULL DEFAULT '',
  comment_date TEXT NOT NULL DEFAULT '0000-00-00 00:00:00',
  comment_date_gmt TEXT NOT NULL DEFAULT '0000-00-00 00:00:00',
  comment_content TEXT NOT NULL DEFAULT '',
  comment_karma INTEGER NOT NULL DEFAULT 0,
  comment_approved TEXT NOT NULL DEFAULT '1',
  comment_agent TEXT NOT NULL DEFAULT '',
  comment_type TEXT NOT NULL DEFAULT 'comment',
  comment_parent INTEGER NOT NULL DEFAULT 0,
  user_id INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX wp_comments_post ON wp_comments(comment_post_ID, comment_approved, comment_date_gmt);
CREATE INDEX wp_comments_approved_date ON wp_comments(comment_approved, comment_date_gmt);
CREATE INDEX wp_comments_parent ON wp_comments(comment_parent);

CREATE TABLE wp_commentmeta (
  meta_id INTEGER PRIMARY KEY AUTOINCREMENT,
  comment_id INTEGER NOT NULL DEFAULT 0,
  meta_key TEXT DEFAULT NULL,
  meta_value TEXT
);
CREATE INDEX wp_commentmeta_comment ON wp_commentmeta(comment_id, meta_key);
