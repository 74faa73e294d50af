#include "sim/io/results_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "sim/io/results_reader.hpp"
#include "sim/parallel/heap_retention.hpp"
#include "tests/sim/io/results_test_support.hpp"

namespace seccoop::sim::io {
namespace {

namespace fs = std::filesystem;
using testing::TemporaryDirectory;

void expect_sample_runs(const ResultsReader& reader, std::size_t runs) {
  EXPECT_EQ(reader.dimension_size("run"), runs);
  EXPECT_EQ(reader.read_doubles("members"), testing::sample_members(0, runs));
  EXPECT_EQ(reader.read_int64s("seed"), testing::sample_seeds(0, runs));
  EXPECT_EQ(reader.read_strings("scenario"), testing::sample_scenarios(0, runs));
  EXPECT_EQ(reader.read_int64s("completed"), std::vector<std::int64_t>(runs, 1));
}

TEST(ResultsFileTest, RoundTripsDimensionsVariablesAndAttributes) {
  TemporaryDirectory directory;
  const fs::path path = directory.path() / "out.h5";
  testing::write_sample_file(path);

  const ResultsReader reader(path);
  FileSchema expected = testing::sample_schema();
  expected.dimensions.front().size = testing::kSampleRuns;
  ASSERT_EQ(reader.schema().dimensions, expected.dimensions);
  for (const auto& variable : expected.variables) {
    SCOPED_TRACE(variable.name);
    const Variable& stored = reader.variable(variable.name);
    EXPECT_EQ(stored.dimensions, variable.dimensions);
    EXPECT_EQ(stored.type, variable.type);
    EXPECT_EQ(stored.attributes, variable.attributes);
    EXPECT_EQ(stored.chunk_shape.size(), variable.dimensions.size());
  }
  EXPECT_EQ(reader.global_attributes(), testing::sample_global_attributes());
  EXPECT_EQ(reader.global_text_attribute("place"), "Ciudad Juárez");
  expect_sample_runs(reader, testing::kSampleRuns);
  EXPECT_EQ(reader.read_doubles("members", 1, 2), testing::sample_members(1, 2));
  EXPECT_EQ(reader.read_strings("scenario", 2, 1), testing::sample_scenarios(2, 1));
  EXPECT_EQ(reader.read_strings("date"), testing::sample_dates());
  EXPECT_EQ(reader.read_strings("cartel_name"), testing::sample_cartel_names());
  EXPECT_EQ(reader.read_doubles("week"), (std::vector<double>{0, 1, 2, 3, 4}));
}

TEST(ResultsFileTest, WritesToPartialFileUntilCommitThenRenamesIt) {
  TemporaryDirectory directory;
  const fs::path path = directory.path() / "out.h5";
  ResultsFile file =
      ResultsFile::create(path, testing::sample_schema(), testing::sample_global_attributes());
  EXPECT_EQ(file.partial_path(), directory.path() / "out.h5.partial");
  EXPECT_TRUE(fs::exists(file.partial_path()));
  EXPECT_FALSE(fs::exists(path));
  testing::write_sample_statics(file);
  testing::write_sample_runs(file, 0, 3);
  file.commit();
  EXPECT_TRUE(fs::exists(path));
  EXPECT_FALSE(fs::exists(ResultsFile::partial_path_for(path)));
  EXPECT_THROW(file.flush(), InternalError);
}

TEST(ResultsFileTest, CreateRefusesAnExistingFileUnlessOverwriting) {
  TemporaryDirectory directory;
  const fs::path path = directory.path() / "out.h5";
  std::ofstream(path) << "precious";
  try {
    static_cast<void>(ResultsFile::create(path, testing::sample_schema(), {}));
    FAIL() << "expected IoError";
  } catch (const IoError& error) {
    EXPECT_EQ(error.path(), path);
    EXPECT_NE(std::string(error.what()).find("already exists"), std::string::npos);
  }
  ResultsFile file = ResultsFile::create(path, testing::sample_schema(), {}, {.overwrite = true});
  file.commit();
  EXPECT_EQ(ResultsReader(path).dimension_size("week"), testing::kSampleWeeks);
}

TEST(ResultsFileTest, CommitRefusesToOverwriteAFileThatAppearedMeanwhile) {
  TemporaryDirectory directory;
  const fs::path path = directory.path() / "out.h5";
  ResultsFile file = ResultsFile::create(path, testing::sample_schema(), {});
  std::ofstream(path) << "written by someone else";
  EXPECT_THROW(file.commit(), IoError);
  std::ifstream kept(path);
  std::string content;
  std::getline(kept, content);
  EXPECT_EQ(content, "written by someone else");
  EXPECT_TRUE(fs::exists(ResultsFile::partial_path_for(path)));  // kept for the user
}

TEST(ResultsFileTest, CreateRefusesALeftoverPartialFileUnlessOverwriting) {
  TemporaryDirectory directory;
  const fs::path path = directory.path() / "out.h5";
  static_cast<void>(ResultsFile::create(path, testing::sample_schema(), {}));  // not committed
  EXPECT_THROW(static_cast<void>(ResultsFile::create(path, testing::sample_schema(), {})), IoError);
  EXPECT_NO_THROW(static_cast<void>(
      ResultsFile::create(path, testing::sample_schema(), {}, {.overwrite = true})));
}

TEST(ResultsFileTest, MissingDirectoryGivesIoErrorNamingThePath) {
  TemporaryDirectory directory;
  const fs::path path = directory.path() / "no-such-dir" / "out.h5";
  try {
    static_cast<void>(ResultsFile::create(path, testing::sample_schema(), {}));
    FAIL() << "expected IoError";
  } catch (const IoError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(path.string() + ".partial"), std::string::npos) << message;
    EXPECT_NE(message.find("does not exist"), std::string::npos) << message;
  }
}

TEST(ResultsFileTest, UnwritableDirectoryGivesIoErrorNamingThePath) {
  if (::geteuid() == 0) {
    GTEST_SKIP() << "running as root: directory permissions do not stop root from writing";
  }
  TemporaryDirectory directory;
  fs::permissions(directory.path(), fs::perms::owner_read | fs::perms::owner_exec);
  const fs::path path = directory.path() / "out.h5";
  try {
    static_cast<void>(ResultsFile::create(path, testing::sample_schema(), {}));
    FAIL() << "expected IoError";
  } catch (const IoError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(path.string() + ".partial"), std::string::npos) << message;
    EXPECT_NE(message.find("ermission denied"), std::string::npos) << message;
  }
}

