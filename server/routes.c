/* routes.c - the route table: which handler serves which WordPress route and
 * method. Route documents (args, schema) come from schema/routes.json. */
#include "pressd/discovery.h"
#include "pressd/rest.h"

const struct rest_route rest_routes[] = {
	{ "/", { { M_GET, discovery_index, NULL, NULL } } },
	{ "/wp/v2", { { M_GET, discovery_namespace, NULL, NULL } } },
};

const int rest_nroutes = sizeof rest_routes / sizeof rest_routes[0];
