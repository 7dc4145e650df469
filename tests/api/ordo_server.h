#pragma once
// Starts the real `ordo serve` on a fresh database for the API tests: `ordo --db DIR/ordo.db init`,
// then an optional step that fills the database (`ordo seizures import ...`), then `ordo --db ...
// serve --listen 127.0.0.1:0 --rate-limit 0 [extra args]` (extra args may name another --listen
// or --rate-limit), and reads the port from the URL it prints. The server dies with the test
// process. Unless told otherwise, it first adds the admin account "tester" (password
// kTesterPassword) with an API token, which requests through tests/api/http_client.h carry by
// default.

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ordo::testing {

inline constexpr char kTesterPassword[] = "correct horse battery staple";

// `ordo user add NAME --role ROLE [--compartment C]...` (password kTesterPassword) and `ordo user
// token NAME` on `db`: returns the new account's API token; a failing step fails the calling test.
std::string AddUserWithToken(const std::string& db, const std::string& name,
                             const std::string& role,
                             const std::vector<std::string>& compartments = {});

class OrdoServer {
 public:
  // kTester: the admin account "tester" and its API token exist before the server starts.
  // kNone: no account, so the server prints its one-time sign-in link (signin_link()).
  enum class Accounts { kTester, kNone };

  // Called with the database path after `ordo init`, before the server starts.
  using Prepare = std::function<void(const std::string& db_path)>;

  // Fails the calling test (and leaves port() 0) when the server does not print its URL in time.
  // With `serve_database` (a postgresql:// URI of an empty schema), the prepared SQLite database,
  // accounts included, is copied there with `ordo migrate-data` and the server serves the copy.
  // `seed_key` names what `prepare` does: the SQLite database `ordo init`, `prepare` and the
  // accounts make is then made once per ctest run and copied (MakeSeededDatabase in
  // ordo_runner.h). Without `prepare` it always comes that way; with `prepare` and no key, it is
  // made every time.
  explicit OrdoServer(const std::vector<std::string>& extra_args = {},
                      const Prepare& prepare = {}, Accounts accounts = Accounts::kTester,
                      const std::string& serve_database = "", const std::string& seed_key = "");
  // Serves `database` (a SQLite file or a postgresql:// URI another server made) as it is: a
  // restart, or a second server on one database. Requests through http_client.h carry `token`.
  struct Existing {};
  OrdoServer(Existing, const std::string& database, const std::string& token,
             const std::vector<std::string>& extra_args = {});
  ~OrdoServer();
  OrdoServer(const OrdoServer&) = delete;
  OrdoServer& operator=(const OrdoServer&) = delete;

  std::uint16_t port() const { return port_; }
  const std::string& url() const { return url_; }
  const std::string& db_path() const { return db_path_; }
  // The tester's API token ("" with Accounts::kNone).
  const std::string& token() const { return token_; }
  // The one-time sign-in link the server printed ("" when it printed none).
  const std::string& signin_link() const { return signin_link_; }
  // Everything the server wrote to stdout until it was listening (and its link, if any).
  const std::string& Stdout() const { return stdout_; }
  // The server's own temporary directory, for files a test writes.
  const std::string& dir() const { return dir_; }
  // True while the process has not exited.
  bool Running();
  // Sends SIGTERM and waits; returns the exit status, 128 + signal when killed by one, or -1 when
  // it did not exit in time (it is then killed).
  int Terminate(std::chrono::seconds timeout = std::chrono::seconds(20));
  // What the server wrote to stderr so far.
  std::string Stderr() const;

 private:
  int Wait(std::chrono::milliseconds timeout);
  // `ordo --db served serve ...`; reads the URL (and with Accounts::kNone the link) it prints.
  void Start(const std::string& served, const std::vector<std::string>& extra_args,
             Accounts accounts);

  std::string dir_;
  std::string db_path_;
  std::string url_;
  std::string token_;
  std::string signin_link_;
  std::string stdout_;
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
  int exit_status_ = -1;
};

}  // namespace ordo::testing
