/* wpdate.h - WordPress date handling: MySQL "YYYY-MM-DD HH:MM:SS" strings in
 * the site's time zone and in GMT, REST's "YYYY-MM-DDTHH:MM:SS", and the
 * ISO 8601 dates REST accepts. Uses the process time zone set by
 * site_apply_timezone() (the system tz database, DST-correct). */
#ifndef PRESSD_WPDATE_H
#define PRESSD_WPDATE_H

#include <time.h>

#define WPDATE_ZERO "0000-00-00 00:00:00"
#define WPDATE_LEN 20          /* bytes of "YYYY-MM-DD HH:MM:SS" plus NUL */

/* Makes the process convert local times in timezone_string (a tz database
 * name), or at the fixed gmt_offset (hours) when it is "" - WordPress's two
 * ways of setting a site's zone. Call before worker threads exist. */
void wpdate_set_zone(const char *timezone_string, double gmt_offset);

/* Parses "YYYY-MM-DD HH:MM:SS" (UTC) into seconds; PD_EINVAL if malformed or zero. */
int wpdate_parse_mysql_gmt(const char *s, time_t *out);
/* Formats t as a MySQL datetime in UTC (gmt=1) or the site's local time (gmt=0). */
void wpdate_format_mysql(time_t t, int gmt, char out[WPDATE_LEN]);
/* get_gmt_from_date(): local MySQL datetime -> GMT MySQL datetime. */
int wpdate_local_to_gmt(const char *local, char out[WPDATE_LEN]);
/* get_date_from_gmt(): GMT -> local. */
int wpdate_gmt_to_local(const char *gmt, char out[WPDATE_LEN]);
/* mysql_to_rfc3339(): "2026-04-30 07:45:11" -> "2026-04-30T07:45:11". */
void wpdate_rest(const char *mysql, char out[WPDATE_LEN]);
/* The site's UTC offset in seconds at t (east positive). */
long wpdate_offset_at(time_t t);
/* rest_parse_date(): an RFC 3339 / ISO 8601 date as REST accepts it
 * ("2012-01-01T00:00:00", optional fraction and Z/+hh:mm). Without a zone the
 * date is local when force_utc is 0, UTC otherwise. PD_EINVAL when invalid. */
int wpdate_parse_rest(const char *s, int force_utc, time_t *out);

#endif
