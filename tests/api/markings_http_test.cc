// The markings of API answers (issue #6, item 3; docs/compartments.md, "Markings of API answers")
// against the real `ordo serve` on a real SQLite file, over real sockets. Compartment `bk` holds
// made-up unmarked and secret records of one case, `osh` top-secret ones. Every answer over case
// data says the highest marking of the records that went into it, in its "marking" member and its
// Ordo-Marking header alike; a reader who does not see a compartment gets no trace of its marking.

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http_client.h"
#include "ordo_runner.h"
#include "ordo_server.h"

namespace ordo::testing {
namespace {

using Json = nlohmann::json;

struct MarkingTokens {
  std::string admin, bk_analyst, bk_viewer, nobody;
};
MarkingTokens marking_tokens;

void Import(const std::string& db, const std::string& ftm, const std::string& compartment,
            const std::string& case_id, const std::string& marking) {
  MustSucceed(
      RunOrdo({"--db", db, "import", "ftm", ftm, "--source", "made-up test case", "--case", case_id,
               "--compartment", compartment, "--marking", marking, "--synthetic"}));
}

void ImportSeizures(const std::string& db, const std::string& csv, const std::string& compartment,
                    const std::string& marking) {
  MustSucceed(RunOrdo(
      {"--db", db, "seizures", "import", csv, "--compartment", compartment, "--marking", marking}));
}

// bk: bk-p3 (secret), then bk-p1, bk-p2 and bk-p4 (unmarked) with family links p1-p2, p1-p3 and
// p4-p1 (unmarked), then a secret family link p2-p3; osh: two top-secret people. Seizures: S-BK2 (2023,
// secret), then S-BK1 (2024, unmarked) in bk, S-OSH (2024, top-secret) in osh. The secret records
// come first in import order, so that a marking taken from the last record instead of the
// highest shows.
void FillMarkings(const std::string& db) {
  const std::string dir = db.substr(0, db.rfind('/'));
  WriteFile(dir + "/bk_secret.ftm",
            R"({"id":"bk-p3","schema":"Person","properties":{"name":["Chyngyz Testov"]}})"
            "\n");
  WriteFile(
      dir + "/bk_open.ftm",
      R"({"id":"bk-p1","schema":"Person","properties":{"name":["Aibek Testov"]}})"
      "\n"
      R"({"id":"bk-p2","schema":"Person","properties":{"name":["Bakyt Testov"]}})"
      "\n"
      R"({"id":"bk-f1","schema":"Family","properties":{"person":["bk-p1"],"relative":["bk-p2"]}})"
      "\n"
      R"({"id":"bk-f2","schema":"Family","properties":{"person":["bk-p1"],"relative":["bk-p3"]}})"
      "\n"
      R"({"id":"bk-p4","schema":"Person","properties":{"name":["Daniyar Testov"]}})"
      "\n"
      R"({"id":"bk-f4","schema":"Family","properties":{"person":["bk-p4"],"relative":["bk-p1"]}})"
      "\n");
  WriteFile(
      dir + "/bk_secret_link.ftm",
      R"({"id":"bk-f3","schema":"Family","properties":{"person":["bk-p2"],"relative":["bk-p3"]}})"
      "\n");
  WriteFile(
      dir + "/osh.ftm",
      R"({"id":"osh-p1","schema":"Person","properties":{"name":["Asan Oshbekov"]}})"
      "\n"
      R"({"id":"osh-p2","schema":"Person","properties":{"name":["Ulan Oshbekov"]}})"
      "\n"
      R"({"id":"osh-f1","schema":"Family","properties":{"person":["osh-p1"],"relative":["osh-p2"]}})"
      "\n");
  Import(db, dir + "/bk_secret.ftm", "bk", "BK-1", "secret");
  Import(db, dir + "/bk_open.ftm", "bk", "BK-1", "unmarked");
  Import(db, dir + "/bk_secret_link.ftm", "bk", "BK-1", "secret");
  Import(db, dir + "/osh.ftm", "osh", "OSH-1", "top-secret");
  const std::string header =
      "seizure_id,date,place,lat,lon,country_iso3,drug,quantity,unit,synthetic,source,case_id,"
      "departure_iso3,destination_iso3\n";
  WriteFile(dir + "/bk_open.csv",
            header + "S-BK1,2024-03-01,Bishkek,42.87,74.59,KGZ,heroin,2,kg,true,,BK-1,TJK,RUS\n");
  WriteFile(dir + "/bk_secret.csv",
            header + "S-BK2,2023-05-01,Tokmok,42.84,75.30,KGZ,heroin,3,kg,true,,BK-1,TJK,KAZ\n");
  WriteFile(dir + "/osh.csv",
            header + "S-OSH,2024-04-01,Osh,40.51,72.80,KGZ,heroin,5,kg,true,,OSH-1,TJK,RUS\n");
  ImportSeizures(db, dir + "/bk_secret.csv", "bk", "secret");
  ImportSeizures(db, dir + "/bk_open.csv", "bk", "unmarked");
  ImportSeizures(db, dir + "/osh.csv", "osh", "top-secret");
  marking_tokens.admin = AddUserWithToken(db, "adam", "admin", {});
  marking_tokens.bk_analyst = AddUserWithToken(db, "ana", "analyst", {"bk"});
  marking_tokens.bk_viewer = AddUserWithToken(db, "vic", "viewer", {"bk"});
  marking_tokens.nobody = AddUserWithToken(db, "nell", "viewer", {});
}

class MarkingsHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new OrdoServer({}, FillMarkings); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static HttpReply As(const std::string& token, const std::string& method,
                      const std::string& target, const std::string& body = "") {
    return RequestWithToken(server_->port(), token, method, target, body);
  }

