#include "ordo_server.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <regex>
#include <thread>

#include <gtest/gtest.h>

#include "http_client.h"
#include "ordo_runner.h"

extern char** environ;

namespace ordo::testing {
namespace {

// Forks `ordo args`, stdout into a pipe (returned through out_fd), stderr into err_path.
pid_t Spawn(const std::vector<std::string>& args, const std::string& err_path, int& out_fd) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return -1;
  const pid_t pid = fork();
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the test
    const int err_fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int null_fd = open("/dev/null", O_RDONLY);
    dup2(pipe_fds[1], 1);
    dup2(err_fd, 2);
    dup2(null_fd, 0);
    close(pipe_fds[0]);
    std::string data_dir = "ORDO_DATA_DIR=" ORDO_SOURCE_DIR "/data";
    putenv(data_dir.data());
    std::vector<std::string> argv = {ORDO_BINARY_PATH};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> pointers;
    for (std::string& arg : argv) pointers.push_back(arg.data());
    pointers.push_back(nullptr);
    execve(pointers[0], pointers.data(), environ);
    _exit(127);
  }
  close(pipe_fds[1]);
  out_fd = pipe_fds[0];
  return pid;
}

// Reads from `fd` into `seen` until `pattern` matches or the deadline passes; returns the first
// group of the match, or "".
std::string ReadUntil(int fd, const std::regex& pattern, std::chrono::milliseconds timeout,
                      std::string& seen) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    std::smatch match;
    if (std::regex_search(seen, match, pattern)) return match[1];
    if (std::chrono::steady_clock::now() >= deadline) return "";
    pollfd poll_fd{fd, POLLIN, 0};
    if (poll(&poll_fd, 1, 100) <= 0) continue;
    char chunk[512];
    const ssize_t bytes = read(fd, chunk, sizeof chunk);
    if (bytes <= 0) return "";
    seen.append(chunk, static_cast<std::size_t>(bytes));
  }
}

int StatusOf(int wait_status) {
  return WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
}

}  // namespace

OrdoServer::OrdoServer(const std::vector<std::string>& extra_args, const Prepare& prepare,
                       Accounts accounts, const std::string& serve_database,
                       const std::string& seed_key) {
  dir_ = MakeTempDir();
  db_path_ = dir_ + "/ordo.db";
  bool seeded = true;
  // `ordo init`, `prepare` and the tester's account on `db`; returns the account's token.
  const auto seed = [&](const std::string& db) -> std::string {
    RunResult init = RunOrdo({"--db", db, "init"});
    if (init.exit_code != 0) {
      ADD_FAILURE() << "ordo init failed: " << init.err;
      seeded = false;
      return "";
    }
    if (prepare) prepare(db);
    if (accounts != Accounts::kTester) return "";
    RunResult add = RunOrdoWithInput({"--db", db, "user", "add", "tester", "--role", "admin"},
                                     std::string(kTesterPassword) + "\n");
    RunResult token = RunOrdo({"--db", db, "user", "token", "tester", "--label", "tests"});
    if (add.exit_code != 0 || token.exit_code != 0) {
      ADD_FAILURE() << "ordo user add/token failed: " << add.err << token.err;
      seeded = false;
      return "";
    }
    return token.out.substr(0, token.out.find('\n'));
  };
  const std::string with_accounts = accounts == Accounts::kTester ? "_tester" : "";
  if (!prepare) {
    token_ = MakeSeededDatabase("server" + with_accounts, db_path_, seed);
  } else if (!seed_key.empty()) {
    token_ = MakeSeededDatabase(seed_key + with_accounts, db_path_, seed);
  } else {
    token_ = seed(db_path_);
  }
  if (!seeded) return;
  std::string served = db_path_;
  if (!serve_database.empty()) {
    RunResult copied = RunOrdo({"migrate-data", "--from", db_path_, "--to", serve_database});
    if (copied.exit_code != 0) {
      ADD_FAILURE() << "ordo migrate-data failed: " << copied.err;
      return;
    }
    served = serve_database;
  }
  Start(served, extra_args, accounts);
}

OrdoServer::OrdoServer(Existing, const std::string& database, const std::string& token,
                       const std::vector<std::string>& extra_args) {
  dir_ = MakeTempDir();
  db_path_ = database;
  token_ = token;
  Start(database, extra_args, Accounts::kTester);
}

void OrdoServer::Start(const std::string& served, const std::vector<std::string>& extra_args,
                       Accounts accounts) {
  std::vector<std::string> args = {"--db", served, "serve"};
  if (std::find(extra_args.begin(), extra_args.end(), "--listen") == extra_args.end()) {
    args.insert(args.end(), {"--listen", "127.0.0.1:0"});
  }
  // The tests send many requests on one token; the rate limit has its own test.
  if (std::find(extra_args.begin(), extra_args.end(), "--rate-limit") == extra_args.end()) {
    args.insert(args.end(), {"--rate-limit", "0"});
  }
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  int out_fd = -1;
  pid_ = Spawn(args, dir_ + "/serve.err", out_fd);
  static const std::regex url_pattern(R"(Ordo is serving (https?://[^ ]+/) \(Ctrl-C to stop\))");
  url_ = ReadUntil(out_fd, url_pattern, std::chrono::seconds(30), stdout_);
  if (!url_.empty() && accounts == Accounts::kNone) {
    static const std::regex link_pattern(R"((https?://[^ \n]+/\?signin=[A-Za-z0-9_-]+))");
    signin_link_ = ReadUntil(out_fd, link_pattern, std::chrono::seconds(5), stdout_);
  }
  close(out_fd);
  std::smatch match;
  static const std::regex port_pattern(R"(:([0-9]+)/$)");
  if (url_.empty() || !std::regex_search(url_, match, port_pattern)) {
    ADD_FAILURE() << "ordo serve printed no URL; stderr: " << Stderr();
    return;
  }
  port_ = static_cast<std::uint16_t>(std::stoi(match[1]));
  if (!token_.empty()) SetPortToken(port_, token_);
}

OrdoServer::~OrdoServer() {
  if (Running()) {
    kill(pid_, SIGKILL);
    Wait(std::chrono::seconds(10));
  }
}

bool OrdoServer::Running() {
  if (pid_ <= 0 || exit_status_ >= 0) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) {
    exit_status_ = StatusOf(status);
    return false;
  }
  return true;
}

int OrdoServer::Wait(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (Running()) {
    if (std::chrono::steady_clock::now() > deadline) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return exit_status_;
}

int OrdoServer::Terminate(std::chrono::seconds timeout) {
  if (Running()) kill(pid_, SIGTERM);
  const int status = Wait(timeout);
  if (status < 0) {
    kill(pid_, SIGKILL);
    Wait(std::chrono::seconds(10));
  }
  return status;
}

std::string OrdoServer::Stderr() const { return ReadFile(dir_ + "/serve.err"); }

std::string AddUserWithToken(const std::string& db, const std::string& name,
                             const std::string& role,
                             const std::vector<std::string>& compartments) {
  std::vector<std::string> args = {"--db", db, "user", "add", name, "--role", role};
  for (const std::string& compartment : compartments) {
    args.push_back("--compartment");
    args.push_back(compartment);
  }
  RunResult added = RunOrdoWithInput(args, std::string(kTesterPassword) + "\n");
  EXPECT_EQ(added.exit_code, 0) << added.err;
  RunResult token = RunOrdo({"--db", db, "user", "token", name});
  EXPECT_EQ(token.exit_code, 0) << token.err;
  return token.out.substr(0, token.out.find('\n'));  // the token is the first line
}

}  // namespace ordo::testing
