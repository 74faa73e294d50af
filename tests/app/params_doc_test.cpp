// docs/MODEL.md reproduces the parameter table `seccoop params --markdown` prints, so the
// documentation cannot drift from the defaults the program uses.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/support/command.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::testing {
namespace {

TEST(ParamsDoc, ModelDocumentationHoldsTheTableTheProgramPrints) {
  const auto result = run_seccoop("params --markdown");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  std::ifstream doc(source_dir() / "docs/MODEL.md");
  std::stringstream text;
  text << doc.rdbuf();
  EXPECT_NE(text.str().find(result.output), std::string::npos)
      << "regenerate the table in docs/MODEL.md with: seccoop params --markdown";
}

}  // namespace
}  // namespace seccoop::testing
