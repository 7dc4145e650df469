// The compartment part of the LinkStore and SeizureStore conformance suites
// (docs/compartments.md): every backend stores each row's compartment and marking, keeps a case in
// one compartment, keeps links inside their compartment, and filters seizure reads by visibility,
// with the same codes and messages.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/conformance/link_store_conformance.h"
#include "storage/conformance/sample_rows.h"
#include "storage/conformance/seizure_store_conformance.h"

namespace ordo::storage::conformance {
namespace {

// Made-up case data, not real people.
Entity InCompartment(const std::string& id, const std::string& compartment,
                     const std::string& case_id, Marking marking = Marking::kUnmarked) {
  Entity entity;
  entity.entity_id = id;
  entity.type = EntityType::kPerson;
  entity.name = "person " + id;
  entity.case_id = case_id;
  entity.synthetic = true;
  entity.compartment = compartment;
  entity.marking = marking;
  return entity;
}

Link Joining(const std::string& id, const std::string& from, const std::string& to,
             const std::string& compartment, const std::string& case_id) {
  Link link;
  link.link_id = id;
  link.type = LinkType::kAssociate;
  link.from_entity = from;
  link.to_entity = to;
  link.case_id = case_id;
  link.synthetic = true;
  link.compartment = compartment;
  return link;
}

std::vector<std::string> SeizureIds(const Result<std::vector<Seizure>>& rows) {
  std::vector<std::string> ids;
  if (!rows.has_value()) return {"<error " + rows.error().ToString() + ">"};
  for (const Seizure& row : *rows) ids.push_back(row.seizure_id);
  return ids;
}

TEST_P(LinkStoreConformanceTest, CompartmentAndMarkingReadBackAsWritten) {
  Link link = Joining("l1", "a1", "a2", "osh-2024", "OSH-7");
  link.marking = Marking::kTopSecret;
  const GraphBatch batch{{InCompartment("a1", "osh-2024", "OSH-7", Marking::kSecret),
                          InCompartment("a2", "osh-2024", "", Marking::kOfficialUse),
                          InCompartment("g1", "general", "")},
                         {link}};

  ASSERT_TRUE(Store().AppendGraph(batch).has_value());

  std::vector<Entity> entities;
  ASSERT_TRUE(Store().ForEachEntity([&](const Entity& entity) {
    entities.push_back(entity);
    return OkStatus();
  }));
  std::vector<Link> links;
  ASSERT_TRUE(Store().ForEachLink([&](const Link& stored) {
    links.push_back(stored);
    return OkStatus();
  }));
  EXPECT_EQ(entities, batch.entities);
  EXPECT_EQ(links, batch.links);
  EXPECT_EQ(Store().FindEntity("a1").value()->marking, Marking::kSecret);
  EXPECT_EQ(Store().FindCaseCompartment("OSH-7").value(), std::optional<std::string>("osh-2024"));
  EXPECT_EQ(Store().FindCaseCompartment("NONE").value(), std::nullopt);
}

TEST_P(LinkStoreConformanceTest, ACaseStaysInOneCompartment) {
  ASSERT_TRUE(Store().AppendGraph({{InCompartment("a1", "osh", "C-1")}, {}}));

  Status entity = Store().AppendGraph(
      {{InCompartment("b0", "chuy", ""), InCompartment("b1", "chuy", "C-1")}, {}});
  Status in_batch = Store().AppendGraph(
      {{InCompartment("c1", "chuy", "C-2"), InCompartment("c2", "osh", "C-2")}, {}});
  Status link = Store().AppendGraph(
      {{InCompartment("d1", "chuy", ""), InCompartment("d2", "chuy", "")},
       {Joining("l1", "d1", "d2", "chuy", "C-1")}});

  ASSERT_FALSE(entity);
  EXPECT_EQ(entity.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(entity.error().message(), "case 'C-1' is in compartment 'osh'; entity 'b1' is in 'chuy'");
  ASSERT_FALSE(in_batch);
  EXPECT_EQ(in_batch.error().message(),
            "case 'C-2' is in compartment 'chuy'; entity 'c2' is in 'osh'");
  ASSERT_FALSE(link);
  EXPECT_EQ(link.error().message(), "case 'C-1' is in compartment 'osh'; link 'l1' is in 'chuy'");
  EXPECT_EQ(Store().CountEntities().value(), 1u);
  EXPECT_EQ(Store().CountLinks().value(), 0u);
  EXPECT_EQ(Store().FindCaseCompartment("C-2").value(), std::nullopt);
}

TEST_P(LinkStoreConformanceTest, ALinkStaysInsideItsCompartment) {
  ASSERT_TRUE(Store().AppendGraph({{InCompartment("a1", "osh", "")}, {}}));

  Status stored_end = Store().AppendGraph(
      {{InCompartment("b1", "chuy", "")}, {Joining("l1", "b1", "a1", "chuy", "")}});
  Status batch_end = Store().AppendGraph(
      {{InCompartment("b2", "chuy", "")}, {Joining("l2", "a1", "b2", "osh", "")}});

  ASSERT_FALSE(stored_end);
  EXPECT_EQ(stored_end.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(stored_end.error().message(),
            "link 'l1' of compartment 'chuy' joins entity 'a1' of compartment 'osh'");
  ASSERT_FALSE(batch_end);
  EXPECT_EQ(batch_end.error().message(),
            "link 'l2' of compartment 'osh' joins entity 'b2' of compartment 'chuy'");
  EXPECT_EQ(Store().CountEntities().value(), 1u);
}

TEST_P(LinkStoreConformanceTest, ABadCompartmentNameIsRefused) {
  Status entity = Store().AppendGraph({{InCompartment("a1", "Osh Region", "")}, {}});
  Status link = Store().AppendGraph({{InCompartment("a2", "osh", "")},
                                     {Joining("l1", "a2", "a2", "", "")}});

  ASSERT_FALSE(entity);
  EXPECT_EQ(entity.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(entity.error().message(),
            "entity 'a1': compartment name 'Osh Region': only a-z, 0-9, '.', '_' and '-' (not "
            "first) are allowed");
  ASSERT_FALSE(link);
  EXPECT_EQ(link.error().message(), "link 'l1': compartment name is empty");
  EXPECT_EQ(Store().CountEntities().value(), 0u);
}

TEST_P(SeizureStoreConformanceTest, CompartmentAndMarkingReadBackAndFilterReads) {
  Seizure general = SampleSeizure("G", "2024-01");
  Seizure osh = SampleSeizure("O", "2024-02");
  osh.compartment = "osh";
  osh.marking = Marking::kSecret;
  osh.case_id = "OSH-1";
  Seizure chuy = SampleSeizure("C", "2024-03");
  chuy.compartment = "chuy";
  chuy.marking = Marking::kOfficialUse;
  chuy.case_id = "";
  ASSERT_TRUE(Store().AppendSeizures({general, osh, chuy}));
  SeizureFilter osh_and_general;
  osh_and_general.visibility = Visibility::Only({"osh", "general"});
  SeizureFilter nothing;
  nothing.visibility = Visibility::Only({});
  SeizureFilter chuy_paged;
  chuy_paged.visibility = Visibility::Only({"chuy", "batken"});
  chuy_paged.limit = 1;

  Result<std::vector<Seizure>> every = Store().ListSeizures({});
  ASSERT_TRUE(every);
  ASSERT_EQ(every->size(), 3u);
  EXPECT_TRUE((*every)[1] == osh);
  EXPECT_TRUE((*every)[2] == chuy);
  EXPECT_EQ(SeizureIds(Store().ListSeizures(osh_and_general)),
            (std::vector<std::string>{"G", "O"}));
  EXPECT_EQ(Store().CountSeizures(osh_and_general).value(), 2u);
  EXPECT_EQ(Store().CountSeizures(nothing).value(), 0u);
  EXPECT_EQ(SeizureIds(Store().ListSeizures(nothing)), std::vector<std::string>{});
  EXPECT_EQ(SeizureIds(Store().ListSeizures(chuy_paged)), std::vector<std::string>{"C"});
  std::size_t visited = 0;
  ASSERT_TRUE(Store().ForEachSeizure(osh_and_general, [&](const Seizure& seizure) {
    EXPECT_NE(seizure.compartment, "chuy");
    ++visited;
    return OkStatus();
  }));
  EXPECT_EQ(visited, 2u);
  EXPECT_EQ(Store().FindCaseCompartment("OSH-1").value(), std::optional<std::string>("osh"));
  EXPECT_EQ(Store().FindCaseCompartment("OSH-2").value(), std::nullopt);
}

TEST_P(SeizureStoreConformanceTest, ASeizureCaseStaysInOneCompartment) {
  Seizure first = SampleSeizure("S1", "2024-01");
  first.case_id = "K-1";
  first.compartment = "osh";
  ASSERT_TRUE(Store().AppendSeizures({first}));
  Seizure other = SampleSeizure("S2", "2024-01");
  other.case_id = "K-1";
  other.compartment = "chuy";
  Seizure a = SampleSeizure("S3", "2024-01");
  a.case_id = "K-2";
  a.compartment = "chuy";
  Seizure b = a;
  b.seizure_id = "S4";
  b.compartment = "batken";
  Seizure bad_name = SampleSeizure("S5", "2024-01");
  bad_name.compartment = "";

  Status stored = Store().AppendSeizures({other});
  Status in_batch = Store().AppendSeizures({a, b});
  Status streamed = Store().AppendSeizuresFrom([&](const SeizureAppend& append) -> Status {
    ORDO_RETURN_IF_ERROR(append(a));
    return append(b);
  });
  Status name = Store().AppendSeizures({bad_name});

  ASSERT_FALSE(stored);
  EXPECT_EQ(stored.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(stored.error().message(), "case 'K-1' is in compartment 'osh'; seizure 'S2' is in 'chuy'");
  ASSERT_FALSE(in_batch);
  EXPECT_EQ(in_batch.error().message(),
            "case 'K-2' is in compartment 'chuy'; seizure 'S4' is in 'batken'");
  ASSERT_FALSE(streamed);
  EXPECT_EQ(streamed.error().message(), in_batch.error().message());
  ASSERT_FALSE(name);
  EXPECT_EQ(name.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(name.error().message(), "seizure 'S5': compartment name is empty");
  EXPECT_EQ(Store().CountSeizures({}).value(), 1u);
}

}  // namespace
}  // namespace ordo::storage::conformance
