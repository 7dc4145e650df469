#pragma once
// Relations timeline: how many relations were established each year, with how precisely the dates
// are known, and the running total.

#include <vector>

#include "storage/registry_store.h"

namespace ordo::analytics {

struct TimelineYear {
  int year = 0;
  int established = 0;      // relations whose date falls in this year
  int year_only_dates = 0;  // of which the source gives only the year
  int cumulative = 0;       // relations established up to the end of this year
  std::vector<CountryCode> countries;  // in stored order
};

struct RelationsTimeline {
  std::vector<TimelineYear> years;  // ascending; years with no relation are left out
  int undated = 0;                  // relations without any date
};

Result<RelationsTimeline> BuildRelationsTimeline(storage::RegistryStore& store);

}  // namespace ordo::analytics
