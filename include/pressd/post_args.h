/* post_args.h - the callbacks WP_REST_Posts_Controller registers on its args
 * beyond what its OPTIONS document shows (sanitize_post_statuses(),
 * check_template(), sanitize_slug, unvalidated title/content/excerpt). */
#ifndef PRESSD_POST_ARGS_H
#define PRESSD_POST_ARGS_H

#include "pressd/rest.h"

/* For the posts endpoints' `args_policy` in the route table. */
extern const struct rest_args_policy post_args_policy;

#endif
