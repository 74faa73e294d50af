#include "sim/config/did_you_mean.hpp"

#include <algorithm>
#include <numeric>

namespace seccoop::sim {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // A third of the word's length (at least 2) catches typos without suggesting unrelated keys.
  const std::size_t tolerance = std::max<std::size_t>(2, word.size() / 3);
  std::string best;
  std::size_t best_distance = tolerance + 1;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  if (!best.empty() || word.empty()) return best;
  // A truncated name ("core.recruitment_rate") is a likely slip too: suggest the shortest
  // candidate it begins.
  for (const auto& candidate : candidates) {
    if (candidate.starts_with(word) && (best.empty() || candidate.size() < best.size())) {
      best = candidate;
    }
  }
  return best;
}

std::string one_of(const std::vector<std::string>& names) {
  std::string text = "one of";
  for (std::size_t i = 0; i < names.size(); ++i) text += (i == 0 ? " '" : ", '") + names[i] + "'";
  return text;
}

}  // namespace seccoop::sim
