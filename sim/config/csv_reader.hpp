#pragma once
// RFC 4180 CSV: optional UTF-8 byte-order mark, quoted fields holding commas, doubled quotes
// and line breaks, LF or CRLF line ends. Every row keeps its line number for error messages.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/config/diagnostics.hpp"

namespace seccoop::sim {

/// Input tables are small (the published network's files are about 20 KB, a regions table of
/// every Mexican municipality about 200 KB): a larger file is refused unread, as configuration
/// files are (kMaxConfigFileBytes), and a line longer than kMaxCsvLineBytes (binary data, a
/// file of zeros) stops the parse there with one error naming the line.
inline constexpr std::uintmax_t kMaxCsvFileBytes = std::uintmax_t{16} * 1024U * 1024U;
inline constexpr std::size_t kMaxCsvLineBytes = std::size_t{1024} * 1024U;

struct CsvRow {
  int line = 0;  // 1-based line where the row starts
  std::vector<std::string> fields;
};

class CsvTable {
 public:
  /// Parses `text`; problems are reported into `diagnostics` under `file_name`. A line longer
  /// than kMaxCsvLineBytes is reported and gives an empty table.
  static CsvTable parse(std::string_view text, const std::string& file_name,
                        Diagnostics& diagnostics);
  /// Reads and parses a file; a missing or unreadable file, or one larger than
  /// kMaxCsvFileBytes, is reported, giving an empty table.
  static CsvTable read(const std::filesystem::path& path, Diagnostics& diagnostics);

  [[nodiscard]] const std::string& file() const noexcept { return file_; }
  [[nodiscard]] const std::vector<std::string>& header() const noexcept { return header_; }
  [[nodiscard]] const std::vector<CsvRow>& rows() const noexcept { return rows_; }
  /// Index of a header column; reports a missing column (naming the ones present) if absent.
  [[nodiscard]] std::optional<std::size_t> column(std::string_view name,
                                                  Diagnostics& diagnostics) const;

 private:
  std::string file_;
  std::vector<std::string> header_;
  std::vector<CsvRow> rows_;
};

}  // namespace seccoop::sim
