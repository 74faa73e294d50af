#include "sim/io/file_publish.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "sim/io/io_error.hpp"

namespace seccoop::sim::io::detail {

namespace {

// Best effort: a file system that cannot fsync (some network mounts) still gets the rename.
void sync_path(const std::filesystem::path& path, int flags) {
  const int descriptor = ::open(path.c_str(), flags | O_CLOEXEC);
  if (descriptor >= 0) {
    static_cast<void>(::fsync(descriptor));
    static_cast<void>(::close(descriptor));
  }
}

[[noreturn]] void throw_exists(const std::filesystem::path& to) {
  throw IoError(to, "commit", "the file already exists and overwriting it was not requested");
}

}  // namespace

void publish_file(const std::filesystem::path& from, const std::filesystem::path& to,
                  bool overwrite) {
  sync_path(from, O_RDONLY);
  int status = 0;
  if (overwrite) {
    status = std::rename(from.c_str(), to.c_str());
  } else {
    status = ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE);
    if (status != 0 && (errno == EINVAL || errno == ENOSYS)) {
      // No RENAME_NOREPLACE on this file system (e.g. NFS): check, then rename. Only another
      // process committing the same final name at the same moment could slip into the gap.
      std::error_code ignored;
      if (std::filesystem::exists(to, ignored)) {
        throw_exists(to);
      }
      status = std::rename(from.c_str(), to.c_str());
    }
  }
  if (status != 0) {
    const int error = errno;
    if (error == EEXIST) {
      throw_exists(to);
    }
    throw IoError(to, "commit", "renaming '" + from.string() + "' failed: " + std::strerror(error));
  }
  const std::filesystem::path directory = to.has_parent_path() ? to.parent_path() : ".";
  sync_path(directory, O_RDONLY | O_DIRECTORY);
}

}  // namespace seccoop::sim::io::detail