TEST(ResultsFileTest, HdfFailureGivesIoErrorWithThePathAndTheSystemReason) {
  // Works as root too, unlike the permission test: HDF5 cannot create a file over a directory.
  TemporaryDirectory directory;
  const fs::path path = directory.path() / "out.h5";
  fs::create_directory(ResultsFile::partial_path_for(path));
  try {
    static_cast<void>(ResultsFile::create(path, testing::sample_schema(), {}, {.overwrite = true}));
    FAIL() << "expected IoError";
  } catch (const IoError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("'" + path.string() + ".partial': cannot create"), std::string::npos)
        << message;
    EXPECT_NE(message.find("Is a directory"), std::string::npos) << message;
  }
}

TEST(ResultsFileTest, ReopensAPartialFileAndAppendsRows) {
  TemporaryDirectory directory;
  const fs::path path = directory.path() / "out.h5";
  {
    ResultsFile file =
        ResultsFile::create(path, testing::sample_schema(), testing::sample_global_attributes());
    testing::write_sample_statics(file);
    testing::write_sample_runs(file, 0, 2);
  }  // closed without commit, as after an interrupted job
  ResultsFile resumed = ResultsFile::open_partial(path);
  EXPECT_EQ(resumed.dimension_size("run"), 2U);
  EXPECT_EQ(resumed.schema().variables.size(), testing::sample_schema().variables.size());
  testing::write_sample_runs(resumed, 2, 1);
  resumed.set_attribute({"completed_runs", std::int64_t{3}});
  resumed.commit();

  const ResultsReader reader(path);
  expect_sample_runs(reader, testing::kSampleRuns);
  EXPECT_EQ(reader.read_strings("date"), testing::sample_dates());
  EXPECT_EQ(reader.global_attributes().back(), (Attribute{"completed_runs", std::int64_t{3}}));
}

TEST(ResultsFileTest, OpenPartialWithoutPartialFileGivesIoError) {
  TemporaryDirectory directory;
  EXPECT_THROW(static_cast<void>(ResultsFile::open_partial(directory.path() / "out.h5")), IoError);
}

TEST(ResultsFileTest, UnwrittenRowsReadAsFillValues) {
  TemporaryDirectory directory;
  const fs::path path = directory.path() / "out.h5";
  ResultsFile file = ResultsFile::create(path, testing::sample_schema(), {});
  file.resize("run", 2);
  file.write("seed", 0, 1, testing::sample_seeds(0, 1));
  file.commit();
  const ResultsReader reader(path);
  EXPECT_TRUE(std::isnan(reader.read_doubles("members", 1, 1).front()));
  EXPECT_EQ(reader.read_int64s("seed", 1, 1), std::vector<std::int64_t>{0});
  EXPECT_EQ(reader.read_int64s("completed"), (std::vector<std::int64_t>{0, 0}));
  EXPECT_EQ(reader.read_strings("scenario"), (std::vector<std::string>{"", ""}));
}