  // The answer's marking after checking that it is a 200 whose header and body agree.
  static std::string MarkingOf(const std::string& token, const std::string& target) {
    const HttpReply reply = As(token, "GET", target);
    EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
    const std::string header = reply.Header("ordo-marking");
    if (reply.Header("content-type").rfind("application/json", 0) == 0) {
      const Json body = Json::parse(reply.body, nullptr, false);
      EXPECT_TRUE(body.is_object()) << target;
      if (body.is_object()) {
        EXPECT_EQ(body.value("marking", std::string("(none)")), header) << target;
      }
    }
    return header;
  }

  static OrdoServer* server_;
};

OrdoServer* MarkingsHttpTest::server_ = nullptr;

TEST_F(MarkingsHttpTest, AnAnswerOverUnmarkedRecordsIsUnmarked) {
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/graph/expand?seed=bk-p4&hops=1"),
            "unmarked");
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/graph/path?from=bk-p1&to=bk-p2"),
            "unmarked");
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/graph/entities/bk-p2"), "unmarked");
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/graph/search?q=Bakyt"), "unmarked");
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/narcotics/seizures?from=2024"),
            "unmarked");
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/narcotics/bulletin?period=2024"),
            "unmarked");
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/narcotics/trends?from=2024"), "unmarked");
}

