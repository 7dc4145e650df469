#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/stream_base.hpp>

#include "api/error_response.h"
#include "api/internal/http_connection.h"

namespace ordo::api::internal {
namespace {

constexpr std::size_t kReadChunk = 4096;
// After refusing a request, read (and drop) what the client still sends for a moment, so that
// closing the socket does not reset the connection before the client has read the refusal.
constexpr std::size_t kMaxDrainBytes = 1024 * 1024;
constexpr std::chrono::seconds kDrainTime{2};

template <class Stream>
inline constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

template <class Stream>
Stream MakeStream(tcp::socket socket, ServerCore& core) {
  if constexpr (kTls<Stream>) {
    return Stream(std::move(socket), *core.tls);
  } else {
    (void)core;
    return Stream(std::move(socket));
  }
}

}  // namespace

template <class Stream>
Session<Stream>::Session(tcp::socket socket, ServerCore& core)
    : stream_(MakeStream<Stream>(std::move(socket), core)),
      buffer_(core.options.max_header_bytes + core.options.max_body_bytes + kReadChunk),
      core_(core) {
  SystemError error;
  const tcp::endpoint peer = Tcp().socket().remote_endpoint(error);
  if (!error) {
    const asio::ip::address address = peer.address();
    // An IPv4 peer on a dual-stack socket is named as IPv4.
    remote_address_ = address.is_v6() && address.to_v6().is_v4_mapped()
                          ? asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6()).to_string()
                          : address.to_string();
  }
}

template <class Stream>
Session<Stream>::~Session() {
  core_.Unregister(this);
}

template <class Stream>
void Session<Stream>::Start() {
  asio::post(Tcp().get_executor(), [self = this->shared_from_this()] {
    if constexpr (kTls<Stream>) {
      // The handshake is part of reading the first request: it has the read timeout.
      self->Tcp().expires_after(self->core_.options.read_timeout);
      self->stream_.async_handshake(asio::ssl::stream_base::server,
                                    [self](SystemError error) {
                                      if (error) return self->Close();
                                      self->ReadNext();
                                    });
    } else {
      self->ReadNext();
    }
  });
}

template <class Stream>
void Session<Stream>::Shutdown() {
  asio::post(Tcp().get_executor(), [self = this->shared_from_this()] {
    self->closing_ = true;
    if (!self->busy_) self->Tcp().cancel();
  });
}

// Waits for the first byte of the next request under the idle timeout, then reads the whole
// request under the (shorter) read timeout, so a slow client cannot hold a connection forever.
template <class Stream>
void Session<Stream>::ReadNext() {
  if (closing_) return Close();
  if (buffer_.size() > 0) return ReadRequest();  // pipelined
  Tcp().expires_after(core_.options.idle_timeout);
  stream_.async_read_some(buffer_.prepare(kReadChunk),
                          [self = this->shared_from_this()](SystemError error, std::size_t bytes) {
                            if (error) return self->Close();
                            self->buffer_.commit(bytes);
                            self->ReadRequest();
                          });
}

template <class Stream>
void Session<Stream>::ReadRequest() {
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(core_.options.max_header_bytes));
  parser_->body_limit(core_.options.max_body_bytes);
  Tcp().expires_after(core_.options.read_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   [self = this->shared_from_this()](SystemError error, std::size_t) {
                     self->OnRead(error);
                   });
}

template <class Stream>
void Session<Stream>::OnRead(SystemError error) {
  if (!error) return Dispatch();
  if (error == http::error::header_limit || error == http::error::buffer_overflow) {
    return Refuse(431, "the request header is larger than " +
                           std::to_string(core_.options.max_header_bytes) + " bytes");
  }
  if (error == http::error::body_limit) {
    return Refuse(413, "the request body is larger than " +
                           std::to_string(core_.options.max_body_bytes) + " bytes");
  }
  const auto& http_errors = http::make_error_code(http::error::bad_method).category();
  if (error.category() == http_errors && error != http::error::end_of_stream &&
      error != http::error::partial_message) {
    return Refuse(400, "malformed HTTP request: " + error.message());
  }
  Close();  // the client went away or timed out, or the server is stopping
}

