// Subprocess: a child process with its stdin, stdout and stderr on pipes.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace parley::testing {

class Subprocess {
 public:
  // Starts argv[0] (a path) with the current environment plus `env`
  // (a value of "\x01" removes the variable).
  Subprocess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env);
  ~Subprocess();  // kills the child if it still runs
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;

  pid_t pid() const { return pid_; }
  void WriteStdin(const std::string& text);
  void CloseStdin();
  // Output so far. A thread drains both pipes all the time, so a chatty
  // child never blocks on a full pipe.
  std::string Stdout();
  std::string Stderr();
  // Waits until stdout contains `needle` or the timeout passes.
  bool WaitForStdout(const std::string& needle, std::chrono::milliseconds timeout);

  void Signal(int signal);
  // Exit code (128+signal when killed), or nullopt on timeout.
  std::optional<int> Wait(std::chrono::milliseconds timeout);
  bool Running();

 private:
  void Drain();  // the reader thread's loop, until both pipes close
  pid_t pid_ = -1;
  int stdin_ = -1;
  int stdout_ = -1;
  int stderr_ = -1;
  std::mutex mutex_;
  std::string out_;
  std::string err_;
  std::thread reader_;
  std::optional<int> exit_code_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs to completion (killed after `timeout`), feeding `input` on stdin.
RunResult RunProcess(const std::vector<std::string>& argv,
                     const std::map<std::string, std::string>& env,
                     std::chrono::milliseconds timeout = std::chrono::seconds(60),
                     const std::string& input = {});

}  // namespace parley::testing
