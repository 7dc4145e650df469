// `ordo orgs [ACRONYM]`: Kyrgyzstan's memberships with dates and roles.

#include <CLI/CLI.hpp>

#include "analytics/registry_lists.h"
#include "analytics/registry_view.h"
#include "cli/cells.h"
#include "cli/command_context.h"
#include "cli/commands.h"

namespace ordo::cli {
namespace {

Status RunOrgs(CommandContext& context, const std::string& acronym) {
  ORDO_TRY(language, context.Lang());
  ORDO_TRY(store, context.OpenStore());
  ORDO_TRY(details, analytics::FindMemberships(*store, acronym));
  Section section{"memberships", "", {}, {}, false};
  section.columns = {{"org_acronym"}, {"org_name"}, {"date_joined"}, {"role"}, {"source_url"},
                     {"notes", true}};
  for (const analytics::OrganizationDetail& detail : details) {
    const Membership& membership = detail.membership;
    section.rows.push_back({membership.org_acronym, membership.org_name, DateCell(membership.joined),
                            membership.role, membership.source_url, TextOrMissing(membership.notes)});
  }
  Report report{{std::move(section)}, {}};
  if (!acronym.empty()) {
    ORDO_TRY(directory, analytics::LoadCountryDirectory(*store));
    Section members{"members", "Member states listed by a source", {}, {}, false};
    members.columns = {{"iso3"}, {"name"}, {"role"}, {"source_url"}, {"notes", true}};
    for (const OrganizationMember& member : details.front().members) {
      members.rows.push_back({member.iso3.str(), directory.NameOf(member.iso3, language),
                              TextOrMissing(member.role), member.source_url,
                              TextOrMissing(member.notes)});
    }
    report.sections.push_back(std::move(members));
  }
  context.Print(report);
  return OkStatus();
}

}  // namespace

void RegisterOrgsCommand(CLI::App& app, CommandContext& context) {
  auto acronym = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("orgs", "Memberships in international organizations");
  command->add_option("acronym", *acronym, "One organization (UN, CSTO, SCO, ...), with its members");
  command->callback([&context, acronym] { context.Finish(RunOrgs(context, *acronym)); });
}

}  // namespace ordo::cli
