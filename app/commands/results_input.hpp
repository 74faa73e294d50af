#pragma once
// Opens a results file named on the command line (`info`, `summarize`), refusing with one clear
// line anything that is not a seccoop results file.
#include <filesystem>

#include "sim/io/results_reader.hpp"

namespace seccoop::app {

/// Throws a sim::UserError naming the path when the file is missing (pointing at a .partial
/// an interrupted job left, if there is one), is not HDF5, is truncated or is not seccoop's.
sim::io::ResultsReader open_results(const std::filesystem::path& path);

}  // namespace seccoop::app
