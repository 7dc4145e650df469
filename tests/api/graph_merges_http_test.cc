// Candidate duplicates and merges through the API (/api/v1/graph/duplicates, /api/v1/graph/merges;
// docs/names.md) against the real `ordo serve` on a real SQLite file, over real sockets: the
// made-up case file of the CLI's dedupe test in compartment `general`, and two made-up namesakes in
// `osh`. Who may merge (analyst, admin; not a viewer), what a reader of another compartment sees
// (nothing: an entity or a merge of it answers as a missing one), that the very next request serves
// the merged graph, that a cookie session needs its CSRF token, that each write is audited, and
// that bad bodies and parameters are 400 naming the field.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "http_client.h"
#include "ordo_runner.h"
#include "ordo_server.h"

namespace ordo::testing {
namespace {

using Json = nlohmann::json;
using Headers = std::vector<std::pair<std::string, std::string>>;

struct MergeTokens {
  std::string analyst, viewer, osh_analyst;
};
MergeTokens merge_tokens;

void FillMergeCase(const std::string& db) {
  const std::string dir = db.substr(0, db.rfind('/'));
  RunResult general =
      RunOrdo({"--db", db, "import", "ftm", ORDO_SOURCE_DIR "/tests/integration/ftm/names.ftm",
               "--source", "made-up test case", "--synthetic"});
  ASSERT_EQ(general.exit_code, 0) << general.err;
  std::ofstream(dir + "/osh.ftm")
      << R"({"id":"osh-p1","schema":"Person","properties":{"name":["Asan Oshbekov"]}})"
         "\n"
      << R"({"id":"osh-p2","schema":"Person","properties":{"name":["Асан Ошбеков"]}})"
         "\n";
  RunResult osh =
      RunOrdo({"--db", db, "import", "ftm", dir + "/osh.ftm", "--source", "made-up test case",
               "--case", "OSH-1", "--compartment", "osh", "--marking", "secret", "--synthetic"});
  ASSERT_EQ(osh.exit_code, 0) << osh.err;
  merge_tokens.analyst = AddUserWithToken(db, "ana", "analyst", {"general"});
  merge_tokens.viewer = AddUserWithToken(db, "vic", "viewer", {"general"});
  merge_tokens.osh_analyst = AddUserWithToken(db, "oleg", "analyst", {"osh"});
}

class GraphMergesHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new OrdoServer({}, FillMergeCase); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // As the account of `token` ("" for the admin "tester").
  static HttpReply As(const std::string& token, const std::string& method,
                      const std::string& target, const std::string& body = "",
                      Headers headers = {}) {
    HttpConnection connection(server_->port(), Credentials::kNone);
    if (headers.empty()) {
      headers.emplace_back("Authorization", "Bearer " + (token.empty() ? server_->token() : token));
    }
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    std::optional<HttpReply> reply = connection.Request(method, target, headers, body);
    EXPECT_TRUE(reply.has_value()) << method << " " << target;
    return reply.value_or(HttpReply{});
  }
  static Json JsonOf(const HttpReply& reply) { return Json::parse(reply.body, nullptr, false); }
  static std::int64_t Entities(const std::string& token = "") {
    return JsonOf(As(token, "GET", "/api/v1/graph/summary"))["entities"].get<std::int64_t>();
  }

