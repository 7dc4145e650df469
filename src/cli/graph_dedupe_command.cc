// `ordo graph dedupe|merge|unmerge|merges` (docs/cli.md, "Duplicates and merges"; the matching
// rules are in docs/names.md).

#include "cli/graph_dedupe_command.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "analytics/duplicate_candidates.h"
#include "cli/audit_trail.h"
#include "cli/cells.h"
#include "cli/command_context.h"
#include "cli/compartment_flags.h"
#include "cli/exit_codes.h"
#include "cli/link_store_access.h"
#include "storage/merge_rules.h"

namespace ordo::cli {
namespace {

struct DedupeFlags {
  std::string type;
  double min_score = 0.8;
  std::size_t limit = 100;
  bool no_cross_script = false;
  std::size_t max_block = 1000;
};

struct MergeFlags {
  std::vector<std::string> entities;  // the kept one first
  std::string note;
  std::string by;
};

struct UnmergeFlags {
  std::int64_t merge_id = 0;
  std::string by;
};

// Who records a merge: --by, else the operating-system user, as the audit log names them.
std::string Recorder(const std::string& by) { return by.empty() ? OperatingSystemUser() : by; }

// Now, in UTC, to the second: "2026-12-01T14:05:09Z".
std::string UtcNow() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

double Rounded(double score) { return std::round(score * 1000) / 1000; }

Status RunDedupe(CommandContext& context, const DedupeFlags& flags) {
  analytics::DuplicateOptions options;
  if (!flags.type.empty()) {
    Result<EntityType> type = ParseEntityType(flags.type);
    if (!type) return InvalidArgument("--type: " + type.error().message());
    options.type = *type;
  }
  if (!(flags.min_score >= 0 && flags.min_score <= 1)) {
    return InvalidArgument(fmt::format("--min-score: {} is outside 0..1", flags.min_score));
  }
  options.min_score = flags.min_score;
  options.limit = flags.limit;
  options.cross_script = !flags.no_cross_script;
  options.max_block = flags.max_block;
  ORDO_TRY(visibility, ParseVisibilityFlag(context.options().graph_compartments));
  options.visibility = visibility;
  ORDO_TRY(opened, OpenLinkStore(context));
  ORDO_TRY(report, analytics::FindDuplicateCandidates(*opened.links, options));
  Section section{"candidates", "Candidate duplicates, best first", {}, {}, false};
  section.columns = {{"score"},       {"first_id"}, {"first_name"}, {"second_id"},
                     {"second_name"}, {"type"},     {"explanation"}};
  for (const analytics::DuplicateCandidate& candidate : report.candidates) {
    section.rows.push_back({Rounded(candidate.score), candidate.first, candidate.first_name,
                            candidate.second, candidate.second_name,
                            std::string(EntityTypeName(candidate.type)), candidate.explanation});
  }
  Report printed{{std::move(section)}, {}};
  printed.notes.push_back(fmt::format(
      "{} of {} pair(s) at or above {:.2f}, of {} pair(s) scored among {} entities; "
      "cross-script matching {}; --limit 0 lists all",
      report.candidates.size(), report.pairs_found, flags.min_score, report.pairs_scored,
      report.entities, options.cross_script ? "on (--no-cross-script turns it off)" : "off"));
  if (report.blocks_skipped > 0) {
    printed.notes.push_back(fmt::format(
        "{} block(s) of more than {} entities sharing a name part or identifier were not paired "
        "(--max-block)",
        report.blocks_skipped, options.max_block));
  }
  printed.notes.push_back("ordo graph merge KEEP OTHER... records a merge; unmerge undoes it");
  context.Print(printed);
  return OkStatus();
}

Section MergeSection(const storage::EntityMerge& merge) {
  Section section{"merge", "Merge", {{"field"}, {"value"}}, {}, true};
  std::string merged;
  for (const std::string& id : merge.merged) merged += (merged.empty() ? "" : ", ") + id;
  section.rows = {Field("merge_id", merge.merge_id),
                  Field("kept", merge.kept),
                  Field("merged", merged),
                  Field("note", merge.note),
                  Field("merged_by", merge.merged_by),
                  Field("merged_at", merge.merged_at),
                  Field("status", std::string(merge.InForce() ? "in force" : "undone")),
                  Field("undone_by", merge.undone_by),
                  Field("undone_at", merge.undone_at)};
  return section;
}

Result<storage::EntityMerge> FindMerge(storage::LinkStore& links, std::int64_t merge_id) {
  std::optional<storage::EntityMerge> found;
  ORDO_RETURN_IF_ERROR(links.ForEachMerge([&](const storage::EntityMerge& merge) {
    if (merge.merge_id == merge_id) found = merge;
    return OkStatus();
  }));
  if (!found) return NotFound(fmt::format("no merge {}", merge_id));
  return *found;
}

Status RunMerge(CommandContext& context, const MergeFlags& flags) {
  storage::EntityMerge merge;
  merge.kept = flags.entities.front();
  merge.merged.assign(flags.entities.begin() + 1, flags.entities.end());
  merge.note = flags.note;
  merge.merged_by = Recorder(flags.by);
  merge.merged_at = UtcNow();
  ORDO_TRY(opened, OpenLinkStore(context));
  ORDO_TRY(merge_id, opened.links->RecordMerge(merge));
  ORDO_TRY(stored, FindMerge(*opened.links, merge_id));
  Report report{{MergeSection(stored)}, {}};
  report.notes.push_back(fmt::format(
      "the graph now reads {} as {}; nothing was deleted: ordo graph unmerge {} undoes it",
      fmt::join(merge.merged, ", "), merge.kept, merge_id));
  context.Print(report);
  return OkStatus();
}

Status RunUnmerge(CommandContext& context, const UnmergeFlags& flags) {
  ORDO_TRY(opened, OpenLinkStore(context));
  ORDO_RETURN_IF_ERROR(opened.links->UndoMerge(flags.merge_id, Recorder(flags.by), UtcNow()));
  ORDO_TRY(stored, FindMerge(*opened.links, flags.merge_id));
  Report report{{MergeSection(stored)}, {}};
  report.notes.push_back(fmt::format(
      "the graph reads {} on their own again; the merge stays on record (ordo graph merges)",
      fmt::join(stored.merged, ", ")));
  context.Print(report);
  return OkStatus();
}

Status RunMerges(CommandContext& context) {
  ORDO_TRY(opened, OpenLinkStore(context));
  Section section{"merges", "Merges, oldest first", {}, {}, false};
  section.columns = {{"merge_id"},  {"kept"},   {"merged"},    {"note"},     {"merged_by"},
                     {"merged_at"}, {"status"}, {"undone_by"}, {"undone_at"}};
  std::size_t in_force = 0;
  ORDO_RETURN_IF_ERROR(opened.links->ForEachMerge([&](const storage::EntityMerge& merge) {
    if (merge.InForce()) ++in_force;
    section.rows.push_back({merge.merge_id, merge.kept,
                            fmt::format("{}", fmt::join(merge.merged, ", ")), merge.note,
                            merge.merged_by, merge.merged_at,
                            std::string(merge.InForce() ? "in force" : "undone"), merge.undone_by,
                            merge.undone_at});
    return OkStatus();
  }));
  Report report{{std::move(section)}, {}};
  report.notes.push_back(
      fmt::format("{} merge(s), {} in force", report.sections[0].rows.size(), in_force));
  context.Print(report);
  return OkStatus();
}

}  // namespace

void RegisterGraphDedupeCommands(CLI::App& graph_command, CommandContext& context) {
  auto dedupe_flags = std::make_shared<DedupeFlags>();
  CLI::App* dedupe = graph_command.add_subcommand(
      "dedupe", "Candidate duplicates: pairs of entities that may be one, with score and reason");
  dedupe->add_option("--type", dedupe_flags->type,
                     "Only entities of this type (person, organization, phone, vehicle, ...)");
  dedupe->add_option("--min-score", dedupe_flags->min_score, "List pairs scoring at least this")
      ->capture_default_str();
  dedupe->add_option("--limit", dedupe_flags->limit, "At most this many pairs; 0 = all")
      ->capture_default_str();
  dedupe->add_flag("--no-cross-script", dedupe_flags->no_cross_script,
                   "Compare Cyrillic names only with Cyrillic, Latin only with Latin");
  dedupe
      ->add_option("--max-block", dedupe_flags->max_block,
                   "Do not pair within groups larger than this that share a name part or number")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  dedupe->callback(
      [&context, dedupe_flags] { context.Finish(RunDedupe(context, *dedupe_flags)); });

  auto merge_flags = std::make_shared<MergeFlags>();
  CLI::App* merge = graph_command.add_subcommand(
      "merge", "Record that entities are one: the graph reads OTHER... as KEEP (reversible)");
  merge->add_option("entities", merge_flags->entities, "KEEP then OTHER... (entity ids)")
      ->required()
      ->expected(2, -1);
  merge->add_option("--note", merge_flags->note, "Why (kept with the merge)");
  merge->add_option("--by", merge_flags->by, "Who records it (default: the operating-system user)");
  merge->callback([&context, merge_flags] {
    Status merged = RunMerge(context, *merge_flags);
    // Entities of two compartments: the data named is wrong for a merge, as a rejected file is.
    if (!merged && storage::IsCrossCompartmentMerge(merged.error())) {
      context.FailWithStatus(kExitDataError, merged.error().message());
      return;
    }
    context.Finish(merged);
  });

  auto unmerge_flags = std::make_shared<UnmergeFlags>();
  CLI::App* unmerge = graph_command.add_subcommand(
      "unmerge", "Undo a merge exactly; the merge stays on record as undone");
  unmerge->add_option("merge_id", unmerge_flags->merge_id, "The merge's id (ordo graph merges)")
      ->required();
  unmerge->add_option("--by", unmerge_flags->by, "Who undoes it (default: the operating-system user)");
  unmerge->callback(
      [&context, unmerge_flags] { context.Finish(RunUnmerge(context, *unmerge_flags)); });

  CLI::App* merges =
      graph_command.add_subcommand("merges", "Every merge, undone ones too, with who and when");
  merges->callback([&context] { context.Finish(RunMerges(context)); });
}

}  // namespace ordo::cli
