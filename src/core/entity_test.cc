#include "core/entity.h"

#include <gtest/gtest.h>

namespace ordo {
namespace {

TEST(EntityTest, TypeNamesRoundTrip) {
  for (EntityType type : {EntityType::kPerson, EntityType::kPhone, EntityType::kIdentifier}) {
    EXPECT_EQ(ParseEntityType(EntityTypeName(type)).value(), type);
  }
  for (LinkType type : {LinkType::kCall, LinkType::kSeizureInvolvement, LinkType::kUnknown}) {
    EXPECT_EQ(ParseLinkType(LinkTypeName(type)).value(), type);
  }
}

TEST(EntityTest, UnknownTypeNamesListTheVocabulary) {
  EXPECT_EQ(ParseEntityType("Person").error().message(),
            "unknown entity type 'Person'; expected person, organization, phone, vehicle, "
            "address, account, place, email or identifier");
  EXPECT_EQ(ParseLinkType("friend").error().message(),
            "unknown link type 'friend'; expected call, ownership, directorship, family, "
            "associate, travel, payment, membership, employment, seizure_involvement, holds or "
            "unknown");
}

TEST(EntityTest, GradesAreAdmiraltyCodes) {
  EXPECT_TRUE(IsValidGrade(""));
  EXPECT_TRUE(IsValidGrade("A1"));
  EXPECT_TRUE(IsValidGrade("F6"));
  EXPECT_FALSE(IsValidGrade("G1"));
  EXPECT_FALSE(IsValidGrade("A7"));
  EXPECT_FALSE(IsValidGrade("a1"));
  EXPECT_FALSE(IsValidGrade("B22"));
}

Link SampleLink() {
  Link link;
  link.link_id = "L1";
  link.from_entity = "p1";
  link.to_entity = "p2";
  return link;
}

TEST(EntityTest, CheckLinkAcceptsASelfLoopAndOpenDates) {
  Link link = SampleLink();
  link.to_entity = "p1";
  link.start = PartialDate::Parse("2020").value();
  EXPECT_TRUE(CheckLink(link).has_value());
}

TEST(EntityTest, CheckLinkRefusesAnEndBeforeTheStartAndABadGrade) {
  Link link = SampleLink();
  link.start = PartialDate::Parse("2020-03").value();
  link.end = PartialDate::Parse("2019").value();
  EXPECT_EQ(CheckLink(link).error().message(), "link 'L1': ends 2019 before it starts 2020-03");

  link.end = PartialDate::Parse("2020").value();  // 2020 may end after March 2020
  EXPECT_TRUE(CheckLink(link).has_value());

  link.grade = "Z9";
  EXPECT_EQ(CheckLink(link).error().message(),
            "link 'L1': grade 'Z9' is not an Admiralty code (A-F, then 1-6, e.g. B2)");
  link = SampleLink();
  link.to_entity = "";
  EXPECT_EQ(CheckLink(link).error().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace ordo
