#include "analytics/bulletin.h"

#include <gtest/gtest.h>

#include <sstream>

#include "analytics/bulletin_export.h"
#include "analytics/testing/route_fixture.h"

namespace ordo::analytics {
namespace {

class BulletinTest : public testing::RouteTest {
 protected:
  static Seizure Row(std::string id, std::string date, Drug drug, std::optional<double> kg,
                     std::string case_id, std::string agency) {
    Seizure seizure =
        Routed(std::move(id), std::move(date), {}, kg.value_or(0), std::move(case_id));
    seizure.drug = drug;
    seizure.quantity_kg = kg;
    seizure.agency = std::move(agency);
    seizure.departure = CountryCode::Parse("TJK").value();
    seizure.destination = CountryCode::Parse("RUS").value();
    seizure.conveyance = "truck";
    return seizure;
  }
};

TEST_F(BulletinTest, CountsByDrugRouteConveyanceAndAgencyWithinThePeriod) {
  Seizure other_route = Row("S4", "2024-05-01", Drug::kHeroin, 1, "", "Customs");
  other_route.destination.reset();
  other_route.conveyance.clear();
  ASSERT_TRUE(
      seizures_
          .AppendSeizures({Row("S1", "2024-02-01", Drug::kHeroin, 10, "C1", "SBNON"),
                           Row("S2", "2024-02-01", Drug::kHeroin, 30, "C1", "SBNON"),
                           Row("S3", "2024-03-01", Drug::kOpium, std::nullopt, "", "SBNON"),
                           other_route, Row("S5", "2023-12-31", Drug::kHeroin, 99, "", "SBNON")})
          .has_value());

  Result<Bulletin> bulletin = ComputeBulletin(seizures_, {}, ParsePeriod("2024").value());

  ASSERT_TRUE(bulletin.has_value()) << bulletin.error().ToString();
  EXPECT_EQ(bulletin->total.seizures, 4u);  // S5 is outside the period
  EXPECT_EQ(bulletin->total.cases, 3u);     // C1, S3, S4
  EXPECT_DOUBLE_EQ(bulletin->total.kg, 41);
  EXPECT_EQ(bulletin->total.without_kg, 1u);
  EXPECT_EQ(bulletin->total.largest_id, "S2");
  ASSERT_EQ(bulletin->by_drug.size(), 2u);
  EXPECT_EQ(bulletin->by_drug[0].drug, Drug::kHeroin);
  EXPECT_EQ(bulletin->by_drug[0].tally.seizures, 3u);
  ASSERT_EQ(bulletin->by_route.size(), 3u);
  EXPECT_EQ(bulletin->by_route[0].departure, "TJK");
  EXPECT_EQ(bulletin->by_route[0].destination, "RUS");
  EXPECT_EQ(bulletin->by_route[0].tally.seizures, 2u);
  ASSERT_EQ(bulletin->by_conveyance.size(), 2u);
  EXPECT_EQ(bulletin->by_conveyance[0].group, "truck");
  EXPECT_EQ(bulletin->by_conveyance[1].group, "unknown");
  EXPECT_EQ(bulletin->by_agency[0].group, "SBNON");
  EXPECT_FALSE(bulletin->synthetic);
}

TEST_F(BulletinTest, RealAndSyntheticRecordsNeverShareABulletin) {
  Seizure synthetic = Row("S2", "2024-02-01", Drug::kHeroin, 1, "", "");
  synthetic.synthetic = true;
  ASSERT_TRUE(
      seizures_.AppendSeizures({Row("S1", "2024-02-01", Drug::kHeroin, 1, "", ""), synthetic})
          .has_value());

  Result<Bulletin> bulletin = ComputeBulletin(seizures_, {}, ParsePeriod("2024").value());

  ASSERT_FALSE(bulletin.has_value());
  EXPECT_EQ(bulletin.error().code(), ErrorCode::kFailedPrecondition);
}

TEST_F(BulletinTest, CsvNeutralisesFormulasAndHtmlEscapesText) {
  ASSERT_TRUE(seizures_
                  .AppendSeizures({Row("S1", "2024-02-01", Drug::kHeroin, 2.5, "",
                                       "=HYPERLINK(\"http://x\",\"<b>\")")})
                  .has_value());
  Result<Bulletin> bulletin = ComputeBulletin(seizures_, {}, ParsePeriod("2024").value());
  ASSERT_TRUE(bulletin.has_value());

  std::ostringstream csv;
  WriteBulletinCsv(*bulletin, csv);
  std::ostringstream html;
  WriteBulletinHtml(*bulletin, html);

  EXPECT_NE(csv.str().find("2024,false,unmarked,total,,,,,1,1,2.500,0,2.500,S1\r\n"),
            std::string::npos)
      << csv.str();
  EXPECT_NE(csv.str().find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"<b>\"\")\","), std::string::npos)
      << csv.str();
  EXPECT_EQ(html.str().find("<b>"), std::string::npos);
  EXPECT_NE(html.str().find("=HYPERLINK(&quot;http://x&quot;,&quot;&lt;b&gt;&quot;)"),
            std::string::npos);
  EXPECT_EQ(html.str().find("SYNTHETIC"), std::string::npos);
}

TEST_F(BulletinTest, ASyntheticBulletinSaysSoOnThePage) {
  Seizure synthetic = Row("S1", "2024-02-01", Drug::kHeroin, 1, "", "");
  synthetic.synthetic = true;
  ASSERT_TRUE(seizures_.AppendSeizures({synthetic}).has_value());
  Result<Bulletin> bulletin = ComputeBulletin(seizures_, {}, ParsePeriod("2024").value());
  ASSERT_TRUE(bulletin.has_value());

  std::ostringstream html;
  WriteBulletinHtml(*bulletin, html);
  std::ostringstream csv;
  WriteBulletinCsv(*bulletin, csv);

  EXPECT_NE(html.str().find("SYNTHETIC DATA"), std::string::npos);
  EXPECT_NE(csv.str().find("2024,true,unmarked,total"), std::string::npos);
}

TEST_F(BulletinTest, ABulletinCarriesTheHighestMarkingOfItsRecordsAndOnlyVisibleOnes) {
  Seizure official = Row("S1", "2024-02-01", Drug::kHeroin, 1, "", "");
  official.marking = Marking::kOfficialUse;
  Seizure secret = Row("S2", "2024-03-01", Drug::kHeroin, 2, "", "");
  secret.marking = Marking::kSecret;
  secret.compartment = "osh";
  ASSERT_TRUE(seizures_.AppendSeizures({official, secret}));
  storage::SeizureFilter general_only;
  general_only.visibility = Visibility::Only({"general"});

  Result<Bulletin> every = ComputeBulletin(seizures_, {}, ParsePeriod("2024").value());
  Result<Bulletin> general = ComputeBulletin(seizures_, general_only, ParsePeriod("2024").value());

  ASSERT_TRUE(every && general);
  EXPECT_EQ(every->marking, Marking::kSecret);
  EXPECT_EQ(every->total.seizures, 2u);
  EXPECT_EQ(general->marking, Marking::kOfficialUse);
  EXPECT_EQ(general->total.seizures, 1u);
  std::ostringstream csv;
  WriteBulletinCsv(*general, csv);
  std::ostringstream html;
  WriteBulletinHtml(*every, html);
  EXPECT_NE(csv.str().find("\r\n2024,false,official-use,total,"), std::string::npos) << csv.str();
  EXPECT_EQ(csv.str().find("S2"), std::string::npos);
  EXPECT_NE(html.str().find("<p class=marking>Marking: secret / секретно / жашыруун</p>"),
            std::string::npos);
}

}  // namespace
}  // namespace ordo::analytics
