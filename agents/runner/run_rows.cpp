#include "agents/runner/run_rows.hpp"

#include "agents/output/results_layout.hpp"
#include "agents/output/run_blocks.hpp"
#include "sim/parallel/run_pipeline.hpp"

namespace seccoop::agents {

namespace {

/// Marks finished rows complete block by block (run_blocks.hpp). Rows arrive in increasing
/// order, so once a block's last row is written, or a row of a later block arrives, no write
/// touches the block's chunks again: its data is flushed, then its flags written and flushed,
/// so a flag that survives a crash vouches for data on disk.
class CompletionBlocks {
 public:
  CompletionBlocks(sim::io::ResultsFile& file, std::size_t block) : file_(file), block_(block) {}

  void add(std::uint64_t row) {
    if (!rows_.empty() && row / block_ != rows_.back() / block_) close();
    rows_.push_back(row);
    if ((row + 1) % block_ == 0) close();
  }

  /// Flushes the open block and marks its rows complete.
  void close() {
    if (rows_.empty()) return;
    file_.flush();
    for (const auto row : rows_) mark_completed(file_, row);
    file_.flush();
    rows_.clear();
  }

 private:
  sim::io::ResultsFile& file_;
  std::size_t block_;
  std::vector<std::uint64_t> rows_;
};

}  // namespace

std::size_t compute_rows(sim::io::ResultsFile& file, const RunContext& context,
                         std::span<const RowAssignment> todo, std::size_t threads,
                         const ProgressCallback& progress) {
  CompletionBlocks blocks(file, runs_per_block(file.schema()));
  std::size_t done = 0;
  // The pipeline hands out positions in `todo`, in order; the writer gets them in that order.
  std::vector<std::uint64_t> positions(todo.size());
  for (std::size_t i = 0; i < positions.size(); ++i) positions[i] = i;
  const RowLayout layout = row_layout(file, context.experiment);
  sim::run_pipeline(
      positions, threads,
      [&](std::uint64_t position) {
        return prepare_run(layout, context.experiment, context.simulate(todo[position].run));
      },
      [&](std::uint64_t position, PreparedRun&& record) {
        const RowAssignment& assignment = todo[position];
        write_run(file, assignment.row, context.plan.at(assignment.run), context.experiment,
                  record);
        blocks.add(assignment.row);
        ++done;
        if (progress) progress(done, todo.size());
      });
  blocks.close();
  return done;
}

std::vector<RowAssignment> append_rows(sim::io::ResultsFile& file,
                                       std::span<const std::uint64_t> runs) {
  const std::size_t block = runs_per_block(file.schema());
  const std::size_t first = (file.dimension_size("run") + block - 1) / block * block;
  file.resize("run", first + runs.size());
  std::vector<RowAssignment> rows;
  rows.reserve(runs.size());
  for (std::size_t i = 0; i < runs.size(); ++i) rows.push_back({first + i, runs[i]});
  return rows;
}

}  // namespace seccoop::agents
