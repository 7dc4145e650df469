// The authorization matrix of case data (issue #6, item 3; docs/compartments.md) against the real
// `ordo serve` on a real SQLite file holding two compartments of made-up data, over real sockets:
// every case-data route, for an admin, an analyst and a viewer granted one compartment, another
// granted the other, and one granted none. No answer holds an id or name of a compartment not
// granted; a denied object answers exactly as a missing one; the response cache does not carry an
// answer from one reader to another; a job is its owner's only; a revoke or a disable counts from
// the next request.

#include <fstream>
#include <string>
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

// What each compartment holds (made-up people and seizures); a reader of the other must never see
// any of these strings.
const std::vector<std::string> kOshMarks = {"osh-p1", "osh-p2", "Oshbekov", "OSH-1", "S-OSH"};
const std::vector<std::string> kChuyMarks = {"chuy-p1", "chuy-p2", "Chuyev", "CHUY-1", "S-CHUY"};

struct CompartmentTokens {
  std::string admin, osh_analyst, osh_viewer, chuy_analyst, nobody;
};
CompartmentTokens compartment_tokens;

void FillCompartments(const std::string& db) {
  const std::string dir = db.substr(0, db.rfind('/'));
  WriteFile(
      dir + "/osh.ftm",
      R"({"id":"osh-p1","schema":"Person","properties":{"name":["Asan Oshbekov"],"phone":["+996555000111"]}})"
      "\n"
      R"({"id":"osh-p2","schema":"Person","properties":{"name":["Ulan Oshbekov"]}})"
      "\n"
      R"({"id":"osh-f1","schema":"Family","properties":{"person":["osh-p1"],"relative":["osh-p2"]}})"
      "\n");
  WriteFile(
      dir + "/chuy.ftm",
      R"({"id":"chuy-p1","schema":"Person","properties":{"name":["Bakyt Chuyev"],"phone":["+996555000111"]}})"
      "\n"
      R"({"id":"chuy-p2","schema":"Person","properties":{"name":["Nurlan Chuyev"]}})"
      "\n"
      R"({"id":"chuy-f1","schema":"Family","properties":{"person":["chuy-p1"],"relative":["chuy-p2"]}})"
      "\n");
  const std::string header =
      "seizure_id,date,place,lat,lon,country_iso3,drug,quantity,unit,synthetic,source,case_id,"
      "departure_iso3,destination_iso3\n";
  WriteFile(dir + "/osh.csv",
            header + "S-OSH,2024-03-01,Osh,40.51,72.80,KGZ,heroin,2,kg,true,,OSH-1,TJK,RUS\n");
  WriteFile(dir + "/chuy.csv",
            header + "S-CHUY,2024-04-01,Tokmok,42.84,75.30,KGZ,heroin,3,kg,true,,CHUY-1,KAZ,RUS\n");
  for (const auto& [name, marking] :
       std::vector<std::pair<std::string, std::string>>{{"osh", "secret"}, {"chuy", "unmarked"}}) {
    const std::string case_id = name == "osh" ? "OSH-1" : "CHUY-1";
    MustSucceed(RunOrdo({"--db", db, "import", "ftm", dir + "/" + name + ".ftm", "--source",
                         "made-up test case", "--case", case_id, "--compartment", name, "--marking",
                         marking, "--synthetic"}));
    MustSucceed(RunOrdo({"--db", db, "seizures", "import", dir + "/" + name + ".csv",
                         "--compartment", name, "--marking", marking}));
  }
  compartment_tokens.admin = AddUserWithToken(db, "adam", "admin", {});
  compartment_tokens.osh_analyst = AddUserWithToken(db, "ana", "analyst", {"osh"});
  compartment_tokens.osh_viewer = AddUserWithToken(db, "vic", "viewer", {"osh"});
  compartment_tokens.chuy_analyst = AddUserWithToken(db, "bob", "analyst", {"chuy"});
  compartment_tokens.nobody = AddUserWithToken(db, "nell", "viewer", {});
}

class CompartmentsHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new OrdoServer({}, FillCompartments); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static HttpReply As(const std::string& token, const std::string& method,
                      const std::string& target, const std::string& body = "") {
    return RequestWithToken(server_->port(), token, method, target, body);
  }
  static HttpReply Get(const std::string& token, const std::string& target) {
    return As(token, "GET", target);
  }

  static OrdoServer* server_;
};

OrdoServer* CompartmentsHttpTest::server_ = nullptr;

