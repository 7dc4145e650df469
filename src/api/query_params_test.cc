#include "api/query_params.h"

#include <gtest/gtest.h>

namespace ordo::api {
namespace {

const std::vector<ParamSpec> kSpecs = {
    {"q", ParamKind::kText, 0, 0, {}, ""},
    {"page", ParamKind::kInteger, 1, 1000, {}, ""},
    {"before", ParamKind::kDate, 0, 0, {}, ""},
    {"certain_only", ParamKind::kBoolean, 0, 0, {}, ""},
    {"lang", ParamKind::kLanguage, 0, 0, {}, ""},
    {"flow", ParamKind::kChoice, 0, 0, {"total", "export"}, ""},
    {"cell_km", ParamKind::kNumber, 0, 0, {}, "", 0.5, 1000},
    {"seed", ParamKind::kText, 0, 0, {}, "", 0, 0, /*repeatable=*/true},
};

QueryParams Parsed(std::string_view query) {
  auto parsed = QueryParams::Parse(query, kSpecs);
  if (const auto* problem = std::get_if<QueryProblem>(&parsed)) {
    ADD_FAILURE() << query << ": " << problem->parameter << ": " << problem->message;
    return {};
  }
  return std::get<QueryParams>(parsed);
}

QueryProblem Problem(std::string_view query) {
  auto parsed = QueryParams::Parse(query, kSpecs);
  if (const auto* problem = std::get_if<QueryProblem>(&parsed)) return *problem;
  ADD_FAILURE() << query << " was accepted";
  return {};
}

TEST(QueryParamsTest, ValuesArePercentDecodedWithPlusAsSpace) {
  QueryParams params = Parsed("q=Kyrgyz+Republic%21&lang=ky");

  EXPECT_EQ(params.Text("q"), "Kyrgyz Republic!");
  EXPECT_EQ(params.Lang("lang"), Language::kKyrgyz);
}

TEST(QueryParamsTest, TypedValuesAreReadBack) {
  QueryParams params = Parsed("page=3&before=1992-02&certain_only=true&flow=export");

  EXPECT_EQ(params.Integer("page", 1), 3);
  EXPECT_EQ(params.Date("before")->ToString(), "1992-02");
  EXPECT_TRUE(params.Flag("certain_only"));
  EXPECT_EQ(params.Text("flow"), "export");
}

TEST(QueryParamsTest, EmptyValuesAndEmptyPiecesCountAsAbsent) {
  QueryParams params = Parsed("q=&&page=&before");

  EXPECT_FALSE(params.Has("q"));
  EXPECT_EQ(params.Integer("page", 7), 7);
  EXPECT_FALSE(params.Date("before").has_value());
  EXPECT_EQ(params.Lang("lang"), Language::kEnglish);
}

TEST(QueryParamsTest, UnknownParameterIsNamed) {
  QueryProblem problem = Problem("q=x&colour=red");

  EXPECT_EQ(problem.parameter, "colour");
  EXPECT_NE(problem.message.find("this route takes: q, page"), std::string::npos);
}

TEST(QueryParamsTest, RepeatedParameterIsRejected) {
  EXPECT_EQ(Problem("page=1&page=2").parameter, "page");
  EXPECT_EQ(Problem("page=&page=2").parameter, "page");
}

TEST(QueryParamsTest, RepeatableParameterKeepsEveryValueInOrder) {
  QueryParams params = Parsed("seed=b&q=x&seed=a&seed=&seed=c");

  EXPECT_EQ(params.Text("seed"), "b");
  EXPECT_EQ(params.All("seed"), (std::vector<std::string>{"b", "a", "c"}));
  EXPECT_EQ(params.All("q"), (std::vector<std::string>{"x"}));
  EXPECT_TRUE(params.All("page").empty());
  // Order matters for a repeatable parameter, so the cache key keeps it.
  EXPECT_NE(params.Normalized(), Parsed("seed=a&seed=b&seed=c&q=x").Normalized());
  EXPECT_EQ(params.Normalized(), Parsed("q=x&seed=b&seed=a&seed=c").Normalized());
}

TEST(QueryParamsTest, RepeatableParameterIsBounded) {
  std::string query;
  for (std::size_t i = 0; i <= kMaxParamRepeats; ++i) query += "seed=s" + std::to_string(i) + "&";
  QueryProblem problem = Problem(query);

  EXPECT_EQ(problem.parameter, "seed");
  EXPECT_NE(problem.message.find("more than 100 times"), std::string::npos);
}

TEST(QueryParamsTest, BadEscapesAndNulAreRejectedNamingTheParameter) {
  EXPECT_EQ(Problem("q=%zz").parameter, "q");
  EXPECT_EQ(Problem("q=a%00b").parameter, "q");
  EXPECT_EQ(Problem("q=%FF").parameter, "q");
}

TEST(QueryParamsTest, ValuesOverOneKibibyteAreRejected) {
  EXPECT_TRUE(std::holds_alternative<QueryParams>(
      QueryParams::Parse("q=" + std::string(kMaxParamValueBytes, 'a'), kSpecs)));
  EXPECT_EQ(Problem("q=" + std::string(kMaxParamValueBytes + 1, 'a')).parameter, "q");
}

TEST(QueryParamsTest, IntegersMustBeWellFormedAndInRange) {
  for (const char* query : {"page=0", "page=1001", "page=-1", "page=1.5", "page=+3", "page=0x10",
                            "page=99999999999999999999999", "page=-", "page=1e3", "page= 1"}) {
    EXPECT_EQ(Problem(query).parameter, "page") << query;
  }
}

TEST(QueryParamsTest, NumbersArePlainDecimals) {
  EXPECT_DOUBLE_EQ(Parsed("cell_km=2.5").Number("cell_km", 10), 2.5);
  EXPECT_DOUBLE_EQ(Parsed("cell_km=1000").Number("cell_km", 10), 1000);
  EXPECT_DOUBLE_EQ(Parsed("").Number("cell_km", 10), 10);
}

TEST(QueryParamsTest, NumbersMustBeWellFormedAndInRange) {
  for (const char* query : {"cell_km=0.4", "cell_km=1000.5", "cell_km=-1", "cell_km=1e2",
                            "cell_km=inf", "cell_km=nan", "cell_km=.5", "cell_km=5.", "cell_km=1.2.3",
                            "cell_km=0x10", "cell_km=+2", "cell_km=2km", "cell_km=-"}) {
    EXPECT_EQ(Problem(query).parameter, "cell_km") << query;
  }
}

TEST(QueryParamsTest, DatesThatDoNotExistAreRejected) {
  QueryProblem problem = Problem("before=1992-02-30");

  EXPECT_EQ(problem.parameter, "before");
  EXPECT_FALSE(problem.message.empty());
  EXPECT_EQ(Problem("before=yesterday").parameter, "before");
}

TEST(QueryParamsTest, LanguagesBooleansAndChoicesComeFromClosedLists) {
  EXPECT_EQ(Problem("lang=de").parameter, "lang");
  EXPECT_EQ(Problem("certain_only=yes").parameter, "certain_only");
  EXPECT_EQ(Problem("flow=transit").parameter, "flow");
}

TEST(QueryParamsTest, NormalizedFormIgnoresOrderAndEscaping) {
  EXPECT_EQ(Parsed("q=a%20b&page=2").Normalized(), Parsed("page=2&q=a+b").Normalized());
  EXPECT_NE(Parsed("q=a&page=2").Normalized(), Parsed("q=a&page=3").Normalized());
}

}  // namespace
}  // namespace ordo::api
