#include "core/audit_record.h"

#include <fmt/format.h>

#include <ctime>
#include <utility>

#include "core/sha256.h"

namespace ordo {
namespace {

void AppendField(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out.append(field.data(), field.size());
}

}  // namespace

std::string AuditRecordHash(std::int64_t seq, const AuditEntry& entry,
                            std::string_view prev_hash) {
  std::string input = "ordo-audit-v1;";
  input += std::to_string(seq);
  input += ';';
  for (std::string_view field : {std::string_view(entry.at), std::string_view(entry.actor),
                                 std::string_view(entry.action), std::string_view(entry.object),
                                 std::string_view(entry.origin), std::string_view(entry.outcome),
                                 std::string_view(entry.detail), prev_hash}) {
    AppendField(input, field);
  }
  return Sha256Hex(input);
}

Status CheckAuditEntry(const AuditEntry& entry) {
  if (entry.at.empty()) return InvalidArgument("audit entry with an empty at");
  if (entry.actor.empty()) return InvalidArgument("audit entry with an empty actor");
  if (entry.action.empty()) return InvalidArgument("audit entry with an empty action");
  for (const auto& [name, field] :
       {std::pair<const char*, const std::string*>{"at", &entry.at}, {"actor", &entry.actor},
        {"action", &entry.action}, {"object", &entry.object}, {"origin", &entry.origin},
        {"outcome", &entry.outcome}, {"detail", &entry.detail}}) {
    if (field->find('\0') != std::string::npos) {
      return InvalidArgument(std::string("audit entry ") + name + " contains a NUL character");
    }
  }
  return OkStatus();
}

std::string AuditTimestamp(std::chrono::system_clock::time_point time) {
  using std::chrono::duration_cast;
  using std::chrono::milliseconds;
  const auto since_epoch = duration_cast<milliseconds>(time.time_since_epoch());
  auto millis = since_epoch.count() % 1000;
  std::time_t seconds = static_cast<std::time_t>(since_epoch.count() / 1000);
  if (millis < 0) {  // before 1970: floor, not truncate
    millis += 1000;
    seconds -= 1;
  }
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", utc.tm_year + 1900,
                     utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, millis);
}

}  // namespace ordo
