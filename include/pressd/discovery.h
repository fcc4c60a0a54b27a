/* discovery.h - handlers of GET /wp-json/ and GET /wp-json/wp/v2. */
#ifndef PRESSD_DISCOVERY_H
#define PRESSD_DISCOVERY_H

#include "pressd/rest.h"

int discovery_index(struct request *req, struct response *res);
int discovery_namespace(struct request *req, struct response *res);

#endif
