#pragma once
// Relations query: Kyrgyzstan's diplomatic relations filtered by date and region, each row with its
// country and how certain the date filter is for it.
//
// Date filters compare partial dates as intervals (core/partial_date.h):
//  --before D keeps relations established before the first day D can mean ("before 1992" = before
//             1992-01-01); --after D keeps those established after the last day D can mean ("after
//             1992" = from 1993-01-01 on).
//  A relation whose own date is too coarse to decide ("1992" against "before 1992-02-01") is kept and
//  marked Certainty::kUncertain instead of being guessed in or out; `certain_only` drops it.
//  A relation without a date is uncertain against any date filter.

#include <optional>
#include <string>
#include <vector>

#include "analytics/country_directory.h"
#include "core/partial_date.h"
#include "core/relation.h"
#include "storage/registry_store.h"

namespace ordo::analytics {

struct RelationsFilter {
  std::optional<PartialDate> before;
  std::optional<PartialDate> after;
  // Matches a UN M49 region, sub-region or intermediate region, without case ("Europe",
  // "central asia"). Empty = all.
  std::string region;
  bool certain_only = false;
};

struct RelationMatch {
  Relation relation;
  const Country* country = nullptr;  // points into the directory passed in; never null
  Certainty certainty = Certainty::kYes;
};

// Returns the matching relations in stored order. Errors: kInvalidArgument for an unknown region
// (the message lists the known ones), or what the store returns.
Result<std::vector<RelationMatch>> FindRelations(storage::RegistryStore& store,
                                                 const CountryDirectory& directory,
                                                 const RelationsFilter& filter);

// Certainty that `established` (possibly missing) satisfies the filter's dates.
Certainty MatchDates(const std::optional<PartialDate>& established, const RelationsFilter& filter);

}  // namespace ordo::analytics
