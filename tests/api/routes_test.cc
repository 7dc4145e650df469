// Every route of docs/api/README.md answers 200 with the documented shape, from the real server
// on a database built from the bundled data.

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http_client.h"
#include "ordo_server.h"

namespace ordo::testing {
namespace {

using Json = nlohmann::json;
using Keys = std::set<std::string>;

const Keys kCountryKeys = {"iso3",    "iso2",   "name",      "name_en",  "name_ru",
                           "name_ky", "region", "subregion", "un_member"};
const Keys kRelationKeys = {"iso3",
                            "name",
                            "date_established",
                            "precision",
                            "match",
                            "region",
                            "subregion",
                            "source_url",
                            "notes",
                            "table_rank",
                            "country_name_en",
                            "table_cited_source_url",
                            "wikitext_copy_url"};
const Keys kTradeFlowKeys = {"partner_iso3", "partner", "year",     "flow",       "value_usd",
                             "bound",        "period",  "reporter", "source_url", "notes"};
const Keys kMembershipKeys = {"org_acronym", "org_name",   "date_joined",
                              "role",        "source_url", "notes"};
const Keys kFactKeys = {"fact_id", "topic", "statement",  "year", "quantity",
                        "unit",    "place", "source_url", "notes"};
const Keys kPlaceKeys = {"name", "kind", "country_iso3", "lat", "lon", "source_url", "notes"};
const Keys kPageKeys = {"items", "page", "page_size", "total"};

Keys KeysOf(const Json& object) {
  Keys keys;
  for (const auto& [key, value] : object.items()) keys.insert(key);
  return keys;
}

// Checks a paged answer and every item's keys; returns the items.
Json ExpectPage(const Json& page, const Keys& item_keys) {
  EXPECT_EQ(KeysOf(page), kPageKeys);
  for (const Json& item : page["items"]) EXPECT_EQ(KeysOf(item), item_keys) << item.dump();
  return page["items"];
}

class ApiRoutesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new OrdoServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static Json Get(const std::string& target) {
    HttpReply reply = Fetch(server_->port(), target);
    EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
    EXPECT_EQ(reply.Header("content-type"), "application/json") << target;
    Json document = Json::parse(reply.body, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(document.is_discarded()) << target;
    return document;
  }

