#pragma once
// The two kinds of error (CONVENTIONS.md 6): the user's, which name the file, line, column,
// key, what was expected and what was found; and the code's, which say "please report".
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace seccoop::sim {

/// `text` fit for a terminal, one line: valid UTF-8 is kept ("Cártel"), and every byte that
/// is a control character (line breaks and tabs included, and C1 controls) or not part of valid
/// UTF-8 becomes \xNN, so garbage read from a file never reaches the terminal as it is.
std::string printable(std::string_view text);

/// A place in an input file. Lines and columns are 1-based; 0 means "unknown".
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  [[nodiscard]] std::string to_string() const;
};

/// One problem with the user's input.
struct Diagnostic {
  SourceLocation where;
  std::string key;       // dotted key path, e.g. "parameters.core.recruitment_rate_per_week"
  std::string message;   // what is wrong, e.g. "value out of range"
  std::string expected;  // e.g. "a number in [0, 1]"
  std::string found;     // e.g. "1.7"

  /// "file:line:col: key 'k': message (expected E, found F)", through printable().
  [[nodiscard]] std::string to_string() const;
};

/// Raised for bad input. Carries every problem found, so that one run reports them all.
class UserError : public std::runtime_error {
 public:
  explicit UserError(std::vector<Diagnostic> diagnostics);
  explicit UserError(const std::string& message);
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Raised when the program itself is wrong (a broken invariant), never for bad input.
class InternalError : public std::logic_error {
 public:
  explicit InternalError(const std::string& what);
};

/// Collects diagnostics while a file is read, so that `validate` can report all of them.
class Diagnostics {
 public:
  void add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }
  [[nodiscard]] bool empty() const noexcept { return items_.empty(); }
  [[nodiscard]] const std::vector<Diagnostic>& items() const noexcept { return items_; }
  /// Throws a UserError holding every diagnostic, if there is any.
  void throw_if_any() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace seccoop::sim
