#include "sim/io/results_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/sim/io/results_test_support.hpp"

namespace seccoop::sim::io {
namespace {

namespace fs = std::filesystem;
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

}  // namespace
}  // namespace seccoop::sim::io
