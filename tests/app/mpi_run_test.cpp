// `seccoop run --mpi` under a real mpirun: one process, three shards merged and two MPI ranks
// give identical data; a rank killed mid-job loses no run any rank completed, and `--resume`
// finishes the job to the data of an uninterrupted one. Skipped in a build without MPI, where
// --mpi must say how to get it.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <regex>
#include <thread>

#include "sim/io/results_reader.hpp"
#include "tests/app/results_comparison.hpp"
#include "tests/support/command.hpp"
#include "tests/support/flush_damage.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::testing {
namespace {

namespace fs = std::filesystem;

#ifdef SECCOOP_MPIEXEC

// As root (CI), OpenMPI refuses to start without these; --oversubscribe lets 2 ranks share
// fewer cores, and "none" avoids cross-memory attach, which containers often forbid.
const std::string mpi_environment =
    "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 "
    "OMPI_MCA_btl_vader_single_copy_mechanism=none ";
const std::string mpirun_command = std::string(SECCOOP_MPIEXEC) + " -np 2 --oversubscribe ";

void write_experiment(const fs::path& file, int replications) {
  std::ofstream(file) << "schema_version: 1\nname: mpi-test\nscenarios:\n  - "
                      << (source_dir() / "tests/data/configs/small-stochastic.yaml").string()
                      << "\nreplications: " << replications << "\nseed: 11\n"
                      << "outputs:\n  variables: [members, deaths, homicides]\n  week_stride: 2\n";
}

class MpiRun : public ::testing::Test {
 protected:
  void SetUp() override { SECCOOP_REQUIRE_PUBLISHED_NETWORK(); }
  [[nodiscard]] std::string path(const std::string& name) const { return (dir_ / name).string(); }
  CommandResult mpirun(const std::string& arguments) {
    return run_shell(mpi_environment + mpirun_command + "'" + SECCOOP_EXECUTABLE + "' " +
                     arguments);
  }
  TempDir dir_;
};

TEST_F(MpiRun, OneProcessThreeShardsAndTwoRanksGiveIdenticalData) {
  const auto experiment = path("experiment.yaml");
  write_experiment(experiment, 40);  // 3 batches of 16 runs
  ASSERT_EQ(
      run_seccoop("run " + experiment + " --quiet --threads 2 -o " + path("single.h5")).exit_code,
      0);
  std::string shards;
  for (int i = 0; i < 3; ++i) {
    const auto shard = path("s" + std::to_string(i) + ".h5");
    const auto result = run_seccoop(
        fmt::format("run {} --quiet --threads 1 --shard {}/3 -o {}", experiment, i, shard));
    ASSERT_EQ(result.exit_code, 0) << result.output;
    shards += " " + shard;
  }
  ASSERT_EQ(run_seccoop("merge" + shards + " -o " + path("merged.h5")).exit_code, 0);
  const auto mpi = mpirun("run " + experiment + " --mpi --threads 1 -o " + path("mpi.h5"));
  ASSERT_EQ(mpi.exit_code, 0) << mpi.output;
  EXPECT_NE(mpi.output.find("2 MPI ranks"), std::string::npos) << mpi.output;
  EXPECT_NE(mpi.output.find("40 runs in"), std::string::npos) << mpi.output;
  expect_same_data(path("single.h5"), path("merged.h5"));
  expect_same_data(path("single.h5"), path("mpi.h5"));
  for (const auto& entry : fs::directory_iterator(dir_.path())) {
    EXPECT_EQ(entry.path().string().find(".rank"), std::string::npos)
        << entry.path() << " was left behind";
  }
}

/// The process of MPI rank `rank` among the children of `mpirun`, or 0.
pid_t rank_process(pid_t mpirun, int rank) {
  const auto children = run_shell("pgrep -P " + std::to_string(mpirun));
  std::istringstream pids(children.output);
  for (pid_t pid = 0; pids >> pid;) {
    std::ifstream environ("/proc/" + std::to_string(pid) + "/environ");
    std::string variable;
    while (std::getline(environ, variable, '\0')) {
      if (variable == "OMPI_COMM_WORLD_RANK=" + std::to_string(rank)) return pid;
    }
  }
  return 0;
}

long completed_runs(const std::string& file) {
  const auto info = run_shell("HDF5_USE_FILE_LOCKING=FALSE '" + std::string(SECCOOP_EXECUTABLE) +
                              "' info '" + file + "'");
  std::smatch match;
  if (info.exit_code != 0 ||
      !std::regex_search(info.output, match, std::regex(R"(runs\s+(\d+) of)"))) {
    return -1;
  }
  return std::stol(match[1]);
}

/// Runs `experiment` (1000 runs) on two ranks and kills rank 1 with SIGKILL once its file holds
/// 32 complete runs; mpirun then ends the job. Returns the runs complete in each rank's file.
std::pair<long, long> kill_rank_1(const std::string& experiment, const std::string& output,
                                  const std::string& log) {
  const std::string command = mpi_environment + "exec " + mpirun_command + "'" +
                              SECCOOP_EXECUTABLE + "' run " + experiment +
                              " --mpi --threads 1 -o " + output + " > " + log + " 2>&1";
  const pid_t job = fork();
  if (job == 0) {
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  EXPECT_GT(job, 0);
  int status = 0;
  const auto rank1_file = output + ".rank1.partial";
  for (long seen = -1; seen < 32;) {
    if (waitpid(job, &status, WNOHANG) != 0) {
      ADD_FAILURE() << "the job ended before it could be killed";
      return {-1, -1};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (fs::exists(rank1_file)) seen = completed_runs(rank1_file);
  }
  const pid_t rank1 = rank_process(job, 1);
  EXPECT_GT(rank1, 0);
  EXPECT_EQ(kill(rank1, SIGKILL), 0);
  EXPECT_EQ(waitpid(job, &status, 0), job);
  EXPECT_FALSE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "mpirun succeeded";
  EXPECT_FALSE(fs::exists(output));
  return {completed_runs(output + ".rank0.partial"), completed_runs(rank1_file)};
}

TEST_F(MpiRun, AKilledRankLosesNoCompletedRunAndResumeFinishesTheJob) {
  const auto experiment = path("experiment.yaml");
  write_experiment(experiment, 1000);
  const auto [rank0_kept, rank1_kept] = kill_rank_1(experiment, path("out.h5"), path("killed.log"));
  if (HasFailure()) return;

  // What the ranks completed is on disk, in both ranks' files.
  ASSERT_GE(rank1_kept, 32);
  ASSERT_GT(rank0_kept, 0);
  ASSERT_LT(rank0_kept + rank1_kept, 1000);
  std::cout << "[ measured ] rank 1 killed with " << rank0_kept << " + " << rank1_kept
            << " of 1000 runs complete\n";

  const auto refused = mpirun("run " + experiment + " --mpi --quiet -o " + path("out.h5"));
  EXPECT_EQ(refused.exit_code, 2) << refused.output;
  EXPECT_NE(refused.output.find("left by an interrupted (or still running) MPI job: add --resume"),
            std::string::npos)
      << refused.output;

  const auto resumed =
      mpirun("run " + experiment + " --mpi --threads 1 -o " + path("out.h5") + " --resume");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("resumed: " + std::to_string(rank0_kept + rank1_kept) +
                                " runs already complete, " +
                                std::to_string(1000 - rank0_kept - rank1_kept) + " computed"),
            std::string::npos)
      << resumed.output;
  for (const auto& entry : fs::directory_iterator(dir_.path())) {
    EXPECT_EQ(entry.path().string().find(".rank"), std::string::npos)
        << entry.path() << " was left behind";
  }
  const auto reference =
      run_seccoop("run " + experiment + " --quiet --threads 2 -o " + path("reference.h5"));
  ASSERT_EQ(reference.exit_code, 0) << reference.output;
  expect_same_data(path("out.h5"), path("reference.h5"));
}

// A rank killed in the middle of an HDF5 flush can damage its file (see
// partial_salvage_test.cpp): `--mpi --resume` salvages the complete runs that read back.
TEST_F(MpiRun, ResumeSalvagesARankFileDamagedByAKillDuringAFlush) {
  const auto experiment = path("experiment.yaml");
  write_experiment(experiment, 1000);
  const auto [rank0_kept, rank1_kept] = kill_rank_1(experiment, path("out.h5"), path("killed.log"));
  if (HasFailure()) return;
  ASSERT_GE(rank1_kept, 32);
  ASSERT_NO_FATAL_FAILURE(cut_recorded_end_at(path("out.h5.rank1.partial"), 0.6));

  const auto resumed =
      mpirun("run " + experiment + " --mpi --threads 1 -o " + path("out.h5") + " --resume");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(resumed.output, match,
                                std::regex(R"(rank1.partial' was damaged .* The (\d+) complete)")))
      << resumed.output;
  const long rank1_salvaged = std::stol(match[1]);
  std::cout << "[ measured ] " << rank1_salvaged << " of rank 1's " << rank1_kept
            << " complete runs salvaged\n";
  EXPECT_LT(rank1_salvaged, rank1_kept);
  EXPECT_NE(resumed.output.find("resumed: " + std::to_string(rank0_kept + rank1_salvaged) +
                                " runs already complete"),
            std::string::npos)
      << resumed.output;
  const auto reference =
      run_seccoop("run " + experiment + " --quiet --threads 2 -o " + path("reference.h5"));
  ASSERT_EQ(reference.exit_code, 0) << reference.output;
  expect_same_data(path("out.h5"), path("reference.h5"));
}

#else

TEST(MpiUnavailable, MpiFlagSaysHowToGetIt) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  const auto result =
      run_seccoop("run " + (source_dir() / "tests/data/configs/small-experiment.yaml").string() +
                  " --mpi -o /tmp/never.h5");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("this seccoop was built without MPI; rebuild it with "
                               "-DSECCOOP_WITH_MPI=ON"),
            std::string::npos)
      << result.output;
}

#endif

}  // namespace
}  // namespace seccoop::testing
