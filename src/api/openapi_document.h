#pragma once
// The OpenAPI 3 description of the API, docs/api/openapi.json, compiled into the binary at build
// time (embed_openapi.cmake) and served at /api/v1/openapi.json.

#include <string_view>

namespace ordo::api {

// The document's text; static storage.
std::string_view OpenApiDocument();

}  // namespace ordo::api
