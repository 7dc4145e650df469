#include "api/internal/route_support.h"

#include <algorithm>

namespace ordo::api::internal {

std::vector<ParamSpec> RouteParams(std::vector<ParamSpec> own, Paging paging) {
  own.push_back(ChoiceParam("lang", {"en", "ru", "ky"}, "Language of country names"));
  own.back().kind = ParamKind::kLanguage;
  if (paging == Paging::kPaged) {
    own.push_back(IntegerParam("page", 1, kMaxPage, "Page number, from 1"));
    own.push_back(IntegerParam("page_size", 1, kMaxPageSize, "Items per page"));
  }
  return own;
}

ParamSpec TextParam(std::string name, std::string description) {
  return {std::move(name), ParamKind::kText, 0, 0, {}, std::move(description)};
}

ParamSpec IntegerParam(std::string name, std::int64_t min, std::int64_t max,
                       std::string description) {
  return {std::move(name), ParamKind::kInteger, min, max, {}, std::move(description)};
}

ParamSpec NumberParam(std::string name, double min, double max, std::string description) {
  return {std::move(name), ParamKind::kNumber, 0, 0, {}, std::move(description), min, max};
}

ParamSpec DateParam(std::string name, std::string description) {
  return {std::move(name), ParamKind::kDate, 0, 0, {}, std::move(description)};
}

ParamSpec ChoiceParam(std::string name, std::vector<std::string> choices, std::string description) {
  return {std::move(name), ParamKind::kChoice, 0, 0, std::move(choices), std::move(description)};
}

HttpResponse JsonResponse(const Json& document) {
  HttpResponse response;
  response.content_type = kJsonContentType;
  // Stored text is valid UTF-8; `replace` only guards against a bug turning into an exception.
  response.body = std::make_shared<const std::string>(
      document.dump(-1, ' ', false, Json::error_handler_t::replace));
  response.headers.emplace_back("Cache-Control", "no-cache");
  return response;
}

HttpResponse PagedResponse(const RouteRequest& request, std::vector<Json> items) {
  const std::int64_t page = request.params.Integer("page", 1);
  const std::int64_t page_size = request.params.Integer("page_size", kDefaultPageSize);
  const auto total = static_cast<std::int64_t>(items.size());
  const std::int64_t first = std::min(total, (page - 1) * page_size);
  const std::int64_t last = std::min(total, first + page_size);
  Json page_items = Json::array();
  for (std::int64_t index = first; index < last; ++index) {
    page_items.push_back(std::move(items[static_cast<std::size_t>(index)]));
  }
  return JsonResponse({{"items", std::move(page_items)},
                       {"page", page},
                       {"page_size", page_size},
                       {"total", total}});
}

Json TextOrNull(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json DateOrNull(const std::optional<PartialDate>& date) {
  return date ? Json(date->ToString()) : Json(nullptr);
}

Json PrecisionOrNull(const std::optional<PartialDate>& date) {
  if (!date) return nullptr;
  switch (date->precision()) {
    case DatePrecision::kYear:
      return "year";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kDay:
      return "day";
  }
  return nullptr;
}

Json CountryJson(const Country& country, Language language) {
  return {{"iso3", country.iso3.str()},
          {"iso2", TextOrNull(country.iso2)},
          {"name", country.Name(language)},
          {"name_en", country.name_en},
          {"name_ru", TextOrNull(country.name_ru)},
          {"name_ky", TextOrNull(country.name_ky)},
          {"region", TextOrNull(country.region)},
          {"subregion", TextOrNull(country.subregion)},
          {"un_member", country.un_member}};
}

Json TradeFlowJson(const TradeFlow& flow, const analytics::CountryDirectory& directory,
                   Language language) {
  return {{"partner_iso3", flow.partner.str()},
          {"partner", directory.NameOf(flow.partner, language)},
          {"year", flow.year},
          {"flow", TradeDirectionName(flow.direction)},
          {"value_usd", flow.value_usd ? Json(*flow.value_usd) : Json(nullptr)},
          {"bound", ValueBoundName(flow.bound)},
          {"period", TextOrNull(flow.period)},
          {"reporter", TextOrNull(flow.reporter)},
          {"source_url", flow.source_url},
          {"notes", TextOrNull(flow.notes)}};
}

Json MembershipJson(const Membership& membership) {
  return {{"org_acronym", membership.org_acronym},        {"org_name", membership.org_name},
          {"date_joined", DateOrNull(membership.joined)}, {"role", TextOrNull(membership.role)},
          {"source_url", membership.source_url},          {"notes", TextOrNull(membership.notes)}};
}

Json FactJson(const DrugFact& fact) {
  return {{"fact_id", fact.fact_id},
          {"topic", fact.topic},
          {"statement", fact.statement},
          {"year", fact.year ? Json(*fact.year) : Json(nullptr)},
          {"quantity", fact.quantity ? Json(*fact.quantity) : Json(nullptr)},
          {"unit", TextOrNull(fact.unit)},
          {"place", TextOrNull(fact.place)},
          {"source_url", fact.source_url},
          {"notes", TextOrNull(fact.notes)}};
}

Json PlaceJson(const Place& place) {
  return {{"name", place.name},
          {"kind", TextOrNull(place.kind)},
          {"country_iso3", place.country.empty() ? Json(nullptr) : Json(place.country.str())},
          {"lat", place.lat ? Json(*place.lat) : Json(nullptr)},
          {"lon", place.lon ? Json(*place.lon) : Json(nullptr)},
          {"source_url", place.source_url},
          {"notes", TextOrNull(place.notes)}};
}

}  // namespace ordo::api::internal
