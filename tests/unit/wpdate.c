/* Tests server/wpdate.c with Europe/Amsterdam, the comparison site's zone
 * (values from the seed post and the goldens: 07:45:11 local = 05:45:11 GMT in CEST). */
#include <stdlib.h>
#include <time.h>
#include "test.h"
#include "pressd/wpdate.h"

static void amsterdam(void)
{
	setenv("TZ", "Europe/Amsterdam", 1);
	tzset();
}

TEST(wpdate_local_gmt_dst)
{
	char out[WPDATE_LEN];
	amsterdam();
	ASSERT_INT_EQ(wpdate_local_to_gmt("2026-04-30 07:45:11", out), 0);
	ASSERT_STR_EQ(out, "2026-04-30 05:45:11");      /* summer: +02:00 */
	ASSERT_INT_EQ(wpdate_local_to_gmt("2026-11-24 10:00:00", out), 0);
	ASSERT_STR_EQ(out, "2026-11-24 09:00:00");      /* winter: +01:00 */
	ASSERT_INT_EQ(wpdate_gmt_to_local("2026-03-29 01:30:00", out), 0);
	ASSERT_STR_EQ(out, "2026-03-29 03:30:00");      /* just after the spring change */
	ASSERT_INT_EQ(wpdate_gmt_to_local("0000-00-00 00:00:00", out), -4);
}

TEST(wpdate_rest_format)
{
	char out[WPDATE_LEN];
	wpdate_rest("2026-04-30 07:45:11", out);
	ASSERT_STR_EQ(out, "2026-04-30T07:45:11");
}

TEST(wpdate_parse_rest_dates)
{
	time_t t;
	amsterdam();
	ASSERT_INT_EQ(wpdate_parse_rest("2012-01-01T00:00:00", 1, &t), 0);
	ASSERT_INT_EQ((long long)t, 1325376000LL);
	ASSERT_INT_EQ(wpdate_parse_rest("2012-01-01T00:00:00", 0, &t), 0);
	ASSERT_INT_EQ((long long)t, 1325376000LL - 3600);
	ASSERT_INT_EQ(wpdate_parse_rest("2012-01-01T00:00:00+02:00", 0, &t), 0);
	ASSERT_INT_EQ((long long)t, 1325376000LL - 7200);
	ASSERT_INT_EQ(wpdate_parse_rest("2012-01-01 00:00:00.123Z", 0, &t), 0);
	ASSERT_INT_EQ((long long)t, 1325376000LL);
	ASSERT_INT_EQ(wpdate_parse_rest("notadate", 0, &t), -4);
	/* PHP 8.2 strtotime(): +24:00 parses, +25:00 and +01:60 do not. */
	ASSERT_INT_EQ(wpdate_parse_rest("2024-01-02T03:04:05+24:00", 0, &t), 0);
	ASSERT_INT_EQ((long long)t, 1704078245LL);
	ASSERT_INT_EQ(wpdate_parse_rest("2024-01-02T03:04:05+25:00", 0, &t), -4);
	ASSERT_INT_EQ(wpdate_parse_rest("2024-01-02T03:04:05+01:60", 0, &t), -4);
	ASSERT_INT_EQ(wpdate_parse_rest("2012-01-01", 0, &t), -4);
}
