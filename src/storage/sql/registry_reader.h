#pragma once
// Reads the rows of each RegistryStore kind but countries (see country_reader.h) back, in write
// order.
// Shared by the SQLite and PostgreSQL stores: a template over either backend's handle
// (storage/sql/sql_dialect.h).

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/registry_store.h"
#include "storage/sql/row_decoding.h"
#include "storage/sql/sql_dialect.h"

namespace ordo::storage::sql {

// Each returns every row of its table ordered by id (write order). A stored value that no longer
// parses (a date, code or enum name edited by hand) gives kFailedPrecondition naming the table
// and value; server failures as the backend maps them.
template <typename Connection>
Result<std::vector<Relation>> ReadRelations(Connection& connection) {
  return ReadAll<Relation>(
      connection,
      "SELECT iso3, country_name_en, established, source_url, table_rank, notes, "
      "table_cited_source_url, wikitext_copy_url FROM relations ORDER BY id",
      [](const auto& row) -> Result<Relation> {
        Relation relation;
        ORDO_TRY(iso3, ReadCode(row, 0, "relations"));
        ORDO_TRY(established, ReadDate(row, 2, "relations"));
        ORDO_TRY(table_rank, ReadOptionalInt(row, 4, "relations"));
        relation.iso3 = iso3;
        relation.country_name_en = row.ColumnText(1);
        relation.established = established;
        relation.source_url = row.ColumnText(3);
        relation.table_rank = table_rank;
        relation.notes = row.ColumnText(5);
        relation.table_cited_source_url = row.ColumnText(6);
        relation.wikitext_copy_url = row.ColumnText(7);
        return relation;
      });
}

template <typename Connection>
Result<std::vector<MissingRelation>> ReadMissingRelations(Connection& connection) {
  return ReadAll<MissingRelation>(
      connection,
      "SELECT iso3, country_name_en, status, as_of, basis, later_established, source_url, notes "
      "FROM missing_relations ORDER BY id",
      [](const auto& row) -> Result<MissingRelation> {
        MissingRelation missing;
        ORDO_TRY(iso3, ReadCode(row, 0, "missing_relations"));
        ORDO_TRY(as_of, ReadDate(row, 3, "missing_relations"));
        ORDO_TRY(later_established, ReadDate(row, 5, "missing_relations"));
        missing.iso3 = iso3;
        missing.country_name_en = row.ColumnText(1);
        missing.status = row.ColumnText(2);
        missing.as_of = as_of;
        missing.basis = row.ColumnText(4);
        missing.later_established = later_established;
        missing.source_url = row.ColumnText(6);
        missing.notes = row.ColumnText(7);
        return missing;
      });
}

template <typename Connection>
Result<std::vector<Membership>> ReadMemberships(Connection& connection) {
  return ReadAll<Membership>(
      connection,
      "SELECT org_acronym, org_name, joined, role, source_url, notes FROM memberships "
      "ORDER BY id",
      [](const auto& row) -> Result<Membership> {
        Membership membership;
        ORDO_TRY(joined, ReadDate(row, 2, "memberships"));
        membership.org_acronym = row.ColumnText(0);
        membership.org_name = row.ColumnText(1);
        membership.joined = joined;
        membership.role = row.ColumnText(3);
        membership.source_url = row.ColumnText(4);
        membership.notes = row.ColumnText(5);
        return membership;
      });
}

template <typename Connection>
Result<std::vector<OrganizationMember>> ReadOrganizationMembers(Connection& connection) {
  return ReadAll<OrganizationMember>(
      connection,
      "SELECT org_acronym, iso3, role, source_url, notes FROM organization_members ORDER BY id",
      [](const auto& row) -> Result<OrganizationMember> {
        OrganizationMember member;
        ORDO_TRY(iso3, ReadCode(row, 1, "organization_members"));
        member.org_acronym = row.ColumnText(0);
        member.iso3 = iso3;
        member.role = row.ColumnText(2);
        member.source_url = row.ColumnText(3);
        member.notes = row.ColumnText(4);
        return member;
      });
}

template <typename Connection>
Result<std::vector<TradeBlocMember>> ReadTradeBlocMembers(Connection& connection) {
  return ReadAll<TradeBlocMember>(
      connection,
      "SELECT bloc_id, bloc_name, iso3, source_url, notes FROM trade_bloc_members ORDER BY id",
      [](const auto& row) -> Result<TradeBlocMember> {
        TradeBlocMember member;
        ORDO_TRY(iso3, ReadCode(row, 2, "trade_bloc_members"));
        member.bloc_id = row.ColumnText(0);
        member.bloc_name = row.ColumnText(1);
        member.iso3 = iso3;
        member.source_url = row.ColumnText(3);
        member.notes = row.ColumnText(4);
        return member;
      });
}

template <typename Connection>
Result<std::vector<TradeFlow>> ReadTradeFlows(Connection& connection) {
  return ReadAll<TradeFlow>(
      connection,
      "SELECT partner, year, direction, value_usd, bound, period, reporter, source_url, notes "
      "FROM trade_flows ORDER BY id",
      [](const auto& row) -> Result<TradeFlow> {
        TradeFlow flow;
        ORDO_TRY(partner, ReadCode(row, 0, "trade_flows"));
        ORDO_TRY(year, ReadOptionalInt(row, 1, "trade_flows"));
        Result<TradeDirection> direction = ParseTradeDirection(row.ColumnText(2));
        if (!direction) return Damaged("trade_flows", direction.error());
        const std::string bound = row.ColumnText(4);
        if (bound != ValueBoundName(ValueBound::kExact) &&
            bound != ValueBoundName(ValueBound::kLowerBound)) {
          return Damaged("trade_flows", InvalidArgument("unknown bound '" + bound + "'"));
        }
        flow.partner = partner;
        flow.year = year.value_or(0);
        flow.direction = *direction;
        flow.value_usd = row.ColumnOptionalInt(3);
        flow.bound = bound == ValueBoundName(ValueBound::kExact) ? ValueBound::kExact
                                                                 : ValueBound::kLowerBound;
        flow.period = row.ColumnText(5);
        flow.reporter = row.ColumnText(6);
        flow.source_url = row.ColumnText(7);
        flow.notes = row.ColumnText(8);
        return flow;
      });
}

template <typename Connection>
Result<std::vector<DrugFact>> ReadDrugFacts(Connection& connection) {
  return ReadAll<DrugFact>(
      connection,
      "SELECT fact_id, topic, statement, year, quantity, unit, source_url, notes, place "
      "FROM drug_facts ORDER BY id",
      [](const auto& row) -> Result<DrugFact> {
        DrugFact fact;
        ORDO_TRY(year, ReadOptionalInt(row, 3, "drug_facts"));
        fact.fact_id = row.ColumnText(0);
        fact.topic = row.ColumnText(1);
        fact.statement = row.ColumnText(2);
        fact.year = year;
        fact.quantity = row.ColumnOptionalDouble(4);
        fact.unit = row.ColumnText(5);
        fact.source_url = row.ColumnText(6);
        fact.notes = row.ColumnText(7);
        fact.place = row.ColumnText(8);
        return fact;
      });
}

template <typename Connection>
Result<std::vector<Place>> ReadPlaces(Connection& connection) {
  return ReadAll<Place>(
      connection, "SELECT name, kind, country, lat, lon, source_url, notes FROM places ORDER BY id",
      [](const auto& row) -> Result<Place> {
        Place place;
        if (!row.IsNull(2)) {
          ORDO_TRY(country, ReadCode(row, 2, "places"));
          place.country = country;
        }
        place.name = row.ColumnText(0);
        place.kind = row.ColumnText(1);
        place.lat = row.ColumnOptionalDouble(3);
        place.lon = row.ColumnOptionalDouble(4);
        place.source_url = row.ColumnText(5);
        place.notes = row.ColumnText(6);
        return place;
      });
}

template <typename Connection>
Result<RegistryCounts> ReadCounts(Connection& connection) {
  ORDO_TRY(statement,
           connection.Prepare(
               "SELECT (SELECT count(*) FROM countries), (SELECT count(*) FROM relations), "
               "(SELECT count(*) FROM missing_relations), (SELECT count(*) FROM memberships), "
               "(SELECT count(*) FROM organization_members), "
               "(SELECT count(*) FROM trade_bloc_members), (SELECT count(*) FROM trade_flows), "
               "(SELECT count(*) FROM drug_facts), (SELECT count(*) FROM places)"));
  ORDO_TRY(has_row, statement.Step());
  if (!has_row) return Internal("row count query returned no row");
  RegistryCounts counts;
  std::size_t* fields[] = {&counts.countries,
                           &counts.relations,
                           &counts.missing_relations,
                           &counts.memberships,
                           &counts.organization_members,
                           &counts.trade_bloc_members,
                           &counts.trade_flows,
                           &counts.drug_facts,
                           &counts.places};
  int column = 0;
  for (std::size_t* field : fields)
    *field = static_cast<std::size_t>(statement.ColumnInt(column++));
  return counts;
}

}  // namespace ordo::storage::sql
