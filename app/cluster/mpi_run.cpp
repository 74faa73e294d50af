#include "app/cluster/mpi_run.hpp"

#include <fmt/format.h>
#include <mpi.h>

#include <chrono>
#include <thread>

#include "agents/runner/rank_files.hpp"
#include "agents/runner/results_merge.hpp"
#include "agents/runner/run_context.hpp"
#include "app/cluster/batch_worker.hpp"
#include "app/cluster/mpi_job_setup.hpp"
#include "app/cluster/mpi_protocol.hpp"
#include "app/commands/commands.hpp"

namespace seccoop::app {

namespace {

namespace fs = std::filesystem;

class MpiSession {
 public:
  MpiSession() {
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
    if (provided < MPI_THREAD_FUNNELED) {
      throw sim::UserError("--mpi: the MPI library does not support MPI_THREAD_FUNNELED");
    }
  }
  ~MpiSession() { MPI_Finalize(); }
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }

 private:
  int rank_ = 0;
  int size_ = 1;
};

/// Prints a failure as main() does, prefixed with the rank; returns the exit code.
int report_failure(const std::exception_ptr& error, int rank) {
  try {
    std::rethrow_exception(error);
  } catch (const sim::UserError& failure) {
    for (const auto& diagnostic : failure.diagnostics()) {
      fmt::print(stderr, "error: rank {}: {}\n", rank, with_hints(diagnostic.to_string()));
    }
    return 2;
  } catch (const std::exception& failure) {
    fmt::print(stderr, "rank {}: {}\n", rank, failure.what());
    return 3;
  }
}

bool agree(bool value, MPI_Op operation) {
  int flag = value ? 1 : 0;
  MPI_Allreduce(MPI_IN_PLACE, &flag, 1, MPI_INT, operation, MPI_COMM_WORLD);
  return flag != 0;
}

template <typename T>
void share_from_root(T& value) {
  MPI_Bcast(&value, static_cast<int>(sizeof value), MPI_BYTE, 0, MPI_COMM_WORLD);
}

BatchWorker worker_of(const agents::RunContext& context, const MpiRunOptions& options,
                      const MpiJobSetup& setup, int rank) {
  return BatchWorker{.context = context,
                     .file = agents::rank_file_path(setup.output, setup.generation, rank),
                     .rank = rank,
                     .threads = options.threads,
                     .force = options.force,
                     .command_line = options.command_line};
}

/// Rank 0: serves batches to everyone and computes on a thread of its own. Returns the runs
/// finished by all ranks.
std::size_t serve_and_work(const agents::RunContext& context, const MpiRunOptions& options,
                           const MpiJobSetup& setup, int ranks) {
  RunBatches batches(setup.pending);
  LocalWorkerChannel local;
  const std::size_t wanted = runs_wanted(options.threads);
  std::thread worker([&] {
    try {
      work_on_batches(worker_of(context, options, setup, 0),
                      [&](std::size_t finished) { return local.request(finished, wanted); });
    } catch (...) {
      local.fail(std::current_exception());
    }
  });
  const auto finished = serve_batches(batches, local, ranks, [&](std::size_t done) {
    if (options.progress) options.progress(done, setup.pending.size());
  });
  worker.join();
  if (!finished) abort_job(report_failure(local.failure(), 0));
  return *finished;
}

/// Rank 0, once every rank has committed its file: one output from them all.
void merge_rank_files(const MpiJobSetup& setup, const MpiRunOptions& options, int ranks) {
  std::vector<fs::path> inputs = setup.kept_files;
  for (int rank = 0; rank < ranks; ++rank) {
    const auto file = agents::rank_file_path(setup.output, setup.generation, rank);
    std::error_code error;
    if (fs::exists(file, error)) inputs.push_back(file);
  }
  // Overwriting is safe here: setup refused an existing output unless --force, and a leftover
  // .partial of the output is an interrupted merge of these same files.
  agents::merge_results({.inputs = inputs,
                         .output = setup.output,
                         .force = true,
                         .command_line = options.command_line});
  for (const auto& input : inputs) {
    std::error_code error;
    fs::remove(input, error);
  }
}

}  // namespace

bool built_with_mpi() { return true; }

MpiRunResult run_with_mpi(const std::function<agents::Experiment()>& load,
                          const MpiRunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  MpiSession mpi;
  std::optional<agents::Experiment> experiment;
  std::optional<agents::RunContext> context;
  MpiJobSetup setup;
  std::exception_ptr error;
  try {
    experiment.emplace(load());
    setup.output = options.output.empty() ? fs::path(experiment->name + ".h5") : options.output;
    if (mpi.rank() == 0) prepare_mpi_job(*experiment, options, setup);
  } catch (...) {
    error = std::current_exception();
  }
  // Every rank loads the experiment; only rank 0 checks the files. Stop together on a problem.
  bool root_failed = mpi.rank() == 0 && error;
  share_from_root(root_failed);
  if (agree(error != nullptr, MPI_LOR)) {
    if (mpi.rank() == 0) std::rethrow_exception(error);
    // Rank 0 reports a problem every rank shares (a bad experiment file) once, and its exit
    // code is the job's: the others end quietly with 0, since mpirun kills the whole job as
    // soon as one rank exits non-zero, maybe before rank 0 has said why.
    return {.exit_code = error && !root_failed ? report_failure(error, mpi.rank()) : 0};
  }
  share_from_root(setup.already_complete);
  share_from_root(setup.generation);
  agents::ExperimentSummary summary{.runs_total = setup.total_runs,
                                    .runs_in_file = setup.total_runs,
                                    .runs_kept = setup.kept_runs,
                                    .already_complete = setup.already_complete,
                                    .notes = setup.notes};
  if (!setup.already_complete) {
    try {
      context.emplace(*experiment);
    } catch (...) {
      abort_job(report_failure(std::current_exception(), mpi.rank()));
    }
    if (mpi.rank() == 0) {
      summary.runs_computed = serve_and_work(*context, options, setup, mpi.size());
    } else {
      try {
        work_on_batches(worker_of(*context, options, setup, mpi.rank()), [&](std::size_t finished) {
          return request_batch(finished, runs_wanted(options.threads));
        });
      } catch (...) {
        abort_job(report_failure(std::current_exception(), mpi.rank()));
      }
    }
    MPI_Barrier(MPI_COMM_WORLD);  // every rank's file is committed
    if (mpi.rank() == 0) merge_rank_files(setup, options, mpi.size());
  }
  if (mpi.rank() != 0) return {};
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return MpiRunResult{
      .root = true, .summary = summary, .output = setup.output, .ranks = mpi.size()};
}

}  // namespace seccoop::app
