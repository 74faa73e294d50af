// The HDF5 writer alone: N baseline runs (208 weeks, every series) written into a new results
// file the way the experiment runner writes them (create, coordinates, one row per run, rows
// marked complete block by block, commit), with runs simulated, laid out and compressed
// beforehand as the worker threads do. Compared with BM_Sweep at the same N on one thread, it
// gives the share of a sweep spent in the serial writer.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <vector>

#include "agents/output/prepared_run.hpp"
#include "agents/output/results_layout.hpp"
#include "agents/output/run_blocks.hpp"
#include "agents/runner/run_context.hpp"
#include "bench_files.hpp"

namespace seccoop::agents {
namespace {

// As many distinct runs as a block holds, so that every chunk compresses as real runs do.
constexpr std::size_t kDistinctRecords = kRunsPerBlock;

/// The layout the workers prepare runs for, read from a scratch file of the same schema.
RowLayout layout_of(const RunContext& context, const Experiment& experiment, std::size_t runs) {
  const auto path = bench::scratch_directory() / "writer-layout.h5";
  RowLayout layout;
  {
    auto file = sim::io::ResultsFile::create(path, results_schema(experiment, context.worlds),
                                             file_attributes(context, "seccoop_benchmarks", {}),
                                             {.overwrite = true});
    file.resize("run", runs);
    layout = row_layout(file, experiment);
  }
  std::filesystem::remove(path);
  std::filesystem::remove(sim::io::ResultsFile::partial_path_for(path));
  return layout;
}

// Runs are simulated, laid out and compressed beforehand, as the workers do in a sweep: what
// is timed is the serial writer alone.
struct WriterInputs {
  Experiment experiment;
  RunContext context;
  std::vector<PreparedRun> runs;

  explicit WriterInputs(std::uint32_t replications)
      : experiment(load_experiment(SECCOOP_SOURCE_DIR "/configs/scenarios/baseline.yaml",
                                   {.replications = replications})),
        context(experiment) {
    const RowLayout layout = layout_of(context, experiment, context.plan.size());
    for (std::size_t run = 0; run < kDistinctRecords; ++run) {
      runs.push_back(prepare_run(layout, experiment, context.simulate(run)));
    }
  }
};

const WriterInputs& writer_inputs(std::uint32_t runs) {
  static std::map<std::uint32_t, std::unique_ptr<WriterInputs>> cache;
  auto& inputs = cache[runs];
  if (!inputs) inputs = std::make_unique<WriterInputs>(runs);
  return *inputs;
}

/// What run_rows.cpp does around write_run: data flushed before the block's flags are set.
void write_file(const WriterInputs& inputs, const std::filesystem::path& path) {
  const RunContext& context = inputs.context;
  auto file = sim::io::ResultsFile::create(path, results_schema(inputs.experiment, context.worlds),
                                           file_attributes(context, "seccoop_benchmarks", {}),
                                           {.overwrite = true});
  const std::size_t runs = context.plan.size();
  file.resize("run", runs);
  write_coordinates(file, inputs.experiment, context.worlds);
  file.flush();
  const std::size_t block = runs_per_block(file.schema());
  std::size_t block_start = 0;
  for (std::size_t row = 0; row < runs; ++row) {
    write_run(file, row, context.plan.at(row), inputs.experiment,
              inputs.runs[row % inputs.runs.size()]);
    if ((row + 1) % block != 0 && row + 1 != runs) continue;
    file.flush();
    for (std::size_t done = block_start; done <= row; ++done) mark_completed(file, done);
    file.flush();
    block_start = row + 1;
  }
  file.commit();
}

void BM_WriteResults(benchmark::State& state) {
  const auto runs = static_cast<std::uint32_t>(state.range(0));
  const WriterInputs& inputs = writer_inputs(runs);
  const auto path = bench::scratch_directory() / "writer.h5";
  std::uintmax_t bytes = 0;
  for (auto _ : state) {
    write_file(inputs, path);
    state.PauseTiming();
    bytes += std::filesystem::file_size(path);
    std::filesystem::remove(path);
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(state.iterations() * runs);
  state.counters["file_MiB"] =
      static_cast<double>(bytes) / static_cast<double>(state.iterations()) / (1 << 20);
}
BENCHMARK(BM_WriteResults)->Arg(50)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace seccoop::agents
