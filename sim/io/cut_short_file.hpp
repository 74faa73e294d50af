#pragma once
// A results file cut short by a write that failed for lack of room.
//
// When a write fails, HDF5 goes on flushing: it rewrites its B-tree nodes and the superblock
// in place (they fit) after the data and new metadata at the end did not. On a full disk
// HDF5 then extends the file to the size its header records (a sparse extension needs no
// room) and the file opens again; under a file-size limit (ulimit -f, a batch system's
// RLIMIT_FSIZE) even that fails, and HDF5 refuses the file as "truncated". Every run flagged
// complete was flushed before the failed write, below the old end of the file, so extending
// the file with zeros to its recorded size makes it open with those runs intact (the caller
// checks that they read back: see app/commands/partial_repair.hpp).
#include <cstdint>
#include <filesystem>
#include <optional>

namespace seccoop::sim::io {

struct CutShortFile {
  std::uintmax_t on_disk = 0;   // bytes in the file
  std::uintmax_t recorded = 0;  // bytes its HDF5 superblock says it has
};

/// The two sizes when HDF5 refuses `path` as truncated; nothing when it opens (or fails to
/// open for another reason, reported when it is opened for real).
std::optional<CutShortFile> find_cut_short(const std::filesystem::path& path);

}  // namespace seccoop::sim::io
