#pragma once
// Progress of a long run on stderr: a bar redrawn in place on a terminal; plain lines at most
// every few seconds otherwise (logs of batch jobs stay short).
#include <chrono>
#include <cstddef>

namespace seccoop::app {

class ProgressReporter {
 public:
  explicit ProgressReporter(bool quiet);
  void update(std::size_t done, std::size_t total);

 private:
  bool quiet_;
  bool terminal_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_print_;
};

}  // namespace seccoop::app
