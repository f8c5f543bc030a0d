// Helpers for the client tests: a short temporary home, a fake parleyd
// (a ROUTER on api.sock answering canned replies, a PUB on events.sock), and
// running the real command functions with captured output.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <string>
#include <thread>
#include <vector>

#include "client/cli/commands.h"
#include "client/i18n/catalogue.h"
#include "proto/api.pb.h"

namespace parley::client::testing {

// mkdtemp under /tmp (short: Unix socket paths are at most 107 bytes);
// removed with its files when destroyed.
class TempHome {
 public:
  TempHome();
  ~TempHome();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// An environment for SelectLang / TimeoutFromEnv made of given variables.
i18n::GetEnv FakeEnv(std::vector<std::pair<std::string, std::string>> variables);

// A streambuf several threads may write to while another reads a snapshot.
class LockedBuffer : public std::streambuf {
 public:
  std::string Snapshot() const;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;

 private:
  mutable std::mutex mutex_;
  std::string data_;
};

struct RunResult {
  int exit_code;
  std::string out;
  std::string err;
};

// Runs `argv` through cli::Run with captured output. `stdin_text`, if set,
// is what standard input holds (a pipe, closed after it).
RunResult RunParley(const std::vector<std::string>& argv,
                    std::vector<std::pair<std::string, std::string>> env = {},
                    std::optional<std::string> stdin_text = std::nullopt);

// A fake parleyd for `home`. The handler returns the reply to a request, or
// nullopt to leave it unanswered. Runs on its own thread.
class FakeDaemon {
 public:
  using Handler = std::function<std::optional<api::Reply>(const api::Request&)>;

  FakeDaemon(const std::string& home, Handler handler);
  ~FakeDaemon();

  // Publishes `event` on events.sock (from the daemon's thread, soon).
  void Publish(const api::Event& event);
  // Before answering the next request, sends `reply` as is (e.g. with a stale id).
  void SendFirst(api::Reply reply);
  // The requests received so far.
  std::vector<api::Request> Requests() const;
  // Waits until at least `count` requests arrived; false after `timeout_ms`.
  bool WaitForRequests(std::size_t count, int timeout_ms = 5000) const;

 private:
  void Serve(const std::string& home);

  Handler handler_;
  mutable std::mutex mutex_;
  std::vector<api::Request> requests_;
  std::vector<std::string> to_publish_;
  std::optional<api::Reply> first_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> ready_{false};
  std::thread thread_;
};

// A reply with only the given error.
api::Reply ErrorReply(api::ErrorCode code, const std::string& detail);

// Waits until `predicate` holds; false after `timeout_ms`.
bool Eventually(const std::function<bool()>& predicate, int timeout_ms = 5000);

}  // namespace parley::client::testing
