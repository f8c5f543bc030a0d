// TestNode: one real parleyd in its own temporary home, driven through the
// real parley client. Paths of the binaries come from the build
// (PARLEYD_PATH, PARLEY_PATH).
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace parley::testing {

std::string ParleydPath();
std::string ParleyPath();

class TestNode {
 public:
  explicit TestNode(std::string name, std::string passphrase = "correct horse battery staple");
  ~TestNode();

  // From now on parleyd runs behind `prefix` (e.g. "ip netns exec NS",
  // TwoNamespaces::Exec) and listens on `host` instead of 127.0.0.1. The
  // client needs no prefix: the local API is a socket file in the home.
  void RunIn(std::vector<std::string> prefix, std::string host);
  // parleyd init with a cheap KDF and an ephemeral port on loopback (or the
  // RunIn host), plus `extra` arguments (e.g. --charter FILE).
  void Init(const std::vector<std::string>& extra = {});
  // parleyd with --home and `args` (e.g. network create ...), to completion.
  RunResult Parleyd(const std::vector<std::string>& args) const;
  // Starts parleyd and waits until `parley status` answers.
  void Start(std::map<std::string, std::string> extra_env = {});
  void Stop();   // SIGTERM, waits for a clean exit
  void Kill9();  // no clean-up at all
  bool running();

  // The real client; --home is added.
  RunResult Client(const std::vector<std::string>& args,
                   std::map<std::string, std::string> extra_env = {},
                   const std::string& input = {}) const;
  // Client with --json, parsed; fails the test on a non-zero exit.
  nlohmann::json Json(const std::vector<std::string>& args) const;
  std::unique_ptr<Subprocess> StartClient(const std::vector<std::string>& args) const;

  std::string Card() const;
  // Adds `other` as `alias` (via its card).
  void AddContact(const TestNode& other, const std::string& alias) const;

  const std::string& home() const { return home_.path(); }
  const std::string& name() const { return name_; }
  const std::string& passphrase() const { return passphrase_; }
  std::map<std::string, std::string> Environment() const;
  std::string DaemonLog();

 private:
  std::string name_;
  std::string passphrase_;
  TempDir home_;
  std::unique_ptr<Subprocess> daemon_;
  std::string log_;
  std::vector<std::string> prefix_;  // before parleyd's path (RunIn)
  std::string host_ = "127.0.0.1";
  std::vector<std::string> ParleydArgv(const std::vector<std::string>& args) const;
};

// `secretariat`, initialised, creates the network "Prague Process" and
// writes its charter to `charter_path` (a gtest failure otherwise).
void CreateNetwork(const TestNode& secretariat, const std::string& charter_path);

// `node`'s conversation with `alias` (parley --json messages), oldest first.
nlohmann::json MessagesOf(const TestNode& node, const std::string& alias, int limit = 1000);
// How many of `messages` say `text` in `direction` ("in" or "out").
int CountText(const nlohmann::json& messages, const std::string& text,
              const std::string& direction);
// `node`'s contact `alias` as parley --json contacts list shows it (null when none).
nlohmann::json ContactOf(const TestNode& node, const std::string& alias);
// The state of message `id` in `node`'s conversation with `alias`, or "missing".
std::string StateOf(const TestNode& node, const std::string& alias, const std::string& id);

// Polls `condition` every 20 ms until it holds or `timeout` passes.
bool WaitUntil(const std::function<bool()>& condition,
               std::chrono::milliseconds timeout = std::chrono::seconds(20));

}  // namespace parley::testing
