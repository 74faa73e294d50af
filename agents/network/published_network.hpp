#pragma once
// Importer for the published cartel network (Prieto-Curiel, Campedelli & Hope 2023) in its
// distributed format: BACRIM2020_Nodes.csv, BACRIM2020_Rivals.csv, BACRIM2020_Alliances.csv.
// Directed weights are made symmetric by taking the larger direction, as the authors do.
#include <filesystem>

#include "agents/network/cartel_network.hpp"
#include "sim/config/diagnostics.hpp"

namespace seccoop::agents {

/// Reads the three files from `directory`; every problem (missing file or column, unknown node
/// id, bad weight) is reported into `diagnostics` with file and line.
CartelNetwork load_published_network(const std::filesystem::path& directory,
                                     sim::Diagnostics& diagnostics);

}  // namespace seccoop::agents
