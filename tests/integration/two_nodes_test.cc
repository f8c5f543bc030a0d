// Two real parleyd processes on loopback, driven by the real parley client:
// the flows of a first conversation between two experts.
#include <gtest/gtest.h>
#include <signal.h>

#include <set>
#include <string>
#include <thread>

#include "tests/support/test_node.h"

namespace parley::testing {
namespace {

using nlohmann::json;

class TwoNodes : public ::testing::Test {
 protected:
  void SetUp() override {
    anna_.Init();
    boris_.Init();
    anna_.Start();
    boris_.Start();
  }
  void Befriend() {
    anna_.AddContact(boris_, "boris");
    boris_.AddContact(anna_, "anna");
  }
  TestNode anna_{"Anna Petrova"};
  TestNode boris_{"Борис Иванов"};
};

TEST_F(TwoNodes, SwapCardsVerifyAndTalkBothWays) {
  Befriend();
  auto contacts = anna_.Json({"contacts", "list"});
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0]["alias"], "boris");
  EXPECT_EQ(contacts[0]["trust"], "unverified");

  // Both sides compute the same safety number; confirming marks it verified.
  auto anna_number = anna_.Json({"contacts", "verify", "boris"})["safety_number"];
  auto boris_number = boris_.Json({"contacts", "verify", "anna"})["safety_number"];
  EXPECT_EQ(anna_number, boris_number);
  EXPECT_EQ(anna_.Json({"contacts", "verify", "boris", "--confirm"})["trust"], "verified");
  EXPECT_EQ(anna_.Json({"contacts", "list"})[0]["trust"], "verified");

  const std::string hello = "Привет, Борис! Как дела с реинтеграцией?";
  auto sent = anna_.Json({"send", "boris", hello});
  ASSERT_TRUE(sent.contains("id"));
  const std::string id = sent["id"];
  ASSERT_TRUE(WaitUntil([&] { return CountText(MessagesOf(boris_, "anna"), hello, "in") == 1; }))
      << boris_.DaemonLog();
  EXPECT_TRUE(WaitUntil([&] { return StateOf(anna_, "boris", id) == "delivered"; }));

  const std::string reply = "Hello Anna — all good. Ответ на русском тоже.";
  boris_.Json({"send", "anna", reply});
  ASSERT_TRUE(WaitUntil([&] { return CountText(MessagesOf(anna_, "boris"), reply, "in") == 1; }));
  auto history = MessagesOf(anna_, "boris");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["direction"], "out");
  EXPECT_EQ(history[0]["text"], hello);
  EXPECT_EQ(history[1]["direction"], "in");
  EXPECT_EQ(history[1]["text"], reply);
  EXPECT_TRUE(WaitUntil([&] { return anna_.Json({"contacts", "list"})[0]["online"] == true; }));
}

TEST_F(TwoNodes, ChatIsLiveBothWays) {
  Befriend();
  auto chat = anna_.StartClient({"chat", "boris"});
  // Typed in the chat: delivered to Boris, and the chat says so.
  chat->WriteStdin("Добрый день из чата\n");
  ASSERT_TRUE(WaitUntil([&] {
    return CountText(MessagesOf(boris_, "anna"), "Добрый день из чата", "in") == 1;
  })) << chat->Stdout()
      << chat->Stderr();
  EXPECT_TRUE(chat->WaitForStdout("✓✓ delivered: Добрый день из чата", std::chrono::seconds(20)))
      << chat->Stdout();
  // Sent by Boris: appears in Anna's running chat.
  boris_.Json({"send", "anna", "Ответ в реальном времени"});
  EXPECT_TRUE(chat->WaitForStdout("boris: Ответ в реальном времени", std::chrono::seconds(20)))
      << chat->Stdout();
  chat->WriteStdin("/quit\n");
  EXPECT_EQ(chat->Wait(std::chrono::seconds(10)), std::optional<int>(0)) << chat->Stderr();
}

TEST_F(TwoNodes, QueuedWhilePeerIsDownThenDeliveredAfterRestart) {
  Befriend();
  boris_.Json({"send", "anna", "warm up"});
  ASSERT_TRUE(
      WaitUntil([&] { return CountText(MessagesOf(anna_, "boris"), "warm up", "in") == 1; }));

  boris_.Stop();
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    ids.push_back(anna_.Json({"send", "boris", "while you were away " + std::to_string(i)})["id"]);
  }
  for (const auto& id : ids) EXPECT_EQ(StateOf(anna_, "boris", id), "queued");
  EXPECT_EQ(anna_.Json({"contacts", "list"})[0]["online"], false);

  boris_.Start();
  ASSERT_TRUE(WaitUntil(
      [&] {
        for (const auto& id : ids) {
          if (StateOf(anna_, "boris", id) != "delivered") return false;
        }
        return true;
      },
      std::chrono::seconds(30)))
      << anna_.DaemonLog();
  auto received = MessagesOf(boris_, "anna");
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(CountText(received, "while you were away " + std::to_string(i), "in"), 1);
  }
}

