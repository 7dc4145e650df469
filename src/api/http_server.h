#pragma once
// HttpServer: an asynchronous HTTP/1.1 server (Boost.Beast and Asio, kept out of this header). One
// I/O thread accepts connections and reads and writes them; a small worker pool runs the handler,
// never the I/O thread, and the answer is posted back to the connection's strand. Connections are
// kept alive, TCP_NODELAY is set on each, a request's header and body are bounded, slow and idle
// connections time out, and at most `max_connections` are open at once (beyond that, new ones wait
// in the listen backlog). SIGINT and SIGTERM stop it gracefully: no new connections, each request
// being answered is finished, idle connections are closed.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <memory>
#include <string>

#include "api/http_types.h"
#include "core/result.h"

namespace ordo::api {

struct HttpServerOptions {
  std::string host = "127.0.0.1";  // an IP address or a host name
  std::uint16_t port = 8080;       // 0 picks a free port (see HttpServer::port)
  int worker_threads = 2;          // threads that run the handler, at least 1
  std::size_t max_connections = 1024;
  std::size_t max_header_bytes = 16 * 1024;         // larger: 431, and the connection is closed
  std::size_t max_body_bytes = 16 * 1024;           // larger: 413, and the connection is closed
  std::chrono::milliseconds read_timeout{10'000};   // first byte of a request to its end
  std::chrono::milliseconds idle_timeout{30'000};   // kept-alive connection between requests
  std::chrono::milliseconds write_timeout{30'000};  // sending one response
  bool stop_on_signals = true;                      // SIGINT and SIGTERM start a graceful stop
  // HTTPS when both are set: a PEM certificate chain (the server's certificate first) and its
  // PEM private key. TLS 1.2 at least.
  std::string tls_cert_file;
  std::string tls_key_file;
};

// Runs on a worker thread, on several at once; must not throw (an escaping exception becomes a
// 500 answer).
using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

// Runs on the I/O thread before a request goes to the pool: returns an answer that is already
// computed (a cache hit) or nullopt. It must be a lookup, never slow work.
using HttpCachedAnswer = std::function<std::optional<HttpResponse>(const HttpRequest&)>;

class HttpServer {
 public:
  // Binds and listens; connections are served once Run is called. Errors: kInvalidArgument when
  // the host is neither an address nor a known name, or not an address of this machine, or when
  // the TLS certificate or key cannot be read, is not PEM, or they do not belong together;
  // kUnavailable when the port is in use or may not be bound.
  // `cached` may be empty.
  static Result<std::unique_ptr<HttpServer>> Listen(const HttpServerOptions& options,
                                                    HttpHandler handler,
                                                    HttpCachedAnswer cached = {});

  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // The port actually bound (the free port picked for port 0).
  std::uint16_t port() const;
  // Whether the bound address is a loopback one (127.0.0.0/8, ::1): only this machine can connect.
  bool loopback() const;
  // Whether it serves HTTPS.
  bool tls() const;

  // Serves on the calling thread until Stop() or a signal, then finishes the requests being
  // answered, closes every connection and returns. Call once.
  void Run();

  // Starts the graceful stop Run describes. Thread-safe; not async-signal-safe.
  void Stop();

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ordo::api
