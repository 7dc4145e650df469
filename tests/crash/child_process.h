#pragma once
// A child process of the crash harness: the real `ordo` binary started with arguments, its output
// sent to a log file, and either waited for or killed with SIGKILL.

#include <sys/types.h>

#include <string>
#include <vector>

namespace ordo::crash {

// How a child ended.
struct ChildEnd {
  bool killed = false;  // ended by our SIGKILL (not by exiting first)
  int exit_code = -1;   // when !killed: its exit status (128 + signal if another signal ended it)
};

class ChildProcess {
 public:
  // Starts `argv[0]` with `argv`, stdin from /dev/null and stdout and stderr appended to
  // `log_path`. Exits the harness if fork fails (nothing sensible can follow).
  ChildProcess(const std::vector<std::string>& argv, const std::string& log_path);
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  // Kills and reaps the child if it is still running.
  ~ChildProcess();

  // Waits for the child to end by itself.
  ChildEnd Wait();
  // Sends SIGKILL unless the child has already exited, and reaps it. `killed` tells which.
  ChildEnd Kill();

 private:
  ChildEnd Reap(int status, bool sent_kill);

  pid_t pid_ = -1;
  bool reaped_ = false;
};

// Runs `argv` to completion; its exit status.
int RunToCompletion(const std::vector<std::string>& argv, const std::string& log_path);

}  // namespace ordo::crash
