#pragma once
// Membership: Kyrgyzstan's membership of one international organization (a row of
// data/memberships.csv), and OrganizationMember: another state's membership, used for "shared
// organizations" in a country profile.

#include <optional>
#include <string>

#include "core/ids.h"
#include "core/partial_date.h"

namespace ordo {

struct Membership {
  std::string org_acronym;  // "CSTO"
  std::string org_name;
  std::optional<PartialDate> joined;  // empty when no source gives a date
  std::string role;                   // "member", "founding member", "observer", "partner"
  std::string source_url;
  std::string notes;
};

struct OrganizationMember {
  std::string org_acronym;
  CountryCode iso3;
  std::string role;
  std::string source_url;
  std::string notes;
};

}  // namespace ordo
