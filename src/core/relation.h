#pragma once
// Relation: Kyrgyzstan's diplomatic relation with one state, as a sourced row of
// data/diplomatic_relations.csv; and MissingRelation, a state recorded as having none.

#include <optional>
#include <string>

#include "core/ids.h"
#include "core/partial_date.h"

namespace ordo {

struct Relation {
  CountryCode iso3;
  std::string country_name_en;            // as the source writes it
  std::optional<PartialDate> established;  // empty when no source gives a date
  std::string source_url;
  std::optional<int> table_rank;  // the row number in the cited table; empty for unnumbered rows
  std::string notes;
  std::string table_cited_source_url;
  std::string wikitext_copy_url;
};

// A state with no diplomatic relation in the registry, with why it is listed.
struct MissingRelation {
  CountryCode iso3;
  std::string country_name_en;
  std::string status;                      // "no relations in table", "not yet (24.kg, 2021)"
  std::optional<PartialDate> as_of;
  std::string basis;                       // "derived (UN members minus table)" or a source
  std::optional<PartialDate> later_established;
  std::string source_url;
  std::string notes;
};

}  // namespace ordo
