#include "sim/config/config_node.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "sim/config/did_you_mean.hpp"
#include "sim/config/input_file.hpp"

namespace seccoop::sim {

namespace {

std::string node_kind(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Null:
      return "nothing";
    case YAML::NodeType::Scalar:
      return fmt::format("\"{}\"", node.Scalar());
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

std::string format_number(double value) { return fmt::format("{:g}", value); }

/// YAML's converters report a number too large for a double ("1e400") or a 64-bit integer
/// as no number at all; these tell the two apart, so that the user reads "out of range".
bool overflows_double(const std::string& text) {
  if (text.empty()) return false;
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  return errno == ERANGE && *end == '\0' && std::isinf(value);
}

bool overflows_integer(const std::string& text) {
  const std::size_t digits = text.find_first_not_of("+-") == 1 ? 1 : 0;
  if (text.size() <= digits || text.find_first_not_of("0123456789", digits) != std::string::npos) {
    return false;
  }
  errno = 0;
  char* end = nullptr;
  static_cast<void>(std::strtoll(text.c_str(), &end, 10));
  return errno == ERANGE && *end == '\0';
}

/// Remembers where the last scalar of a document starts and whether it is quoted.
class LastScalar : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
  void OnAlias(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                const std::string& /*value*/) override {
    mark_ = mark;
    quoted_ = tag == "!";  // yaml-cpp's tag for a quoted scalar without an explicit tag
  }
  void OnSequenceStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/,
                       YAML::anchor_t /*anchor*/, YAML::EmitterStyle::value /*style*/) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                  YAML::EmitterStyle::value /*style*/) override {}
  void OnMapEnd() override {}

  [[nodiscard]] const YAML::Mark& mark() const noexcept { return mark_; }
  [[nodiscard]] bool quoted() const noexcept { return quoted_; }

 private:
  YAML::Mark mark_ = YAML::Mark::null_mark();
  bool quoted_ = false;
};

/// yaml-cpp 0.7 accepts a quoted value left open at the end of a file that ends with a line
/// break, and the value swallows every line after the quote: the user would read "missing
/// key" for keys that are plainly there. Such a value is the document's last scalar and its
/// quote is never closed; returns its mark, if there is one.
std::optional<YAML::Mark> unclosed_quote(const std::string& text) {
  constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
  // Marks count characters after a UTF-8 byte-order mark; other encodings are not checked.
  const std::size_t skipped = std::string_view(text).starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  if (text.size() >= 2 &&
      (text[0] == '\xFF' || text[0] == '\xFE' || text[0] == '\0' || text[1] == '\0')) {
    return std::nullopt;
  }
  std::istringstream stream(text);
  YAML::Parser parser(stream);
  LastScalar last;
  static_cast<void>(parser.HandleNextDocument(last));  // YAML::Load reads the first document only
  if (!last.quoted() || last.mark().is_null()) return std::nullopt;
  const std::size_t start = skipped + static_cast<std::size_t>(last.mark().pos);
  if (start >= text.size() || (text[start] != '"' && text[start] != '\'')) return std::nullopt;
  const char quote = text[start];
  for (std::size_t i = start + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;  // an escaped character, perhaps a quote
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' is a quote inside a single-quoted value
      } else {
        return std::nullopt;
      }
    }
  }
  return last.mark();
}

}  // namespace

std::string NumberRange::describe() const {
  const bool has_min = min > -std::numeric_limits<double>::max();
  const bool has_max = max < std::numeric_limits<double>::max();
  if (has_min && has_max) return fmt::format("in [{}, {}]", format_number(min), format_number(max));
  if (has_min) return fmt::format(">= {}", format_number(min));
  if (has_max) return fmt::format("<= {}", format_number(max));
  return "finite";
}

ConfigNode::ConfigNode(YAML::Node node, std::string key_path,
                       std::shared_ptr<const std::string> file, Diagnostics* diagnostics)
    : node_(std::move(node)),
      key_path_(std::move(key_path)),
      file_(std::move(file)),
      diagnostics_(diagnostics) {}

SourceLocation ConfigNode::location() const {
  const YAML::Mark mark = node_.Mark();
  if (mark.is_null()) return SourceLocation{.file = *file_};
  return SourceLocation{.file = *file_, .line = mark.line + 1, .column = mark.column + 1};
}

void ConfigNode::report(std::string message, std::string expected, std::string found) const {
  diagnostics_->add(Diagnostic{.where = location(),
                               .key = key_path_,
                               .message = std::move(message),
                               .expected = std::move(expected),
                               .found = std::move(found)});
}

