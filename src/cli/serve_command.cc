// `ordo serve [--listen HOST:PORT] [--web-root DIR] [--threads N] [--session-idle MIN]
// [--session-max MIN] [--rate-limit N] [--tls-cert FILE --tls-key FILE]`: the HTTP API and the web application, behind a sign-in. The server itself comes from the composition root (CliEnvironment::serve); this
// file only parses the flags, opens (or on first use creates) the database and prints the URL.

#include <CLI/CLI.hpp>
#include <charconv>

#include "cli/command_context.h"
#include "cli/commands.h"

namespace ordo::cli {
namespace {

struct ServeFlags {
  std::string listen = "127.0.0.1:8080";
  std::string web_root;
  int threads = 2;
  int session_idle = 30;
  int session_max = 12 * 60;
  double rate_limit = 50;
  std::string tls_cert;
  std::string tls_key;
};

struct ListenAddress {
  std::string host;
  std::uint16_t port = 0;
};

// "HOST:PORT", with an IPv6 host in brackets ("[::1]:8080").
Result<ListenAddress> ParseListenAddress(const std::string& text) {
  const Error bad = InvalidArgument(
      "--listen: expected HOST:PORT such as 127.0.0.1:8080 or "
      "[::1]:8080 (port 0 picks a free port), got '" +
      text + "'");
  ListenAddress address;
  std::string_view port;
  if (!text.empty() && text.front() == '[') {
    const std::size_t close = text.find("]:");
    if (close == std::string::npos) return bad;
    address.host = text.substr(1, close - 1);
    port = std::string_view(text).substr(close + 2);
  } else {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos) return bad;
    address.host = text.substr(0, colon);
    port = std::string_view(text).substr(colon + 1);
    if (address.host.find(':') != std::string::npos) return bad;  // IPv6 needs brackets
  }
  unsigned number = 0;
  const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), number);
  if (address.host.empty() || port.empty() || error != std::errc() ||
      end != port.data() + port.size() || number > 65535) {
    return bad;
  }
  address.port = static_cast<std::uint16_t>(number);
  return address;
}

Status RunServe(CommandContext& context, const CliEnvironment& env, const ServeFlags& flags) {
  if (!env.serve) return FailedPrecondition("this build of ordo has no HTTP server");
  ORDO_TRY(address, ParseListenAddress(flags.listen));
  {
    // Creates the default database on first use and checks that an explicit --db opens; the
    // server opens it again by path whenever the file changes.
    ORDO_TRY(store, context.OpenStore());
  }
  ServeOptions options;
  options.db_path = context.DatabasePath();
  options.host = address.host;
  options.port = address.port;
  options.web_root = flags.web_root.empty() ? env.default_web_root : flags.web_root;
  options.threads = flags.threads;
  options.session_idle_minutes = flags.session_idle;
  options.session_max_minutes = flags.session_max;
  options.rate_limit = flags.rate_limit;
  options.tls_cert_file = flags.tls_cert;
  options.tls_key_file = flags.tls_key;
  std::ostream& out = context.out();
  std::ostream& err = context.err();
  options.on_listening = [&out](const std::string& url) {
    out << "Ordo is serving " << url << " (Ctrl-C to stop)" << std::endl;
  };
  options.on_signin_link = [&out](const std::string& link) {
    out << "No account exists yet. Sign in as the local administrator with this one-time link\n"
           "(it works once, within 15 minutes; `ordo user add` makes accounts):\n"
        << "    " << link << std::endl;
  };
  options.log = [&err](const std::string& message) {
    err << ("ordo serve: " + message + "\n")
        << std::flush;  // one write per line: called from workers
  };
  return env.serve(options);
}

}  // namespace

void RegisterServeCommand(CLI::App& app, CommandContext& context, const CliEnvironment& env) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* serve = app.add_subcommand(
      "serve", "Serve the HTTP API (/api/v1) and the web application until Ctrl-C");
  serve
      ->add_option("--listen", flags->listen,
                   "Address and port to listen on (port 0: any free port)")
      ->capture_default_str();
  serve->add_option("--web-root", flags->web_root,
                    "Built web application to serve (default: " + env.default_web_root + ")");
  serve->add_option("--threads", flags->threads, "Worker threads that answer requests")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  serve
      ->add_option("--session-idle", flags->session_idle,
                   "Minutes after which an unused session ends")
      ->check(CLI::Range(1, 7 * 24 * 60))
      ->capture_default_str();
  serve
      ->add_option("--session-max", flags->session_max,
                   "Minutes after sign-in at which any session ends")
      ->check(CLI::Range(1, 30 * 24 * 60))
      ->capture_default_str();
  serve
      ->add_option("--rate-limit", flags->rate_limit,
                   "Requests per second one session or API token may make on average (bursts of "
                   "four times as many); beyond it 429. 0: no limit")
      ->check(CLI::Range(0.0, 1e6))
      ->capture_default_str();
  serve->add_option("--tls-cert", flags->tls_cert,
                    "Serve HTTPS with this PEM certificate chain (with --tls-key)");
  serve->add_option("--tls-key", flags->tls_key, "The PEM private key of --tls-cert");
  serve->callback([&context, &env, flags] { context.Finish(RunServe(context, env, *flags)); });
}

}  // namespace ordo::cli
