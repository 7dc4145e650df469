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

// One state in one of the blocs the "multi-vector" balance compares (Russia, China, the EU and the
// US, Turkey, the Central Asian neighbours), from data/reference/trade_blocs.csv.
struct TradeBlocMember {
  std::string bloc_id;    // "russia", "china", "west", "turkey", "central_asia"
  std::string bloc_name;  // "EU and United States"
  CountryCode iso3;
  std::string source_url;
  std::string notes;
};

}  // namespace ordo
