#include "analytics/ftm_export.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "analytics/ftm_import.h"
#include "analytics/gexf_export.h"
#include "analytics/graphml_export.h"
#include "storage/memory/memory_link_store.h"

namespace ordo::analytics {
namespace {

// Made-up case data: none of these people, phones or companies exist.
constexpr char kExportCase[] =
    R"({"id":"p1","schema":"Person","properties":{"name":["Asan Sadyrov"],"phone":["+996 (555) 12-34-56"],"passportNumber":["AN 123456"]},"datasets":["x"]})"
    "\n"
    R"({"id":"p2","schema":"Person","properties":{"name":["Бакыт Осмонов","Bakyt Osmonov"],"phone":["+996555123456"]}})"
    "\n"
    R"({"id":"c1","schema":"Company","properties":{"name":["Example Trans LLC"]}})"
    "\n"
    R"({"id":"o1","schema":"Ownership","properties":{"percentage":["50"],"owner":["p1","p2"],"asset":["c1"],"startDate":["2019-05-01"]}})"
    "\n"
    R"({"id":"k1","schema":"Call","properties":{"callerNumber":["+996 700 000 001"],"receiver":["p2"],"date":["2021-03"]}})"
    "\n"
    R"({"id":"f1","schema":"Family","properties":{"person":["p1"],"relative":["p2"]}})"
    "\n";

// id -> {schema, properties}, letting key order go (FtM properties are a map).
std::map<std::string, nlohmann::json> ById(const std::string& lines) {
  std::map<std::string, nlohmann::json> by_id;
  std::istringstream in(lines);
  for (std::string line; std::getline(in, line);) {
    const nlohmann::json entity = nlohmann::json::parse(line);
    by_id[entity.at("id")] = {{"schema", entity.at("schema")},
                              {"properties", entity.at("properties")}};
  }
  return by_id;
}

TEST(FtmExportTest, AnImportedCaseComesBackWithEveryEntityAndProperty) {
  const std::string path = ::testing::TempDir() + "/ftm_export_case.ftm";
  std::ofstream(path, std::ios::binary) << kExportCase;
  storage::MemoryLinkStore store;
  FtmImportOptions options;
  options.source = "test fixture (made up)";
  Result<FtmImportOutcome> imported = ImportFtmFile(store, path, options);
  ASSERT_TRUE(imported.has_value());
  ASSERT_TRUE(imported->problems.empty());
  std::ostringstream out;

  Result<FtmExportCounts> counts = ExportFtm(store, out);

  ASSERT_TRUE(counts.has_value()) << counts.error().ToString();
  EXPECT_EQ(counts->entities, 3u);
  EXPECT_EQ(counts->links, 3u);
  EXPECT_EQ(counts->skipped, 3u + 3u);  // 3 shared nodes, 3 "holds" links
  EXPECT_EQ(ById(out.str()), ById(kExportCase));
}

TEST(FtmExportTest, OnlyVisibleCompartmentsAreWrittenAndEachCarriesItsMarking) {
  const std::string path = ::testing::TempDir() + "/ftm_export_compartments.ftm";
  std::ofstream(path, std::ios::binary) << kExportCase;
  storage::MemoryLinkStore store;
  FtmImportOptions secret;
  secret.source = "test fixture (made up)";
  secret.labels.compartment = "osh";
  secret.labels.marking = Marking::kSecret;
  ASSERT_TRUE(ImportFtmFile(store, path, secret).value().problems.empty());
  ASSERT_TRUE(store.AppendGraph({{[] {
                                    Entity other;
                                    other.entity_id = "g1";
                                    other.schema = "Person";
                                    other.name = "made up";
                                    return other;
                                  }()},
                                 {}}));
  std::ostringstream osh_out;
  std::ostringstream general_out;
  std::ostringstream graphml_out;
  std::ostringstream gexf_out;

  Result<FtmExportCounts> osh = ExportFtm(store, osh_out, Visibility::Only({"osh"}));
  Result<FtmExportCounts> general = ExportFtm(store, general_out, Visibility::Only({"general"}));
  Result<XmlExportCounts> graphml = ExportGraphml(store, graphml_out, Visibility::Only({"osh"}));
  Result<XmlExportCounts> gexf = ExportGexf(store, gexf_out, Visibility::Only({"general"}));

  ASSERT_TRUE(osh && general && graphml && gexf);
  EXPECT_EQ(osh->entities, 3u);
  EXPECT_EQ(osh->marking, Marking::kSecret);
  EXPECT_EQ(ById(osh_out.str()), ById(kExportCase));
  std::istringstream lines(osh_out.str());
  for (std::string line; std::getline(lines, line);) {
    EXPECT_EQ(nlohmann::json::parse(line).at("marking"), "secret") << line;
  }
  EXPECT_EQ(general->entities, 1u);
  EXPECT_EQ(general->links, 0u);
  EXPECT_EQ(general->marking, Marking::kUnmarked);
  EXPECT_EQ(general_out.str(), R"({"id":"g1","schema":"Person","properties":{}})" "\n");
  EXPECT_EQ(graphml->marking, Marking::kSecret);
  EXPECT_NE(graphml_out.str().find("<!-- marking: secret -->"), std::string::npos);
  EXPECT_NE(graphml_out.str().find("<data key=\"g_marking\">secret</data>"), std::string::npos);
  EXPECT_EQ(graphml_out.str().find("g1"), std::string::npos);
  EXPECT_NE(gexf_out.str().find("<keywords>marking:unmarked</keywords>"), std::string::npos);
  EXPECT_EQ(gexf_out.str().find("p1"), std::string::npos);
}

TEST(FtmExportTest, AFailedWriteIsAnErrorNotAShortFile) {
  storage::MemoryLinkStore store;
  Entity entity;
  entity.entity_id = "p1";
  entity.schema = "Person";
  ASSERT_TRUE(store.AppendGraph({{entity}, {}}).has_value());
  std::ostringstream out;
  out.setstate(std::ios::badbit);

  Result<FtmExportCounts> counts = ExportFtm(store, out);

  ASSERT_FALSE(counts.has_value());
  EXPECT_EQ(counts.error().code(), ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace ordo::analytics
