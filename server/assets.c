/* assets.c - the table of files compiled in by assets_data.S. Add a line to both to add one. */
#include <string.h>

#include "pressd/assets.h"

#define DECLARE(sym) extern const char sym##_start[], sym##_end[];
DECLARE(schema_001)
DECLARE(schema_002)
DECLARE(schema_003)
DECLARE(schema_004)
DECLARE(schema_routes)
DECLARE(demo_xml)

#define ENTRY(path, sym) { path, sym##_start, 0 }, 
static struct asset table[] = {
	ENTRY("schema/001_wordpress.sql", schema_001)
	ENTRY("schema/002_pressd.sql", schema_002)
	ENTRY("schema/003_posts_indexes.sql", schema_003)
	ENTRY("schema/004_render_generation.sql", schema_004)
	ENTRY("schema/routes.json", schema_routes)
	ENTRY("data/demo/demo.xml", demo_xml)
};
static const char *ends[] = { schema_001_end, schema_002_end, schema_003_end, schema_004_end, schema_routes_end, demo_xml_end };

static void fill_lengths(void)
{
	static int done;
	if (done)
		return;
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		table[i].len = (size_t)(ends[i] - table[i].data);
	done = 1;
}

const struct asset *asset_find(const char *path)
{
	fill_lengths();
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (strcmp(table[i].path, path) == 0)
			return &table[i];
	return NULL;
}

size_t asset_list(const char *prefix, const struct asset **out, size_t n)
{
	size_t k = 0, plen = strlen(prefix);
	fill_lengths();
	for (size_t i = 0; i < sizeof table / sizeof table[0] && k < n; i++)
		if (strncmp(table[i].path, prefix, plen) == 0)
			out[k++] = &table[i];
	return k;
}
