#include "app/cluster/batch_worker.hpp"

#include <optional>

#include "agents/output/results_layout.hpp"
#include "agents/runner/merge_plan.hpp"
#include "agents/runner/run_rows.hpp"

namespace seccoop::app {

namespace {

sim::io::ResultsFile create_rank_file(const BatchWorker& worker) {
  const auto& context = worker.context;
  auto file = sim::io::ResultsFile::create(
      worker.file, agents::results_schema(context.experiment, context.worlds),
      agents::file_attributes(
          context, worker.command_line,
          {{std::string(agents::kMpiRankAttribute), static_cast<std::int64_t>(worker.rank)}}),
      {.overwrite = worker.force});
  agents::write_coordinates(file, context.experiment, context.worlds);
  file.flush();
  return file;
}

}  // namespace

std::size_t work_on_batches(const BatchWorker& worker, const NextBatch& next_batch) {
  std::optional<sim::io::ResultsFile> file;
  std::size_t finished = 0;
  std::size_t total = 0;
  for (auto batch = next_batch(0); !batch.empty(); batch = next_batch(finished)) {
    if (!file) file.emplace(create_rank_file(worker));
    const auto rows = agents::append_rows(*file, batch);
    finished = agents::compute_rows(*file, worker.context, rows, worker.threads, nullptr);
    total += finished;
  }
  if (file) file->commit();
  return total;
}

}  // namespace seccoop::app
