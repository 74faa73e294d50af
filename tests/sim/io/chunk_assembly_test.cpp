// Rows of a variable chunked several rows to a chunk are gathered by the results file until
// their chunk is whole, then compressed by filter_chunk() and stored directly; rows that come
// any other way go through HDF5's filters (sim/io/chunk_assembly.hpp). Whatever the path, the
// values read back are the values written.
#include <gtest/gtest.h>
#include <hdf5.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <span>
#include <vector>

#include "sim/io/chunk_filter.hpp"
#include "sim/io/results_file.hpp"
#include "sim/io/results_reader.hpp"
#include "tests/sim/io/results_test_support.hpp"

namespace seccoop::sim::io {
namespace {

namespace fs = std::filesystem;
using testing::TemporaryDirectory;

constexpr std::size_t kWeeks = 100;       // planes of 400 bytes: noise is told from structure
constexpr std::size_t kRowsPerChunk = 4;  // as a block of runs groups one-value-a-week series

Variable variable(std::string name, std::vector<std::string> dimensions, ValueType type,
                  std::vector<std::size_t> chunk) {
  return Variable{.name = std::move(name),
                  .dimensions = std::move(dimensions),
                  .type = type,
                  .attributes = {{"units", std::string("1")}, {"long_name", std::string("x")}},
                  .chunk_shape = std::move(chunk)};
}

FileSchema grouped_schema() {
  return FileSchema{.dimensions = {{"run", 0, true}, {"week", kWeeks, false}},
                    .variables = {variable("run", {"run"}, ValueType::int64, {kRowsPerChunk}),
                                  variable("week", {"week"}, ValueType::int64, {}),
                                  variable("series", {"run", "week"}, ValueType::float64,
                                           {kRowsPerChunk, kWeeks}),
                                  variable("flag", {"run"}, ValueType::int8, {kRowsPerChunk})}};
}

/// Row `row` of `series` in write number `version`: reals whose low bytes are noise.
std::vector<double> series_row(std::size_t row, int version = 0) {
  std::mt19937_64 random(row * 31 + static_cast<std::size_t>(version));
  std::uniform_real_distribution<double> uniform(0.0, 1000.0);
  std::vector<double> values(kWeeks);
  for (double& value : values) value = uniform(random);
  return values;
}

std::vector<double> rows_of(std::size_t first, std::size_t count) {
  std::vector<double> values;
  for (std::size_t row = first; row < first + count; ++row) {
    const std::vector<double> one = series_row(row);
    values.insert(values.end(), one.begin(), one.end());
  }
  return values;
}

/// The bytes stored for the chunk of `series` that starts at `first_row`, as on disk.
std::vector<std::byte> stored_chunk(const fs::path& path, std::size_t first_row) {
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  const hid_t dataset = H5Dopen2(file, "series", H5P_DEFAULT);
  const hsize_t offset[] = {first_row, 0};
  hsize_t size = 0;
  EXPECT_GE(H5Dget_chunk_storage_size(dataset, offset, &size), 0);
  std::vector<std::byte> bytes(size);
  std::uint32_t filter_mask = 0;
  EXPECT_GE(H5Dread_chunk(dataset, H5P_DEFAULT, offset, &filter_mask, bytes.data()), 0);
  H5Dclose(dataset);
  H5Fclose(file);
  return bytes;
}

std::vector<std::byte> filtered(const std::vector<double>& values) {
  std::vector<std::byte> raw(values.size() * sizeof(double));
  std::memcpy(raw.data(), values.data(), raw.size());
  return filter_chunk(raw, sizeof(double));
}

TEST(ChunkAssembly, WholeChunksWrittenRowByRowAreStoredAsFilterChunkMakesThem) {
  TemporaryDirectory directory;
  const fs::path path = directory.path() / "out.h5";
  ResultsFile file = ResultsFile::create(path, grouped_schema(), {});
  file.resize("run", 2 * kRowsPerChunk);
  for (std::size_t row = 0; row < 2 * kRowsPerChunk; ++row) {
    file.write("series", row, 1, series_row(row));
  }
  file.commit();
  // HDF5's deflate of the same chunk differs: it deflates the noise planes filter_chunk stores.
  EXPECT_EQ(stored_chunk(path, 0), filtered(rows_of(0, kRowsPerChunk)));
  EXPECT_EQ(stored_chunk(path, kRowsPerChunk), filtered(rows_of(kRowsPerChunk, kRowsPerChunk)));
  EXPECT_EQ(ResultsReader(path).read_doubles("series"), rows_of(0, 2 * kRowsPerChunk));
}

TEST(ChunkAssembly, RowsInAnyOrderFlushedMidChunkOrPastTheLastWholeChunkReadBack) {
  TemporaryDirectory directory;
  const fs::path path = directory.path() / "out.h5";
  ResultsFile file = ResultsFile::create(path, grouped_schema(), {});
  constexpr std::size_t kRows = 2 * kRowsPerChunk + 2;  // the last chunk is never whole
  file.resize("run", kRows);
  std::vector<double> expected = rows_of(0, kRows);
  std::vector<std::int8_t> flags(kRows, 0);
  const auto flag = [&](std::size_t row) {
    flags[row] = static_cast<std::int8_t>(row + 1);
    file.write("flag", row, 1, std::span<const std::int8_t>(&flags[row], 1));
  };
  file.write("series", 0, 1, series_row(0));
  file.write("series", 1, 1, series_row(1));
  file.flush();  // rows 0-1 go through HDF5; 2-3 follow them there
  file.write("series", 2, 2, rows_of(2, 2));
  file.write("series", 5, 1, series_row(5));  // out of order: 4 comes later
  file.write("series", 4, 1, series_row(4));
  file.write("series", 6, 4, rows_of(6, 4));  // the rest of a chunk and the partial last one
  const std::vector<double> rewritten = series_row(4, 1);  // a stored chunk written again
  file.write("series", 4, 1, rewritten);
  std::copy(rewritten.begin(), rewritten.end(), expected.begin() + 4 * kWeeks);
  for (std::size_t row = 0; row < kRows; ++row) flag(row);
  file.commit();
  const ResultsReader reader(path);
  EXPECT_EQ(reader.read_doubles("series"), expected);
  const std::vector<std::int64_t> flags_read = reader.read_int64s("flag");
  EXPECT_EQ(flags_read, std::vector<std::int64_t>(flags.begin(), flags.end()));
}

TEST(ChunkAssembly, RowsHeldWhenTheFileIsClosedUncommittedAreInThePartialFile) {
  TemporaryDirectory directory;
  const fs::path path = directory.path() / "out.h5";
  {
    ResultsFile file = ResultsFile::create(path, grouped_schema(), {});
    file.resize("run", kRowsPerChunk);
    file.write("series", 0, 2, rows_of(0, 2));
  }  // closed without a flush or a commit, as when a job stops on an error
  std::vector<double> expected = rows_of(0, 2);
  expected.resize(kRowsPerChunk * kWeeks, std::numeric_limits<double>::quiet_NaN());
  const std::vector<double> read =
      ResultsReader(ResultsFile::partial_path_for(path)).read_doubles("series");
  ASSERT_EQ(read.size(), expected.size());
  for (std::size_t i = 0; i < read.size(); ++i) {
    if (std::isnan(expected[i])) {
      EXPECT_TRUE(std::isnan(read[i])) << i;
    } else {
      EXPECT_EQ(read[i], expected[i]) << i;
    }
  }
}

}  // namespace
}  // namespace seccoop::sim::io
