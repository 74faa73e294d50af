// Opens a results file the way researchers will: xarray (engines h5netcdf and netcdf4) and
// ncdump, through tests/python/check_netcdf.py run by Debian's /usr/bin/python3 (where
// python3-xarray, python3-h5netcdf and python3-netcdf4 live, not in a pyenv interpreter).
//
// The check is skipped when those tools are missing, unless SECCOOP_REQUIRE_NETCDF_CHECK is
// set (CI sets it), in which case a missing tool fails the test.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "tests/sim/io/results_test_support.hpp"

namespace seccoop::sim::io {
namespace {

constexpr int kToolMissingExitCode = 77;  // the script's "cannot check here"

struct CommandResult {
  int exit_code = -1;
  std::string output;
};

CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) {
    return result;
  }
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr) {
    result.output += buffer.data();
  }
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string quoted(const std::string& text) { return "'" + text + "'"; }

TEST(NetcdfCompatibilityTest, XarrayAndNcdumpReadTheFileWithNamedDimensions) {
  testing::TemporaryDirectory directory;
  const std::filesystem::path path = directory.path() / "sample.h5";
  testing::write_sample_file(path);

  const std::string script = std::string(SECCOOP_SOURCE_DIR) + "/tests/python/check_netcdf.py";
  const CommandResult result =
      run_command("/usr/bin/python3 " + quoted(script) + " " + quoted(path.string()));
  if (result.exit_code == kToolMissingExitCode &&
      std::getenv("SECCOOP_REQUIRE_NETCDF_CHECK") == nullptr) {
    GTEST_SKIP() << "netCDF tools missing (set SECCOOP_REQUIRE_NETCDF_CHECK to fail instead):\n"
                 << result.output;
  }
  EXPECT_EQ(result.exit_code, 0) << result.output;
}

}  // namespace
}  // namespace seccoop::sim::io
