#include "child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace ordo::crash {

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::string& log_path) {
  pid_ = fork();
  if (pid_ < 0) {
    std::perror("crash harness: fork");
    std::exit(2);
  }
  if (pid_ == 0) {
    const int log_fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    const int null_fd = open("/dev/null", O_RDONLY);
    dup2(null_fd, 0);
    dup2(log_fd, 1);
    dup2(log_fd, 2);
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
}

ChildProcess::~ChildProcess() {
  if (!reaped_) Kill();
}

ChildEnd ChildProcess::Reap(int status, bool sent_kill) {
  reaped_ = true;
  ChildEnd end;
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL && sent_kill) {
    end.killed = true;
    return end;
  }
  end.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return end;
}

ChildEnd ChildProcess::Wait() {
  int status = 0;
  waitpid(pid_, &status, 0);
  return Reap(status, false);
}

ChildEnd ChildProcess::Kill() {
  int status = 0;
  // A child that has already exited is a zombie until reaped: WNOHANG tells it apart from one
  // that is still running, so a kill that came too late is not counted as a kill.
  if (waitpid(pid_, &status, WNOHANG) == pid_) return Reap(status, false);
  kill(pid_, SIGKILL);
  waitpid(pid_, &status, 0);
  return Reap(status, true);
}

int RunToCompletion(const std::vector<std::string>& argv, const std::string& log_path) {
  ChildProcess child(argv, log_path);
  return child.Wait().exit_code;
}

}  // namespace ordo::crash
