#include "agents/world/region_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "sim/config/csv_reader.hpp"

namespace seccoop::agents {

namespace {

/// One region as written, before its neighbours are resolved to indices.
struct RegionEntry {
  std::string code;
  std::string name;
  double population = 0.0;
  bool borders_us = false;
  std::vector<std::string> neighbour_codes;
  sim::SourceLocation where;
  std::string key;
};

constexpr double kMaxPopulation = 1e10;

std::vector<std::string> split_codes(const std::string& text) {
  std::vector<std::string> codes;
  std::size_t begin = 0;
  while (begin <= text.size() && !text.empty()) {
    const std::size_t end = std::min(text.find(';', begin), text.size());
    codes.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return codes;
}

std::vector<RegionEntry> entries_from_csv(const std::filesystem::path& path,
                                          sim::Diagnostics& diagnostics) {
  const sim::CsvTable table = sim::CsvTable::read(path, diagnostics);
  if (table.header().empty()) return {};  // unreadable or no table (reported)
  std::vector<std::optional<std::size_t>> columns;
  for (const char* name : kRegionColumns) columns.push_back(table.column(name, diagnostics));
  std::vector<RegionEntry> entries;
  if (std::any_of(columns.begin(), columns.end(), [](const auto& c) { return !c; })) return entries;
  for (const auto& row : table.rows()) {
    const auto field = [&](std::size_t column) -> const std::string& {
      return row.fields[*columns[column]];
    };
    const sim::SourceLocation where{.file = table.file(), .line = row.line, .column = 1};
    RegionEntry entry{.code = field(0), .name = field(1), .where = where, .key = field(0)};
    const std::string& population = field(2);
    const auto [end, error] =
        std::from_chars(population.data(), population.data() + population.size(), entry.population);
    if (error != std::errc() || end != population.data() + population.size() ||
        !(entry.population >= 0.0 && entry.population <= kMaxPopulation)) {
      diagnostics.add(sim::Diagnostic{.where = where,
                                      .key = "population",
                                      .message = "bad value",
                                      .expected = "a number in [0, 1e+10]",
                                      .found = fmt::format("\"{}\"", population)});
    }
    if (field(3) != "0" && field(3) != "1") {
      diagnostics.add(sim::Diagnostic{.where = where,
                                      .key = "borders_us",
                                      .message = "bad value",
                                      .expected = "0 or 1",
                                      .found = fmt::format("\"{}\"", field(3))});
    }
    entry.borders_us = field(3) == "1";
    entry.neighbour_codes = split_codes(field(4));
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::vector<RegionEntry> entries_from_yaml(const sim::ConfigNode& list) {
  std::vector<RegionEntry> entries;
  for (const auto& item : list.items()) {
    item.check_keys({"code", "name", "population", "borders_us", "neighbours"});
    RegionEntry entry{.where = item.location(), .key = item.key_path()};
    if (const auto code = item.require("code")) entry.code = code->text();
    if (const auto name = item.require("name")) entry.name = name->text();
    if (const auto population = item.require("population")) {
      entry.population = population->number(0.0, {0.0, kMaxPopulation});
    }
    if (const auto borders = item.find("borders_us")) entry.borders_us = borders->boolean(false);
    if (const auto neighbours = item.find("neighbours")) {
      for (const auto& code : neighbours->items()) entry.neighbour_codes.push_back(code.text());
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

void report(sim::Diagnostics& diagnostics, const RegionEntry& entry, std::string message,
            std::string expected, std::string found) {
  diagnostics.add(sim::Diagnostic{.where = entry.where,
                                  .key = entry.key,
                                  .message = std::move(message),
                                  .expected = std::move(expected),
                                  .found = std::move(found)});
}

Regions build_regions(const std::vector<RegionEntry>& entries, sim::Diagnostics& diagnostics) {
  Regions regions;
  for (const auto& entry : entries) {
    if (entry.code.empty() || regions.index_of(entry.code)) {
      report(diagnostics, entry, entry.code.empty() ? "empty region code" : "duplicate region code",
             "a unique code such as SIN", fmt::format("'{}'", entry.code));
    }
    regions.codes.push_back(entry.code);
    regions.names.push_back(entry.name);
    regions.population.push_back(entry.population);
    regions.borders_us.push_back(entry.borders_us ? 1 : 0);
  }
  regions.neighbours.resize(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    for (const auto& code : entries[i].neighbour_codes) {
      const auto neighbour = regions.index_of(code);
      if (!neighbour || *neighbour == i) {
        report(diagnostics, entries[i],
               neighbour ? "a region cannot neighbour itself" : "unknown neighbour",
               "the code of another region", fmt::format("'{}'", code));
        continue;
      }
      regions.neighbours[i].push_back(*neighbour);
    }
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    for (const std::uint32_t neighbour : regions.neighbours[i]) {
      const auto& back = regions.neighbours[neighbour];
      if (std::find(back.begin(), back.end(), i) == back.end()) {
        report(diagnostics, entries[i], "neighbours must be listed both ways",
               fmt::format("'{}' to list '{}' too", regions.codes[neighbour], regions.codes[i]),
               "a one-way neighbour");
      }
    }
  }
  return regions;
}

}  // namespace

Regions read_regions(const sim::ConfigNode& node, const std::filesystem::path& file) {
  sim::Diagnostics& diagnostics = node.diagnostics();
  const std::size_t problems_before = diagnostics.items().size();
  std::vector<RegionEntry> entries;
  if (node.is_sequence()) {
    entries = entries_from_yaml(node);
  } else if (node.is_scalar()) {
    const std::filesystem::path path = node.text();
    const std::filesystem::path resolved = path.is_absolute() ? path : file.parent_path() / path;
    sim::Diagnostics csv_diagnostics;
    entries = entries_from_csv(resolved, csv_diagnostics);
    for (auto diagnostic : csv_diagnostics.items()) {
      if (diagnostic.where.line == 0) {  // the file itself is the problem: point at the key
        // What the reader expected and found (a size limit and the file's size, say) is kept.
        const std::string quoted_path = fmt::format("\"{}\"", resolved.lexically_normal().string());
        node.report(diagnostic.message,
                    diagnostic.expected.empty() ? "a regions CSV file" : diagnostic.expected,
                    diagnostic.found.empty()
                        ? quoted_path
                        : fmt::format("{} ({})", quoted_path, diagnostic.found));
        continue;
      }
      diagnostics.add(std::move(diagnostic));
    }
  } else {
    node.report("wrong type", "a path to a regions CSV file or a list of regions",
                node.is_mapping() ? "a mapping" : "nothing");
    return {};
  }
  if (entries.empty()) {
    if (diagnostics.items().size() == problems_before)
      node.report("no regions", "at least one region");
    return {};
  }
  return build_regions(entries, diagnostics);
}

}  // namespace seccoop::agents
