#include "sim/config/csv_reader.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "sim/config/input_file.hpp"

namespace seccoop::sim {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

/// Splits text into records, honouring quotes. Reports an unterminated quote. A line longer
/// than kMaxCsvLineBytes is reported and gives no records: what follows is not a table.
std::vector<CsvRow> split_records(std::string_view text, const std::string& file,
                                  Diagnostics& diagnostics) {
  std::vector<CsvRow> rows;
  CsvRow row{.line = 1};
  std::string field;
  bool in_quotes = false;
  bool row_has_content = false;
  int line = 1;
  int quote_line = 0;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      line_start = i + 1;
    } else if (i - line_start >= kMaxCsvLineBytes) {
      diagnostics.add(
          Diagnostic{.where = {.file = file, .line = line, .column = 0},
                     .message = "line too long for a CSV table",
                     .expected = fmt::format("at most {} bytes in a line", kMaxCsvLineBytes),
                     .found = "more"});
      return {};
    }
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_quotes = true;
        quote_line = line;
        row_has_content = true;
        break;
      case ',':
        row.fields.push_back(std::move(field));
        field.clear();
        row_has_content = true;
        break;
      case '\r':
        break;
      case '\n':
        if (row_has_content || !field.empty()) {
          row.fields.push_back(std::move(field));
          rows.push_back(std::move(row));
        }
        field.clear();
        row = CsvRow{.line = ++line};
        row_has_content = false;
        break;
      default:
        field += c;
        row_has_content = true;
    }
  }
  if (in_quotes) {
    diagnostics.add(Diagnostic{.where = {.file = file, .line = quote_line, .column = 0},
                               .message = "a quoted field is never closed",
                               .expected = "a closing '\"'",
                               .found = "the end of the file"});
    return rows;
  }
  if (row_has_content || !field.empty()) {
    row.fields.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

CsvTable CsvTable::parse(std::string_view text, const std::string& file_name,
                         Diagnostics& diagnostics) {
  CsvTable table;
  table.file_ = file_name;
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark)
    text.remove_prefix(kByteOrderMark.size());
  const std::size_t problems_before = diagnostics.items().size();
  std::vector<CsvRow> records = split_records(text, file_name, diagnostics);
  if (records.empty() && diagnostics.items().size() > problems_before) return table;
  if (records.empty()) {
    diagnostics.add(Diagnostic{.where = {.file = file_name},
                               .message = "the file is empty",
                               .expected = "a header line and data rows"});
    return table;
  }
  table.header_ = std::move(records.front().fields);
  for (std::size_t i = 1; i < records.size(); ++i) {
    CsvRow& row = records[i];
    if (row.fields.size() != table.header_.size()) {
      diagnostics.add(
          Diagnostic{.where = {.file = file_name, .line = row.line, .column = 1},
                     .message = "wrong number of fields",
                     .expected = fmt::format("{} fields as in the header", table.header_.size()),
                     .found = fmt::format("{}", row.fields.size())});
      continue;
    }
    table.rows_.push_back(std::move(row));
  }
  return table;
}

CsvTable CsvTable::read(const std::filesystem::path& path, Diagnostics& diagnostics) {
  if (std::string reason = unreadable_file_reason(path); !reason.empty()) {
    diagnostics.add(Diagnostic{.where = {.file = path.string()}, .message = std::move(reason)});
    CsvTable empty;
    empty.file_ = path.string();
    return empty;
  }
  std::error_code error;
  if (const auto size = std::filesystem::file_size(path, error);
      !error && size > kMaxCsvFileBytes) {
    diagnostics.add(Diagnostic{.where = {.file = path.string()},
                               .message = "file too large for a CSV table",
                               .expected = fmt::format("at most {} bytes", kMaxCsvFileBytes),
                               .found = fmt::format("{} bytes", size)});
    CsvTable empty;
    empty.file_ = path.string();
    return empty;
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    diagnostics.add(
        Diagnostic{.where = {.file = path.string()}, .message = "cannot open file for reading"});
    CsvTable empty;
    empty.file_ = path.string();
    return empty;
  }
  std::ostringstream text;
  text << stream.rdbuf();
  return parse(text.str(), path.string(), diagnostics);
}

std::optional<std::size_t> CsvTable::column(std::string_view name, Diagnostics& diagnostics) const {
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == name) return i;
  }
  std::string present;
  for (const auto& column_name : header_) present += (present.empty() ? "" : ", ") + column_name;
  diagnostics.add(Diagnostic{.where = {.file = file_, .line = 1, .column = 1},
                             .key = std::string(name),
                             .message = "missing column",
                             .expected = fmt::format("a column named '{}'", name),
                             .found = "columns " + present});
  return std::nullopt;
}

}  // namespace seccoop::sim
