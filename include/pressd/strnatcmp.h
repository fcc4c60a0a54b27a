/* strnatcmp.h - PHP's natural-order string comparison (strnatcmp(),
 * strnatcasecmp()), byte for byte as PHP 8.2's strnatcmp_ex(): WordPress sorts
 * tag clouds with it (_wp_object_name_sort_cb). */
#ifndef PRESSD_STRNATCMP_H
#define PRESSD_STRNATCMP_H

#include <stddef.h>

/* <0, 0 or >0 as PHP returns it (-1, 0, 1). fold_case: strnatcasecmp()
 * (ASCII letters only, as PHP 8.2). */
int php_strnatcmp(const char *a, size_t alen, const char *b, size_t blen, int fold_case);

#endif
