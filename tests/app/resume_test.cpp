// A job stopped by SIGTERM closes a .partial whose completed runs are readable; `--resume`
// finishes it (even after being killed with SIGKILL itself) without recomputing them, and the
// result equals an uninterrupted run bit for bit. Resuming refuses another experiment's file,
// and existing outputs are never touched without --resume or --force. (A file damaged by a kill
// in the middle of an HDF5 flush: partial_salvage_test.cpp.)
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <csignal>
#include <fstream>
#include <iostream>
#include <regex>

#include "sim/io/results_reader.hpp"
#include "tests/app/results_comparison.hpp"
#include "tests/support/command.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::testing {
namespace {

namespace fs = std::filesystem;

/// Long enough (a few seconds on two threads) that the job can be killed half way.
void write_experiment(const fs::path& file, int replications) {
  std::ofstream(file) << "schema_version: 1\nname: kill-and-resume\nscenarios:\n  - "
                      << (source_dir() / "tests/data/configs/small-stochastic.yaml").string()
                      << "\nreplications: " << replications << "\nseed: 7\n"
                      << "outputs:\n  variables: [members, deaths, homicides]\n  week_stride: 2\n";
}

/// Starts `seccoop args...` with stdout and stderr going to `log`; returns its process id.
pid_t start_seccoop(const std::vector<std::string>& args, const fs::path& log) {
  std::vector<std::string> words = {SECCOOP_EXECUTABLE};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  argv.reserve(words.size() + 1);
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  const std::string log_path = log.string();
  const pid_t pid = fork();
  if (pid == 0) {  // only async-signal-safe calls until exec
    const int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

/// Completed runs of a file being written, as `seccoop info` reports them (-1 if unreadable
/// at this instant: without SWMR a concurrent reader may catch the file mid-update).
long completed_runs_seen_by_info(const fs::path& partial) {
  const auto info = run_shell("HDF5_USE_FILE_LOCKING=FALSE '" + std::string(SECCOOP_EXECUTABLE) +
                              "' info '" + partial.string() + "'");
  std::smatch match;
  if (info.exit_code != 0 ||
      !std::regex_search(info.output, match, std::regex(R"(runs\s+(\d+) of)"))) {
    return -1;
  }
  return std::stol(match[1]);
}

/// Runs `seccoop args...` and sends it `signal` once `info` sees at least `threshold` runs
/// complete in `partial`. Meanwhile checks that a reader honouring HDF5's file lock is refused
/// with a message naming the switch to use. SIGKILL ends the job at once; after SIGTERM it must
/// stop by itself, with the exit code of a process ended by SIGTERM (143) and saying how to go on.
void stop_when_complete(const std::vector<std::string>& args, const fs::path& partial,
                        long threshold, int signal, const fs::path& log) {
  const pid_t job = start_seccoop(args, log);
  ASSERT_GT(job, 0);
  int status = 0;
  for (long seen = -1; seen < threshold;) {
    ASSERT_EQ(waitpid(job, &status, WNOHANG), 0) << "the job ended before it could be killed";
    usleep(20000);
    if (fs::exists(partial)) seen = completed_runs_seen_by_info(partial);
  }
  const auto locked = run_shell("env -u HDF5_USE_FILE_LOCKING '" + std::string(SECCOOP_EXECUTABLE) +
                                "' info '" + partial.string() + "'");
  ASSERT_EQ(kill(job, signal), 0);
  ASSERT_EQ(waitpid(job, &status, 0), job);
  if (signal == SIGKILL) {
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << "the job ended before the kill";
  } else {
    std::ifstream in(log);
    const std::string said((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 128 + SIGTERM) << said;
    EXPECT_NE(said.find("stopped by SIGTERM"), std::string::npos) << said;
    EXPECT_NE(said.find("--resume"), std::string::npos) << said;
  }
  EXPECT_EQ(locked.exit_code, 2) << locked.output;  // the job held the file open throughout
  EXPECT_NE(locked.output.find("HDF5_USE_FILE_LOCKING=FALSE"), std::string::npos) << locked.output;
}

struct PartialState {
  std::vector<std::int64_t> completed;
  std::vector<double> wall_time;
  [[nodiscard]] long kept() const { return std::count(completed.begin(), completed.end(), 1); }
};

/// Reads what a killed job left, checking that every run flagged complete has its data.
PartialState read_partial(const fs::path& partial) {
  const sim::io::ResultsReader reader(partial);
  PartialState state{reader.read_int64s("completed"), reader.read_doubles("wall_time")};
  const auto homicides = reader.read_doubles("homicides");
  const std::size_t weeks = reader.dimension_size("week");
  for (std::size_t run = 0; run < state.completed.size(); ++run) {
    if (state.completed[run] != 1) continue;
    for (std::size_t w = 0; w < weeks; ++w) {
      EXPECT_FALSE(std::isnan(homicides[run * weeks + w])) << "run " << run << " week " << w;
    }
  }
  return state;
}

/// Runs complete in `before` were not recomputed: a recomputed run measures its own time.
void expect_kept(const PartialState& before, const std::vector<double>& wall_time_after) {
  for (std::size_t run = 0; run < before.completed.size(); ++run) {
    if (before.completed[run] == 1) {
      ASSERT_EQ(wall_time_after[run], before.wall_time[run]) << "run " << run << " was recomputed";
    }
  }
}

TEST(Resume, KilledJobsResumeToTheDataOfAnUninterruptedRun) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  TempDir dir;
  const auto experiment = dir / "experiment.yaml";
  write_experiment(experiment, 1000);
  const auto output = dir / "out.h5";
  const auto partial = dir / "out.h5.partial";
  const std::vector<std::string> run = {"run",           experiment.string(), "-o",
                                        output.string(), "--threads",         "2"};

  // First job: stopped by SIGTERM after a few blocks.
  ASSERT_NO_FATAL_FAILURE(stop_when_complete(run, partial, 48, SIGTERM, dir / "first.log"));
  ASSERT_FALSE(fs::exists(output));
  const PartialState first = read_partial(partial);
  ASSERT_GE(first.kept(), 48);
  ASSERT_LT(first.kept(), 1000);
  // info and summarize read the .partial, counting completed runs only.
  const auto info = run_seccoop("info " + partial.string());
  EXPECT_NE(info.output.find("runs         " + std::to_string(first.kept()) + " of 1000 complete"),
            std::string::npos)
      << info.output;
  const auto summary = run_seccoop("summarize --csv " + partial.string());
  EXPECT_NE(summary.output.find(",homicides_per_year_last_52_weeks,homicides/year," +
                                std::to_string(first.kept()) + ","),
            std::string::npos)
      << summary.output;

  // Second job resumes, and is killed with SIGKILL. In rare cases (a kill in the middle of an
  // HDF5 flush) that damages the file; the third job must then salvage it.
  auto resume = run;
  resume.emplace_back("--resume");
  ASSERT_NO_FATAL_FAILURE(
      stop_when_complete(resume, partial, first.kept() + 48, SIGKILL, dir / "second.log"));
  const long second_kept = completed_runs_seen_by_info(partial);
  std::cout << "[ measured ] first job stopped with " << first.kept()
            << " of 1000 runs complete, the resumed job killed with " << second_kept << "\n";

  // Third job finishes.
  const auto finished = run_seccoop("run " + experiment.string() + " -o " + output.string() +
                                    " --threads 2 --resume");
  ASSERT_EQ(finished.exit_code, 0) << finished.output;
  EXPECT_FALSE(fs::exists(partial));
  const sim::io::ResultsReader final_file(output);
  if (finished.output.find("was damaged") == std::string::npos) {
    EXPECT_NE(finished.output.find("resumed: " + std::to_string(second_kept) +
                                   " runs already complete, " + std::to_string(1000 - second_kept) +
                                   " computed"),
              std::string::npos)
        << finished.output;
    ASSERT_NO_FATAL_FAILURE(expect_kept(first, final_file.read_doubles("wall_time")));
  } else {
    std::cout << "[ measured ] the killed job's file was damaged and salvaged:\n"
              << finished.output;
  }
  const auto all_completed = final_file.read_int64s("completed");
  EXPECT_EQ(std::count(all_completed.begin(), all_completed.end(), 1), 1000);

  const auto reference = dir / "reference.h5";
  const auto uninterrupted =
      run_seccoop("run " + experiment.string() + " --quiet --threads 2 -o " + reference.string());
  ASSERT_EQ(uninterrupted.exit_code, 0) << uninterrupted.output;
  expect_same_data(output, reference);
}

class ResumeChoices : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(published_network_dir() / "BACRIM2020_Nodes.csv")) {
      GTEST_SKIP() << "published network not found";
    }
    write_experiment(experiment_, 4);
  }
  CommandResult run(const std::string& options) {
    return run_seccoop("run " + experiment_.string() + " --quiet -o " + output_.string() + " " +
                       options);
  }
  TempDir dir_;
  fs::path experiment_ = dir_ / "experiment.yaml";
  fs::path output_ = dir_ / "out.h5";
  fs::path partial_ = dir_ / "out.h5.partial";
};

