#pragma once
// The files of an MPI job (`seccoop run --mpi -o out.h5`): every rank writes the runs it is
// handed to its own file, "out.h5.rank<r>", and rank 0 merges them into out.h5 at the end and
// removes them. A job that dies (a rank killed, the allocation's end) leaves them behind, each
// .partial with its completed runs readable; `--mpi --resume` then keeps those files, computes
// only the runs none of them holds complete, into files of a new generation
// ("out.h5.resume1.rank<r>", then resume2...), and merges them all.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace seccoop::agents {

/// Where MPI rank `rank` of job generation `generation` writes (0: the first job).
std::filesystem::path rank_file_path(const std::filesystem::path& output, std::uint32_t generation,
                                     int rank);

struct RankFiles {
  std::vector<std::filesystem::path> files;  // committed or .partial, sorted by name
  std::uint32_t next_generation = 0;         // the generation a new job writes
};

/// The rank files an earlier MPI job writing `output` left beside it.
RankFiles find_rank_files(const std::filesystem::path& output);

/// Which of the experiment's `total` runs are complete in `files`; each file must hold the
/// experiment whose resolved YAML is `yaml` (sim::UserError naming it otherwise).
std::vector<bool> runs_complete_in(const std::vector<std::filesystem::path>& files,
                                   const std::string& yaml,
                                   const std::filesystem::path& experiment_file,
                                   std::uint64_t total);

/// The files, quoted and comma separated, for messages.
std::string quoted_list(const std::vector<std::filesystem::path>& files);

}  // namespace seccoop::agents