// Every case-data GET route, with the ids of both compartments in its parameters where it takes
// some, so that a leak through a parameter would show too.
std::vector<std::string> CaseDataTargets() {
  std::vector<std::string> targets = {
      "/api/v1/narcotics/seizures",
      "/api/v1/narcotics/stats",
      "/api/v1/narcotics/trends",
      "/api/v1/narcotics/hotspots?cell_km=50&band_km=100",
      "/api/v1/narcotics/routes",
      "/api/v1/narcotics/interdiction",
      "/api/v1/narcotics/bulletin?period=2024",
      "/api/v1/narcotics/bulletin?period=2024&format=csv",
      "/api/v1/narcotics/bulletin?period=2024&format=html",
      "/api/v1/graph/summary",
      "/api/v1/graph/central",
      "/api/v1/graph/jobs",
      "/api/v1/graph/duplicates?min_score=0.1",
      "/api/v1/graph/merges",
  };
  for (const std::string id : {"osh-p1", "chuy-p1"}) {
    targets.push_back("/api/v1/graph/entities/" + id);
    targets.push_back("/api/v1/graph/expand?seed=" + id + "&hops=3");
    targets.push_back("/api/v1/graph/search?q=" + std::string(id == "osh-p1" ? "Oshbekov" : "Chuyev"));
    targets.push_back("/api/v1/graph/search?q=" + std::string(id));
  }
  targets.push_back("/api/v1/graph/path?from=osh-p1&to=osh-p2");
  targets.push_back("/api/v1/graph/path?from=chuy-p1&to=chuy-p2");
  targets.push_back("/api/v1/graph/path?from=osh-p1&to=chuy-p1");
  return targets;
}

void ExpectNone(const std::string& who, const std::string& target, const HttpReply& reply,
                const std::vector<std::string>& marks) {
  for (const std::string& mark : marks) {
    EXPECT_EQ(reply.body.find(mark), std::string::npos)
        << who << " " << target << " shows '" << mark << "': " << reply.body.substr(0, 400);
  }
}

TEST_F(CompartmentsHttpTest, NoRouteShowsAnythingOfACompartmentNotGranted) {
  struct Reader {
    std::string name;
    const std::string* token;
    std::vector<std::string> unseen;
  };
  std::vector<std::string> both = kOshMarks;
  both.insert(both.end(), kChuyMarks.begin(), kChuyMarks.end());
  const Reader readers[] = {{"analyst of osh", &compartment_tokens.osh_analyst, kChuyMarks},
                            {"viewer of osh", &compartment_tokens.osh_viewer, kChuyMarks},
                            {"analyst of chuy", &compartment_tokens.chuy_analyst, kOshMarks},
                            {"viewer of nothing", &compartment_tokens.nobody, both}};
  // Each reader twice, interleaved, so that an answer cached for one would reach the next.
  for (int round = 0; round < 2; ++round) {
    for (const Reader& reader : readers) {
      for (const std::string& target : CaseDataTargets()) {
        const HttpReply reply = Get(*reader.token, target);
        EXPECT_NE(reply.status, 401) << reader.name << " " << target;
        EXPECT_NE(reply.status, 500) << reader.name << " " << target << ": " << reply.body;
        // The ids in the target echo in a 404's detail; nothing else of the other compartment may.
        if (reply.status == 404) continue;
        ExpectNone(reader.name, target, reply, reader.unseen);
      }
    }
  }
}

TEST_F(CompartmentsHttpTest, GrantedReadersAndAdminsSeeWhatIsTheirs) {
  const Json osh =
      Json::parse(Get(compartment_tokens.osh_viewer, "/api/v1/graph/entities/osh-p1").body);
  const HttpReply seizures = Get(compartment_tokens.osh_analyst, "/api/v1/narcotics/seizures");
  const HttpReply admin_seizures = Get(compartment_tokens.admin, "/api/v1/narcotics/seizures");
  const HttpReply chuy =
      Get(compartment_tokens.chuy_analyst, "/api/v1/graph/expand?seed=chuy-p1&hops=2");
  const HttpReply admin_path =
      Get(compartment_tokens.admin, "/api/v1/graph/path?from=osh-p1&to=osh-p2");
  const HttpReply osh_bulletin =
      Get(compartment_tokens.osh_analyst, "/api/v1/narcotics/bulletin?period=2024&format=csv");

  EXPECT_EQ(osh["id"], "osh-p1");
  EXPECT_NE(seizures.body.find("S-OSH"), std::string::npos) << seizures.body;
  EXPECT_NE(admin_seizures.body.find("S-OSH"), std::string::npos);
  EXPECT_NE(admin_seizures.body.find("S-CHUY"), std::string::npos);
  EXPECT_EQ(chuy.status, 200) << chuy.body;
  EXPECT_NE(chuy.body.find("chuy-p2"), std::string::npos);
  EXPECT_EQ(admin_path.status, 200) << admin_path.body;
  EXPECT_NE(osh_bulletin.body.find("2024,true,secret,total,"), std::string::npos)
      << osh_bulletin.body;
}