ConfigNode ConfigNode::child(const YAML::Node& value, std::string_view key) const {
  std::string path = key_path_.empty() ? std::string(key) : fmt::format("{}.{}", key_path_, key);
  return ConfigNode(value, std::move(path), file_, diagnostics_);
}

std::string ConfigNode::found_text() const { return node_kind(node_); }

bool ConfigNode::expect_mapping() const {
  if (node_.IsMap()) return true;
  report("wrong type", "a mapping of keys to values", found_text());
  return false;
}

std::optional<ConfigNode> ConfigNode::find(std::string_view key) const {
  if (!node_.IsMap()) return std::nullopt;
  for (const auto& entry : node_) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key) return child(entry.second, key);
  }
  return std::nullopt;
}

std::optional<ConfigNode> ConfigNode::require(std::string_view key) const {
  if (!expect_mapping()) return std::nullopt;
  auto found = find(key);
  if (!found) {
    diagnostics_->add(Diagnostic{
        .where = location(),
        .key = key_path_.empty() ? std::string(key) : fmt::format("{}.{}", key_path_, key),
        .message = "missing required key"});
  }
  return found;
}

bool ConfigNode::check_keys(std::initializer_list<std::string_view> allowed) const {
  std::vector<std::string> names(allowed.begin(), allowed.end());
  return check_keys(names);
}

bool ConfigNode::check_keys(const std::vector<std::string>& allowed) const {
  if (!expect_mapping()) return false;
  bool clean = true;
  // YAML forbids a key twice in one mapping, but yaml-cpp keeps both and find() would
  // silently take the first: report the second.
  std::map<std::string, int> first_line;
  for (const auto& entry : node_) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "?";
    if (const auto [earlier, added] = first_line.emplace(key, entry.first.Mark().line + 1);
        !added) {
      clean = false;
      ConfigNode key_node(entry.first, child(entry.second, key).key_path(), file_, diagnostics_);
      key_node.report("duplicate key", "each key at most once in a mapping",
                      fmt::format("'{}' again, first at line {}", key, earlier->second));
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    clean = false;
    std::string expected = one_of(allowed);
    const std::string suggestion = closest_match(key, allowed);
    std::string message = "unknown key";
    if (!suggestion.empty()) message += fmt::format(" (did you mean '{}'?)", suggestion);
    ConfigNode key_node(entry.first, child(entry.second, key).key_path(), file_, diagnostics_);
    key_node.report(std::move(message), std::move(expected), fmt::format("'{}'", key));
  }
  return clean;
}

std::vector<std::pair<std::string, ConfigNode>> ConfigNode::entries() const {
  std::vector<std::pair<std::string, ConfigNode>> result;
  if (!expect_mapping()) return result;
  for (const auto& entry : node_) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "?";
    result.emplace_back(key, child(entry.second, key));
  }
  return result;
}

std::vector<ConfigNode> ConfigNode::items() const {
  std::vector<ConfigNode> result;
  if (!node_.IsSequence()) {
    report("wrong type", "a list", found_text());
    return result;
  }
  std::size_t index = 0;
  for (const auto& item : node_) {
    result.emplace_back(item, fmt::format("{}[{}]", key_path_, index++), file_, diagnostics_);
  }
  return result;
}

double ConfigNode::number(double fallback, NumberRange range) const {
  double value = 0.0;
  if (!node_.IsScalar() || !YAML::convert<double>::decode(node_, value)) {
    if (node_.IsScalar() && overflows_double(node_.Scalar())) {
      report("value out of range", "a number " + range.describe(), found_text());
      return fallback;
    }
    report("wrong type", "a number " + range.describe(), found_text());
    return fallback;
  }
  if (!std::isfinite(value)) {
    report("not a finite number", "a number " + range.describe(), found_text());
    return fallback;
  }
  if (!range.contains(value)) {
    report("value out of range", "a number " + range.describe(), found_text());
    return fallback;
  }
  return value;
}

std::int64_t ConfigNode::integer(std::int64_t fallback, NumberRange range) const {
  std::int64_t value = 0;
  if (!node_.IsScalar() || !YAML::convert<std::int64_t>::decode(node_, value)) {
    if (node_.IsScalar() && overflows_integer(node_.Scalar())) {
      report("value out of range", "a whole number " + range.describe(), found_text());
      return fallback;
    }
    report("wrong type", "a whole number " + range.describe(), found_text());
    return fallback;
  }
  if (!range.contains(static_cast<double>(value))) {
    report("value out of range", "a whole number " + range.describe(), found_text());
    return fallback;
  }
  return value;
}

