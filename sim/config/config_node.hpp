#pragma once
// Typed, validated access to a YAML document that remembers where every value came from.
//
// Readers never throw on bad input: they record a Diagnostic (file:line:col, key, expected,
// found) and return a fallback, so that one pass reports every problem in a file.
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/config/diagnostics.hpp"

namespace seccoop::sim {

/// Closed interval for numeric values; the default accepts every finite number.
struct NumberRange {
  double min = -std::numeric_limits<double>::max();
  double max = std::numeric_limits<double>::max();

  [[nodiscard]] bool contains(double value) const noexcept { return value >= min && value <= max; }
  [[nodiscard]] std::string describe() const;
};

class ConfigNode {
 public:
  ConfigNode(YAML::Node node, std::string key_path, std::shared_ptr<const std::string> file,
             Diagnostics* diagnostics);

  [[nodiscard]] bool is_mapping() const { return node_.IsMap(); }
  [[nodiscard]] bool is_sequence() const { return node_.IsSequence(); }
  [[nodiscard]] bool is_scalar() const { return node_.IsScalar(); }
  [[nodiscard]] const std::string& key_path() const noexcept { return key_path_; }
  [[nodiscard]] const std::string& file() const noexcept { return *file_; }
  [[nodiscard]] SourceLocation location() const;
  [[nodiscard]] const YAML::Node& yaml() const noexcept { return node_; }
  [[nodiscard]] Diagnostics& diagnostics() const noexcept { return *diagnostics_; }

  /// The child under `key` of a mapping, if present.
  [[nodiscard]] std::optional<ConfigNode> find(std::string_view key) const;
  /// The child under `key`; reports "missing required key" when it is absent.
  [[nodiscard]] std::optional<ConfigNode> require(std::string_view key) const;
  /// Reports every key of this mapping that is not in `allowed`, with a did-you-mean. Reports a
  /// non-mapping node as such. Returns false when anything was reported.
  bool check_keys(std::initializer_list<std::string_view> allowed) const;
  bool check_keys(const std::vector<std::string>& allowed) const;
  /// Reports unless this node is a mapping.
  bool expect_mapping() const;

  /// Mapping entries in file order.
  [[nodiscard]] std::vector<std::pair<std::string, ConfigNode>> entries() const;
  /// Sequence items in file order; reports a non-sequence (a scalar is NOT promoted).
  [[nodiscard]] std::vector<ConfigNode> items() const;

  // Scalar readers. On a problem they report it and return `fallback`.
  double number(double fallback, NumberRange range = {}) const;
  std::int64_t integer(std::int64_t fallback, NumberRange range = {}) const;
  std::string text(std::string fallback = {}) const;
  bool boolean(bool fallback) const;
  /// One of `allowed` (exact match); reports the allowed values otherwise.
  std::string choice(std::initializer_list<std::string_view> allowed, std::string fallback) const;

  /// Records a problem at this node.
  void report(std::string message, std::string expected = {}, std::string found = {}) const;

 private:
  [[nodiscard]] ConfigNode child(const YAML::Node& value, std::string_view key) const;
  [[nodiscard]] std::string found_text() const;

  YAML::Node node_;
  std::string key_path_;
  std::shared_ptr<const std::string> file_;
  Diagnostics* diagnostics_;
};

/// A parsed YAML file. A syntax error, a missing or unreadable file or an empty document is
/// reported into `diagnostics`, and `root()` is then empty.
class YamlDocument {
 public:
  static YamlDocument load_file(const std::filesystem::path& path, Diagnostics& diagnostics);
  static YamlDocument load_text(const std::string& text, const std::string& display_name,
                                Diagnostics& diagnostics);

  [[nodiscard]] std::optional<ConfigNode> root() const;
  [[nodiscard]] const std::string& file() const noexcept { return *file_; }

 private:
  YamlDocument(std::optional<YAML::Node> root, std::string file, Diagnostics& diagnostics);

  std::optional<YAML::Node> root_;
  std::shared_ptr<const std::string> file_;
  Diagnostics* diagnostics_;
};

/// Largest input file accepted, so that a mistaken path to a huge file fails fast.
inline constexpr std::uintmax_t kMaxConfigFileBytes = std::uintmax_t{16} << 20;

}  // namespace seccoop::sim
