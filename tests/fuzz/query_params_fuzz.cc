// Fuzz target: QueryParams::Parse against the parameters of every API route (BuildApiRouter):
// the route is picked by the input's first byte, the rest is the raw query string. An accepted
// query must hold only declared parameters, each within its declared range.
// Built with libFuzzer by scripts/fuzz.sh; replayed on tests/fuzz/corpus/query_params and
// crashes/query_params by ctest.

#include <cstdint>
#include <string_view>
#include <variant>

#include "api/query_params.h"
#include "api/routes.h"
#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using ordo::fuzz::Require;
  static const ordo::api::Router* router = new ordo::api::Router(ordo::api::BuildApiRouter());
  if (size == 0) return 0;
  const auto& routes = router->routes();
  const auto& route = routes[data[0] % routes.size()];
  const std::string_view query(reinterpret_cast<const char*>(data) + 1, size - 1);
  const auto parsed = ordo::api::QueryParams::Parse(query, route.params);
  if (const auto* problem = std::get_if<ordo::api::QueryProblem>(&parsed)) {
    Require(!problem->message.empty(), "a query problem without a message");
    return 0;
  }
  const auto& params = std::get<ordo::api::QueryParams>(parsed);
  for (const ordo::api::ParamSpec& spec : route.params) {
    if (!params.Has(spec.name)) continue;
    Require(params.Text(spec.name).size() <= ordo::api::kMaxParamValueBytes, "an overlong value");
    Require(ordo::fuzz::IsValidUtf8(params.Text(spec.name)), "a value that is not UTF-8");
    if (spec.kind == ordo::api::ParamKind::kInteger) {
      const auto value = params.OptionalInteger(spec.name);
      Require(value && *value >= spec.min && *value <= spec.max, "an integer out of range");
    }
    if (spec.kind == ordo::api::ParamKind::kNumber) {
      const double value = params.Number(spec.name, spec.number_min - 1);
      Require(value >= spec.number_min && value <= spec.number_max, "a number out of range");
    }
    if (spec.kind == ordo::api::ParamKind::kDate) {
      Require(params.Date(spec.name).has_value(), "an accepted date that does not parse");
    }
  }
  params.Normalized();
  return 0;
}
