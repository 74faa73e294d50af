// `seccoop run --shard i/K` and `seccoop merge`: the shards of an experiment, merged, hold the
// data of a single job bit for bit (wall times are the shards'); a shard file holds only its
// runs with their global indices; shards default from a Slurm job array's variables; merge
// refuses, with messages saying what to do, files of other experiments, missing or repeated
// runs, and an existing output.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>

#include "sim/io/results_file.hpp"
#include "sim/io/results_reader.hpp"
#include "tests/app/results_comparison.hpp"
#include "tests/support/command.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::testing {
namespace {

namespace fs = std::filesystem;

const std::string kExperiment =
    (source_dir() / "tests/data/configs/small-experiment.yaml").string();  // 6 runs

class Shards : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(published_network_dir() / "BACRIM2020_Nodes.csv")) {
      GTEST_SKIP() << "published network not found";
    }
  }
  CommandResult run(const std::string& options) {
    return run_seccoop("run " + kExperiment + " --quiet " + options);
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  void run_shards(int count) {
    for (int i = 0; i < count; ++i) {
      const auto result =
          run("--threads 1 --shard " + std::to_string(i) + "/" + std::to_string(count) + " -o " +
              path("s" + std::to_string(i) + ".h5"));
      ASSERT_EQ(result.exit_code, 0) << result.output;
    }
  }
  TempDir dir_;
};

std::string global_text(const sim::io::ResultsReader& reader, std::string_view name) {
  const auto* found = sim::io::find_attribute(reader.global_attributes(), name);
  return found != nullptr && std::holds_alternative<std::string>(found->value)
             ? std::get<std::string>(found->value)
             : std::string("(none)");
}

TEST_F(Shards, MergedShardsHoldTheDataOfASingleJobBitForBit) {
  ASSERT_EQ(run("--threads 2 -o " + path("single.h5")).exit_code, 0);
  ASSERT_NO_FATAL_FAILURE(run_shards(3));
  // Any order of the inputs.
  const auto merged = run_seccoop("merge " + path("s2.h5") + " " + path("s0.h5") + " " +
                                  path("s1.h5") + " -o " + path("merged.h5"));
  ASSERT_EQ(merged.exit_code, 0) << merged.output;
  EXPECT_NE(merged.output.find("merged 3 files (6 runs)"), std::string::npos) << merged.output;
  expect_same_data(path("single.h5"), path("merged.h5"));

  // wall_time is copied: the merged file's are the shards' own, bit for bit.
  std::vector<double> shard_times;
  for (const char* shard : {"s0.h5", "s1.h5", "s2.h5"}) {
    const auto times = sim::io::ResultsReader(path(shard)).read_doubles("wall_time");
    shard_times.insert(shard_times.end(), times.begin(), times.end());
  }
  const sim::io::ResultsReader reader(path("merged.h5"));
  const auto merged_times = reader.read_doubles("wall_time");
  ASSERT_EQ(merged_times.size(), shard_times.size());
  EXPECT_EQ(0, std::memcmp(merged_times.data(), shard_times.data(), 8 * shard_times.size()));
  EXPECT_EQ(global_text(reader, "shard"), "(none)");
  EXPECT_NE(global_text(reader, "history").find("--shard 1/3"), std::string::npos);
  EXPECT_NE(global_text(reader, "history").find("(merged 3 files)"), std::string::npos);
  // The schema (chunks, attributes) is the single job's, and xarray reads it with both engines.
  EXPECT_EQ(reader.schema(), sim::io::ResultsReader(path("single.h5")).schema());
  const auto check =
      run_shell("/usr/bin/python3 '" + (source_dir() / "tests/python/check_results.py").string() +
                "' '" + path("merged.h5") + "'");
  EXPECT_EQ(check.exit_code, 0) << check.output;
}