TEST_F(MarkingsHttpTest, AnAnswerTouchingOneSecretRecordIsSecret) {
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/graph/expand?seed=bk-p1&hops=1"),
            "secret");
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/graph/expand?seed=bk-p2&hops=2"),
            "secret");
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/graph/path?from=bk-p2&to=bk-p3"),
            "secret");
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/graph/search?q=Testov"), "secret");
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/graph/summary"), "secret");
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/narcotics/seizures"), "secret");
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/narcotics/stats"), "secret");
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/narcotics/bulletin?period=2023"),
            "secret");
  EXPECT_EQ(
      MarkingOf(marking_tokens.bk_analyst, "/api/v1/narcotics/bulletin?period=2023&format=csv"),
      "secret");
  // The records of the answer carry their own marking and compartment.
  const Json expanded = Json::parse(
      As(marking_tokens.bk_analyst, "GET", "/api/v1/graph/expand?seed=bk-p2&hops=1").body);
  ASSERT_EQ(expanded["nodes"].size(), 3u) << expanded.dump();
  ASSERT_EQ(expanded["links"].size(), 2u) << expanded.dump();
  for (const Json& node : expanded["nodes"]) {
    EXPECT_EQ(node["compartment"], "bk");
    EXPECT_EQ(node["marking"], node["id"] == "bk-p3" ? "secret" : "unmarked") << node.dump();
  }
  for (const Json& link : expanded["links"]) {
    EXPECT_EQ(link["marking"], link["id"] == "bk-f3" ? "secret" : "unmarked") << link.dump();
  }
  const Json seizures =
      Json::parse(As(marking_tokens.bk_analyst, "GET", "/api/v1/narcotics/seizures").body);
  ASSERT_EQ(seizures["items"].size(), 2u) << seizures.dump();
  for (const Json& seizure : seizures["items"]) {
    EXPECT_EQ(seizure["compartment"], "bk");
    EXPECT_EQ(seizure["marking"], seizure["seizure_id"] == "S-BK2" ? "secret" : "unmarked");
  }
}

// The higher records of a compartment a reader does not see leave no trace in the marking.
TEST_F(MarkingsHttpTest, AReaderIsToldOnlyTheMarkingOfWhatItSees) {
  EXPECT_EQ(MarkingOf(marking_tokens.admin, "/api/v1/graph/summary"), "top-secret");
  EXPECT_EQ(MarkingOf(marking_tokens.admin, "/api/v1/narcotics/seizures"), "top-secret");
  EXPECT_EQ(MarkingOf(marking_tokens.admin, "/api/v1/narcotics/bulletin?period=2024&format=html"),
            "top-secret");
  EXPECT_EQ(MarkingOf(marking_tokens.admin, "/api/v1/graph/expand?seed=bk-p1"), "secret");
  for (const std::string* token : {&marking_tokens.bk_viewer, &marking_tokens.bk_analyst}) {
    EXPECT_EQ(MarkingOf(*token, "/api/v1/graph/summary"), "secret");
    EXPECT_EQ(MarkingOf(*token, "/api/v1/graph/central"), "secret");
    EXPECT_EQ(MarkingOf(*token, "/api/v1/narcotics/seizures"), "secret");
    EXPECT_EQ(MarkingOf(*token, "/api/v1/narcotics/seizures?from=2024"), "unmarked");
    EXPECT_EQ(MarkingOf(*token, "/api/v1/narcotics/bulletin?period=2024&format=html"),
              "unmarked");
    EXPECT_EQ(MarkingOf(*token, "/api/v1/narcotics/hotspots?cell_km=50&band_km=100&from=2024"),
              "unmarked");
    EXPECT_EQ(MarkingOf(*token, "/api/v1/narcotics/routes?from=2024"), "unmarked");
  }
  EXPECT_EQ(MarkingOf(marking_tokens.nobody, "/api/v1/graph/summary"), "unmarked");
  EXPECT_EQ(MarkingOf(marking_tokens.nobody, "/api/v1/narcotics/stats"), "unmarked");
}

