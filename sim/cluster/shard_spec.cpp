#include "sim/cluster/shard_spec.hpp"

#include <fmt/format.h>

#include <charconv>
#include <limits>

#include "sim/config/diagnostics.hpp"

namespace seccoop::sim::cluster {

namespace {

// Keeps i * (N mod K) below 2^64 in shard_runs().
constexpr std::uint64_t kMaxShards = std::numeric_limits<std::uint32_t>::max();

std::optional<std::uint64_t> whole_number(std::string_view text) {
  std::uint64_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end) return std::nullopt;
  return value;
}

/// floor(index * total / count) without overflowing: index * q + floor(index * r / count).
std::uint64_t boundary(std::uint64_t total, std::uint64_t index, std::uint64_t count) {
  const std::uint64_t quotient = total / count;
  const std::uint64_t remainder = total % count;
  return index * quotient + index * remainder / count;
}

std::optional<std::int64_t> integer_variable(const EnvironmentLookup& lookup, const char* name) {
  const char* text = lookup(name);
  if (text == nullptr || *text == '\0') return std::nullopt;
  const auto value = whole_number(text);
  if (!value || *value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    throw UserError(fmt::format("environment variable {}={} is not a whole number", name, text));
  }
  return static_cast<std::int64_t>(*value);
}

}  // namespace

std::string ShardSpec::to_string() const { return fmt::format("{}/{}", index, count); }

RunRange shard_runs(std::uint64_t total_runs, const ShardSpec& shard) {
  if (shard.count == 0 || shard.index >= shard.count || shard.count > kMaxShards) {
    throw InternalError(fmt::format("invalid shard {}", shard.to_string()));
  }
  const std::uint64_t first = boundary(total_runs, shard.index, shard.count);
  const std::uint64_t end = boundary(total_runs, shard.index + 1, shard.count);
  return RunRange{.first = first, .size = end - first};
}

ShardSpec parse_shard(std::string_view text, std::string_view origin) {
  const auto slash = text.find('/');
  const auto index = whole_number(text.substr(0, slash));
  const auto count =
      slash == std::string_view::npos ? std::nullopt : whole_number(text.substr(slash + 1));
  if (!index || !count) {
    throw UserError(fmt::format(
        "{} {}: expected i/K, the 0-based shard index and the number of shards (e.g. 0/4)", origin,
        text));
  }
  if (*count == 0 || *count > kMaxShards) {
    throw UserError(
        fmt::format("{} {}: the number of shards must be in [1, {}]", origin, text, kMaxShards));
  }
  if (*index >= *count) {
    throw UserError(
        fmt::format("{} {}: shard index {} is out of range (shards of {} are numbered 0 to {})",
                    origin, text, *index, *count, *count - 1));
  }
  return ShardSpec{.index = *index, .count = *count};
}

std::optional<ShardSpec> shard_from_slurm(const EnvironmentLookup& lookup) {
  const auto id = integer_variable(lookup, "SLURM_ARRAY_TASK_ID");
  if (!id) return std::nullopt;
  const std::int64_t min = integer_variable(lookup, "SLURM_ARRAY_TASK_MIN").value_or(0);
  const std::int64_t step = integer_variable(lookup, "SLURM_ARRAY_TASK_STEP").value_or(1);
  std::optional<std::int64_t> count = integer_variable(lookup, "SLURM_ARRAY_TASK_COUNT");
  if (!count) {
    const auto max = integer_variable(lookup, "SLURM_ARRAY_TASK_MAX");
    if (max && *max >= min && step > 0) count = (*max - min) / step + 1;
  }
  const std::string found = slurm_array_description(lookup);
  if (!count || *count <= 0 || step <= 0 || *id < min || (*id - min) % step != 0 ||
      (*id - min) / step >= *count) {
    throw UserError(
        fmt::format("cannot derive a shard from the Slurm job array ({}): submit the array as "
                    "--array=0-(K-1) (or a range with a step), or give --shard i/K",
                    found));
  }
  return parse_shard(fmt::format("{}/{}", (*id - min) / step, *count), found);
}

std::string slurm_array_description(const EnvironmentLookup& lookup) {
  std::string text;
  for (const char* name : {"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN",
                           "SLURM_ARRAY_TASK_MAX", "SLURM_ARRAY_TASK_STEP"}) {
    if (const char* value = lookup(name); value != nullptr) {
      text += fmt::format("{}{}={}", text.empty() ? "" : ", ", name, value);
    }
  }
  return text;
}

}  // namespace seccoop::sim::cluster
