#include "storage/postgres/testing/test_cluster.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "storage/postgres/internal/pg_handle.h"

namespace ordo::storage::testing {

Result<std::string> TestClusterUri() {
  if (const char* uri = std::getenv("ORDO_TEST_POSTGRES_URI"); uri != nullptr && *uri != '\0') {
    return std::string(uri);
  }
  const char* file = std::getenv("ORDO_TEST_POSTGRES_URI_FILE");
  if (file != nullptr && *file != '\0') {
    std::ifstream in(file);
    std::string uri;
    if (in && std::getline(in, uri) && !uri.empty()) return uri;
    return FailedPrecondition(fmt::format(
        "no PostgreSQL test cluster: {} is missing or empty (did the ctest fixture "
        "postgres_cluster_start fail? see its output)",
        file));
  }
  return FailedPrecondition(
      "no PostgreSQL test cluster: run the tests through ctest, which starts one, or start one "
      "with scripts/pg-test-cluster.sh start DIR and set ORDO_TEST_POSTGRES_URI to the URI it "
      "prints");
}

Result<std::string> NewTestSchemaUri() {
  ORDO_TRY(uri, TestClusterUri());
  static std::atomic<int> counter{0};
  const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  const std::string schema =
      fmt::format("ordo_test_{}_{}_{}", ::getpid(), counter.fetch_add(1), now % 1000000007);
  ORDO_TRY(connection, pg_internal::Connection::Open(uri));
  ORDO_RETURN_IF_ERROR(connection->Execute(fmt::format("CREATE SCHEMA {}", schema)));
  const char separator = uri.find('?') == std::string::npos ? '?' : '&';
  return fmt::format("{}{}options=-csearch_path%3D{}", uri, separator, schema);
}

}  // namespace ordo::storage::testing