// Every case-data route, for every reader, twice interleaved (so that the cache would carry an
// answer across): a 200 has the header, the JSON body the same marking, never above what the
// reader sees.
TEST_F(MarkingsHttpTest, EveryCaseDataAnswerCarriesItsMarkingInHeaderAndBody) {
  const std::vector<std::string> targets = {
      "/api/v1/narcotics/seizures",
      "/api/v1/narcotics/stats",
      "/api/v1/narcotics/trends",
      "/api/v1/narcotics/hotspots?cell_km=50&band_km=100",
      "/api/v1/narcotics/routes",
      "/api/v1/narcotics/routes?compare=2023,2024",
      "/api/v1/narcotics/interdiction",
      "/api/v1/narcotics/bulletin?period=2024",
      "/api/v1/narcotics/bulletin?period=2023..2024&format=csv",
      "/api/v1/narcotics/bulletin?period=2024&format=html",
      "/api/v1/graph/summary",
      "/api/v1/graph/central",
      "/api/v1/graph/jobs",
      "/api/v1/graph/search?q=ov",
      "/api/v1/graph/duplicates?min_score=0.1",
      "/api/v1/graph/merges",
  };
  struct Reader {
    std::string name;
    const std::string* token;
    std::vector<std::string> allowed;
  };
  const Reader readers[] = {
      {"admin", &marking_tokens.admin, {"unmarked", "secret", "top-secret"}},
      {"analyst of bk", &marking_tokens.bk_analyst, {"unmarked", "secret"}},
      {"viewer of bk", &marking_tokens.bk_viewer, {"unmarked", "secret"}},
      {"viewer of nothing", &marking_tokens.nobody, {"unmarked"}},
  };
  for (int round = 0; round < 2; ++round) {
    for (const Reader& reader : readers) {
      for (const std::string& target : targets) {
        SCOPED_TRACE(reader.name + " " + target);
        const HttpReply reply = As(*reader.token, "GET", target);
        if (reply.status != 200) {
          // No answer to give (a 409 of a bulletin mixing nothing): no marking either.
          EXPECT_EQ(reply.Header("ordo-marking"), "") << reply.body;
          continue;
        }
        const std::string header = reply.Header("ordo-marking");
        EXPECT_NE(std::find(reader.allowed.begin(), reader.allowed.end(), header),
                  reader.allowed.end())
            << "marking '" << header << "'";
        if (reply.Header("content-type").rfind("application/json", 0) == 0) {
          EXPECT_EQ(Json::parse(reply.body).value("marking", std::string("(none)")), header);
        }
      }
    }
  }
}

// A job's answer carries its graph's marking once done; its status before holds no record.
TEST_F(MarkingsHttpTest, AJobCarriesTheMarkingOfTheGraphItRanOn) {
  const HttpReply submitted =
      As(marking_tokens.bk_analyst, "POST", "/api/v1/graph/jobs", R"({"kind":"pagerank"})");
  ASSERT_EQ(submitted.status, 202) << submitted.body;
  EXPECT_EQ(submitted.Header("ordo-marking"), Json::parse(submitted.body)["marking"]);
  const std::string id = Json::parse(submitted.body)["id"];
  Json job;
  for (int i = 0; i < 200; ++i) {
    job = Json::parse(As(marking_tokens.bk_analyst, "GET", "/api/v1/graph/jobs/" + id).body);
    if (job["state"] == "done") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(job["state"], "done") << job.dump();
  EXPECT_EQ(job["marking"], "secret");
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/graph/jobs/" + id), "secret");
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/graph/jobs/" + id + "/values?ids=bk-p2"),
            "secret");
  EXPECT_EQ(MarkingOf(marking_tokens.bk_analyst, "/api/v1/graph/jobs"), "secret");
}

// Errors and the public registry carry no marking: a denied entity answers as a missing one.
TEST_F(MarkingsHttpTest, ErrorsAndTheRegistryCarryNoMarking) {
  const HttpReply denied = As(marking_tokens.bk_analyst, "GET", "/api/v1/graph/entities/osh-p1");
  const HttpReply missing = As(marking_tokens.bk_analyst, "GET", "/api/v1/graph/entities/non-p1");
  EXPECT_EQ(denied.status, 404);
  EXPECT_EQ(denied.Header("ordo-marking"), "");
  EXPECT_EQ(denied.headers, missing.headers);
  const HttpReply countries = As(marking_tokens.bk_viewer, "GET", "/api/v1/countries");
  EXPECT_EQ(countries.status, 200);
  EXPECT_EQ(countries.Header("ordo-marking"), "");
  EXPECT_FALSE(Json::parse(countries.body).contains("marking"));
}

}  // namespace
}  // namespace ordo::testing
