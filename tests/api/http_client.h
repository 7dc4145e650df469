#pragma once
// A small blocking HTTP/1.1 client for the API tests (Boost.Beast underneath): one connection that
// can carry many requests, or raw bytes for requests no well-behaved client would send.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ordo::testing {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;

  std::string Header(const std::string& lower_case_name) const;
};

// The servers under test ask who is asking (docs/accounts.md): OrdoServer registers an API token
// for its port, and requests to that port carry it ("Authorization: Bearer ...") unless the
// connection is made with Credentials::kNone or the request names its own Authorization header.
void SetPortToken(std::uint16_t port, const std::string& token);
std::string PortToken(std::uint16_t port);

enum class Credentials { kPortToken, kNone };

class HttpConnection {
 public:
  // Connects to 127.0.0.1:port; reads time out after 10 s instead of hanging a test.
  explicit HttpConnection(std::uint16_t port, Credentials credentials = Credentials::kPortToken);
  ~HttpConnection();
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  // Sends one request and reads its reply; nullopt when the server closed or reset the connection.
  std::optional<HttpReply> Request(
      const std::string& method, const std::string& target,
      const std::vector<std::pair<std::string, std::string>>& headers = {},
      const std::string& body = "");
  // Writes `bytes` as they are (but for the port's token as a first header line, unless made with
  // Credentials::kNone) and reads one reply.
  std::optional<HttpReply> Raw(const std::string& bytes);
  // Writes `bytes` and reads nothing.
  void Send(const std::string& bytes);
  // True when the server has closed the connection (a read ends within `seconds`).
  bool ClosedByServer(int seconds = 5);

 private:
  std::optional<HttpReply> ReadReply(bool head);

  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string token_;  // sent as a Bearer token when not empty
};

// One request over HTTPS on a new connection to 127.0.0.1:port (the certificate is not checked:
// the tests make a throw-away self-signed one); nullopt when the handshake or the request fails.
std::optional<HttpReply> HttpsRequest(
    std::uint16_t port, const std::string& method, const std::string& target,
    const std::vector<std::pair<std::string, std::string>>& headers = {},
    const std::string& body = "");

// GET (or another method) on a new connection; a missing reply fails the calling test.
HttpReply Fetch(std::uint16_t port, const std::string& target, const std::string& method = "GET",
                Credentials credentials = Credentials::kPortToken);

// `method target` on a new connection as the holder of `token` (Authorization: Bearer), with a
// JSON `body` when one is given; a missing reply fails the calling test.
HttpReply RequestWithToken(std::uint16_t port, const std::string& token, const std::string& method,
                           const std::string& target, const std::string& body = "");

}  // namespace ordo::testing
