/*
 * Minimal table-driven unit test support.  CHECK* count a check and, on failure, print
 * "FAIL file:line: what"; check_report() prints "RESULT passed failed" for tests/run.sh
 * and returns the exit status.
 */
#ifndef SAHIFA_CHECK_H
#define SAHIFA_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                                  \
	do {                                                                         \
		if (cond)                                                            \
			check_passed++;                                              \
		else {                                                               \
			check_failed++;                                              \
			printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);       \
		}                                                                    \
	} while (0)

/* Compare strings; label names the table row. */
#define CHECK_STR(label, got, want)                                                  \
	do {                                                                         \
		const char *g_ = (got), *w_ = (want);                                \
		if ((!g_ && !w_) || (g_ && w_ && !strcmp(g_, w_)))                   \
			check_passed++;                                              \
		else {                                                               \
			check_failed++;                                              \
			printf("FAIL %s:%d: %s: got '%s', want '%s'\n", __FILE__,      \
			       __LINE__, (label), g_ ? g_ : "(null)",                 \
			       w_ ? w_ : "(null)");                                   \
		}                                                                    \
	} while (0)

#define CHECK_INT(label, got, want)                                                  \
	do {                                                                         \
		long long g_ = (long long)(got), w_ = (long long)(want);             \
		if (g_ == w_)                                                        \
			check_passed++;                                              \
		else {                                                               \
			check_failed++;                                              \
			printf("FAIL %s:%d: %s: got %lld, want %lld\n", __FILE__,      \
			       __LINE__, (label), g_, w_);                            \
		}                                                                    \
	} while (0)

static inline int check_report(void)
{
	printf("RESULT %d %d\n", check_passed, check_failed);
	return check_failed ? 1 : 0;
}

#endif
