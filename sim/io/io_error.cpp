#include "sim/io/io_error.hpp"

#include <fmt/format.h>

namespace seccoop::sim::io {

IoError::IoError(const std::filesystem::path& path, std::string_view operation,
                 std::string_view detail)
    : UserError(fmt::format("results file '{}': cannot {}: {}", path.string(), operation, detail)),
      path_(path) {}

}  // namespace seccoop::sim::io
