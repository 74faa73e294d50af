#include "sim/io/results_reader.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <hdf5.h>

#include <array>
#include <fstream>

#include "tests/sim/io/results_test_support.hpp"
#include "tests/support/flush_damage.hpp"

namespace seccoop::sim::io {
namespace {

namespace fs = std::filesystem;
using seccoop::testing::cut_recorded_end;
using testing::TemporaryDirectory;

std::string message_of_opening(const fs::path& path) {
  try {
    const ResultsReader reader(path);
  } catch (const IoError& error) {
    return error.what();
  }
  return "no error";
}

TEST(ResultsReaderTest, MissingOrForeignFilesGiveIoErrorsNamingThePath) {
  TemporaryDirectory directory;
  const fs::path missing = directory.path() / "missing.h5";
  EXPECT_NE(message_of_opening(missing).find(missing.string()), std::string::npos);
  const fs::path text = directory.path() / "notes.h5";
  std::ofstream(text) << "not hdf5";
  EXPECT_NE(message_of_opening(text).find("not an HDF5 file"), std::string::npos);
}

TEST(ResultsReaderTest, AbsentNamesAndWrongKindsAreIoErrors) {
  TemporaryDirectory directory;
  const fs::path path = directory.path() / "out.h5";
  testing::write_sample_file(path);
  const ResultsReader reader(path);
  EXPECT_THROW(static_cast<void>(reader.read_doubles("homicides")), IoError);
  EXPECT_THROW(static_cast<void>(reader.dimension_size("region")), IoError);
  EXPECT_THROW(static_cast<void>(reader.global_text_attribute("no_such")), IoError);
  EXPECT_THROW(static_cast<void>(reader.global_text_attribute("master_seed")), IoError);
  EXPECT_THROW(static_cast<void>(reader.read_doubles("scenario")), IoError);
  EXPECT_THROW(static_cast<void>(reader.read_int64s("members")), IoError);
  EXPECT_THROW(static_cast<void>(reader.read_strings("seed")), IoError);
  EXPECT_THROW(static_cast<void>(reader.read_doubles("members", 2, 2)), InternalError);
}

TEST(ResultsReaderTest, ConvertsIntegersAndReadsEmptyRowRanges) {
  TemporaryDirectory directory;
  const fs::path path = directory.path() / "out.h5";
  testing::write_sample_file(path);
  const ResultsReader reader(path);
  EXPECT_EQ(reader.read_doubles("completed"), (std::vector<double>{1, 1, 1}));
  EXPECT_TRUE(reader.read_doubles("members", 3, 0).empty());
  EXPECT_EQ(reader.read_int64s("cartel"), (std::vector<std::int64_t>{0, 1, 2}));
}

/// Where HDF5 stored the chunk holding row `row` of `name` (found independently of the reader).
haddr_t chunk_address(const fs::path& path, const char* name, hsize_t row) {
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  const hid_t dataset = H5Dopen2(file, name, H5P_DEFAULT);
  const hid_t creation = H5Dget_create_plist(dataset);
  std::array<hsize_t, 3> chunk{};
  EXPECT_EQ(H5Pget_chunk(creation, 3, chunk.data()), 3);
  std::array<hsize_t, 3> offset{row / chunk[0] * chunk[0], 0, 0};
  unsigned filters = 0;
  haddr_t address = HADDR_UNDEF;
  hsize_t size = 0;
  EXPECT_GE(H5Dget_chunk_info_by_coord(dataset, offset.data(), &filters, &address, &size), 0);
  H5Pclose(creation);
  H5Dclose(dataset);
  H5Fclose(file);
  return address;
}

TEST(ResultsReaderTest, ChunkIndexCheckFindsChunksPastTheRecordedEndOfFile) {
  TemporaryDirectory directory;
  const fs::path path = directory.path() / "out.h5";
  {
    ResultsFile file =
        ResultsFile::create(path, testing::sample_schema(), testing::sample_global_attributes());
    testing::write_sample_statics(file);
    testing::write_sample_runs(file, 0, 3);
    file.resize("run", 40);  // rows 3-39 never written: no chunks
  }                          // closed as a .partial
  const fs::path partial = ResultsFile::partial_path_for(path);
  EXPECT_NO_THROW(ResultsReader(partial).check_chunk_index("members", 0, 40));

  const haddr_t last_chunk = chunk_address(partial, "members", 2);
  ASSERT_NE(last_chunk, HADDR_UNDEF);
  ASSERT_NO_FATAL_FAILURE(cut_recorded_end(partial, last_chunk));
  const ResultsReader reader(partial);
  try {
    reader.check_chunk_index("members", 2, 1);
    ADD_FAILURE() << "a chunk past the end of the file was not found";
  } catch (const IoError& error) {
    EXPECT_NE(std::string(error.what()).find(fmt::format("is indexed at bytes {}-", last_chunk)),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace seccoop::sim::io
