// Any bytes as a CSV table, and as the published network's three files (the input split at
// form feeds into BACRIM2020_Nodes.csv, _Rivals.csv and _Alliances.csv, written to a scratch
// folder), read into a network, built into a world and simulated for a few weeks.
//
// Properties: problems are diagnostics, never crashes; every row kept has the header's number
// of fields; a network that loads has only known endpoints and weights in [0, 1e6]; building
// and running it gives a UserError or a run, never an internal error (a broken invariant).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "agents/model/simulation.hpp"
#include "agents/network/published_network.hpp"
#include "agents/scenario/scenario.hpp"
#include "sim/config/csv_reader.hpp"
#include "sim/config/diagnostics.hpp"

namespace {

namespace fs = std::filesystem;

/// A scratch folder for this process, removed at exit (in memory when /dev/shm exists).
class ScratchFolder {
 public:
  ScratchFolder() {
    std::error_code error;
    const fs::path base =
        fs::is_directory("/dev/shm", error) ? fs::path("/dev/shm") : fs::temp_directory_path();
    path_ = base / ("seccoop-csv-fuzzer-" + std::to_string(::getpid()));
    fs::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code error;
    fs::remove_all(path_, error);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void require(bool holds) {
  if (!holds) std::abort();
}

void check_table(std::string_view text) {
  seccoop::sim::Diagnostics diagnostics;
  const auto table = seccoop::sim::CsvTable::parse(text, "fuzz.csv", diagnostics);
  for (const auto& row : table.rows())
    require(row.fields.size() == table.header().size() && row.line >= 2);
}

void check_network(std::string_view text, const fs::path& folder) {
  const char* const names[] = {"BACRIM2020_Nodes.csv", "BACRIM2020_Rivals.csv",
                               "BACRIM2020_Alliances.csv"};
  std::size_t from = 0;
  for (const char* name : names) {
    const std::size_t end = std::min(text.find('\f', from), text.size());
    std::ofstream(folder / name, std::ios::binary | std::ios::trunc)
        << text.substr(std::min(from, text.size()), end - std::min(from, text.size()));
    from = end + 1;
  }
  seccoop::sim::Diagnostics diagnostics;
  const auto network = seccoop::agents::load_published_network(folder, diagnostics);
  if (!diagnostics.empty()) return;
  for (const auto* pairs : {&network.rivalries, &network.alliances}) {
    for (const auto& pair : *pairs) {
      require(pair.first < network.size() && pair.second < network.size() &&
              pair.first != pair.second);
      require(pair.weight >= 0.0 && pair.weight <= seccoop::agents::kMaxPairWeight);
    }
  }
  seccoop::agents::Scenario scenario{
      .name = "fuzz",
      .start = *seccoop::sim::Date::parse_iso("2012-01-02"),
      .weeks = 3,
      .integration = seccoop::agents::IntegrationMode::stochastic,
      .network = seccoop::agents::NetworkSource{.directory = folder},
      .parameters = seccoop::sim::ParameterValues(seccoop::agents::model_parameter_table())};
  try {
    const auto world = seccoop::agents::build_world(scenario);
    static_cast<void>(seccoop::agents::simulate_run(world, {.master_seed = 1, .run_index = 0}));
  } catch (const seccoop::sim::UserError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ScratchFolder folder;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check_table(text);
  check_network(text, folder.path());
  return 0;
}