TEST_F(Shards, AShardFileHoldsItsRunsWithTheirGlobalIndices) {
  ASSERT_EQ(run("--threads 1 --shard 1/3 -o " + path("s1.h5")).exit_code, 0);
  const sim::io::ResultsReader reader(path("s1.h5"));
  EXPECT_EQ(reader.dimension_size("run"), 2U);
  EXPECT_EQ(reader.read_int64s("run"), (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(reader.read_int64s("replicate"), (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(global_text(reader, "shard"), "1/3");
  const auto* total = sim::io::find_attribute(reader.global_attributes(), "experiment_run_count");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(std::get<std::int64_t>(total->value), 6);
  // info and summarize read a shard like any results file.
  const auto info = run_seccoop("info " + path("s1.h5"));
  EXPECT_NE(info.output.find("runs         2 of 2 complete"), std::string::npos) << info.output;
  const auto summary = run_seccoop("summarize --csv " + path("s1.h5"));
  EXPECT_NE(summary.output.find(",homicides_per_year_last_52_weeks,homicides/year,2,"),
            std::string::npos)
      << summary.output;
  // Without -o, a shard's default name keeps the tasks of an array apart.
  const auto unnamed = run_shell("cd '" + dir_.path().string() + "' && '" + SECCOOP_EXECUTABLE +
                                 "' run " + kExperiment + " --quiet --shard 2/3");
  ASSERT_EQ(unnamed.exit_code, 0) << unnamed.output;
  EXPECT_TRUE(fs::exists(dir_ / "small-experiment.shard2-of-3.h5"));
}

TEST_F(Shards, TheShardDefaultsFromASlurmJobArray) {
  const auto task = run_shell(
      "env SLURM_ARRAY_TASK_ID=4 SLURM_ARRAY_TASK_MIN=3 "
      "SLURM_ARRAY_TASK_MAX=5 '" +
      std::string(SECCOOP_EXECUTABLE) + "' run " + kExperiment + " -o " + path("task.h5"));
  ASSERT_EQ(task.exit_code, 0) << task.output;
  EXPECT_NE(task.output.find("note: running shard 1/3 (from SLURM_ARRAY_TASK_ID=4"),
            std::string::npos)
      << task.output;
  EXPECT_EQ(global_text(sim::io::ResultsReader(path("task.h5")), "shard"), "1/3");
  // --shard wins; 0/1 is the whole experiment.
  const auto whole = run_shell("env SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=3 '" +
                               std::string(SECCOOP_EXECUTABLE) + "' run " + kExperiment +
                               " --quiet --shard 0/1 -o " + path("whole.h5"));
  ASSERT_EQ(whole.exit_code, 0) << whole.output;
  EXPECT_EQ(sim::io::ResultsReader(path("whole.h5")).dimension_size("run"), 6U);
}

TEST_F(Shards, BadShardSpecsAreRefused) {
  for (const char* spec : {"3/3", "1/0", "one/3", "1-3"}) {
    const auto result = run(std::string("--shard ") + spec + " -o " + path("x.h5"));
    EXPECT_EQ(result.exit_code, 2) << spec << ": " << result.output;
    EXPECT_NE(result.output.find(std::string("error: --shard ") + spec), std::string::npos)
        << result.output;
  }
  const auto environment =
      run_shell("env SLURM_ARRAY_TASK_ID=7 SLURM_ARRAY_TASK_COUNT=3 '" +
                std::string(SECCOOP_EXECUTABLE) + "' run " + kExperiment + " -o " + path("x.h5"));
  EXPECT_EQ(environment.exit_code, 2) << environment.output;
  EXPECT_NE(environment.output.find("cannot derive a shard from the Slurm job array"),
            std::string::npos)
      << environment.output;
  EXPECT_FALSE(fs::exists(dir_ / "x.h5"));
}

TEST_F(Shards, MergeSaysWhichRunsAreMissingOrRepeated) {
  ASSERT_NO_FATAL_FAILURE(run_shards(3));
  const auto missing =
      run_seccoop("merge " + path("s0.h5") + " " + path("s2.h5") + " -o " + path("m.h5"));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.output.find("error: runs 2-3 are missing (shard 1/3 not given?)"),
            std::string::npos)
      << missing.output;
  const auto repeated = run_seccoop("merge " + path("s0.h5") + " " + path("s1.h5") + " " +
                                    path("s1.h5") + " " + path("s2.h5") + " -o " + path("m.h5"));
  EXPECT_EQ(repeated.exit_code, 2);
  EXPECT_NE(repeated.output.find("error: runs 2-3 complete in both '" + path("s1.h5") + "' and '" +
                                 path("s1.h5") + "'"),
            std::string::npos)
      << repeated.output;
  EXPECT_FALSE(fs::exists(dir_ / "m.h5"));
  EXPECT_FALSE(fs::exists(dir_ / "m.h5.partial"));
}

TEST_F(Shards, MergeOfAnUnfinishedShardSaysHowToFinishIt) {
  ASSERT_NO_FATAL_FAILURE(run_shards(3));
  fs::rename(dir_ / "s1.h5", dir_ / "s1.h5.partial");
  {  // Stands for a job killed before its last block was marked complete.
    auto file = sim::io::ResultsFile::open_partial(dir_ / "s1.h5");
    const std::int8_t not_done = 0;
    file.write("completed", 1, 1, std::span<const std::int8_t>(&not_done, 1));
  }
  const auto merge = run_seccoop("merge " + path("s0.h5") + " " + path("s1.h5.partial") + " " +
                                 path("s2.h5") + " -o " + path("m.h5"));
  EXPECT_EQ(merge.exit_code, 2);
  EXPECT_NE(merge.output.find("error: run 3 is missing ('" + path("s1.h5.partial") +
                              "' has not completed them: finish it with `seccoop run EXPERIMENT "
                              "--shard 1/3 -o " +
                              path("s1.h5") + " --resume`)"),
            std::string::npos)
      << merge.output;
  // Resuming the shard computes the one run it lacks, into the same rows.
  const auto resume = run("--threads 1 --shard 1/3 -o " + path("s1.h5") + " --resume");
  ASSERT_EQ(resume.exit_code, 0) << resume.output;
  const auto again = run("--shard 1/3 -o " + path("s1.h5") + " --resume");
  ASSERT_EQ(again.exit_code, 0) << again.output;
  ASSERT_EQ(run_seccoop("merge " + path("s0.h5") + " " + path("s1.h5") + " " + path("s2.h5") +
                        " -o " + path("m.h5"))
                .exit_code,
            0);
  ASSERT_EQ(run("--threads 2 -o " + path("single.h5")).exit_code, 0);
  expect_same_data(path("single.h5"), path("m.h5"));
}

TEST_F(Shards, ResumingAShardRefusesAnotherShardsFile) {
  ASSERT_EQ(run("--shard 1/3 -o " + path("s.h5")).exit_code, 0);
  fs::rename(dir_ / "s.h5", dir_ / "s.h5.partial");
  const auto result = run("--shard 2/3 -o " + path("s.h5") + " --resume");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("'" + path("s.h5.partial") +
                               "' holds shard 1/3, not shard 2/3: resume with --shard 1/3"),
            std::string::npos)
      << result.output;
}

TEST_F(Shards, MergeRefusesAnotherExperimentAndAnExistingOutput) {
  ASSERT_NO_FATAL_FAILURE(run_shards(2));
  ASSERT_EQ(run("--seed 5 --shard 1/2 -o " + path("other.h5")).exit_code, 0);
  const auto other =
      run_seccoop("merge " + path("s0.h5") + " " + path("other.h5") + " -o " + path("m.h5"));
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_NE(other.output.find("'" + path("s0.h5") + "' and '" + path("other.h5") +
                              "' hold different experiments (resolved YAML line"),
            std::string::npos)
      << other.output;
  EXPECT_NE(other.output.find("\"seed: 42\""), std::string::npos) << other.output;

  std::ofstream(dir_ / "m.h5") << "precious";
  const auto exists =
      run_seccoop("merge " + path("s0.h5") + " " + path("s1.h5") + " -o " + path("m.h5"));
  EXPECT_EQ(exists.exit_code, 2);
  EXPECT_NE(exists.output.find("'" + path("m.h5") + "' already exists: add --force"),
            std::string::npos)
      << exists.output;
  EXPECT_EQ(fs::file_size(dir_ / "m.h5"), 8U);
  const auto forced = run_seccoop("merge --copy --force " + path("s0.h5") + " " + path("s1.h5") +
                                  " -o " + path("m.h5"));
  EXPECT_EQ(forced.exit_code, 0) << forced.output;
  EXPECT_EQ(sim::io::ResultsReader(path("m.h5")).dimension_size("run"), 6U);
}

}  // namespace
}  // namespace seccoop::testing
