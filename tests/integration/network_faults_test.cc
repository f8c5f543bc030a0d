// Two real parleyd, each in a network namespace of its own, joined by one
// veth cable the test unplugs: an outage shorter and longer than the link's
// heartbeat timeout, and a peer that dies while unreachable. Whatever was
// accepted on either side arrives exactly once when the cable is back, and
// "delivered" comes back to the sender. Skipped where namespaces cannot be
// made (no CAP_NET_ADMIN).
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "daemon/net/link.h"
#include "tests/support/network_namespaces.h"
#include "tests/support/test_node.h"

namespace parley::testing {
namespace {

using nlohmann::json;

// Reconnection backs off up to net::kReconnectIntervalMaxMs: after an outage
// the link may take that long to come back, plus a round of retries.
constexpr auto kRecovery =
    std::chrono::milliseconds(net::kReconnectIntervalMaxMs) + std::chrono::seconds(30);

class NetworkFaults : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why_not;
    net_ = TwoNamespaces::Create(why_not);
    if (!net_) GTEST_SKIP() << "network namespaces are not available here: " << why_not;
    anna_.RunIn(net_->Exec(0), net_->Address(0));
    boris_.RunIn(net_->Exec(1), net_->Address(1));
    anna_.Init();
    boris_.Init();
    anna_.Start();
    boris_.Start();
    anna_.AddContact(boris_, "boris");
    boris_.AddContact(anna_, "anna");
    // Over the cable, both ways, before any fault.
    const std::string id = anna_.Json({"send", "boris", "over the cable"})["id"];
    ASSERT_TRUE(WaitUntil([&] { return StateOf(anna_, "boris", id) == "delivered"; }))
        << anna_.DaemonLog() << boris_.DaemonLog();
    boris_.Json({"send", "anna", "and back"});
    ASSERT_TRUE(
        WaitUntil([&] { return CountText(MessagesOf(anna_, "boris"), "and back", "in") == 1; }));
  }

  // Sends `count` numbered messages from `from` to `alias`; their ids.
  std::vector<std::string> SendMany(TestNode& from, const std::string& alias,
                                    const std::string& prefix, int count) {
    std::vector<std::string> ids;
    for (int i = 0; i < count; ++i)
      ids.push_back(from.Json({"send", alias, prefix + std::to_string(i)})["id"]);
    return ids;
  }

  // Every one of `count` texts arrived exactly once at `to`, and `from`
  // says each of `ids` is delivered.
  bool ArrivedOnceAndDelivered(TestNode& from, const std::string& to_alias, TestNode& to,
                               const std::string& from_alias, const std::string& prefix,
                               const std::vector<std::string>& ids) {
    const json received = MessagesOf(to, from_alias);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (CountText(received, prefix + std::to_string(i), "in") != 1) return false;
    }
    for (const auto& id : ids) {
      if (StateOf(from, to_alias, id) != "delivered") return false;
    }
    return true;
  }

  bool Online(TestNode& node) { return node.Json({"contacts", "list"})[0]["online"] == true; }

  std::unique_ptr<TwoNamespaces> net_;  // outlives the daemons in it
  TestNode anna_{"Anna Petrova"};
  TestNode boris_{"Борис Иванов"};
};

TEST_F(NetworkFaults, AShortOutageQueuesBothWaysAndEverythingArrivesOnce) {
  ASSERT_TRUE(net_->SetCable(false));
  const auto from_anna = SendMany(anna_, "boris", "anna, cable out ", 10);
  const auto from_boris = SendMany(boris_, "anna", "борис, кабель отключён ", 10);
  std::this_thread::sleep_for(std::chrono::seconds(2));
  EXPECT_EQ(CountText(MessagesOf(boris_, "anna"), "anna, cable out 0", "in"), 0);
  for (const auto& id : from_anna) EXPECT_NE(StateOf(anna_, "boris", id), "delivered");

  ASSERT_TRUE(net_->SetCable(true));
  EXPECT_TRUE(WaitUntil(
      [&] {
        return ArrivedOnceAndDelivered(anna_, "boris", boris_, "anna", "anna, cable out ",
                                       from_anna) &&
               ArrivedOnceAndDelivered(boris_, "anna", anna_, "boris", "борис, кабель отключён ",
                                       from_boris);
      },
      kRecovery))
      << anna_.DaemonLog() << boris_.DaemonLog();
  EXPECT_EQ(MessagesOf(boris_, "anna").size(), 22u);  // nothing twice
  EXPECT_EQ(MessagesOf(anna_, "boris").size(), 22u);
}

TEST_F(NetworkFaults, AnOutageLongerThanTheHeartbeatIsNoticedAndTheLinkComesBack) {
  ASSERT_TRUE(Online(anna_));
  ASSERT_TRUE(net_->SetCable(false));
  const auto from_anna = SendMany(anna_, "boris", "during the long outage ", 5);
  // No reset ever arrives: only the heartbeat can tell the link is dead.
  EXPECT_TRUE(
      WaitUntil([&] { return !Online(anna_) && !Online(boris_); },
                std::chrono::milliseconds(net::kHeartbeatTimeoutMs) + std::chrono::seconds(10)))
      << anna_.DaemonLog();

  ASSERT_TRUE(net_->SetCable(true));
  EXPECT_TRUE(WaitUntil(
      [&] {
        return ArrivedOnceAndDelivered(anna_, "boris", boris_, "anna", "during the long outage ",
                                       from_anna);
      },
      kRecovery))
      << anna_.DaemonLog() << boris_.DaemonLog();
  EXPECT_TRUE(WaitUntil([&] { return Online(anna_) && Online(boris_); }, kRecovery));
  EXPECT_EQ(MessagesOf(boris_, "anna").size(), 7u);
}

TEST_F(NetworkFaults, APeerKilledWhileUnreachableGetsEverythingOnceItIsBack) {
  ASSERT_TRUE(net_->SetCable(false));
  const auto from_anna = SendMany(anna_, "boris", "while Boris crashed ", 5);
  // Boris dies and comes back while the cable is out: Anna's connection to
  // him is now half-open, and only his reset tells her so.
  boris_.Kill9();
  boris_.Start();
  ASSERT_TRUE(net_->SetCable(true));
  EXPECT_TRUE(WaitUntil(
      [&] {
        return ArrivedOnceAndDelivered(anna_, "boris", boris_, "anna", "while Boris crashed ",
                                       from_anna);
      },
      kRecovery))
      << anna_.DaemonLog() << boris_.DaemonLog();
  boris_.Json({"send", "anna", "back after the crash"});
  EXPECT_TRUE(WaitUntil(
      [&] { return CountText(MessagesOf(anna_, "boris"), "back after the crash", "in") == 1; },
      kRecovery));
  EXPECT_EQ(MessagesOf(boris_, "anna").size(), 8u);
}

}  // namespace
}  // namespace parley::testing
