// `parley chat` against a fake parleyd, driven through a pipe as tests and
// scripts do: history, live incoming messages, sends, delivery marks,
// de-duplication of events that race the history.
#include "client/chat.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <regex>
#include <thread>

#include "client/cli/run.h"
#include "client/render/time.h"
#include "tests/client/test_support.h"

namespace parley::client {
namespace {

using testing::Eventually;
using testing::FakeDaemon;
using testing::LockedBuffer;
using testing::TempHome;

api::Message MakeMessage(const std::string& id, api::Direction direction, const std::string& text,
                         api::MessageState state) {
  api::Message message;
  message.set_id(id);
  message.set_direction(direction);
  message.set_text(text);
  message.set_state(state);
  // Now: chat stamps today's messages with the time alone (a fixed date
  // made this test fail on every later day).
  message.set_time_ms(render::NowMs());
  return message;
}

api::Event MessageEvent(const std::string& alias, const api::Message& message) {
  api::Event event;
  event.mutable_message()->set_alias(alias);
  *event.mutable_message()->mutable_message() = message;
  return event;
}

api::Event DeliveryEvent(const std::string& alias, const std::string& id, api::MessageState state) {
  api::Event event;
  event.mutable_delivery()->set_alias(alias);
  event.mutable_delivery()->set_id(id);
  event.mutable_delivery()->set_state(state);
  return event;
}

std::size_t Count(const std::string& haystack, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

class ChatTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(::pipe(stdin_), 0); }
  void TearDown() override {
    if (stdin_[1] >= 0) ::close(stdin_[1]);
    if (chat_.joinable()) chat_.join();
    ::close(stdin_[0]);
  }

  void StartChat(const std::string& home, const std::string& alias) {
    chat_ = std::thread([this, home, alias] {
      cli::Io io{out_stream_, err_stream_, stdin_[0], false, false, false};
      exit_code_ =
          cli::Run({"--home", home, "chat", alias}, io, testing::FakeEnv({{"LANG", "C.UTF-8"}}));
      done_ = true;
    });
  }
  void Type(const std::string& text) {
    ASSERT_EQ(::write(stdin_[1], text.data(), text.size()), static_cast<ssize_t>(text.size()));
  }
  void CloseInput() {
    ::close(stdin_[1]);
    stdin_[1] = -1;
  }
  std::string Out() const { return out_.Snapshot(); }
  bool OutHas(const std::string& text) {
    return Eventually([&] { return Out().find(text) != std::string::npos; });
  }

