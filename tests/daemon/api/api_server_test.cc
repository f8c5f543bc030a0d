#include "daemon/api/api_server.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "proto/local_paths.h"
#include "tests/support/temp_dir.h"

namespace parley::api_server {
namespace {

// Sends one status request from this process and reports whether a reply came.
bool RequestStatus(const std::string& home) {
  zmq::context_t context(1);
  zmq::socket_t dealer(context, zmq::socket_type::dealer);
  dealer.set(zmq::sockopt::linger, 0);
  dealer.set(zmq::sockopt::rcvtimeo, 1500);
  dealer.connect("ipc://" + paths::ApiSocketPath(home));
  api::Request request;
  request.set_id(9);
  request.mutable_status();
  dealer.send(zmq::buffer(request.SerializeAsString()), zmq::send_flags::dontwait);
  zmq::message_t reply;
  return dealer.recv(reply).has_value();
}

class ApiServerTest : public ::testing::Test {
 protected:
  // Serves on a thread: answers every request with an empty status.
  void Serve() {
    server_thread_ = std::thread([this] {
      while (!stop_) {
        std::vector<zmq::pollitem_t> items;
        server_.AppendPollItems(items);
        zmq::poll(items, std::chrono::milliseconds(20));
        std::vector<ApiCall> calls;
        server_.ProcessReady(items.data(), 100, calls);
        for (const auto& call : calls) {
          ++served_;
          api::Reply reply;
          reply.set_id(call.request.id());
          reply.mutable_status();
          server_.Reply(call.route, reply);
        }
      }
    });
  }
  void TearDown() override {
    stop_ = true;
    if (server_thread_.joinable()) server_thread_.join();
  }

  testing::TempDir home_;
  zmq::context_t context_{1};
  ApiServer server_{context_, home_.path()};
  std::thread server_thread_;
  std::atomic<bool> stop_{false};
  std::atomic<int> served_{0};
};

TEST_F(ApiServerTest, SocketsAreOwnerOnly) {
  ASSERT_TRUE(server_.Start().ok());
  for (const auto& path :
       {paths::ApiSocketPath(home_.path()), paths::EventSocketPath(home_.path())}) {
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << path;
  }
}

TEST_F(ApiServerTest, TheOwnerIsAnswered) {
  ASSERT_TRUE(server_.Start().ok());
  Serve();
  EXPECT_TRUE(RequestStatus(home_.path()));
  EXPECT_EQ(served_, 1);
}

TEST_F(ApiServerTest, AnotherUidIsRefusedEvenWhenTheFileWouldAllowIt) {
  if (::getuid() != 0) GTEST_SKIP() << "needs root to switch to another uid";
  ASSERT_TRUE(server_.Start().ok());
  // Open everything up, so that only the peer-credential check stands in the way.
  ASSERT_EQ(::chmod(home_.path().c_str(), 0755), 0);
  ASSERT_EQ(::chmod(paths::ApiSocketPath(home_.path()).c_str(), 0666), 0);
  Serve();
  // The real client, as another user. This process has threads, so the child
  // does nothing but async-signal-safe calls before exec: everything it needs
  // is prepared here.
  std::string client = PARLEY_PATH;
  std::string home = home_.path();
  std::vector<char*> argv = {client.data(), const_cast<char*>("--home"), home.data(),
                             const_cast<char*>("status"), nullptr};
  std::vector<char*> envp = {const_cast<char*>("PARLEY_TIMEOUT_MS=1500"),
                             const_cast<char*>("LANG=C.UTF-8"), nullptr};
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(100);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(101);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  // 3: "no daemon is running / it does not respond"; 0 would mean it was answered.
  EXPECT_EQ(WEXITSTATUS(status), 3) << "a process of another uid got an answer";
  EXPECT_EQ(served_, 0);
  // And the owner still is answered.
  EXPECT_TRUE(RequestStatus(home_.path()));
}

TEST_F(ApiServerTest, UndecodableRequestGetsBadRequest) {
  ASSERT_TRUE(server_.Start().ok());
  Serve();
  zmq::context_t context(1);
  zmq::socket_t dealer(context, zmq::socket_type::dealer);
  dealer.set(zmq::sockopt::linger, 0);
  dealer.set(zmq::sockopt::rcvtimeo, 1500);
  dealer.connect("ipc://" + paths::ApiSocketPath(home_.path()));
  dealer.send(zmq::str_buffer("\xff\xff\xff\xff"));
  zmq::message_t body;
  ASSERT_TRUE(dealer.recv(body).has_value());
  api::Reply reply;
  ASSERT_TRUE(reply.ParseFromArray(body.data(), static_cast<int>(body.size())));
  EXPECT_EQ(reply.error().code(), api::BAD_REQUEST);
}

TEST_F(ApiServerTest, KnowsWhetherAnyoneListensToEvents) {
  ASSERT_TRUE(server_.Start().ok());
  auto poll_once = [&] {
    std::vector<zmq::pollitem_t> items;
    server_.AppendPollItems(items);
    zmq::poll(items, std::chrono::milliseconds(50));
    std::vector<ApiCall> calls;
    server_.ProcessReady(items.data(), 10, calls);
  };
  poll_once();
  EXPECT_FALSE(server_.HasSubscribers());
  zmq::context_t context(1);
  {
    zmq::socket_t sub(context, zmq::socket_type::sub);
    sub.set(zmq::sockopt::linger, 0);
    sub.set(zmq::sockopt::subscribe, "");
    sub.connect("ipc://" + paths::EventSocketPath(home_.path()));
    for (int i = 0; i < 40 && !server_.HasSubscribers(); ++i) poll_once();
    EXPECT_TRUE(server_.HasSubscribers());
  }
  for (int i = 0; i < 40 && server_.HasSubscribers(); ++i) poll_once();
  EXPECT_FALSE(server_.HasSubscribers());
}

TEST(ApiServerPathTest, HomeTooLongForASocketIsAClearError) {
  zmq::context_t context(1);
  ApiServer server(context, "/tmp/" + std::string(120, 'x'));
  auto status = server.Start();
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("too long"), std::string::npos);
}

}  // namespace
}  // namespace parley::api_server
