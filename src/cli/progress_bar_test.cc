#include "cli/progress_bar.h"

#include <gtest/gtest.h>

#include <sstream>

namespace ordo::cli {
namespace {

using std::chrono::milliseconds;

// A clock the test moves by hand.
struct FakeClock {
  ProgressBar::Clock::time_point now{};
  ProgressBar::Now Function() {
    return [this] { return now; };
  }
};

TEST(ProgressBarTest, ShowsBytesOfTheFileRowsAndRate) {
  FakeClock clock;
  std::ostringstream out;
  ProgressBar bar(out, "import", {3 * 1024 * 1024, std::nullopt}, clock.Function());

  const std::string line = bar.Line(12000, 1536 * 1024, milliseconds(500));

  EXPECT_EQ(line, "import: 1.5 MiB of 3.0 MiB (50%), 12000 rows, 24000 rows/s");
}

TEST(ProgressBarTest, ShowsRowsOfAKnownTotalWithoutBytes) {
  FakeClock clock;
  std::ostringstream out;
  ProgressBar bar(out, "simulate", {std::nullopt, 1000}, clock.Function());

  EXPECT_EQ(bar.Line(250, std::nullopt, milliseconds(1000)),
            "simulate: 250 of 1000 (25%) rows, 250 rows/s");
}

TEST(ProgressBarTest, RedrawsAtMostTenTimesASecondAndEndsWithANewline) {
  FakeClock clock;
  std::ostringstream out;
  ProgressBar bar(out, "x", {}, clock.Function());

  clock.now += milliseconds(1000);
  bar.Update(10);
  clock.now += milliseconds(50);
  bar.Update(20);  // too soon: not drawn
  clock.now += milliseconds(50);
  bar.Update(30);
  bar.Finish(40);
  bar.Finish(50);  // already finished: nothing

  EXPECT_EQ(out.str(), "\rx: 10 rows, 10 rows/s\rx: 30 rows, 27 rows/s\rx: 40 rows, 36 rows/s\n");
}

TEST(ProgressBarTest, AShorterLineCoversTheRestOfTheLongerOne) {
  FakeClock clock;
  std::ostringstream out;
  ProgressBar bar(out, "x", {}, clock.Function());

  bar.Update(1000);
  bar.Finish(5);

  EXPECT_EQ(out.str(), "\rx: 1000 rows\rx: 5 rows   \n");
}

TEST(ProgressBarTest, QuietWinsAndProgressForcesTheBarOn) {
  std::ostringstream not_a_terminal;

  EXPECT_FALSE(ShouldShowProgress({true, true}, not_a_terminal));
  EXPECT_TRUE(ShouldShowProgress({true, false}, not_a_terminal));
  EXPECT_FALSE(ShouldShowProgress({false, false}, not_a_terminal));
}

}  // namespace
}  // namespace ordo::cli
