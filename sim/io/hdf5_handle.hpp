#pragma once
// RAII ownership of HDF5 identifiers (hid_t). HDF5 keeps a file open while any identifier into
// it is alive, so a leaked dataset id would keep the .partial file open across commit()'s
// rename; one owner per identifier closes it on every path, exceptions included.
//
// HDF5's macros (H5P_DEFAULT, H5S_ALL, H5T_NATIVE_*) contain C casts; they do not trip
// -Wold-style-cast because cmake/SeccoopDependencies.cmake includes HDF5 as a SYSTEM directory.
#include <hdf5.h>

#include <utility>

namespace seccoop::sim::io::detail {

template <herr_t (*Close)(hid_t)>
class Hdf5Handle {
 public:
  Hdf5Handle() noexcept = default;
  explicit Hdf5Handle(hid_t id) noexcept : id_(id) {}
  Hdf5Handle(const Hdf5Handle&) = delete;
  Hdf5Handle& operator=(const Hdf5Handle&) = delete;
  Hdf5Handle(Hdf5Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
  Hdf5Handle& operator=(Hdf5Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
    }
    return *this;
  }
  ~Hdf5Handle() { reset(); }

  [[nodiscard]] hid_t get() const noexcept { return id_; }
  [[nodiscard]] bool valid() const noexcept { return id_ >= 0; }

  /// Closes now and returns HDF5's status, for the closes whose failure matters (a file).
  herr_t close() noexcept {
    return valid() ? Close(std::exchange(id_, H5I_INVALID_HID)) : herr_t{0};
  }
  void reset() noexcept { static_cast<void>(close()); }

 private:
  hid_t id_ = H5I_INVALID_HID;
};

using FileHandle = Hdf5Handle<&H5Fclose>;
using DatasetHandle = Hdf5Handle<&H5Dclose>;
using DataspaceHandle = Hdf5Handle<&H5Sclose>;
using DatatypeHandle = Hdf5Handle<&H5Tclose>;
using PropertyListHandle = Hdf5Handle<&H5Pclose>;
using AttributeHandle = Hdf5Handle<&H5Aclose>;
using ObjectHandle = Hdf5Handle<&H5Oclose>;

}  // namespace seccoop::sim::io::detail
