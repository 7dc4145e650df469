#include "api/server.h"

#include "api/request_handler.h"

namespace ordo::api {

std::string ServerUrl(const std::string& host, std::uint16_t port, bool tls) {
  const bool ipv6 = host.find(':') != std::string::npos;
  return std::string(tls ? "https://" : "http://") + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + "/";
}

Status Serve(ServeConfig config) {
  ORDO_TRY(snapshots,
           SnapshotProvider::Create(std::move(config.data), std::move(config.snapshots)));
  config.auth.secure_cookies = !config.http.tls_cert_file.empty();
  if (!config.jobs.log) config.jobs.log = config.log;
  auto auth = std::make_shared<Authenticator>(std::move(config.open_accounts), config.auth);
  std::shared_ptr<AuditWriter> audit;
  if (config.open_audit) audit = std::make_shared<AuditWriter>(std::move(config.open_audit));
  // Shared with the handler function, which the HTTP server copies.
  auto handler =
      std::make_shared<const RequestHandler>(std::move(snapshots), std::move(config.web_root),
                                             config.jobs, auth, audit);
  ORDO_TRY(server, HttpServer::Listen(
                       config.http,
                       [handler](const HttpRequest& request) { return handler->Handle(request); },
                       [handler](const HttpRequest& request) {
                         return handler->CachedAnswer(request);
                       }));
  const std::string url = ServerUrl(config.http.host, server->port(), server->tls());
  if (config.on_listening) config.on_listening(url);
  // The local administrator's way in, as Jupyter's: only this machine can reach a loopback
  // address, and only a server nobody can sign in to yet needs it.
  if (server->loopback() && config.on_signin_link) {
    Result<bool> has_accounts = auth->HasAccounts();
    if (!has_accounts) {
      if (config.log) config.log("no sign-in link: " + has_accounts.error().message());
    } else if (!*has_accounts) {
      ORDO_TRY(token, auth->CreateSignInLink());
      config.on_signin_link(url + "?signin=" + token);
    }
  }
  server->Run();
  if (audit && config.log) {
    config.log("audit: " + std::to_string(audit->appended()) + " records written in " +
               std::to_string(audit->batches()) + " transactions");
  }
  return OkStatus();
}

}  // namespace ordo::api
