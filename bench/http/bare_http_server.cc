// A bare Boost.Beast HTTP/1.1 server: the peer Ordo's server is measured against
// (bench/http/run.sh). Same settings as ordo::api::HttpServer: one I/O thread, a strand per
// connection, TCP_NODELAY, keep-alive, 16 KiB header and body limits, the idle-then-read timeout
// scheme. It answers every request on the I/O thread with one constant JSON body of the size
// given, with no routing, no worker pool and no cache: what is left is the cost of HTTP itself.
//
//   bare_http_server [--listen 127.0.0.1:0] [--body-bytes N]
// prints "listening on http://HOST:PORT/" and serves until SIGINT or SIGTERM.

#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using SystemError = boost::system::error_code;

constexpr std::size_t kLimit = 16 * 1024;
constexpr std::size_t kReadChunk = 4096;
constexpr std::chrono::seconds kReadTimeout{10};
constexpr std::chrono::seconds kIdleTimeout{30};
constexpr std::chrono::seconds kWriteTimeout{30};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const std::string& body)
      : stream_(std::move(socket)), buffer_(2 * kLimit + kReadChunk), body_(body) {}

  void Start() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] { self->ReadNext(); });
  }

 private:
  void ReadNext() {
    if (buffer_.size() > 0) return ReadRequest();
    stream_.expires_after(kIdleTimeout);
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = shared_from_this()](SystemError error, std::size_t bytes) {
                              if (error) return self->Close();
                              self->buffer_.commit(bytes);
                              self->ReadRequest();
                            });
  }

  void ReadRequest() {
    parser_.emplace();
    parser_->header_limit(kLimit);
    parser_->body_limit(kLimit);
    stream_.expires_after(kReadTimeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](SystemError error, std::size_t) {
                       if (error) return self->Close();
                       self->Write();
                     });
  }

  void Write() {
    const auto& request = parser_->get();
    response_.emplace(http::status::ok, request.version());
    response_->set(http::field::server, "bare");
    response_->set(http::field::content_type, "application/json");
    response_->body() = {body_.data(), body_.size()};
    response_->prepare_payload();
    response_->keep_alive(request.keep_alive());
    parser_.reset();
    stream_.expires_after(kWriteTimeout);
    http::async_write(stream_, *response_,
                      [self = shared_from_this()](SystemError error, std::size_t) {
                        const bool keep_alive = self->response_->keep_alive();
                        self->response_.reset();
                        if (error || !keep_alive) return self->Close();
                        self->ReadNext();
                      });
  }

  void Close() {
    SystemError ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  const std::string& body_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::response<http::span_body<const char>>> response_;
};

void Accept(tcp::acceptor& acceptor, asio::io_context& io, const std::string& body) {
  acceptor.async_accept(asio::make_strand(io),
                        [&acceptor, &io, &body](SystemError error, tcp::socket socket) {
                          if (error == asio::error::operation_aborted) return;
                          if (!error) {
                            SystemError ignored;
                            socket.set_option(tcp::no_delay(true), ignored);
                            std::make_shared<Session>(std::move(socket), body)->Start();
                          }
                          Accept(acceptor, io, body);
                        });
}

}  // namespace

int main(int argc, char** argv) {
  std::string listen = "127.0.0.1:0";
  std::size_t body_bytes = 1024;
  for (int index = 1; index + 1 < argc; index += 2) {
    const std::string flag = argv[index];
    if (flag == "--listen") listen = argv[index + 1];
    if (flag == "--body-bytes") body_bytes = std::strtoul(argv[index + 1], nullptr, 10);
  }
  const std::size_t colon = listen.rfind(':');
  if (colon == std::string::npos) {
    std::cerr << "bare_http_server: --listen HOST:PORT\n";
    return 2;
  }
  // A JSON string of the requested size: "xxx...".
  const std::string body = "\"" + std::string(body_bytes > 2 ? body_bytes - 2 : 0, 'x') + "\"";

  asio::io_context io{1};
  SystemError error;
  const tcp::endpoint endpoint(asio::ip::make_address(listen.substr(0, colon), error),
                               static_cast<std::uint16_t>(std::stoi(listen.substr(colon + 1))));
  tcp::acceptor acceptor(io);
  if (!error) acceptor.open(endpoint.protocol(), error);
  if (!error) acceptor.set_option(asio::socket_base::reuse_address(true), error);
  if (!error) acceptor.bind(endpoint, error);
  if (!error) acceptor.listen(asio::socket_base::max_listen_connections, error);
  if (error) {
    std::cerr << "bare_http_server: cannot listen on " << listen << ": " << error.message() << "\n";
    return 1;
  }
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](SystemError, int) {
    acceptor.close();
    io.stop();
  });
  Accept(acceptor, io, body);
  std::cout << "listening on http://" << endpoint.address().to_string() << ":"
            << acceptor.local_endpoint().port() << "/" << std::endl;
  io.run();
  return 0;
}
