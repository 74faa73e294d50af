#pragma once
// Crash safety of a results file rests on one rule: once runs are marked `completed`, nothing
// ever writes into the HDF5 chunks that hold them again.
//
// Why: HDF5 stores a chunk compressed, so rewriting it (a chunk shared by a finished run and
// a later one) moves it and frees its old place, which the library reuses for other chunks
// before the next flush. A job killed in between leaves an index that, on disk, still points
// to the old place, now holding other data: finished runs read back as garbage. (Observed:
// SIGKILL at 320 of 1000 runs, runs 318-319 flagged complete, their `seized_by_actor_kg`
// holding another variable's values.)
//
// So runs are grouped in blocks of kRunsPerBlock consecutive rows; every record variable is
// chunked along `run` by a power of two that divides the block, so no chunk spans two blocks;
// and the runner marks a block's runs complete only after writing the block's last run and
// flushing, when it will never touch those chunks again.
#include <cstddef>

#include "sim/io/schema.hpp"

namespace seccoop::agents {

/// Runs per block: a killed job loses at most the block being written (and runs in progress).
inline constexpr std::size_t kRunsPerBlock = 16;

/// Sets the chunk shape of every record variable: a whole row of its other dimensions, and
/// along `run` the largest power of two dividing kRunsPerBlock that keeps the chunk near
/// 64 KiB (1 for rows larger than that).
void align_record_chunks(sim::io::FileSchema& schema);

/// The block size of a file (for resuming one written by any version): the least common
/// multiple of its record variables' chunk lengths along `run`.
std::size_t runs_per_block(const sim::io::FileSchema& schema);

}  // namespace seccoop::agents
