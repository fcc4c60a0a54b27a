/* assets.S - files compiled into the binary: the SQL migrations and the demo site.
 * Each ASSET defines NAME_start/NAME_end; server/assets.c lists them by path. */
	.macro ASSET sym, path
	.section .rodata
	.balign 16
	.global \sym\()_start
	.global \sym\()_end
\sym\()_start:
	.incbin "\path"
\sym\()_end:
	.byte 0
	.endm

	ASSET schema_001, "schema/001_wordpress.sql"
	ASSET schema_002, "schema/002_pressd.sql"
	ASSET schema_003, "schema/003_posts_indexes.sql"
	ASSET schema_004, "schema/004_render_generation.sql"
	ASSET schema_routes, "schema/routes.json"
	ASSET demo_xml, "data/demo/demo.xml"

	.section .note.GNU-stack,"",@progbits
