#include <cstdlib>
#include <string>
#include <thread>

#include "app/commands/commands.hpp"

namespace seccoop::app {

std::string config_directory() {
  if (const char* dir = std::getenv("SECCOOP_CONFIG_DIR"); dir != nullptr && *dir != '\0')
    return dir;
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

std::string with_hints(std::string message) {
  // HDF5 locks files it opens; NFS and Lustre often refuse locks, and a lock held by a job
  // that is still writing is refused too. We leave HDF5's default alone (the lock protects a
  // file being written) and tell the user the switch.
  if (message.find("unable to lock file") != std::string::npos) {
    message +=
        "; if no program is writing it, or the file system (NFS, Lustre) does not support "
        "locks, set HDF5_USE_FILE_LOCKING=FALSE in the environment";
  }
  return message;
}

}  // namespace seccoop::app
