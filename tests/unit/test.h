/* test.h - a tiny unit test runner (after libuv's): TEST(name) { ... } registers
 * itself; assertions print both values on failure and end the test. */
#ifndef PRESSD_TEST_H
#define PRESSD_TEST_H

#include <stdio.h>
#include <string.h>

struct test_case {
	const char *name;
	const char *file;
	void (*fn)(int *failed);
	struct test_case *next;
};

void test_register(struct test_case *tc);
void test_fail_str(const char *file, int line, const char *expr, const char *got, const char *want);
void test_fail_int(const char *file, int line, const char *expr, long long got, long long want);
void test_fail_msg(const char *file, int line, const char *msg);
/* Path of ../shared relative to the repository, or NULL when it is absent. */
const char *test_shared_dir(void);
void test_skip(const char *why);

#define TEST(name)                                                              \
	static void test_fn_##name(int *test_failed_);                          \
	static struct test_case test_case_##name = { #name, __FILE__, test_fn_##name, NULL }; \
	__attribute__((constructor)) static void test_reg_##name(void)          \
	{ test_register(&test_case_##name); }                                   \
	static void test_fn_##name(int *test_failed_)

#define ASSERT(cond) do { if (!(cond)) {                                        \
	test_fail_msg(__FILE__, __LINE__, "assertion failed: " #cond);          \
	*test_failed_ = 1; return; } } while (0)

#define ASSERT_INT_EQ(got, want) do { long long g_ = (long long)(got), w_ = (long long)(want); \
	if (g_ != w_) { test_fail_int(__FILE__, __LINE__, #got, g_, w_);         \
	*test_failed_ = 1; return; } } while (0)

#define ASSERT_STR_EQ(got, want) do { const char *g_ = (got), *w_ = (want);   \
	if (!g_ || !w_ || strcmp(g_, w_) != 0) {                                \
	test_fail_str(__FILE__, __LINE__, #got, g_, w_);                        \
	*test_failed_ = 1; return; } } while (0)

/* Marks the current test as skipped (needs ../shared) and returns. */
#define SKIP(why) do { test_skip(why); *test_failed_ = -1; return; } while (0)

#endif