  static OrdoServer* server_;
};

OrdoServer* ApiRoutesTest::server_ = nullptr;

TEST_F(ApiRoutesTest, HealthIsOk) {
  const Json health = Get("/api/v1/health");

  EXPECT_EQ(health["status"], "ok");
  EXPECT_TRUE(health["graph_builds"].is_number_unsigned()) << health.dump();
}

TEST_F(ApiRoutesTest, SummaryCountsTheRegistry) {
  Json summary = Get("/api/v1/summary");

  EXPECT_EQ(KeysOf(summary),
            Keys({"countries", "relations", "un_members", "un_members_with_relations",
                  "memberships", "trade_flows", "drug_facts", "places"}));
  EXPECT_EQ(summary["countries"], 249);
  EXPECT_EQ(summary["relations"], 185);
  EXPECT_EQ(summary["un_members"], 193);
}

TEST_F(ApiRoutesTest, CountriesAreAPagedListOfCountries) {
  Json page = Get("/api/v1/countries");

  ExpectPage(page, kCountryKeys);
  EXPECT_EQ(page["total"], 249);
  EXPECT_EQ(page["page"], 1);
  EXPECT_EQ(page["page_size"], 50);
  EXPECT_EQ(page["items"].size(), 50u);
}

TEST_F(ApiRoutesTest, CountrySearchMatchesAnyNameAndRegion) {
  Json by_russian = Get("/api/v1/countries?q=%D0%A2%D1%83%D1%80%D1%86%D0%B8%D1%8F");  // Турция
  Json central_asia = Get("/api/v1/countries?region=Central+Asia");

  ASSERT_EQ(by_russian["total"], 1);
  EXPECT_EQ(by_russian["items"][0]["iso3"], "TUR");
  EXPECT_EQ(central_asia["total"], 5);
}

TEST_F(ApiRoutesTest, TurkeysProfileKeepsTheTurkishMfaFigureWithItsSource) {
  Json profile = Get("/api/v1/countries/TUR");

  EXPECT_EQ(KeysOf(profile),
            Keys({"country", "relation", "missing_relation", "shared_organizations", "trade",
                  "drug_facts", "places", "neighbours"}));
  EXPECT_EQ(KeysOf(profile["country"]), kCountryKeys);
  EXPECT_EQ(KeysOf(profile["relation"]),
            Keys({"date_established", "precision", "source_url", "notes"}));
  EXPECT_TRUE(profile["missing_relation"].is_null());
  for (const Json& flow : profile["trade"]) EXPECT_EQ(KeysOf(flow), kTradeFlowKeys);
  for (const Json& fact : profile["drug_facts"]) EXPECT_EQ(KeysOf(fact), kFactKeys);
  for (const Json& shared : profile["shared_organizations"]) {
    EXPECT_EQ(KeysOf(shared), Keys({"org_acronym", "org_name", "kyrgyzstan_joined",
                                    "kyrgyzstan_role", "partner_role", "source_url"}));
  }
  for (const Json& neighbour : profile["neighbours"])
    EXPECT_EQ(KeysOf(neighbour), Keys({"iso3", "name"}));
  bool found = false;
  for (const Json& flow : profile["trade"]) {
    if (flow["year"] == 2019 && flow["flow"] == "total") {
      found = true;
      EXPECT_EQ(flow["value_usd"], 519000000);
      EXPECT_EQ(flow["reporter"], "Turkish MFA");
      EXPECT_EQ(flow["period"], "full year");
      EXPECT_EQ(flow["source_url"],
                "https://en.wikipedia.org/wiki/Foreign_relations_of_Kyrgyzstan");
    }
  }
  EXPECT_TRUE(found) << profile["trade"].dump();
}

TEST_F(ApiRoutesTest, KyrgyzNamesComeWithLangKy) {
  Json profile = Get("/api/v1/countries/TUR?lang=ky");

  EXPECT_EQ(profile["country"]["name"], "Түркия");
  EXPECT_EQ(profile["country"]["name_en"], "Türkiye");
}

TEST_F(ApiRoutesTest, ProfileFindsACountryByIso2OrByName) {
  EXPECT_EQ(Get("/api/v1/countries/TR")["country"]["iso3"], "TUR");
  EXPECT_EQ(Get("/api/v1/countries/Turkey")["country"]["iso3"], "TUR");
  EXPECT_EQ(Get("/api/v1/countries/%D0%A2%D1%83%D1%80%D1%86%D0%B8%D1%8F")["country"]["iso3"],
            "TUR");
}

TEST_F(ApiRoutesTest, RelationsArePagedOverAll185) {
  std::set<std::string> seen;
  for (int page = 1; page <= 4; ++page) {
    Json answer = Get("/api/v1/relations?page_size=50&page=" + std::to_string(page));
    Json items = ExpectPage(answer, kRelationKeys);
    EXPECT_EQ(answer["total"], 185);
    EXPECT_EQ(items.size(), page < 4 ? 50u : 35u);
    for (const Json& item : items) seen.insert(item["iso3"]);
  }
  EXPECT_EQ(seen.size(), 185u);
  EXPECT_TRUE(Get("/api/v1/relations?page=5")["items"].empty());
}

TEST_F(ApiRoutesTest, RelationsFilterByDateAndCertainty) {
  Json before = Get("/api/v1/relations?before=1992-02-01&page_size=500");
  Json certain = Get("/api/v1/relations?before=1992-02-01&certain_only=true&page_size=500");

  EXPECT_GT(before["total"], 0);
  EXPECT_LT(before["total"], 185);
  for (const Json& item : certain["items"]) EXPECT_EQ(item["match"], "yes");
}

TEST_F(ApiRoutesTest, TimelineCountsRelationsPerYear) {
  Json timeline = Get("/api/v1/timeline");

  EXPECT_EQ(KeysOf(timeline), Keys({"years", "undated"}));
  ASSERT_FALSE(timeline["years"].empty());
  EXPECT_EQ(KeysOf(timeline["years"][0]),
            Keys({"year", "established", "year_only_dates", "cumulative", "countries"}));
  EXPECT_EQ(timeline["years"].back()["cumulative"].get<int>() + timeline["undated"].get<int>(),
            185);
}

TEST_F(ApiRoutesTest, CoverageListsUnMembersWithoutRelations) {
  Json coverage = Get("/api/v1/coverage");

  EXPECT_EQ(KeysOf(coverage), Keys({"un_members", "with_relations", "without_relations",
                                    "non_members_with_relations", "inconsistencies"}));
  ASSERT_FALSE(coverage["without_relations"].empty());
  EXPECT_EQ(KeysOf(coverage["without_relations"][0]),
            Keys({"iso3", "name", "status", "basis", "later_established", "source_url", "notes"}));
  EXPECT_EQ(KeysOf(coverage["non_members_with_relations"][0]), Keys({"iso3", "name"}));
}

TEST_F(ApiRoutesTest, OrganizationsAndOneOrganization) {
  Json page = Get("/api/v1/organizations");
  Json csto = Get("/api/v1/organizations/csto");

  ExpectPage(page, kMembershipKeys);
  EXPECT_EQ(page["total"], 24);
  EXPECT_EQ(KeysOf(csto), Keys({"membership", "members"}));
  EXPECT_EQ(csto["membership"]["org_acronym"], "CSTO");
  for (const Json& member : csto["members"]) {
    EXPECT_EQ(KeysOf(member), Keys({"iso3", "name", "role", "source_url", "notes"}));
  }
}

TEST_F(ApiRoutesTest, TradeIsListedByReporterAndFiltered) {
  Json all = Get("/api/v1/trade?page_size=500");
  Json turkey_2019 = Get("/api/v1/trade?partner=TUR&year=2019");

  ExpectPage(all, kTradeFlowKeys);
  EXPECT_EQ(all["total"], 74);
  EXPECT_EQ(turkey_2019["total"], 3);
}

TEST_F(ApiRoutesTest, ConcentrationUsesOneReporter) {
  Json report = Get("/api/v1/trade/concentration?year=2019");
  Json latest = Get("/api/v1/trade/concentration");

  const Keys keys = {"year",
                     "flow",
                     "reporter",
                     "partners",
                     "covered_total_usd",
                     "hhi",
                     "includes_lower_bounds",
                     "missing",
                     "other_reporters",
                     "notes"};
  EXPECT_EQ(KeysOf(report), keys);
  EXPECT_EQ(KeysOf(latest), keys);
  for (const Json& partner : report["partners"]) {
    EXPECT_EQ(KeysOf(partner),
              Keys({"partner_iso3", "partner", "value_usd", "share", "bound", "source_url"}));
  }
  for (const Json& missing : report["missing"]) {
    EXPECT_EQ(KeysOf(missing), Keys({"partner_iso3", "partner", "reason"}));
  }
}

TEST_F(ApiRoutesTest, BalanceSumsWithinOneReporterAndBloc) {
  Json balance = Get("/api/v1/trade/balance");

  EXPECT_EQ(KeysOf(balance), Keys({"blocs", "series"}));
  std::map<std::string, std::set<std::string>> members;
  for (const Json& bloc : balance["blocs"]) {
    EXPECT_EQ(KeysOf(bloc), Keys({"id", "name", "members"}));
    for (const Json& code : bloc["members"]) members[bloc["id"]].insert(code);
  }
  ASSERT_FALSE(balance["series"].empty());
  for (const Json& point : balance["series"]) {
    EXPECT_EQ(KeysOf(point),
              Keys({"year", "bloc", "reporter", "value_usd", "partners", "includes_lower_bounds"}));
    for (const Json& code : point["partners"]) EXPECT_EQ(members[point["bloc"]].count(code), 1u);
  }
}

TEST_F(ApiRoutesTest, FactsAndPlaces) {
  Json facts = Get("/api/v1/facts?page_size=500");
  Json transit = Get("/api/v1/facts?topic=transit");
  Json places = Get("/api/v1/places");

  ExpectPage(facts, kFactKeys);
  EXPECT_EQ(facts["total"], 82);
  for (const Json& fact : transit["items"]) EXPECT_EQ(fact["topic"], "transit");
  ExpectPage(places, kPlaceKeys);
  EXPECT_EQ(places["total"], 12);
}

TEST_F(ApiRoutesTest, OpenApiDocumentIsServedAsWritten) {
  HttpReply reply = Fetch(server_->port(), "/api/v1/openapi.json");
  std::ifstream file(ORDO_SOURCE_DIR "/docs/api/openapi.json");
  std::stringstream written;
  written << file.rdbuf();

  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, written.str());
}

TEST_F(ApiRoutesTest, HeadGivesTheLengthWithoutTheBody) {
  HttpReply get = Fetch(server_->port(), "/api/v1/summary");
  HttpReply head = Fetch(server_->port(), "/api/v1/summary", "HEAD");

  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.Header("content-length"), std::to_string(get.body.size()));
  EXPECT_TRUE(head.body.empty());
}

}  // namespace
}  // namespace ordo::testing
