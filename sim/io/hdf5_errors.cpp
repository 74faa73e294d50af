#include "sim/io/hdf5_errors.hpp"

#include "sim/io/io_error.hpp"

namespace seccoop::sim::io::detail {

namespace {

// Walking upward visits the innermost frame first: the one that says what actually failed
// ("unable to open file: name = ..., errno = 13, error message = 'Permission denied'").
herr_t keep_first_description(unsigned /*depth*/, const H5E_error2_t* error, void* data) {
  auto* message = static_cast<std::string*>(data);
  if (message->empty() && error != nullptr && error->desc != nullptr) {
    *message = error->desc;
  }
  return 0;
}

// "unable to open file: name = 'x', errno = 21, error message = 'Is a directory', flags = 13"
// becomes "unable to open file: Is a directory": the system's reason without HDF5's internals.
std::string readable(const std::string& description) {
  // "truncated file: eof = 123393, sblock->base_addr = 0, stored_eof = 246786" says how much
  // of the file is there, in HDF5's words: say it in the user's.
  if (description.starts_with("truncated file")) {
    const auto eof = description.find("eof = ");
    const auto stored = description.find("stored_eof = ");
    if (eof != std::string::npos && stored != std::string::npos) {
      return "truncated file: " +
             description.substr(eof + 6, description.find(',', eof) - eof - 6) + " of its " +
             description.substr(stored + 13) + " bytes are there (a copy or transfer cut short?)";
    }
  }
  const std::string marker = "error message = '";
  const auto start = description.find(marker);
  if (start == std::string::npos) {
    return description;
  }
  const auto reason_start = start + marker.size();
  const auto reason_end = description.find('\'', reason_start);
  const auto prefix_end = description.find_first_of(":,");
  std::string text = description.substr(0, prefix_end) + ": " +
                     description.substr(reason_start, reason_end - reason_start);
  if (description.starts_with("unable to lock file")) {
    text += " (another program has the file open for writing)";
  }
  return text;
}

}  // namespace

void silence_hdf5_error_printing() noexcept {
  static_cast<void>(H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr));
}

std::string take_hdf5_error_message() {
  std::string message;
  static_cast<void>(H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, keep_first_description, &message));
  static_cast<void>(H5Eclear2(H5E_DEFAULT));
  return message.empty() ? std::string("HDF5 reported an error without a message")
                         : readable(message);
}

void throw_hdf5_failure(const std::filesystem::path& path, std::string_view operation) {
  throw IoError(path, operation, take_hdf5_error_message());
}

}  // namespace seccoop::sim::io::detail
