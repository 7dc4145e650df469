#include "http_client.h"

#include <sys/socket.h>
#include <sys/time.h>

#include <mutex>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gtest/gtest.h>

namespace ordo::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::mutex tokens_mutex;
std::map<std::uint16_t, std::string>& PortTokens() {
  static std::map<std::uint16_t, std::string> tokens;
  return tokens;
}

}  // namespace

void SetPortToken(std::uint16_t port, const std::string& token) {
  std::lock_guard lock(tokens_mutex);
  PortTokens()[port] = token;
}

std::string PortToken(std::uint16_t port) {
  std::lock_guard lock(tokens_mutex);
  auto found = PortTokens().find(port);
  return found == PortTokens().end() ? "" : found->second;
}

std::string HttpReply::Header(const std::string& lower_case_name) const {
  auto it = headers.find(lower_case_name);
  return it == headers.end() ? "" : it->second;
}

struct HttpConnection::Impl {
  asio::io_context io;
  tcp::socket socket{io};
  beast::flat_buffer buffer;
};

HttpConnection::HttpConnection(std::uint16_t port, Credentials credentials)
    : impl_(std::make_unique<Impl>()),
      token_(credentials == Credentials::kPortToken ? PortToken(port) : "") {
  impl_->socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  timeval timeout{10, 0};
  setsockopt(impl_->socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(impl_->socket.native_handle(), SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
}

HttpConnection::~HttpConnection() = default;

std::optional<HttpReply> HttpConnection::Request(
    const std::string& method, const std::string& target,
    const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body) {
  http::request<http::string_body> request;
  request.method_string(method);
  request.target(target);
  request.version(11);
  request.set(http::field::host, "127.0.0.1");
  if (!token_.empty()) request.set(http::field::authorization, "Bearer " + token_);
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  if (!body.empty() || method == "POST" || method == "PUT") request.prepare_payload();
  beast::error_code error;
  http::write(impl_->socket, request, error);
  if (error) return std::nullopt;
  return ReadReply(method == "HEAD");
}

std::optional<HttpReply> HttpConnection::Raw(const std::string& raw) {
  // The port's token goes in as the first header line, whatever follows.
  std::string bytes = raw;
  const std::size_t line_end = bytes.find('\n');
  if (!token_.empty() && line_end != std::string::npos) {
    bytes.insert(line_end + 1, "Authorization: Bearer " + token_ + "\r\n");
  }
  beast::error_code error;
  asio::write(impl_->socket, asio::buffer(bytes), error);
  // A server may answer and close before reading everything; the reply is still worth reading.
  return ReadReply(false);
}

void HttpConnection::Send(const std::string& bytes) {
  beast::error_code error;
  asio::write(impl_->socket, asio::buffer(bytes), error);
}

std::optional<HttpReply> HttpConnection::ReadReply(bool head) {
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  parser.skip(head);
  beast::error_code error;
  http::read(impl_->socket, impl_->buffer, parser, error);
  if (error) return std::nullopt;
  HttpReply reply;
  const auto& message = parser.get();
  reply.status = static_cast<int>(message.result_int());
  for (const auto& field : message) {
    reply.headers[Lower(std::string(field.name_string()))] = std::string(field.value());
  }
  reply.body = message.body();
  return reply;
}

bool HttpConnection::ClosedByServer(int seconds) {
  timeval timeout{seconds, 0};
  setsockopt(impl_->socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  char byte = 0;
  beast::error_code error;
  impl_->socket.read_some(asio::buffer(&byte, 1), error);
  return error == asio::error::eof || error == asio::error::connection_reset;
}

std::optional<HttpReply> HttpsRequest(
    std::uint16_t port, const std::string& method, const std::string& target,
    const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body) {
  asio::io_context io;
  asio::ssl::context tls(asio::ssl::context::tls_client);
  tls.set_verify_mode(asio::ssl::verify_none);
  beast::ssl_stream<beast::tcp_stream> stream(io, tls);
  beast::error_code error;
  beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(10));
  beast::get_lowest_layer(stream).connect(
      tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), error);
  if (!error) stream.handshake(asio::ssl::stream_base::client, error);
  if (error) return std::nullopt;
  http::request<http::string_body> request;
  request.method_string(method);
  request.target(target);
  request.version(11);
  request.set(http::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  request.prepare_payload();
  http::write(stream, request, error);
  if (error) return std::nullopt;
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(stream, buffer, response, error);
  if (error) return std::nullopt;
  HttpReply reply;
  reply.status = static_cast<int>(response.result_int());
  for (const auto& field : response) {
    reply.headers[Lower(std::string(field.name_string()))] = std::string(field.value());
  }
  reply.body = response.body();
  return reply;
}

HttpReply Fetch(std::uint16_t port, const std::string& target, const std::string& method,
                Credentials credentials) {
  HttpConnection connection(port, credentials);
  std::optional<HttpReply> reply = connection.Request(method, target);
  if (!reply) {
    ADD_FAILURE() << method << " " << target << ": no reply";
    return {};
  }
  return *reply;
}

HttpReply RequestWithToken(std::uint16_t port, const std::string& token, const std::string& method,
                           const std::string& target, const std::string& body) {
  HttpConnection connection(port, Credentials::kNone);
  std::vector<std::pair<std::string, std::string>> headers = {{"Authorization", "Bearer " + token}};
  if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
  std::optional<HttpReply> reply = connection.Request(method, target, headers, body);
  EXPECT_TRUE(reply.has_value()) << method << " " << target << ": no reply";
  return reply.value_or(HttpReply{});
}

}  // namespace ordo::testing