  static OrdoServer* server_;
};

OrdoServer* GraphMergesHttpTest::server_ = nullptr;

TEST_F(GraphMergesHttpTest, DuplicatesAreTheClisWithScoreAndExplanation) {
  const HttpReply people =
      As(merge_tokens.analyst, "GET", "/api/v1/graph/duplicates?type=person&min_score=0.5");
  const HttpReply apart =
      As(merge_tokens.analyst, "GET",
         "/api/v1/graph/duplicates?type=person&min_score=0.5&cross_script=false");

  ASSERT_EQ(people.status, 200) << people.body;
  const Json found = JsonOf(people);
  ASSERT_EQ(found["candidates"].size(), 2u) << people.body;
  EXPECT_EQ(found["candidates"][0]["first"]["id"], "p1");
  EXPECT_EQ(found["candidates"][0]["second"]["id"], "p2");
  EXPECT_EQ(found["candidates"][0]["score"], 1.0);
  EXPECT_EQ(found["candidates"][0]["explanation"],
            "surname Садыров ~ Sadyrov via ru-Latin (same after romanisation); given name "
            "Өмүрбек ~ Omurbek via ky-Latin (same after romanisation); patronymic Асанович on "
            "one side only (not counted); same phone 0555 12-34-56 = +996 555 123 456");
  EXPECT_EQ(found["candidates"][1]["second"]["id"], "p4");
  EXPECT_EQ(found["candidates"][1]["score"], 0.9);
  EXPECT_EQ(found["cross_script"], true);
  ASSERT_EQ(apart.status, 200) << apart.body;
  EXPECT_EQ(JsonOf(apart)["cross_script"], false);
  EXPECT_EQ(JsonOf(apart)["candidates"][1]["score"], 0.6) << apart.body;
  EXPECT_NE(apart.body.find("cross-script matching is off"), std::string::npos) << apart.body;
}

TEST_F(GraphMergesHttpTest, AnAnalystMergesTheNextRequestSeesItAndUnmergeRestoresIt) {
  const std::int64_t before = Entities(merge_tokens.analyst);
  const HttpReply expand_before = As(merge_tokens.analyst, "GET", "/api/v1/graph/expand?seed=p1");

  const HttpReply merged = As(merge_tokens.analyst, "POST", "/api/v1/graph/merges",
                              R"({"kept": "p1", "merged": ["p2"], "note": "same phone"})");
  // At once, within the server's one-second check: the route tells the server the data changed.
  const std::int64_t after = Entities(merge_tokens.analyst);
  const HttpReply expand = As(merge_tokens.analyst, "GET", "/api/v1/graph/expand?seed=p2");
  const HttpReply list = As(merge_tokens.analyst, "GET", "/api/v1/graph/merges");
  const HttpReply dedupe =
      As(merge_tokens.analyst, "GET", "/api/v1/graph/duplicates?type=person&min_score=0.5");

  ASSERT_EQ(merged.status, 201) << merged.body;
  const Json merge = JsonOf(merged);
  EXPECT_EQ(merge["merge_id"], 1);
  EXPECT_EQ(merge["kept"], "p1");
  EXPECT_EQ(merge["merged"], Json::array({"p2"}));
  EXPECT_EQ(merge["note"], "same phone");
  EXPECT_EQ(merge["merged_by"], "ana");
  EXPECT_EQ(merge["in_force"], true);
  EXPECT_TRUE(merge["undone_at"].is_null());
  EXPECT_EQ(merged.Header("location"), "/api/v1/graph/merges/1");
  EXPECT_EQ(merge["marking"], "unmarked");
  EXPECT_EQ(merged.Header("ordo-marking"), "unmarked");
  EXPECT_EQ(after, before - 1);
  ASSERT_EQ(expand.status, 200) << expand.body;
  EXPECT_EQ(JsonOf(expand)["nodes"][0]["id"], "p1");
  EXPECT_EQ(JsonOf(expand)["nodes"][0]["merged_ids"], Json::array({"p2"}));
  EXPECT_EQ(JsonOf(expand_before)["nodes"][0]["merged_ids"], Json::array());
  Json entry = merge;
  entry.erase("marking");  // the list's answer carries one for all
  EXPECT_EQ(JsonOf(list)["merges"], Json::array({entry}));
  EXPECT_EQ(JsonOf(list)["in_force"], 1);
  EXPECT_EQ(JsonOf(dedupe)["candidates"].size(), 1u) << dedupe.body;  // p1/p2 not offered again

  const HttpReply undone = As(merge_tokens.analyst, "DELETE", "/api/v1/graph/merges/1");
  const HttpReply again = As(merge_tokens.analyst, "DELETE", "/api/v1/graph/merges/1");

  ASSERT_EQ(undone.status, 200) << undone.body;
  EXPECT_EQ(JsonOf(undone)["in_force"], false);
  EXPECT_EQ(JsonOf(undone)["undone_by"], "ana");
  EXPECT_EQ(Entities(merge_tokens.analyst), before);
  EXPECT_EQ(As(merge_tokens.analyst, "GET", "/api/v1/graph/expand?seed=p1").body,
            expand_before.body);
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(JsonOf(As("", "GET", "/api/v1/graph/merges/1"))["undone_by"], "ana");
}

TEST_F(GraphMergesHttpTest, AViewerMayNotMergeOrUnmerge) {
  const HttpReply merge = As(merge_tokens.viewer, "POST", "/api/v1/graph/merges",
                             R"({"kept": "p1", "merged": ["p2"]})");
  ASSERT_EQ(As(merge_tokens.analyst, "POST", "/api/v1/graph/merges",
               R"({"kept": "p1", "merged": ["p2"]})")
                .status,
            201);
  const HttpReply unmerge = As(merge_tokens.viewer, "DELETE", "/api/v1/graph/merges/1");
  const HttpReply list = As(merge_tokens.viewer, "GET", "/api/v1/graph/merges");

  EXPECT_EQ(merge.status, 403) << merge.body;
  EXPECT_EQ(unmerge.status, 403) << unmerge.body;
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(JsonOf(list)["total"], 1);  // the analyst's; the viewer's made none
  EXPECT_EQ(JsonOf(list)["merges"][0]["in_force"], true);
}

TEST_F(GraphMergesHttpTest, AnotherCompartmentsEntitiesAndMergesAnswerAsMissing) {
  ASSERT_EQ(As(merge_tokens.analyst, "POST", "/api/v1/graph/merges",
               R"({"kept": "p1", "merged": ["p2"]})")
                .status,
            201);

  const HttpReply theirs = As(merge_tokens.osh_analyst, "POST", "/api/v1/graph/merges",
                              R"({"kept": "p1", "merged": ["p3"]})");
  const HttpReply nobody = As(merge_tokens.osh_analyst, "POST", "/api/v1/graph/merges",
                              R"({"kept": "p9", "merged": ["p3"]})");
  const HttpReply into_theirs = As(merge_tokens.osh_analyst, "POST", "/api/v1/graph/merges",
                                   R"({"kept": "osh-p1", "merged": ["p3"]})");
  const HttpReply show = As(merge_tokens.osh_analyst, "GET", "/api/v1/graph/merges/1");
  const HttpReply show_missing = As(merge_tokens.osh_analyst, "GET", "/api/v1/graph/merges/77");
  const HttpReply undo = As(merge_tokens.osh_analyst, "DELETE", "/api/v1/graph/merges/1");
  const HttpReply list = As(merge_tokens.osh_analyst, "GET", "/api/v1/graph/merges");
  const HttpReply dedupe =
      As(merge_tokens.osh_analyst, "GET", "/api/v1/graph/duplicates?min_score=0.5");

  EXPECT_EQ(theirs.status, 404) << theirs.body;
  EXPECT_EQ(JsonOf(theirs)["parameter"], "kept");
  std::string renamed = nobody.body;
  renamed.replace(renamed.find("p9"), 2, "p1");
  EXPECT_EQ(theirs.body, renamed);  // denied is missing, byte for byte but for the id
  EXPECT_EQ(into_theirs.status, 404) << into_theirs.body;
  EXPECT_EQ(JsonOf(into_theirs)["parameter"], "merged");
  EXPECT_EQ(show.status, 404);
  std::string shown = show_missing.body;
  shown.replace(shown.find("77"), 2, "1");
  EXPECT_EQ(show.body, shown);
  EXPECT_EQ(undo.status, 404);
  EXPECT_EQ(JsonOf(list)["merges"], Json::array());
  ASSERT_EQ(dedupe.status, 200) << dedupe.body;
  ASSERT_EQ(JsonOf(dedupe)["candidates"].size(), 1u) << dedupe.body;
  EXPECT_EQ(JsonOf(dedupe)["candidates"][0]["first"]["id"], "osh-p1");
  for (const std::string mark : {"\"p1\"", "\"p2\"", "Садыров", "Sadyrov"}) {
    EXPECT_EQ(dedupe.body.find(mark), std::string::npos) << mark << ": " << dedupe.body;
  }
  // The merge of `general` did not reach osh's graph, nor osh's merge general's.
  const HttpReply osh_merge = As(merge_tokens.osh_analyst, "POST", "/api/v1/graph/merges",
                                 R"({"kept": "osh-p1", "merged": ["osh-p2"]})");
  ASSERT_EQ(osh_merge.status, 201) << osh_merge.body;
  // Its answer names secret entities: it is secret, as are the list and the candidates.
  EXPECT_EQ(JsonOf(osh_merge)["marking"], "secret");
  EXPECT_EQ(osh_merge.Header("ordo-marking"), "secret");
  EXPECT_EQ(JsonOf(As(merge_tokens.osh_analyst, "GET", "/api/v1/graph/merges"))["marking"],
            "secret");
  EXPECT_EQ(JsonOf(dedupe)["marking"], "secret");
  EXPECT_EQ(Entities(merge_tokens.osh_analyst), 1);
  EXPECT_EQ(JsonOf(As(merge_tokens.analyst, "GET", "/api/v1/graph/merges"))["total"], 1);
}

TEST_F(GraphMergesHttpTest, BadBodiesAndParametersNameTheField) {
  struct Case {
    std::string body;
    int status;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"", 400, "body"},
      {"not json", 400, "body"},
      {"[1]", 400, "body"},
      {R"({"merged": ["p2"]})", 400, "kept"},
      {R"({"kept": 7, "merged": ["p2"]})", 400, "kept"},
      {R"({"kept": "p1"})", 400, "merged"},
      {R"({"kept": "p1", "merged": "p2"})", 400, "merged"},
      {R"({"kept": "p1", "merged": []})", 400, "merged"},
      {R"({"kept": "p1", "merged": ["p2"], "note": 3})", 400, "note"},
      {R"({"kept": "p1", "merged": ["p2"], "by": "someone"})", 400, "by"},
      {R"({"kept": "p1", "merged": ["p2"], "kept": "p3"})", 400, "kept"},
      {R"({"kept": "p1", "merged": ["p1"]})", 400, "merged"},
      {R"({"kept": "p1", "merged": ["o1"]})", 400, "merged"},
  };
  for (const Case& bad : cases) {
    const HttpReply reply =
        As(merge_tokens.analyst, "POST", "/api/v1/graph/merges", bad.body,
           bad.body.empty() ? Headers{{"Authorization", "Bearer " + merge_tokens.analyst},
                                      {"Content-Type", "application/json"}}
                            : Headers{});
    EXPECT_EQ(reply.status, bad.status) << bad.body << ": " << reply.body;
    EXPECT_EQ(JsonOf(reply)["parameter"], bad.field) << bad.body << ": " << reply.body;
  }
  ASSERT_EQ(As(merge_tokens.analyst, "POST", "/api/v1/graph/merges",
               R"({"kept": "p1", "merged": ["p2"]})")
                .status,
            201);
  const HttpReply twice = As(merge_tokens.analyst, "POST", "/api/v1/graph/merges",
                             R"({"kept": "p3", "merged": ["p2"]})");
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_EQ(JsonOf(twice)["parameter"], "merged");
  EXPECT_EQ(JsonOf(As("", "GET", "/api/v1/graph/merges"))["total"], 1);  // nothing else written
  for (const auto& [query, parameter] :
       std::vector<std::pair<std::string, std::string>>{{"min_score=2", "min_score"},
                                                        {"type=ship", "type"},
                                                        {"cross_script=maybe", "cross_script"},
                                                        {"limit=-1", "limit"},
                                                        {"max_block=1", "max_block"}}) {
    const HttpReply reply = As("", "GET", "/api/v1/graph/duplicates?" + query);
    EXPECT_EQ(reply.status, 400) << query << ": " << reply.body;
    EXPECT_EQ(JsonOf(reply)["parameter"], parameter) << query;
  }
  EXPECT_EQ(As("", "GET", "/api/v1/graph/merges/abc").status, 404);
}

