// Hostile configurations and command lines, through the real executable: each is refused with
// exit code 2 and a message naming the file, line, column, key, what was expected and what was
// found, and a run writes nothing. Cases covered elsewhere are not repeated here (see
// docs/reliability.md): unknown keys with a did-you-mean, wrong types and a missing file
// (bad_config_test.cpp), circular and missing `extends` (scenario_extends_test.cpp), sweep
// ranges empty or inverted (sweep_config_test.cpp), shard specs (shard_merge_test.cpp).
#include <filesystem>

#include "tests/app/hostile_support.hpp"

namespace seccoop::testing {
namespace {

namespace fs = std::filesystem;

class HostileConfig : public HostileInput {
 protected:
  static std::string head() { return "schema_version: 1\nname: x\nstart: 2012-01-02\n"; }
  static std::string network() { return "network: {source: published, directory: net}\n"; }
};

TEST_F(HostileConfig, MalformedYamlIsASyntaxErrorAtItsLine) {
  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {"schema_version: 1\n\tname: x\n", "s.yaml:2:1: YAML syntax error: illegal tab"},
      {"schema_version: 1\nweeks: [1, 2\n",
       "s.yaml:3:1: YAML syntax error: end of sequence flow not found"},
      // yaml-cpp alone would swallow the rest of the file into the value and report
      // "missing required key" for the keys below the quote.
      {"schema_version: 1\nname: \"x\nstart: 2012-01-02\nweeks: 3\n",
       "s.yaml:2:7: YAML syntax error: a quoted value is never closed (expected a closing quote, "
       "found the end of the file)"},
      {"schema_version: 1\nname: 'x\n\n",
       "s.yaml:2:7: YAML syntax error: a quoted value is never closed"},
      {"a: " + std::string(600, '[') + std::string(600, ']') + "\n",
       "YAML syntax error: lists or mappings nested too deeply (expected fewer than 500 levels"},
  };
  for (const auto& item : cases) {
    const auto file = write("s.yaml", item.text);
    expect_refused("validate " + file, {item.message, "1 problem found"});
  }
}

TEST_F(HostileConfig, ADuplicateKeyIsAnErrorNotASilentChoice) {
  const auto file = write("s.yaml", head() + "weeks: 10\nweeks: 20\n" + network());
  expect_refused("validate " + file,
                 {file + ":5:1: key 'weeks': duplicate key (expected each key at most once in a "
                         "mapping, found 'weeks' again, first at line 4)"});
}

TEST_F(HostileConfig, WrongTypesAreAllReportedInOnePass) {
  const auto file = write("s.yaml",
                          "schema_version: 1\nname: {a: 1}\nstart: 12\nweeks: [1, 2]\n"
                          "integration: 3\nsubsteps: x\n" +
                              network());
  expect_refused(
      "validate " + file,
      {file + ":2:7: key 'name': wrong type (expected text, found a mapping)",
       file +
           ":3:8: key 'start': not a calendar date (expected an ISO date YYYY-MM-DD, found \"12\")",
       file +
           ":4:8: key 'weeks': wrong type (expected a whole number in [1, 100000], found a list)",
       file + ":5:14: key 'integration': unknown value (expected one of 'expected', 'stochastic', "
              "found \"3\")",
       file +
           ":6:11: key 'substeps': wrong type (expected a whole number in [1, 1000], found \"x\")",
       "5 problems found"});
}

TEST_F(HostileConfig, NonFiniteAndOutOfRangeNumbersNameTheRange) {
  const auto file = write("s.yaml", head() + "weeks: 99999999999999999999\n" + network() +
                                        "parameters:\n  core:\n"
                                        "    recruitment_rate_per_week: .nan\n"
                                        "    initial_members: .inf\n"
                                        "    conflict_lethality: 1e400\n"
                                        "    saturation_per_member_week: -.inf\n");
  const std::string core = "key 'parameters.core.";
  expect_refused(
      "validate " + file,
      {file + ":4:8: key 'weeks': value out of range (expected a whole number in [1, 100000], "
              "found \"99999999999999999999\")",
       file + ":8:32: " + core +
           "recruitment_rate_per_week': not a finite number (expected a number in [0, 1], found "
           "\".nan\")",
       file + ":9:22: " + core +
           "initial_members': not a finite number (expected a number in [0, 1e+09], found "
           "\".inf\")",
       file + ":10:25: " + core +
           "conflict_lethality': value out of range (expected a number in [0, 0.001], found "
           "\"1e400\")",
       file + ":11:33: " + core + "saturation_per_member_week': not a finite number",
       "5 problems found"});
}

TEST_F(HostileConfig, NonFiniteOverridesOnTheCommandLine) {
  write_network("net");
  const auto file = write("s.yaml", scenario("net"));
  const auto output = path("out.h5");
  expect_refused(
      "run " + file + " -o " + output +
          " --set core.recruitment_rate_per_week=nan --set core.initial_members=1e400"
          " --set core.conflict_lethality=-inf",
      {"error: --set core.recruitment_rate_per_week=nan: key "
       "'core.recruitment_rate_per_week': value out of range (expected a number in [0, 1], found "
       "nan)",
       "key 'core.initial_members': value out of range (expected a number, found \"1e400\")",
       "key 'core.conflict_lethality': value out of range (expected a number in [0, 0.001], found "
       "-inf)"},
      output);
}

TEST_F(HostileConfig, EmptyAndNonMappingFilesSayWhatTheyHold) {
  const std::pair<std::string, std::string> cases[] = {
      {"", "found an empty document"},
      {"# only a comment\n\n   \n", "found an empty document"},
      {"- a\n- b\n", "found a list"},
      {"hello\n", "found \"hello\""},
  };
  for (const auto& [text, found] : cases) {
    const auto file = write("s.yaml", text);
    expect_refused("validate " + file,
                   {file +
                    ":1:1: the file must be a mapping of keys to values (expected a mapping "
                    "such as 'schema_version: 1', " +
                    found + ")"});
  }
}

TEST_F(HostileConfig, AFileOverTheSizeLimitIsRefusedUnread) {
  const auto file = path("huge.yaml");
  { std::ofstream(file) << head(); }
  fs::resize_file(file, 16U * 1024U * 1024U + 1U);  // sparse: costs no disk
  const std::string message = file +
                              ": file too large for a configuration (expected at most 16777216 "
                              "bytes, found 16777217 bytes)";
  expect_refused("validate " + file, {message});
  expect_refused("run " + file + " -o " + path("out.h5"), {message}, path("out.h5"));
}

TEST_F(HostileConfig, AConfigThatIsADirectoryOrLiesUnderAFile) {
  fs::create_directories(dir_ / "folder.yaml");
  expect_refused("validate " + path("folder.yaml"),
                 {path("folder.yaml") + ": not a regular file (it is a directory)"});
  write("notes.txt", "not a folder");
  expect_refused("validate " + path("notes.txt/s.yaml"),
                 {path("notes.txt/s.yaml") + ": file not found ('" + path("notes.txt") +
                  "' is a file, not a directory)"});
}

TEST_F(HostileConfig, AWorldWithoutCartelsIsRefused) {
  const auto file =
      write("s.yaml",
            "schema_version: 1\nname: w\nstart: 2025-01-20\nweeks: 5\nworld:\n"
            "  schema_version: 1\n"
            "  regions: [{code: A, name: A, population: 10, borders_us: false, neighbours: []}]\n"
            "  cartels: []\n  actors: []\n  governments: {us_pressure: 0.5, mx_stance: 0.5}\n");
  expect_refused("run " + file + " -o " + path("out.h5"),
                 {file + ":8:12: key 'world.cartels': no cartels (expected at least one cartel (or "
                         "a tail of local groups), found an empty list)"},
                 path("out.h5"));
}

TEST_F(HostileConfig, RivalryAndAllianceWeightsHaveAMaximum) {
  // Unbounded, 1e300 gave 1.9e303 homicides a year and 1.7e308 gave inf, with exit code 0.
  const auto world = [](const std::string& rivalry, const std::string& alliance) {
    return "schema_version: 1\nname: w\nstart: 2025-01-20\nweeks: 5\nworld:\n"
           "  schema_version: 1\n"
           "  regions: [{code: A, name: A, population: 10, borders_us: false, neighbours: []}]\n"
           "  total_members: 1000\n  cartels:\n"
           "    - {name: X, share: 0.5, presence: {A: 1}}\n"
           "    - {name: Y, share: 0.5, presence: {A: 1}}\n"
           "  rivalries: [[X, Y, " +
           rivalry + "]]\n  alliances: [[X, Y, " + alliance +
           "]]\n  actors: []\n  governments: {us_pressure: 0.5, mx_stance: 0.5}\n";
  };
  const auto file = write("s.yaml", world("1e300", "1.7e308"));
  expect_refused("run " + file + " -o " + path("out.h5"),
                 {file + ":12:22: key 'world.rivalries[0][2]': value out of range (expected a "
                         "number in [0, 1e+06], found \"1e300\")",
                  file + ":13:22: key 'world.alliances[0][2]': value out of range (expected a "
                         "number in [0, 1e+06], found \"1.7e308\")"},
                 path("out.h5"));
  write("s.yaml", world("1e6", "1e6"));
  EXPECT_EQ(run_seccoop("validate " + file).exit_code, 0);
}

TEST_F(HostileConfig, ARunWhoseNumbersOverflowFailsInsteadOfWritingInf) {
  // Every value in its range, yet nothing holds recruitment back: members pass the most a
  // cartel may have (1e15) within weeks, and would pass 1.8e308.
  write_network("net");
  const auto file =
      write("s.yaml", head() + "weeks: 3000\nintegration: expected\n" + network() +
                          "parameters:\n  core:\n    recruitment_rate_per_week: 1\n"
                          "    saturation_per_member_week: 0\n    conflict_lethality: 0\n");
  const auto output = path("out.h5");
  const auto result = expect_refused("run " + file + " --quiet -o " + output,
                                     {"error: run 0, week ", "the model's numbers overflow: "});
  EXPECT_FALSE(fs::exists(output));
}

TEST_F(HostileConfig, GarbageBytesInAKeyAreEscaped) {
  // An invalid UTF-8 byte and a terminal escape sequence in a key; valid UTF-8 is kept.
  const auto file = write("s.yaml", head() + "we\xffks\x1b[2J: 3\nn\xc3\xbamero: 1\n" + network());
  const auto result =
      expect_refused("validate " + file, {file + ":4:1: key 'we\\xffks\\x1b[2J': unknown key",
                                          file + ":5:1: key 'n\xc3\xbamero': unknown key"});
  EXPECT_EQ(result.output.find('\xff'), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find('\x1b'), std::string::npos) << result.output;
}

TEST_F(HostileConfig, CommandLineMistakesAreUserErrors) {
  write_network("net");
  const auto file = write("s.yaml", scenario("net"));
  const auto output = path("out.h5");
  const std::pair<std::string, std::string> cases[] = {
      {"--threads -1", "error: --threads: Value -1 not in range 1 to 1000000"},  // was bad_alloc
      {"--threads many", "error: --threads: Value many not in range"},
      {"--replications 0", "error: --replications: Value 0 not in range 1 to 10000000"},
      {"--seed -1", "error: --seed: a seed is a whole number >= 0, found -1"},
      {"--sed 3", "error: The following arguments were not expected: 3 --sed"},
      {"--set core.recruitment_rate_per_week", "malformed override (expected path=value"},
  };
  for (const auto& [options, message] : cases) {
    expect_refused("run " + file + " -o " + output + " " + options, {message}, output);
  }
  const auto help = run_seccoop("run --help");
  EXPECT_EQ(help.exit_code, 0) << help.output;
}

}  // namespace
}  // namespace seccoop::testing
