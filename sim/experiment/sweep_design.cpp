#include "sim/experiment/sweep_design.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>

#include "sim/config/diagnostics.hpp"

namespace seccoop::sim {

namespace {

void require(bool condition, std::string_view what) {
  if (!condition) throw InternalError(fmt::format("invalid sweep design: {}", what));
}

bool valid_range(const AxisRange& range) {
  return std::isfinite(range.min) && std::isfinite(range.max) && range.min < range.max &&
         (range.scale == AxisScale::linear || range.min > 0.0);
}

std::vector<std::string> paths_of(const std::vector<SweepAxis>& axes) {
  std::vector<std::string> paths;
  paths.reserve(axes.size());
  for (const auto& axis : axes) paths.push_back(axis.path);
  return paths;
}

void require_range_axes(const std::vector<SweepAxis>& axes) {
  require(!axes.empty(), "no axes");
  for (const auto& axis : axes) require(valid_range(axis.range), "bad range on " + axis.path);
}

}  // namespace

double AxisRange::at(double unit) const {
  const double value = scale == AxisScale::log
                           ? std::exp(std::log(min) + unit * (std::log(max) - std::log(min)))
                           : min + unit * (max - min);
  return std::clamp(value, min, max);
}

std::vector<double> grid_axis_values(const SweepAxis& axis) {
  if (!axis.values.empty()) return axis.values;
  const std::size_t n = axis.grid_points;
  require(n >= 2 && valid_range(axis.range), "grid range of " + axis.path);
  std::vector<double> values(n);
  for (std::size_t i = 0; i < n; ++i) {
    values[i] = axis.range.at(static_cast<double>(i) / static_cast<double>(n - 1));
  }
  // Both ends exactly as written, whatever exp/log did to them.
  values.front() = axis.range.min;
  values.back() = axis.range.max;
  return values;
}

std::uint64_t uniform_below(RandomStream& stream, std::uint64_t bound) {
  require(bound > 0, "uniform_below(0)");
  // 2^64 mod bound draws at the bottom would make small results likelier: skip them.
  const std::uint64_t threshold = (std::uint64_t{0} - bound) % bound;
  for (;;) {
    const std::uint64_t bits = stream.next_u64();
    if (bits >= threshold) return bits % bound;
  }
}

SweepDesign::SweepDesign(SweepMethod method, std::vector<SweepAxis> axes)
    : method_(method), axes_(std::move(axes)), paths_(paths_of(axes_)) {}

SweepDesign SweepDesign::grid(std::vector<SweepAxis> axes) {
  require(!axes.empty(), "no axes");
  SweepDesign design(SweepMethod::grid, std::move(axes));
  design.point_count_ = 1;
  for (const auto& axis : design.axes_) {
    design.grid_values_.push_back(grid_axis_values(axis));
    const std::size_t count = design.grid_values_.back().size();
    require(count > 0 && design.point_count_ <= kMaxSweepPoints / count, "grid too large");
    design.point_count_ *= count;
  }
  return design;
}

SweepDesign SweepDesign::list(std::vector<std::string> paths,
                              const std::vector<std::vector<double>>& rows) {
  require(!paths.empty() && !rows.empty() && rows.size() <= kMaxSweepPoints, "list size");
  std::vector<SweepAxis> axes;
  axes.reserve(paths.size());
  for (auto& path : paths) axes.push_back(SweepAxis{.path = std::move(path)});
  SweepDesign design(SweepMethod::list, std::move(axes));
  design.point_count_ = rows.size();
  for (const auto& row : rows) {
    require(row.size() == design.axis_count(), "list row of the wrong length");
    design.rows_.insert(design.rows_.end(), row.begin(), row.end());
  }
  return design;
}

SweepDesign SweepDesign::latin_hypercube(std::vector<SweepAxis> axes, std::size_t samples,
                                         std::uint64_t seed) {
  require_range_axes(axes);
  require(samples > 0 && samples <= kMaxSweepPoints, "lhs sample count");
  SweepDesign design(SweepMethod::latin_hypercube, std::move(axes));
  design.point_count_ = samples;
  const std::size_t k = design.axis_count();
  design.rows_.assign(samples * k, 0.0);
  std::vector<std::size_t> strata(samples);
  for (std::size_t a = 0; a < k; ++a) {
    RandomStream stream(StreamKey{.master_seed = seed, .run_index = 0},
                        StreamCounter{.week = 0, .entity = a, .purpose = 0});
    // Fisher-Yates: which stratum each sample takes on this axis.
    std::iota(strata.begin(), strata.end(), std::size_t{0});
    for (std::size_t i = samples - 1; i > 0; --i) {
      std::swap(strata[i], strata[uniform_below(stream, i + 1)]);
    }
    const double width = 1.0 / static_cast<double>(samples);
    for (std::size_t j = 0; j < samples; ++j) {
      const double unit = (static_cast<double>(strata[j]) + stream.uniform_open01()) * width;
      design.rows_[j * k + a] = design.axes_[a].range.at(unit);
    }
  }
  return design;
}

SweepDesign SweepDesign::sobol(std::vector<SweepAxis> axes, std::size_t base_samples) {
  require_range_axes(axes);
  require(axes.size() <= kMaxSobolAxes, "too many axes for a Sobol design");
  require(std::has_single_bit(base_samples), "Sobol base samples not a power of two");
  require(base_samples <= kMaxSweepPoints / (axes.size() + 2), "Sobol design too large");
  SweepDesign design(SweepMethod::sobol, std::move(axes));
  design.base_samples_ = base_samples;
  design.point_count_ = base_samples * (design.axis_count() + 2);
  design.sequence_.emplace(2 * design.axis_count());
  return design;
}

std::string_view SweepDesign::method_name() const noexcept {
  switch (method_) {
    case SweepMethod::grid:
      return "grid";
    case SweepMethod::list:
      return "list";
    case SweepMethod::latin_hypercube:
      return "lhs";
    case SweepMethod::sobol:
      return "sobol";
  }
  return "?";
}

std::vector<double> SweepDesign::point(std::size_t index) const {
  if (index >= point_count_) {
    throw InternalError(fmt::format("sweep point {} of a design of {}", index, point_count_));
  }
  const std::size_t k = axis_count();
  std::vector<double> values(k);
  switch (method_) {
    case SweepMethod::grid: {
      std::size_t rest = index;
      for (std::size_t a = k; a-- > 0;) {
        const auto& axis_values = grid_values_[a];
        values[a] = axis_values[rest % axis_values.size()];
        rest /= axis_values.size();
      }
      break;
    }
    case SweepMethod::list:
    case SweepMethod::latin_hypercube:
      std::copy_n(rows_.begin() + static_cast<std::ptrdiff_t>(index * k), k, values.begin());
      break;
    case SweepMethod::sobol: {
      const std::size_t base_sample = index / (k + 2);
      const std::size_t matrix = index % (k + 2);
      const std::vector<double> unit = sequence_->point(base_sample + 1);  // skip the origin
      for (std::size_t a = 0; a < k; ++a) {
        const bool from_b = matrix == kSaltelliMatrixB || matrix == saltelli_matrix_of_axis(a);
        values[a] = axes_[a].range.at(unit[from_b ? k + a : a]);
      }
      break;
    }
  }
  return values;
}

}  // namespace seccoop::sim
