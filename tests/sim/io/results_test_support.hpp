#pragma once
// A small results file shared by the io tests and by tests/python/check_netcdf.py, which
// asserts the same values from Python: change both together.
//
// Dimensions run (unlimited), week (5), cartel (3); variables members(run, week, cartel)
// float64, seed(run) int64, completed(run) int8 with flags, scenario(run) string, and the
// static date(week) and cartel_name(cartel) strings; three runs written in two batches.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/io/results_file.hpp"

namespace seccoop::sim::io::testing {

/// A fresh directory under the system temporary directory, removed with everything in it.
class TemporaryDirectory {
 public:
  TemporaryDirectory();
  ~TemporaryDirectory();
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

inline constexpr std::size_t kSampleRuns = 3;
inline constexpr std::size_t kSampleWeeks = 5;
inline constexpr std::size_t kSampleCartels = 3;

[[nodiscard]] FileSchema sample_schema();
[[nodiscard]] std::vector<Attribute> sample_global_attributes();

/// members[run][week][cartel] = 1000 run + 10 week + cartel + 0.25, row-major.
[[nodiscard]] std::vector<double> sample_members(std::size_t first_run, std::size_t run_count);
[[nodiscard]] std::vector<std::int64_t> sample_seeds(std::size_t first_run, std::size_t run_count);
[[nodiscard]] std::vector<std::string> sample_scenarios(std::size_t first_run,
                                                        std::size_t run_count);
[[nodiscard]] std::vector<std::string> sample_dates();
[[nodiscard]] std::vector<std::string> sample_cartel_names();

/// Writes the static variables (coordinates, dates, names) of a freshly created sample file.
void write_sample_statics(ResultsFile& file);
/// Grows `run` as needed and writes runs [first_run, first_run + run_count), then flushes.
void write_sample_runs(ResultsFile& file, std::size_t first_run, std::size_t run_count);
/// Creates, fills (runs 0-1, then run 2) and commits the sample file at `final_path`.
void write_sample_file(const std::filesystem::path& final_path);

}  // namespace seccoop::sim::io::testing
