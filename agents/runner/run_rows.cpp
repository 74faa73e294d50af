#include "agents/runner/run_rows.hpp"

#include <algorithm>
#include <numeric>
#include <ranges>

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

/// The i-th row to compute of a list of spans, found from the spans' first positions.
class RowPositions {
 public:
  explicit RowPositions(std::span<const RunRows> spans) : spans_(spans) {
    starts_.reserve(spans.size());
    std::uint64_t start = 0;
    for (const auto& span : spans) {
      starts_.push_back(start);
      start += span.count;
    }
    size_ = start;
  }

  [[nodiscard]] std::uint64_t size() const noexcept { return size_; }

  /// {row, global run} of position `position` (< size()).
  [[nodiscard]] RunRows at(std::uint64_t position) const {
    const auto after = std::ranges::upper_bound(starts_, position);
    const auto index = static_cast<std::size_t>(after - starts_.begin()) - 1;
    const std::uint64_t offset = position - starts_[index];
    return {.row = spans_[index].row + offset, .run = spans_[index].run + offset, .count = 1};
  }

 private:
  std::span<const RunRows> spans_;
  std::vector<std::uint64_t> starts_;  // position of each span's first row
  std::uint64_t size_ = 0;
};

/// 0, 1, ..., count - 1 as the run list of run_pipeline (size() and operator[]). Not
/// std::views::iota: Clang 14 (the fuzzer and sanitizer builds) rejects libstdc++ 12's
/// iota_view there.
struct Positions {
  std::uint64_t count;
  [[nodiscard]] std::uint64_t size() const { return count; }
  [[nodiscard]] std::uint64_t operator[](std::uint64_t position) const { return position; }
};

}  // namespace

std::uint64_t row_count(std::span<const RunRows> spans) {
  return std::accumulate(spans.begin(), spans.end(), std::uint64_t{0},
                         [](std::uint64_t sum, const RunRows& span) { return sum + span.count; });
}

std::size_t compute_rows(sim::io::ResultsFile& file, const RunContext& context,
                         std::span<const RunRows> todo, std::size_t threads,
                         const ProgressCallback& progress,
                         const std::function<bool()>& stop_requested) {
  CompletionBlocks blocks(file, runs_per_block(file.schema()));
  std::size_t done = 0;
  // The pipeline hands out positions in the rows to compute, in order, computed rather than
  // listed; the writer gets them in that order.
  const RowPositions rows(todo);
  const RowLayout layout = row_layout(file, context.experiment);
  sim::run_pipeline(
      Positions{rows.size()}, threads,
      [&](std::uint64_t position) {
        return prepare_run(layout, context.experiment, context.simulate(rows.at(position).run));
      },
      [&](std::uint64_t position, PreparedRun&& record) {
        const RunRows assignment = rows.at(position);
        write_run(file, assignment.row, context.plan.at(assignment.run), context.experiment,
                  record);
        blocks.add(assignment.row);
        ++done;
        if (progress) progress(done, rows.size());
      },
      stop_requested);
  blocks.close();
  return done;
}

std::vector<RunRows> append_rows(sim::io::ResultsFile& file, std::span<const std::uint64_t> runs) {
  const std::size_t block = runs_per_block(file.schema());
  const std::size_t first = (file.dimension_size("run") + block - 1) / block * block;
  file.resize("run", first + runs.size());
  std::vector<RunRows> spans;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (!spans.empty() && spans.back().run + spans.back().count == runs[i]) {
      ++spans.back().count;
    } else {
      spans.push_back({.row = first + i, .run = runs[i], .count = 1});
    }
  }
  return spans;
}

}  // namespace seccoop::agents
