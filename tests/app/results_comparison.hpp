#pragma once
// Compares the data of two results files bit for bit, for the determinism and resume tests.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

#include "sim/io/results_reader.hpp"

namespace seccoop::testing {

/// Every variable's data and the experiment YAML, except the wall-clock time of each run.
inline void expect_same_data(const std::filesystem::path& a, const std::filesystem::path& b) {
  const sim::io::ResultsReader left(a);
  const sim::io::ResultsReader right(b);
  ASSERT_EQ(left.schema().variables.size(), right.schema().variables.size());
  for (const auto& variable : left.schema().variables) {
    if (variable.name == "wall_time") continue;
    if (variable.type == sim::io::ValueType::string) {
      EXPECT_EQ(left.read_strings(variable.name), right.read_strings(variable.name))
          << variable.name;
      continue;
    }
    const auto x = left.read_doubles(variable.name);
    const auto y = right.read_doubles(variable.name);
    ASSERT_EQ(x.size(), y.size()) << variable.name;
    EXPECT_EQ(0, std::memcmp(x.data(), y.data(), x.size() * sizeof(double)))
        << variable.name << " differs between " << a << " and " << b;
  }
  EXPECT_EQ(left.global_text_attribute("experiment_yaml"),
            right.global_text_attribute("experiment_yaml"));
}

}  // namespace seccoop::testing
