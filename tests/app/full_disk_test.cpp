// A job that runs out of room while writing: on a full disk (a 1 MiB tmpfs, when this test may
// mount one) and under a file-size limit (ulimit -f: seccoop ignores SIGXFSZ, so the write
// fails with EFBIG instead of the signal killing it). Either way the job stops with exit code
// 2 and a message saying what happened and what to do, the runs flagged complete stay readable
// in the .partial, and --resume, once there is room, finishes the file with the data of an
// uninterrupted run. A job killed with SIGKILL is resume_test.cpp's.
#include <sys/mount.h>
#include <unistd.h>

#include <regex>

#include "tests/app/hostile_support.hpp"
#include "tests/app/results_comparison.hpp"

namespace seccoop::testing {
namespace {

namespace fs = std::filesystem;

/// Unmounts a tmpfs on destruction (declared after the TempDir that holds it: undone first).
class TmpfsMount {
 public:
  /// Mounts a tmpfs of `megabytes` on `folder`; false when not permitted (not root, a container).
  bool mount(const fs::path& folder, int megabytes) {
    fs::create_directories(folder);
    const std::string options = "size=" + std::to_string(megabytes) + "m";
    if (::mount("tmpfs", folder.c_str(), "tmpfs", 0, options.c_str()) != 0) return false;
    folder_ = folder;
    return true;
  }
  bool grow(int megabytes) {
    const std::string options = "size=" + std::to_string(megabytes) + "m";
    return ::mount("tmpfs", folder_.c_str(), "tmpfs", MS_REMOUNT, options.c_str()) == 0;
  }
  ~TmpfsMount() {
    if (!folder_.empty()) static_cast<void>(::umount2(folder_.c_str(), MNT_DETACH));
  }

 private:
  fs::path folder_;
};

class FullDisk : public HostileInput {
 protected:
  void SetUp() override {
    write_network("net");
    // About 3 MB of results in about a second (a minute under ASan): a third fits in 1 MiB.
    experiment_ = write("e.yaml", "schema_version: 1\nname: full-disk\nscenarios:\n  - " +
                                      scenario_line() + "\nreplications: 1000\nseed: 3\n");
    const auto reference =
        run_seccoop("run " + experiment_ + " --quiet --threads 2 -o " + path("reference.h5"));
    ASSERT_EQ(reference.exit_code, 0) << reference.output;
  }
  [[nodiscard]] std::string scenario_line() const {
    return "{schema_version: 1, name: tiny, start: 2012-01-02, weeks: 150, integration: "
           "stochastic, network: {source: published, directory: " +
           path("net") + "}}";
  }
  [[nodiscard]] std::string run_command(const fs::path& output) const {
    return "'" + std::string(SECCOOP_EXECUTABLE) + "' run " + experiment_ +
           " --quiet --threads 2 -o " + output.string();
  }

  /// What `seccoop info` says of the .partial: the number of runs flagged complete (-1:
  /// unreadable).
  static long complete_runs(const fs::path& partial) {
    const auto info = run_seccoop("info " + partial.string());
    std::smatch match;
    if (info.exit_code != 0 ||
        !std::regex_search(info.output, match, std::regex(R"(runs\s+(\d+) of 1000)"))) {
      return -1;
    }
    return std::stol(match[1]);
  }

  /// --resume (with room now) finishes the file; its data equal the uninterrupted run's.
  void expect_resume_finishes(const fs::path& output, long kept, const std::string& note = {}) {
    const auto resumed = run_shell(run_command(output) + " --resume");
    ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
    if (!note.empty()) {
      EXPECT_NE(resumed.output.find(note), std::string::npos) << resumed.output;
    }
    EXPECT_FALSE(fs::exists(output.string() + ".partial"));
    expect_same_data(output, dir_ / "reference.h5");
    if (kept >= 0) {
      std::cout << "[ measured ] " << kept
                << " of 1000 runs were complete when the disk was full\n";
    }
  }

  std::string experiment_;
};

TEST_F(FullDisk, ANoSpaceErrorKeepsTheCompleteRunsAndResumeFinishes) {
  if (geteuid() != 0) GTEST_SKIP() << "mounting a tmpfs needs root";
  TmpfsMount disk;
  if (!disk.mount(dir_ / "small", 1)) GTEST_SKIP() << "mount -t tmpfs is not permitted here";
  const auto output = dir_ / "small" / "out.h5";
  const auto full = run_shell(run_command(output));
  EXPECT_EQ(full.exit_code, 2) << full.output;
  // The write that fails is a flush or the store of a chunk of 16 runs: either is named.
  const std::string partial = "error: results file '" + output.string() + ".partial': cannot ";
  EXPECT_NE(full.output.find(partial), std::string::npos) << full.output;
  EXPECT_NE(full.output.find(": file write failed: No space left on device; the runs"),
            std::string::npos)
      << full.output;
  EXPECT_NE(full.output.find("the runs already complete are kept in the .partial: make room"),
            std::string::npos)
      << full.output;
  EXPECT_EQ(full.output.find("internal error"), std::string::npos) << full.output;
  const long kept = complete_runs(output.string() + ".partial");
  ASSERT_GT(kept, 0);
  ASSERT_LT(kept, 1000);
  ASSERT_TRUE(disk.grow(64));
  expect_resume_finishes(output, kept);
}

TEST_F(FullDisk, AFileSizeLimitIsAnErrorNotASignalAndResumeRepairsTheCutShortFile) {
  const auto output = dir_ / "out.h5";
  // 1024 blocks of 1 KiB (bash's ulimit -f unit): the .partial stops at 1 MiB.
  const auto limited = run_shell("bash -c \"ulimit -f 1024; exec " + run_command(output) + "\"");
  EXPECT_EQ(limited.exit_code, 2) << limited.output;  // not 153 (SIGXFSZ) nor 139 (SIGSEGV)
  EXPECT_NE(limited.output.find("error: results file '" + output.string() + ".partial': cannot "),
            std::string::npos)
      << limited.output;
  EXPECT_NE(limited.output.find(": file write failed: File too large; the runs already complete "
                                "are kept"),
            std::string::npos)
      << limited.output;
  // HDF5 rewrote its header, but not the data past the limit: the file is cut short.
  const auto info = run_seccoop("info " + output.string() + ".partial");
  EXPECT_NE(info.output.find("truncated file"), std::string::npos) << info.output;
  EXPECT_NE(info.output.find("`seccoop run ... --resume` repairs and finishes it"),
            std::string::npos)
      << info.output;
  expect_resume_finishes(output, -1,
                         "was cut short by a failed write (a full disk or a file-size limit)");
}

}  // namespace
}  // namespace seccoop::testing
