#include "agents/output/record_selection.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "sim/config/did_you_mean.hpp"

namespace seccoop::agents {

namespace {

/// Large enough for any horizon a scenario accepts.
constexpr double kMaxWeekStride = 100000;

std::vector<std::string> catalog_names() {
  std::vector<std::string> names;
  for (const auto& spec : series_catalog()) names.emplace_back(spec.name);
  return names;
}

std::vector<Series> read_variables(const sim::ConfigNode& node) {
  const auto names = catalog_names();
  std::vector<Series> chosen;
  const auto items = node.items();
  if (items.empty() && node.is_sequence()) {
    node.report("no variables", "at least " + sim::one_of(names));
  }
  for (const auto& item : items) {
    const std::string name = item.text();
    const auto found = std::ranges::find(names, name);
    if (found == names.end()) {
      std::string message = "unknown series";
      const std::string suggestion = sim::closest_match(name, names);
      if (!suggestion.empty()) message += fmt::format(" (did you mean '{}'?)", suggestion);
      item.report(std::move(message), sim::one_of(names), fmt::format("\"{}\"", name));
      continue;
    }
    const auto id = static_cast<Series>(found - names.begin());
    if (std::ranges::find(chosen, id) != chosen.end()) {
      item.report("series listed twice", "each series once", fmt::format("\"{}\"", name));
      continue;
    }
    chosen.push_back(id);
  }
  // Catalog order, whatever the listing order: the file layout depends only on the choice.
  std::ranges::sort(chosen);
  return chosen;
}

}  // namespace

std::vector<Series> OutputSelection::series() const {
  if (!variables.empty()) return variables;
  std::vector<Series> all;
  for (const auto& spec : series_catalog()) all.push_back(spec.id);
  return all;
}

OutputSelection read_output_selection(const sim::ConfigNode& node, std::size_t longest_weeks) {
  OutputSelection selection;
  // Unknown keys are reported, and the known ones still read, so that one pass reports all.
  node.check_keys({"variables", "week_stride", "summaries_only"});
  if (!node.is_mapping()) return selection;
  if (const auto variables = node.find("variables"))
    selection.variables = read_variables(*variables);
  if (const auto summaries = node.find("summaries_only")) {
    selection.summaries_only = summaries->boolean(false);
  }
  if (const auto stride = node.find("week_stride")) {
    selection.week_stride = static_cast<std::size_t>(stride->integer(1, {1, kMaxWeekStride}));
    if (!selection.summaries_only && longest_weeks > 0 && selection.week_stride > longest_weeks) {
      stride->report("stride longer than the longest scenario: no week would be recorded",
                     fmt::format("a whole number in [1, {}]", longest_weeks),
                     std::to_string(selection.week_stride));
    }
  }
  return selection;
}

void emit_output_selection(YAML::Emitter& out, const OutputSelection& selection) {
  out << YAML::Key << "outputs" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "variables" << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (const Series id : selection.series()) {
    out << std::string(series_catalog()[static_cast<std::size_t>(id)].name);
  }
  out << YAML::EndSeq;
  out << YAML::Key << "week_stride" << YAML::Value << selection.week_stride;
  out << YAML::Key << "summaries_only" << YAML::Value << selection.summaries_only;
  out << YAML::EndMap;
}

}  // namespace seccoop::agents
