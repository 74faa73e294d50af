#include "app/commands/stop_signals.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>

namespace seccoop::app {

namespace {

// A lock-free atomic is async-signal-safe to store into.
std::atomic<int> requested_stop{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void record_stop_signal(int signal) {
  requested_stop.store(signal, std::memory_order_relaxed);
  // write() is async-signal-safe; fmt and stdio are not.
  constexpr char kMessage[] =
      "\nseccoop: stopping once the runs in progress are written (a second signal stops at "
      "once, possibly losing the block being written)\n";
  static_cast<void>(write(STDERR_FILENO, kMessage, sizeof kMessage - 1));
}

}  // namespace

void catch_stop_signals() {
  struct sigaction action {};
  action.sa_handler = record_stop_signal;
  sigemptyset(&action.sa_mask);
  // SA_RESETHAND: the handler runs once, then the default action is back for a second signal.
  // SA_RESTART: a system call the signal interrupts (a write of HDF5) resumes rather than fails.
  action.sa_flags = static_cast<int>(SA_RESETHAND | SA_RESTART);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
}

int stop_signal() noexcept { return requested_stop.load(std::memory_order_relaxed); }

}  // namespace seccoop::app
