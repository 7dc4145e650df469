#pragma once
// Writes a RegistryBatch, one table per row kind.
// Shared by the SQLite and PostgreSQL stores: a template over either backend's handle
// (storage/sql/sql_dialect.h).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/result.h"
#include "storage/registry_store.h"
#include "storage/sql/sql_dialect.h"

namespace ordo::storage::sql {

inline std::optional<std::string> DateText(const std::optional<PartialDate>& date) {
  if (!date) return std::nullopt;
  return date->ToString();
}

// Runs a bound INSERT and names the broken key. Each table has one UNIQUE and at most one
// FOREIGN KEY constraint, so the outcome alone says which key failed. The message makers run only
// on failure, so a successful row formats nothing.
template <typename DuplicateMessage, typename UnknownCountryMessage, typename Statement>
Status InsertRow(Statement& statement, DuplicateMessage duplicate_message,
                 UnknownCountryMessage unknown_country_message) {
  ORDO_TRY(outcome, statement.Insert());
  switch (outcome) {
    case InsertOutcome::kInserted:
      return OkStatus();
    case InsertOutcome::kUniqueViolation:
      return AlreadyExists(duplicate_message());
    case InsertOutcome::kForeignKeyViolation:
      return InvalidArgument(unknown_country_message());
  }
  return Internal("unknown insert outcome");
}

// For tables without a country reference, where a FOREIGN KEY failure cannot happen.
template <typename DuplicateMessage, typename Statement>
Status InsertRow(Statement& statement, DuplicateMessage duplicate_message) {
  ORDO_TRY(outcome, statement.Insert());
  if (outcome == InsertOutcome::kUniqueViolation) return AlreadyExists(duplicate_message());
  if (outcome == InsertOutcome::kForeignKeyViolation) {
    return Internal("foreign key failure in a table without a foreign key");
  }
  return OkStatus();
}

inline std::string UnknownCountry(std::string_view row_kind, const CountryCode& code) {
  return fmt::format("{} refers to unknown country {}", row_kind, code.str());
}

// Inserts each country and its aliases; `country_ids` receives each country's row id in order.
template <typename Connection>
Status InsertCountries(Connection& connection, const std::vector<Country>& countries,
                       std::vector<std::int64_t>& country_ids) {
  ORDO_TRY(
      insert_country,
      connection.Prepare(WithReturningId<Connection>(
          "INSERT INTO countries (iso3, iso2, numeric_code, name_en, official_name_en, "
          "common_name_en, name_ru, name_ky, name_ru_source, name_ky_source, region, subregion, "
          "intermediate_region, un_member) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
  ORDO_TRY(insert_alias,
           connection.Prepare("INSERT INTO country_aliases (country_id, alias) VALUES (?, ?)"));
  for (const Country& country : countries) {
    if (country.iso3.empty()) return InvalidArgument("country with an empty iso3 code");
    for (const std::string* text :
         {&country.iso3.str(), &country.iso2, &country.numeric, &country.name_en,
          &country.official_name_en, &country.common_name_en, &country.name_ru, &country.name_ky,
          &country.name_ru_source, &country.name_ky_source, &country.region, &country.subregion,
          &country.intermediate_region}) {
      insert_country.BindText(*text);
    }
    insert_country.BindInt(country.un_member ? 1 : 0);
    ORDO_RETURN_IF_ERROR(InsertRow(insert_country, [&] {
      return fmt::format("country {} already exists", country.iso3.str());
    }));
    const std::int64_t country_id = connection.LastInsertRowId();
    country_ids.push_back(country_id);
    for (const std::string& alias : country.aliases) {
      insert_alias.BindInt(country_id);
      insert_alias.BindText(alias);
      ORDO_TRY(outcome, insert_alias.Insert());
      if (outcome != InsertOutcome::kInserted) {
        return Internal(fmt::format("cannot store an alias of {}", country.iso3.str()));
      }
    }
  }
  return OkStatus();
}

// Runs after every country of the batch is stored, so a neighbour may come later in the batch.
template <typename Connection>
Status InsertLandNeighbours(Connection& connection, const std::vector<Country>& countries,
                            const std::vector<std::int64_t>& country_ids) {
  ORDO_TRY(insert, connection.Prepare(
                       "INSERT INTO country_neighbours (country_id, neighbour) VALUES (?, ?)"));
  for (std::size_t index = 0; index < countries.size(); ++index) {
    const Country& country = countries[index];
    for (const CountryCode& neighbour : country.land_neighbours) {
      if (neighbour == country.iso3) {
        return InvalidArgument(
            fmt::format("country {} lists itself as a land neighbour", country.iso3.str()));
      }
      insert.BindInt(country_ids[index]);
      insert.BindText(neighbour.str());
      ORDO_RETURN_IF_ERROR(InsertRow(
          insert,
          [&] {
            return fmt::format("country {} lists land neighbour {} twice", country.iso3.str(),
                               neighbour.str());
          },
          [&] {
            return UnknownCountry(fmt::format("land neighbour of {}", country.iso3.str()),
                                  neighbour);
          }));
    }
  }
  return OkStatus();
}

template <typename Connection>
Status InsertRelations(Connection& connection, const RegistryBatch& batch) {
  ORDO_TRY(insert,
           connection.Prepare(
               "INSERT INTO relations (iso3, country_name_en, established, source_url, table_rank, "
               "notes, "
               "table_cited_source_url, wikitext_copy_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  for (const Relation& relation : batch.relations) {
    insert.BindText(relation.iso3.str());
    insert.BindText(relation.country_name_en);
    insert.BindOptionalText(DateText(relation.established));
    insert.BindText(relation.source_url);
    insert.BindOptionalInt(relation.table_rank);
    insert.BindText(relation.notes);
    insert.BindText(relation.table_cited_source_url);
    insert.BindText(relation.wikitext_copy_url);
    ORDO_RETURN_IF_ERROR(InsertRow(
        insert, [&] { return fmt::format("relation for {} already exists", relation.iso3.str()); },
        [&] { return UnknownCountry("relation", relation.iso3); }));
  }
  ORDO_TRY(insert_missing,
           connection.Prepare(
               "INSERT INTO missing_relations (iso3, country_name_en, status, as_of, basis, "
               "later_established, source_url, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  for (const MissingRelation& missing : batch.missing_relations) {
    insert_missing.BindText(missing.iso3.str());
    insert_missing.BindText(missing.country_name_en);
    insert_missing.BindText(missing.status);
    insert_missing.BindOptionalText(DateText(missing.as_of));
    insert_missing.BindText(missing.basis);
    insert_missing.BindOptionalText(DateText(missing.later_established));
    insert_missing.BindText(missing.source_url);
    insert_missing.BindText(missing.notes);
    ORDO_RETURN_IF_ERROR(InsertRow(
        insert_missing,
        [&] { return fmt::format("missing relation for {} already exists", missing.iso3.str()); },
        [&] { return UnknownCountry("missing relation", missing.iso3); }));
  }
  return OkStatus();
}

template <typename Connection>
Status InsertMemberships(Connection& connection, const RegistryBatch& batch) {
  ORDO_TRY(insert,
           connection.Prepare(
               "INSERT INTO memberships (org_acronym, org_name, joined, role, source_url, notes) "
               "VALUES (?, ?, ?, ?, ?, ?)"));
  for (const Membership& membership : batch.memberships) {
    insert.BindText(membership.org_acronym);
    insert.BindText(membership.org_name);
    insert.BindOptionalText(DateText(membership.joined));
    insert.BindText(membership.role);
    insert.BindText(membership.source_url);
    insert.BindText(membership.notes);
    ORDO_RETURN_IF_ERROR(InsertRow(insert, [&] {
      return fmt::format("membership of {} already exists", membership.org_acronym);
    }));
  }
  ORDO_TRY(insert_member,
           connection.Prepare(
               "INSERT INTO organization_members (org_acronym, iso3, role, source_url, notes) "
               "VALUES (?, ?, ?, ?, ?)"));
  for (const OrganizationMember& member : batch.organization_members) {
    insert_member.BindText(member.org_acronym);
    insert_member.BindText(member.iso3.str());
    insert_member.BindText(member.role);
    insert_member.BindText(member.source_url);
    insert_member.BindText(member.notes);
    ORDO_RETURN_IF_ERROR(InsertRow(
        insert_member,
        [&] {
          return fmt::format("{} member {} already exists", member.org_acronym, member.iso3.str());
        },
        [&] { return UnknownCountry(member.org_acronym + " member", member.iso3); }));
  }
  return OkStatus();
}

template <typename Connection>
Status InsertTradeBlocMembers(Connection& connection,
                              const std::vector<TradeBlocMember>& members) {
  ORDO_TRY(insert,
           connection.Prepare("INSERT INTO trade_bloc_members (bloc_id, bloc_name, iso3, "
                              "source_url, notes) VALUES (?, ?, ?, ?, ?)"));
  for (const TradeBlocMember& member : members) {
    insert.BindText(member.bloc_id);
    insert.BindText(member.bloc_name);
    insert.BindText(member.iso3.str());
    insert.BindText(member.source_url);
    insert.BindText(member.notes);
    ORDO_RETURN_IF_ERROR(InsertRow(
        insert,
        [&] {
          return fmt::format("trade bloc {} member {} already exists", member.bloc_id,
                             member.iso3.str());
        },
        [&] {
          return UnknownCountry(fmt::format("trade bloc {} member", member.bloc_id), member.iso3);
        }));
  }
  return OkStatus();
}

template <typename Connection>
Status InsertTradeFlows(Connection& connection, const std::vector<TradeFlow>& flows) {
  ORDO_TRY(
      insert,
      connection.Prepare(
          "INSERT INTO trade_flows (partner, year, direction, value_usd, bound, period, reporter, "
          "source_url, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  for (const TradeFlow& flow : flows) {
    insert.BindText(flow.partner.str());
    insert.BindInt(flow.year);
    insert.BindText(TradeDirectionName(flow.direction));
    insert.BindOptionalInt(flow.value_usd);
    insert.BindText(ValueBoundName(flow.bound));
    insert.BindText(flow.period);
    insert.BindText(flow.reporter);
    insert.BindText(flow.source_url);
    insert.BindText(flow.notes);
    ORDO_RETURN_IF_ERROR(InsertRow(
        insert,
        [&] {
          return fmt::format("trade flow for {} {} {} ({}, reported by '{}', {}) already exists",
                             flow.partner.str(), flow.year, TradeDirectionName(flow.direction),
                             flow.period, flow.reporter, flow.source_url);
        },
        [&] { return UnknownCountry("trade flow", flow.partner); }));
  }
  return OkStatus();
}

template <typename Connection>
Status InsertFactsAndPlaces(Connection& connection, const RegistryBatch& batch) {
  ORDO_TRY(
      insert_fact,
      connection.Prepare(
          "INSERT INTO drug_facts (fact_id, topic, statement, year, quantity, unit, source_url, "
          "notes, place) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  for (const DrugFact& fact : batch.drug_facts) {
    insert_fact.BindText(fact.fact_id);
    insert_fact.BindText(fact.topic);
    insert_fact.BindText(fact.statement);
    insert_fact.BindOptionalInt(fact.year);
    insert_fact.BindOptionalDouble(fact.quantity);
    insert_fact.BindText(fact.unit);
    insert_fact.BindText(fact.source_url);
    insert_fact.BindText(fact.notes);
    insert_fact.BindText(fact.place);
    ORDO_RETURN_IF_ERROR(InsertRow(
        insert_fact, [&] { return fmt::format("drug fact {} already exists", fact.fact_id); }));
  }
  ORDO_TRY(
      insert_place,
      connection.Prepare("INSERT INTO places (name, kind, country, lat, lon, source_url, notes) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)"));
  for (const Place& place : batch.places) {
    insert_place.BindText(place.name);
    insert_place.BindText(place.kind);
    place.country.empty() ? insert_place.BindNull() : insert_place.BindText(place.country.str());
    insert_place.BindOptionalDouble(place.lat);
    insert_place.BindOptionalDouble(place.lon);
    insert_place.BindText(place.source_url);
    insert_place.BindText(place.notes);
    ORDO_RETURN_IF_ERROR(InsertRow(
        insert_place, [&] { return fmt::format("place '{}' already exists", place.name); },
        [&] { return UnknownCountry(fmt::format("place '{}'", place.name), place.country); }));
  }
  return OkStatus();
}

// Inserts every row of `batch` with prepared statements, in the order of RegistryBatch's fields
// (every Country before any Country's land_neighbours), inside the caller's open transaction; the
// caller rolls back on error. Returns kAlreadyExists or kInvalidArgument naming the key or country
// code, with the same messages as MemoryStore, and kInvalidArgument for a Country with an empty
// iso3; other failures as the backend maps them.
template <typename Connection>
Status InsertBatch(Connection& connection, const RegistryBatch& batch) {
  std::vector<std::int64_t> country_ids;
  ORDO_RETURN_IF_ERROR(InsertCountries(connection, batch.countries, country_ids));
  ORDO_RETURN_IF_ERROR(InsertLandNeighbours(connection, batch.countries, country_ids));
  ORDO_RETURN_IF_ERROR(InsertRelations(connection, batch));
  ORDO_RETURN_IF_ERROR(InsertMemberships(connection, batch));
  ORDO_RETURN_IF_ERROR(InsertTradeBlocMembers(connection, batch.trade_bloc_members));
  ORDO_RETURN_IF_ERROR(InsertTradeFlows(connection, batch.trade_flows));
  return InsertFactsAndPlaces(connection, batch);
}

}  // namespace ordo::storage::sql
