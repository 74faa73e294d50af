// A job killed in the middle of an HDF5 flush can leave a .partial whose index nodes point past
// the file's recorded end (agents/runner/partial_salvage.hpp). Such a file is made here the way
// the kill leaves it: a complete file whose recorded end, and size, are cut back, so that the
// chunks and nodes HDF5 wrote last lie beyond it. `--resume` must keep the complete runs that
// read back, compute the others again, and end with the data of an uninterrupted run.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <regex>

#include "sim/io/results_reader.hpp"
#include "tests/app/results_comparison.hpp"
#include "tests/support/command.hpp"
#include "tests/support/flush_damage.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::testing {
namespace {

namespace fs = std::filesystem;

constexpr long kRuns = 200;

fs::path write_experiment(const TempDir& dir, long runs) {
  auto experiment = dir / "experiment.yaml";
  std::ofstream(experiment) << "schema_version: 1\nname: salvage\nscenarios:\n  - "
                            << (source_dir() / "tests/data/configs/small-stochastic.yaml").string()
                            << "\nreplications: " << runs << "\nseed: 11\n"
                            << "outputs:\n  variables: [members, deaths, homicides]\n";
  return experiment;
}

TEST(PartialSalvage, ResumeKeepsTheRunsThatReadBackAndRecomputesTheRest) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  TempDir dir;
  const auto experiment = write_experiment(dir, kRuns);
  const auto reference = dir / "reference.h5";
  const auto output = dir / "out.h5";
  const auto partial = dir / "out.h5.partial";
  const auto uninterrupted =
      run_seccoop("run " + experiment.string() + " --quiet --threads 2 -o " + reference.string());
  ASSERT_EQ(uninterrupted.exit_code, 0) << uninterrupted.output;
  fs::copy_file(reference, partial);
  ASSERT_NO_FATAL_FAILURE(cut_recorded_end_at(partial, 0.6));
  // Reading it all fails, with an error that says what to do.
  const auto info = run_seccoop("info " + partial.string());
  EXPECT_EQ(info.exit_code, 2) << info.output;
  EXPECT_NE(info.output.find("addr overflow"), std::string::npos) << info.output;
  EXPECT_NE(info.output.find("; a job killed while HDF5 was writing it left its index half "
                             "written: `seccoop run ... --resume` keeps"),
            std::string::npos)
      << info.output;

  const auto resumed =
      run_seccoop("run " + experiment.string() + " --threads 2 --resume -o " + output.string());
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(
      resumed.output, match,
      std::regex(R"(was damaged .*: (\d+) of its (\d+) blocks of 16 runs )"
                 R"(failed the check \(first: .*(addr overflow|past the end).*\)\. )"
                 R"(The (\d+) complete runs)")))
      << resumed.output;
  const long unreadable_blocks = std::stol(match[1]);
  const long kept = std::stol(match[4]);
  std::cout << "[ measured ] " << unreadable_blocks << " of " << match[2]
            << " blocks failed the check, " << kept << " of " << kRuns << " runs kept\n";
  EXPECT_EQ(std::stol(match[2]), (kRuns + 15) / 16);
  // A cut at 60% leaves about 60% of the blocks readable (the flags of the last ones lie past it).
  EXPECT_GT(unreadable_blocks, 3);
  EXPECT_GT(kept, kRuns / 3);
  EXPECT_LE(kept, kRuns - 16 * (unreadable_blocks - 1));
  EXPECT_NE(resumed.output.find("resumed: " + std::to_string(kept) + " runs already complete, " +
                                std::to_string(kRuns - kept) + " computed"),
            std::string::npos)
      << resumed.output;
  EXPECT_FALSE(fs::exists(partial));
  EXPECT_FALSE(fs::exists(dir / "out.h5.salvage.partial"));
  ASSERT_NO_FATAL_FAILURE(expect_same_data(output, reference));

  // The kept runs were copied, not computed again: their measured times are the original ones.
  const auto before = sim::io::ResultsReader(reference).read_doubles("wall_time");
  const auto after = sim::io::ResultsReader(output).read_doubles("wall_time");
  ASSERT_EQ(before.size(), after.size());
  long same_time = 0;
  for (std::size_t run = 0; run < before.size(); ++run) same_time += before[run] == after[run];
  EXPECT_EQ(same_time, kept);
}

TEST(PartialSalvage, ResumeRemovesTheCopyOfASalvageThatWasKilled) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  TempDir dir;
  const auto experiment = write_experiment(dir, 32);
  const auto reference = dir / "reference.h5";
  const auto output = dir / "out.h5";
  const auto uninterrupted =
      run_seccoop("run " + experiment.string() + " --quiet -o " + reference.string());
  ASSERT_EQ(uninterrupted.exit_code, 0) << uninterrupted.output;
  fs::copy_file(reference, dir / "out.h5.partial");
  // What a salvage killed halfway leaves: its unfinished copy beside the file it was saving.
  const auto stray = dir / "out.h5.salvage.partial";
  std::ofstream(stray) << "half a file";

  const auto resumed =
      run_seccoop("run " + experiment.string() + " --quiet --resume -o " + output.string());
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_FALSE(fs::exists(stray));
  ASSERT_NO_FATAL_FAILURE(expect_same_data(output, reference));
}

}  // namespace
}  // namespace seccoop::testing
