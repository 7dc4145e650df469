#include "analytics/relations_timeline.h"

#include <map>

namespace ordo::analytics {

Result<RelationsTimeline> BuildRelationsTimeline(storage::RegistryStore& store) {
  ORDO_TRY(relations, store.ListRelations());
  RelationsTimeline timeline;
  std::map<int, TimelineYear> by_year;
  for (const Relation& relation : relations) {
    if (!relation.established) {
      ++timeline.undated;
      continue;
    }
    TimelineYear& year = by_year[relation.established->year()];
    year.year = relation.established->year();
    ++year.established;
    if (relation.established->precision() == DatePrecision::kYear) ++year.year_only_dates;
    year.countries.push_back(relation.iso3);
  }
  int running = 0;
  for (auto& [number, year] : by_year) {
    running += year.established;
    year.cumulative = running;
    timeline.years.push_back(std::move(year));
  }
  return timeline;
}

}  // namespace ordo::analytics