TEST_F(ResumeChoices, ResumeWithNothingToResumeStartsNormally) {
  const auto result = run("--resume");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_TRUE(fs::exists(output_));
}

TEST_F(ResumeChoices, ResumeOfACompleteFileSaysSoAndComputesNothing) {
  ASSERT_EQ(run("").exit_code, 0);
  const auto before = fs::last_write_time(output_);
  const auto again =
      run_seccoop("run " + experiment_.string() + " -o " + output_.string() + " --resume");
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("already complete (4 runs); nothing to do"), std::string::npos)
      << again.output;
  EXPECT_EQ(fs::last_write_time(output_), before);
}

TEST_F(ResumeChoices, ResumeRefusesAnotherExperimentNamingBothFilesAndTheLine) {
  ASSERT_EQ(run("").exit_code, 0);
  fs::rename(output_, partial_);  // stands for a job killed at the very end
  const auto result = run("--resume --replications 5");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("'" + partial_.string() + "' holds another experiment than '" +
                               experiment_.string() + "'"),
            std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("the file has \"replications: 4\", the experiment has "
                               "\"replications: 5\""),
            std::string::npos)
      << result.output;
  EXPECT_TRUE(fs::exists(partial_));
  const auto info = run_seccoop("info " + partial_.string());
  EXPECT_NE(info.output.find("state        partial"), std::string::npos) << info.output;
  // The same experiment finishes it (nothing left to compute).
  const auto same =
      run_seccoop("run " + experiment_.string() + " -o " + output_.string() + " --resume");
  EXPECT_EQ(same.exit_code, 0) << same.output;
  EXPECT_NE(same.output.find("resumed: 4 runs already complete, 0 computed"), std::string::npos)
      << same.output;
}

TEST_F(ResumeChoices, LeftoverPartialWithoutResumeSuggestsResumeOrForce) {
  ASSERT_EQ(run("").exit_code, 0);
  fs::rename(output_, partial_);
  const auto result = run("");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("error: '" + partial_.string() +
                               "' is left by an interrupted (or still running) job: add --resume "
                               "to finish it, or --force to start over"),
            std::string::npos)
      << result.output;
  EXPECT_EQ(run("--force").exit_code, 0);
  EXPECT_FALSE(fs::exists(partial_));
}

TEST_F(ResumeChoices, ResumeAndForceTogetherAreRefused) {
  const auto result = run("--resume --force");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("--resume and --force contradict each other"), std::string::npos)
      << result.output;
}

}  // namespace
}  // namespace seccoop::testing
