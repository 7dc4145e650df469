#pragma once
// Readers for the registry's CSV files (the formats of data/*.csv, documented in docs/formats.md).
// Each reads a UTF-8 CSV file with a header row (RFC 4180 quoting, optional BOM, LF or CRLF), maps
// columns by header name (order free; a missing required column or an unknown column is a problem),
// validates every field and reports each problem as file:line:column with the column's name.
// Both overloads behave the same; the istream one exists for tests and fuzzing.

#include <istream>
#include <string>
#include <string_view>

#include "core/drug_fact.h"
#include "core/membership.h"
#include "core/place.h"
#include "core/relation.h"
#include "core/trade_flow.h"
#include "ingest/known_countries.h"
#include "ingest/read_outcome.h"

namespace ordo::ingest {

// diplomatic_relations.csv: country_name_en, iso3, date_established (partial date or empty),
// source_url (required), table_rank (positive integer or empty), notes, table_cited_source_url,
// wikitext_copy_url. Duplicate iso3 within the file is a problem.
ReadOutcome<Relation> ReadRelations(std::istream& in, std::string_view file_name,
                                    const KnownCountries& known);
ReadOutcome<Relation> ReadRelations(const std::string& path, const KnownCountries& known);

// diplomatic_relations_missing.csv: country_name_en, iso3, status, as_of, basis,
// later_established_date, source_url, notes.
ReadOutcome<MissingRelation> ReadMissingRelations(std::istream& in, std::string_view file_name,
                                                  const KnownCountries& known);
ReadOutcome<MissingRelation> ReadMissingRelations(const std::string& path,
                                                  const KnownCountries& known);

// memberships.csv: org_acronym, org_name, date_joined (partial or empty), role, source_url, notes.
ReadOutcome<Membership> ReadMemberships(std::istream& in, std::string_view file_name);
ReadOutcome<Membership> ReadMemberships(const std::string& path);

// trade.csv: partner_iso3, year, flow (total|export|import), value_usd (non-negative integer or
// empty), source_url, notes, period, reporter, and an optional bound column (exact|lower_bound).
// Without a bound column a row is a lower bound when its notes say "lower bound".
ReadOutcome<TradeFlow> ReadTradeFlows(std::istream& in, std::string_view file_name,
                                      const KnownCountries& known);
ReadOutcome<TradeFlow> ReadTradeFlows(const std::string& path, const KnownCountries& known);

// drug_facts.csv: fact_id, topic, statement, year, quantity (non-negative number or empty), unit,
// source_url, notes, place.
ReadOutcome<DrugFact> ReadDrugFacts(std::istream& in, std::string_view file_name);
ReadOutcome<DrugFact> ReadDrugFacts(const std::string& path);

// places.csv: name, kind, country_iso3, lat (-90..90 or empty), lon (-180..180 or empty),
// source_url, notes. lat and lon are both present or both empty.
ReadOutcome<Place> ReadPlaces(std::istream& in, std::string_view file_name,
                              const KnownCountries& known);
ReadOutcome<Place> ReadPlaces(const std::string& path, const KnownCountries& known);

// reference/organization_members.csv: org_acronym, iso3, role, source_url, notes.
ReadOutcome<OrganizationMember> ReadOrganizationMembers(std::istream& in,
                                                        std::string_view file_name,
                                                        const KnownCountries& known);
ReadOutcome<OrganizationMember> ReadOrganizationMembers(const std::string& path,
                                                        const KnownCountries& known);

}  // namespace ordo::ingest
