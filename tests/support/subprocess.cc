#include "tests/support/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <thread>

namespace parley::testing {

Subprocess::Subprocess(const std::vector<std::string>& argv,
                       const std::map<std::string, std::string>& env) {
  int in[2], out[2], err[2];
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  // Everything the child needs is built before fork: this process has
  // threads, so between fork and exec the child may only make
  // async-signal-safe calls (no malloc, no setenv).
  std::map<std::string, std::string> merged;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string text(*entry);
    auto eq = text.find('=');
    if (eq != std::string::npos) merged[text.substr(0, eq)] = text.substr(eq + 1);
  }
  for (const auto& [name, value] : env) {
    if (value == "\x01") {
      merged.erase(name);
    } else {
      merged[name] = value;
    }
  }
  std::vector<std::string> env_strings;
  for (const auto& [name, value] : merged) env_strings.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& entry : env_strings) envp.push_back(entry.data());
  envp.push_back(nullptr);
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);

  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    ::setpgid(0, 0);                     // not in the terminal's group: no /dev/tty prompts
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a killed test
    ::execve(args[0], args.data(), envp.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  stdin_ = in[1];
  stdout_ = out[0];
  stderr_ = err[0];
  reader_ = std::thread([this] { Drain(); });
}

Subprocess::~Subprocess() {
  if (Running()) {
    ::kill(pid_, SIGKILL);
    Wait(std::chrono::seconds(10));
  }
  if (Running()) Wait(std::chrono::seconds(10));
  CloseStdin();
  if (reader_.joinable()) reader_.join();  // the pipes close when the child is gone
  ::close(stdout_);
  ::close(stderr_);
}

void Subprocess::WriteStdin(const std::string& text) {
  std::size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(stdin_, text.data() + written, text.size() - written);
    if (n <= 0) return;
    written += static_cast<std::size_t>(n);
  }
}

void Subprocess::CloseStdin() {
  if (stdin_ >= 0) ::close(stdin_);
  stdin_ = -1;
}

void Subprocess::Drain() {
  pollfd fds[2] = {{stdout_, POLLIN, 0}, {stderr_, POLLIN, 0}};
  std::string* sinks[2] = {&out_, &err_};
  int open = 2;
  char buffer[65536];
  while (open > 0) {
    if (::poll(fds, 2, -1) < 0 && errno != EINTR) return;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n <= 0) {
        fds[i].fd = -1;  // EOF: poll ignores negative fds
        --open;
        continue;
      }
      std::lock_guard lock(mutex_);
      sinks[i]->append(buffer, static_cast<std::size_t>(n));
    }
  }
}

std::string Subprocess::Stdout() {
  std::lock_guard lock(mutex_);
  return out_;
}

std::string Subprocess::Stderr() {
  std::lock_guard lock(mutex_);
  return err_;
}

bool Subprocess::WaitForStdout(const std::string& needle, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (Stdout().find(needle) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return Stdout().find(needle) != std::string::npos;
}

void Subprocess::Signal(int signal) {
  if (Running()) ::kill(pid_, signal);
}

bool Subprocess::Running() {
  if (exit_code_) return false;
  int status = 0;
  pid_t done = ::waitpid(pid_, &status, WNOHANG);
  if (done == pid_) {
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
  }
  return true;
}

std::optional<int> Subprocess::Wait(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (Running()) {
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  // The child is gone, so its pipes reach end-of-file: collect every last byte.
  if (reader_.joinable()) reader_.join();
  return exit_code_;
}

RunResult RunProcess(const std::vector<std::string>& argv,
                     const std::map<std::string, std::string>& env,
                     std::chrono::milliseconds timeout, const std::string& input) {
  Subprocess process(argv, env);
  if (!input.empty()) process.WriteStdin(input);
  process.CloseStdin();
  auto code = process.Wait(timeout);
  if (!code) {
    process.Signal(SIGKILL);
    process.Wait(std::chrono::seconds(5));
  }
  return {code.value_or(-1), process.Stdout(), process.Stderr()};
}

}  // namespace parley::testing
