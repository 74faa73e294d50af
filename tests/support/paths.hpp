#pragma once
// Where tests find the shipped configs and the shared reference data.
#include <gtest/gtest.h>

#include <filesystem>

namespace seccoop::testing {

inline std::filesystem::path source_dir() { return SECCOOP_SOURCE_DIR; }
inline std::filesystem::path config_dir() { return source_dir() / "configs"; }

/// The published network (Prieto-Curiel et al. 2023) beside the checkout, at ../shared/data.
inline std::filesystem::path published_network_dir() {
  return std::filesystem::path(SECCOOP_SHARED_DATA_DIR) / "prieto-curiel-2023";
}

}  // namespace seccoop::testing

/// Skips the current test, saying why, when the shared reference data is not beside the checkout.
#define SECCOOP_REQUIRE_PUBLISHED_NETWORK()                                                     \
  do {                                                                                          \
    if (!std::filesystem::exists(seccoop::testing::published_network_dir() /                    \
                                 "BACRIM2020_Nodes.csv")) {                                     \
      GTEST_SKIP() << "published network not found at "                                         \
                   << seccoop::testing::published_network_dir()                                 \
                   << " (the data of Prieto-Curiel et al. 2023 lives in ../shared/data beside " \
                      "the checkout; it is never copied into the repository)";                  \
    }                                                                                           \
  } while (false)