template <class Stream>
void Session<Stream>::Dispatch() {
  const http::request<http::string_body>& message = parser_->get();
  if (message.version() != 10 && message.version() != 11) {
    return Refuse(400, "only HTTP/1.0 and HTTP/1.1 are spoken here");
  }
  HttpRequest request;
  switch (message.method()) {
    case http::verb::get:
      request.method = HttpMethod::kGet;
      break;
    case http::verb::head:
      request.method = HttpMethod::kHead;
      break;
    case http::verb::post:
      request.method = HttpMethod::kPost;
      break;
    case http::verb::delete_:
      request.method = HttpMethod::kDelete;
      break;
    default:
      request.method = HttpMethod::kOther;
      break;
  }
  request.method_name = std::string(message.method_string());
  request.target = std::string(message.target());
  request.content_type = std::string(message[http::field::content_type]);
  request.body = message.body();
  request.authorization = std::string(message[http::field::authorization]);
  request.cookie = std::string(message[http::field::cookie]);
  request.csrf_token = std::string(message["X-CSRF-Token"]);
  request.remote_address = remote_address_;
  version_ = message.version();
  keep_alive_ = message.keep_alive();
  head_ = request.method == HttpMethod::kHead;
  parser_.reset();
  busy_ = true;
  // An answer already computed is sent from here: handing it to the pool would cost two thread
  // switches for a map lookup.
  if (core_.cached) {
    if (std::optional<HttpResponse> answer = core_.cached(request)) return Write(std::move(*answer));
  }
  // The handler runs on the pool, never on the I/O thread; the work guard keeps io.run() going
  // until the answer is posted back to this connection's strand.
  asio::post(core_.workers, [self = this->shared_from_this(), request = std::move(request),
                             executor = Tcp().get_executor(),
                             work = asio::make_work_guard(core_.io)]() mutable {
    HttpResponse response = self->core_.Answer(request);
    asio::post(executor, [self = std::move(self), response = std::move(response)]() mutable {
      self->Write(std::move(response));
    });
  });
}

template <class Stream>
void Session<Stream>::Refuse(int status, const std::string& detail) {
  refused_ = true;
  busy_ = true;
  head_ = false;
  Write(ProtocolErrorResponse(status, detail));
}

template <class Stream>
void Session<Stream>::Write(HttpResponse response) {
  const bool keep_alive = keep_alive_ && !closing_ && !refused_ && !core_.stopping.load();
  body_ = std::move(response.body);
  response_.emplace(static_cast<http::status>(response.status), version_);
  http::response<http::span_body<const char>>& message = *response_;
  message.set(http::field::server, "Ordo");
  message.set(http::field::content_type, response.content_type);
  message.set("X-Content-Type-Options", "nosniff");
  if constexpr (kTls<Stream>) {
    // Served over TLS: browsers are told to keep to it for this host.
    message.set(http::field::strict_transport_security, "max-age=31536000");
  }
  for (const auto& [name, value] : response.headers) message.set(name, value);
  if (head_) {
    message.content_length(body_->size());  // the GET answer's length, without its body
  } else {
    message.body() = {body_->data(), body_->size()};
    message.prepare_payload();
  }
  message.keep_alive(keep_alive);
  Tcp().expires_after(core_.options.write_timeout);
  http::async_write(stream_, message,
                    [self = this->shared_from_this(), keep_alive](SystemError error, std::size_t) {
                      self->OnWrite(keep_alive, error);
                    });
}

template <class Stream>
void Session<Stream>::OnWrite(bool keep_alive, SystemError error) {
  response_.reset();
  body_.reset();
  busy_ = false;
  if (error) return Close();
  if (refused_) return Drain();
  if (!keep_alive) return Close();
  ReadNext();
}

// Drops what the client still sends, below TLS (the bytes are discarded unread).
template <class Stream>
void Session<Stream>::Drain() {
  SystemError ignored;
  Tcp().socket().shutdown(tcp::socket::shutdown_send, ignored);
  buffer_.consume(buffer_.size());
  Tcp().expires_after(kDrainTime);
  Tcp().async_read_some(buffer_.prepare(kReadChunk),
                        [self = this->shared_from_this()](SystemError error, std::size_t bytes) {
                          self->drained_ += bytes;
                          if (error || self->drained_ > kMaxDrainBytes) return self->Close();
                          self->Drain();
                        });
}

template <class Stream>
void Session<Stream>::Close() {
  SystemError ignored;
  Tcp().socket().shutdown(tcp::socket::shutdown_send, ignored);
  Tcp().close();
}

template class Session<beast::tcp_stream>;
template class Session<beast::ssl_stream<beast::tcp_stream>>;

}  // namespace ordo::api::internal
