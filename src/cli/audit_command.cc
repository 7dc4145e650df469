// `ordo audit verify [--head SEQ:HASH]`, `ordo audit tail [-n N]` and `ordo audit head`: the
// tamper-evident audit log of the database (--db or the default), docs/audit.md.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "analytics/audit_verify.h"
#include "cli/audit_trail.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace ordo::cli {
namespace {

struct VerifyFlags {
  std::string head;
};

Status RunVerify(CommandContext& context, const VerifyFlags& flags) {
  std::optional<analytics::AuditHead> expected;
  if (!flags.head.empty()) {
    auto head = analytics::ParseAuditHead(flags.head);
    if (!head) return InvalidArgument("--head: " + head.error().message());
    expected = *head;
  }
  ORDO_TRY(opened, OpenAuditStore(context));
  ORDO_TRY(result, analytics::VerifyAuditLog(*opened.audit, expected));
  if (result.intact()) {
    context.out() << "audit log intact: " << result.records << " records, head "
                  << analytics::FormatAuditHead(result.head)
                  << (expected ? ", includes the recorded head" : "") << "\n";
    return OkStatus();
  }
  for (const analytics::AuditProblem& problem : result.problems) {
    context.out() << "record " << problem.seq << ": "
                  << analytics::AuditProblemKindName(problem.kind) << ": " << problem.message
                  << "\n";
  }
  if (result.problem_count > result.problems.size()) {
    context.out() << "... and " << result.problem_count - result.problems.size()
                  << " more problems\n";
  }
  return FailedPrecondition("the audit log of " + context.DatabasePath() + " has been tampered with: " +
                            std::to_string(result.problem_count) + " problem" +
                            (result.problem_count == 1 ? "" : "s") + " in " +
                            std::to_string(result.records) + " records");
}

Status RunTail(CommandContext& context, std::size_t count) {
  ORDO_TRY(opened, OpenAuditStore(context));
  ORDO_TRY(records, opened.audit->TailAudit(count));
  Section section;
  section.id = "audit";
  section.columns = {{"seq"},    {"at"},      {"actor"},  {"action"},        {"object"},
                     {"origin"}, {"outcome"}, {"detail", true}, {"hash", true}};
  for (const AuditRecord& record : records) {
    section.rows.push_back({record.seq, record.entry.at, record.entry.actor, record.entry.action,
                            record.entry.object, record.entry.origin, record.entry.outcome,
                            record.entry.detail, record.hash});
  }
  context.Print(Report{{section}, {}});
  return OkStatus();
}

Status RunHead(CommandContext& context) {
  ORDO_TRY(opened, OpenAuditStore(context));
  ORDO_TRY(tail, opened.audit->TailAudit(1));
  analytics::AuditHead head{0, std::string(kAuditGenesisHash)};
  if (!tail.empty()) head = {tail.back().seq, tail.back().hash};
  context.out() << analytics::FormatAuditHead(head) << "\n";
  return OkStatus();
}

}  // namespace

void RegisterAuditCommands(CLI::App& app, CommandContext& context) {
  CLI::App* audit = app.add_subcommand(
      "audit", "The tamper-evident audit log: check its hash chain, show its last records");
  audit->require_subcommand(1);

  auto verify_flags = std::make_shared<VerifyFlags>();
  CLI::App* verify = audit->add_subcommand(
      "verify", "Check every record's hash chain; exit 5 naming each edited, deleted or moved one");
  verify->add_option("--head", verify_flags->head,
                     "A head printed earlier by `ordo audit head` (SEQ:HASH): also check that the "
                     "log still reaches it unchanged");
  verify->callback([&context, verify_flags] { context.Finish(RunVerify(context, *verify_flags)); });

  auto count = std::make_shared<std::size_t>(20);
  CLI::App* tail = audit->add_subcommand("tail", "The last records, oldest first");
  tail->add_option("-n,--count", *count, "How many records")->capture_default_str();
  tail->callback([&context, count] { context.Finish(RunTail(context, *count)); });

  CLI::App* head = audit->add_subcommand(
      "head", "Print the last record's number and hash (SEQ:HASH), to keep somewhere else");
  head->callback([&context] { context.Finish(RunHead(context)); });
}

}  // namespace ordo::cli
