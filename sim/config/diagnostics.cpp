#include "sim/config/diagnostics.hpp"

#include <fmt/format.h>

namespace seccoop::sim {

namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0U) == 0x80U; }

/// Length of the valid UTF-8 sequence of a printable character at the start of `text`, or 0
/// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF; C1 controls, U+0080 to
/// U+009F, count as not printable).
std::size_t printable_sequence(std::string_view text) {
  const auto byte = [&text](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead >= 0x20U && lead < 0x7FU) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80U;  // range of the second byte
  unsigned char high = 0xBFU;
  if (lead == 0xC2U) {
    length = 2;
    low = 0xA0U;  // C2 80..9F are the C1 controls
  } else if (lead > 0xC2U && lead <= 0xDFU) {
    length = 2;
  } else if (lead >= 0xE0U && lead <= 0xEFU) {
    length = 3;
    if (lead == 0xE0U) low = 0xA0U;
    if (lead == 0xEDU) high = 0x9FU;
  } else if (lead >= 0xF0U && lead <= 0xF4U) {
    length = 4;
    if (lead == 0xF0U) low = 0x90U;
    if (lead == 0xF4U) high = 0x8FU;
  } else {
    return 0;
  }
  if (text.size() < length || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (!is_continuation(byte(i))) return 0;
  }
  return length;
}

}  // namespace

std::string printable(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  while (!text.empty()) {
    const std::size_t length = printable_sequence(text);
    if (length == 0) {
      result += fmt::format("\\x{:02x}", static_cast<unsigned char>(text.front()));
      text.remove_prefix(1);
      continue;
    }
    result.append(text.substr(0, length));
    text.remove_prefix(length);
  }
  return result;
}

std::string SourceLocation::to_string() const {
  if (line <= 0) return file;
  if (column <= 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

std::string Diagnostic::to_string() const {
  std::string text = where.to_string();
  if (!text.empty()) text += ": ";
  if (!key.empty()) text += fmt::format("key '{}': ", key);
  text += message;
  if (!expected.empty() || !found.empty()) {
    text += " (";
    if (!expected.empty()) text += "expected " + expected;
    if (!expected.empty() && !found.empty()) text += ", ";
    if (!found.empty()) text += "found " + found;
    text += ")";
  }
  return printable(text);
}

namespace {
std::string join(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) {
    if (!text.empty()) text += '\n';
    text += d.to_string();
  }
  return text;
}
}  // namespace

UserError::UserError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join(diagnostics)), diagnostics_(std::move(diagnostics)) {}

UserError::UserError(const std::string& message) : std::runtime_error(message) {
  diagnostics_.push_back(Diagnostic{.message = message});
}

InternalError::InternalError(const std::string& what)
    : std::logic_error("internal error (a bug in seccoop, please report it): " + what) {}

void Diagnostics::throw_if_any() const {
  if (!items_.empty()) throw UserError(items_);
}

}  // namespace seccoop::sim
