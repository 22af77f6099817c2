/*
 * The thirty-two-byte steps' one condition: built where the compiler can target AVX2
 * in a function of its own (x86-64, GCC or Clang: SHF_AVX2), and taken where the
 * processor runs it (shf_cpu_avx2).  The UTF-8 checks and counts (core/utf8.c), the
 * record writer's strings (record/record_write.c) and the match key's fold
 * (text/icu_fold.c) all keep their other paths for the processors without it.
 */
#ifndef SAHIFA_CORE_CPU_AVX2_H
#define SAHIFA_CORE_CPU_AVX2_H

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SHF_AVX2 1

/* AVX2, and the popcount and BMI1 instructions that every processor with it has and
 * that the AVX2 functions are built to use too. */
static inline int shf_cpu_avx2(void)
{
	return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt") &&
	       __builtin_cpu_supports("bmi");
}
#endif

#endif
