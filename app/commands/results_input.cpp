#include "app/commands/results_input.hpp"

#include <fmt/format.h>

#include "agents/output/results_summary.hpp"
#include "sim/io/results_file.hpp"

namespace seccoop::app {

sim::io::ResultsReader open_results(const std::filesystem::path& path) {
  std::error_code error;
  const auto partial = sim::io::ResultsFile::partial_path_for(path);
  if (!std::filesystem::exists(path, error) && std::filesystem::exists(partial, error)) {
    throw sim::io::IoError(
        path, "open",
        fmt::format("no such file, but an interrupted or running job left '{}' "
                    "(inspect that, or finish it with `seccoop run ... --resume`)",
                    partial.string()));
  }
  sim::io::ResultsReader reader(path);
  agents::require_seccoop_results(reader);
  return reader;
}

}  // namespace seccoop::app
