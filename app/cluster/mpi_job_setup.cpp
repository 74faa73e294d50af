#include "app/cluster/mpi_job_setup.hpp"

#include <fmt/format.h>

#include <optional>

#include "agents/runner/partial_salvage.hpp"
#include "agents/runner/rank_files.hpp"
#include "agents/runner/resume_check.hpp"
#include "agents/runner/run_context.hpp"
#include "sim/io/results_file.hpp"

namespace seccoop::app {

namespace {

namespace fs = std::filesystem;

bool file_exists(const fs::path& path) {
  std::error_code error;
  return fs::exists(path, error);
}

/// --resume with the output already there: done if it holds every run of this experiment.
void check_complete_output(const agents::Experiment& experiment, MpiJobSetup& setup) {
  const sim::io::ResultsReader reader(setup.output);
  agents::check_same_experiment(reader, agents::resolved_yaml(experiment), experiment.file);
  const std::uint64_t pending =
      agents::row_count(agents::rows_not_completed(reader, setup.total_runs));
  if (pending > 0) {
    throw sim::UserError(fmt::format(
        "'{}' holds {} of the experiment's {} runs and there is nothing to resume; start over "
        "with --force",
        setup.output.string(), setup.total_runs - pending, setup.total_runs));
  }
  setup.already_complete = true;
  setup.kept_runs = setup.total_runs;
}

void refuse_existing_files(const MpiJobSetup& setup, const agents::RankFiles& leftovers) {
  const fs::path partial = sim::io::ResultsFile::partial_path_for(setup.output);
  if (file_exists(setup.output)) {
    throw sim::UserError(fmt::format(
        "'{}' already exists: add --force to replace it, or write elsewhere with -o FILE",
        setup.output.string()));
  }
  if (!leftovers.files.empty()) {
    throw sim::UserError(fmt::format(
        "{} left by an interrupted (or still running) MPI job: add --resume to finish it, or "
        "--force to start over",
        agents::quoted_list(leftovers.files)));
  }
  if (file_exists(partial)) {
    throw sim::UserError(fmt::format(
        "'{}' is left by an interrupted (or still running) job: add --resume to finish it, or "
        "--force to start over",
        partial.string()));
  }
}

/// A rank killed in the middle of an HDF5 flush can leave a damaged .partial: each is checked,
/// and salvaged if need be (agents/runner/partial_salvage.hpp), once it is known to hold this
/// experiment. Returns what was salvaged, for the user.
std::vector<std::string> salvage_rank_files(const agents::Experiment& experiment,
                                            const std::vector<fs::path>& files) {
  std::vector<std::string> notes;
  std::optional<agents::RunContext> context;
  for (const auto& file : files) {
    if (file.extension() != ".partial") continue;
    if (!context) context.emplace(experiment);
    {
      const sim::io::ResultsReader reader(file);
      agents::check_same_experiment(reader, context->yaml, experiment.file);
    }
    fs::path final_path = file;
    final_path.replace_extension();  // without ".partial"
    if (auto note = agents::salvage_damaged_partial(*context, final_path)) {
      notes.push_back(std::move(*note));
    }
  }
  return notes;
}

}  // namespace

void prepare_mpi_job(const agents::Experiment& experiment, const MpiRunOptions& options,
                     MpiJobSetup& setup) {
  setup.total_runs = agents::run_plan_of(experiment).size();
  const auto leftovers = agents::find_rank_files(setup.output);
  const fs::path partial = sim::io::ResultsFile::partial_path_for(setup.output);
  std::vector<bool> complete(setup.total_runs, false);
  if (options.resume) {
    if (file_exists(setup.output)) return check_complete_output(experiment, setup);
    if (file_exists(partial) && leftovers.files.empty()) {
      throw sim::UserError(fmt::format(
          "'{}' was left by a job without --mpi: finish it with `seccoop run ... --resume` "
          "(without --mpi), or start over with --force",
          partial.string()));
    }
    setup.kept_files = leftovers.files;
    setup.generation = leftovers.next_generation;
    setup.notes = salvage_rank_files(experiment, leftovers.files);
    complete = agents::runs_complete_in(leftovers.files, agents::resolved_yaml(experiment),
                                        experiment.file, setup.total_runs);
  } else if (options.force) {
    for (const auto& file : leftovers.files) fs::remove(file);
  } else {
    refuse_existing_files(setup, leftovers);
  }
  for (std::uint64_t run = 0; run < setup.total_runs; ++run) {
    if (complete[run]) {
      ++setup.kept_runs;
    } else {
      setup.pending.push_back(run);
    }
  }
}

}  // namespace seccoop::app