TEST_F(TwoNodes, FirstContactIsARequestUntilAccepted) {
  // Only Boris has Anna's card.
  boris_.AddContact(anna_, "anna");
  boris_.Json({"send", "anna", "Здравствуйте, мы встречались в Кишинёве"});
  json requests;
  ASSERT_TRUE(WaitUntil([&] {
    requests = anna_.Json({"requests"});
    return requests.size() == 1 && requests[0]["messages"] == 1;
  })) << anna_.DaemonLog();
  EXPECT_EQ(requests[0]["name"], "Борис Иванов");
  EXPECT_EQ(anna_.Json({"contacts", "list"}).size(), 0u);

  auto accepted = anna_.Json(
      {"contacts", "accept", std::to_string(requests[0]["id"].get<long>()), "--alias", "boris"});
  EXPECT_EQ(accepted["alias"], "boris");
  EXPECT_EQ(anna_.Json({"requests"}).size(), 0u);
  EXPECT_EQ(CountText(MessagesOf(anna_, "boris"), "Здравствуйте, мы встречались в Кишинёве", "in"),
            1);

  anna_.Json({"send", "boris", "Да, помню!"});
  ASSERT_TRUE(
      WaitUntil([&] { return CountText(MessagesOf(boris_, "anna"), "Да, помню!", "in") == 1; }));
}

TEST_F(TwoNodes, ARequestCanBeRejected) {
  boris_.AddContact(anna_, "anna");
  boris_.Json({"send", "anna", "Вы меня не знаете"});
  json requests;
  ASSERT_TRUE(WaitUntil([&] {
    requests = anna_.Json({"requests"});
    return requests.size() == 1;
  }));
  auto id = std::to_string(requests[0]["id"].get<long>());
  auto rejected = anna_.Json({"contacts", "reject", id});
  EXPECT_EQ(rejected["rejected"], true);
  EXPECT_EQ(anna_.Json({"requests"}).size(), 0u);
  auto again = anna_.Client({"contacts", "reject", id});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find(id), std::string::npos) << again.err;
}

TEST_F(TwoNodes, ARemovedContactIsForgottenAndCanComeBackOnlyAsARequest) {
  Befriend();
  anna_.Json({"send", "boris", "до удаления"});
  ASSERT_TRUE(
      WaitUntil([&] { return CountText(MessagesOf(boris_, "anna"), "до удаления", "in") == 1; }));

  auto unconfirmed = boris_.Client({"contacts", "remove", "anna"});
  EXPECT_EQ(unconfirmed.exit_code, 1);
  EXPECT_NE(unconfirmed.err.find("--yes"), std::string::npos) << unconfirmed.err;
  EXPECT_EQ(boris_.Json({"contacts", "list"}).size(), 1u);  // nothing happened

  auto removed = boris_.Json({"contacts", "remove", "anna", "--yes"});
  EXPECT_EQ(removed["removed"], true);
  EXPECT_EQ(boris_.Json({"contacts", "list"}).size(), 0u);
  auto gone = boris_.Client({"messages", "anna"});
  EXPECT_NE(gone.exit_code, 0);
  EXPECT_NE(gone.err.find("anna"), std::string::npos) << gone.err;

  // Anna's node was not told: what she sends now stays with her, and Boris
  // sees nothing of it.
  const std::string id = anna_.Json({"send", "boris", "after the removal"})["id"];
  std::this_thread::sleep_for(std::chrono::seconds(2));
  EXPECT_NE(StateOf(anna_, "boris", id), "delivered");
  EXPECT_EQ(boris_.Json({"requests"}).size(), 0u);
  EXPECT_TRUE(boris_.running());

  // Anna starts afresh with Boris's card: her first message is a request.
  auto forgot = anna_.Json({"contacts", "remove", "boris", "--yes"});
  EXPECT_EQ(forgot["removed"], true);
  anna_.AddContact(boris_, "boris");
  anna_.Json({"send", "boris", "начнём сначала"});
  nlohmann::json requests;
  ASSERT_TRUE(WaitUntil([&] {
    requests = boris_.Json({"requests"});
    return requests.size() == 1 && requests[0]["messages"] == 1;
  })) << boris_.DaemonLog()
      << anna_.DaemonLog();
  EXPECT_EQ(requests[0]["name"], "Anna Petrova");
}

