#include "sim/config/diagnostics.hpp"

#include <fmt/format.h>

namespace seccoop::sim {

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
  return text;
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
