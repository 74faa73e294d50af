#pragma once
// Agent kinds register by the name their YAML uses (`type: us_agency`), one factory each
// (CONVENTIONS.md 2). A reader looks the kind up here instead of switching on names, so a new
// kind is one `add` call, and an unknown or misspelt kind is reported with the known names and
// a did-you-mean.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/config/config_node.hpp"
#include "sim/config/diagnostics.hpp"
#include "sim/config/did_you_mean.hpp"

namespace seccoop::sim {

/// Kind name -> factory (any callable or struct the model chooses), in registration order.
template <typename Factory>
class KindRegistry {
 public:
  /// Registers a kind; registering a name twice is a code bug.
  void add(std::string name, Factory factory) {
    if (find(name) != nullptr) throw InternalError("agent kind registered twice: " + name);
    kinds_.emplace_back(std::move(name), std::move(factory));
  }

  /// The factory of `name`, or null.
  [[nodiscard]] const Factory* find(std::string_view name) const {
    for (const auto& [kind_name, factory] : kinds_) {
      if (kind_name == name) return &factory;
    }
    return nullptr;
  }

  /// The factory named by the scalar `type_node`; reports an unknown kind (with the known
  /// names and a did-you-mean) and returns null.
  const Factory* lookup(const ConfigNode& type_node) const {
    const std::string name = type_node.text();
    if (!type_node.is_scalar()) return nullptr;  // text() has reported it
    if (const Factory* factory = find(name)) return factory;
    const std::vector<std::string> known = names();
    std::string message = "unknown agent kind";
    const std::string suggestion = closest_match(name, known);
    if (!suggestion.empty()) message += fmt::format(" (did you mean '{}'?)", suggestion);
    std::string expected = one_of(known);
    type_node.report(std::move(message), std::move(expected), fmt::format("'{}'", name));
    return nullptr;
  }

  [[nodiscard]] std::vector<std::string> names() const {
    std::vector<std::string> result;
    result.reserve(kinds_.size());
    for (const auto& entry : kinds_) result.push_back(entry.first);
    return result;
  }

 private:
  std::vector<std::pair<std::string, Factory>> kinds_;
};

}  // namespace seccoop::sim
