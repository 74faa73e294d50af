#pragma once
// What rank 0 decides before an MPI job computes anything: whether the output may be written
// (the same rules as a single job: never overwrite without --force, resume only the same
// experiment), which rank files an earlier job left and which runs they already hold complete,
// and the generation of rank files this job writes (agents/runner/rank_files.hpp).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "agents/scenario/experiment.hpp"
#include "app/cluster/mpi_run.hpp"

namespace seccoop::app {

struct MpiJobSetup {
  std::filesystem::path output;
  std::uint32_t generation = 0;   // shared with every rank
  bool already_complete = false;  // shared with every rank
  // Rank 0 only:
  std::uint64_t total_runs = 0;
  std::vector<std::filesystem::path> kept_files;  // an earlier job's rank files, merged too
  std::uint64_t kept_runs = 0;                    // complete in kept_files
  std::vector<std::uint64_t> pending;             // global runs to compute, increasing
  std::vector<std::string> notes;                 // damaged rank files salvaged
};

/// Fills `setup` (whose output is set); throws sim::UserError when the files on disk forbid
/// the job (an existing output without --force, leftovers without --resume or --force...).
void prepare_mpi_job(const agents::Experiment& experiment, const MpiRunOptions& options,
                     MpiJobSetup& setup);

}  // namespace seccoop::app
