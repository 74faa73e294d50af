#pragma once
// ThreadSanitizer checks only instrumented code. oneTBB comes from Debian, uninstrumented, so
// the synchronisation by which it hands work and results from thread to thread is invisible
// to it, and every hand-over would read as a data race in our code. These mark a hand-over:
// the thread that hands over releases a channel, the thread that takes over acquires it, which
// is the order TBB guarantees. With them, TSan checks the model's code (what concurrent runs
// share) instead of reporting TBB. They compile to nothing without -fsanitize=thread.
#if defined(__SANITIZE_THREAD__)  // GCC
#define SECCOOP_TSAN_ANNOTATIONS 1
#elif defined(__has_feature)  // clang
#if __has_feature(thread_sanitizer)
#define SECCOOP_TSAN_ANNOTATIONS 1
#endif
#endif

#ifdef SECCOOP_TSAN_ANNOTATIONS
#include <sanitizer/tsan_interface.h>
#endif

namespace seccoop::sim::detail {

/// Channels are addresses, only ever compared. Fixed ones, because a filter or a block must
/// take over before it reads anything its lambda captured (TBB copied the lambda on another
/// thread). One channel for every run's blocks orders some accesses of concurrent runs that
/// TBB does not order, which may hide a race between runs inside nested loops; races between
/// runs elsewhere, and between the blocks of one loop, are still seen.
struct TsanChannels {
  char start = 0;      // the caller's set-up, before the work is handed out
  char input = 0;      // run_pipeline's input filter, from one call to the next
  char to_writer = 0;  // each run's result, from its worker to the writer
  char writer = 0;     // the writer, from one call to the next
  char done = 0;       // everything, back to the caller
};
inline constexpr TsanChannels kPipelineChannels{};  // run_pipeline (one at a time per process)
inline constexpr TsanChannels kBlockChannels{};     // for_each_block (every run's: coarser)

/// Everything this thread wrote so far is visible to a thread that then calls take_over().
inline void hand_over([[maybe_unused]] const void* channel) noexcept {
#ifdef SECCOOP_TSAN_ANNOTATIONS
  __tsan_release(const_cast<void*>(channel));
#endif
}

/// Sees everything written before every hand_over() on `channel` that happened before.
inline void take_over([[maybe_unused]] const void* channel) noexcept {
#ifdef SECCOOP_TSAN_ANNOTATIONS
  __tsan_acquire(const_cast<void*>(channel));
#endif
}

}  // namespace seccoop::sim::detail
