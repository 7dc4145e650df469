#pragma once
// The Ordo API server as `ordo serve` runs it: loads the registry snapshot, answers /api/v1 and the
// web application's files through RequestHandler, and serves them with HttpServer until SIGINT or
// SIGTERM.

#include <functional>
#include <string>

#include "api/audit_writer.h"
#include "api/authenticator.h"
#include "api/graph_jobs.h"
#include "api/http_server.h"
#include "api/snapshot_provider.h"
#include "core/result.h"

namespace ordo::api {

struct ServeConfig {
  HttpServerOptions http;  // with tls_cert_file and tls_key_file: HTTPS, and Secure cookies
  std::string web_root;  // the built web app (web/dist); need not exist
  SnapshotSource data;
  SnapshotProviderOptions snapshots;
  GraphJobsOptions jobs;  // the graph jobs' threads and bounds (docs/api/README.md, "Graph jobs")
  // The accounts that may sign in (api/authenticator.h), and the sessions' rules.
  AccountStoreOpener open_accounts;
  AuthOptions auth;
  // The audit log that sign-ins, reads of case data and writes are recorded in (docs/audit.md);
  // empty: nothing is recorded (tests of other things only).
  AuditStoreOpener open_audit;
  // Called once the port is bound, with the URL to open ("http://127.0.0.1:8080/").
  std::function<void(const std::string& url)> on_listening;
  // Called right after on_listening when the server is bound to a loopback address and the store
  // has no accounts, with the one-time sign-in link of the local administrator
  // ("http://127.0.0.1:8080/?signin=ordo_..."). Never for any other address.
  std::function<void(const std::string& link)> on_signin_link;
  // Told about events while serving; may be empty.
  std::function<void(const std::string& message)> log;
};

// Blocks until the server has stopped; returns OK after a graceful stop. Errors: loading the
// first snapshot (what the store returns, kFailedPrecondition for an empty database), and
// HttpServer::Listen's (kInvalidArgument for a bad address, kUnavailable for a port in use).
Status Serve(ServeConfig config);

// "http://HOST:PORT/" ("https://" with `tls`), with an IPv6 host in brackets.
std::string ServerUrl(const std::string& host, std::uint16_t port, bool tls = false);

}  // namespace ordo::api
