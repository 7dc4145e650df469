#include "api/http_server.h"

#include <algorithm>
#include <exception>
#include <vector>

#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/strand.hpp>
#include <fstream>

#include "api/error_response.h"
#include "api/internal/http_connection.h"

namespace ordo::api {
namespace internal {

ServerCore::ServerCore(const HttpServerOptions& server_options, HttpHandler request_handler,
                       HttpCachedAnswer cached_answer)
    : options(server_options),
      handler(std::move(request_handler)),
      cached(std::move(cached_answer)),
      workers(static_cast<std::size_t>(std::max(1, server_options.worker_threads))) {}

HttpResponse ServerCore::Answer(const HttpRequest& request) const {
  try {
    return handler(request);
  } catch (const std::exception& exception) {
    return ErrorResponse(Internal(std::string("unexpected failure: ") + exception.what()));
  }
}

namespace {

// kInvalidArgument naming the flag and file when `path` cannot be opened for reading.
Status CheckReadable(const std::string& flag, const std::string& path) {
  std::ifstream file(path);
  if (!file) return InvalidArgument(flag + " " + path + ": cannot be read (missing, or no permission)");
  return OkStatus();
}

}  // namespace

Status ServerCore::LoadTls() {
  if (options.tls_cert_file.empty() && options.tls_key_file.empty()) return OkStatus();
  if (options.tls_cert_file.empty() || options.tls_key_file.empty()) {
    return InvalidArgument("--tls-cert and --tls-key go together: give both or neither");
  }
  ORDO_RETURN_IF_ERROR(CheckReadable("--tls-cert", options.tls_cert_file));
  ORDO_RETURN_IF_ERROR(CheckReadable("--tls-key", options.tls_key_file));
  auto context = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
  context->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                       asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                       asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
  SystemError error;
  context->use_certificate_chain_file(options.tls_cert_file, error);
  if (error) {
    return InvalidArgument("--tls-cert " + options.tls_cert_file +
                           ": not a PEM certificate chain (" + error.message() + ")");
  }
  context->use_private_key_file(options.tls_key_file, asio::ssl::context::pem, error);
  if (error) {
    return InvalidArgument("--tls-key " + options.tls_key_file + ": not a PEM private key, or not "
                           "the key of the certificate (" + error.message() + ")");
  }
  tls = std::move(context);
  return OkStatus();
}

namespace {

std::string Describe(const tcp::endpoint& endpoint) {
  const std::string host = endpoint.address().to_string();
  const std::string port = std::to_string(endpoint.port());
  return endpoint.address().is_v6() ? "[" + host + "]:" + port : host + ":" + port;
}

}  // namespace

Status ServerCore::Bind(const tcp::endpoint& endpoint) {
  SystemError error;
  const std::string where = Describe(endpoint);
  acceptor.open(endpoint.protocol(), error);
  if (!error) acceptor.set_option(asio::socket_base::reuse_address(true), error);
  if (!error) acceptor.bind(endpoint, error);
  if (error == asio::error::address_in_use) {
    return Unavailable("cannot listen on " + where +
                       ": the port is already in use (choose another with --listen HOST:PORT)");
  }
  if (error == asio::error::access_denied) {
    return Unavailable("cannot listen on " + where + ": permission denied");
  }
  if (error == boost::system::errc::address_not_available) {
    return InvalidArgument("cannot listen on " + where + ": not an address of this machine");
  }
  if (!error) acceptor.listen(asio::socket_base::max_listen_connections, error);
  if (error) return Unavailable("cannot listen on " + where + ": " + error.message());
  return OkStatus();
}

void ServerCore::Accept() {
  if (stopping) return;
  {
    std::lock_guard lock(sessions_mutex);
    if (sessions.size() >= options.max_connections) {
      accept_paused = true;  // resumed by Unregister; meanwhile clients wait in the backlog
      return;
    }
  }
  acceptor.async_accept(asio::make_strand(io), [this](SystemError error, tcp::socket socket) {
    OnAccept(error, std::move(socket));
  });
}

void ServerCore::OnAccept(SystemError error, tcp::socket socket) {
  if (stopping || error == asio::error::operation_aborted) return;
  if (error) {
    // Out of file descriptors or memory: try again shortly rather than spin.
    accept_retry.expires_after(std::chrono::milliseconds(50));
    accept_retry.async_wait([this](SystemError wait_error) {
      if (!wait_error) Accept();
    });
    return;
  }
  SystemError ignored;
  socket.set_option(tcp::no_delay(true), ignored);
  std::shared_ptr<SessionBase> session;
  if (tls) {
    session = std::make_shared<TlsSession>(std::move(socket), *this);
  } else {
    session = std::make_shared<PlainSession>(std::move(socket), *this);
  }
  {
    std::lock_guard lock(sessions_mutex);
    sessions.emplace(session.get(), session);
  }
  session->Start();
  Accept();
}

void ServerCore::Unregister(SessionBase* session) {
  std::lock_guard lock(sessions_mutex);
  sessions.erase(session);
  if (accept_paused && !stopping) {
    accept_paused = false;
    asio::post(io, [this] { Accept(); });
  }
}

void ServerCore::BeginStop() {
  if (stopping.exchange(true)) return;
  SystemError ignored;
  acceptor.close(ignored);
  signals.cancel(ignored);
  accept_retry.cancel();
  std::vector<std::shared_ptr<SessionBase>> live;
  {
    std::lock_guard lock(sessions_mutex);
    for (const auto& [pointer, session] : sessions) {
      if (auto alive = session.lock()) live.push_back(std::move(alive));
    }
  }
  for (const std::shared_ptr<SessionBase>& session : live) session->Shutdown();
}

namespace {

Result<tcp::endpoint> Resolve(asio::io_context& io, const std::string& host, std::uint16_t port) {
  SystemError error;
  const asio::ip::address address = asio::ip::make_address(host, error);
  if (!error) return tcp::endpoint(address, port);
  tcp::resolver resolver(io);
  const auto results = resolver.resolve(
      host, std::to_string(port), tcp::resolver::numeric_service | tcp::resolver::passive, error);
  if (error || results.empty()) {
    return InvalidArgument("cannot listen on '" + host +
                           "': neither an IP address nor a known host name");
  }
  return results.begin()->endpoint();
}

}  // namespace
}  // namespace internal

struct HttpServer::Impl : internal::ServerCore {
  using ServerCore::ServerCore;
};

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpServer::~HttpServer() = default;

Result<std::unique_ptr<HttpServer>> HttpServer::Listen(const HttpServerOptions& options,
                                                       HttpHandler handler,
                                                       HttpCachedAnswer cached) {
  auto impl = std::make_unique<Impl>(options, std::move(handler), std::move(cached));
  ORDO_RETURN_IF_ERROR(impl->LoadTls());
  ORDO_TRY(endpoint, internal::Resolve(impl->io, options.host, options.port));
  ORDO_RETURN_IF_ERROR(impl->Bind(endpoint));
  if (options.stop_on_signals) {
    impl->signals.add(SIGINT);
    impl->signals.add(SIGTERM);
    impl->signals.async_wait([core = impl.get()](internal::SystemError error, int) {
      if (!error) core->BeginStop();
    });
  }
  impl->Accept();
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

std::uint16_t HttpServer::port() const {
  internal::SystemError ignored;
  return impl_->acceptor.local_endpoint(ignored).port();
}

bool HttpServer::tls() const { return impl_->tls != nullptr; }

bool HttpServer::loopback() const {
  internal::SystemError ignored;
  return impl_->acceptor.local_endpoint(ignored).address().is_loopback();
}

void HttpServer::Run() {
  impl_->io.run();
  impl_->workers.join();
}

void HttpServer::Stop() {
  internal::asio::post(impl_->io, [core = impl_.get()] { core->BeginStop(); });
}

}  // namespace ordo::api
