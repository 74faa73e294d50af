#pragma once
// How datasets are cut into chunks, the dataset-creation properties that go with it, and the
// caches that writing and reading them through (chunks, and the chunk indexes' metadata).
//
// Record variables (first dimension unlimited, e.g. `run`) keep whole rows together: one run's
// series is one chunk, so writing or reading a run touches one chunk and a killed job loses at
// most the chunks of the runs in flight. Small rows (a seed, a flag) are grouped so that a
// chunk holds about kSmallestRecordChunkBytes: a million one-value chunks would cost more in
// index than in data. A chunk never exceeds kLargestChunkBytes (HDF5's chunk cache is 1 MiB
// per dataset by default and readers in other languages use similar defaults): the largest
// of the other axes is halved until it fits. Static variables follow the same cap.
#include <hdf5.h>

#include <cstddef>
#include <span>
#include <vector>

#include "sim/io/hdf5_handle.hpp"
#include "sim/io/schema.hpp"

namespace seccoop::sim::io::detail {

inline constexpr std::size_t kLargestChunkBytes = std::size_t{4} << 20;
inline constexpr std::size_t kSmallestRecordChunkBytes = std::size_t{64} << 10;
/// zlib level 1: on the simulation's series (doubles, mostly incompressible low bytes) level 4
/// saved under 3% of the file for 1.5x the compression time, and compression was a third of
/// the writer's instructions.
inline constexpr unsigned kDeflateLevel = 1;

/// Chunk shape for a dataset whose current extent is `shape` (for a record variable shape[0]
/// is ignored), with elements of `element_bytes` bytes. Every entry is >= 1 and, on fixed
/// axes, <= the axis length.
[[nodiscard]] std::vector<std::size_t> choose_chunk_shape(std::span<const std::size_t> shape,
                                                          bool record, std::size_t element_bytes);

/// Dataset-creation properties: chunks (the variable's hint or choose_chunk_shape()),
/// shuffle + deflate for numbers (zlib only: every HDF5 build, in every language, has it; the
/// filters would only compress heap references for strings, so those get none), fill value
/// (NaN for floats, 0 for integers, "" for strings), tracked attribute order (netCDF-4 reads
/// attributes in creation order) and no object timestamps (same data, same bytes).
[[nodiscard]] PropertyListHandle make_dataset_creation_properties(
    const Variable& variable, std::span<const std::size_t> shape, bool record);

/// Dataset-access properties for writing: a chunk cache with room for two of the dataset's
/// chunks (`creation` is its creation property list). Runs are written in run order, so a
/// chunk is never touched again once the next one starts; HDF5's default cache (1 MiB per
/// dataset) would instead keep finished chunks, and memory would grow with the number of runs
/// until every dataset's cache is full (tens of MiB over a results file's variables).
[[nodiscard]] PropertyListHandle make_dataset_access_properties(hid_t creation,
                                                                std::size_t element_bytes);

/// File-access properties for writing and reading results files: a small metadata cache of
/// fixed size. HDF5's default cache grows adaptively up to 32 MiB as the chunk indexes of a
/// long sweep grow, so memory would grow with the number of runs. The cache counts an entry at
/// its size on disk, but a v1 B-tree node of a chunk index (2-3 KiB on disk) takes ~20 KiB of
/// heap (HDF5 1.10 keeps every key in 33-dimension native form, and the disk image): a 4 MiB
/// cache, still filling at 100,000 runs of the baseline, held ~1,100 nodes, 15 MiB. Writing
/// or reading runs in order needs only each index's path to the current chunk, ~150 nodes for
/// the ~50 variables of a results file (every access hits the cache at 512 KiB already);
/// 1 MiB leaves room for that and is full, so stops growing, within the first 10,000 runs.
[[nodiscard]] PropertyListHandle make_file_access_properties();

}  // namespace seccoop::sim::io::detail