TEST(ResultsFileTest, WrongUseIsAnInternalError) {
  TemporaryDirectory directory;
  ResultsFile file = ResultsFile::create(directory.path() / "out.h5", testing::sample_schema(), {});
  file.resize("run", 1);
  const std::vector<double> one_value{1.0};
  EXPECT_THROW(file.write("seed", 0, 1, one_value), InternalError);              // wrong type
  EXPECT_THROW(file.write("members", 0, 1, one_value), InternalError);           // wrong count
  EXPECT_THROW(file.write("no_such_variable", 0, 1, one_value), InternalError);  // unknown
  EXPECT_THROW(file.write("run", 1, 1, std::vector<std::int64_t>{1}), InternalError);   // past end
  EXPECT_THROW(file.write("week", 0, 1, std::vector<std::int64_t>{1}), InternalError);  // static
  EXPECT_THROW(file.write_static("seed", std::vector<std::int64_t>{1}), InternalError);
  EXPECT_THROW(file.resize("week", 9), InternalError);  // fixed
  EXPECT_THROW(file.resize("run", 0), InternalError);   // shrinking
  EXPECT_THROW(file.set_attribute({"CLASS", std::string("x")}), InternalError);
}

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
/// Bytes the process holds from malloc (sanitizers replace glibc's malloc: not measurable).
std::size_t heap_in_use() {
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

// A chunk index's B-tree nodes stay in HDF5's metadata cache at several times the size the
// cache counts them at (their size on disk): the cache must be small enough that, once it is
// full, a long sweep's heap stops growing. 20 record variables of one-row chunks: 2,048 rows
// fill a 1 MiB cache (the heap then grows by ~30 KiB per 1,024 rows); a 4 MiB one held 9 MiB
// more by 4,096 rows.
TEST(ResultsFileTest, HeapStopsGrowingAsRowsAreAppended) {
  // As seccoop's main() does; it also spares the test glibc trimming the heap, a system call,
  // after each chunk's zlib state is freed.
  retain_freed_heap_memory();
  constexpr std::size_t kVariables = 20;
  constexpr std::size_t kBatch = 1024;
  FileSchema schema{.dimensions = {{"run", 0, true}}, .variables = {}};
  const auto variable = [](std::string name) {
    return Variable{.name = std::move(name),
                    .dimensions = {"run"},
                    .type = ValueType::int64,
                    .attributes = {{"units", std::string("1")}, {"long_name", std::string("x")}},
                    .chunk_shape = {1}};
  };
  schema.variables.push_back(variable("run"));
  for (std::size_t i = 0; i < kVariables; ++i) {
    schema.variables.push_back(variable("v" + std::to_string(i)));
  }
  TemporaryDirectory directory;
  ResultsFile file = ResultsFile::create(directory.path() / "out.h5", schema, {});
  std::vector<std::int64_t> values(kBatch);
  std::size_t peak = 0;
  const auto append_until = [&](std::size_t rows) {
    for (std::size_t first = file.dimension_size("run"); first < rows; first += kBatch) {
      file.resize("run", first + kBatch);
      for (std::size_t i = 0; i < kBatch; ++i) values[i] = static_cast<std::int64_t>(first + i);
      for (const auto& written : schema.variables) file.write(written.name, first, kBatch, values);
      file.flush();
      peak = std::max(peak, heap_in_use());
    }
  };
  append_until(2 * kBatch);
  const std::size_t filled = heap_in_use();
  peak = filled;
  append_until(6 * kBatch);
  EXPECT_LT(peak, filled + (std::size_t{1} << 20))
      << "the heap grew from " << filled << " to " << peak << " bytes";
  file.commit();
}
#endif

TEST(ResultsFileDeathTest, AKilledWriterLeavesEveryFlushedRunReadable) {
  TemporaryDirectory directory;
  const fs::path path = directory.path() / "out.h5";
  EXPECT_EXIT(
      {
        ResultsFile file = ResultsFile::create(path, testing::sample_schema(), {});
        testing::write_sample_statics(file);
        testing::write_sample_runs(file, 0, 2);
        std::_Exit(3);  // no destructor, no close: as if killed
      },
      ::testing::ExitedWithCode(3), "");
  const ResultsReader reader(ResultsFile::partial_path_for(path));
  expect_sample_runs(reader, 2);
}

}  // namespace
}  // namespace seccoop::sim::io
