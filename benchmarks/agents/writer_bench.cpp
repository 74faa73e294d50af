// The HDF5 writer alone: N baseline runs (208 weeks, every series) written into a new results
// file the way the experiment runner writes them (create, coordinates, one row per run, rows
// marked complete block by block, commit), with runs simulated beforehand. Compared with
// BM_Sweep at the same N on one thread, it gives the share of a sweep spent writing.
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

struct WriterInputs {
  Experiment experiment;
  RunContext context;
  std::vector<RunRecord> records;

  explicit WriterInputs(std::uint32_t runs)
      : experiment(load_experiment(SECCOOP_SOURCE_DIR "/configs/scenarios/baseline.yaml",
                                   {.replications = runs})),
        context(experiment) {
    for (std::size_t run = 0; run < kDistinctRecords; ++run) {
      records.push_back(context.simulate(run));
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
  const RowLayout layout = row_layout(file, inputs.experiment);
  std::size_t block_start = 0;
  for (std::size_t row = 0; row < runs; ++row) {
    write_run(file, row, context.plan.at(row), inputs.experiment,
              prepare_run(layout, inputs.experiment, inputs.records[row % inputs.records.size()]));
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
