#include "sim/io/cut_short_file.hpp"

#include <string>

#include "sim/io/hdf5_errors.hpp"
#include "sim/io/hdf5_handle.hpp"

namespace seccoop::sim::io {

namespace {

/// HDF5's own words, stable since 1.8: "truncated file: eof = 2097152,
/// sblock->base_addr = 0, stored_eof = 2100168".
herr_t find_truncation(unsigned /*depth*/, const H5E_error2_t* error, void* data) {
  auto* found = static_cast<std::string*>(data);
  if (found->empty() && error != nullptr && error->desc != nullptr &&
      std::string(error->desc).starts_with("truncated file")) {
    *found = error->desc;
  }
  return 0;
}

std::optional<std::uintmax_t> number_after(const std::string& text, const std::string& label) {
  const auto at = text.find(label);
  if (at == std::string::npos) return std::nullopt;
  const std::string digits = text.substr(at + label.size());
  std::size_t used = 0;
  try {
    const auto value = std::stoull(digits, &used);
    return used > 0 ? std::optional<std::uintmax_t>(value) : std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::optional<CutShortFile> find_cut_short(const std::filesystem::path& path) {
  detail::silence_hdf5_error_printing();
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file >= 0) {
    static_cast<void>(H5Fclose(file));
    return std::nullopt;
  }
  std::string truncation;
  static_cast<void>(H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, find_truncation, &truncation));
  static_cast<void>(H5Eclear2(H5E_DEFAULT));
  const auto on_disk = number_after(truncation, ": eof = ");
  const auto recorded = number_after(truncation, "stored_eof = ");
  if (!on_disk || !recorded || *recorded <= *on_disk) return std::nullopt;
  return CutShortFile{.on_disk = *on_disk, .recorded = *recorded};
}

}  // namespace seccoop::sim::io
