// The /api/v1/graph read routes through RequestHandler, on a small graph in a MemoryLinkStore.

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "api/request_handler.h"
#include "storage/memory/memory_link_store.h"
#include "storage/memory/memory_store.h"

namespace ordo::api {
namespace {

using Json = nlohmann::json;

Entity MakeEntity(const std::string& id, EntityType type, const std::string& name) {
  Entity entity;
  entity.entity_id = id;
  entity.type = type;
  entity.name = name;
  return entity;
}

Link MakeLink(const std::string& id, LinkType type, const std::string& from,
              const std::string& to) {
  Link link;
  link.link_id = id;
  link.type = type;
  link.from_entity = from;
  link.to_entity = to;
  return link;
}

// p1 -holds-> ph1 -call(2020-02..2021)-> p2 -directorship-> c1, p1 -associate-> p2; p3 and p4
// alone.
storage::GraphBatch SmallGraph() {
  storage::GraphBatch batch;
  Entity p1 = MakeEntity("p1", EntityType::kPerson, "Asan Sadyrov");
  p1.schema = "Person";
  p1.properties = {{"name", "Asan Sadyrov"}, {"name", "Sadirov A."}, {"birthDate", "1970"}};
  p1.source = "case file 7";
  p1.case_id = "case-1";
  Entity p4 = MakeEntity("p4", EntityType::kPerson, "Loner");
  p4.synthetic = true;
  batch.entities = {p1, MakeEntity("ph1", EntityType::kPhone, "+996555000001"),
                    MakeEntity("p2", EntityType::kPerson, "Bakyt"),
                    MakeEntity("c1", EntityType::kOrganization, "Example LLC"),
                    MakeEntity("p3", EntityType::kPerson, "Садыров Асан"), p4};
  Link call = MakeLink("l2", LinkType::kCall, "ph1", "p2");
  call.start = PartialDate::Parse("2020-02").value();
  call.end = PartialDate::Parse("2021").value();
  batch.links = {MakeLink("l1", LinkType::kHolds, "p1", "ph1"), call,
                 MakeLink("l3", LinkType::kDirectorship, "p2", "c1"),
                 MakeLink("l4", LinkType::kAssociate, "p1", "p2")};
  return batch;
}

class GraphRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override { Start(/*with_links=*/true); }

  void Start(bool with_links) {
    SnapshotSource source;
    source.open_store = []() -> Result<std::unique_ptr<storage::RegistryStore>> {
      // The server needs reference data to start; one country will do.
      auto store = std::make_unique<storage::MemoryStore>();
      storage::RegistryBatch batch;
      Country country;
      country.iso3 = CountryCode::Parse("KGZ").value();
      country.iso2 = "KG";
      country.name_en = "Kyrgyzstan";
      batch.countries = {country};
      if (auto written = store->Write(batch); !written) return written.error();
      return std::unique_ptr<storage::RegistryStore>(std::move(store));
    };
    if (with_links) {
      source.open_links = [this]() -> Result<std::unique_ptr<storage::LinkStore>> {
        ++link_loads_;
        auto store = std::make_unique<storage::MemoryLinkStore>();
        if (Status written = store->AppendGraph(SmallGraph()); !written) return written.error();
        return std::unique_ptr<storage::LinkStore>(std::move(store));
      };
    }
    auto provider = SnapshotProvider::Create(std::move(source), {});
    ASSERT_TRUE(provider.has_value()) << provider.error().ToString();
    handler_ = std::make_unique<RequestHandler>(std::move(*provider), "/nonexistent_web_root");
  }

