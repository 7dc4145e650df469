#include "core/audit_record.h"

#include <gtest/gtest.h>

#include <chrono>

#include "core/sha256.h"

namespace ordo {
namespace {

AuditEntry Sample() {
  return {"2026-12-01T14:40:05.123Z", "aidai", "import ftm", "case-17.ftm", "cli", "ok", ""};
}

TEST(AuditRecordTest, HashIsTheDocumentedEncoding) {
  // Written out by hand from the header's description, so a change of encoding (which would make
  // every stored chain unverifiable) fails here.
  const std::string expected = Sha256Hex(
      "ordo-audit-v1;1;24:2026-12-01T14:40:05.123Z5:aidai10:import ftm11:case-17.ftm3:cli2:ok0:"
      "64:" +
      std::string(kAuditGenesisHash));
  EXPECT_EQ(AuditRecordHash(1, Sample(), kAuditGenesisHash), expected);
}

TEST(AuditRecordTest, EveryFieldAndTheSequenceChangeTheHash) {
  const std::string base = AuditRecordHash(3, Sample(), kAuditGenesisHash);
  EXPECT_NE(AuditRecordHash(4, Sample(), kAuditGenesisHash), base);
  EXPECT_NE(AuditRecordHash(3, Sample(), Sha256Hex("other")), base);
  for (std::string AuditEntry::*field :
       {&AuditEntry::at, &AuditEntry::actor, &AuditEntry::action, &AuditEntry::object,
        &AuditEntry::origin, &AuditEntry::outcome, &AuditEntry::detail}) {
    AuditEntry changed = Sample();
    changed.*field += "x";
    EXPECT_NE(AuditRecordHash(3, changed, kAuditGenesisHash), base);
  }
}

TEST(AuditRecordTest, MovingTextBetweenFieldsChangesTheHash) {
  AuditEntry a = Sample();
  AuditEntry b = Sample();
  a.object = "ab";
  a.origin = "c";
  b.object = "a";
  b.origin = "bc";
  EXPECT_NE(AuditRecordHash(1, a, kAuditGenesisHash), AuditRecordHash(1, b, kAuditGenesisHash));
}

TEST(AuditRecordTest, RequiredFields) {
  EXPECT_TRUE(CheckAuditEntry(Sample()));
  AuditEntry entry = Sample();
  entry.actor.clear();
  Status status = CheckAuditEntry(entry);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message(), "audit entry with an empty actor");
  entry = Sample();
  entry.at.clear();
  EXPECT_FALSE(CheckAuditEntry(entry));
  entry = Sample();
  entry.action.clear();
  EXPECT_FALSE(CheckAuditEntry(entry));
  entry = Sample();
  entry.detail = std::string("a\0b", 3);
  status = CheckAuditEntry(entry);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message(), "audit entry detail contains a NUL character");
}

TEST(AuditRecordTest, Timestamp) {
  using namespace std::chrono;
  const system_clock::time_point time =
      system_clock::time_point(milliseconds(1764600005123));  // 2025-12-01T14:40:05.123Z
  EXPECT_EQ(AuditTimestamp(time), "2025-12-01T14:40:05.123Z");
  EXPECT_EQ(AuditTimestamp(system_clock::time_point(milliseconds(-1))),
            "1969-12-31T23:59:59.999Z");
}

}  // namespace
}  // namespace ordo
