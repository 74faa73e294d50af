#pragma once
// Helpers for reader tests: a small world written inline, parsing of YAML text, and finding
// the line a snippet is on, so that expected line numbers follow the text they test.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>

#include "agents/world/world_reader.hpp"
#include "sim/config/config_node.hpp"

namespace seccoop::testing {

/// Two regions, two named cartels and a tail of four, two US agencies and one Mexican body.
inline std::string small_world_yaml() {
  return R"(schema_version: 1
regions:
  - {code: AAA, name: Alpha, population: 100, borders_us: true, neighbours: [BBB]}
  - {code: BBB, name: Beta, population: 300, borders_us: false, neighbours: [AAA]}
total_members: 1000
cartels:
  - {name: North, share: 0.5, fentanyl_share: 0.6, cohesion: 0.9, corruption_reach: 1,
     presence: {AAA: 3, BBB: 1}, factions: [North A, North B]}
  - {name: South, share: 0.3, presence: {BBB: 1}}
tail: {count: 4, seed: 3}
rivalries: [[North, South, 5]]
alliances: []
actors:
  - {name: DEA, type: us_agency, capability: 10, collection_rate: 0.05}
  - {name: DoD, type: us_agency, capability: 5, collection_rate: 0.01, can_strike: true}
  - {name: SEMAR, type: mx_body, capability: 8, collection_rate: 0.04, integrity: 0.85}
governments: {us_pressure: 0.6, mx_stance: 0.5}
trust:
  us_to_mx: {alpha: 3, beta: 3}
  mx_to_us: {alpha: 3, beta: 2}
  pairs: [{from: DEA, to: SEMAR, alpha: 4, beta: 2}]
coordination: {default: 0.3, pairs: [{us: DEA, mx: SEMAR, level: 0.5}]}
)";
}

/// `text` with the first occurrence of `from` replaced by `to` (the test fails if absent).
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "'" << from << "' not in the test text";
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

/// 1-based line of the first occurrence of `snippet` in `text`.
inline int line_of(const std::string& text, const std::string& snippet) {
  const auto at = text.find(snippet);
  EXPECT_NE(at, std::string::npos) << "'" << snippet << "' not in the test text";
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

/// A document parsed from text, with the diagnostics its readers report.
struct ParsedYaml {
  sim::Diagnostics diagnostics;
  std::optional<sim::YamlDocument> document;

  explicit ParsedYaml(const std::string& text, const std::string& name = "test.yaml")
      : document(sim::YamlDocument::load_text(text, name, diagnostics)) {}
  ParsedYaml(const ParsedYaml&) = delete;  // the document points at `diagnostics`
  ParsedYaml& operator=(const ParsedYaml&) = delete;
  [[nodiscard]] sim::ConfigNode root() const { return *document->root(); }
  [[nodiscard]] std::string all() const {
    std::string text;
    for (const auto& d : diagnostics.items()) text += d.to_string() + "\n";
    return text;
  }
};

/// Reads a world from text; its diagnostics are in `parsed`.
inline agents::WorldDefinition read_world_text(ParsedYaml& parsed) {
  return agents::read_world(parsed.root(), "test.yaml");
}

}  // namespace seccoop::testing
