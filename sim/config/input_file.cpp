#include "sim/config/input_file.hpp"

#include <fmt/format.h>

namespace seccoop::sim {

std::string unreadable_file_reason(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (fs::is_regular_file(status)) return {};
  if (fs::is_directory(status)) return "not a regular file (it is a directory)";
  if (fs::exists(status)) return "not a regular file";
  // status() reports ENOTDIR as "not found": name the part of the path that is not a folder.
  for (fs::path parent = path.parent_path(); !parent.empty() && parent != parent.root_path();
       parent = parent.parent_path()) {
    const fs::file_status parent_status = fs::status(parent, error);
    if (fs::is_directory(parent_status)) break;
    if (fs::exists(parent_status)) {
      return fmt::format("file not found ('{}' is a file, not a directory)", parent.string());
    }
  }
  return "file not found";
}

}  // namespace seccoop::sim
