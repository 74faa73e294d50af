#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace seccoop::sim {

/// Edit distance (insertions, deletions, substitutions) between two strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a likely typo, else "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// "one of 'a', 'b', 'c'": the allowed names of an error message, quoted so that a name can
/// be told from the words around it.
std::string one_of(const std::vector<std::string>& names);

}  // namespace seccoop::sim