TEST_F(TwoNodes, KillNineMidStreamLosesNothingAndDuplicatesNothing) {
  Befriend();
  constexpr int kMessages = 60;
  std::set<std::string> accepted;
  for (int i = 0; i < kMessages; ++i) {
    if (i == 20) boris_.Kill9();  // the recipient dies mid-stream
    if (i == 30) boris_.Start();
    if (i == 40) {  // the sender dies mid-stream, with messages in flight
      anna_.Kill9();
      anna_.Start();
    }
    auto result = anna_.Client({"--json", "send", "boris", "stream " + std::to_string(i)});
    ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
    accepted.insert(json::parse(result.out)["id"].get<std::string>());
  }
  ASSERT_TRUE(WaitUntil(
      [&] {
        auto messages = MessagesOf(anna_, "boris");
        int delivered = 0;
        for (const auto& m : messages) delivered += m["state"] == "delivered";
        return delivered == kMessages;
      },
      std::chrono::seconds(60)))
      << anna_.DaemonLog() << boris_.DaemonLog();
  auto received = MessagesOf(boris_, "anna");
  ASSERT_EQ(received.size(), static_cast<std::size_t>(kMessages));
  std::set<std::string> ids;
  for (const auto& m : received) ids.insert(m["id"].get<std::string>());
  EXPECT_EQ(ids, accepted);
  for (int i = 0; i < kMessages; ++i)
    EXPECT_EQ(CountText(received, "stream " + std::to_string(i), "in"), 1);
}

TEST_F(TwoNodes, NothingReadableOnDisk) {
  Befriend();
  const std::string canary = "CANARY-7f3a9 Канарейка-пароль";
  anna_.Json({"send", "boris", canary});
  ASSERT_TRUE(WaitUntil([&] { return CountText(MessagesOf(boris_, "anna"), canary, "in") == 1; }));
  boris_.Json({"send", "anna", canary + " reply"});
  ASSERT_TRUE(WaitUntil(
      [&] { return CountText(MessagesOf(anna_, "boris"), canary + " reply", "in") == 1; }));

  auto check = [&](const TestNode& node) {
    for (const auto& file : ListFiles(node.home())) {
      std::string bytes = ReadFile(file);
      EXPECT_EQ(bytes.find("CANARY-7f3a9"), std::string::npos) << file;
      EXPECT_EQ(bytes.find("Канарейка"), std::string::npos) << file;
      EXPECT_EQ(bytes.find("Anna Petrova"), std::string::npos) << file;
      EXPECT_EQ(bytes.find("SQLite format"), std::string::npos) << file;
    }
  };
  check(anna_);  // while running: database and WAL
  check(boris_);
  anna_.Stop();
  boris_.Stop();
  check(anna_);
  check(boris_);
}

TEST(Node, WrongPassphraseIsOneClearLineAndChangesNothing) {
  TestNode node("Carla");
  node.Init();
  std::string before = ReadFile(node.home() + "/parley.db");
  auto env = node.Environment();
  env["PARLEY_PASSPHRASE"] = "not the passphrase";
  auto result = RunProcess({ParleydPath(), "--home", node.home()}, env, std::chrono::seconds(30));
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_NE(result.err.find("wrong passphrase"), std::string::npos) << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  EXPECT_EQ(ReadFile(node.home() + "/parley.db"), before);
  node.Start();  // and the right one still works
  EXPECT_EQ(node.Json({"status"})["contacts"], 0);
}

TEST(Node, ClientWithoutDaemonSaysHowToStartIt) {
  TestNode node("Dana");
  node.Init();
  auto result = node.Client({"status"});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_NE((result.out + result.err).find("parleyd"), std::string::npos)
      << result.out << result.err;
  auto ru = node.Client({"status"}, {{"LANG", "ru_RU.UTF-8"}});
  EXPECT_EQ(ru.exit_code, 3);
  EXPECT_NE((ru.out + ru.err).find("parleyd --home"), std::string::npos);
}

TEST(Node, SecondDaemonOnTheSameHomeIsRefused) {
  TestNode node("Emil");
  node.Init();
  node.Start();
  auto result = RunProcess({ParleydPath(), "--home", node.home()}, node.Environment(),
                           std::chrono::seconds(30));
  EXPECT_EQ(result.exit_code, 5) << result.err;
  EXPECT_EQ(node.Json({"status"})["contacts"], 0);  // the first one still serves
}

}  // namespace
}  // namespace parley::testing
