// `ordo user add|list|disable|enable|grant|revoke|password|token`: the accounts of a multi-user
// server (issue #6, docs/accounts.md). Passwords are read from the terminal without echo, or from
// the first line of standard input when it is not a terminal; they never appear on the command
// line, so they never reach the shell history or the audit log. There is no default password.

#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "analytics/password_hash.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "core/audit_record.h"
#include "core/sha256.h"
#include "storage/account_store.h"

namespace ordo::cli {
namespace {

struct OpenedAccounts {
  std::unique_ptr<storage::RegistryStore> store;
  storage::AccountStore* accounts = nullptr;
};

Result<OpenedAccounts> OpenAccounts(CommandContext& context) {
  ORDO_TRY(store, context.OpenStore());
  auto* accounts = dynamic_cast<storage::AccountStore*>(store.get());
  if (accounts == nullptr) return FailedPrecondition("this database backend keeps no accounts");
  return OpenedAccounts{std::move(store), accounts};
}

std::string Now() { return AuditTimestamp(std::chrono::system_clock::now()); }

// One line from the terminal with echo off, or from standard input as it is.
Result<std::string> ReadSecretLine(CommandContext& context, const std::string& prompt) {
  const bool terminal = isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (terminal) {
    context.err() << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  const bool got = static_cast<bool>(std::getline(std::cin, line));
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    context.err() << "\n";
  }
  if (!got) return InvalidArgument("no password given on standard input");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

Result<std::string> ReadNewPassword(CommandContext& context) {
  ORDO_TRY(password, ReadSecretLine(context, "New password: "));
  ORDO_RETURN_IF_ERROR(analytics::CheckNewPassword(password));
  if (isatty(STDIN_FILENO) != 0) {
    ORDO_TRY(again, ReadSecretLine(context, "Repeat it: "));
    if (again != password) return InvalidArgument("the two passwords differ");
  }
  return analytics::HashPassword(password);
}

Result<storage::StoredAccount> MustFind(storage::AccountStore& accounts, const std::string& name) {
  ORDO_TRY(found, accounts.FindAccount(name));
  if (!found) return NotFound("no account '" + name + "'");
  return *found;
}

struct AddFlags {
  std::string name;
  std::string role;
  std::vector<std::string> compartments;
};

Status RunAdd(CommandContext& context, const AddFlags& flags) {
  ORDO_RETURN_IF_ERROR(CheckAccountName(flags.name));
  ORDO_TRY(role, ParseRole(flags.role));
  for (const std::string& compartment : flags.compartments) {
    ORDO_RETURN_IF_ERROR(CheckCompartmentName(compartment));
  }
  ORDO_TRY(opened, OpenAccounts(context));
  ORDO_TRY(existing, opened.accounts->FindAccount(flags.name));
  if (existing) return AlreadyExists("account '" + flags.name + "' already exists");
  ORDO_TRY(hash, ReadNewPassword(context));
  storage::StoredAccount stored;
  stored.account = {flags.name, role, false, Now(), flags.compartments};
  stored.password_hash = std::move(hash);
  ORDO_RETURN_IF_ERROR(opened.accounts->AddAccount(stored));
  context.out() << "added " << RoleName(role) << " " << flags.name << "\n";
  return OkStatus();
}

Status RunList(CommandContext& context) {
  ORDO_TRY(opened, OpenAccounts(context));
  ORDO_TRY(accounts, opened.accounts->ListAccounts());
  Section section;
  section.id = "accounts";
  section.columns = {{"name"}, {"role"}, {"disabled"}, {"compartments"}, {"created_at"}};
  for (const Account& account : accounts) {
    std::string compartments;
    for (const std::string& compartment : account.compartments) {
      compartments += (compartments.empty() ? "" : " ") + compartment;
    }
    section.rows.push_back({account.name, std::string(RoleName(account.role)), account.disabled,
                            compartments, account.created_at});
  }
  context.Print(Report{{section}, {}});
  return OkStatus();
}

Status RunSetDisabled(CommandContext& context, const std::string& name, bool disabled) {
  ORDO_TRY(opened, OpenAccounts(context));
  ORDO_TRY(stored, MustFind(*opened.accounts, name));
  stored.account.disabled = disabled;
  if (!disabled) {
    stored.failed_logins = 0;
    stored.locked_until.clear();
  }
  ORDO_RETURN_IF_ERROR(opened.accounts->UpdateAccount(stored));
  context.out() << (disabled ? "disabled " : "enabled ") << name << "\n";
  return OkStatus();
}

struct GrantFlags {
  std::string name;
  std::vector<std::string> compartments;
};

Status RunGrant(CommandContext& context, const GrantFlags& flags, bool grant) {
  for (const std::string& compartment : flags.compartments) {
    ORDO_RETURN_IF_ERROR(CheckCompartmentName(compartment));
  }
  ORDO_TRY(opened, OpenAccounts(context));
  ORDO_TRY(stored, MustFind(*opened.accounts, flags.name));
  std::vector<std::string>& held = stored.account.compartments;
  for (const std::string& compartment : flags.compartments) {
    auto at = std::find(held.begin(), held.end(), compartment);
    if (grant && at == held.end()) held.push_back(compartment);
    if (!grant && at != held.end()) held.erase(at);
  }
  ORDO_RETURN_IF_ERROR(opened.accounts->UpdateAccount(stored));
  ORDO_TRY(after, MustFind(*opened.accounts, flags.name));
  std::string list;
  for (const std::string& compartment : after.account.compartments) {
    list += (list.empty() ? "" : " ") + compartment;
  }
  context.out() << flags.name << " now sees: " << (list.empty() ? "no compartment" : list) << "\n";
  return OkStatus();
}

Status RunPassword(CommandContext& context, const std::string& name) {
  ORDO_TRY(opened, OpenAccounts(context));
  ORDO_TRY(stored, MustFind(*opened.accounts, name));
  ORDO_TRY(hash, ReadNewPassword(context));
  stored.password_hash = std::move(hash);
  stored.failed_logins = 0;
  stored.locked_until.clear();
  ORDO_RETURN_IF_ERROR(opened.accounts->UpdateAccount(stored));
  context.out() << "password of " << name << " changed\n";
  return OkStatus();
}

struct TokenFlags {
  std::string name;
  std::string label;
};

Status RunToken(CommandContext& context, const TokenFlags& flags) {
  ORDO_TRY(opened, OpenAccounts(context));
  ORDO_TRY(stored, MustFind(*opened.accounts, flags.name));
  ORDO_TRY(token, analytics::NewSecretToken());
  ORDO_RETURN_IF_ERROR(
      opened.accounts->AddApiToken({Sha256Hex(token), flags.name, flags.label, Now(), false}));
  context.err() << "ordo: a new API token for " << flags.name
                << "; it is shown only now, keep it secret:\n";
  context.out() << token << "\n";
  return OkStatus();
}

}  // namespace

void RegisterUserCommands(CLI::App& app, CommandContext& context) {
  CLI::App* user = app.add_subcommand(
      "user", "Accounts of a multi-user server: add, list, disable, grant compartments, tokens");
  user->require_subcommand(1);

  auto add_flags = std::make_shared<AddFlags>();
  CLI::App* add = user->add_subcommand(
      "add", "Add an account; its password is read from the terminal (or standard input)");
  add->add_option("name", add_flags->name, "Account name: a-z, 0-9, '.', '_', '-'")->required();
  add->add_option("--role", add_flags->role, "admin, analyst or viewer")
      ->required()
      ->check(CLI::IsMember({"admin", "analyst", "viewer"}));
  add->add_option("--compartment", add_flags->compartments,
                  "A compartment of case data the account may see (repeatable)");
  add->callback([&context, add_flags] { context.Finish(RunAdd(context, *add_flags)); });

  user->add_subcommand("list", "Every account with its role, state and compartments")
      ->callback([&context] { context.Finish(RunList(context)); });

  auto disable_name = std::make_shared<std::string>();
  CLI::App* disable =
      user->add_subcommand("disable", "Refuse the account's next request and every later one");
  disable->add_option("name", *disable_name, "Account name")->required();
  disable->callback(
      [&context, disable_name] { context.Finish(RunSetDisabled(context, *disable_name, true)); });

  auto enable_name = std::make_shared<std::string>();
  CLI::App* enable =
      user->add_subcommand("enable", "Enable a disabled account and clear its lockout");
  enable->add_option("name", *enable_name, "Account name")->required();
  enable->callback(
      [&context, enable_name] { context.Finish(RunSetDisabled(context, *enable_name, false)); });

  auto grant_flags = std::make_shared<GrantFlags>();
  CLI::App* grant = user->add_subcommand("grant", "Let the account see compartments");
  grant->add_option("name", grant_flags->name, "Account name")->required();
  grant->add_option("compartments", grant_flags->compartments, "Compartments")->required();
  grant->callback(
      [&context, grant_flags] { context.Finish(RunGrant(context, *grant_flags, true)); });

  auto revoke_flags = std::make_shared<GrantFlags>();
  CLI::App* revoke = user->add_subcommand("revoke", "Take compartments away from the account");
  revoke->add_option("name", revoke_flags->name, "Account name")->required();
  revoke->add_option("compartments", revoke_flags->compartments, "Compartments")->required();
  revoke->callback(
      [&context, revoke_flags] { context.Finish(RunGrant(context, *revoke_flags, false)); });

  auto password_name = std::make_shared<std::string>();
  CLI::App* password = user->add_subcommand(
      "password", "Set a new password (read like add's) and clear the lockout");
  password->add_option("name", *password_name, "Account name")->required();
  password->callback(
      [&context, password_name] { context.Finish(RunPassword(context, *password_name)); });

  auto token_flags = std::make_shared<TokenFlags>();
  CLI::App* token = user->add_subcommand(
      "token", "Make an API token for scripts; printed once, only its hash is kept");
  token->add_option("name", token_flags->name, "Account name")->required();
  token->add_option("--label", token_flags->label, "What the token is for");
  token->callback([&context, token_flags] { context.Finish(RunToken(context, *token_flags)); });
}

}  // namespace ordo::cli
