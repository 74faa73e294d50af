#pragma once
// `run --resume` on a .partial that a file-size limit cut short (sim/io/cut_short_file.hpp):
// extend it to the size HDF5 recorded, then prove that every run flagged complete reads back
// before trusting it. Without this, a job stopped by `ulimit -f` could never be resumed.
#include <filesystem>
#include <optional>
#include <string>

namespace seccoop::app {

/// Nothing when `partial` is missing or opens as it is. Otherwise extends it and returns a
/// note for the user; throws sim::UserError (leaving the file as it was) when the complete
/// runs do not read back.
std::optional<std::string> repair_cut_short_partial(const std::filesystem::path& partial);

}  // namespace seccoop::app
