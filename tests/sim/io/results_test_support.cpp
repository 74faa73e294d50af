#include "tests/sim/io/results_test_support.hpp"

#include <unistd.h>

#include <atomic>
#include <numeric>
#include <string_view>

namespace seccoop::sim::io::testing {

namespace {

Variable variable(std::string name, std::vector<std::string> dimensions, ValueType type,
                  std::string units, std::string long_name, std::vector<Attribute> more = {}) {
  std::vector<Attribute> attributes{{"units", std::move(units)},
                                    {"long_name", std::move(long_name)}};
  attributes.insert(attributes.end(), more.begin(), more.end());
  return Variable{.name = std::move(name),
                  .dimensions = std::move(dimensions),
                  .type = type,
                  .attributes = std::move(attributes)};
}

std::vector<std::int64_t> indices(std::size_t count) {
  std::vector<std::int64_t> values(count);
  std::iota(values.begin(), values.end(), std::int64_t{0});
  return values;
}

}  // namespace

TemporaryDirectory::TemporaryDirectory() {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          ("seccoop-io-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(path_);
}

TemporaryDirectory::~TemporaryDirectory() {
  std::error_code ignored;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add, ignored);
  std::filesystem::remove_all(path_, ignored);
}

FileSchema sample_schema() {
  return FileSchema{
      .dimensions = {{"run", 0, true},
                     {"week", kSampleWeeks, false},
                     {"cartel", kSampleCartels, false}},
      .variables = {
          variable("run", {"run"}, ValueType::int64, "1", "run index"),
          variable("week", {"week"}, ValueType::int64, "week", "weeks since the start date"),
          variable("cartel", {"cartel"}, ValueType::int64, "1", "cartel index"),
          variable("date", {"week"}, ValueType::string, "ISO 8601 date", "first day of the week"),
          variable("cartel_name", {"cartel"}, ValueType::string, "1", "cartel name"),
          variable("members", {"run", "week", "cartel"}, ValueType::float64, "people",
                   "cartel members"),
          variable("seed", {"run"}, ValueType::int64, "1", "random seed of the run"),
          variable("scenario", {"run"}, ValueType::string, "1", "scenario name"),
          variable("completed", {"run"}, ValueType::int8, "1", "run data is complete",
                   {{"flag_values", std::vector<std::int64_t>{0, 1}},
                    {"flag_meanings", std::string("incomplete complete")}}),
      }};
}

std::vector<Attribute> sample_global_attributes() {
  return {
      {"Conventions", std::string("CF-1.8")},
      {"title", std::string("seccoop io test")},
      {"place", std::string("Ciudad Juárez")},
      {"empty_text", std::string()},
      {"weeks_per_year", 52.1775},
      {"master_seed", std::int64_t{20250106}},
      {"sweep_lower_bounds", std::vector<double>{0.5, 1.5}},
      {"shard", std::vector<std::int64_t>{1, 4}},
      // Larger than HDF5's 64 KiB object-header limit: the resolved experiment YAML can be.
      {"experiment_yaml", std::string(100'000, 'y')},
  };
}

std::vector<double> sample_members(std::size_t first_run, std::size_t run_count) {
  std::vector<double> values;
  for (std::size_t run = first_run; run < first_run + run_count; ++run) {
    for (std::size_t week = 0; week < kSampleWeeks; ++week) {
      for (std::size_t cartel = 0; cartel < kSampleCartels; ++cartel) {
        values.push_back(static_cast<double>(1000 * run + 10 * week + cartel) + 0.25);
      }
    }
  }
  return values;
}

std::vector<std::int64_t> sample_seeds(std::size_t first_run, std::size_t run_count) {
  std::vector<std::int64_t> values;
  for (std::size_t run = first_run; run < first_run + run_count; ++run) {
    // Above 2^53: a double would round it, so the reader must offer exact integers.
    values.push_back(std::int64_t{0x7fff'ffff'ffff'ff00} + static_cast<std::int64_t>(run));
  }
  return values;
}

std::vector<std::string> sample_scenarios(std::size_t first_run, std::size_t run_count) {
  static const std::vector<std::string> names{"baseline", "sin cooperación", "joint ops"};
  return {names.begin() + static_cast<std::ptrdiff_t>(first_run),
          names.begin() + static_cast<std::ptrdiff_t>(first_run + run_count)};
}

std::vector<std::string> sample_dates() {
  return {"2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27", "2025-02-03"};
}

std::vector<std::string> sample_cartel_names() { return {"CJNG", "Sinaloa", "Golfo"}; }

void write_sample_statics(ResultsFile& file) {
  file.write_static("week", indices(kSampleWeeks));
  file.write_static("cartel", indices(kSampleCartels));
  file.write_static("date", sample_dates());
  file.write_static("cartel_name", sample_cartel_names());
}

void write_sample_runs(ResultsFile& file, std::size_t first_run, std::size_t run_count) {
  if (file.dimension_size("run") < first_run + run_count) {
    file.resize("run", first_run + run_count);
  }
  std::vector<std::int64_t> runs = indices(first_run + run_count);
  runs.erase(runs.begin(), runs.begin() + static_cast<std::ptrdiff_t>(first_run));
  file.write("run", first_run, run_count, runs);
  file.write("members", first_run, run_count, sample_members(first_run, run_count));
  file.write("seed", first_run, run_count, sample_seeds(first_run, run_count));
  file.write("scenario", first_run, run_count, sample_scenarios(first_run, run_count));
  file.write("completed", first_run, run_count, std::vector<std::int8_t>(run_count, 1));
  file.flush();
}

void write_sample_file(const std::filesystem::path& final_path) {
  ResultsFile file = ResultsFile::create(final_path, sample_schema(), sample_global_attributes());
  write_sample_statics(file);
  write_sample_runs(file, 0, 2);
  write_sample_runs(file, 2, 1);
  file.commit();
}

}  // namespace seccoop::sim::io::testing
