#pragma once
// The marking of an API answer over case data (docs/compartments.md, "Markings of API answers"):
// the highest marking of the records that went into that answer, never of the whole database. A
// JSON answer carries it as its top-level "marking" member, every answer (CSV and HTML too) as the
// Ordo-Marking header; both are set here from one value, so they cannot differ. The route computes
// the marking from the same rows it answers from, so the response cache (keyed by visibility)
// keeps the two together.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/http_types.h"
#include "api/internal/route_support.h"
#include "api/link_graph_slot.h"
#include "core/visibility.h"
#include "storage/seizure_store.h"

namespace ordo::api::internal {

// The header every answer over case data carries: "Ordo-Marking: secret".
inline constexpr char kMarkingHeader[] = "Ordo-Marking";

// Sets the Ordo-Marking header of a finished answer (CSV, HTML).
void SetMarkingHeader(HttpResponse& response, Marking marking);

// JsonResponse (route_support.h) of `document`, a JSON object, with "marking" set to `marking`'s
// name and the header to the same.
HttpResponse MarkedJsonResponse(Json document, Marking marking);

// The highest marking of the entities (nodes) and links (edges) of `graph` listed in an answer.
class GraphMarking {
 public:
  explicit GraphMarking(const GraphSnapshot& graph) : graph_(graph) {}
  void AddNode(graph::NodeId node);
  void AddEdge(graph::EdgeId edge);
  void Add(Marking marking);
  Marking highest() const { return highest_; }

 private:
  const GraphSnapshot& graph_;
  Marking highest_ = Marking::kUnmarked;
};

// A SeizureStore that passes reads and writes on to `inner` and keeps the highest marking of the
// seizures its reads (ForEachSeizure, ListSeizures) handed out: what an analysis that read them
// (statistics, trends, hotspots, routes, interdiction, bulletin) went on. A count hands out no
// rows and raises nothing. One thread, as the store it wraps.
class MarkingSeizureStore final : public storage::SeizureStore {
 public:
  explicit MarkingSeizureStore(storage::SeizureStore& inner) : inner_(inner) {}

  Status AppendSeizures(const std::vector<Seizure>& seizures) override;
  Status AppendSeizuresFrom(const storage::SeizureProducer& produce) override;
  Result<std::vector<Seizure>> ListSeizures(const storage::SeizureFilter& filter) override;
  Result<std::size_t> CountSeizures(const storage::SeizureFilter& filter) override;
  Status ForEachSeizure(const storage::SeizureFilter& filter,
                        const storage::SeizureVisitor& visit) override;
  Result<std::optional<std::string>> FindCaseCompartment(const std::string& case_id) override;

  Marking highest() const { return highest_; }

 private:
  storage::SeizureStore& inner_;
  Marking highest_ = Marking::kUnmarked;
};

}  // namespace ordo::api::internal
