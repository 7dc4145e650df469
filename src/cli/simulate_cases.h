#pragma once
// `ordo simulate --cases N`: synthetic investigations (analytics/case_simulator.h) written into the
// database's entities, links and seizures, with their ground truth beside (simulate_command.cc
// registers the flags; docs/cli.md, "Simulated cases").

#include <cstdint>
#include <string>

#include "core/result.h"

namespace ordo::cli {

class CommandContext;

struct SimulateCasesFlags {
  std::uint64_t cases = 0;  // 0: not asked for
  std::uint64_t groups = 2;
  std::string truth;  // empty: beside the database, <db>.<prefix>truth.json
  bool report = false;
  bool if_empty = false;
};

Status RunSimulateCases(CommandContext& context, const SimulateCasesFlags& flags,
                        std::uint64_t seed);

}  // namespace ordo::cli
