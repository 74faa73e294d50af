#pragma once
// What every rank of an MPI job does, MPI aside: ask for a batch of runs, compute it into the
// rank's own file (created on the first batch: a rank that gets no work writes no file),
// report how many runs it finished, ask again; commit the file when no work is left.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "agents/runner/run_context.hpp"

namespace seccoop::app {

/// Reports the runs finished since the last call and returns the next batch (empty: stop).
using NextBatch = std::function<std::vector<std::uint64_t>(std::size_t finished)>;

struct BatchWorker {
  const agents::RunContext& context;
  std::filesystem::path file;  // this rank's file (committed name)
  int rank = 0;
  std::size_t threads = 1;
  bool force = false;
  std::string command_line;
};

/// Returns the number of runs computed.
std::size_t work_on_batches(const BatchWorker& worker, const NextBatch& next_batch);

}  // namespace seccoop::app
