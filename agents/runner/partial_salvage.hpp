#pragma once
// `--resume` on a .partial whose HDF5 index a kill left half written.
//
// As HDF5 flushes, it rewrites B-tree nodes in place and writes new nodes and chunks past the
// old end of the file, and it may write any of them first. A job killed during a flush (SIGKILL,
// a node's crash) can therefore leave a file that opens but whose nodes point past its recorded
// end: reads and writes through them fail ("addr overflow"), and complete runs indexed behind
// them cannot be read. (Seen once in CI; 2 of 40 jobs killed twice at random moments here.)
//
// So before a resumed job writes into a .partial, each block of rows (run_blocks.hpp) is
// checked: its `completed` flags must read, and the chunk index of every per-run variable must
// find each of its chunks within the file's recorded end (the resumed job writes through the
// same index). The chunks' data is not read: a complete block's data reached the disk in the
// flush before its flags were written, and reading a large file is slow (an 8,000-run, 1.9 GB
// file: 17 s to read, 2.9 s to walk the indexes, 36 s to compute). When a block fails, the
// complete runs of the blocks that pass are copied into a new file, which then replaces the
// .partial; the rest are computed again, identically, since a run's random streams depend only
// on the seed and the run.
#include <filesystem>
#include <optional>
#include <string>

#include "agents/runner/run_context.hpp"

namespace seccoop::agents {

/// Nothing when every block of "<output>.partial" passes. Otherwise replaces it with a copy
/// holding the complete runs of the blocks that pass (written as "<output>.salvage.partial" and
/// renamed over it only once closed, so that a kill meanwhile loses nothing) and returns a note
/// for the user. The file must hold `context`'s experiment (checked before).
std::optional<std::string> salvage_damaged_partial(const RunContext& context,
                                                   const std::filesystem::path& output);

}  // namespace seccoop::agents
