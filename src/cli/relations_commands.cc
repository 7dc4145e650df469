// `ordo relations`, `ordo timeline` and `ordo coverage`.

#include <CLI/CLI.hpp>

#include "analytics/registry_view.h"
#include "analytics/relations_query.h"
#include "analytics/relations_timeline.h"
#include "analytics/un_coverage.h"
#include "cli/cells.h"
#include "cli/command_context.h"
#include "cli/commands.h"

namespace ordo::cli {
namespace {

struct RelationsFlags {
  std::string before;
  std::string after;
  std::string region;
  bool certain_only = false;
};

Result<analytics::RelationsFilter> ParseFilter(const RelationsFlags& flags) {
  analytics::RelationsFilter filter;
  if (!flags.before.empty()) {
    auto date = PartialDate::Parse(flags.before);
    if (!date) return InvalidArgument("--before: " + date.error().message());
    filter.before = *date;
  }
  if (!flags.after.empty()) {
    auto date = PartialDate::Parse(flags.after);
    if (!date) return InvalidArgument("--after: " + date.error().message());
    filter.after = *date;
  }
  filter.region = flags.region;
  filter.certain_only = flags.certain_only;
  return filter;
}

Status RunRelations(CommandContext& context, const RelationsFlags& flags) {
  ORDO_TRY(filter, ParseFilter(flags));
  ORDO_TRY(language, context.Lang());
  ORDO_TRY(store, context.OpenStore());
  ORDO_TRY(directory, analytics::LoadCountryDirectory(*store));
  ORDO_TRY(matches, analytics::FindRelations(*store, directory, filter));

  Section section{"relations", "", {}, {}, false};
  section.columns = {{"iso3"}, {"name"}, {"date_established"}, {"match"}, {"region"},
                     {"subregion"}, {"source_url"}, {"country_name_en", true},
                     {"table_rank", true}, {"notes", true}, {"table_cited_source_url", true},
                     {"wikitext_copy_url", true}};
  std::size_t uncertain = 0;
  for (const analytics::RelationMatch& match : matches) {
    const Relation& relation = match.relation;
    uncertain += match.certainty == Certainty::kUncertain ? 1 : 0;
    section.rows.push_back({relation.iso3.str(), match.country->Name(language),
                            DateCell(relation.established),
                            std::string(CertaintyName(match.certainty)),
                            TextOrMissing(match.country->region),
                            TextOrMissing(match.country->subregion), relation.source_url,
                            relation.country_name_en, IntCell(relation.table_rank),
                            TextOrMissing(relation.notes),
                            TextOrMissing(relation.table_cited_source_url),
                            TextOrMissing(relation.wikitext_copy_url)});
  }
  Report report{{std::move(section)}, {}};
  report.notes.push_back(std::to_string(matches.size()) + " relation(s)" +
                         (uncertain > 0 ? ", of which " + std::to_string(uncertain) +
                                              " uncertain: the source gives a date too coarse to "
                                              "decide (use --certain-only to leave them out)"
                                        : ""));
  context.Print(report);
  return OkStatus();
}

Status RunTimeline(CommandContext& context) {
  ORDO_TRY(store, context.OpenStore());
  ORDO_TRY(timeline, analytics::BuildRelationsTimeline(*store));
  Section section{"timeline", "", {}, {}, false};
  section.columns = {{"year"}, {"established"}, {"year_only_dates"}, {"cumulative"}, {"countries"}};
  for (const analytics::TimelineYear& year : timeline.years) {
    std::string codes;
    for (const CountryCode& code : year.countries) codes += (codes.empty() ? "" : " ") + code.str();
    section.rows.push_back({static_cast<std::int64_t>(year.year),
                            static_cast<std::int64_t>(year.established),
                            static_cast<std::int64_t>(year.year_only_dates),
                            static_cast<std::int64_t>(year.cumulative), codes});
  }
  Report report{{std::move(section)}, {}};
  if (timeline.undated > 0) {
    report.notes.push_back(std::to_string(timeline.undated) + " relation(s) have no date");
  }
  context.Print(report);
  return OkStatus();
}

Status RunCoverage(CommandContext& context) {
  ORDO_TRY(language, context.Lang());
  ORDO_TRY(store, context.OpenStore());
  ORDO_TRY(directory, analytics::LoadCountryDirectory(*store));
  ORDO_TRY(coverage, analytics::ComputeUnCoverage(*store, directory));

  Section summary{"summary", "UN member states", {{"key"}, {"value"}}, {}, true};
  summary.rows = {Field("un_members", Count(coverage.un_members)),
                  Field("with_relations", Count(coverage.with_relations.size())),
                  Field("without_relations", Count(coverage.without_relations.size())),
                  Field("non_members_with_relations",
                        Count(coverage.non_members_with_relations.size()))};
  Section without{"without_relations", "UN members without diplomatic relations", {}, {}, false};
  without.columns = {{"iso3"}, {"name"}, {"status"}, {"basis"}, {"later_established"},
                     {"source_url", true}, {"notes", true}};
  for (const analytics::UncoveredMember& member : coverage.without_relations) {
    const std::optional<MissingRelation>& listed = member.listed;
    without.rows.push_back(
        {member.country->iso3.str(), member.country->Name(language),
         listed ? TextOrMissing(listed->status) : Cell(std::monostate{}),
         listed ? TextOrMissing(listed->basis) : Cell(std::monostate{}),
         listed ? DateCell(listed->later_established) : Cell(std::monostate{}),
         listed ? TextOrMissing(listed->source_url) : Cell(std::monostate{}),
         listed ? TextOrMissing(listed->notes) : Cell(std::monostate{})});
  }
  Section others{"non_members_with_relations", "Relations with states that are not UN members",
                 {{"iso3"}, {"name"}}, {}, false};
  for (const Country* country : coverage.non_members_with_relations) {
    others.rows.push_back({country->iso3.str(), country->Name(language)});
  }
  Report report{{std::move(summary), std::move(without), std::move(others)}, {}};
  report.notes.push_back("Kyrgyzstan itself is one of the UN members and is not counted above");
  for (const std::string& problem : coverage.inconsistencies) report.notes.push_back(problem);
  context.Print(report);
  return OkStatus();
}

}  // namespace

void RegisterRelationsCommands(CLI::App& app, CommandContext& context) {
  auto flags = std::make_shared<RelationsFlags>();
  CLI::App* relations = app.add_subcommand("relations", "Diplomatic relations with dates and sources");
  relations->add_option("--before", flags->before,
                        "Established before this date (YYYY, YYYY-MM or YYYY-MM-DD)");
  relations->add_option("--after", flags->after, "Established after this date");
  relations->add_option("--region", flags->region, "UN M49 region or sub-region, e.g. 'Central Asia'");
  relations->add_flag("--certain-only", flags->certain_only,
                      "Leave out relations whose date is too coarse to decide");
  relations->callback([&context, flags] { context.Finish(RunRelations(context, *flags)); });

  app.add_subcommand("timeline", "Relations established per year")
      ->callback([&context] { context.Finish(RunTimeline(context)); });
  app.add_subcommand("coverage", "UN member states with and without relations")
      ->callback([&context] { context.Finish(RunCoverage(context)); });
}

}  // namespace ordo::cli
