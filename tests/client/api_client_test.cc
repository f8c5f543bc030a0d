// client/api: "no daemon" is detected at once (missing or stale api.sock),
// a silent daemon times out, replies are matched by id.
#include "client/api/api_client.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <nlohmann/json.hpp>

#include "client/api/socket_probe.h"
#include "proto/local_paths.h"
#include "tests/client/test_support.h"

namespace parley::client {
namespace {

using api_client::ProbeUnixSocket;
using api_client::SocketState;
using testing::FakeDaemon;
using testing::RunParley;
using testing::TempHome;

// Leaves a socket file nobody listens on, as a killed daemon does.
void MakeStaleSocket(const std::string& path) {
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::memcpy(address.sun_path, path.data(), path.size());
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(fd, 1), 0);
  ::close(fd);
}

std::size_t Lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST(SocketProbeTest, MissingStaleListening) {
  TempHome home;
  const std::string path = paths::ApiSocketPath(home.path());
  EXPECT_EQ(ProbeUnixSocket(path).state, SocketState::kMissing);
  EXPECT_EQ(ProbeUnixSocket("/nonexistent-dir/x/api.sock").state, SocketState::kMissing);
  MakeStaleSocket(path);
  EXPECT_EQ(ProbeUnixSocket(path).state, SocketState::kRefused);
  ::unlink(path.c_str());
  FakeDaemon daemon(home.path(), [](const api::Request&) { return std::nullopt; });
  EXPECT_EQ(ProbeUnixSocket(path).state, SocketState::kListening);
}

TEST(NoDaemonTest, EmptyHomeExitsThreeWithOneLineNamingParleyd) {
  TempHome home;
  const auto start = std::chrono::steady_clock::now();
  auto result = RunParley({"--home", home.path(), "status"});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  EXPECT_EQ(result.exit_code, kExitNoDaemon);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "parley: no daemon is running for " + home.path() +
                            "; start it with: parleyd --home " + home.path() + "\n");
  EXPECT_EQ(Lines(result.err), 1u);
}

TEST(NoDaemonTest, MissingHomeDirectoryToo) {
  auto result = RunParley({"contacts", "list", "--home", "/tmp/parley-no-such-home-dir"});
  EXPECT_EQ(result.exit_code, kExitNoDaemon);
  EXPECT_NE(result.err.find("parleyd --home /tmp/parley-no-such-home-dir"), std::string::npos);
}

TEST(NoDaemonTest, StaleSocketIsReportedImmediately) {
  TempHome home;
  MakeStaleSocket(paths::ApiSocketPath(home.path()));
  const auto start = std::chrono::steady_clock::now();
  auto result =
      RunParley({"--home", home.path(), "send", "bob", "hi"}, {{"PARLEY_TIMEOUT_MS", "20000"}});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  EXPECT_EQ(result.exit_code, kExitNoDaemon);
  EXPECT_EQ(Lines(result.err), 1u);
  EXPECT_NE(result.err.find("parleyd --home " + home.path()), std::string::npos);
}

TEST(NoDaemonTest, JsonAndRussian) {
  TempHome home;
  auto json = RunParley({"--json", "--home", home.path(), "requests"});
  EXPECT_EQ(json.exit_code, kExitNoDaemon);
  EXPECT_EQ(json.err, "");
  auto document = nlohmann::json::parse(json.out);
  EXPECT_EQ(document["error"]["code"], "daemon_not_running");
  EXPECT_NE(document["error"]["message"].get<std::string>().find("parleyd --home"),
            std::string::npos);

  auto russian = RunParley({"--home", home.path(), "status"}, {{"LC_ALL", "ru_RU.UTF-8"}});
  EXPECT_EQ(russian.exit_code, kExitNoDaemon);
  EXPECT_NE(russian.err.find("не запущен"), std::string::npos) << russian.err;
  EXPECT_NE(russian.err.find("parleyd --home " + home.path()), std::string::npos);
}

TEST(NoDaemonTest, SilentDaemonTimesOut) {
  TempHome home;
  FakeDaemon daemon(home.path(), [](const api::Request&) { return std::nullopt; });
  const auto start = std::chrono::steady_clock::now();
  auto result = RunParley({"--home", home.path(), "status"}, {{"PARLEY_TIMEOUT_MS", "300"}});
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_GE(took, std::chrono::milliseconds(300));
  EXPECT_LT(took, std::chrono::seconds(3));
  EXPECT_EQ(result.exit_code, kExitNoDaemon);
  EXPECT_NE(result.err.find("not responding"), std::string::npos) << result.err;
  EXPECT_EQ(Lines(result.err), 1u);
}

TEST(ApiClientTest, TimeoutFromEnv) {
  using std::chrono::milliseconds;
  EXPECT_EQ(api_client::TimeoutFromEnv(testing::FakeEnv({})), api_client::kDefaultTimeout);
  EXPECT_EQ(api_client::TimeoutFromEnv(testing::FakeEnv({{"PARLEY_TIMEOUT_MS", "250"}})),
            milliseconds(250));
  for (const char* bad : {"", "0", "-5", "12abc", "lots"}) {
    EXPECT_EQ(api_client::TimeoutFromEnv(testing::FakeEnv({{"PARLEY_TIMEOUT_MS", bad}})),
              api_client::kDefaultTimeout)
        << bad;
  }
}

TEST(ApiClientTest, RepliesAreMatchedById) {
  TempHome home;
  FakeDaemon daemon(home.path(), [](const api::Request&) {
    api::Reply reply;
    reply.mutable_status()->set_version("right");
    return reply;
  });
  api::Reply stale;
  stale.set_id(1);  // not the id the client chooses
  stale.mutable_status()->set_version("stale");
  daemon.SendFirst(stale);
  api_client::ApiClient client(home.path(), {std::chrono::milliseconds(3000), {}});
  api::Request request;
  request.mutable_status();
  auto reply = client.Call(request, api::Reply::kStatus);
  ASSERT_TRUE(reply.ok());
  EXPECT_EQ(reply->status().version(), "right");
  EXPECT_NE(daemon.Requests().at(0).id(), 1u);
}

TEST(ApiClientTest, ReplyOfTheWrongKindIsABadReply) {
  TempHome home;
  FakeDaemon daemon(home.path(), [](const api::Request&) {
    api::Reply reply;
    reply.mutable_invite()->set_card("parley:x");
    return reply;
  });
  auto result = RunParley({"--home", home.path(), "--json", "status"});
  EXPECT_EQ(result.exit_code, kExitError);
  EXPECT_EQ(nlohmann::json::parse(result.out)["error"]["code"], "bad_reply");
}

TEST(ApiClientTest, HomePathTooLongForASocket) {
  auto result = RunParley({"--home", "/tmp/" + std::string(120, 'x'), "status"});
  EXPECT_EQ(result.exit_code, kExitUsage);
  EXPECT_NE(result.err.find("too long"), std::string::npos);
}

}  // namespace
}  // namespace parley::client
