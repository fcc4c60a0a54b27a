/* wpdate.c - date conversions as WordPress does them (see wpdate.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/err.h"
#include "pressd/wpdate.h"

static int parse_fields(const char *s, struct tm *tm)
{
	int y, mo, d, h = 0, mi = 0, se = 0;
	char sep;
	if (sscanf(s, "%4d-%2d-%2d%c%2d:%2d:%2d", &y, &mo, &d, &sep, &h, &mi, &se) != 7)
		return PD_EINVAL;
	if (y == 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
		return PD_EINVAL;
	memset(tm, 0, sizeof *tm);
	tm->tm_year = y - 1900;
	tm->tm_mon = mo - 1;
	tm->tm_mday = d;
	tm->tm_hour = h;
	tm->tm_min = mi;
	tm->tm_sec = se;
	tm->tm_isdst = -1;
	return PD_OK;
}

int wpdate_parse_mysql_gmt(const char *s, time_t *out)
{
	struct tm tm;
	if (parse_fields(s, &tm))
		return PD_EINVAL;
	*out = timegm(&tm);
	return PD_OK;
}

void wpdate_format_mysql(time_t t, int gmt, char out[WPDATE_LEN])
{
	struct tm tm;
	if (gmt)
		gmtime_r(&t, &tm);
	else
		localtime_r(&t, &tm);
	strftime(out, WPDATE_LEN, "%Y-%m-%d %H:%M:%S", &tm);
}

int wpdate_local_to_gmt(const char *local, char out[WPDATE_LEN])
{
	struct tm tm;
	if (parse_fields(local, &tm))
		return PD_EINVAL;
	time_t t = mktime(&tm);
	wpdate_format_mysql(t, 1, out);
	return PD_OK;
}

int wpdate_gmt_to_local(const char *gmt, char out[WPDATE_LEN])
{
	time_t t;
	if (wpdate_parse_mysql_gmt(gmt, &t))
		return PD_EINVAL;
	wpdate_format_mysql(t, 0, out);
	return PD_OK;
}

void wpdate_rest(const char *mysql, char out[WPDATE_LEN])
{
	snprintf(out, WPDATE_LEN, "%.19s", mysql);
	if (strlen(out) > 10)
		out[10] = 'T';
}

long wpdate_offset_at(time_t t)
{
	struct tm tm;
	localtime_r(&t, &tm);
	return tm.tm_gmtoff;
}

/* Mirrors rest_parse_date(): the regex
 * ^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}(?::\d{2})?)?$ then strtotime. */
int wpdate_parse_rest(const char *s, int force_utc, time_t *out)
{
	const char *p = s;
	for (int i = 0; i < 19; i++, p++) {
		char c = *p;
		int ok;
		switch (i) {
		case 4: case 7: ok = c == '-'; break;
		case 10: ok = c == 'T' || c == 't' || c == ' '; break;
		case 13: case 16: ok = c == ':'; break;
		default: ok = isdigit((unsigned char)c);
		}
		if (!ok)
			return PD_EINVAL;
	}
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return PD_EINVAL;
		while (isdigit((unsigned char)*p))
			p++;
	}
	long zone = 0;
	int has_zone = 0;
	if (*p == 'Z' || *p == 'z') {
		has_zone = 1;
		p++;
	} else if (*p == '+' || *p == '-') {
		int sign = *p == '-' ? -1 : 1, hh, mm = 0;
		if (!isdigit((unsigned char)p[1]) || !isdigit((unsigned char)p[2]))
			return PD_EINVAL;
		hh = (p[1] - '0') * 10 + (p[2] - '0');
		p += 3;
		if (*p == ':') {
			if (!isdigit((unsigned char)p[1]) || !isdigit((unsigned char)p[2]))
				return PD_EINVAL;
			mm = (p[1] - '0') * 10 + (p[2] - '0');
			p += 3;
		}
		/* strtotime() rejects offsets past 24 hours or 59 minutes. */
		if (hh > 24 || mm > 59)
			return PD_EINVAL;
		zone = sign * (hh * 3600 + mm * 60);
		has_zone = 1;
	}
	if (*p)
		return PD_EINVAL;
	struct tm tm;
	char tmp[20];
	memcpy(tmp, s, 19);
	tmp[19] = '\0';
	tmp[10] = ' ';
	if (parse_fields(tmp, &tm))
		return PD_EINVAL;
	/* strtotime() rolls over out-of-range days (2023-02-31 -> March 3); so does timegm. */
	if (has_zone || force_utc) {
		*out = timegm(&tm) - zone;
	} else {
		*out = mktime(&tm);
	}
	return PD_OK;
}

void wpdate_set_zone(const char *timezone_string, double gmt_offset)
{
	if (timezone_string && timezone_string[0]) {
		setenv("TZ", timezone_string, 1);
	} else {
		/* POSIX TZ offsets are west-positive: UTC+1 is "UTC-1". */
		char tz[32];
		int mins = (int)(gmt_offset * 60);
		int a = mins < 0 ? -mins : mins;
		snprintf(tz, sizeof tz, "UTC%c%d:%02d", mins > 0 ? '-' : '+', a / 60, a % 60);
		setenv("TZ", tz, 1);
	}
	tzset();
}
