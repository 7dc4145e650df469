// Runs the `ordo` binary against a database created from the bundled data and checks its answers
// against the data files.

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "ingest/reference_readers.h"
#include "ingest/registry_readers.h"
#include "ordo_runner.h"

namespace ordo::testing {
namespace {

class OrdoCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new std::string(MakeTempDir() + "/ordo.db");
    ASSERT_NO_FATAL_FAILURE(InitDatabase(*db_));
  }
  static void TearDownTestSuite() { delete db_; }

  static RunResult Ordo(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", *db_});
    return RunOrdo(args);
  }

  static std::string* db_;
};

std::string* OrdoCliTest::db_ = nullptr;

TEST_F(OrdoCliTest, RelationsBeforeFebruary1992IncludeTurkeyTheUnitedStatesAndAustralia) {
  RunResult result = Ordo({"relations", "--before", "1992-02-01", "--format", "csv"});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("TUR,Türkiye,1992-01-29,yes"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("USA,United States,1991-12-27,yes"), std::string::npos);
  EXPECT_NE(result.out.find("AUS,Australia,1991-12-26,yes"), std::string::npos);
}

TEST_F(OrdoCliTest, RelationsJsonMatchesTheDataFileRowForRow) {
  RunResult result = Ordo({"relations", "--format", "json"});
  ingest::KnownCountries known;
  for (const Country& country :
       ingest::ReadIsoCodesCountries("/usr/share/iso-codes/json/iso_3166-1.json").rows) {
    known.insert(country.iso3);
  }
  auto expected = ingest::ReadRelations(ORDO_SOURCE_DIR "/data/diplomatic_relations.csv", known);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  nlohmann::json rows = nlohmann::json::parse(result.out);

  ASSERT_EQ(rows.size(), 185u);
  ASSERT_EQ(expected.rows.size(), 185u);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Relation& relation = expected.rows[i];
    EXPECT_EQ(rows[i]["iso3"], relation.iso3.str());
    EXPECT_EQ(rows[i]["country_name_en"], relation.country_name_en);
    EXPECT_EQ(rows[i]["date_established"], relation.established->ToString());
    EXPECT_EQ(rows[i]["source_url"], relation.source_url);
    EXPECT_EQ(rows[i]["notes"].is_null() ? "" : rows[i]["notes"].get<std::string>(), relation.notes);
    if (relation.table_rank) {
      EXPECT_EQ(rows[i]["table_rank"], *relation.table_rank);
    } else {
      EXPECT_TRUE(rows[i]["table_rank"].is_null());
    }
  }
}

