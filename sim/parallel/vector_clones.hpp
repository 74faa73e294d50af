#pragma once
// SECCOOP_VECTOR_CLONES before a function's declaration: GCC and Clang compile it twice, for
// baseline x86-64 (SSE2) and for AVX2, and the dynamic loader binds calls to the clone the
// processor can run. Release builds set no -march (a binary must run on every node of a
// cluster), so without this a vectorized loop uses 16-byte registers even where 32-byte ones
// exist. Only for loops of copies, comparisons, integer operations and additions: both clones
// then give the same bits (no multiplication, so nothing for the compiler to contract into FMA).
//
// Not in sanitizer builds: the loader runs the clones' resolver before the sanitizer's runtime
// is set up, and a ThreadSanitizer build crashed at start.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define SECCOOP_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SECCOOP_SANITIZED 1
#endif

#if defined(__x86_64__) && defined(__ELF__) && !defined(SECCOOP_SANITIZED)
#define SECCOOP_VECTOR_CLONES [[gnu::target_clones("avx2", "default")]]
#else
#define SECCOOP_VECTOR_CLONES
#endif
