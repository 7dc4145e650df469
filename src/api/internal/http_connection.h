#pragma once
// The insides of HttpServer, shared by http_server.cc (acceptor, shutdown) and
// internal/http_session.cc (one connection). The only api header that includes Boost.Asio and
// Beast; nothing outside those two files includes it.

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "api/http_server.h"

namespace ordo::api::internal {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using SystemError = boost::system::error_code;

class Session;

// Everything the connections share. Sessions run on their strands; the acceptor and the signal
// set on the single I/O thread; the registry of sessions is guarded by `sessions_mutex`.
struct ServerCore {
  ServerCore(const HttpServerOptions& server_options, HttpHandler request_handler,
             HttpCachedAnswer cached_answer);
  // Marks the server stopping first, so that sessions destroyed along with `io` post nothing.
  ~ServerCore() { stopping = true; }
  ServerCore(const ServerCore&) = delete;
  ServerCore& operator=(const ServerCore&) = delete;

  // The handler's answer; an exception becomes a 500 problem.
  HttpResponse Answer(const HttpRequest& request) const;
  Status Bind(const tcp::endpoint& endpoint);
  // Accepts the next connection, or pauses while max_connections are open.
  void Accept();
  void OnAccept(SystemError error, tcp::socket socket);
  // Stops accepting and asks every session to finish (I/O thread only).
  void BeginStop();
  // Called by a session's destructor; resumes a paused accept.
  void Unregister(Session* session);

  const HttpServerOptions options;
  const HttpHandler handler;
  const HttpCachedAnswer cached;  // may be empty
  std::mutex sessions_mutex;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
  bool accept_paused = false;  // guarded by sessions_mutex
  std::atomic<bool> stopping{false};
  // Declared in this order so that the pool (which posts to `io`) goes before `io`, and `io`
  // (whose pending handlers own sessions) before the registry that sessions leave on destruction.
  asio::io_context io{1};
  asio::thread_pool workers;
  tcp::acceptor acceptor{io};
  asio::signal_set signals{io};
  asio::steady_timer accept_retry{io};
};

// One connection: reads requests one at a time, hands each to the worker pool and writes the
// answer on its strand; keeps the connection alive while the client wants and the server runs.
class Session : public std::enable_shared_from_this<Session> {
 public:
  // `socket` must use a strand of core.io as its executor.
  Session(tcp::socket socket, ServerCore& core);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void Start();
  // Graceful stop: an idle or reading connection is closed now, one being answered once the
  // answer is written. Any thread.
  void Shutdown();

 private:
  void ReadNext();
  void ReadRequest();
  void OnRead(SystemError error);
  void Dispatch();
  void Refuse(int status, const std::string& detail);
  void Write(HttpResponse response);
  void OnWrite(bool keep_alive, SystemError error);
  void Drain();
  void Close();

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  ServerCore& core_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::response<http::span_body<const char>>> response_;
  std::shared_ptr<const std::string> body_;  // what response_ points into, until written
  unsigned version_ = 11;
  bool keep_alive_ = false;
  bool head_ = false;
  bool busy_ = false;     // a request is being answered (on the pool or being written)
  bool closing_ = false;  // the server is stopping
  bool refused_ = false;  // a malformed or oversized request was refused; close after answering
  std::size_t drained_ = 0;
  std::string remote_address_;  // the peer's IP address, for HttpRequest::remote_address
};

}  // namespace ordo::api::internal
