#include "ingest/diagnostic.h"

#include <gtest/gtest.h>

namespace ordo::ingest {
namespace {

TEST(DiagnosticTest, ShowsFileLineAndColumn) {
  const Diagnostic diagnostic{"data/x.csv", 12, 5, "iso3: missing value"};

  EXPECT_EQ(diagnostic.ToString(), "data/x.csv:12:5: iso3: missing value");
}

TEST(DiagnosticTest, LeavesOutAnUnknownColumn) {
  const Diagnostic diagnostic{"data/x.csv", 1, 0, "missing required column 'iso3'"};

  EXPECT_EQ(diagnostic.ToString(), "data/x.csv:1: missing required column 'iso3'");
}

TEST(DiagnosticTest, FileLevelProblemHasNoPosition) {
  const Diagnostic diagnostic{"data/x.csv", 0, 0, "cannot open file: No such file or directory"};

  EXPECT_EQ(diagnostic.ToString(), "data/x.csv: cannot open file: No such file or directory");
}

}  // namespace
}  // namespace ordo::ingest
