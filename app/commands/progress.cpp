#include "app/commands/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace seccoop::app {

namespace {
constexpr auto kTerminalInterval = std::chrono::milliseconds(200);
constexpr auto kLogInterval = std::chrono::seconds(10);
constexpr int kBarWidth = 30;

std::string format_duration(double seconds) {
  const auto whole = static_cast<long>(seconds + 0.5);
  if (whole >= 3600) return fmt::format("{}h{:02d}m", whole / 3600, (whole % 3600) / 60);
  if (whole >= 60) return fmt::format("{}m{:02d}s", whole / 60, whole % 60);
  return fmt::format("{}s", whole);
}
}  // namespace

ProgressReporter::ProgressReporter(bool quiet)
    : quiet_(quiet),
      terminal_(isatty(fileno(stderr)) != 0),
      started_(std::chrono::steady_clock::now()),
      last_print_(started_) {}

void ProgressReporter::update(std::size_t done, std::size_t total) {
  if (quiet_ || total == 0) return;
  const auto now = std::chrono::steady_clock::now();
  const bool finished = done == total;
  if (!finished && now - last_print_ < (terminal_ ? kTerminalInterval : kLogInterval)) return;
  last_print_ = now;
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
  const double left = rate > 0 ? static_cast<double>(total - done) / rate : 0.0;
  const double fraction = static_cast<double>(done) / static_cast<double>(total);
  if (terminal_) {
    const int filled = static_cast<int>(fraction * kBarWidth);
    fmt::print(stderr, "\r[{:=<{}}{: <{}}] {}/{} runs  {:.1f} runs/s  {} left ", "", filled, "",
               kBarWidth - filled, done, total, rate, format_duration(left));
    if (finished) fmt::print(stderr, "\n");
  } else {
    fmt::print(stderr, "progress: {}/{} runs ({:.0f}%), {:.1f} runs/s, {} left\n", done, total,
               100.0 * fraction, rate, format_duration(left));
  }
  std::fflush(stderr);
}

}  // namespace seccoop::app
