#pragma once
// `ordo simulate --cases N`: synthetic investigations (analytics/case_simulator.h) written into the
// database's entities, links and seizures, with their ground truth beside (simulate_command.cc
// registers the flags; docs/cli.md, "Simulated cases").

#include <cstdint>
#include <string>
#include <string_view>

#include "analytics/case_compartment_check.h"
#include "core/result.h"

namespace ordo::cli {

class CommandContext;

// The compartment simulated data goes to unless --compartment says otherwise: made-up cases stay
// apart from real ones.
inline constexpr std::string_view kSimulatedCompartment = "simulated";

struct SimulateCasesFlags {
  std::uint64_t cases = 0;  // 0: not asked for
  std::uint64_t groups = 2;
  std::string truth;  // empty: beside the database, <db>.<prefix>truth.json
  bool report = false;
  bool if_empty = false;
};

// Every entity, link and seizure written gets `labels`' compartment and marking.
Status RunSimulateCases(CommandContext& context, const SimulateCasesFlags& flags,
                        std::uint64_t seed, const analytics::ImportLabels& labels);

}  // namespace ordo::cli
