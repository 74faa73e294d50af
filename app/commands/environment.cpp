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
  // A write that failed for lack of room leaves the runs flagged complete in the .partial.
  if (message.find("No space left on device") != std::string::npos ||
      message.find("File too large") != std::string::npos ||
      message.find("Disk quota exceeded") != std::string::npos) {
    message +=
        "; the runs already complete are kept in the .partial: make room (or raise the file-size "
        "limit), then finish the job with `seccoop run ... --resume`";
  } else if (message.find(".partial': cannot open: truncated file") != std::string::npos) {
    message +=
        "; if a job writing it stopped on a full disk or a file-size limit, `seccoop run ... "
        "--resume` repairs and finishes it";
  } else if (message.find(".partial'") != std::string::npos &&
             message.find("addr overflow") != std::string::npos) {
    // A job killed in the middle of an HDF5 flush (agents/runner/partial_salvage.hpp).
    message +=
        "; a job killed while HDF5 was writing it left its index half written: `seccoop run "
        "... --resume` keeps the complete runs that are intact and computes the others";
  }
  return message;
}

}  // namespace seccoop::app
