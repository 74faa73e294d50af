#pragma once
// Why an input file (a configuration, a CSV table) cannot be read, in words a user can act on.
#include <filesystem>
#include <string>

namespace seccoop::sim {

/// Empty when `path` is a regular file. Otherwise "file not found", "not a regular file (it is
/// a directory)", or, for a path that runs through a regular file ("notes.txt/nodes.csv"),
/// "file not found ('notes.txt' is a file, not a directory)".
std::string unreadable_file_reason(const std::filesystem::path& path);

}  // namespace seccoop::sim
