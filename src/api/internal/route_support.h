#pragma once
// Helpers shared by the route files (routes_*.cc) and nothing else: the parameters every route
// takes, paging, and the JSON form of the registry's objects (docs/api/README.md, "Objects").
// The one api header that includes nlohmann/json; public api headers stay free of it.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analytics/country_directory.h"
#include "api/http_types.h"
#include "api/query_params.h"
#include "api/router.h"
#include "core/drug_fact.h"
#include "core/membership.h"
#include "core/partial_date.h"
#include "core/place.h"
#include "core/trade_flow.h"

namespace ordo::api::internal {

using Json = nlohmann::json;

enum class Paging { kNone, kPaged };

inline constexpr std::int64_t kDefaultPageSize = 50;
inline constexpr std::int64_t kMaxPageSize = 500;
inline constexpr std::int64_t kMaxPage = 1000000;

// `own` plus `lang` (every route) and, for a paged list, `page` and `page_size`.
std::vector<ParamSpec> RouteParams(std::vector<ParamSpec> own, Paging paging);

ParamSpec TextParam(std::string name, std::string description);
ParamSpec IntegerParam(std::string name, std::int64_t min, std::int64_t max,
                       std::string description);
ParamSpec NumberParam(std::string name, double min, double max, std::string description);
ParamSpec DateParam(std::string name, std::string description);
ParamSpec ChoiceParam(std::string name, std::vector<std::string> choices, std::string description);

// 200 with the document as application/json.
HttpResponse JsonResponse(const Json& document);

// {"items": [...], "page", "page_size", "total"} for the page the request asks for; a page past
// the end has no items.
HttpResponse PagedResponse(const RouteRequest& request, std::vector<Json> items);

// A missing value is null, never "" (docs/api/README.md).
Json TextOrNull(const std::string& text);
Json DateOrNull(const std::optional<PartialDate>& date);
Json PrecisionOrNull(const std::optional<PartialDate>& date);

Json CountryJson(const Country& country, Language language);
Json TradeFlowJson(const TradeFlow& flow, const analytics::CountryDirectory& directory,
                   Language language);
Json MembershipJson(const Membership& membership);
Json FactJson(const DrugFact& fact);
Json PlaceJson(const Place& place);

}  // namespace ordo::api::internal
