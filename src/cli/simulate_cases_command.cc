#include <fmt/format.h>

#include <fstream>

#include "analytics/case_simulator.h"
#include "analytics/case_truth.h"
#include "analytics/link_graph.h"
#include "cli/command_context.h"
#include "cli/simulate_cases.h"
#include "graph/louvain.h"
#include "storage/link_store.h"
#include "storage/seizure_store.h"

namespace ordo::cli {

Status RunSimulateCases(CommandContext& context, const SimulateCasesFlags& flags,
                        std::uint64_t seed, const analytics::ImportLabels& labels) {
  analytics::CaseSimulationOptions options;
  options.cases = flags.cases;
  options.groups_per_case = flags.groups;
  options.seed = seed;
  ORDO_RETURN_IF_ERROR(analytics::ValidateCaseSimulationOptions(options));

  ORDO_TRY(store, context.OpenStore());
  auto* links = dynamic_cast<storage::LinkStore*>(store.get());
  auto* seizures = dynamic_cast<storage::SeizureStore*>(store.get());
  if (links == nullptr || seizures == nullptr) {
    return FailedPrecondition("this database backend does not store link analysis and seizures");
  }
  if (flags.if_empty) {
    ORDO_TRY(entities, links->CountEntities());
    if (entities > 0) {
      context.out() << "the database already holds " << entities
                    << " entities; no cases simulated (--if-empty)\n";
      return OkStatus();
    }
  }
  ORDO_TRY(cases, analytics::SimulateCases(options));
  for (Entity& entity : cases.graph.entities) {
    entity.compartment = labels.compartment;
    entity.marking = labels.marking;
  }
  for (Link& link : cases.graph.links) {
    link.compartment = labels.compartment;
    link.marking = labels.marking;
  }
  for (Seizure& seizure : cases.seizures) {
    seizure.compartment = labels.compartment;
    seizure.marking = labels.marking;
  }
  const std::string prefix = analytics::CaseIdPrefix(options);
  ORDO_TRY(existing, links->FindEntity(cases.graph.entities.front().entity_id));
  if (existing) {
    return AlreadyExists("the database already holds simulated cases with ids starting '" +
                         prefix + "' (seed " + std::to_string(seed) +
                         "); give another --seed");
  }
  const std::string truth_path =
      flags.truth.empty() ? context.DatabasePath() + "." + prefix + "truth.json" : flags.truth;
  // The truth file first: when it cannot be written, the database is left untouched.
  std::ofstream truth(truth_path, std::ios::binary | std::ios::trunc);
  if (!truth) return Unavailable("cannot create " + truth_path);
  ORDO_RETURN_IF_ERROR(analytics::WriteCaseTruth(options, cases, truth));
  truth.close();
  if (!truth) return Unavailable("could not finish writing " + truth_path);

  ORDO_RETURN_IF_ERROR(links->AppendGraph(cases.graph));
  const Status written = seizures->AppendSeizures(cases.seizures);
  if (!written) {
    return Error(written.error().code(),
                 "the simulated entities and links were written, but not their seizures: " +
                     written.error().message());
  }
  context.out() << "wrote " << options.cases << " synthetic case(s) of " << cases.groups.size()
                << " group(s): " << cases.graph.entities.size() << " entities, "
                << cases.graph.links.size() << " links and " << cases.seizures.size()
                << " seizures (ids starting '" << prefix << "') into " << context.DatabasePath()
                << " (compartment '" << labels.compartment << "')"
                << "; the ground truth to " << truth_path << "\n";
  if (!flags.report) return OkStatus();

  // How well communities found in the whole graph now in the database recover the planted groups.
  ORDO_TRY(graph, analytics::BuildLinkGraph(*links));
  graph::CommunityOptions community_options;
  community_options.seed = seed;
  const graph::Communities found = graph::FindCommunities(graph.graph, community_options);
  ORDO_TRY(recovery, analytics::ScoreRecovery(graph, found.community, cases.truth));
  context.out() << fmt::format(
      "adjusted Rand index {:.4f}: {} planted groups against the {} communities their {} "
      "entities fall in (Louvain with Leiden's refinement, seed {}, modularity {:.4f}, on all {} "
      "entities of the database)\n",
      recovery.adjusted_rand_index, recovery.planted_groups, recovery.communities,
      recovery.entities_scored, seed, found.modularity, graph.graph.NodeCount());
  return OkStatus();
}

}  // namespace ordo::cli
