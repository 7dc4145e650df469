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
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include "api/http_server.h"

namespace ordo::api::internal {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using SystemError = boost::system::error_code;

// What the server's registry of connections sees of one (Session<Stream> below).
class SessionBase {
 public:
  virtual ~SessionBase() = default;
  virtual void Start() = 0;
  // Graceful stop: an idle or reading connection is closed now, one being answered once the
  // answer is written. Any thread.
  virtual void Shutdown() = 0;
};

// Everything the connections share. Sessions run on their strands; the acceptor and the signal
// set on the single I/O thread; the registry of sessions is guarded by `sessions_mutex`.
struct ServerCore {
  ServerCore(const HttpServerOptions& server_options, HttpHandler request_handler,
             HttpCachedAnswer cached_answer);
  // Loads the certificate chain and key named by the options; kInvalidArgument naming the file
  // and the flag when one is missing, unreadable or not PEM, or when they do not match.
  Status LoadTls();
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
  void Unregister(SessionBase* session);

  const HttpServerOptions options;
  const HttpHandler handler;
  const HttpCachedAnswer cached;  // may be empty
  std::mutex sessions_mutex;
  std::unordered_map<SessionBase*, std::weak_ptr<SessionBase>> sessions;
  std::unique_ptr<asio::ssl::context> tls;  // set when serving HTTPS
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
// Stream is beast::tcp_stream (HTTP) or beast::ssl_stream<beast::tcp_stream> (HTTPS: a TLS
// handshake first, under the read timeout). Instantiated for those two in http_session.cc.
template <class Stream>
class Session final : public SessionBase, public std::enable_shared_from_this<Session<Stream>> {
 public:
  // `socket` must use a strand of core.io as its executor.
  Session(tcp::socket socket, ServerCore& core);
  ~Session() override;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void Start() override;
  void Shutdown() override;

 private:
  beast::tcp_stream& Tcp() { return beast::get_lowest_layer(stream_); }
  void ReadNext();
  void ReadRequest();
  void OnRead(SystemError error);
  void Dispatch();
  void Refuse(int status, const std::string& detail);
  void Write(HttpResponse response);
  void OnWrite(bool keep_alive, SystemError error);
  void Drain();
  void Close();

  Stream stream_;
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

using PlainSession = Session<beast::tcp_stream>;
using TlsSession = Session<beast::ssl_stream<beast::tcp_stream>>;

}  // namespace ordo::api::internal
