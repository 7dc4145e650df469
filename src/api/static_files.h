#pragma once
// StaticFiles: serves the built web application (web/dist) for every path outside /api/. A path is
// percent-decoded and refused with 400 when it has a "." or ".." segment, a '\' or an encoded '/',
// so nothing outside the web root can be named; symbolic links that lead outside it are refused
// too. `index.html` answers "/" and any unknown path whose last segment has no '.', so the web
// app's client-side routes (/countries/TUR) load the app; an unknown file (/assets/x.js) is 404.

#include <string>
#include <string_view>

#include "api/http_types.h"

namespace ordo::api {

// Reads files on each request; safe to use from several threads at once.
class StaticFiles {
 public:
  // `web_root` need not exist: then every page says that the web app is not built and how to
  // build it (status 503).
  explicit StaticFiles(std::string web_root);

  // The answer to a GET of `path` (without the query).
  HttpResponse Serve(std::string_view path) const;

  // "text/javascript; charset=utf-8" for "app.js"; application/octet-stream when unknown.
  static std::string_view ContentTypeFor(std::string_view file_name);

 private:
  std::string web_root_;
};

}  // namespace ordo::api
