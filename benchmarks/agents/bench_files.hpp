#pragma once
// Where the benchmarks that write results files put them: a folder of this process under the
// system's temporary directory ($TMPDIR), removed at exit.
#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace seccoop::agents::bench {

inline const std::filesystem::path& scratch_directory() {
  struct Scratch {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("seccoop-bench-" + std::to_string(::getpid()));
    Scratch() { std::filesystem::create_directories(path); }
    ~Scratch() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  };
  static const Scratch kScratch;
  return kScratch.path;
}

}  // namespace seccoop::agents::bench
