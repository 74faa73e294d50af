#pragma once
// The one place where every numeric model parameter is declared: its dotted path (as used in
// YAML, sweeps and --set), default, unit, allowed range, meaning and source. `seccoop params`
// prints this table and docs/MODEL.md reproduces it.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/config/config_node.hpp"

namespace seccoop::sim {

struct ParameterSpec {
  std::string path;  // e.g. "core.recruitment_rate_per_week"
  double default_value = 0.0;
  NumberRange range;
  std::string unit;     // e.g. "1/week"; "1" for dimensionless
  std::string meaning;  // one line
  std::string source;   // citation, or "assumption" with the reason in the docs
  bool integer = false;
};

class ParameterTable {
 public:
  /// Declares a parameter; a duplicate path or a default outside its range is a code bug.
  std::size_t add(ParameterSpec spec);
  [[nodiscard]] std::optional<std::size_t> index_of(std::string_view path) const;
  [[nodiscard]] const ParameterSpec& spec(std::size_t index) const { return specs_.at(index); }
  [[nodiscard]] const std::vector<ParameterSpec>& specs() const noexcept { return specs_; }
  [[nodiscard]] std::size_t size() const noexcept { return specs_.size(); }
  [[nodiscard]] std::vector<std::string> paths() const;

 private:
  std::vector<ParameterSpec> specs_;
};

/// Values for every parameter of a table, starting at the defaults.
class ParameterValues {
 public:
  explicit ParameterValues(std::shared_ptr<const ParameterTable> table);

  [[nodiscard]] double operator[](std::size_t index) const { return values_.at(index); }
  /// Value by path; an unknown path is a code bug (InternalError).
  [[nodiscard]] double get(std::string_view path) const;
  void set(std::size_t index, double value) { values_.at(index) = value; }
  [[nodiscard]] const ParameterTable& table() const noexcept { return *table_; }
  [[nodiscard]] const std::vector<double>& values() const noexcept { return values_; }

  /// Reads a nested mapping such as `parameters: {core: {recruitment_rate_per_week: 0.003}}`.
  /// Unknown keys, wrong types and out-of-range values are reported into the node's diagnostics.
  void read_yaml(const ConfigNode& parameters);

  /// Applies "path=value" (from --set or a sweep); reports problems as coming from `origin`.
  bool set_from_text(std::string_view path, std::string_view value_text, Diagnostics& diagnostics,
                     const SourceLocation& origin);

  /// Reports a value that is out of its declared range; returns whether it was accepted.
  bool check_and_set(std::size_t index, double value, Diagnostics& diagnostics,
                     const SourceLocation& origin);

 private:
  void read_group(const ConfigNode& node, const std::string& prefix);

  std::shared_ptr<const ParameterTable> table_;
  std::vector<double> values_;
};

}  // namespace seccoop::sim
