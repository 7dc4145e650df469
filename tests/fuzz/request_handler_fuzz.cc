// Fuzz target: the API's request handler (router, query validation, routes, static files) on raw
// HTTP request text: "METHOD TARGET HTTP/1.1" and whatever follows. The request line is split as
// the server's parser would hand it over; headers and body do not reach the handler. The registry
// is the bundled data seeded into a memory store once; the web root is a scratch directory with
// one page, next to a file that must never be served.
// Properties: no 500 (a bug, since nothing below fails on bad input), never the file outside the
// web root, and every 4xx under /api is a problem document.
// Built with libFuzzer by scripts/fuzz.sh; replayed on tests/fuzz/corpus/request_handler and
// crashes/request_handler by ctest.

#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include "analytics/registry_seed.h"
#include "api/request_handler.h"
#include "fuzz_checks.h"
#include "storage/memory/memory_store.h"

namespace {

constexpr std::string_view kSecret = "fuzz-secret-outside-the-web-root";

std::unique_ptr<ordo::storage::RegistryStore> SeededStore() {
  auto store = std::make_unique<ordo::storage::MemoryStore>();
  const std::string locale = ORDO_FUZZ_LOCALE_DIR;
  const ordo::analytics::ReferenceSources sources{
      ORDO_FUZZ_ISO_CODES_JSON, locale + "/ru/LC_MESSAGES/iso_3166-1.mo",
      locale + "/ky/LC_MESSAGES/iso_3166-1.mo", std::string(ORDO_FUZZ_DATA_DIR) + "/reference"};
  auto seeded = ordo::analytics::SeedRegistry(*store, ORDO_FUZZ_DATA_DIR, sources);
  if (!seeded || !seeded->problems.empty()) {
    std::fprintf(stderr, "fuzz: cannot seed the registry from %s\n", ORDO_FUZZ_DATA_DIR);
    std::abort();
  }
  return store;
}

const ordo::api::RequestHandler& Handler() {
  static const ordo::api::RequestHandler* handler = [] {
    namespace fs = std::filesystem;
    const fs::path scratch =
        fs::temp_directory_path() / ("ordo_fuzz_handler_" + std::to_string(getpid()));
    fs::create_directories(scratch / "web");
    std::ofstream(scratch / "web" / "index.html") << "<!doctype html><title>Ordo</title>";
    std::ofstream(scratch / "secret.txt") << kSecret;
    ordo::api::SnapshotSource source;
    source.open_store = []() -> ordo::Result<std::unique_ptr<ordo::storage::RegistryStore>> {
      return SeededStore();
    };
    ordo::api::SnapshotProviderOptions options;
    options.check_interval = std::chrono::hours(24);
    auto provider = ordo::api::SnapshotProvider::Create(std::move(source), std::move(options));
    if (!provider) std::abort();
    return new ordo::api::RequestHandler(std::move(*provider), (scratch / "web").string());
  }();
  return *handler;
}

// The request line's method and target: up to the first space, then up to the next space or line
// end. Nothing more is parsed; Beast hands the handler these two strings.
ordo::api::HttpRequest RequestOf(std::string_view text) {
  ordo::api::HttpRequest request;
  const std::size_t line_end = std::min(text.find("\r\n"), text.find('\n'));
  const std::string_view line = text.substr(0, line_end);
  const std::size_t space = line.find(' ');
  request.method_name = std::string(line.substr(0, space));
  if (space != std::string_view::npos) {
    const std::string_view rest = line.substr(space + 1);
    request.target = std::string(rest.substr(0, rest.find(' ')));
  }
  request.method = request.method_name == "GET"    ? ordo::api::HttpMethod::kGet
                   : request.method_name == "HEAD" ? ordo::api::HttpMethod::kHead
                                                   : ordo::api::HttpMethod::kOther;
  return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using ordo::fuzz::Require;
  const ordo::api::HttpRequest request =
      RequestOf(std::string_view(reinterpret_cast<const char*>(data), size));
  const ordo::api::HttpResponse response = Handler().Handle(request);
  Require(response.body != nullptr, "a response without a body");
  Require(response.status >= 200 && response.status < 600, "a status outside 200-599");
  Require(response.status != 500, "an internal error on client input");
  // Error messages may echo the target, secret words and all; only the file itself is a leak.
  Require(*response.body != kSecret, "a file outside the web root");
  if (response.status >= 400 && request.target.rfind("/api", 0) == 0) {
    Require(response.content_type == ordo::api::kProblemContentType, "an API error not a problem");
  }
  return 0;
}
