// Shards cut the global run order into contiguous pieces that cover every run exactly once,
// and a Slurm job array's variables name the shard of each task.
#include "sim/cluster/shard_spec.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "sim/config/diagnostics.hpp"

namespace seccoop::sim::cluster {
namespace {

TEST(ShardRuns, ContiguousShardsCoverEveryRunOnceAndDifferByAtMostOne) {
  for (const std::uint64_t total : {0ULL, 1ULL, 2ULL, 7ULL, 100ULL, 1001ULL}) {
    for (const std::uint64_t count : {1ULL, 2ULL, 3ULL, 16ULL, 1000ULL}) {
      std::uint64_t next = 0;
      for (std::uint64_t index = 0; index < count; ++index) {
        const RunRange runs = shard_runs(total, {.index = index, .count = count});
        EXPECT_EQ(runs.first, next) << total << " runs, shard " << index << "/" << count;
        EXPECT_LE(runs.size, total / count + 1);
        EXPECT_GE(runs.size, total / count);
        next = runs.end();
      }
      EXPECT_EQ(next, total);
    }
  }
}

TEST(ShardRuns, ShardIGetsFloorIThroughFloorIPlusOneOfNOverK) {
  // 100 runs in 3 shards: [0, 33), [33, 66), [66, 100).
  EXPECT_EQ(shard_runs(100, {.index = 0, .count = 3}).size, 33U);
  EXPECT_EQ(shard_runs(100, {.index = 1, .count = 3}).first, 33U);
  EXPECT_EQ(shard_runs(100, {.index = 2, .count = 3}).first, 66U);
  EXPECT_EQ(shard_runs(100, {.index = 2, .count = 3}).size, 34U);
  // Huge experiments do not overflow.
  const std::uint64_t huge = std::uint64_t{1} << 62;
  EXPECT_EQ(shard_runs(huge, {.index = 3, .count = 4}).first, huge / 4 * 3);
}

TEST(ParseShard, ReadsIndexOverCount) {
  EXPECT_EQ(parse_shard("2/3", "--shard"), (ShardSpec{.index = 2, .count = 3}));
  EXPECT_EQ(parse_shard("0/1", "--shard").to_string(), "0/1");
}

TEST(ParseShard, RefusesMalformedAndOutOfRangeSpecsSayingWhatIsExpected) {
  const std::map<std::string, std::string> cases = {
      {"3/3", "--shard 3/3: shard index 3 is out of range (shards of 3 are numbered 0 to 2)"},
      {"1/0", "--shard 1/0: the number of shards must be in [1, "},
      {"a/b", "--shard a/b: expected i/K"},
      {"2", "--shard 2: expected i/K"},
      {"-1/3", "--shard -1/3: expected i/K"},
      {"1/3x", "--shard 1/3x: expected i/K"},
      {"", "--shard : expected i/K"}};
  for (const auto& [text, message] : cases) {
    try {
      static_cast<void>(parse_shard(text, "--shard"));
      ADD_FAILURE() << "accepted " << text;
    } catch (const UserError& error) {
      EXPECT_NE(std::string(error.what()).find(message), std::string::npos) << error.what();
    }
  }
}

EnvironmentLookup environment(std::map<std::string, std::string> variables) {
  return [variables = std::move(variables)](const char* name) -> const char* {
    const auto found = variables.find(name);
    return found == variables.end() ? nullptr : found->second.c_str();
  };
}

TEST(ShardFromSlurm, NoArrayNoShard) {
  EXPECT_FALSE(shard_from_slurm(environment({{"SLURM_JOB_ID", "12"}})).has_value());
}

TEST(ShardFromSlurm, TaskIdAndCountNameTheShard) {
  const auto shard = shard_from_slurm(environment({{"SLURM_ARRAY_TASK_ID", "2"},
                                                   {"SLURM_ARRAY_TASK_COUNT", "3"},
                                                   {"SLURM_ARRAY_TASK_MIN", "0"},
                                                   {"SLURM_ARRAY_TASK_MAX", "2"}}));
  EXPECT_EQ(shard, (ShardSpec{.index = 2, .count = 3}));
}

TEST(ShardFromSlurm, WithoutCountMinAndMaxGiveIt) {
  // --array=1-4: tasks 1..4 are shards 0..3 of 4.
  const auto shard = shard_from_slurm(environment({{"SLURM_ARRAY_TASK_ID", "3"},
                                                   {"SLURM_ARRAY_TASK_MIN", "1"},
                                                   {"SLURM_ARRAY_TASK_MAX", "4"}}));
  EXPECT_EQ(shard, (ShardSpec{.index = 2, .count = 4}));
  // --array=0-10:5: tasks 0, 5, 10 are shards 0..2 of 3.
  const auto stepped = shard_from_slurm(environment({{"SLURM_ARRAY_TASK_ID", "10"},
                                                     {"SLURM_ARRAY_TASK_MIN", "0"},
                                                     {"SLURM_ARRAY_TASK_MAX", "10"},
                                                     {"SLURM_ARRAY_TASK_STEP", "5"}}));
  EXPECT_EQ(stepped, (ShardSpec{.index = 2, .count = 3}));
}

TEST(ShardFromSlurm, AnArrayThatIsNoRangeIsRefusedNamingTheVariables) {
  // --array=1,5,9: task 9 would be index 8 of 3.
  try {
    static_cast<void>(shard_from_slurm(environment({{"SLURM_ARRAY_TASK_ID", "9"},
                                                    {"SLURM_ARRAY_TASK_COUNT", "3"},
                                                    {"SLURM_ARRAY_TASK_MIN", "1"},
                                                    {"SLURM_ARRAY_TASK_MAX", "9"}})));
    ADD_FAILURE() << "accepted";
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what()).find("SLURM_ARRAY_TASK_ID=9, SLURM_ARRAY_TASK_COUNT=3"),
              std::string::npos)
        << error.what();
    EXPECT_NE(std::string(error.what()).find("give --shard i/K"), std::string::npos);
  }
  EXPECT_THROW(static_cast<void>(shard_from_slurm(environment({{"SLURM_ARRAY_TASK_ID", "x"}}))),
               UserError);
}

}  // namespace
}  // namespace seccoop::sim::cluster