  int stdin_[2] = {-1, -1};
  LockedBuffer out_;
  LockedBuffer err_;
  std::ostream out_stream_{&out_};
  std::ostream err_stream_{&err_};
  std::thread chat_;
  std::atomic<int> exit_code_{-1};
  std::atomic<bool> done_{false};
};

TEST_F(ChatTest, HistoryThenLiveBothWays) {
  TempHome home;
  FakeDaemon* daemon_ptr = nullptr;
  FakeDaemon daemon(home.path(), [&](const api::Request& request) -> std::optional<api::Reply> {
    api::Reply reply;
    if (request.has_list_messages()) {
      EXPECT_EQ(request.list_messages().alias(), "alice");
      EXPECT_EQ(request.list_messages().limit(), cli::kChatHistory);
      // Events that race the history: one already in it, one not.
      daemon_ptr->Publish(
          MessageEvent("alice", MakeMessage("h1", api::IN, "старое", api::DELIVERED)));
      daemon_ptr->Publish(
          MessageEvent("alice", MakeMessage("r1", api::IN, "гонка", api::DELIVERED)));
      *reply.mutable_messages()->add_messages() =
          MakeMessage("h1", api::IN, "старое", api::DELIVERED);
      *reply.mutable_messages()->add_messages() =
          MakeMessage("h2", api::OUT, "my old one", api::DELIVERED);
    } else if (request.has_send()) {
      reply.mutable_send()->set_id("s1");
    }
    return reply;
  });
  daemon_ptr = &daemon;

  StartChat(home.path(), "alice");
  ASSERT_TRUE(OutHas("alice: старое\n"));
  ASSERT_TRUE(OutHas("me: my old one  ✓✓\n"));
  ASSERT_TRUE(OutHas("alice: гонка\n"));

  // An incoming message, one for someone else, and a repeat of a known id.
  daemon.Publish(
      MessageEvent("bob", MakeMessage("x1", api::IN, "not for this chat", api::DELIVERED)));
  daemon.Publish(
      MessageEvent("alice", MakeMessage("m1", api::IN, "Привет из Минска", api::DELIVERED)));
  daemon.Publish(MessageEvent("alice", MakeMessage("h1", api::IN, "старое", api::DELIVERED)));
  ASSERT_TRUE(OutHas("alice: Привет из Минска\n"));
  EXPECT_TRUE(std::regex_search(Out(), std::regex(R"(\[\d\d:\d\d\] alice: Привет из Минска\n)")));

  // A line typed is sent and acknowledged; then its delivery is shown.
  Type("Добрый день\n");
  ASSERT_TRUE(daemon.WaitForRequests(2));
  ASSERT_TRUE(OutHas("me: Добрый день\n"));
  EXPECT_EQ(daemon.Requests().back().send().alias(), "alice");
  EXPECT_EQ(daemon.Requests().back().send().text(), "Добрый день");
  daemon.Publish(DeliveryEvent("alice", "s1", api::SENT));
  daemon.Publish(DeliveryEvent("alice", "s1", api::DELIVERED));
  ASSERT_TRUE(OutHas("✓ sent: Добрый день\n"));
  ASSERT_TRUE(OutHas("✓✓ delivered: Добрый день\n"));

  Type("/help\n//slash\n");
  ASSERT_TRUE(OutHas("/quit"));
  ASSERT_TRUE(daemon.WaitForRequests(3));
  EXPECT_EQ(daemon.Requests().back().send().text(), "/slash");

  Type("/quit\n");
  ASSERT_TRUE(Eventually([&] { return done_.load(); }));
  EXPECT_EQ(exit_code_, 0);

  const std::string out = Out();
  EXPECT_EQ(Count(out, "старое"), 1u) << out;
  EXPECT_EQ(Count(out, "гонка"), 1u) << out;
  EXPECT_EQ(Count(out, "Привет из Минска"), 1u) << out;
  EXPECT_EQ(Count(out, "not for this chat"), 0u) << out;
}

TEST_F(ChatTest, EndOfInputSendsTheLastLineAndLeaves) {
  TempHome home;
  FakeDaemon daemon(home.path(), [](const api::Request& request) -> std::optional<api::Reply> {
    api::Reply reply;
    if (request.has_list_messages()) reply.mutable_messages();
    if (request.has_send()) reply.mutable_send()->set_id("s" + request.send().text());
    return reply;
  });
  Type("one\n\n   \ntwo");  // blank lines are not sent; "two" has no newline
  CloseInput();
  StartChat(home.path(), "alice");
  ASSERT_TRUE(Eventually([&] { return done_.load(); }));
  EXPECT_EQ(exit_code_, 0);
  auto requests = daemon.Requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[1].send().text(), "one");
  EXPECT_EQ(requests[2].send().text(), "two");
}

TEST_F(ChatTest, UnknownContactFailsWithExitOne) {
  TempHome home;
  FakeDaemon daemon(home.path(), [](const api::Request&) -> std::optional<api::Reply> {
    return testing::ErrorReply(api::UNKNOWN_CONTACT, "zed");
  });
  CloseInput();
  StartChat(home.path(), "zed");
  ASSERT_TRUE(Eventually([&] { return done_.load(); }));
  EXPECT_EQ(exit_code_, kExitError);
  EXPECT_NE(err_.Snapshot().find("No contact named 'zed'"), std::string::npos);
}

TEST_F(ChatTest, SendErrorsDoNotEndTheChat) {
  TempHome home;
  FakeDaemon daemon(home.path(), [](const api::Request& request) -> std::optional<api::Reply> {
    if (request.has_send()) return testing::ErrorReply(api::EMPTY_MESSAGE, "");
    api::Reply reply;
    reply.mutable_messages();
    return reply;
  });
  StartChat(home.path(), "alice");
  Type("x\n");
  ASSERT_TRUE(Eventually([&] { return err_.Snapshot().find("empty") != std::string::npos; }));
  EXPECT_FALSE(done_);
  CloseInput();
  ASSERT_TRUE(Eventually([&] { return done_.load(); }));
  EXPECT_EQ(exit_code_, 0);
}

}  // namespace
}  // namespace parley::client
