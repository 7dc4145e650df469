#pragma once
// For tests: the throw-away PostgreSQL cluster that ctest starts (scripts/pg-test-cluster.sh,
// fixture ordo_postgres_cluster) and a fresh schema in it per test, so tests running as parallel
// ctest processes never see each other's rows. The cluster is deleted after the run, schemas and
// all.

#include <string>

#include "core/result.h"

namespace ordo::storage::testing {

// The cluster's URI: $ORDO_TEST_POSTGRES_URI, else the contents of the file
// $ORDO_TEST_POSTGRES_URI_FILE names. kFailedPrecondition saying how to start a cluster when
// neither gives one: a PostgreSQL test fails, never skips, without its cluster.
Result<std::string> TestClusterUri();

// Creates a new, empty schema in the cluster's database and returns a URI whose connections use
// it (search_path), for PostgresStore::Open.
Result<std::string> NewTestSchemaUri();

}  // namespace ordo::storage::testing