TEST_F(GraphMergesHttpTest, ACookieSessionMergesOnlyWithItsCsrfTokenAndEachWriteIsAudited) {
  HttpConnection connection(server_->port(), Credentials::kNone);
  const std::optional<HttpReply> signed_in =
      connection.Request("POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                         Json({{"account", "ana"}, {"password", kTesterPassword}}).dump());
  ASSERT_TRUE(signed_in && signed_in->status == 200);
  const std::string set = signed_in->Header("set-cookie");
  const std::string cookie = set.substr(0, set.find(';'));
  const std::string csrf = Json::parse(signed_in->body)["csrf_token"];
  const std::string body = R"({"kept": "p1", "merged": ["p2"]})";

  const HttpReply without = As("", "POST", "/api/v1/graph/merges", body,
                               {{"Cookie", cookie}, {"Content-Type", "application/json"}});
  const HttpReply with =
      As("", "POST", "/api/v1/graph/merges", body,
         {{"Cookie", cookie}, {"X-CSRF-Token", csrf}, {"Content-Type", "application/json"}});
  const HttpReply undo_without =
      As("", "DELETE", "/api/v1/graph/merges/1", "", {{"Cookie", cookie}});
  const HttpReply undo_with =
      As("", "DELETE", "/api/v1/graph/merges/1", "", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});

  EXPECT_EQ(without.status, 403) << without.body;
  EXPECT_EQ(with.status, 201) << with.body;
  EXPECT_EQ(undo_without.status, 403);
  EXPECT_EQ(undo_with.status, 200) << undo_with.body;
  const RunResult audit =
      RunOrdo({"--db", server_->db_path(), "--format", "csv", "audit", "tail", "-n", "200"});
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  EXPECT_NE(audit.out.find(",ana,http POST,POST /api/v1/graph/merges,http@127.0.0.1,201,"),
            std::string::npos)
      << audit.out;
  EXPECT_NE(audit.out.find(",ana,http DELETE,DELETE /api/v1/graph/merges/1,http@127.0.0.1,200,"),
            std::string::npos)
      << audit.out;
}

}  // namespace
}  // namespace ordo::testing
