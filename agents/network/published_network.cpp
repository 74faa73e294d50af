#include "agents/network/published_network.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>

#include "sim/config/csv_reader.hpp"

namespace seccoop::agents {

namespace {

using NodeIndex = std::unordered_map<std::string, std::uint32_t>;

NodeIndex read_nodes(const std::filesystem::path& file, CartelNetwork& network,
                     sim::Diagnostics& diagnostics) {
  NodeIndex index;
  const std::size_t problems_before = diagnostics.items().size();
  const auto table = sim::CsvTable::read(file, diagnostics);
  if (table.header().empty()) return index;
  const auto id_column = table.column("Node", diagnostics);
  const auto name_column = table.column("Group", diagnostics);
  const auto state_column = table.column("State", diagnostics);
  if (!id_column || !name_column || !state_column) return index;
  if (table.rows().empty() && diagnostics.items().size() == problems_before) {
    // A header alone would run a model without a single group.
    diagnostics.add(sim::Diagnostic{.where = {.file = table.file(), .line = 1, .column = 1},
                                    .message = "no groups",
                                    .expected = "at least one row after the header",
                                    .found = "none"});
  }
  for (const auto& row : table.rows()) {
    const std::string& id = row.fields[*id_column];
    if (!index.emplace(id, static_cast<std::uint32_t>(network.size())).second) {
      diagnostics.add(
          sim::Diagnostic{.where = {.file = table.file(), .line = row.line, .column = 1},
                          .key = "Node",
                          .message = "duplicate node id",
                          .found = id});
      continue;
    }
    network.node_ids.push_back(id);
    network.names.push_back(row.fields[*name_column]);
    network.home_states.push_back(row.fields[*state_column]);
  }
  return index;
}

/// Reads one directed edge file into symmetric weights: max over the two directions.
std::vector<WeightedPair> read_edges(const std::filesystem::path& file, const NodeIndex& nodes,
                                     sim::Diagnostics& diagnostics) {
  const auto table = sim::CsvTable::read(file, diagnostics);
  if (table.header().empty()) return {};
  const auto from_column = table.column("Node", diagnostics);
  const auto to_column = table.column("RNode", diagnostics);
  const auto weight_column = table.column("weight", diagnostics);
  if (!from_column || !to_column || !weight_column) return {};
  if (nodes.empty())
    return {};  // the nodes file is unreadable (reported): every id would be unknown

  std::map<std::pair<std::uint32_t, std::uint32_t>, double> weights;
  for (const auto& row : table.rows()) {
    const sim::SourceLocation where{.file = table.file(), .line = row.line, .column = 1};
    const auto from = nodes.find(row.fields[*from_column]);
    const auto to = nodes.find(row.fields[*to_column]);
    if (from == nodes.end() || to == nodes.end()) {
      const std::string& unknown =
          from == nodes.end() ? row.fields[*from_column] : row.fields[*to_column];
      diagnostics.add(sim::Diagnostic{.where = where,
                                      .key = from == nodes.end() ? "Node" : "RNode",
                                      .message = "unknown node id",
                                      .expected = "an id listed in BACRIM2020_Nodes.csv",
                                      .found = unknown});
      continue;
    }
    const std::string& text = row.fields[*weight_column];
    double weight = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), weight);
    if (error != std::errc() || end != text.data() + text.size() ||
        !(weight >= 0.0 && weight <= kMaxPairWeight)) {
      diagnostics.add(
          sim::Diagnostic{.where = where,
                          .key = "weight",
                          .message = "bad weight",
                          .expected = fmt::format("a number in [0, {:g}]", kMaxPairWeight),
                          .found = fmt::format("\"{}\"", text)});
      continue;
    }
    if (from->second == to->second) continue;  // a group is not its own rival or ally
    const auto key = std::minmax(from->second, to->second);
    auto [slot, inserted] = weights.emplace(key, weight);
    if (!inserted) slot->second = std::max(slot->second, weight);
  }
  std::vector<WeightedPair> pairs;
  pairs.reserve(weights.size());
  for (const auto& [key, weight] : weights) {
    pairs.push_back(WeightedPair{.first = key.first, .second = key.second, .weight = weight});
  }
  return pairs;
}

}  // namespace

CartelNetwork load_published_network(const std::filesystem::path& directory,
                                     sim::Diagnostics& diagnostics) {
  CartelNetwork network;
  const NodeIndex nodes = read_nodes(directory / "BACRIM2020_Nodes.csv", network, diagnostics);
  network.rivalries = read_edges(directory / "BACRIM2020_Rivals.csv", nodes, diagnostics);
  network.alliances = read_edges(directory / "BACRIM2020_Alliances.csv", nodes, diagnostics);
  return network;
}

}  // namespace seccoop::agents
