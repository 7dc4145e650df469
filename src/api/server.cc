#include "api/server.h"

#include "api/request_handler.h"

namespace ordo::api {

std::string ServerUrl(const std::string& host, std::uint16_t port) {
  const bool ipv6 = host.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + "/";
}

Status Serve(ServeConfig config) {
  ORDO_TRY(snapshots,
           SnapshotProvider::Create(std::move(config.data), std::move(config.snapshots)));
  // Shared with the handler function, which the HTTP server copies.
  auto handler =
      std::make_shared<const RequestHandler>(std::move(snapshots), std::move(config.web_root),
                                             config.jobs);
  ORDO_TRY(server, HttpServer::Listen(
                       config.http,
                       [handler](const HttpRequest& request) { return handler->Handle(request); },
                       [handler](const HttpRequest& request) {
                         return handler->CachedAnswer(request);
                       }));
  if (config.on_listening) config.on_listening(ServerUrl(config.http.host, server->port()));
  server->Run();
  return OkStatus();
}

}  // namespace ordo::api
