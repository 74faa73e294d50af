#pragma once
// Shared by the hostile-input tests: a temporary folder, a small cartel network in the
// published CSV format (written here: the authors' files are never copied into the
// repository), and the check every refusal must pass: exit code 2, the expected messages,
// no internal error, and nothing half-written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>

#include "tests/support/command.hpp"

namespace seccoop::testing {

class HostileInput : public ::testing::Test {
 protected:
  /// Writes `text` to `name` (a path relative to the temporary folder) and returns its path.
  std::string write(const std::string& name, const std::string& text) {
    const auto path = dir_ / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  /// Three groups, two rivalries and an alliance, in the format of BACRIM2020_*.csv.
  void write_network(const std::string& folder) {
    write(folder + "/BACRIM2020_Nodes.csv",
          "\xEF\xBB\xBFNode,Group,State,ShortName\nN1,Los Alfa,Sinaloa,Alfa\n"
          "N2,\"Grupo Beta, del Norte\",Sonora,Beta\nN3,Gamma,Jalisco,Gamma\n");
    write(folder + "/BACRIM2020_Rivals.csv",
          "Edge,Node,Group,RNode,RGroup,weight\nE1,N1,Los Alfa,N2,Beta,3\n"
          "E2,N2,Beta,N1,Los Alfa,2\nE3,N3,Gamma,N1,Los Alfa,1\n");
    write(folder + "/BACRIM2020_Alliances.csv",
          "Edge,Node,Group,RNode,RGroup,weight\nA1,N2,Beta,N3,Gamma,4\n");
  }

  /// A core-only scenario over the network in `folder` (relative to the scenario file).
  static std::string scenario(const std::string& folder, int weeks = 10) {
    return "schema_version: 1\nname: hostile\nstart: 2012-01-02\nweeks: " + std::to_string(weeks) +
           "\nintegration: stochastic\nnetwork: {source: published, " + "directory: " + folder +
           "}\n";
  }

  [[nodiscard]] std::string path(const std::string& name) const { return (dir_ / name).string(); }

  /// Runs `seccoop arguments`; expects exit code 2, every one of `messages` in the output,
  /// no internal error, and neither `output` nor its .partial on disk (when given).
  CommandResult expect_refused(const std::string& arguments,
                               std::initializer_list<std::string> messages,
                               const std::string& output = {}) {
    auto result = run_seccoop(arguments);
    EXPECT_EQ(result.exit_code, 2) << arguments << "\n" << result.output;
    EXPECT_EQ(result.output.find("internal error"), std::string::npos) << result.output;
    EXPECT_EQ(result.output.rfind("error: ", 0), 0U) << result.output;
    for (const auto& message : messages) {
      EXPECT_NE(result.output.find(message), std::string::npos)
          << "missing: " << message << "\nin: " << result.output;
    }
    if (!output.empty()) {
      EXPECT_FALSE(std::filesystem::exists(output)) << output;
      EXPECT_FALSE(std::filesystem::exists(output + ".partial")) << output << ".partial";
    }
    return result;
  }

  TempDir dir_;
};

}  // namespace seccoop::testing
