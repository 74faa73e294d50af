#pragma once
// The last step of a results file's life: make the finished temporary file durable and give it
// its final name in one atomic step, so that a reader (or a crash) sees either no file or the
// whole file, never a half-written one under the final name.
#include <filesystem>

namespace seccoop::sim::io::detail {

/// fsyncs `from`, renames it to `to` and fsyncs the directory. Without `overwrite`, an existing
/// `to` is never replaced (renameat2 RENAME_NOREPLACE; on file systems without it, a check just
/// before the rename). Throws IoError naming `to` on failure; `from` is then left in place.
void publish_file(const std::filesystem::path& from, const std::filesystem::path& to,
                  bool overwrite);

}  // namespace seccoop::sim::io::detail
