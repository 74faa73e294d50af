#include <cstdlib>
#include <string>
#include <thread>

#include "app/commands/commands.hpp"

namespace seccoop::app {

std::string config_directory() {
  if (const char* dir = std::getenv("SECCOOP_CONFIG_DIR"); dir != nullptr && *dir != '\0') return dir;
  return SECCOOP_BUILTIN_CONFIG_DIR;
}

std::size_t default_threads() {
  if (const char* slurm = std::getenv("SLURM_CPUS_PER_TASK"); slurm != nullptr) {
    const long cpus = std::strtol(slurm, nullptr, 10);
    if (cpus > 0) return static_cast<std::size_t>(cpus);
  }
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? cores : 1;
}

}  // namespace seccoop::app