std::string ConfigNode::text(std::string fallback) const {
  if (!node_.IsScalar()) {
    report("wrong type", "text", found_text());
    return fallback;
  }
  return node_.Scalar();
}

bool ConfigNode::boolean(bool fallback) const {
  bool value = false;
  if (!node_.IsScalar() || !YAML::convert<bool>::decode(node_, value)) {
    report("wrong type", "true or false", found_text());
    return fallback;
  }
  return value;
}

std::string ConfigNode::choice(std::initializer_list<std::string_view> allowed,
                               std::string fallback) const {
  std::vector<std::string> names(allowed.begin(), allowed.end());
  std::string expected = one_of(names);
  if (!node_.IsScalar()) {
    report("wrong type", expected, found_text());
    return fallback;
  }
  const std::string& value = node_.Scalar();
  if (std::find(names.begin(), names.end(), value) != names.end()) return value;
  std::string message = "unknown value";
  const std::string suggestion = closest_match(value, names);
  if (!suggestion.empty()) message += fmt::format(" (did you mean '{}'?)", suggestion);
  report(std::move(message), expected, found_text());
  return fallback;
}

YamlDocument::YamlDocument(std::optional<YAML::Node> root, std::string file,
                           Diagnostics& diagnostics)
    : root_(std::move(root)),
      file_(std::make_shared<const std::string>(std::move(file))),
      diagnostics_(&diagnostics) {}

std::optional<ConfigNode> YamlDocument::root() const {
  if (!root_) return std::nullopt;
  return ConfigNode(*root_, "", file_, diagnostics_);
}

YamlDocument YamlDocument::load_file(const std::filesystem::path& path, Diagnostics& diagnostics) {
  const std::string name = path.string();
  std::error_code error;
  if (std::string reason = unreadable_file_reason(path); !reason.empty()) {
    diagnostics.add(Diagnostic{.where = {.file = name}, .message = std::move(reason)});
    return YamlDocument(std::nullopt, name, diagnostics);
  }
  const auto size = std::filesystem::file_size(path, error);
  if (!error && size > kMaxConfigFileBytes) {
    diagnostics.add(Diagnostic{.where = {.file = name},
                               .message = "file too large for a configuration",
                               .expected = fmt::format("at most {} bytes", kMaxConfigFileBytes),
                               .found = fmt::format("{} bytes", size)});
    return YamlDocument(std::nullopt, name, diagnostics);
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    diagnostics.add(Diagnostic{.where = {.file = name}, .message = "cannot open file for reading"});
    return YamlDocument(std::nullopt, name, diagnostics);
  }
  std::ostringstream text;
  text << stream.rdbuf();
  return load_text(text.str(), name, diagnostics);
}

YamlDocument YamlDocument::load_text(const std::string& text, const std::string& display_name,
                                     Diagnostics& diagnostics) {
  try {
    YAML::Node root = YAML::Load(text);
    if (const auto quote = unclosed_quote(text)) {
      diagnostics.add(Diagnostic{
          .where = {.file = display_name, .line = quote->line + 1, .column = quote->column + 1},
          .message = "YAML syntax error: a quoted value is never closed",
          .expected = "a closing quote",
          .found = "the end of the file"});
      return YamlDocument(std::nullopt, display_name, diagnostics);
    }
    if (!root.IsMap()) {
      diagnostics.add(Diagnostic{.where = {.file = display_name, .line = 1, .column = 1},
                                 .message = "the file must be a mapping of keys to values",
                                 .expected = "a mapping such as 'schema_version: 1'",
                                 .found = root.IsNull() ? "an empty document" : node_kind(root)});
      return YamlDocument(std::nullopt, display_name, diagnostics);
    }
    return YamlDocument(std::move(root), display_name, diagnostics);
  } catch (const YAML::DeepRecursion& error) {
    // yaml-cpp's own message for this is "bad file".
    diagnostics.add(
        Diagnostic{.where = {.file = display_name,
                             .line = error.mark.line + 1,
                             .column = error.mark.column + 1},
                   .message = "YAML syntax error: lists or mappings nested too deeply",
                   .expected = fmt::format("fewer than {} levels of nesting", error.depth()),
                   .found = "more"});
    return YamlDocument(std::nullopt, display_name, diagnostics);
  } catch (const YAML::Exception& error) {
    diagnostics.add(Diagnostic{.where = {.file = display_name,
                                         .line = error.mark.line + 1,
                                         .column = error.mark.column + 1},
                               .message = "YAML syntax error: " + error.msg});
    return YamlDocument(std::nullopt, display_name, diagnostics);
  }
}

}  // namespace seccoop::sim
