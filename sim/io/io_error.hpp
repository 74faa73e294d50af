#pragma once
// Errors of the results-file layer. A file that cannot be created, opened, read or committed is
// the user's problem to fix (a path, a permission, a full disk, a file that is not a results
// file), so IoError is a UserError: the command line prints it and exits non-zero. A schema or
// call that breaks this layer's contract is a bug and raises seccoop::sim::InternalError.
#include <filesystem>
#include <string_view>

#include "sim/config/diagnostics.hpp"

namespace seccoop::sim::io {

class IoError : public UserError {
 public:
  /// Message: "results file '<path>': cannot <operation>: <detail>".
  IoError(const std::filesystem::path& path, std::string_view operation, std::string_view detail);

  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace seccoop::sim::io
