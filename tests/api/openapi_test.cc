// docs/api/openapi.json and the router describe the same API: every route is a documented path and
// every documented path a route, with the same query and path parameters, ranges and choices.

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "api/routes.h"

namespace ordo::testing {
namespace {

using Json = nlohmann::json;

Json LoadDocument() {
  std::ifstream file(ORDO_SOURCE_DIR "/docs/api/openapi.json");
  std::stringstream text;
  text << file.rdbuf();
  return Json::parse(text.str());
}

// Follows a local "$ref" ("#/components/parameters/lang"); other objects are returned as they are.
const Json& Resolve(const Json& document, const Json& object) {
  if (!object.contains("$ref")) return object;
  return document.at(Json::json_pointer(object["$ref"].get<std::string>().substr(1)));
}

class OpenApiTest : public ::testing::Test {
 protected:
  Json document_ = LoadDocument();
  api::Router router_ = api::BuildApiRouter();
};

TEST_F(OpenApiTest, DocumentIsOpenApi3) {
  EXPECT_EQ(document_["openapi"].get<std::string>().substr(0, 4), "3.0.");
  EXPECT_TRUE(document_["info"].contains("title"));
}

TEST_F(OpenApiTest, EveryRouteIsDocumentedAndEveryDocumentedPathIsARoute) {
  std::set<std::string> routes;
  for (const api::Route& route : router_.routes()) routes.insert(route.pattern);
  std::set<std::string> documented;
  for (const auto& [path, item] : document_["paths"].items()) documented.insert(path);

  EXPECT_EQ(routes, documented);
}

TEST_F(OpenApiTest, ParametersMatchTheRoutes) {
  const std::regex variable(R"(\{([a-z_]+)\})");
  for (const api::Route& route : router_.routes()) {
    SCOPED_TRACE(route.pattern);
    if (!document_["paths"].contains(route.pattern)) continue;  // reported above
    const Json& operation = document_["paths"][route.pattern]["get"];
    std::map<std::string, Json> query;
    std::set<std::string> path_params;
    for (const Json& entry : operation["parameters"]) {
      const Json& parameter = Resolve(document_, entry);
      if (parameter["in"] == "path") path_params.insert(parameter["name"]);
      if (parameter["in"] == "query") query[parameter["name"]] = parameter["schema"];
    }
    std::set<std::string> pattern_params;
    for (std::sregex_iterator it(route.pattern.begin(), route.pattern.end(), variable), end;
         it != end; ++it) {
      pattern_params.insert((*it)[1]);
    }
    EXPECT_EQ(path_params, pattern_params);

    std::set<std::string> route_names;
    for (const api::ParamSpec& spec : route.params) {
      route_names.insert(spec.name);
      if (query.count(spec.name) == 0) continue;
      const Json& schema = query[spec.name];
      SCOPED_TRACE(spec.name);
      switch (spec.kind) {
        case api::ParamKind::kInteger:
          EXPECT_EQ(schema["type"], "integer");
          EXPECT_EQ(schema["minimum"], spec.min);
          EXPECT_EQ(schema["maximum"], spec.max);
          break;
        case api::ParamKind::kNumber:
          EXPECT_EQ(schema["type"], "number");
          EXPECT_EQ(schema["minimum"].get<double>(), spec.number_min);
          EXPECT_EQ(schema["maximum"].get<double>(), spec.number_max);
          break;
        case api::ParamKind::kBoolean:
          EXPECT_EQ(schema["type"], "boolean");
          break;
        case api::ParamKind::kDate:
          EXPECT_EQ(schema["type"], "string");
          EXPECT_TRUE(schema.contains("pattern"));
          break;
        case api::ParamKind::kLanguage:
        case api::ParamKind::kChoice:
          EXPECT_EQ(schema["enum"], Json(spec.choices));
          break;
        case api::ParamKind::kText:
          EXPECT_EQ(schema["type"], "string");
          break;
      }
    }
    std::set<std::string> documented_names;
    for (const auto& [name, schema] : query) documented_names.insert(name);
    EXPECT_EQ(route_names, documented_names);
  }
}

TEST_F(OpenApiTest, EveryOperationDescribesItsAnswerAndItsProblems) {
  for (const auto& [path, item] : document_["paths"].items()) {
    SCOPED_TRACE(path);
    ASSERT_TRUE(item.contains("get"));
    const Json& responses = item["get"]["responses"];
    EXPECT_TRUE(responses["200"]["content"].contains("application/json"));
    EXPECT_TRUE(
        Resolve(document_, responses["400"])["content"].contains("application/problem+json"));
    EXPECT_TRUE(
        Resolve(document_, responses["default"])["content"].contains("application/problem+json"));
    const bool has_path_parameter = path.find('{') != std::string::npos;
    if (has_path_parameter) {
      EXPECT_TRUE(responses.contains("404"));
    }
  }
}

// A route that asks for a sign-in documents 401 (and 403, CSRF, on POST and DELETE) and inherits the
// document's security; a public one says `security: []` on what it answers without a sign-in.
TEST_F(OpenApiTest, TheSignInIsDocumentedAsTheRoutesAskForIt) {
  EXPECT_TRUE(document_["components"]["securitySchemes"].contains("sessionCookie"));
  EXPECT_TRUE(document_["components"]["securitySchemes"].contains("bearerToken"));
  EXPECT_EQ(document_["security"].size(), 2u);
  for (const api::Route& route : router_.routes()) {
    SCOPED_TRACE(route.pattern);
    const Json& item = document_["paths"][route.pattern];
    bool some_open = false;
    for (const auto& [method, operation] : item.items()) {
      SCOPED_TRACE(method);
      const bool open = operation.contains("security") && operation["security"].empty();
      some_open = some_open || open;
      if (route.is_public) continue;
      EXPECT_FALSE(operation.contains("security"));
      EXPECT_TRUE(operation["responses"].contains("401"));
      if (method == "post" || method == "delete") {
        EXPECT_TRUE(operation["responses"].contains("403"));
      }
    }
    EXPECT_EQ(some_open, route.is_public);
  }
}

// docs/compartments.md, "Markings of API answers": every answer over case data (the graph and
// narcotics routes) carries the Ordo-Marking header and, as JSON, a required "marking" member; the
// public registry's answers neither.
TEST_F(OpenApiTest, EveryCaseDataAnswerDocumentsItsMarking) {
  int marked = 0;
  for (const auto& [path, item] : document_["paths"].items()) {
    const bool case_data =
        path.rfind("/api/v1/graph", 0) == 0 || path.rfind("/api/v1/narcotics", 0) == 0;
    for (const auto& [method, operation] : item.items()) {
      for (const auto& [code, response] : operation["responses"].items()) {
        if (code.front() != '2') continue;
        SCOPED_TRACE(path + " " + method + " " + code);
        const bool has_header =
            response.contains("headers") && response["headers"].contains("Ordo-Marking");
        EXPECT_EQ(has_header, case_data);
        if (!response.contains("content") || !response["content"].contains("application/json")) {
          continue;
        }
        const Json& schema = response["content"]["application/json"]["schema"];
        std::vector<const Json*> answers;
        if (schema.contains("oneOf")) {
          for (const Json& one : schema["oneOf"]) answers.push_back(&Resolve(document_, one));
        } else {
          answers.push_back(&Resolve(document_, schema));
        }
        for (const Json* answer : answers) {
          const bool required =
              answer->contains("required") &&
              std::find((*answer)["required"].begin(), (*answer)["required"].end(), "marking") !=
                  (*answer)["required"].end();
          EXPECT_EQ(required, case_data);
        }
        marked += case_data ? 1 : 0;
      }
    }
  }
  EXPECT_GE(marked, 18);
}

TEST_F(OpenApiTest, EveryReferenceResolves) {
  std::vector<const Json*> pending = {&document_};
  int references = 0;
  while (!pending.empty()) {
    const Json* node = pending.back();
    pending.pop_back();
    if (node->is_object() && node->contains("$ref")) {
      const std::string target = (*node)["$ref"];
      ++references;
      ASSERT_EQ(target.rfind("#/", 0), 0u) << target;
      EXPECT_TRUE(document_.contains(Json::json_pointer(target.substr(1)))) << target;
    }
    if (node->is_structured()) {
      for (const Json& child : *node) pending.push_back(&child);
    }
  }
  EXPECT_GT(references, 0);
}

}  // namespace
}  // namespace ordo::testing
