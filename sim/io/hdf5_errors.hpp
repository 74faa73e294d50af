#pragma once
// Turns HDF5 failures into IoError. HDF5 prints its error stack to stderr by default, which
// would bury the one line a user needs under dozens of library frames; we silence the printing
// and put the innermost (most specific) HDF5 message into the exception instead.
#include <hdf5.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace seccoop::sim::io::detail {

/// Turns off HDF5's automatic error printing for the calling thread. The error-stack settings
/// are per thread in a thread-safe HDF5 build (Debian's is), so every entry point calls this.
void silence_hdf5_error_printing() noexcept;

/// The most specific message on the calling thread's HDF5 error stack (then clears it).
[[nodiscard]] std::string take_hdf5_error_message();

/// Throws IoError naming the path, the operation and HDF5's reason.
[[noreturn]] void throw_hdf5_failure(const std::filesystem::path& path, std::string_view operation);

/// Returns `id`, or throws via throw_hdf5_failure() when HDF5 reported failure (id < 0).
inline hid_t check_id(hid_t id, const std::filesystem::path& path, std::string_view operation) {
  if (id < 0) {
    throw_hdf5_failure(path, operation);
  }
  return id;
}

/// Throws via throw_hdf5_failure() when a call returned a negative status.
inline void check_status(herr_t status, const std::filesystem::path& path,
                         std::string_view operation) {
  if (status < 0) {
    throw_hdf5_failure(path, operation);
  }
}

}  // namespace seccoop::sim::io::detail
