/* main.c - runs every registered unit test; optional argument: a name filter. */
#include <stdlib.h>
#include <unistd.h>

#include "test.h"

static struct test_case *head, **tail = &head;
static int current_skipped;

void test_register(struct test_case *tc)
{
	*tail = tc;
	tail = &tc->next;
}

void test_fail_str(const char *file, int line, const char *expr, const char *got, const char *want)
{
	fprintf(stderr, "  %s:%d: %s\n    got:  \"%s\"\n    want: \"%s\"\n", file, line, expr,
		got ? got : "(null)", want ? want : "(null)");
}

void test_fail_int(const char *file, int line, const char *expr, long long got, long long want)
{
	fprintf(stderr, "  %s:%d: %s\n    got:  %lld\n    want: %lld\n", file, line, expr, got, want);
}

void test_fail_msg(const char *file, int line, const char *msg)
{
	fprintf(stderr, "  %s:%d: %s\n", file, line, msg);
}

void test_skip(const char *why)
{
	current_skipped = 1;
	fprintf(stderr, "  SKIPPED: %s\n", why);
}

const char *test_shared_dir(void)
{
	const char *env = getenv("PRESSD_SHARED");
	if (env && access(env, R_OK) == 0)
		return env;
	if (access("../shared/spec", R_OK) == 0)
		return "../shared";
	return NULL;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0, skipped = 0;
	for (struct test_case *tc = head; tc; tc = tc->next) {
		if (argc > 1 && !strstr(tc->name, argv[1]) && !strstr(tc->file, argv[1]))
			continue;
		int f = 0;
		current_skipped = 0;
		tc->fn(&f);
		if (f > 0) {
			failed++;
			fprintf(stderr, "FAIL %s (%s)\n", tc->name, tc->file);
		} else if (current_skipped) {
			skipped++;
			fprintf(stderr, "SKIP %s (%s)\n", tc->name, tc->file);
		} else {
			passed++;
		}
	}
	if (skipped)
		printf("unit: %d tests SKIPPED because ../shared is missing\n", skipped);
	printf("unit: %d passed, %d failed, %d skipped\n", passed, failed, skipped);
	return failed ? 1 : 0;
}
