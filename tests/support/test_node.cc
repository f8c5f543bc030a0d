#include "tests/support/test_node.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <thread>

namespace parley::testing {

std::string ParleydPath() { return PARLEYD_PATH; }
std::string ParleyPath() { return PARLEY_PATH; }

TestNode::TestNode(std::string name, std::string passphrase)
    : name_(std::move(name)), passphrase_(std::move(passphrase)) {}

TestNode::~TestNode() {
  if (daemon_ && daemon_->Running()) Stop();
}

std::map<std::string, std::string> TestNode::Environment() const {
  return {{"PARLEY_PASSPHRASE", passphrase_},
          {"LANG", "C.UTF-8"},
          {"LC_ALL", "\x01"},
          {"LC_MESSAGES", "\x01"},
          {"PARLEY_HOME", "\x01"}};
}

void TestNode::RunIn(std::vector<std::string> prefix, std::string host) {
  prefix_ = std::move(prefix);
  host_ = std::move(host);
}

std::vector<std::string> TestNode::ParleydArgv(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = prefix_;
  argv.insert(argv.end(), {ParleydPath(), "--home", home()});
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

void TestNode::Init(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {
      "init", "--name", name_, "--kdf", "interactive", "--listen", "tcp://" + host_ + ":0"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto result = Parleyd(args);
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
}

RunResult TestNode::Parleyd(const std::vector<std::string>& args) const {
  return RunProcess(ParleydArgv(args), Environment());
}

void TestNode::Start(std::map<std::string, std::string> extra_env) {
  auto env = Environment();
  for (auto& [k, v] : extra_env) env[k] = v;
  daemon_ = std::make_unique<Subprocess>(ParleydArgv({"--log-level", "debug"}), env);
  bool ready = WaitUntil([&] {
    if (!daemon_->Running()) return true;
    return Client({"status"}).exit_code == 0;
  });
  ASSERT_TRUE(ready && daemon_->Running()) << "parleyd did not start: " << DaemonLog();
}

void TestNode::Stop() {
  if (!daemon_) return;
  daemon_->Signal(SIGTERM);
  auto code = daemon_->Wait(std::chrono::seconds(20));
  log_ += daemon_->Stderr();
  EXPECT_TRUE(code.has_value() && *code == 0) << "parleyd did not stop cleanly: " << log_;
  daemon_.reset();
}

void TestNode::Kill9() {
  if (!daemon_) return;
  daemon_->Signal(SIGKILL);
  daemon_->Wait(std::chrono::seconds(20));
  log_ += daemon_->Stderr();
  daemon_.reset();
}

bool TestNode::running() { return daemon_ && daemon_->Running(); }

std::string TestNode::DaemonLog() {
  if (daemon_) return log_ + daemon_->Stderr();
  return log_;
}

RunResult TestNode::Client(const std::vector<std::string>& args,
                           std::map<std::string, std::string> extra_env,
                           const std::string& input) const {
  std::vector<std::string> argv = {ParleyPath(), "--home", home()};
  argv.insert(argv.end(), args.begin(), args.end());
  auto env = Environment();
  for (auto& [k, v] : extra_env) env[k] = v;
  return RunProcess(argv, env, std::chrono::seconds(60), input);
}

nlohmann::json TestNode::Json(const std::vector<std::string>& args) const {
  std::vector<std::string> with_json = {"--json"};
  with_json.insert(with_json.end(), args.begin(), args.end());
  auto result = Client(with_json);
  EXPECT_EQ(result.exit_code, 0) << "parley " << args.front() << ": " << result.out << result.err;
  try {
    return nlohmann::json::parse(result.out);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not JSON from parley " << args.front() << ": " << result.out;
    return nullptr;
  }
}

std::unique_ptr<Subprocess> TestNode::StartClient(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {ParleyPath(), "--home", home()};
  argv.insert(argv.end(), args.begin(), args.end());
  return std::make_unique<Subprocess>(argv, Environment());
}

std::string TestNode::Card() const {
  auto json = Json({"invite"});
  return json.is_object() && json.contains("card") ? json["card"].get<std::string>()
                                                   : std::string();
}

void TestNode::AddContact(const TestNode& other, const std::string& alias) const {
  auto result = Client({"contacts", "add", other.Card(), "--alias", alias});
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
}

void CreateNetwork(const TestNode& secretariat, const std::string& charter_path) {
  auto created =
      secretariat.Parleyd({"network", "create", "--name", "Prague Process", "--out", charter_path});
  ASSERT_EQ(created.exit_code, 0) << created.out << created.err;
}

nlohmann::json MessagesOf(const TestNode& node, const std::string& alias, int limit) {
  return node.Json({"messages", alias, "--limit", std::to_string(limit)});
}

nlohmann::json ContactOf(const TestNode& node, const std::string& alias) {
  for (const auto& contact : node.Json({"contacts", "list"})) {
    if (contact["alias"] == alias) return contact;
  }
  return nullptr;
}

int CountText(const nlohmann::json& messages, const std::string& text,
              const std::string& direction) {
  int count = 0;
  for (const auto& m : messages) {
    if (m["text"] == text && m["direction"] == direction) ++count;
  }
  return count;
}

std::string StateOf(const TestNode& node, const std::string& alias, const std::string& id) {
  for (const auto& m : MessagesOf(node, alias)) {
    if (m["id"] == id) return m["state"];
  }
  return "missing";
}

bool WaitUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return condition();
}

}  // namespace parley::testing
