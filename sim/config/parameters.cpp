#include "sim/config/parameters.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "sim/config/did_you_mean.hpp"

namespace seccoop::sim {

std::size_t ParameterTable::add(ParameterSpec spec) {
  if (index_of(spec.path)) throw InternalError("parameter declared twice: " + spec.path);
  if (!spec.range.contains(spec.default_value)) {
    throw InternalError("default of " + spec.path + " is outside its range");
  }
  specs_.push_back(std::move(spec));
  return specs_.size() - 1;
}

std::optional<std::size_t> ParameterTable::index_of(std::string_view path) const {
  for (std::size_t i = 0; i < specs_.size(); ++i) {
    if (specs_[i].path == path) return i;
  }
  return std::nullopt;
}

std::vector<std::string> ParameterTable::paths() const {
  std::vector<std::string> result;
  result.reserve(specs_.size());
  for (const auto& spec : specs_) result.push_back(spec.path);
  return result;
}

ParameterValues::ParameterValues(std::shared_ptr<const ParameterTable> table)
    : table_(std::move(table)) {
  values_.reserve(table_->size());
  for (const auto& spec : table_->specs()) values_.push_back(spec.default_value);
}

double ParameterValues::get(std::string_view path) const {
  const auto index = table_->index_of(path);
  if (!index) throw InternalError(fmt::format("unknown parameter path '{}'", path));
  return values_[*index];
}

void ParameterValues::read_yaml(const ConfigNode& parameters) {
  if (!parameters.expect_mapping()) return;
  read_group(parameters, "");
}

namespace {

/// The names one level below `prefix` ("core." -> {"recruitment_rate_per_week", ...}).
std::vector<std::string> children_of(const ParameterTable& table, const std::string& prefix) {
  std::set<std::string> names;
  for (const auto& spec : table.specs()) {
    if (spec.path.rfind(prefix, 0) != 0) continue;
    const std::string rest = spec.path.substr(prefix.size());
    names.insert(rest.substr(0, rest.find('.')));
  }
  return {names.begin(), names.end()};
}

}  // namespace

void ParameterValues::read_group(const ConfigNode& node, const std::string& prefix) {
  const std::vector<std::string> allowed = children_of(*table_, prefix);
  node.check_keys(allowed);
  for (const auto& [key, child] : node.entries()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) continue;
    const std::string path = prefix + key;
    if (const auto index = table_->index_of(path)) {
      const ParameterSpec& spec = table_->spec(*index);
      const double value = spec.integer
                               ? static_cast<double>(child.integer(
                                     static_cast<std::int64_t>(values_[*index]), spec.range))
                               : child.number(values_[*index], spec.range);
      values_[*index] = value;
    } else if (child.expect_mapping()) {
      read_group(child, path + ".");
    }
  }
}

bool ParameterValues::check_and_set(std::size_t index, double value, Diagnostics& diagnostics,
                                    const SourceLocation& origin) {
  const ParameterSpec& spec = table_->spec(index);
  const bool whole = !spec.integer || std::floor(value) == value;
  if (!std::isfinite(value) || !spec.range.contains(value) || !whole) {
    diagnostics.add(
        Diagnostic{.where = origin,
                   .key = spec.path,
                   .message = "value out of range",
                   .expected = fmt::format("{} {}", spec.integer ? "a whole number" : "a number",
                                           spec.range.describe()),
                   .found = fmt::format("{:g}", value)});
    return false;
  }
  values_[index] = value;
  return true;
}

bool ParameterValues::set_from_text(std::string_view path, std::string_view value_text,
                                    Diagnostics& diagnostics, const SourceLocation& origin) {
  const auto index = table_->index_of(path);
  if (!index) {
    std::string message = "unknown parameter";
    const std::string suggestion = closest_match(path, table_->paths());
    if (!suggestion.empty()) message += fmt::format(" (did you mean '{}'?)", suggestion);
    diagnostics.add(Diagnostic{.where = origin,
                               .key = std::string(path),
                               .message = message,
                               .expected = "a parameter path listed by 'seccoop params'"});
    return false;
  }
  double value = 0.0;
  const char* end = value_text.data() + value_text.size();
  const auto [ptr, error] = std::from_chars(value_text.data(), end, value);
  if (error != std::errc() || ptr != end) {
    const bool too_large = error == std::errc::result_out_of_range && ptr == end;  // "1e400"
    diagnostics.add(Diagnostic{.where = origin,
                               .key = std::string(path),
                               .message = too_large ? "value out of range" : "wrong type",
                               .expected = "a number",
                               .found = fmt::format("\"{}\"", value_text)});
    return false;
  }
  return check_and_set(*index, value, diagnostics, origin);
}

}  // namespace seccoop::sim
