#include "api/internal/answer_marking.h"

#include <utility>

#include "core/assert.h"

namespace ordo::api::internal {

void SetMarkingHeader(HttpResponse& response, Marking marking) {
  for (auto& [name, value] : response.headers) {
    if (name == kMarkingHeader) {
      value = std::string(MarkingName(marking));
      return;
    }
  }
  response.headers.emplace_back(kMarkingHeader, std::string(MarkingName(marking)));
}

HttpResponse MarkedJsonResponse(Json document, Marking marking) {
  ORDO_ASSERT(document.is_object(), "a marked answer is a JSON object");
  document["marking"] = std::string(MarkingName(marking));
  HttpResponse response = JsonResponse(document);
  SetMarkingHeader(response, marking);
  return response;
}

void GraphMarking::AddNode(graph::NodeId node) {
  highest_ = MaxMarking(highest_, graph_.links.markings[node]);
}

void GraphMarking::AddEdge(graph::EdgeId edge) {
  highest_ = MaxMarking(highest_, graph_.links.link_markings[edge]);
}

void GraphMarking::Add(Marking marking) { highest_ = MaxMarking(highest_, marking); }

Status MarkingSeizureStore::AppendSeizures(const std::vector<Seizure>& seizures) {
  return inner_.AppendSeizures(seizures);
}

Status MarkingSeizureStore::AppendSeizuresFrom(const storage::SeizureProducer& produce) {
  return inner_.AppendSeizuresFrom(produce);
}

Result<std::vector<Seizure>> MarkingSeizureStore::ListSeizures(
    const storage::SeizureFilter& filter) {
  auto rows = inner_.ListSeizures(filter);
  if (rows) {
    for (const Seizure& seizure : *rows) highest_ = MaxMarking(highest_, seizure.marking);
  }
  return rows;
}

Result<std::size_t> MarkingSeizureStore::CountSeizures(const storage::SeizureFilter& filter) {
  return inner_.CountSeizures(filter);
}

Status MarkingSeizureStore::ForEachSeizure(const storage::SeizureFilter& filter,
                                           const storage::SeizureVisitor& visit) {
  return inner_.ForEachSeizure(filter, [&](const Seizure& seizure) -> Status {
    highest_ = MaxMarking(highest_, seizure.marking);
    return visit(seizure);
  });
}

Result<std::optional<std::string>> MarkingSeizureStore::FindCaseCompartment(
    const std::string& case_id) {
  return inner_.FindCaseCompartment(case_id);
}

}  // namespace ordo::api::internal
