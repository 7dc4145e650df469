#include "api/static_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "api/error_response.h"
#include "api/percent_decoding.h"

namespace ordo::api {
namespace {

namespace fs = std::filesystem;

struct ContentType {
  std::string_view extension;
  std::string_view type;
};

constexpr ContentType kContentTypes[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".map", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".gif", "image/gif"},
    {".webp", "image/webp"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".ttf", "font/ttf"},
    {".txt", "text/plain; charset=utf-8"},
    {".wasm", "application/wasm"},
    {".webmanifest", "application/manifest+json"},
};

constexpr char kNotBuiltPage[] = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ordo: web app not built</title></head>
<body>
<h1>The Ordo web application is not built</h1>
<p>The API is running: see <a href="/api/v1/health">/api/v1/health</a> and
<a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
<p>To build the web application, run <code>make web</code> in the Ordo source folder (or
<code>cd web &amp;&amp; npm ci &amp;&amp; npm run build</code>), then reload this page. To serve a
build from somewhere else, start <code>ordo serve --web-root DIR</code>.</p>
</body></html>
)";

HttpResponse Page(int status, std::string_view content_type, std::string body,
                  std::string_view cache_control) {
  HttpResponse response;
  response.status = status;
  response.content_type = content_type;
  response.body = std::make_shared<const std::string>(std::move(body));
  response.headers.emplace_back("Cache-Control", cache_control);
  return response;
}

bool ReadWholeFile(const fs::path& path, std::string& contents) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  contents = std::move(buffer).str();
  return !in.bad();
}

bool IsInside(const fs::path& file, const fs::path& root) {
  std::error_code error;
  const fs::path real_file = fs::canonical(file, error);
  if (error) return false;
  const fs::path real_root = fs::canonical(root, error);
  if (error) return false;
  auto [root_end, file_at] =
      std::mismatch(real_root.begin(), real_root.end(), real_file.begin(), real_file.end());
  return root_end == real_root.end();
}

}  // namespace

StaticFiles::StaticFiles(std::string web_root) : web_root_(std::move(web_root)) {}

std::string_view StaticFiles::ContentTypeFor(std::string_view file_name) {
  for (const ContentType& known : kContentTypes) {
    if (file_name.size() >= known.extension.size() &&
        file_name.substr(file_name.size() - known.extension.size()) == known.extension) {
      return known.type;
    }
  }
  return "application/octet-stream";
}

HttpResponse StaticFiles::Serve(std::string_view path) const {
  auto decoded = PercentDecode(path, PlusSign::kLiteral);
  if (!decoded)
    return ErrorResponse(InvalidArgument("malformed path: " + decoded.error().message()));
  std::vector<std::string> segments;
  std::istringstream parts(*decoded);
  for (std::string segment; std::getline(parts, segment, '/');) {
    if (segment.empty()) continue;
    if (segment == "." || segment == ".." || segment.find('\\') != std::string::npos) {
      return ErrorResponse(
          InvalidArgument("the path may not contain '.' or '..' segments or '\\'"));
    }
    segments.push_back(std::move(segment));
  }
  // An encoded '/' would have made a segment of its own after decoding; refuse it too.
  if (path.find("%2f") != std::string_view::npos || path.find("%2F") != std::string_view::npos) {
    return ErrorResponse(InvalidArgument("the path may not contain an encoded '/'"));
  }

  std::error_code error;
  const fs::path root(web_root_);
  if (!fs::is_directory(root, error)) {
    return Page(503, "text/html; charset=utf-8", kNotBuiltPage, "no-store");
  }
  fs::path file = root;
  bool hidden = false;
  for (const std::string& segment : segments) {
    file /= segment;
    hidden |= segment.front() == '.';
  }
  std::string contents;
  if (!segments.empty() && !hidden && fs::is_regular_file(file, error) && IsInside(file, root) &&
      ReadWholeFile(file, contents)) {
    // Vite puts content-hashed names under assets/: they never change, everything else may.
    const bool immutable = segments.size() > 1 && segments.front() == "assets";
    return Page(200, ContentTypeFor(segments.back()), std::move(contents),
                immutable ? "public, max-age=31536000, immutable" : "no-cache");
  }
  if (!segments.empty() && segments.back().find('.') != std::string::npos) {
    return ErrorResponse(NotFound("no file " + *decoded + " in the web application"));
  }
  if (ReadWholeFile(root / "index.html", contents)) {
    return Page(200, "text/html; charset=utf-8", std::move(contents), "no-cache");
  }
  return Page(503, "text/html; charset=utf-8", kNotBuiltPage, "no-store");
}

}  // namespace ordo::api