// A denied entity answers the bytes a missing one does, but for the id it echoes.
TEST_F(CompartmentsHttpTest, DeniedIsNotFoundByteForByte) {
  struct Pair {
    std::string denied;
    std::string missing;  // same length, never stored
  };
  const std::vector<Pair> pairs = {
      {"/api/v1/graph/entities/chuy-p1", "/api/v1/graph/entities/none-p1"},
      {"/api/v1/graph/expand?seed=chuy-p1", "/api/v1/graph/expand?seed=none-p1"},
      {"/api/v1/graph/path?from=osh-p1&to=chuy-p1", "/api/v1/graph/path?from=osh-p1&to=none-p1"},
  };
  for (const Pair& pair : pairs) {
    const HttpReply denied = Get(compartment_tokens.osh_analyst, pair.denied);
    const HttpReply missing = Get(compartment_tokens.osh_analyst, pair.missing);
    std::string body = denied.body;
    for (std::size_t at = body.find("chuy-p1"); at != std::string::npos; at = body.find("chuy-p1")) {
      body.replace(at, 7, "none-p1");
    }
    EXPECT_EQ(denied.status, 404) << pair.denied << ": " << denied.body;
    EXPECT_EQ(denied.status, missing.status) << pair.denied;
    EXPECT_EQ(denied.headers, missing.headers) << pair.denied;
    EXPECT_EQ(body, missing.body) << pair.denied;
  }
}

TEST_F(CompartmentsHttpTest, AJobIsItsOwnersOnly) {
  const HttpReply submitted =
      As(compartment_tokens.osh_analyst, "POST", "/api/v1/graph/jobs", R"({"kind":"pagerank"})");
  ASSERT_EQ(submitted.status, 202) << submitted.body;
  const std::string id = Json::parse(submitted.body)["id"];
  const std::string missing_id = std::string(id.size(), id[0] == 'z' ? 'y' : 'z');

  const HttpReply own = Get(compartment_tokens.osh_analyst, "/api/v1/graph/jobs/" + id);
  const HttpReply other = Get(compartment_tokens.osh_viewer, "/api/v1/graph/jobs/" + id);
  const HttpReply missing = Get(compartment_tokens.osh_viewer, "/api/v1/graph/jobs/" + missing_id);
  const HttpReply other_list = Get(compartment_tokens.chuy_analyst, "/api/v1/graph/jobs");
  const HttpReply other_cancel =
      As(compartment_tokens.chuy_analyst, "DELETE", "/api/v1/graph/jobs/" + id);
  const HttpReply still = Get(compartment_tokens.osh_analyst, "/api/v1/graph/jobs/" + id);

  EXPECT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(other.status, 404);
  std::string other_body = other.body;
  other_body.replace(other_body.find(id), id.size(), missing_id);
  EXPECT_EQ(other_body, missing.body);
  EXPECT_EQ(other_list.body.find(id), std::string::npos) << other_list.body;
  EXPECT_EQ(other_cancel.status, 404);
  EXPECT_NE(Json::parse(still.body)["state"], "cancelled") << still.body;
}

TEST_F(CompartmentsHttpTest, ARevokeOrADisableCountsFromTheNextRequest) {
  const std::string db = server_->db_path();
  ASSERT_EQ(Get(compartment_tokens.chuy_analyst, "/api/v1/graph/entities/chuy-p2").status, 200);
  ASSERT_EQ(Get(compartment_tokens.nobody, "/api/v1/graph/summary").status, 200);
  // A job computed on chuy's graph: its result holds chuy's entities.
  const HttpReply submitted =
      As(compartment_tokens.chuy_analyst, "POST", "/api/v1/graph/jobs", R"({"kind":"kcore"})");
  ASSERT_EQ(submitted.status, 202) << submitted.body;
  const std::string job =
      "/api/v1/graph/jobs/" + Json::parse(submitted.body)["id"].get<std::string>();

  MustSucceed(RunOrdo({"--db", db, "user", "revoke", "bob", "chuy"}));
  const HttpReply revoked = Get(compartment_tokens.chuy_analyst, "/api/v1/graph/entities/chuy-p2");
  const HttpReply revoked_list = Get(compartment_tokens.chuy_analyst, "/api/v1/narcotics/seizures");
  const HttpReply revoked_job = Get(compartment_tokens.chuy_analyst, job);
  const HttpReply revoked_jobs = Get(compartment_tokens.chuy_analyst, "/api/v1/graph/jobs");
  MustSucceed(RunOrdo({"--db", db, "user", "disable", "nell"}));
  const HttpReply disabled = Get(compartment_tokens.nobody, "/api/v1/graph/summary");
  MustSucceed(RunOrdo({"--db", db, "user", "grant", "bob", "chuy"}));
  const HttpReply granted_again =
      Get(compartment_tokens.chuy_analyst, "/api/v1/graph/entities/chuy-p2");
  const HttpReply job_again = Get(compartment_tokens.chuy_analyst, job);

  EXPECT_EQ(revoked.status, 404) << revoked.body;
  EXPECT_EQ(revoked_list.body.find("S-CHUY"), std::string::npos) << revoked_list.body;
  EXPECT_EQ(disabled.status, 401) << disabled.body;
  EXPECT_EQ(granted_again.status, 200) << granted_again.body;
  EXPECT_EQ(revoked_job.status, 404) << revoked_job.body;
  EXPECT_EQ(revoked_jobs.body.find(job.substr(job.rfind('/') + 1)), std::string::npos)
      << revoked_jobs.body;
  EXPECT_EQ(job_again.status, 200) << job_again.body;
}

}  // namespace
}  // namespace ordo::testing