  HttpResponse Get(const std::string& target) {
    return handler_->Handle({HttpMethod::kGet, "GET", target});
  }
  HttpResponse Post(const std::string& body, const std::string& type = "application/json") {
    return handler_->Handle({HttpMethod::kPost, "POST", "/api/v1/graph/jobs", type, body});
  }
  // Starts a job and waits until it is no longer queued or running.
  Json RunJob(const std::string& body) {
    HttpResponse started = Post(body);
    EXPECT_EQ(started.status, 202) << body << ": " << *started.body;
    const std::string id = Json::parse(*started.body)["id"];
    Json job;
    for (int i = 0; i < 10000; ++i) {
      job = GetJson("/api/v1/graph/jobs/" + id);
      if (job["state"] != "queued" && job["state"] != "running") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return job;
  }
  void ExpectBodyProblem(const std::string& body, const std::string& field) {
    HttpResponse response = Post(body);
    EXPECT_EQ(response.status, 400) << body << ": " << *response.body;
    EXPECT_EQ(Json::parse(*response.body).value("parameter", ""), field) << body << ": "
                                                                          << *response.body;
  }
  Json GetJson(const std::string& target) {
    HttpResponse response = Get(target);
    EXPECT_EQ(response.status, 200) << target << ": " << *response.body;
    return Json::parse(*response.body);
  }
  // The status and the problem document's "parameter" of a refused request.
  void ExpectProblem(const std::string& target, int status, const std::string& parameter) {
    HttpResponse response = Get(target);
    EXPECT_EQ(response.status, status) << target << ": " << *response.body;
    EXPECT_EQ(response.content_type, "application/problem+json") << target;
    const Json problem = Json::parse(*response.body);
    EXPECT_EQ(problem.value("parameter", ""), parameter) << target << ": " << *response.body;
  }
  static std::vector<std::string> Ids(const Json& list) {
    std::vector<std::string> ids;
    for (const Json& item : list) ids.push_back(item["id"]);
    return ids;
  }

  int link_loads_ = 0;
  std::unique_ptr<RequestHandler> handler_;
};

TEST_F(GraphRoutesTest, SummaryCountsEntitiesAndLinksAndTheGraphIsBuiltOnce) {
  EXPECT_EQ(GetJson("/api/v1/graph/summary"), Json({{"entities", 6}, {"links", 4}, {"marking", "unmarked"}}));
  GetJson("/api/v1/graph/expand?seed=p1");
  GetJson("/api/v1/graph/central");

  EXPECT_EQ(link_loads_, 1);
}

TEST_F(GraphRoutesTest, SearchMatchesNamesInAnyCaseAndExactIds) {
  Json latin = GetJson("/api/v1/graph/search?q=SADYR");
  EXPECT_EQ(Ids(latin["entities"]), std::vector<std::string>{"p1"});
  EXPECT_EQ(latin["total"], 1);
  EXPECT_EQ(latin["entities"][0]["degree"], 2);
  EXPECT_EQ(latin["entities"][0]["type"], "person");
  EXPECT_EQ(latin["entities"][0]["synthetic"], false);

  EXPECT_EQ(Ids(GetJson("/api/v1/graph/search?q=%D1%81%D0%B0%D0%B4%D1%8B%D1%80%D0%BE%D0%B2")
                    ["entities"]),
            std::vector<std::string>{"p3"});  // "садыров" finds "Садыров Асан"
  EXPECT_EQ(Ids(GetJson("/api/v1/graph/search?q=ph1")["entities"]),
            std::vector<std::string>{"ph1"});
}

TEST_F(GraphRoutesTest, SearchListsTheBestConnectedFirstUpToTheLimit) {
  // Asan Sadyrov, Bakyt and Example LLC (the Cyrillic "а" of Садыров Асан is another letter).
  Json found = GetJson("/api/v1/graph/search?q=A&limit=2");

  EXPECT_EQ(Ids(found["entities"]), (std::vector<std::string>{"p2", "p1"}));
  EXPECT_EQ(found["total"], 3);
}

TEST_F(GraphRoutesTest, EntityHasItsPropertiesAsListsAndNullsForWhatIsMissing) {
  Json p1 = GetJson("/api/v1/graph/entities/p1");

  EXPECT_EQ(p1["name"], "Asan Sadyrov");
  EXPECT_EQ(p1["schema"], "Person");
  EXPECT_EQ(p1["properties"]["name"], Json::array({"Asan Sadyrov", "Sadirov A."}));
  EXPECT_EQ(p1["properties"]["birthDate"], Json::array({"1970"}));
  EXPECT_EQ(p1["source"], "case file 7");
  EXPECT_EQ(p1["case"], "case-1");
  EXPECT_EQ(p1["degree"], 2);
  Json p4 = GetJson("/api/v1/graph/entities/p4");
  EXPECT_TRUE(p4["schema"].is_null());
  EXPECT_TRUE(p4["case"].is_null());
  EXPECT_EQ(p4["synthetic"], true);
  EXPECT_EQ(p4["properties"], Json::object());
}

TEST_F(GraphRoutesTest, ExpandGivesNodesWithHopsAndLinksWithStoredDates) {
  Json found = GetJson("/api/v1/graph/expand?seed=ph1&hops=1");

  // Under the default cap of 50 links are taken strongest first, ties by import order.
  EXPECT_EQ(Ids(found["nodes"]), (std::vector<std::string>{"ph1", "p1", "p2"}));
  EXPECT_EQ(found["nodes"][0]["hops"], 0);
  EXPECT_EQ(found["nodes"][1]["hops"], 1);
  ASSERT_EQ(found["links"].size(), 2u);
  Json call;
  for (const Json& link : found["links"]) {
    if (link["id"] == "l2") call = link;
  }
  EXPECT_EQ(call, Json({{"id", "l2"},
                        {"type", "call"},
                        {"from", "ph1"},
                        {"to", "p2"},
                        {"start", "2020-02"},
                        {"end", "2021"},
                        {"compartment", "general"},
                        {"marking", "unmarked"}}));
  EXPECT_TRUE(found["next_offset"].is_null());
  EXPECT_EQ(found["hidden"], Json::array());
}

TEST_F(GraphRoutesTest, ExpandFiltersByTypeAndDateAndTakesSeveralSeeds) {
  EXPECT_EQ(Ids(GetJson("/api/v1/graph/expand?seed=ph1&as_of=2019")["nodes"]),
            (std::vector<std::string>{"ph1", "p1"}));
  EXPECT_EQ(Ids(GetJson("/api/v1/graph/expand?seed=p1&link_types=associate,directorship&hops=2")
                    ["nodes"]),
            (std::vector<std::string>{"p1", "p2", "c1"}));
  EXPECT_EQ(Ids(GetJson("/api/v1/graph/expand?seed=p1&entity_types=phone")["nodes"]),
            (std::vector<std::string>{"p1", "ph1"}));
  EXPECT_EQ(Ids(GetJson("/api/v1/graph/expand?seed=c1&seed=p4")["nodes"]),
            (std::vector<std::string>{"c1", "p4", "p2"}));
}

TEST_F(GraphRoutesTest, ExpandCapsSupernodesAndPages) {
  Json capped = GetJson("/api/v1/graph/expand?seed=p2&cap=1");
  EXPECT_EQ(capped["nodes"].size(), 2u);
  EXPECT_EQ(capped["hidden"], Json::array({Json({{"id", "p2"}, {"more", 2}})}));

  Json first = GetJson("/api/v1/graph/expand?seed=p2&limit=2");
  EXPECT_EQ(first["nodes"].size(), 2u);
  EXPECT_EQ(first["next_offset"], 2);
  Json second = GetJson("/api/v1/graph/expand?seed=p2&limit=2&offset=2");
  EXPECT_EQ(second["nodes"].size(), 2u);
  EXPECT_TRUE(second["next_offset"].is_null());
}

TEST_F(GraphRoutesTest, PathFindsTheShortestChainAndNoneWhenUnconnected) {
  Json found = GetJson("/api/v1/graph/path?from=p1&to=c1");
  ASSERT_EQ(found["paths"].size(), 1u);
  EXPECT_EQ(found["paths"][0]["nodes"], Json::array({"p1", "p2", "c1"}));
  EXPECT_EQ(found["paths"][0]["links"], Json::array({"l4", "l3"}));
  EXPECT_EQ(found["nodes"].size(), 3u);
  EXPECT_EQ(found["links"].size(), 2u);

  Json through_phone = GetJson("/api/v1/graph/path?from=p1&to=c1&link_types=holds,call,directorship");
  EXPECT_EQ(through_phone["paths"][0]["nodes"], Json::array({"p1", "ph1", "p2", "c1"}));
  EXPECT_EQ(GetJson("/api/v1/graph/path?from=p1&to=c1&mode=all&max_paths=5")["paths"].size(), 1u);
  EXPECT_EQ(GetJson("/api/v1/graph/path?from=p1&to=c1&mode=weighted")["paths"][0]["links"],
            Json::array({"l4", "l3"}));

  Json none = GetJson("/api/v1/graph/path?from=p1&to=p4");
  EXPECT_EQ(none["paths"], Json::array());
  EXPECT_EQ(none["nodes"], Json::array());
}

TEST_F(GraphRoutesTest, CentralRanksByDegree) {
  Json central = GetJson("/api/v1/graph/central?measure=degree&limit=2");

  EXPECT_EQ(Ids(central["entities"]), (std::vector<std::string>{"p2", "p1"}));
  EXPECT_EQ(central["entities"][0]["score"], 3);
  EXPECT_EQ(central["total"], 6);
}

TEST_F(GraphRoutesTest, BadParametersAreNamed) {
  ExpectProblem("/api/v1/graph/search", 400, "q");
  ExpectProblem("/api/v1/graph/search?q=a&limit=0", 400, "limit");
  ExpectProblem("/api/v1/graph/expand", 400, "seed");
  ExpectProblem("/api/v1/graph/expand?seed=p1&hops=6", 400, "hops");
  ExpectProblem("/api/v1/graph/expand?seed=p1&link_types=call,bribe", 400, "link_types");
  ExpectProblem("/api/v1/graph/expand?seed=p1&link_types=call,", 400, "link_types");
  ExpectProblem("/api/v1/graph/expand?seed=p1&entity_types=ghost", 400, "entity_types");
  ExpectProblem("/api/v1/graph/expand?seed=p1&as_of=2021-02-30", 400, "as_of");
  ExpectProblem("/api/v1/graph/expand?seed=p1&cap=-1", 400, "cap");
  ExpectProblem("/api/v1/graph/path?to=c1", 400, "from");
  ExpectProblem("/api/v1/graph/path?from=p1", 400, "to");
  ExpectProblem("/api/v1/graph/path?from=p1&to=c1&mode=fastest", 400, "mode");
  ExpectProblem("/api/v1/graph/path?from=p1&to=c1&max_paths=0", 400, "max_paths");
  ExpectProblem("/api/v1/graph/central?measure=pagerank", 400, "measure");
}

TEST_F(GraphRoutesTest, UnknownEntitiesAreNotFound) {
  ExpectProblem("/api/v1/graph/entities/nobody", 404, "id");
  ExpectProblem("/api/v1/graph/expand?seed=p1&seed=nobody", 404, "seed");
  ExpectProblem("/api/v1/graph/path?from=nobody&to=c1", 404, "from");
  ExpectProblem("/api/v1/graph/path?from=p1&to=nobody", 404, "to");
}

TEST_F(GraphRoutesTest, WithoutAnEntityGraphTheRoutesSaySo) {
  Start(/*with_links=*/false);

  EXPECT_EQ(Get("/api/v1/graph/summary").status, 409);
  EXPECT_EQ(Get("/api/v1/graph/expand?seed=p1").status, 409);
}

TEST_F(GraphRoutesTest, JobsRunToDoneWithASummaryAndValues) {
  Json pagerank = RunJob(R"({"kind": "pagerank", "params": {"damping": 0.85}})");
  EXPECT_EQ(pagerank["state"], "done");
  EXPECT_EQ(pagerank["progress"], 1.0);
  EXPECT_TRUE(pagerank["error"].is_null());
  EXPECT_EQ(pagerank["result"]["top"][0]["id"], "p2");
  EXPECT_EQ(pagerank["result"]["top"].size(), 6u);

  Json values = GetJson("/api/v1/graph/jobs/" + pagerank["id"].get<std::string>() +
                        "/values?ids=p2,p4&ids=c1");
  EXPECT_GT(values["values"]["p2"].get<double>(), values["values"]["c1"].get<double>());
  EXPECT_EQ(values["values"].size(), 3u);

  Json components = RunJob(R"({"kind": "components"})");
  EXPECT_EQ(components["result"]["count"], 3);  // {p1, ph1, p2, c1}, {p3}, {p4}
  EXPECT_EQ(components["result"]["sizes"], Json::array({4, 1, 1}));
  Json groups = GetJson("/api/v1/graph/jobs/" + components["id"].get<std::string>() +
                        "/values?ids=p1,c1,p4");
  EXPECT_EQ(groups["values"]["p1"], groups["values"]["c1"]);
  EXPECT_NE(groups["values"]["p1"], groups["values"]["p4"]);

  EXPECT_EQ(RunJob(R"({"kind": "keyplayers"})")["result"]["top"][0]["id"], "p2");
  EXPECT_EQ(RunJob(R"({"kind": "kcore"})")["result"]["max_core"], 2);
  EXPECT_EQ(RunJob(R"({"kind": "betweenness"})")["result"]["top"][0]["id"], "p2");
  Json communities = RunJob(R"({"kind": "communities", "params": {"resolution": 1, "seed": 3}})");
  EXPECT_EQ(communities["state"], "done");
  EXPECT_GE(communities["result"]["count"].get<int>(), 3);

  Json listed = GetJson("/api/v1/graph/jobs");
  EXPECT_EQ(listed["jobs"].size(), 6u);
  EXPECT_EQ(listed["jobs"][0]["id"], communities["id"]);
}

TEST_F(GraphRoutesTest, JobAnswersAreNeverCachedAndUnknownJobsAreNotFound) {
  HttpResponse started = Post(R"({"kind": "kcore"})");
  ASSERT_EQ(started.status, 202);
  EXPECT_EQ(Json::parse(*started.body)["state"], "queued");
  const std::string id = Json::parse(*started.body)["id"];
  EXPECT_FALSE(handler_->CachedAnswer({HttpMethod::kGet, "GET", "/api/v1/graph/jobs/" + id}));

  ExpectProblem("/api/v1/graph/jobs/0123456789abcdef", 404, "id");
  ExpectProblem("/api/v1/graph/jobs/0123456789abcdef/values?ids=p1", 404, "id");
  HttpResponse cancel =
      handler_->Handle({HttpMethod::kDelete, "DELETE", "/api/v1/graph/jobs/0123456789abcdef"});
  EXPECT_EQ(cancel.status, 404);
}

TEST_F(GraphRoutesTest, JobBodiesAreCheckedFieldByField) {
  ExpectBodyProblem("", "body");
  ExpectBodyProblem("{\"kind\": ", "body");
  ExpectBodyProblem("[1, 2]", "body");
  ExpectBodyProblem(std::string(50, '[') + std::string(50, ']'), "body");
  ExpectBodyProblem("{}", "kind");
  ExpectBodyProblem(R"({"kind": 7})", "kind");
  ExpectBodyProblem(R"({"kind": "astrology"})", "kind");
  ExpectBodyProblem(R"({"kind": "pagerank", "colour": "red"})", "colour");
  ExpectBodyProblem(R"({"kind": "pagerank", "params": []})", "params");
  ExpectBodyProblem(R"({"kind": "pagerank", "params": {"damping": 1}})", "params.damping");
  ExpectBodyProblem(R"({"kind": "pagerank", "params": {"damping": "high"}})", "params.damping");
  ExpectBodyProblem(R"({"kind": "pagerank", "params": {"seed": 1}})", "params.seed");
  ExpectBodyProblem(R"({"kind": "betweenness", "params": {"sample": -3}})", "params.sample");
  ExpectBodyProblem(R"({"kind": "communities", "params": {"resolution": 0}})",
                    "params.resolution");
  ExpectBodyProblem(R"({"kind": "kcore", "params": {"k": 2}})", "params.k");

  HttpResponse form = Post("kind=pagerank", "application/x-www-form-urlencoded");
  EXPECT_EQ(form.status, 415);
  EXPECT_EQ(Post(R"({"kind": "kcore"})", "Application/JSON; charset=utf-8").status, 202);
}

TEST_F(GraphRoutesTest, ValuesNeedIdsAndAFinishedJob) {
  Json done = RunJob(R"({"kind": "kcore"})");
  const std::string base = "/api/v1/graph/jobs/" + done["id"].get<std::string>() + "/values";

  ExpectProblem(base, 400, "ids");
  ExpectProblem(base + "?ids=,,", 400, "ids");
  ExpectProblem(base + "?ids=p1,nobody", 404, "ids");
  EXPECT_EQ(GetJson(base + "?ids=p1")["values"]["p1"], 2);
}

TEST_F(GraphRoutesTest, OtherMethodsOnJobRoutesAreNotAllowed) {
  HttpResponse response = handler_->Handle({HttpMethod::kDelete, "DELETE", "/api/v1/graph/jobs"});
  EXPECT_EQ(response.status, 405);
  bool allow = false;
  for (const auto& [name, value] : response.headers) {
    allow |= name == "Allow" && value == "GET, HEAD, POST";
  }
  EXPECT_TRUE(allow);
  EXPECT_EQ(handler_->Handle({HttpMethod::kPost, "POST", "/api/v1/graph/summary",
                              "application/json", "{}"})
                .status,
            405);
}

}  // namespace
}  // namespace ordo::api