TEST_F(OrdoCliTest, TurkeyProfileShowsThe2019TradeWithReporterAndSource) {
  RunResult result = Ordo({"country", "TUR"});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("519000000"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Turkish MFA"), std::string::npos);
  EXPECT_NE(result.out.find("https://en.wikipedia.org/wiki/Foreign_relations_of_Kyrgyzstan"),
            std::string::npos);
}

TEST_F(OrdoCliTest, CountryFoundByFormerName) {
  RunResult result = Ordo({"country", "Turkey", "--format", "json"});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  nlohmann::json profile = nlohmann::json::parse(result.out);
  EXPECT_EQ(profile["country"]["iso3"], "TUR");
  EXPECT_EQ(profile["country"]["relation_established"], "1992-01-29");
}

TEST_F(OrdoCliTest, OrgsShowTheMainMembershipsWithDates) {
  RunResult result = Ordo({"orgs", "--format", "json"});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  nlohmann::json rows = nlohmann::json::parse(result.out);
  std::map<std::string, std::string> joined;
  for (const auto& row : rows) {
    if (row["date_joined"].is_string()) joined[row["org_acronym"]] = row["date_joined"];
  }
  EXPECT_EQ(joined["UN"], "1992-03-02");
  EXPECT_EQ(joined["CIS"], "1991-12-21");
  EXPECT_EQ(joined["OSCE"], "1992-01-30");
  EXPECT_EQ(joined["CSTO"], "2002-10-07");
  EXPECT_EQ(joined["SCO"], "2001-06-15");
  EXPECT_EQ(joined["EAEU"], "2015-08-06");
}

TEST_F(OrdoCliTest, CoverageAgreesWithTheData) {
  RunResult result = Ordo({"coverage", "--format", "json"});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  nlohmann::json coverage = nlohmann::json::parse(result.out);
  EXPECT_EQ(coverage["summary"]["un_members"], 193);
  EXPECT_EQ(coverage["summary"]["with_relations"], 183);
  std::vector<std::string> without;
  for (const auto& row : coverage["without_relations"]) without.push_back(row["iso3"]);
  std::sort(without.begin(), without.end());
  EXPECT_EQ(without, (std::vector<std::string>{"BRB", "BTN", "COD", "COM", "HTI", "NER", "NGA",
                                               "TLS", "TTO"}));
}

TEST_F(OrdoCliTest, NamesComeInKyrgyzAndRussian) {
  RunResult kyrgyz = Ordo({"relations", "--lang", "ky", "--before", "1992-02-01"});
  RunResult russian = Ordo({"relations", "--lang", "ru", "--before", "1992-02-01"});

  ASSERT_EQ(kyrgyz.exit_code, 0) << kyrgyz.err;
  EXPECT_NE(kyrgyz.out.find("Түркия"), std::string::npos) << kyrgyz.out;
  EXPECT_NE(kyrgyz.out.find("Кытай"), std::string::npos);
  EXPECT_NE(russian.out.find("Турция"), std::string::npos) << russian.out;
  EXPECT_NE(russian.out.find("Австралия"), std::string::npos);
}

TEST_F(OrdoCliTest, TimelineCountsEveryRelation) {
  RunResult result = Ordo({"timeline", "--format", "json"});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  nlohmann::json years = nlohmann::json::parse(result.out);
  EXPECT_EQ(years.back()["cumulative"], 185);
}

TEST_F(OrdoCliTest, TradeConcentrationSaysWhichPartnersAreMissing) {
  RunResult result = Ordo({"trade", "concentration", "--year", "2023", "--format", "json"});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  nlohmann::json report = nlohmann::json::parse(result.out);
  EXPECT_EQ(report["summary"]["reporter"], "National Statistical Committee of Kyrgyzstan");
  EXPECT_FALSE(report["missing"].empty());
}

TEST_F(OrdoCliTest, FactsFilterByTopic) {
  RunResult result = Ordo({"facts", "--topic", "institution", "--format", "json"});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(nlohmann::json::parse(result.out).size(), 6u);
}

TEST_F(OrdoCliTest, MissingDatabaseFileIsAClearError) {
  RunResult result = RunOrdo({"--db", MakeTempDir() + "/absent.db", "relations"});

  EXPECT_EQ(result.exit_code, 3);
  EXPECT_NE(result.err.find("database file not found"), std::string::npos) << result.err;
}

TEST_F(OrdoCliTest, AFileThatIsNotADatabaseIsAClearError) {
  RunResult result = RunOrdo({"--db", ORDO_SOURCE_DIR "/data/trade.csv", "relations"});

  EXPECT_EQ(result.exit_code, 5) << result.err;
  EXPECT_NE(result.err.find("not an Ordo database"), std::string::npos) << result.err;
}

TEST_F(OrdoCliTest, BadFlagValuesAreUsageErrorsNamingTheFlag) {
  RunResult format = Ordo({"relations", "--format", "xml"});
  RunResult date = Ordo({"relations", "--before", "1992-02-30"});

  EXPECT_EQ(format.exit_code, 64);
  EXPECT_NE(format.err.find("--format"), std::string::npos) << format.err;
  EXPECT_EQ(date.exit_code, 2);
  EXPECT_NE(date.err.find("--before: invalid date '1992-02-30'"), std::string::npos) << date.err;
}

TEST_F(OrdoCliTest, DefaultDatabaseIsCreatedOnFirstUse) {
  const std::string home = MakeTempDir();

  RunResult result = RunOrdo({"summary"}, {"ORDO_DB=", "XDG_DATA_HOME=" + home});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("creating the default database at " + home + "/ordo/ordo.db"),
            std::string::npos) << result.err;
  EXPECT_NE(result.out.find("diplomatic_relations:"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace ordo::testing
