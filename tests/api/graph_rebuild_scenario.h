#pragma once
// The scenario of docs/api/README.md, "Freshness and caching", for one running `ordo serve` (SQLite
// or PostgreSQL): a seizures-only import (`ordo seizures import` by another process) is served
// within the check interval while the entity graph is kept (GET /api/v1/health: graph_builds
// unchanged); an import of entities is served with the graph built again.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "http_client.h"
#include "ordo_runner.h"
#include "ordo_server.h"

namespace ordo::testing {

inline std::int64_t GraphBuilds(const OrdoServer& server) {
  const HttpReply health = Fetch(server.port(), "/api/v1/health", "GET", Credentials::kNone);
  return nlohmann::json::parse(health.body).value("graph_builds", std::int64_t{-1});
}

inline std::int64_t JsonNumber(const OrdoServer& server, const std::string& target,
                               const std::string& field) {
  const HttpReply reply = Fetch(server.port(), target);
  EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
  return nlohmann::json::parse(reply.body, nullptr, false).value(field, std::int64_t{-1});
}

// Polls for up to 20 s (the server checks the data version once a second).
inline bool Eventually(const std::function<bool()>& done) {
  for (int i = 0; i < 200; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

// `db` is the --db of the server (a SQLite path or a postgresql:// URI), `dir` a scratch directory.
inline void ExpectASeizuresOnlyImportKeepsTheGraph(const OrdoServer& server, const std::string& db,
                                                   const std::string& dir) {
  const std::int64_t entities = JsonNumber(server, "/api/v1/graph/summary", "entities");
  const std::int64_t builds = GraphBuilds(server);
  const std::int64_t seizures =
      JsonNumber(server, "/api/v1/narcotics/seizures?page_size=1", "total");
  ASSERT_GE(builds, 1);

  std::ofstream(dir + "/more_seizures.csv")
      << "seizure_id,date,place,lat,lon,country_iso3,drug,quantity,unit,synthetic,source\n"
         "S-REBUILD-1,2024-05-01,Osh,40.51,72.80,KGZ,heroin,1,kg,true,made-up test row\n";
  const RunResult seized = RunOrdo({"--db", db, "seizures", "import", dir + "/more_seizures.csv"});
  ASSERT_EQ(seized.exit_code, 0) << seized.err;

  EXPECT_TRUE(Eventually([&] {
    return JsonNumber(server, "/api/v1/narcotics/seizures?page_size=1", "total") == seizures + 1;
  })) << "the new seizure is not served";
  EXPECT_EQ(JsonNumber(server, "/api/v1/graph/summary", "entities"), entities);
  EXPECT_EQ(GraphBuilds(server), builds) << "a seizures-only import rebuilt the entity graph";

  std::ofstream(dir + "/more_entities.ftm")
      << R"({"id":"rebuild-p1","schema":"Person","properties":{"name":["Made-up Rebuildov"]}})"
      << "\n";
  const RunResult imported = RunOrdo({"--db", db, "import", "ftm", dir + "/more_entities.ftm",
                                      "--source", "made-up test case", "--synthetic"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;

  EXPECT_TRUE(Eventually([&] {
    return JsonNumber(server, "/api/v1/graph/summary", "entities") == entities + 1;
  })) << "the new entity is not served";
  EXPECT_EQ(GraphBuilds(server), builds + 1);
}

}  // namespace ordo::testing
