-- 004_render_generation.sql - a number that changes with every write to the
-- content tables, so that the render cache (server/render_cache.c) knows its
-- entries are stale whoever wrote: REST handlers, the CLI, an import, or
-- sqlite3 by hand. Application-password bookkeeping (last_used, last_ip in
-- usermeta _application_passwords on every authenticated request) does not
-- count: rendering never reads it.
CREATE TABLE pressd_generation (n INTEGER NOT NULL);
INSERT INTO pressd_generation (n) VALUES (1);
CREATE TRIGGER pressd_gen_wp_posts_insert AFTER INSERT ON wp_posts
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_posts_update AFTER UPDATE ON wp_posts
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_posts_delete AFTER DELETE ON wp_posts
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_postmeta_insert AFTER INSERT ON wp_postmeta
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_postmeta_update AFTER UPDATE ON wp_postmeta
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_postmeta_delete AFTER DELETE ON wp_postmeta
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_terms_insert AFTER INSERT ON wp_terms
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_terms_update AFTER UPDATE ON wp_terms
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_terms_delete AFTER DELETE ON wp_terms
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_termmeta_insert AFTER INSERT ON wp_termmeta
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_termmeta_update AFTER UPDATE ON wp_termmeta
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_termmeta_delete AFTER DELETE ON wp_termmeta
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_term_taxonomy_insert AFTER INSERT ON wp_term_taxonomy
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_term_taxonomy_update AFTER UPDATE ON wp_term_taxonomy
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_term_taxonomy_delete AFTER DELETE ON wp_term_taxonomy
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_term_relationships_insert AFTER INSERT ON wp_term_relationships
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_term_relationships_update AFTER UPDATE ON wp_term_relationships
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_term_relationships_delete AFTER DELETE ON wp_term_relationships
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_options_insert AFTER INSERT ON wp_options
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_options_update AFTER UPDATE ON wp_options
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_options_delete AFTER DELETE ON wp_options
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_users_insert AFTER INSERT ON wp_users
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_users_update AFTER UPDATE ON wp_users
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_users_delete AFTER DELETE ON wp_users
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_usermeta_insert AFTER INSERT ON wp_usermeta WHEN NEW.meta_key <> '_application_passwords'
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_usermeta_update AFTER UPDATE ON wp_usermeta WHEN NEW.meta_key <> '_application_passwords' OR OLD.meta_key <> '_application_passwords'
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_usermeta_delete AFTER DELETE ON wp_usermeta WHEN OLD.meta_key <> '_application_passwords'
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_comments_insert AFTER INSERT ON wp_comments
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_comments_update AFTER UPDATE ON wp_comments
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_comments_delete AFTER DELETE ON wp_comments
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_commentmeta_insert AFTER INSERT ON wp_commentmeta
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_commentmeta_update AFTER UPDATE ON wp_commentmeta
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
CREATE TRIGGER pressd_gen_wp_commentmeta_delete AFTER DELETE ON wp_commentmeta
	BEGIN UPDATE pressd_generation SET n = n + 1; END;
